"""Generate a yearly report in the foreground and print its files' paths.

python manage.py generate_yearly_report --province OV --year 2016 [--language en]
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from programmes.models import Prestatie, Programme
from provinces.models import Province
from reporting.models import ReportRun
from reporting.services import report_run_generate, report_run_request


class Command(BaseCommand):
    help = "Generate a province's yearly progress report now and print the files."

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help="Code, e.g. OV.")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument(
            "--language", default="nl", choices=[c for c, _ in settings.LANGUAGES]
        )
        parser.add_argument("--programme", type=int, help="Id of a programme.")
        parser.add_argument("--prestatie", help="Number of a prestatie, e.g. 5.4.2.")

    def handle(self, *args, province, year, language, programme, prestatie, **opts):
        found = Province.objects.filter(code=province.upper()).first()
        if found is None:
            raise CommandError(f"No province with code {province}.")
        scope, programme_obj, prestatie_obj = ReportRun.Scope.PROVINCE, None, None
        if programme is not None:
            scope = ReportRun.Scope.PROGRAMME
            programme_obj = Programme.objects.filter(
                pk=programme, province=found
            ).first()
            if programme_obj is None:
                raise CommandError(f"No programme {programme} in {found}.")
        elif prestatie:
            scope = ReportRun.Scope.PRESTATIE
            prestatie_obj = Prestatie.objects.filter(
                province=found, year=year, code=prestatie
            ).first()
            if prestatie_obj is None:
                raise CommandError(f"No prestatie {prestatie} of {year} in {found}.")
        try:
            # The same service as the portal, without queueing a task: the
            # run is generated here, in the foreground.
            run, created = report_run_request(
                province=found,
                year=year,
                scope=scope,
                programme=programme_obj,
                prestatie=prestatie_obj,
                language=language,
                queue=False,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if not created:
            self.stderr.write(
                f"Run {run.pk} for this report was already queued; generating it."
            )
        run = report_run_generate(run_id=run.pk)
        if run is None or run.status != ReportRun.Status.SUCCEEDED:
            raise CommandError(
                f"Run {run.pk if run else '?'} did not succeed: "
                f"{run.error if run else 'gone'}"
            )
        for field in ReportRun.FILE_FIELDS:
            file = getattr(run, field)
            try:
                self.stdout.write(file.path)
            except NotImplementedError:
                # Object storage has names, not local paths.
                self.stdout.write(file.name)
