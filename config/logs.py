"""Logging filters of the portal."""

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Log a 4xx answer as one line, without the exception's traceback.

    Django logs a PermissionDenied or Http404 on ``django.request`` with the
    exception attached; for a client's error (a 403 for a wrong role, a 404
    for a mistyped address) the traceback says nothing an operator can act
    on and buries the lines that do. Server errors keep theirs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if (
            record.name.startswith("django.request")
            and status is not None
            and status < 500
        ):
            record.exc_info = None
            record.exc_text = None
        return True
