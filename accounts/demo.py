"""Demo accounts, one per role. Never loaded in production (see load_demo)."""

from django.contrib.auth.models import Group

from participants.demo import BOUMAN_KVK
from participants.models import ContactPerson, Organisation
from provinces.models import Province

from .models import User
from .roles import Role

DEMO_PASSWORD = "Export-demo-2026"

ACCOUNTS = [
    ("ambtenaar@overijssel.example", "Anne Ambtenaar", Role.CIVIL_SERVANT, "OV"),
    ("gedeputeerde@overijssel.example", "Eddy van Hijum", Role.PORTFOLIO_HOLDER, "OV"),
    ("ambtenaar@limburg.example", "Luc Limburg", Role.CIVIL_SERVANT, "LI"),
    ("ondernemer@bouman.example", "Bart Bouman", Role.SME, None),
    ("beheer@portal.example", "Bea Beheer", Role.ADMINISTRATOR, None),
]


def load() -> None:
    from allauth.account.models import EmailAddress

    provinces = {p.code: p for p in Province.objects.all()}
    for email, name, role, province_code in ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "province": provinces.get(province_code),
                "mfa_exempt": True,
                "is_staff": role == Role.ADMINISTRATOR,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    bouman_user = User.objects.get(email="ondernemer@bouman.example")
    ContactPerson.objects.get_or_create(
        organisation=Organisation.objects.get(kvk_number=BOUMAN_KVK),
        user=bouman_user,
        defaults={
            "name": bouman_user.name,
            "email": bouman_user.email,
            "role": "Directeur",
            "consent_future_missions": True,
            # Bouman's contact registered it: its first member and admin.
            "is_admin": True,
            "verified_via": ContactPerson.VerifiedVia.FIRST_MEMBER,
        },
    )
