"""Forms of issue 16 item 6: adopting a report and the status of an actie.
Shape only; the rules live in reporting.adoption."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role

from .models import ActionStatus


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label=_("Date of the GS decision"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    adopted_reference = forms.CharField(
        label=_("Decision reference"),
        max_length=100,
        required=False,
        help_text=_("As your province writes it, e.g. 2017/0123456."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("adopt", _("Mark as adopted by GS")))


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionStatus.Status.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Explanation (one line)"),
        max_length=200,
        required=False,
        help_text=_("Required when a figure misses its target by more than 10 %."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save status")))


def adoption_context(*, user, run, context: dict) -> dict:
    """What the run's page shows of adoption and action statuses: the form
    only to a civil servant of the province while the run is ready and not
    adopted; the actions of the report, with a link to their status, only
    to civil servants of the province."""
    writer = user.has_role(Role.CIVIL_SERVANT) and user.province_id == run.province_id
    return {
        "can_adopt": writer and run.is_ready and not run.is_adopted,
        "adopt_form": context.get("adopt_form") or AdoptForm(),
        "status_actions": (
            [
                {
                    "id": action["id"],
                    "label": f"{p['code']} {action['number']}. {action['text'][:90]}",
                }
                for p in (run.figures or {}).get("prestaties", [])
                for action in p["actions"]
            ]
            if writer and run.year == (run.figures or {}).get("year")
            else []
        ),
    }
