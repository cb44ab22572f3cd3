"""Run the tests' OpenID Connect provider: python -m tests.oidc_provider.serve

Reads OIDC_TEST_DB (a SQLite file), OIDC_TEST_IDENTITIES (JSON: username to
claims), OIDC_TEST_CLIENT (JSON: client_id, client_secret, redirect_uris).
Binds a free port of 127.0.0.1, prints "READY <port>" and serves until it
is terminated.
"""

import json
import os
import socketserver
import sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .running import PASSWORD


class _Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def main() -> None:
    server = make_server(
        "127.0.0.1", 0, None, server_class=_Server, handler_class=_QuietHandler
    )
    port = server.server_port
    os.environ["OIDC_TEST_ISSUER"] = f"http://127.0.0.1:{port}/o"
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"

    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    from .validator import identities

    call_command("migrate", verbosity=0)
    for username in identities():
        User.objects.create_user(username=username, password=PASSWORD)
    client = json.loads(os.environ["OIDC_TEST_CLIENT"])
    Application.objects.create(
        name="Exportportaal",
        client_id=client["client_id"],
        client_secret=client["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=" ".join(client["redirect_uris"]),
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    server.set_app(get_wsgi_application())
    print(f"READY {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
