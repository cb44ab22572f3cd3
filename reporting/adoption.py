"""Writes of issue 16 item 6: adopting a report run and the status of an
actie.

A run is a draft ("CONCEPT" on every page) until a civil servant of its
province marks it as adopted by Gedeputeerde Staten, with the date of the
decision. Its files are then rendered once more from the same frozen
figures, without the watermark, and the run is frozen: generating never
touches a finished run, and asking for the report again makes a new run
with the next version number.
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.roles import Role
from programmes.models import Action

from .figures import figures_for
from .figures.trends import misses_target
from .models import ActionStatus, ReportRun, report_storage


def _check_civil_servant(user, province_id: int, message: str) -> None:
    if not (user.has_role(Role.CIVIL_SERVANT) and user.province_id == province_id):
        raise PermissionDenied(message)


def _render_adopted(run: ReportRun) -> dict[str, str]:
    """The run's files once more, now without the watermark, in a folder of
    their own; returns {file field: stored name}."""
    from .rendering import render_report_files

    storage = report_storage()
    folder = f"{run.province.code}/{run.year}/run-{run.pk}/adopted-{uuid.uuid4().hex}"
    names: dict[str, str] = {}
    try:
        for field, (filename, content) in render_report_files(run):
            names[field] = storage.save(f"{folder}/{filename}", ContentFile(content))
    except BaseException:
        for name in names.values():
            storage.delete(name)
        raise
    return names


def report_run_adopt(
    *, run: ReportRun, adopted_on: datetime.date, by, reference: str = ""
) -> ReportRun:
    """Mark a ready run as adopted by GS on `adopted_on` (the date of the
    decision; not in the future nor before the figures were frozen). Only a
    civil servant of the run's province may; an adopted run stays as it is.
    """
    _check_civil_servant(
        by,
        run.province_id,
        _("Only a civil servant of the province can mark its report as adopted."),
    )
    if run.is_adopted:
        raise ValidationError(_("This report has already been adopted."))
    if not run.is_ready:
        raise ValidationError(_("Only a report that is ready can be adopted."))
    today = timezone.localdate()
    frozen = timezone.localdate(run.figures_at) if run.figures_at else None
    if adopted_on > today:
        raise ValidationError(
            {"adopted_on": _("The date of the decision cannot be in the future.")}
        )
    if frozen and adopted_on < frozen:
        raise ValidationError(
            {
                "adopted_on": _(
                    "The decision cannot be older than the report (%(date)s)."
                )
                % {"date": formats.date_format(frozen, "j F Y")}
            }
        )
    reference = (reference or "").strip()
    if len(reference) > 100:
        raise ValidationError({"adopted_reference": _("Use at most 100 characters.")})
    run.adopted_on = adopted_on
    run.adopted_reference = reference
    # Rendered before the lock (a PDF takes a while); published below only
    # when nobody adopted the run in the meantime.
    names = _render_adopted(run)
    storage = report_storage()
    with transaction.atomic():
        locked = ReportRun.objects.select_for_update().get(pk=run.pk)
        if locked.is_adopted or not locked.is_ready:
            transaction.on_commit(lambda: [storage.delete(n) for n in names.values()])
            raise ValidationError(_("This report has already been adopted."))
        old = [getattr(locked, f).name for f in ReportRun.FILE_FIELDS]
        for field, name in names.items():
            setattr(locked, field, name)
        locked.adopted_on = adopted_on
        locked.adopted_reference = reference
        locked.adopted_by = by
        locked.adopted_at = timezone.now()
        locked._history_user = by
        locked._change_reason = "adopted by GS"
        locked.save()
        transaction.on_commit(
            lambda: [storage.delete(n) for n in old if n and n not in names.values()]
        )
    return locked


def action_misses(action: Action, year: int, *, as_of=None) -> list[str]:
    """The indicators of `action` whose figure misses its target of `year`
    by more than 10 %, counted as the report counts them."""
    as_of = as_of or timezone.localdate()
    prestatie = action.prestatie
    with translation.override("nl"):
        figures = figures_for(
            province=prestatie.province, year=year, prestatie=prestatie, as_of=as_of
        )
    missed = []
    for p in figures.prestaties:
        for a in p.actions:
            if a.id != action.pk:
                continue
            missed += [
                i.name
                for i in a.indicators
                if misses_target(
                    target=i.target, realised=i.realised, year=year, as_of=as_of
                )
            ]
    return missed


@transaction.atomic
def action_status_set(
    *, action: Action, status: str, explanation: str = "", by, as_of=None
) -> ActionStatus:
    """The status of an actie in its prestatie's year. The one-line
    explanation is required when a figure misses its target by more than
    10 %; the message names the figures."""
    prestatie = action.prestatie
    _check_civil_servant(
        by,
        prestatie.province_id,
        _("Only a civil servant of the province can set the status of its actions."),
    )
    explanation = " ".join((explanation or "").split())
    errors = {}
    if status not in ActionStatus.Status.values:
        errors["status"] = _("Choose on track, at risk or behind.")
    if len(explanation) > 200:
        errors["explanation"] = _("Keep the explanation to one line of 200 characters.")
    if not explanation:
        missed = action_misses(action, prestatie.year, as_of=as_of)
        if missed:
            errors["explanation"] = _(
                "Explain the status in one line: %(figures)s misses its target by "
                "more than 10 %%."
            ) % {"figures": ", ".join(missed)}
    if errors:
        raise ValidationError(errors)
    record = (
        ActionStatus.objects.select_for_update()
        .filter(action=action, year=prestatie.year)
        .first()
    ) or ActionStatus(action=action, year=prestatie.year)
    record.status = status
    record.explanation = explanation
    record.updated_by = by
    record._history_user = by
    record.save()
    return record
