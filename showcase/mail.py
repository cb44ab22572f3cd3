"""E-mails of the showcase, each written to the outbox at most once (the
outbox's log of mails sent once, outbox.SentMail, holds their keys); the
outbox sends each recipient's mail at most once."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from outbox.once import contact_recipients
from participants.mail import absolute, mail_once
from participants.models import Organisation

from .models import ContactRequest, ExportStory, PublicProfile

SUBJECTS = {
    "received": _("%(organisation)s would like to get in touch"),
    "accepted": _("%(organisation)s accepted your contact request"),
    "hidden": _("Part of your showcase profile has been hidden"),
}


def organisation_recipients(organisation: Organisation) -> list[tuple[str, str]]:
    """(e-mail, language) of the people who can act for the organisation:
    contact persons with an account, or else every contact with an address."""
    return contact_recipients(fallback=organisation.contacts.all())


def contact_request_notify(*, contact_request_id: int, kind: str) -> bool:
    """'received' to the receiver, 'accepted' to the sender; the e-mail
    itself carries no contact details, only a link to the portal."""
    contact_request = (
        ContactRequest.objects.select_related("sender", "receiver")
        .filter(pk=contact_request_id)
        .first()
    )
    if contact_request is None or kind not in ("received", "accepted"):
        return False
    if kind == "received":
        if contact_request.status != ContactRequest.Status.PENDING:
            return False
        to, other = contact_request.receiver, contact_request.sender
    else:
        if contact_request.status != ContactRequest.Status.ACCEPTED:
            return False
        to, other = contact_request.sender, contact_request.receiver

    def render():
        context = {
            "kind": kind,
            "contact_request": contact_request,
            "organisation": to,
            "other": other,
            "requests_url": absolute(reverse("mine_showcase:requests")),
            "site_name": settings.SITE_NAME,
        }
        subject = str(SUBJECTS[kind]) % {"organisation": other.name}
        return subject, render_to_string("showcase/email/contact_request.txt", context)

    return mail_once(
        key=f"request:{contact_request.pk}:{kind}",
        recipients=organisation_recipients(to),
        render=render,
    )


def moderation_notify(*, model_name: str, pk: int) -> bool:
    """Tell the owner why a profile or story was hidden; not when it has
    been shown again in the meantime."""
    model = {"publicprofile": PublicProfile, "exportstory": ExportStory}.get(model_name)
    if model is None:
        return False
    item = model.objects.select_related("organisation").filter(pk=pk).first()
    if item is None or not item.is_hidden:
        return False

    def render():
        context = {
            "item": item,
            "is_story": model is ExportStory,
            "organisation": item.organisation,
            "showcase_url": absolute(reverse("mine_showcase:index")),
            "site_name": settings.SITE_NAME,
        }
        return str(SUBJECTS["hidden"]), render_to_string(
            "showcase/email/hidden.txt", context
        )

    return mail_once(
        key=f"hidden:{model_name}:{pk}:{item.hidden_at:%Y%m%d%H%M%S%f}",
        recipients=organisation_recipients(item.organisation),
        render=render,
    )
