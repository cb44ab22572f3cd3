"""Every free text has a length limit: in the form, in the model, on the page.

Before, six long text fields stored 2 MB without complaint. A 2 MB post to
every free-text field of every form must now be refused with a 4xx and a
translated message, store nothing, and the page must say the limit.
"""

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import TextField
from django.db.models.functions import Length
from django.test import Client
from django.urls import reverse

from config.text_limits import LONG, SHORT, TextLimitsFormMixin
from missions.models import MissionResult, Registration
from missions.services import registrations as registration_services
from missions.services.results import mission_result_save
from programmes.models import ProgressNote, ReserveMutation
from programmes.services import actions as action_services
from showcase import services as showcase_services
from showcase.models import ExportStory
from tests.factories import (
    ExportStoryFactory,
    MissionFactory,
    OrganisationFactory,
    RegistrationFactory,
    ReserveMutationFactory,
    UserFactory,
)
from tests.world import CIVIL_SERVANT_OV, SME_A, World, build_world

pytestmark = pytest.mark.django_db

OUR_APPS = (
    "accounts",
    "provinces",
    "programmes",
    "missions",
    "participants",
    "showcase",
    "reporting",
)
FORM_MODULES = (
    "missions.forms",
    "participants.forms",
    "programmes.forms",
    "reporting.forms",
    "showcase.forms",
    "reporting.dashboard.forms",
)
# Written by the portal itself, never typed by a person.
SYSTEM_TEXT = {
    ("reporting", "reportrun", "error"),
}
TWO_MB = "x" * (2 * 1024 * 1024)
MESSAGE_NL = "Zorg dat deze waarde niet meer dan {limit} tekens bevat"
HELP_NL = {SHORT: "Maximaal 2.000 tekens.", LONG: "Maximaal 10.000 tekens."}


def limited_text_fields():
    """(model, field) of every text field a person fills in, history
    tables left out (they copy the fields of their model)."""
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical"):
                continue
            for field in model._meta.get_fields():
                if not isinstance(field, TextField):
                    continue
                key = (app, model._meta.model_name, field.name)
                if key not in SYSTEM_TEXT:
                    yield model, field


def test_every_text_field_has_a_limit_the_model_checks():
    """A new TextField without a limit fails here."""
    fields = list(limited_text_fields())
    assert len(fields) >= 21
    for model, field in fields:
        label = f"{model.__name__}.{field.name}"
        assert field.max_length in (SHORT, LONG), label
        assert MaxLengthValidator(field.max_length) in field.validators, label


def test_every_form_text_field_has_a_limit_and_shows_it():
    """Every CharField of our forms has a max_length; a form with a text
    area shows the limit (TextLimitsFormMixin)."""
    checked = 0
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, form_class in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form_class, forms.BaseForm) or form_class.__module__ != (
                module_name
            ):
                continue
            text_areas = []
            for field_name, field in form_class.base_fields.items():
                if isinstance(field, forms.CharField) and not isinstance(
                    field, forms.URLField | forms.EmailField
                ):
                    assert field.max_length, f"{name}.{field_name}"
                    checked += 1
                if isinstance(field.widget, forms.Textarea):
                    text_areas.append(field_name)
            if text_areas:
                assert issubclass(form_class, TextLimitsFormMixin), name
    assert checked > 30


def test_the_mixin_adds_the_limit_to_existing_help_text():
    from showcase.forms import ProfileForm

    form = ProfileForm(organisation=OrganisationFactory(kind="adviser"))
    experience = str(form.fields["experience"].help_text)
    assert experience.endswith(". Maximaal 2.000 tekens.")
    assert len(experience) > len("Maximaal 2.000 tekens.") + 10
    assert form.fields["description"].help_text == "Maximaal 2.000 tekens."
    assert 'maxlength="2000"' in str(form["description"])


def _pk(name):
    return lambda world: {"pk": world.objects[name].pk}


def _decided_mutation(world: World):
    mutation = ReserveMutationFactory(
        reserve=world.objects["reserve_ov"], addition=True, decided=True
    )
    return {"pk": mutation.pk}


# url name, who posts, URL kwargs, field, limit. Every form with free text.
WEB_FORMS = [
    ("programmes:programme_create", CIVIL_SERVANT_OV, None, "description", LONG),
    ("programmes:reserve_create", CIVIL_SERVANT_OV, None, "description", SHORT),
    ("programmes:prestatie_create", CIVIL_SERVANT_OV, None, "purpose", LONG),
    ("programmes:prestatie_create", CIVIL_SERVANT_OV, None, "context", LONG),
    (
        "programmes:prestatie_update",
        CIVIL_SERVANT_OV,
        _pk("prestatie_ov"),
        "context",
        LONG,
    ),
    ("programmes:action_create", CIVIL_SERVANT_OV, _pk("prestatie_ov"), "text", SHORT),
    ("programmes:note_create", CIVIL_SERVANT_OV, _pk("action_ov"), "text", LONG),
    ("programmes:note_update", CIVIL_SERVANT_OV, _pk("note_ov"), "text", LONG),
    (
        "programmes:result_create",
        CIVIL_SERVANT_OV,
        _pk("prestatie_ov"),
        "text",
        SHORT,
    ),
    (
        "programmes:mutation_create",
        CIVIL_SERVANT_OV,
        _pk("reserve_ov"),
        "explanation",
        SHORT,
    ),
    (
        "programmes:mutation_counter",
        CIVIL_SERVANT_OV,
        _decided_mutation,
        "explanation",
        SHORT,
    ),
    ("missions_backoffice:create", CIVIL_SERVANT_OV, None, "description", LONG),
    (
        "missions_backoffice:edit",
        CIVIL_SERVANT_OV,
        _pk("mission_ov"),
        "highlights",
        SHORT,
    ),
    (
        "missions_backoffice:reject",
        CIVIL_SERVANT_OV,
        _pk("registration_a"),
        "reason",
        SHORT,
    ),
    ("missions:signup", SME_A, _pk("mission_li"), "motivation", SHORT),
    ("missions:signup", SME_A, _pk("mission_li"), "goals", SHORT),
    (
        "mine:results",
        SME_A,
        lambda world: {"pk": world.objects["attended_a"].pk, "moment": "after"},
        "remarks",
        SHORT,
    ),
    (
        "missions_backoffice:results",
        CIVIL_SERVANT_OV,
        lambda world: {"pk": world.objects["attended_a"].pk, "moment": "after"},
        "remarks",
        SHORT,
    ),
    (
        "mine_showcase:profile",
        SME_A,
        lambda world: {"pk": world.organisation_a.pk},
        "description",
        SHORT,
    ),
    (
        "mine_showcase:profile",
        SME_A,
        lambda world: {"pk": world.organisation_a.pk},
        "experience",
        SHORT,
    ),
    (
        "mine_showcase:story_create",
        SME_A,
        lambda world: {"pk": world.organisation_a.pk},
        "body",
        LONG,
    ),
    ("mine_showcase:story_edit", SME_A, _pk("story_a"), "body", LONG),
    (
        "showcase:contact",
        SME_A,
        lambda world: {"pk": world.organisation_b.pk},
        "message",
        SHORT,
    ),
    (
        "showcase_moderation:detail",
        CIVIL_SERVANT_OV,
        lambda world: {"kind": "verhaal", "pk": world.objects["story_a"].pk},
        "reason",
        SHORT,
    ),
]


def _nothing_too_long_stored():
    for model, field in limited_text_fields():
        too_long = model.objects.annotate(length=Length(field.name)).filter(
            length__gt=field.max_length
        )
        assert not too_long.exists(), f"{model.__name__}.{field.name}"


@pytest.mark.parametrize(
    ("url_name", "role", "kwargs", "field", "limit"),
    WEB_FORMS,
    ids=[f"{case[0]}-{case[3]}" for case in WEB_FORMS],
)
def test_two_megabytes_of_text_are_refused_with_a_message(
    url_name, role, kwargs, field, limit
):
    world = build_world()
    url = reverse(url_name, kwargs=kwargs(world) if kwargs else None)
    client = Client()
    client.force_login(world.user(role))
    page = client.get(url)
    assert page.status_code == 200
    # The limit is said next to the field, in Dutch number format.
    assert HELP_NL[limit] in page.content.decode()
    response = client.post(url, {field: TWO_MB})
    assert 400 <= response.status_code < 500
    errors = response.context["form"].errors.as_data()
    assert any(error.code == "max_length" for error in errors[field]), errors
    assert MESSAGE_NL.format(limit=limit) in response.content.decode()
    _nothing_too_long_stored()


# --- the services refuse too (admin, imports, later callers) ---------------


def test_progress_note_service_takes_the_limit_and_refuses_one_more(civil_servant):
    from tests.factories import ActionFactory, PrestatieFactory

    action = ActionFactory(prestatie=PrestatieFactory(province=civil_servant.province))
    year = action.prestatie.year
    note = action_services.progress_note_create(
        action=action, year=year, text="x" * LONG, by=civil_servant
    )
    assert len(note.text) == LONG
    with pytest.raises(ValidationError) as caught:
        action_services.progress_note_update(
            note=note, data={"text": "x" * (LONG + 1)}, by=civil_servant
        )
    assert "text" in caught.value.message_dict
    note.refresh_from_db()
    assert len(note.text) == LONG
    assert ProgressNote.objects.count() == 1


def test_sign_up_service_refuses_a_long_motivation(sme_user, organisation):
    mission = MissionFactory(province=organisation.province, open=True)
    with pytest.raises(ValidationError) as caught:
        registration_services.registration_create(
            mission=mission,
            organisation=organisation,
            by=sme_user,
            motivation="x" * (SHORT + 1),
            de_minimis_declared=True,
        )
    assert "motivation" in caught.value.message_dict
    assert not Registration.objects.exists()


def test_reject_service_refuses_a_long_reason_and_changes_nothing(civil_servant):
    registration = RegistrationFactory(
        mission=MissionFactory(province=civil_servant.province, open=True)
    )
    with pytest.raises(ValidationError) as caught:
        registration_services.registration_reject(
            registration=registration, by=civil_servant, reason="x" * (SHORT + 1)
        )
    assert "reason" in caught.value.message_dict
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ACCEPTED
    assert registration.rejection_reason == ""


def test_results_service_refuses_long_remarks(civil_servant):
    registration = RegistrationFactory(
        mission=MissionFactory(province=civil_servant.province, completed=True),
        attended=True,
    )
    with pytest.raises(ValidationError) as caught:
        mission_result_save(
            registration=registration,
            moment=MissionResult.Moment.AFTER,
            by=civil_servant,
            remarks="x" * (SHORT + 1),
        )
    assert "remarks" in caught.value.message_dict
    assert not MissionResult.objects.exists()


def test_moderation_service_refuses_a_long_reason(civil_servant):
    story = ExportStoryFactory(
        organisation=OrganisationFactory(province=civil_servant.province)
    )
    with pytest.raises(ValidationError) as caught:
        showcase_services.moderation_hide(
            item=story, by=civil_servant, reason="x" * (SHORT + 1)
        )
    assert "reason" in caught.value.message_dict
    story.refresh_from_db()
    assert not story.is_hidden


def test_story_service_refuses_a_long_body(organisation):
    with pytest.raises(ValidationError) as caught:
        showcase_services.story_create(
            organisation=organisation, by=None, title="T", body="x" * (LONG + 1)
        )
    assert "body" in caught.value.message_dict
    assert not ExportStory.objects.exists()


def test_counter_mutation_service_refuses_a_long_explanation(civil_servant):
    from programmes.services import ledger

    mutation = ReserveMutationFactory(addition=True, decided=True)
    with pytest.raises(ValidationError):
        ledger.reserve_mutation_counter(
            mutation=mutation, by=civil_servant, explanation="x" * (SHORT + 1)
        )
    assert ReserveMutation.objects.count() == 1


def test_admin_refuses_a_long_progress_note():
    from tests.factories import ProgressNoteFactory

    note = ProgressNoteFactory()
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("admin:programmes_progressnote_change", args=[note.pk])
    response = client.post(
        url, {"action": note.action_id, "year": note.year, "text": "x" * (LONG + 1)}
    )
    assert response.status_code == 200  # the admin shows its form again
    assert response.context["adminform"].form.errors["text"]
    note.refresh_from_db()
    assert len(note.text) <= LONG


def test_line_breaks_count_as_one_character_as_in_the_browser():
    """The browser lets 1,999 characters with 19 line breaks through
    `maxlength`, and sends each break as CR LF: 2,018 characters."""
    from missions.forms import RejectForm

    typed = "\r\n".join(["x" * 99] * 20)
    assert len(typed) > SHORT >= len(typed.replace("\r\n", "\n"))
    form = RejectForm(data={"reason": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["reason"] == typed.replace("\r\n", "\n")


def test_story_paragraphs_typed_in_a_browser_are_kept_apart(client):
    world = build_world()
    client.force_login(world.user(SME_A))
    url = reverse("mine_showcase:story_create", kwargs={"pk": world.organisation_a.pk})
    response = client.post(
        url, {"title": "Naar Japan", "body": "Alinea een.\r\n\r\nAlinea twee."}
    )
    assert response.status_code == 302
    story = ExportStory.objects.get(title="Naar Japan")
    assert story.paragraphs == ["Alinea een.", "Alinea twee."]
