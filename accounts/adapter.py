from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from django.contrib.auth.models import Group
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils import translation

from outbox.services import email_enqueue_message

from .authentication import login_failure_consume, too_many_attempts
from .roles import Role


class AccountAdapter(DefaultAccountAdapter):
    """Everybody who signs up on the site is an entrepreneur (SME user).

    Civil servants, portfolio holders and administrators are created by an
    administrator (`manage.py create_user` or the admin).
    """

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get_or_create(name=Role.SME)[0])
        return user

    def send_mail(self, template_prefix, email, context):
        """Write the mail (rendered now, in the language of the page) to the
        outbox instead of speaking SMTP in the request: sign-up and password
        reset answer as usual when SMTP or the broker is down, and the mail
        goes out when they are back."""
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
        }
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        email_enqueue_message(
            message=message, language=translation.get_language() or ""
        )

    def pre_authenticate(self, request, **credentials):
        """Count the attempt per address, account and both (see
        accounts/authentication.py) instead of allauth's per-account lock,
        which anybody could trip for somebody else; when a limit holds the
        answer is 429. allauth rolls the count back when the password is
        right."""
        login = credentials.get("email") or credentials.get("username") or ""
        usage = login_failure_consume(request, login=login)
        if usage is None:
            raise ImmediateHttpResponse(too_many_attempts(request))
        self._login_failed_rl_usage = usage

    def get_client_ip(self, request):
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            # X-Forwarded-For names fewer hops than the proxies we trust:
            # the request did not come through them all, so the nearest
            # peer is the only address we know.
            address = request.META.get("REMOTE_ADDR")
            if not address:
                raise PermissionDenied("No client address") from None
            return address
