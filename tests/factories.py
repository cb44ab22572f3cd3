"""factory_boy factories for every model; Traits name the states."""

from datetime import date, timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from participants.models import ContactPerson, Organisation
from programmes.models import Province

PASSWORD = "correct-horse-battery-staple"


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}")
    name = factory.Sequence(lambda n: f"Provincie {n}")
    display_name = factory.LazyAttribute(lambda o: f"Provincie {o.name}")


class UserFactory(factory.django.DjangoModelFactory):
    """A user; the traits give the role's group and, where needed, a province."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    mfa_exempt = True
    role = None

    class Params:
        civil_servant = factory.Trait(
            role=Role.CIVIL_SERVANT, province=factory.SubFactory(ProvinceFactory)
        )
        portfolio_holder = factory.Trait(
            role=Role.PORTFOLIO_HOLDER, province=factory.SubFactory(ProvinceFactory)
        )
        sme = factory.Trait(role=Role.SME)
        administrator = factory.Trait(role=Role.ADMINISTRATOR, is_staff=True)

    @classmethod
    def _create(cls, model_class, *args, role=None, **kwargs):
        from allauth.account.models import EmailAddress

        user = model_class.objects.create_user(*args, password=PASSWORD, **kwargs)
        if role:
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
        return user


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("kvk_number",)

    kvk_number = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    name = factory.Faker("company", locale="nl_NL")
    kind = Organisation.Kind.SME
    employees = 20
    province = factory.SubFactory(ProvinceFactory)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


def sme_user_of(organisation, **kwargs) -> User:
    """An SME user who is a contact person of `organisation`."""
    user = UserFactory(sme=True, **kwargs)
    ContactPersonFactory(
        organisation=organisation, user=user, name=user.name, email=user.email
    )
    return user


# --- missions -------------------------------------------------------------


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "missions.Theme"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class MissionFactory(factory.django.DjangoModelFactory):
    """A draft mission a month ahead; traits give the other states."""

    class Meta:
        model = "missions.Mission"

    province = factory.SubFactory(ProvinceFactory)
    title = factory.Sequence(lambda n: f"Handelsmissie {n}")
    country = "DE"
    region = "Hannover"
    start_date = factory.LazyFunction(lambda: date.today() + timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + timedelta(days=3))
    capacity = 10
    max_seats_per_organisation = 2
    status = "draft"

    class Params:
        open = factory.Trait(status="published")
        closed = factory.Trait(status="closed")
        review = factory.Trait(status="published", approval_mode="review")
        past = factory.Trait(
            start_date=factory.LazyFunction(lambda: date.today() - timedelta(days=10))
        )
        completed = factory.Trait(
            status="completed",
            start_date=factory.LazyFunction(lambda: date.today() - timedelta(days=10)),
        )
        cancelled = factory.Trait(status="cancelled")


class RegistrationFactory(factory.django.DjangoModelFactory):
    """An accepted registration; traits give the other states."""

    class Meta:
        model = "missions.Registration"

    mission = factory.SubFactory(MissionFactory, open=True)
    organisation = factory.SubFactory(
        OrganisationFactory, province=factory.SelfAttribute("..mission.province")
    )
    seats = 1
    status = "accepted"

    class Params:
        submitted = factory.Trait(status="submitted")
        waitlisted = factory.Trait(
            status="waitlisted", waitlist_position=factory.Sequence(lambda n: n + 1)
        )
        attended = factory.Trait(status="attended")
        withdrawn = factory.Trait(status="withdrawn")
        rejected = factory.Trait(status="rejected", rejection_reason="Vol")


# --- reporting ------------------------------------------------------------


class ReportRunFactory(factory.django.DjangoModelFactory):
    """A queued whole-province run; traits give the other states."""

    class Meta:
        model = "reporting.ReportRun"

    province = factory.SubFactory(ProvinceFactory)
    scope = "province"
    scope_key = "province"
    year = 2016
    language = "nl"
    status = "queued"

    class Params:
        running = factory.Trait(
            status="running",
            attempts=1,
            started_at=factory.LazyFunction(timezone.now),
        )
        failed = factory.Trait(status="failed", error="Er ging iets mis.")
