"""URLs for the rows of long tables, without a reverse() per row.

reverse() is most of the time a table row takes to render. Each URL name
is reversed once per process, language and further arguments, with a
placeholder for the row's id; a row's URL is that pattern with its id.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

# Stands in for the object's id while reversing; never a real id.
_PLACEHOLDER = "987654321"


@lru_cache(maxsize=256)
def _pattern(name: str, args: tuple, language: str | None, prefix: str) -> str:
    url = reverse(name, args=[int(_PLACEHOLDER), *args])
    if url.count(_PLACEHOLDER) != 1:
        raise ValueError(f"{name}: the id must appear once in its URL")
    return url


def row_url(name: str, pk, *args) -> str:
    """What reverse(name, args=[pk, *args]) returns, for the current language."""
    pattern = _pattern(name, tuple(args), get_language(), get_script_prefix())
    return pattern.replace(_PLACEHOLDER, str(int(pk)))


def row_urls():
    """row_url with the language and script prefix read once, for a loop."""
    language, prefix = get_language(), get_script_prefix()

    def url(name: str, pk, *args) -> str:
        pattern = _pattern(name, args, language, prefix)
        return pattern.replace(_PLACEHOLDER, str(int(pk)))

    return url
