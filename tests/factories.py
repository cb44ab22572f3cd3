"""factory_boy factories for every model; Traits name the states."""

import datetime
from datetime import date, timedelta
from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from participants.models import ContactPerson, Engagement, Organisation
from programmes.models import (
    Action,
    BudgetLine,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
    Reserve,
    ReserveMutation,
)
from provinces.models import Province

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
        # Staff of an implementing partner: give `partner=` an organisation
        # (PartnerFactory) that provinces engage (EngagementFactory).
        partner_staff = factory.Trait(
            role=Role.PARTNER,
            partner=factory.SubFactory("tests.factories.PartnerFactory"),
        )

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


class MembershipRequestFactory(factory.django.DjangoModelFactory):
    """A stranger's pending request to join an organisation."""

    class Meta:
        model = "participants.MembershipRequest"

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory, sme=True)


class PartnerFactory(OrganisationFactory):
    """An implementing partner organisation (Oost NL, Ondernemend Limburg)."""

    name = factory.Sequence(lambda n: f"Uitvoeringspartner {n}")
    kind = Organisation.Kind.PARTNER


class EngagementFactory(factory.django.DjangoModelFactory):
    """A province engages a partner for a task, since a year ago, open-ended."""

    class Meta:
        model = Engagement

    province = factory.SubFactory(ProvinceFactory)
    partner = factory.SubFactory(PartnerFactory)
    task = Engagement.Task.MISSIONS
    since = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))
    until = None


def sme_user_of(organisation, *, admin: bool = False, **kwargs) -> User:
    """An SME user who is an approved member of `organisation` (its admin
    with `admin=True`)."""
    user = UserFactory(sme=True, **kwargs)
    ContactPersonFactory(
        organisation=organisation,
        user=user,
        name=user.name,
        email=user.email,
        is_admin=admin,
        verified_via=ContactPerson.VerifiedVia.APPROVAL,
    )
    return user


# Programmes app ------------------------------------------------------------


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    province = factory.SubFactory(ProvinceFactory)
    body = Decision.Body.PS
    reference = factory.Sequence(lambda n: f"PS/2016/{800 + n}")
    date = datetime.date(2016, 11, 9)
    kind = Decision.Kind.INVESTMENT
    title = factory.Sequence(lambda n: f"Investeringsvoorstel {n}")

    class Params:
        amendment = factory.Trait(
            body=Decision.Body.GS, kind=Decision.Kind.AMENDMENT, amendment_number=5
        )


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Programma {n}")
    start_year = 2016

    class Params:
        workplan = factory.Trait(kind=Programme.Kind.WORKPLAN)


class ReserveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reserve

    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Reserve {n}")


class PrestatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prestatie

    province = factory.SubFactory(ProvinceFactory)
    year = 2016
    code = factory.Sequence(lambda n: f"5.4.{n + 1}")
    title = factory.Sequence(lambda n: f"Prestatie {n}")

    class Params:
        period = factory.Trait(
            duration=Prestatie.Duration.PERIOD, start_year=2016, end_year=2018
        )


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    prestatie = factory.SubFactory(PrestatieFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Wij faciliteren drie handelsmissies."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    action = factory.SubFactory(ActionFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")

    class Params:
        computed = factory.Trait(
            source=Indicator.Source.COMPUTED,
            metric=Indicator.Metric.MISSIONS_REALISED,
        )


class IndicatorTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2016
    value = Decimal("3")


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2016
    value = Decimal("10")


class ProgressNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressNote

    action = factory.SubFactory(ActionFactory)
    year = 2016
    text = "In 2016 zijn 4 uitgaande missies gerealiseerd."


class IntendedResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntendedResult

    prestatie = factory.SubFactory(PrestatieFactory)
    year = 2016
    text = "Het beleidsplan is vastgesteld."


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    prestatie = factory.SubFactory(PrestatieFactory)
    year = 2016
    planned = Decimal("500000.00")


class ReserveMutationFactory(factory.django.DjangoModelFactory):
    """A proposed mutation; `decided=True` for one that counts in the balance.

    Written straight to the table, bypassing the services' balance check:
    tests use it to set up a ledger, never to test the rules.
    """

    class Meta:
        model = ReserveMutation

    reserve = factory.SubFactory(ReserveFactory)
    kind = ReserveMutation.Kind.WITHDRAWAL
    amount = Decimal("1000.00")
    budget_year = 2017

    class Params:
        addition = factory.Trait(kind=ReserveMutation.Kind.ADDITION)
        decided = factory.Trait(
            status=ReserveMutation.Status.DECIDED,
            decided_at=factory.LazyFunction(timezone.now),
            decision=factory.SubFactory(
                DecisionFactory,
                province=factory.SelfAttribute("..reserve.province"),
            ),
        )


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


class MissionResultFactory(factory.django.DjangoModelFactory):
    """Results right after the mission (T+0)."""

    class Meta:
        model = "missions.MissionResult"

    registration = factory.SubFactory(RegistrationFactory, attended=True)
    moment = "t0"
    meetings = 4
    leads = 2
    deals = 1
    satisfaction = 8


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
    # Every run of the same report is a version of its own (unique).
    version = factory.Sequence(lambda n: n + 1)

    class Params:
        running = factory.Trait(
            status="running",
            attempts=1,
            started_at=factory.LazyFunction(timezone.now),
        )
        failed = factory.Trait(status="failed", error="Er ging iets mis.")


# --- showcase (participants) ------------------------------------------------


class ProfileThemeFactory(factory.django.DjangoModelFactory):
    """A theme of the showcase's list (showcase.Theme), not a mission's."""

    class Meta:
        model = "showcase.Theme"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"profile-theme-{n}")
    name = factory.Sequence(lambda n: f"Profielthema {n}")
    name_en = factory.Sequence(lambda n: f"Profile theme {n}")


class PublicProfileFactory(factory.django.DjangoModelFactory):
    """An unpublished profile; `published=True` shows it, `hidden=True`
    hides a published one by moderation."""

    class Meta:
        model = "showcase.PublicProfile"
        django_get_or_create = ("organisation",)

    organisation = factory.SubFactory(OrganisationFactory)
    description = "Wij maken vloeistofscheiders voor de procesindustrie."

    class Params:
        published = factory.Trait(
            is_published=True,
            published_at=factory.LazyFunction(timezone.now),
            changed_at=factory.LazyFunction(timezone.now),
        )
        hidden = factory.Trait(
            is_published=True,
            visibility="hidden",
            hidden_reason="Reclame",
            hidden_at=factory.LazyFunction(timezone.now),
        )


class ExportStoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "showcase.ExportStory"

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Exportverhaal {n}")
    body = "Eerste alinea.\n\nTweede alinea."
    changed_at = factory.LazyFunction(timezone.now)

    class Params:
        hidden = factory.Trait(
            visibility="hidden",
            hidden_reason="Onjuist",
            hidden_at=factory.LazyFunction(timezone.now),
        )


class ContactRequestFactory(factory.django.DjangoModelFactory):
    """A pending request; `accepted=True` / `declined=True` give the others."""

    class Meta:
        model = "showcase.ContactRequest"

    sender = factory.SubFactory(OrganisationFactory)
    receiver = factory.SubFactory(OrganisationFactory)
    message = "Mogen wij eens met u praten over China?"

    class Params:
        accepted = factory.Trait(
            status="accepted", decided_at=factory.LazyFunction(timezone.now)
        )
        declined = factory.Trait(
            status="declined", decided_at=factory.LazyFunction(timezone.now)
        )
