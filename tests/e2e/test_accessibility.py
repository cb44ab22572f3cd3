"""axe-core on every page of tests/e2e/pages.py, in Dutch and English.

WCAG 2.1 level A and AA is the law for this portal (EN 301 549); any
violation fails, whatever its impact. axe finds only part of the problems:
the keyboard tests and a person with a screen reader find others.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from tests.e2e.pages import PAGES, Visit
from tests.world import build_world

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA},
    "resultTypes": ["violations"],
}
axe = Axe()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html'][:160]}")
    return "\n".join(lines)


@pytest.mark.parametrize("visit", PAGES, ids=lambda visit: visit.id)
def test_page_has_no_wcag_21_aa_violations(page, login_as, visit: Visit):
    world = build_world()
    login_as(world.user(visit.role))
    failures = []
    for language in ("nl", "en"):
        with translation.override(language):
            url = reverse(visit.url_name, kwargs=visit.kwargs(world)) + visit.query
        response = page.goto(url)
        assert response.status < 400, f"{url} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == language, url
        if visit.prepare:
            visit.prepare(page)
        result = axe.run(page, options=AXE_OPTIONS)
        violations = result.response["violations"]
        if violations:
            failures.append(f"{page.url}:\n{describe(violations)}")
    assert not failures, "\n".join(failures)
