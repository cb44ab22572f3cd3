from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.roles import Role
from accounts.services import user_create
from provinces.models import Province

from ...models import ContactPerson, Organisation


class Command(BaseCommand):
    # Here, not in accounts: an SME user is made a member of its
    # organisation, and accounts imports no participants (issue 19).
    help = "Create a user with a role, and a province or an organisation."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--province", help="Province code, e.g. OV.")
        parser.add_argument("--organisation", help="KvK number, for SME users.")
        parser.add_argument(
            "--partner",
            help="KvK number of the partner organisation, for partner staff.",
        )
        parser.add_argument("--name", default="")
        parser.add_argument(
            "--password",
            help="Omit to create the account without a usable password: the "
            "person is e-mailed a link to choose one (see --no-invite).",
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the person's e-mails, such as the invitation.",
        )
        parser.add_argument(
            "--no-invite",
            action="store_true",
            help="Send no invitation; the person can still use 'forgot password'.",
        )

    @transaction.atomic
    def handle(
        self,
        email,
        role,
        province=None,
        organisation=None,
        partner=None,
        name="",
        password=None,
        language="",
        no_invite=False,
        **options,
    ):
        province_obj = None
        if province:
            province_obj = Province.objects.filter(code=province.upper()).first()
            if province_obj is None:
                raise CommandError(f"Unknown province code: {province}")
        partner_obj = None
        if partner:
            partner_obj = Organisation.objects.filter(
                kvk_number=partner, kind=Organisation.Kind.PARTNER
            ).first()
            if partner_obj is None:
                raise CommandError(f"No partner organisation with KvK number {partner}")
        try:
            user = user_create(
                email=email,
                role=role,
                password=password,
                name=name,
                province=province_obj,
                partner=partner_obj,
                language=language,
                invite=password is None and not no_invite,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if organisation:
            org = Organisation.objects.filter(kvk_number=organisation).first()
            if org is None:
                raise CommandError(f"Unknown KvK number: {organisation}")
            # An administrator's word is the approval; the first member
            # of an organisation becomes its admin.
            ContactPerson.objects.create(
                organisation=org,
                user=user,
                name=name or email,
                email=email,
                verified_via=ContactPerson.VerifiedVia.ADMINISTRATOR,
                is_admin=not org.contacts.filter(
                    user__isnull=False, is_admin=True
                ).exists(),
            )
        invited = (
            " An invitation e-mail is on its way."
            if (password is None and not no_invite)
            else ""
        )
        self.stdout.write(
            self.style.SUCCESS(f"Created {user.email} ({role}).{invited}")
        )
