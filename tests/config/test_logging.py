"""What the console shows: each line once, a client's error without a
traceback, a server error with one (as in `make run`, DEBUG on)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import django
django.setup()
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseForbidden
from django.test import RequestFactory
from django.utils.log import log_response
import logging

request = RequestFactory().get("/beheer/missies/1/")
try:
    raise PermissionDenied
except PermissionDenied as exc:
    log_response("Forbidden (Permission denied): %s", request.path,
                 response=HttpResponseForbidden(), request=request, exception=exc)
logging.getLogger("django.server").info('"GET /missies/ HTTP/1.1" 200 5756')
try:
    1 / 0
except ZeroDivisionError as exc:
    log_response("Internal Server Error: %s", request.path,
                 response=HttpResponse(status=500), request=request, exception=exc)
"""


def console_of_a_development_server():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DJANGO_TESTING", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr


def test_each_log_line_is_printed_once_and_a_403_without_traceback():
    console = console_of_a_development_server()

    assert console.count("Forbidden (Permission denied): /beheer/missies/1/") == 1
    assert console.count("Internal Server Error: /beheer/missies/1/") == 1
    # runserver's request line, with its time stamp.
    assert re.search(r'^\[[^]]+\] "GET /missies/ HTTP/1.1" 200', console, re.M)
    assert console.count("GET /missies/") == 1
    # The one traceback is the server error's.
    assert console.count("Traceback") == 1
    assert "ZeroDivisionError" in console
    assert "PermissionDenied" not in console
