"""KvK numbers, vestigingsnummers, postcodes, amounts and seats take the
digits 0-9 only: full-width, Arabic-Indic, superscript and circled digits are
refused with a message saying so (issue 14), never read as numbers."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from config.digits import is_ascii_number, refuse_other_digits
from missions import imports
from missions.forms import (
    BackOfficeRegistrationForm,
    MissionResultForm,
    SignUpForm,
)
from missions.models import Registration
from participants.forms import OrganisationForm
from participants.merging import organisations_merge_duplicates
from participants.models import ContactPerson, Organisation
from participants.services import (
    branch_number_clean,
    kvk_number_clean,
    organisation_get_or_create,
    organisation_update,
    postcode_clean,
)
from programmes.forms import BudgetLineForm, DutchDecimalField, parse_dutch_decimal
from tests.factories import (
    PASSWORD,
    ContactPersonFactory,
    ExportStoryFactory,
    MissionFactory,
    OrganisationFactory,
    PublicProfileFactory,
    RegistrationFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db

FULL_WIDTH_KVK = "０６０１２３４５"
ARABIC_INDIC_KVK = "٠٦٠١٢٣٤٥"
# Digits Python reads as numbers (int, Decimal, \d or isdigit) but that are
# not 0-9: full-width, Arabic-Indic, Devanagari, superscript, circled.
OTHER_DIGITS = ["３００", "٣٠٠", "३००", "3²", "①", "١٫٥"]
MESSAGE_NL = "alleen met de cijfers 0 tot en met 9"
MESSAGE_EN = "digits 0 to 9 only"


def messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


@pytest.mark.parametrize("value", ["٣", "３", "²", "①", "½", "Ⅻ", "०"])
def test_refuse_other_digits_names_the_character(value):
    with translation.override("nl"):
        with pytest.raises(ValidationError) as caught:
            refuse_other_digits(f"12{value}")
        assert MESSAGE_NL in messages_of(caught.value)
        assert value in messages_of(caught.value)
    assert caught.value.error_list[0].code == "non_ascii_digit"


def test_ascii_digits_and_letters_pass():
    refuse_other_digits("1234 AB, € 1.234,50")
    assert is_ascii_number("0123")
    assert not is_ascii_number("²")
    assert not is_ascii_number("٣")
    assert not is_ascii_number("")


@pytest.mark.parametrize(
    "value",
    [FULL_WIDTH_KVK, ARABIC_INDIC_KVK, "0601234²", "①6012345", "０６０１２３４"],
)
def test_kvk_number_in_other_digits_is_refused(value):
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            kvk_number_clean(value)
        assert MESSAGE_EN in " ".join(caught.value.message_dict["kvk_number"])


def test_kvk_number_in_ascii_digits_still_reads():
    assert kvk_number_clean("0601 2345") == "06012345"
    assert kvk_number_clean("6012345") == "06012345"


@pytest.mark.parametrize(
    "value", ["００００１２３４５６７８", "٠٠٠٠١٢٣٤٥٦٧٨", "00001234567²"]
)
def test_branch_number_in_other_digits_is_refused(value):
    with pytest.raises(ValidationError) as caught:
        branch_number_clean(value)
    assert "branch_number" in caught.value.message_dict


@pytest.mark.parametrize("value", ["７５１１ AB", "٧٥١١ AB", "75¹1 AB", "⑦511 AB"])
def test_postcode_in_other_digits_is_refused(value):
    with translation.override("nl"):
        with pytest.raises(ValidationError) as caught:
            postcode_clean(value)
        assert MESSAGE_NL in " ".join(caught.value.message_dict["postcode"])


def test_model_validators_take_ascii_digits_only():
    organisation = OrganisationFactory.build(
        kvk_number=FULL_WIDTH_KVK, branch_number="٠" * 12, postcode="٧٥١١ AB"
    )
    with pytest.raises(ValidationError) as caught:
        organisation.full_clean(validate_unique=False)
    assert {"kvk_number", "branch_number", "postcode"} <= set(caught.value.message_dict)


def test_full_width_kvk_number_does_not_create_a_second_bouman(overijssel):
    bouman = OrganisationFactory(kvk_number="06012345", name="Bouman Industries")
    with pytest.raises(ValidationError):
        organisation_get_or_create(kvk_number=FULL_WIDTH_KVK, name="Bouman Industries")
    assert list(Organisation.objects.values_list("pk", flat=True)) == [bouman.pk]


def test_profile_figures_in_other_digits_are_refused_by_the_service(organisation):
    with pytest.raises(ValidationError) as caught:
        organisation_update(
            organisation=organisation, employees="٣", annual_turnover="３００"
        )
    assert {"employees", "annual_turnover"} <= set(caught.value.message_dict)


def test_sme_typing_a_full_width_kvk_number_gets_400_and_no_organisation(client):
    user = UserFactory(sme=True, email="new@example.org")
    OrganisationFactory(kvk_number="06012345", name="Bouman Industries")
    client.login(email=user.email, password=PASSWORD)
    response = client.post(
        reverse("mine:organisation"),
        {
            "kvk_number": FULL_WIDTH_KVK,
            "name": "Bouman Industries",
            "kind": "sme",
            "export_experience": "none",
        },
    )
    assert response.status_code == 400
    assert MESSAGE_NL in response.content.decode()
    assert Organisation.objects.count() == 1
    assert not ContactPerson.objects.filter(user=user).exists()


@pytest.mark.parametrize("value", OTHER_DIGITS)
def test_organisation_form_refuses_other_digits_in_figures(value):
    form = OrganisationForm(
        data={
            "kvk_number": "12345678",
            "name": "X",
            "kind": "sme",
            "export_experience": "none",
            "employees": value,
            "annual_turnover": value,
            "balance_total": value,
        }
    )
    assert not form.is_valid()
    for field in ("employees", "annual_turnover", "balance_total"):
        assert "0" in form.errors[field][0], form.errors
        assert form.errors.as_data()[field][0].code == "non_ascii_digit"


def test_organisation_form_still_takes_ascii_figures():
    form = OrganisationForm(
        data={
            "kvk_number": "12345678",
            "name": "X",
            "kind": "sme",
            "export_experience": "none",
            "employees": "12",
            "annual_turnover": "300000.50",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["employees"] == 12
    assert form.cleaned_data["annual_turnover"] == Decimal("300000.50")


@pytest.mark.parametrize("value", OTHER_DIGITS)
def test_dutch_amounts_refuse_other_digits(value):
    with pytest.raises(ValueError):
        parse_dutch_decimal(value)
    with pytest.raises(ValidationError) as caught:
        DutchDecimalField().clean(value)
    assert caught.value.code in {"non_ascii_digit", "invalid"}


def test_dutch_amount_in_arabic_indic_digits_gets_the_digit_message():
    with translation.override("nl"):
        with pytest.raises(ValidationError) as caught:
            DutchDecimalField().clean("٣٠٠")
        assert MESSAGE_NL in messages_of(caught.value)
    assert DutchDecimalField().clean("1.234,50") == Decimal("1234.50")


def test_budget_line_form_refuses_other_digits_in_amounts_and_year(civil_servant):
    form = BudgetLineForm(
        data={"year": "٢٠١٧", "planned": "٣٠٠", "amended": "３００"},
        user=civil_servant,
    )
    assert not form.is_valid()
    for field in ("year", "planned", "amended"):
        assert form.errors.as_data()[field][0].code == "non_ascii_digit"


def test_result_form_refuses_other_digits(civil_servant):
    form = MissionResultForm(
        data={
            "meetings": "３",
            "leads": "²",
            "deals": "1",
            "expected_export_turnover": "٣٠٠",
            "realised_export_turnover": "",
            "satisfaction": "8",
        }
    )
    assert not form.is_valid()
    for field in ("meetings", "leads", "expected_export_turnover"):
        assert form.errors.as_data()[field][0].code == "non_ascii_digit"
    assert "deals" not in form.errors


def test_sign_up_form_refuses_a_de_minimis_amount_in_other_digits(organisation):
    mission = MissionFactory(open=True)
    form = SignUpForm(
        data={
            "organisation": organisation.pk,
            "seats": "1",
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "٣٠٠",
        },
        mission=mission,
        organisations=[organisation],
    )
    assert not form.is_valid()
    assert form.errors.as_data()["de_minimis_aid_received"][0].code == (
        "non_ascii_digit"
    )


def test_back_office_registration_refuses_other_digits():
    form = BackOfficeRegistrationForm(
        data={"kvk_number": FULL_WIDTH_KVK, "name": "Bouman", "seats": "٢"}
    )
    assert not form.is_valid()
    assert {"kvk_number", "seats"} <= set(form.errors)
    assert form.errors.as_data()["seats"][0].code == "non_ascii_digit"


@pytest.mark.parametrize("seats", ["²", "٢", "２", "①"])
def test_import_refuses_seats_in_other_digits(civil_servant, seats):
    mission = MissionFactory(province=civil_servant.province, open=True)
    table = {
        "headers": ["KvK-nummer", "Organisatie", "Plaatsen"],
        "rows": [["06012345", "Bouman", seats]],
    }
    with translation.override("nl"):
        report = imports.participants_import(
            mission=mission, table=table, by=civil_servant, dry_run=True
        )
    assert not report.ok
    assert MESSAGE_NL in report.errors[0][1]


def test_import_refuses_a_kvk_number_in_other_digits(civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    table = {
        "headers": ["KvK-nummer", "Organisatie", "Plaatsen"],
        "rows": [[FULL_WIDTH_KVK, "Bouman", "1"]],
    }
    report = imports.participants_import(mission=mission, table=table, by=civil_servant)
    assert not report.ok
    assert not Organisation.objects.exists()


def test_ids_in_other_digits_are_no_server_error(client, civil_servant):
    """`"²".isdigit()` is true and int("²") fails: these were 500s."""
    from tests.factories import ReserveFactory

    reserve = ReserveFactory(province=civil_servant.province)
    client.login(email=civil_servant.email, password=PASSWORD)
    url = reverse("programmes:mutation_create", kwargs={"pk": reserve.pk})
    assert client.get(url, {"prestatie": "²"}).status_code == 200


# The data migration's merge -------------------------------------------------


@pytest.fixture
def bouman_and_copies(overijssel):
    """The real Bouman with its admin and a registration; a full-width copy
    made by a stranger, with its own registration and story; an
    Arabic-Indic copy registered for the same mission as the real one."""
    bouman = OrganisationFactory(
        kvk_number="06012345", name="Bouman Industries", province=overijssel
    )
    owner = sme_user_of(bouman, email="owner@bouman.example")
    first, second = MissionFactory(open=True), MissionFactory(open=True)
    real = RegistrationFactory(mission=first, organisation=bouman)
    copy = OrganisationFactory(kvk_number=FULL_WIDTH_KVK, name="Bouman Industries")
    stranger = sme_user_of(copy, email="stranger@example.org")
    stranger_contact = ContactPerson.objects.get(user=stranger)
    moved = RegistrationFactory(mission=second, organisation=copy)
    moved.contacts.add(stranger_contact)
    story = ExportStoryFactory(organisation=copy)
    clash = OrganisationFactory(kvk_number=ARABIC_INDIC_KVK, name="Bouman")
    clashing = RegistrationFactory(mission=first, organisation=clash)
    return {
        "bouman": bouman,
        "owner": owner,
        "real": real,
        "copy": copy,
        "stranger": stranger,
        "stranger_contact": stranger_contact,
        "moved": moved,
        "story": story,
        "clash": clash,
        "clashing": clashing,
    }


def test_merge_moves_rows_of_a_copy_to_the_real_organisation(bouman_and_copies):
    w = bouman_and_copies
    outcomes = organisations_merge_duplicates(Organisation)
    (outcome,) = outcomes
    assert outcome.kvk_number == "06012345"
    assert outcome.kept_id == w["bouman"].pk
    assert outcome.merged_ids == [w["copy"].pk]
    assert not Organisation.objects.filter(pk=w["copy"].pk).exists()
    w["moved"].refresh_from_db()
    assert w["moved"].organisation_id == w["bouman"].pk
    assert list(w["moved"].contacts.all()) == [w["stranger_contact"]]
    w["story"].refresh_from_db()
    assert w["story"].organisation_id == w["bouman"].pk


def test_merge_gives_the_copys_users_no_access_to_the_real_organisation(
    bouman_and_copies,
):
    w = bouman_and_copies
    organisations_merge_duplicates(Organisation)
    contact = ContactPerson.objects.get(pk=w["stranger_contact"].pk)
    assert contact.organisation_id == w["bouman"].pk
    assert contact.user_id is None
    assert contact.name  # the person stays on the registration
    assert not Organisation.objects.filter(contacts__user=w["stranger"]).exists()
    assert Organisation.objects.filter(contacts__user=w["owner"]).get() == w["bouman"]


def test_merge_leaves_a_copy_whose_rows_cannot_move_and_reports_it(
    bouman_and_copies,
):
    w = bouman_and_copies
    (outcome,) = organisations_merge_duplicates(Organisation)
    assert [pk for pk, _rows in outcome.unresolved] == [w["clash"].pk]
    assert "missions.Registration.organisation" in outcome.unresolved[0][1]
    assert str(w["clashing"].pk) in outcome.unresolved[0][1]
    w["clashing"].refresh_from_db()
    assert w["clashing"].organisation_id == w["clash"].pk
    assert Registration.objects.filter(organisation=w["bouman"]).count() == 2


def test_merge_of_a_withdrawn_clash_moves_it(bouman_and_copies):
    w = bouman_and_copies
    Registration.objects.filter(pk=w["clashing"].pk).update(
        status=Registration.Status.WITHDRAWN
    )
    (outcome,) = organisations_merge_duplicates(Organisation)
    assert outcome.unresolved == []
    assert sorted(outcome.merged_ids) == sorted([w["copy"].pk, w["clash"].pk])
    assert Organisation.objects.get().kvk_number == "06012345"


def test_merge_keeps_the_oldest_when_none_is_in_ascii_and_rewrites_it(overijssel):
    first = OrganisationFactory(kvk_number="٠٠٠٠٠٠٠١", postcode="７５１１ＡＢ")
    second = OrganisationFactory(kvk_number="０００００００１", branch_number="٠" * 12)
    PublicProfileFactory(organisation=second)
    ContactPersonFactory(organisation=second, name="Anna")
    (outcome,) = organisations_merge_duplicates(Organisation)
    assert outcome.kept_id == first.pk
    # The public profile moved: the kept organisation had none.
    assert outcome.merged_ids == [second.pk]
    kept = Organisation.objects.get()
    assert kept.kvk_number == "00000001"
    assert kept.postcode == "7511 AB"
    assert kept.contacts.get().name == "Anna"
    assert kept.public_profile


def test_merge_changes_nothing_without_copies(overijssel):
    bouman = OrganisationFactory(kvk_number="06012345", postcode="7511 AB")
    assert organisations_merge_duplicates(Organisation) == []
    bouman.refresh_from_db()
    assert (bouman.kvk_number, bouman.postcode) == ("06012345", "7511 AB")


def test_the_migration_runs_the_merge(bouman_and_copies, capsys):
    migration = importlib.import_module(
        "participants.migrations.0005_ascii_digits_merge_duplicates"
    )
    migration.merge_duplicates(django_apps, None)
    assert not Organisation.objects.filter(pk=bouman_and_copies["copy"].pk).exists()
    assert "NOT merged" in capsys.readouterr().out


def test_admin_refuses_a_turnover_in_other_digits(client, overijssel):
    admin = UserFactory(is_superuser=True, is_staff=True, mfa_exempt=True)
    client.force_login(admin)
    organisation = OrganisationFactory(province=overijssel, name="Alfa")
    url = reverse("admin:participants_organisation_change", args=[organisation.pk])
    form = client.get(url).context["adminform"].form
    values = {name: form.initial.get(name) for name in form.fields}
    data = {name: "" if value is None else value for name, value in values.items()}
    data.update(
        {
            "annual_turnover": "٣٠٠",
            "province": overijssel.pk,
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        }
    )
    with translation.override("nl"):
        response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert errors["annual_turnover"][0].code == "non_ascii_digit"
    organisation.refresh_from_db()
    assert organisation.annual_turnover is None


def test_the_merge_works_on_the_migrations_historical_models(bouman_and_copies):
    """The migration passes the historical Organisation: its relations must
    include the registrations of the missions app."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    state = MigrationExecutor(connection).loader.project_state(
        [("participants", "0005_ascii_digits_merge_duplicates")]
    )
    historical = state.apps.get_model("participants", "Organisation")
    # The database has today's schema; at 0005 membership (0006) did not
    # exist, so no contact was an admin the historical model could not clear.
    ContactPerson.objects.update(is_admin=False, verified_via="")
    related = {r.related_model._meta.label for r in historical._meta.related_objects}
    assert "missions.Registration" in related
    (outcome,) = organisations_merge_duplicates(historical)
    assert outcome.merged_ids == [bouman_and_copies["copy"].pk]
    moved = Registration.objects.get(pk=bouman_and_copies["moved"].pk)
    assert moved.organisation_id == bouman_and_copies["bouman"].pk
