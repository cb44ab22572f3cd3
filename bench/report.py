"""One yearly report in one format, in a process of its own, so that the
parent can read this process's peak memory (ru_maxrss) and wall time.

python -m bench.report PROVINCE_CODE YEAR FORMAT
FORMAT: figures (freeze the figures only), html, pdf, xlsx, docx (figures
and that one file), all (the whole run as the Celery worker generates it).
"""

from __future__ import annotations

import json
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.template.loader import render_to_string  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from provinces.models import Province  # noqa: E402
from reporting.models import ReportRun  # noqa: E402
from reporting.services import (  # noqa: E402
    _freeze_figures,
    report_run_generate,
    report_run_request,
)


def main(code: str, year: int, fmt: str) -> dict:
    province = Province.objects.get(code=code)
    if fmt == "all":
        began = time.perf_counter()
        run, _created = report_run_request(
            province=province, year=year, language="nl", queue=False
        )
        run = report_run_generate(run_id=run.pk)
        if run.status != ReportRun.Status.SUCCEEDED:
            raise SystemExit(f"run failed: {run.error}")
        return {"inner_s": time.perf_counter() - began, "bytes": _sizes(run)}
    # An unsaved run: nothing is written, only computed and rendered.
    run = ReportRun(province=province, year=year, language="nl")
    began = time.perf_counter()
    run.figures = _freeze_figures(run)
    run.figures_at = timezone.now()
    figures_s = time.perf_counter() - began
    if fmt == "figures":
        return {"inner_s": figures_s, "bytes": len(json.dumps(run.figures))}
    from reporting.rendering import report_context
    from reporting.rendering.docx import render_docx
    from reporting.rendering.pdf import render_pdf
    from reporting.rendering.xlsx import render_xlsx

    with translation.override(run.language):
        context = report_context(run)
        html = render_to_string("reporting/report_document.html", context)
        if fmt == "html":
            content = html.encode()
        elif fmt == "pdf":
            content = render_pdf(html, context["doc"])
        elif fmt == "xlsx":
            content = render_xlsx(run.figures, context["doc"])
        elif fmt == "docx":
            content = render_docx(context["doc"])
        else:
            raise SystemExit(f"unknown format {fmt}")
    return {
        "inner_s": time.perf_counter() - began,
        "figures_s": figures_s,
        "bytes": len(content),
    }


def _sizes(run) -> int:
    total = 0
    for field in ReportRun.FILE_FIELDS:
        total += getattr(run, field).size
    return total


if __name__ == "__main__":
    result = main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
    sys.stdout.write(json.dumps(result) + "\n")
