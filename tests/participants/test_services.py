from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from participants import services
from participants.models import (
    ContactPerson,
    MembershipRequest,
    Organisation,
    SmeClass,
)
from tests.factories import ContactPersonFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("01234567", "01234567"), (" 0123 4567 ", "01234567"), ("1234567", "01234567")],
)
def test_kvk_number_clean_accepts_eight_digits_and_restores_lost_zero(typed, stored):
    assert services.kvk_number_clean(typed) == stored


@pytest.mark.parametrize("typed", ["", "123", "123456789", "1234567A", None])
def test_kvk_number_clean_rejects_anything_but_eight_digits(typed):
    with pytest.raises(ValidationError) as error:
        services.kvk_number_clean(typed)
    assert "8 cijfers" in str(error.value.message_dict["kvk_number"])


def test_branch_number_must_have_twelve_digits():
    assert services.branch_number_clean("0000 1234 5678") == "000012345678"
    assert services.branch_number_clean("") == ""
    with pytest.raises(ValidationError) as error:
        services.branch_number_clean("12345")
    assert "12 cijfers" in str(error.value.message_dict["branch_number"])


@pytest.mark.parametrize(
    ("typed", "stored"), [("7602kr", "7602 KR"), ("7602 KR", "7602 KR"), ("", "")]
)
def test_postcode_is_written_as_four_digits_space_two_letters(typed, stored):
    assert services.postcode_clean(typed) == stored


@pytest.mark.parametrize("typed", ["0602 KR", "7602 SS", "760 KR", "ABCD EF"])
def test_postcode_rejects_invalid_or_unused_codes(typed):
    with pytest.raises(ValidationError) as error:
        services.postcode_clean(typed)
    assert "1234 AB" in str(error.value.message_dict["postcode"])


def test_organisation_get_or_create_creates_new_with_derived_sme_class(overijssel):
    organisation, created = services.organisation_get_or_create(
        kvk_number="12345678",
        name="Tweede Twentse Techniek BV",
        employees=12,
        annual_turnover="3000000",
        postcode="7500aa",
        province=overijssel,
    )
    assert created
    assert organisation.kvk_number == "12345678"
    assert organisation.postcode == "7500 AA"
    assert organisation.annual_turnover == Decimal("3000000")
    assert organisation.sme_class == SmeClass.SMALL


def test_signing_up_with_a_known_kvk_returns_it_and_never_duplicates():
    existing = OrganisationFactory(kvk_number="06012345", name="Bouman Industries")
    organisation, created = services.organisation_get_or_create(
        kvk_number="0601 2345", name="Bouman Ind. (typo)"
    )
    assert not created
    assert organisation == existing
    existing.refresh_from_db()
    assert existing.name == "Bouman Industries"
    assert Organisation.objects.filter(kvk_number="06012345").count() == 1


def test_new_organisation_needs_a_name():
    with pytest.raises(ValidationError) as error:
        services.organisation_get_or_create(kvk_number="12345678", name=" ")
    assert "name" in error.value.message_dict
    assert not Organisation.objects.exists()


def test_invalid_postcode_on_create_writes_nothing():
    with pytest.raises(ValidationError):
        services.organisation_get_or_create(
            kvk_number="12345678", name="X", postcode="12"
        )
    assert not Organisation.objects.exists()


def test_organisation_update_changes_profile_but_not_kvk(organisation):
    services.organisation_update(
        organisation=organisation, name="Nieuwe naam", employees=300
    )
    organisation.refresh_from_db()
    assert organisation.name == "Nieuwe naam"
    assert organisation.sme_class == SmeClass.LARGE
    with pytest.raises(ValidationError):
        services.organisation_update(organisation=organisation, kvk_number="99999999")


def test_organisation_update_rejects_bad_website(organisation):
    with pytest.raises(ValidationError) as error:
        services.organisation_update(organisation=organisation, website="not a url")
    assert "website" in error.value.message_dict


def test_contact_person_create_and_update(organisation):
    contact = services.contact_person_create(
        organisation=organisation,
        name=" Anna de Vries ",
        email="Anna@Example.org",
        consent_future_missions=True,
        language="en-gb",
    )
    assert contact.name == "Anna de Vries"
    assert contact.email == "anna@example.org"
    assert contact.language == "en"
    services.contact_person_update(contact=contact, phone="0612345678", language="xx")
    contact.refresh_from_db()
    assert contact.phone == "0612345678"
    assert contact.language == "nl"


def test_contact_person_update_without_a_change_writes_nothing(organisation):
    contact = ContactPersonFactory(organisation=organisation, language="nl")
    before = contact.history.count()
    services.contact_person_update(contact=contact, language="nl")
    assert contact.history.count() == before
    services.contact_person_update(contact=contact, language="en")
    assert contact.history.count() == before + 1


def test_contact_person_needs_a_name_and_a_valid_email(organisation):
    with pytest.raises(ValidationError):
        services.contact_person_create(organisation=organisation, name="")
    with pytest.raises(ValidationError) as error:
        services.contact_person_create(
            organisation=organisation, name="A", email="geen-adres"
        )
    assert "email" in error.value.message_dict


def test_contact_person_update_refuses_moving_to_another_organisation(organisation):
    contact = ContactPersonFactory(organisation=organisation)
    with pytest.raises(ValidationError):
        services.contact_person_update(
            contact=contact, organisation=OrganisationFactory()
        )


def test_organisation_join_of_a_known_kvk_asks_to_join_and_grants_nothing(
    organisation,
):
    user = UserFactory(sme=True)
    joined, contact, request = services.organisation_join(
        user=user, kvk_number=organisation.kvk_number
    )
    again, no_contact, same_request = services.organisation_join(
        user=user, kvk_number=organisation.kvk_number
    )
    assert joined == again == organisation
    assert contact is None and no_contact is None
    assert request == same_request
    assert request.status == MembershipRequest.Status.PENDING
    assert not ContactPerson.objects.filter(user=user).exists()
    assert not services.organisations_of_user(user).exists()


def test_organisation_join_with_new_kvk_creates_the_organisation_with_its_admin():
    user = UserFactory(sme=True, name="Piet")
    organisation, contact, request = services.organisation_join(
        user=user, kvk_number="87654321", name="Nieuw BV", language="en"
    )
    assert request is None
    assert organisation.kvk_number == "87654321"
    assert contact.user == user
    assert contact.is_admin
    assert contact.verified_via == ContactPerson.VerifiedVia.FIRST_MEMBER
    assert contact.name == "Piet"
    assert contact.language == "en"
    assert list(services.organisations_of_user(user)) == [organisation]
