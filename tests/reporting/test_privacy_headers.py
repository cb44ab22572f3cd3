"""Generated reports hold names of organisations and people: no browser or
proxy keeps a download."""

import pytest
from django.urls import reverse

from reporting.services import report_run_generate, report_run_request
from reporting.views import DOWNLOADS

pytestmark = pytest.mark.django_db


def test_report_file_downloads_are_not_stored(client, data, civil_servant):
    run, _ = report_run_request(
        province=data.province, year=2016, requested_by=civil_servant, queue=False
    )
    run = report_run_generate(run_id=run.pk)
    client.force_login(civil_servant)
    for kind in DOWNLOADS:
        response = client.get(reverse("reporting:download", args=[run.pk, kind]))
        assert response.status_code == 200, kind
        assert "no-store" in response["Cache-Control"], kind
        assert "private" in response["Cache-Control"], kind
        # Read to the end: the test client closes the file and the request.
        assert b"".join(response.streaming_content)
