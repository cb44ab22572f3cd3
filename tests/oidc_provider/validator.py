"""Claims of the test identities, as an eHerkenning broker passes them on."""

import json
import os

from oauth2_provider.oauth2_validators import OAuth2Validator


def identities() -> dict:
    with open(os.environ["OIDC_TEST_IDENTITIES"]) as file:
        return json.load(file)


class BrokerClaimsValidator(OAuth2Validator):
    # Every claim of the identity; the broker's own ones (urn:...) only
    # with the "eherkenning" scope, as a broker gives them per service.
    oidc_claim_scope = None

    def get_additional_claims(self, request):
        claims = identities()[request.user.username]
        if "eherkenning" not in request.scopes:
            return {k: v for k, v in claims.items() if not k.startswith("urn:")}
        return claims
