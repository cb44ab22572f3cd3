"""A real OpenID Connect provider for the eHerkenning tests.

django-oauth-toolkit with OIDC switched on, in a process of its own on a free
port of 127.0.0.1 (serve.py, started by tests/accounts/test_eherkenning.py).
It stands in for an eHerkenning broker: its test identities carry the claims
a broker passes on (KvK number, vestigingsnummer, company name).
"""
