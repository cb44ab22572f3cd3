"""Every URL of the project against every role, in Dutch and English.

The expected answers live in tests/access_table.py. A URL pattern without an
entry there fails `test_every_url_pattern_has_an_entry`, so a new page
cannot ship without someone deciding who may see it.
"""

from dataclasses import dataclass, fields
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from tests.access_table import TABLE, Expect, Redirect
from tests.world import ROLES, build_world

# URL prefixes left out of the sweep, each with its reason. Only entries of
# TABLE under these prefixes are tried.
EXCLUDED_PREFIXES = {
    # Django's admin: every model page checks is_staff and the model
    # permissions itself (tested by Django). admin:index is in the table.
    "admin/": "Django admin internals",
    # Served only with DEBUG on, never in production.
    "media/": "development media files",
    "^media/": "development media files",
}
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Pattern:
    key: str
    route: str
    translated: bool
    has_parameters: bool


def _walk(patterns, prefix="", namespace="", translated=False):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            yield from _walk(
                entry.url_patterns,
                prefix if isinstance(entry.pattern, LocalePrefixPattern) else route,
                f"{namespace}{inner}:" if inner else namespace,
                translated or isinstance(entry.pattern, LocalePrefixPattern),
            )
        elif isinstance(entry, URLPattern):
            key = f"{namespace}{entry.name}" if entry.name else route
            has_parameters = bool(entry.pattern.regex.groupindex) or (
                entry.pattern.regex.groups > 0
            )
            yield Pattern(key, route, translated, has_parameters)


def project_patterns() -> list[Pattern]:
    found = {}
    for pattern in _walk(get_resolver().url_patterns):
        excluded = any(pattern.route.startswith(p) for p in EXCLUDED_PREFIXES)
        if excluded and pattern.key not in TABLE:
            continue
        found.setdefault(pattern.key, pattern)
    return list(found.values())


PATTERNS = {pattern.key: pattern for pattern in project_patterns()}


def test_every_url_pattern_has_an_entry():
    missing = [f"{p.key} ({p.route})" for p in PATTERNS.values() if p.key not in TABLE]
    assert not missing, (
        "URL patterns without an entry in tests/access_table.py: " + ", ".join(missing)
    )


def test_every_entry_is_a_url_pattern():
    stale = sorted(set(TABLE) - set(PATTERNS))
    assert not stale, f"Entries of tests/access_table.py without a URL: {stale}"


def test_object_urls_are_tried_with_somebody_elses_ids():
    alone = [
        key
        for key, pattern in PATTERNS.items()
        if pattern.has_parameters and len(TABLE.get(key, [])) < 2
    ]
    assert not alone, (
        f"URLs with parameters need a case for their own object and one for "
        f"another province's or organisation's object: {alone}"
    )


def test_the_table_names_every_role():
    assert tuple(f.name for f in fields(Expect)) == ROLES


def _answer(response) -> str:
    if response.status_code != 302:
        return str(response.status_code)
    return f"302→{urlsplit(response['Location']).path}"


def _matches(expected, response, language: str) -> bool:
    if isinstance(expected, Redirect):
        if response.status_code != 302:
            return False
        path = urlsplit(response["Location"]).path
        with translation.override(language):
            login = reverse("account_login")
            if expected.to is None:
                return path != login
            return path == reverse(expected.to)
    return response.status_code == expected


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(TABLE))
def test_access_follows_the_table(key):
    pattern = PATTERNS.get(key)
    if pattern is None:
        pytest.fail(f"{key} is in the table but not a URL of the project")
    world = build_world()
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if world.user(role) is not None:
            clients[role].force_login(world.user(role))
    wrong = []
    languages = LANGUAGES if pattern.translated else ("nl",)
    for case in TABLE[key]:
        kwargs = case.kwargs(world)
        for language in languages:
            with translation.override(language):
                url = reverse(key, kwargs=kwargs)
            for role in ROLES:
                expected = getattr(case.expect, role)
                response = clients[role].get(url)
                if not _matches(expected, response, language):
                    wrong.append(
                        f"{role:<20} {url} [{case.label}]: expected {expected}, "
                        f"got {_answer(response)}"
                    )
    assert not wrong, "\n" + "\n".join(wrong)
