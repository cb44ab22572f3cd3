"""Headers for privacy: what the browser may store, which features it offers.

Cache-Control: every response to a logged-in person is personal (a name in
the header, the organisation's registrations, participant lists, reports),
so none may be kept on disk, in a shared computer's browser cache or in a
proxy: `no-store` for all of them, not only for the downloads. Pages under
the account, personal and back-office paths get it for anonymous visitors
too: a confirmation link shows an e-mail address, and a log-in page is not
worth caching. Public pages for anonymous visitors stay cacheable.

Permissions-Policy: the portal uses no camera, microphone, location,
payment or other device feature, so none is offered to it or to anything
injected into it. Settings: PERMISSIONS_POLICY.
"""

import re

from django.conf import settings
from django.utils.cache import add_never_cache_headers

# The first path segment after an optional language prefix.
PRIVATE_PATHS = re.compile(
    r"^/(?:[a-z]{2}/)?(?:accounts|mijn|beheer|rapportages|dashboard|admin)/"
)


def permissions_policy(features: dict[str, list[str]]) -> str:
    """`{"camera": []}` → `camera=()`; `{"fullscreen": ["self"]}` →
    `fullscreen=(self)`."""
    return ", ".join(
        f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items()
    )


class PrivacyHeadersMiddleware:
    """Adds Permissions-Policy to every response and `Cache-Control:
    no-store` to every personal one (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        if self._personal(request):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _personal(request) -> bool:
        if PRIVATE_PATHS.match(request.path_info):
            return True
        # Static files (WhiteNoise answers before authentication) have no user.
        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated
