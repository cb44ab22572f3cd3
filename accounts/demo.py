"""Demo accounts of the staff, one per role. Never loaded in production (see
load_demo). The demo entrepreneur is made with its organisation, in
participants/demo.py, through account_get_or_create."""

from django.contrib.auth.models import Group

from provinces.models import Province

from .models import User
from .roles import Role

DEMO_PASSWORD = "Export-demo-2026"

ACCOUNTS = [
    ("ambtenaar@overijssel.example", "Anne Ambtenaar", Role.CIVIL_SERVANT, "OV"),
    ("gedeputeerde@overijssel.example", "Eddy van Hijum", Role.PORTFOLIO_HOLDER, "OV"),
    ("ambtenaar@limburg.example", "Luc Limburg", Role.CIVIL_SERVANT, "LI"),
    ("beheer@portal.example", "Bea Beheer", Role.ADMINISTRATOR, None),
]


def account_get_or_create(
    *, email: str, name: str, role: str, province=None, partner=None
) -> User:
    """The demo account of `email` with its role and a verified address;
    made with DEMO_PASSWORD when missing, left as it is when present.
    Partner staff get their partner organisation (participants/demo.py)."""
    from allauth.account.models import EmailAddress

    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "name": name,
            "province": province,
            "partner": partner,
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
    return user


def load() -> None:
    provinces = {p.code: p for p in Province.objects.all()}
    for email, name, role, province_code in ACCOUNTS:
        account_get_or_create(
            email=email, name=name, role=role, province=provinces.get(province_code)
        )
