"""Every page of tests/e2e/pages.py on a phone: 390 px wide, no sideways scrolling.

Issue 17 item 8. A page wider than the screen makes people scroll sideways
to read each line (WCAG 1.4.10 Reflow). Wide tables scroll inside their own
keyboard-reachable region (`.table-responsive`) or stack as cards; the page
itself never does. The crawl reuses the accessibility audit's world and
log-in (one test per role) and checks both languages: English labels are
often longer.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.pages import PAGES, Visit
from tests.e2e.test_accessibility import (
    SEE_THE_BACK_OFFICE_OF_OVERIJSSEL,
    describe,
    visit_url,
)
from tests.world import ROLES, SME_A, SME_B, add_back_office_data, build_world

ENTREPRENEURS = (SME_A, SME_B)

PHONE = {"width": 390, "height": 844}
# The axe rules a narrow screen changes: a table's region scrolls only here,
# so only here must it be reachable by keyboard; regions need distinct names.
# (The full WCAG audit runs at desktop width in test_accessibility.py.)
AXE_PHONE_RULES = {
    "runOnly": {
        "type": "rule",
        "values": [
            "scrollable-region-focusable",
            "landmark-unique",
            "aria-allowed-attr",
            "aria-allowed-role",
            "aria-prohibited-attr",
        ],
    },
    "resultTypes": ["violations"],
}
axe = Axe()
# PHONE_SCREENSHOTS=1 keeps a screenshot of every page in test-artifacts/.
SCREENSHOTS = os.environ.get("PHONE_SCREENSHOTS") == "1"

# The elements that stick out of the screen (not those inside a scroll
# region that itself fits), to say what to fix.
WIDEST_OFFENDERS = """() => {
  const limit = document.documentElement.clientWidth;
  const out = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.right <= limit + 0.5 || box.width === 0) continue;
    let contained = false;
    for (let up = element.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible'
          && up.getBoundingClientRect().right <= limit + 0.5) {
        contained = true; break;
      }
    }
    if (contained) continue;
    const name = element.tagName.toLowerCase()
      + (element.id ? '#' + element.id : '')
      + (typeof element.className === 'string' && element.className.trim()
         ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
    out.push(`${name} right=${Math.round(box.right)}`);
  }
  return out.slice(-6);
}"""


def too_wide(page, world, visit: Visit, contact: str = "") -> list[str]:
    """The visit's pages, in both languages, that scroll sideways at 390 px
    (or, with `contact`, lack the province team's address: issue 17 item 7
    puts it on every page of an entrepreneur)."""
    from django.utils import translation

    failures = []
    for language in ("nl", "en"):
        page.set_viewport_size(PHONE)  # a visit's `prepare` may change it
        with translation.override(language):
            url = visit_url(visit, world, language)
        try:
            response = page.goto(url)
            if response.status != visit.status:
                failures.append(f"{url} answered {response.status}")
                continue
            if visit.prepare:
                visit.prepare(page)
            if (
                contact
                and page.locator(
                    f'#province-contact a[href="mailto:{contact}"]'
                ).count()
                != 1
            ):
                failures.append(f"{page.url} has no contact address {contact}")
            if SCREENSHOTS:  # for a person to look at every page on a phone
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(
                    path=str(ARTIFACTS / f"phone-all-{visit.id}-{language}.png"),
                    full_page=True,
                )
            violations = axe.run(page, options=AXE_PHONE_RULES).response["violations"]
            if violations:
                failures.append(f"{page.url} at 390 px:\n{describe(violations)}")
            width = page.evaluate("document.documentElement.scrollWidth")
            viewport = page.viewport_size["width"]
            if width > viewport:
                offenders = page.evaluate(WIDEST_OFFENDERS)
                ARTIFACTS.mkdir(exist_ok=True)
                shot = ARTIFACTS / f"phone-{visit.id}-{language}.png".replace(":", "_")
                page.screenshot(path=str(shot), full_page=True)
                failures.append(
                    f"{page.url} is {width} px wide at {viewport} px: "
                    f"{'; '.join(offenders)}\n    screenshot: {shot}"
                )
        except PlaywrightError as exc:
            failures.append(f"{url}: {exc.message.splitlines()[0]}")
    return [f"[{visit.id}] {line}" for line in failures]


@pytest.mark.parametrize("role", ROLES)
def test_no_page_of_the_role_scrolls_sideways_on_a_phone(page, login_as, role):
    visits = [visit for visit in PAGES if visit.role == role]
    assert visits, f"no pages listed for {role} in tests/e2e/pages.py"
    world = build_world()
    if role in SEE_THE_BACK_OFFICE_OF_OVERIJSSEL:
        add_back_office_data(world)
    contact = ""
    if role in ENTREPRENEURS:
        # Long addresses: they must wrap on a phone too.
        for province in (world.overijssel, world.limburg):
            province.contact_email = (
                f"handelsmissies-en-export-{province.code.lower()}@provincie.example"
            )
            province.save(update_fields=["contact_email"])
        own = world.overijssel if role == SME_A else world.limburg
        contact = own.contact_email
    login_as(world.user(role))
    failures = []
    for visit in visits:
        failures.extend(too_wide(page, world, visit, contact=contact))
    assert not failures, "\n".join(failures)


def test_a_page_wider_than_the_phone_is_caught(page):
    """The check itself: a wide element outside a scroll region fails it,
    the same element inside `.table-responsive` does not."""
    page.set_viewport_size(PHONE)
    page.goto("/")
    # Through the CSSOM: the Content Security Policy refuses inline styles.
    page.evaluate(
        "(() => { const wide = document.createElement('div'); wide.id = 'wide';"
        " wide.style.width = '900px'; wide.textContent = 'wide';"
        " document.querySelector('main').appendChild(wide); })()"
    )
    assert page.evaluate("document.documentElement.scrollWidth") > 390
    page.evaluate(
        "(() => { const wide = document.getElementById('wide');"
        " const box = document.createElement('div');"
        " box.className = 'table-responsive'; wide.replaceWith(box);"
        " box.appendChild(wide); })()"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
