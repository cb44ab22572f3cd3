"""Every field that can hold personal data is erased or said not to be.

The sweep reads every model Django knows (our apps, their simple-history
models and the third-party apps installed) and fails on a field that looks
personal (config.personal_data.looks_personal) but no scrubber covers and
nobody declared not personal. To fix a failure: add the field to your app's
scrubber in ``<app>/scrubbers.py`` (and erase it there), or, when it holds no
personal data, to that module's ``NOT_PERSONAL`` with the reason.
"""

import pytest
from django.apps import apps
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.test.utils import isolate_apps
from simple_history.models import HistoricalRecords

from config import personal_data


def _all_models():
    return apps.get_models(include_auto_created=True)


def test_every_field_that_looks_personal_is_erased_or_declared_not_personal():
    undeclared = personal_data.undeclared_fields(_all_models())
    assert not undeclared, (
        "These fields may hold personal data, but no scrubber erases them and "
        "they are not declared not personal (see config/personal_data.py): "
        + ", ".join(undeclared)
    )


def test_every_declared_field_exists_so_the_lists_stay_true():
    existing = set(personal_data.fields_looking_personal(_all_models()))
    declared = (
        personal_data.covered_fields().keys()
        | personal_data.not_personal_fields().keys()
    )
    assert sorted(declared - existing) == []


def test_no_field_is_both_erased_and_declared_not_personal():
    both = (
        personal_data.covered_fields().keys()
        & personal_data.not_personal_fields().keys()
    )
    assert sorted(both) == []


def test_the_sweep_reads_historical_models_and_third_party_apps():
    seen = set(personal_data.fields_looking_personal(_all_models()))
    assert {
        "participants.HistoricalContactPerson.email",
        "missions.HistoricalRegistration.motivation",
        "account.EmailAddress.email",
        "admin.LogEntry.object_repr",
        "outbox.SentMail.recipients",
    } <= seen


def test_the_places_named_in_the_issue_are_erased_not_just_declared():
    covered = personal_data.covered_fields()
    for name in (
        "outbox.SentMail.recipients",
        "participants.ContactPerson.email",
        "participants.HistoricalContactPerson.email",
        "participants.HistoricalContactPerson.name",
        "admin.LogEntry.object_repr",
        "admin.LogEntry.change_message",
        "accounts.User.email",
        "account.EmailAddress.email",
    ):
        assert name in covered, name


@pytest.mark.parametrize(
    ("field_name", "model_field"),
    [
        ("invoice_to", models.EmailField()),
        ("note", models.TextField()),
        ("payload", models.JSONField(default=dict)),
        ("visitor", models.GenericIPAddressField()),
        ("attachment", models.FileField()),
        ("phone_number", models.CharField(max_length=30)),
        ("billing_address", models.CharField(max_length=200)),
        ("full_name", models.CharField(max_length=200)),
        ("sent_to_recipients", models.CharField(max_length=500)),
        ("ip", models.CharField(max_length=45)),
    ],
)
@isolate_apps("missions")
def test_a_new_field_that_looks_personal_is_caught(field_name, model_field):
    class Invoice(models.Model):  # noqa: DJ008 (a throwaway model)
        amount = models.DecimalField(max_digits=10, decimal_places=2)

        class Meta:
            app_label = "missions"

    model_field.contribute_to_class(Invoice, field_name)

    assert personal_data.undeclared_fields([Invoice]) == [
        f"missions.Invoice.{field_name}"
    ]


@isolate_apps("participants")
def test_a_new_email_field_on_an_existing_model_is_caught_with_its_history():
    # The same label as a second address on the real ContactPerson.
    class ContactPerson(models.Model):  # noqa: DJ008 (a throwaway model)
        email = models.EmailField()
        private_email = models.EmailField(blank=True)
        history = HistoricalRecords()

        class Meta:
            app_label = "participants"

    historical = ContactPerson.history.model
    assert personal_data.undeclared_fields([ContactPerson, historical]) == [
        "participants.ContactPerson.private_email",
        "participants.HistoricalContactPerson.private_email",
    ]


@isolate_apps("missions")
def test_numbers_dates_choices_and_relations_are_not_counted():
    class Plain(models.Model):  # noqa: DJ008 (a throwaway model)
        seats = models.PositiveIntegerField()
        starts = models.DateField()
        status = models.CharField(max_length=10, choices=[("a", "A")])
        organisation = models.ForeignKey(
            "participants.Organisation", on_delete=models.CASCADE
        )

        class Meta:
            app_label = "missions"

    assert personal_data.fields_looking_personal([Plain]) == []


def test_a_field_declared_not_personal_needs_a_reason():
    with pytest.raises(ImproperlyConfigured):
        personal_data.declare_not_personal({"missions.Mission.title": " "})


def test_two_scrubbers_may_not_share_a_name():
    existing = personal_data.scrubbers()[0]
    other = personal_data.Scrubber(
        identifier=existing.identifier, fields=(), erase=lambda erasure: None
    )
    with pytest.raises(ImproperlyConfigured):
        personal_data.register(other)
    assert personal_data.scrubbers()[0] is existing


def test_a_comma_separated_list_loses_only_exactly_those_addresses():
    text = "Jan@Bedrijf.example, anjan@bedrijf.example, piet@bedrijf.example"
    assert (
        personal_data.addresses_removed(text, {"jan@bedrijf.example"})
        == "anjan@bedrijf.example, piet@bedrijf.example"
    )
    assert personal_data.addresses_removed("jan@bedrijf.example", {"jan@b"}) == (
        "jan@bedrijf.example"
    )


def test_manage_py_check_names_an_undeclared_field(monkeypatch):
    assert personal_data.undeclared_fields_check() == []
    monkeypatch.delitem(personal_data._not_personal, "missions.Registration.motivation")

    warnings = personal_data.undeclared_fields_check()

    assert [(w.id, w.msg.split()[0]) for w in warnings] == [
        ("personal_data.W001", "missions.Registration.motivation")
    ]
    registered = checks.run_checks(tags=[checks.Tags.models])
    assert "personal_data.W001" in {message.id for message in registered}


def test_a_proxy_model_is_not_counted_twice():
    from django.contrib.auth import get_user_model

    @isolate_apps("accounts")
    def _proxy_fields():
        class Entrepreneur(get_user_model()):
            class Meta:
                app_label = "accounts"
                proxy = True

        return personal_data.fields_looking_personal([Entrepreneur])

    assert _proxy_fields() == []
