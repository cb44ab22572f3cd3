"""config.services.model_update and config.forms.add_service_errors: the one
way services take a dict of fields and views show a service's refusal."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from config.forms import add_service_errors
from config.services import FieldsNotAllowed, model_update
from programmes.models import Reserve


def test_model_update_returns_only_the_fields_that_changed():
    reserve = Reserve(name="Oud", description="Zelfde")
    same, changed = model_update(
        instance=reserve,
        fields=("name", "description"),
        data={"name": "Nieuw", "description": "Zelfde"},
    )
    assert same is reserve
    assert changed == ["name"]
    assert reserve.name == "Nieuw"


def test_model_update_refuses_a_field_it_was_not_given_and_changes_nothing():
    reserve = Reserve(name="Oud")
    with pytest.raises(FieldsNotAllowed) as error:
        model_update(
            instance=reserve, fields=("name",), data={"name": "X", "province_id": 2}
        )
    # Both a caller's bug and a message a form can show.
    assert isinstance(error.value, TypeError)
    assert isinstance(error.value, ValidationError)
    assert "province_id" in error.value.messages[0]
    assert reserve.name == "Oud"


class AmountForm(forms.Form):
    amount = forms.DecimalField()


def test_errors_go_on_their_field_and_the_rest_on_top_with_its_label():
    form = AmountForm(data={"amount": "1"})
    assert form.is_valid()
    add_service_errors(
        form,
        ValidationError(
            {"amount": "Te veel.", "reserve_name": "Onbekend.", "__all__": "Nee."}
        ),
    )
    assert form.errors["amount"] == ["Te veel."]
    assert form.non_field_errors() == ["Reserve name: Onbekend.", "Nee."]


def test_an_error_without_a_field_goes_on_top_or_on_the_field_of_its_code():
    form = AmountForm(data={"amount": "1"})
    form.is_valid()
    add_service_errors(form, ValidationError("Overdrawn.", code="overdrawn"))
    assert form.non_field_errors() == ["Overdrawn."]
    form = AmountForm(data={"amount": "1"})
    form.is_valid()
    add_service_errors(
        form,
        ValidationError("Overdrawn.", code="overdrawn"),
        {"overdrawn": "amount"},
    )
    assert form.errors["amount"] == ["Overdrawn."]
