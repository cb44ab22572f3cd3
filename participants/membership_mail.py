"""E-mails about an organisation's members, each sent at most once (the
outbox's log of mails sent once holds their keys, ``membership:…``)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .mail import absolute, mail_once
from .models import ContactPerson, MembershipRequest, Organisation

SUBJECTS = {
    "requested": _("%(person)s asks to act for %(organisation)s"),
    "joined": _("%(person)s is now a member of %(organisation)s"),
    "welcome": _("You are now a member of %(organisation)s"),
    "rejected": _("Your request to act for %(organisation)s was not approved"),
    "left": _("%(person)s is no longer a member of %(organisation)s"),
    "removed": _("%(person)s is no longer a member of %(organisation)s"),
    "removed_you": _("You are no longer a member of %(organisation)s"),
}
EVENTS = ("requested", "joined", "rejected", "left", "removed")


def member_recipients(
    organisation: Organisation, *, exclude_user_id=None
) -> list[tuple[str, str]]:
    """(e-mail, language) of every member of the organisation."""
    members = (
        organisation.contacts.filter(user__isnull=False, anonymised_at__isnull=True)
        .exclude(user_id=exclude_user_id)
        .select_related("user")
    )
    seen, recipients = set(), []
    for member in members:
        email = member.email or member.user.email
        if email and email.lower() not in seen:
            seen.add(email.lower())
            recipients.append((email, member.language or settings.LANGUAGE_CODE))
    return recipients


def _person(user) -> str:
    return (getattr(user, "name", "") or user.email) if user else ""


def _send(*, key, recipients, template_kind, organisation, person, url) -> bool:
    def render():
        subject = str(SUBJECTS[template_kind]) % {
            "person": person,
            "organisation": organisation.name,
        }
        body = render_to_string(
            "participants/email/membership.txt",
            {
                "kind": template_kind,
                "organisation": organisation,
                "person": person,
                "url": url,
                "site_name": settings.SITE_NAME,
            },
        )
        return subject, body

    return mail_once(key=key, recipients=recipients, render=render)


def membership_notify(
    *, event: str, key: str, request_id=None, contact_id=None, user_id=None
) -> bool:
    """Tell the members (and the person concerned) about a request to
    join, a new member, a rejection, or a member who left or was removed."""
    if event not in EVENTS:
        return False
    request = (
        MembershipRequest.objects.select_related("organisation", "user")
        .filter(pk=request_id)
        .first()
        if request_id
        else None
    )
    contact = (
        ContactPerson.objects.select_related("organisation", "user")
        .filter(pk=contact_id)
        .first()
        if contact_id
        else None
    )
    organisation = (request or contact).organisation if (request or contact) else None
    if organisation is None:
        return False
    members_url = absolute(reverse("mine:members", args=[organisation.pk]))
    key = f"membership:{key}"
    if event == "requested":
        if request.status != MembershipRequest.Status.PENDING:
            return False
        return _send(
            key=key,
            recipients=member_recipients(organisation),
            template_kind="requested",
            organisation=organisation,
            person=f"{_person(request.user)} <{request.user.email}>",
            url=members_url,
        )
    if event == "rejected":
        return _send(
            key=key,
            recipients=[(request.user.email, request.language)],
            template_kind="rejected",
            organisation=organisation,
            person=_person(request.user),
            url=absolute(reverse("mine:index")),
        )
    if event == "joined":
        if contact is None or contact.user is None:
            return False
        others = _send(
            key=key,
            recipients=member_recipients(organisation, exclude_user_id=contact.user_id),
            template_kind="joined",
            organisation=organisation,
            person=_person(contact.user),
            url=members_url,
        )
        welcome = _send(
            key=f"{key}:welcome",
            recipients=[(contact.email or contact.user.email, contact.language)],
            template_kind="welcome",
            organisation=organisation,
            person=_person(contact.user),
            url=absolute(reverse("mine:index")),
        )
        return others or welcome
    # left or removed: the contact person has no account any more.
    former = get_user_model().objects.filter(pk=user_id).first()
    person = _person(former) or contact.name
    sent = _send(
        key=key,
        recipients=member_recipients(organisation, exclude_user_id=user_id),
        template_kind=event,
        organisation=organisation,
        person=person,
        url=members_url,
    )
    if event == "removed" and former is not None and former.is_active:
        sent = (
            _send(
                key=f"{key}:you",
                recipients=[(former.email, contact.language)],
                template_kind="removed_you",
                organisation=organisation,
                person=person,
                url=absolute(reverse("mine:index")),
            )
            or sent
        )
    return sent
