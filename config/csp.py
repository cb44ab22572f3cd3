"""The Content-Security-Policy middleware, with one exception for the admin."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware; Django's admin may use inline styles.

    The admin's templates and JavaScript set style attributes. Styles only,
    and only for staff pages: scripts stay 'self' everywhere.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        match = getattr(request, "resolver_match", None)
        if match is not None and "admin" in match.namespaces:
            update = dict(parts.update or {})
            update["style-src"] = [UNSAFE_INLINE]
            parts.update = update
        return parts
