"""Dates and times as people read them: local time, day and month in words.

Pages rendered with `{% localize off %}` (so that years read 2016, not
2.016) would otherwise print a datetime as raw UTC with microseconds.
"""

import datetime
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

DAY_FORMAT = "j F Y"  # 10 mei 2027 / 10 May 2027
MOMENT_FORMAT = "j F Y H:i"


def format_day(value: datetime.date) -> str:
    return date_format(value, DAY_FORMAT)


def format_moment(value: datetime.datetime) -> str:
    """In Europe/Amsterdam (the portal's time zone), to the minute."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, MOMENT_FORMAT)


def display_value(value: Any) -> Any:
    """A date or datetime as text; anything else as it is."""
    if isinstance(value, datetime.datetime):
        return format_moment(value)
    if isinstance(value, datetime.date):
        return format_day(value)
    return value
