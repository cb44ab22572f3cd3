import pytest
from django.urls import reverse

from tests.factories import (
    IndicatorTargetFactory,
    PrestatieFactory,
    ReserveMutationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    "model",
    [
        "decision",
        "programme",
        "reserve",
        "prestatie",
        "action",
        "indicator",
        "indicatortarget",
        "indicatorvalue",
        "progressnote",
        "intendedresult",
        "budgetline",
        "reservemutation",
    ],
)
def test_admin_lists_and_searches_every_model(superuser_client, model):
    IndicatorTargetFactory()
    ReserveMutationFactory()
    page = reverse(f"admin:programmes_{model}_changelist")
    assert superuser_client.get(page).status_code == 200
    assert superuser_client.get(page, {"q": "5.4"}).status_code == 200


def test_ledger_is_read_only_in_the_admin(superuser_client):
    mutation = ReserveMutationFactory(decided=True)
    change = reverse("admin:programmes_reservemutation_change", args=[mutation.pk])
    assert superuser_client.post(change, {"amount": "1"}).status_code == 403
    mutation.refresh_from_db()
    assert mutation.amount != 1
    delete = reverse("admin:programmes_reservemutation_delete", args=[mutation.pk])
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    history = reverse("admin:programmes_reservemutation_history", args=[mutation.pk])
    assert superuser_client.get(history).status_code == 200


def test_admin_shows_the_investment_explanation_and_the_basis(superuser_client):
    """Issue 16's texts: editable on the prestatie, read-only on the ledger."""
    mutation = ReserveMutationFactory(decision_basis="Op basis van de spelregels")
    prestatie = mutation.prestatie or PrestatieFactory()
    prestatie.investment_explanation = "Vanuit het Coalitieakkoord"
    prestatie.save()
    page = reverse("admin:programmes_prestatie_change", args=[prestatie.pk])
    html = superuser_client.get(page).content.decode()
    assert 'name="investment_explanation"' in html
    assert "Vanuit het Coalitieakkoord" in html
    page = reverse("admin:programmes_reservemutation_change", args=[mutation.pk])
    assert "Op basis van de spelregels" in superuser_client.get(page).content.decode()
    page = reverse("admin:programmes_reservemutation_changelist")
    found = superuser_client.get(page, {"q": "spelregels"}).context["cl"].result_count
    assert found == 1
