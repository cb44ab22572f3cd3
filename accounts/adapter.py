from types import SimpleNamespace
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import (
    ImproperlyConfigured,
    PermissionDenied,
)
from django.urls import reverse
from django.utils.translation import get_language

from outbox.services import email_enqueue_message

from .authentication import login_failure_consume, too_many_attempts
from .forms import full_name
from .roles import Role


def portal_url(path: str) -> str:
    """The absolute address of `path` on the portal (settings.PORTAL_URL),
    whatever host the request that sends the mail came in on."""
    return settings.PORTAL_URL.rstrip("/") + path


def current_language() -> str:
    """The active language if the portal offers it, else the default."""
    language = (get_language() or "").split("-")[0]
    offered = {code for code, _name in settings.LANGUAGES}
    return language if language in offered else settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    """Everybody who signs up on the site is an entrepreneur (SME user).

    Civil servants, portfolio holders and administrators are created by an
    administrator (`manage.py create_user` or the admin).

    allauth's e-mails speak in the portal's name (settings.SITE_NAME) and
    link to settings.PORTAL_URL, in the language active when they are sent:
    the language of the page the person used, or the user's own language for
    mails sent without a page (the invitation, accounts.services).
    """

    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        user.name = full_name(data.get("first_name", ""), data.get("last_name", ""))
        user.language = current_language()
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get_or_create(name=Role.SME)[0])
        return user

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

    def send_mail(self, template_prefix, email, context):
        site = SimpleNamespace(
            name=settings.SITE_NAME, domain=urlsplit(settings.PORTAL_URL).netloc
        )
        ctx = {
            "email": email,
            "site_name": settings.SITE_NAME,
            "portal_url": portal_url(reverse("home")),
            "reset_page_url": portal_url(reverse("account_reset_password")),
            "link_valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
            # allauth's own templates name the site through current_site;
            # never the request's host.
            "current_site": site,
            **context,
        }
        # allauth builds these two from the request's host. (The password
        # reset mail's password_reset_url is the reset link itself, made by
        # get_reset_password_from_key_url below.)
        if "signup_url" in ctx:
            ctx["signup_url"] = portal_url(reverse("account_signup"))
        if template_prefix == "account/email/account_already_exists":
            ctx["password_reset_url"] = portal_url(reverse("account_reset_password"))
        msg = self.render_mail(template_prefix, email, ctx)
        # To the outbox, not to SMTP in the request: sign-up and password
        # reset answer as usual when SMTP or the broker is down, and the
        # mail goes out when they are back (outbox.services).
        email_enqueue_message(message=msg, language=current_language())

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        # The notification greets the person by name, like the other mails.
        context = {"user": user, **(context or {})}
        super().send_notification_mail(template_prefix, user, context, email)

    def get_email_confirmation_url(self, request, emailconfirmation):
        path = reverse("account_confirm_email", args=[emailconfirmation.key])
        return portal_url(path)

    def get_reset_password_from_key_url(self, key):
        return password_reset_from_key_url(key)


def password_reset_from_key_url(key: str) -> str:
    """The set-a-new-password page for an allauth reset key, on the portal,
    in the active language."""
    path = reverse(
        "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
    )
    return portal_url(path.replace("UID-KEY", quote(key)))
