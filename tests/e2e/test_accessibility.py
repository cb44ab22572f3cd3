"""axe-core on every page of tests/e2e/pages.py, in Dutch and English.

WCAG 2.1 level A and AA is the law for this portal (EN 301 549); any
violation fails, whatever its impact. axe finds only part of the problems:
the keyboard tests and a person with a screen reader find others.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.pages import PAGES, Visit
from tests.world import (
    ADMINISTRATOR,
    CIVIL_SERVANT_OV,
    PORTFOLIO_HOLDER_OV,
    ROLES,
    add_back_office_data,
    build_world,
)

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA},
    "resultTypes": ["violations"],
}
axe = Axe()
# The roles that see the busy season of tests/world.py (add_back_office_data).
SEE_THE_BACK_OFFICE_OF_OVERIJSSEL = (
    CIVIL_SERVANT_OV,
    PORTFOLIO_HOLDER_OV,
    ADMINISTRATOR,
)


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html'][:160]}")
    return "\n".join(lines)


def visit_url(visit: Visit, world, language: str) -> str:
    if visit.url_name.startswith("/"):
        prefix = "" if language == "nl" else f"/{language}"
        return prefix + visit.url_name + visit.query
    return reverse(visit.url_name, kwargs=visit.kwargs(world)) + visit.query


def audit(page, world, visit: Visit) -> list[str]:
    """The visit's violations in both languages, as readable lines."""
    failures = []
    for language in ("nl", "en"):
        with translation.override(language):
            url = visit_url(visit, world, language)
        try:
            response = page.goto(url)
            if response.status != visit.status:
                failures.append(f"{url} answered {response.status}")
                continue
            lang = page.locator("html").get_attribute("lang")
            if lang != language:
                failures.append(f"{url} has lang={lang!r}, not {language!r}")
            if visit.prepare:
                visit.prepare(page)
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        except PlaywrightError as exc:
            failures.append(f"{url}: {exc.message.splitlines()[0]}")
            violations = []
        if violations:
            failures.append(f"{page.url}:\n{describe(violations)}")
        if failures and failures[-1].startswith((url, page.url)):
            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / f"axe-{visit.id}-{language}.png".replace(":", "_")
            page.screenshot(path=str(shot), full_page=True)
            failures[-1] += f"\n    screenshot: {shot}"
    return [f"[{visit.id}] {line}" for line in failures]


# One test per role, not per page: each live-server test empties the
# database afterwards, which costs more than auditing a page.
@pytest.mark.parametrize("role", ROLES)
def test_pages_of_the_role_have_no_wcag_21_aa_violations(
    page, login_as, role, report_files
):
    visits = [visit for visit in PAGES if visit.role == role]
    assert visits, f"no pages listed for {role} in tests/e2e/pages.py"
    world = build_world()
    if role in SEE_THE_BACK_OFFICE_OF_OVERIJSSEL:
        add_back_office_data(world)  # ~5 s, most of it the ready report
    login_as(world.user(role))
    failures = []
    for visit in visits:
        failures.extend(audit(page, world, visit))
    assert not failures, "\n".join(failures)


def test_every_listed_visit_has_a_known_role():
    assert {visit.role for visit in PAGES} <= set(ROLES)


# Answers that are not pages: files and JSON.
NOT_PAGES = {
    "missions_backoffice:export",
    "reporting:status",
    "reporting:download",
}
BACK_OFFICE = (
    "programmes:",
    "missions_backoffice:",
    "showcase_moderation:",
    "reporting:",
    "dashboard:",
)


def test_every_back_office_page_kind_is_audited():
    """Every back-office URL a civil servant or portfolio holder opens with
    GET (tests/access_table.py) has a visit in tests/e2e/pages.py."""
    from tests.access_table import OK, TABLE

    opened = {
        name
        for name, cases in TABLE.items()
        if name.startswith(BACK_OFFICE) and name not in NOT_PAGES
        for case in cases
        if OK in (case.expect.civil_servant_ov, case.expect.portfolio_holder_ov)
    }
    audited = {visit.url_name for visit in PAGES}
    assert not sorted(opened - audited)
