import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from missions import services
from outbox.models import SentMail
from showcase.alerts import mission_match_alerts
from showcase.selectors import (
    experienced_companies,
    mission_recommendations,
)
from showcase.tasks import mission_match_alerts_task
from tests.factories import (
    PASSWORD,
    MissionFactory,
    OrganisationFactory,
    ProfileThemeFactory,
    PublicProfileFactory,
    RegistrationFactory,
    ThemeFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db


def test_recommendations_match_markets_or_themes_and_skip_what_is_signed_up(
    organisation,
):
    energy_theme = ThemeFactory(slug="energy")
    profile = PublicProfileFactory(organisation=organisation, target_markets=["CN"])
    profile.themes.add(ProfileThemeFactory(slug="energy"))
    china = MissionFactory(open=True, country="CN")
    energy_in_norway = MissionFactory(open=True, country="NO")
    energy_in_norway.themes.add(energy_theme)
    MissionFactory(open=True, country="BR")
    MissionFactory(country="CN")  # a draft
    MissionFactory(completed=True, country="CN")
    signed_up = MissionFactory(open=True, country="CN")
    RegistrationFactory(mission=signed_up, organisation=organisation)
    assert set(mission_recommendations(profile=profile)) == {china, energy_in_norway}


def test_profile_without_markets_or_themes_gets_no_recommendations(organisation):
    MissionFactory(open=True, country="CN")
    profile = PublicProfileFactory(organisation=organisation)
    assert list(mission_recommendations(profile=profile)) == []


def test_experienced_companies_are_public_open_and_went_there(overijssel):
    me = OrganisationFactory(province=overijssel)
    went = MissionFactory(completed=True, country="CN")
    open_one = OrganisationFactory(name="Open BV")
    PublicProfileFactory(organisation=open_one, published=True)
    closed = OrganisationFactory(name="Gesloten BV")
    PublicProfileFactory(organisation=closed, published=True, open_to_questions=False)
    private = OrganisationFactory(name="Privé BV")
    PublicProfileFactory(organisation=private)
    for organisation in (open_one, closed, private, me):
        RegistrationFactory(mission=went, organisation=organisation, attended=True)
    assert list(experienced_companies(countries={"CN"}, exclude=me)) == [
        open_one.public_profile
    ]
    assert list(experienced_companies(countries={"DE"}, exclude=me)) == []


def test_mine_showcase_shows_recommendations_with_a_fixed_number_of_queries(
    client, organisation, sme_user
):
    profile = PublicProfileFactory(
        organisation=organisation, published=True, target_markets=["CN"]
    )
    assert profile.pk
    assert client.login(email=sme_user.email, password=PASSWORD)

    def make(count):
        for _ in range(count):
            MissionFactory(open=True, country="CN")
            other = OrganisationFactory()
            PublicProfileFactory(organisation=other, published=True)
            RegistrationFactory(
                mission=MissionFactory(completed=True, country="CN"),
                organisation=other,
                attended=True,
            )

    url = reverse("mine_showcase:index")
    make(1)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    make(5)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(large) == len(small)
    organisations = response.context["organisations"]
    assert len(organisations[0].recommended_missions) == 6
    assert len(organisations[0].experienced) == 6


def test_publishing_a_mission_mails_matching_organisations_that_opted_in_once(
    overijssel, civil_servant, mailoutbox, django_capture_on_commit_callbacks
):
    wants = OrganisationFactory(name="Wil BV")
    wants_user = sme_user_of(wants)
    PublicProfileFactory(organisation=wants, target_markets=["NO"], mission_alerts=True)
    no_alerts = OrganisationFactory()
    sme_user_of(no_alerts)
    PublicProfileFactory(organisation=no_alerts, target_markets=["NO"])
    elsewhere = OrganisationFactory()
    sme_user_of(elsewhere)
    PublicProfileFactory(
        organisation=elsewhere, target_markets=["BR"], mission_alerts=True
    )
    by_theme = OrganisationFactory()
    theme_user = sme_user_of(by_theme)
    profile = PublicProfileFactory(organisation=by_theme, mission_alerts=True)
    profile.themes.add(ProfileThemeFactory(slug="energy"))
    mission = MissionFactory(province=overijssel, country="NO", title="Naar Stavanger")
    mission.themes.add(ThemeFactory(slug="energy"))
    with django_capture_on_commit_callbacks(execute=True):
        services.mission_publish(mission=mission, by=civil_servant)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [wants_user.email, theme_user.email]
    )
    assert "Naar Stavanger" in mailoutbox[0].subject
    # A retried task sends nothing new.
    assert mission_match_alerts_task.delay(mission.pk).get() == 0
    assert len(mailoutbox) == 2
    assert SentMail.objects.filter(key__startswith="mission:").count() == 2


def test_no_alert_for_a_mission_that_is_no_longer_published(mailoutbox):
    organisation = OrganisationFactory()
    sme_user_of(organisation)
    PublicProfileFactory(
        organisation=organisation, target_markets=["NO"], mission_alerts=True
    )
    mission = MissionFactory(cancelled=True, country="NO")
    assert mission_match_alerts(mission_id=mission.pk) == 0
    assert mailoutbox == []


def test_alert_follows_the_contacts_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    user = sme_user_of(organisation)
    organisation.contacts.filter(user=user).update(language="en")
    PublicProfileFactory(
        organisation=organisation, target_markets=["NO"], mission_alerts=True
    )
    mission = MissionFactory(open=True, country="NO", title="To Norway")
    with django_capture_on_commit_callbacks(execute=True):
        mission_match_alerts(mission_id=mission.pk)
    assert mailoutbox[0].subject.startswith("A trade mission that matches you")
    assert "/en/missies/" in mailoutbox[0].body
