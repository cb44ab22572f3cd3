"""Playwright on Debian's Chromium against pytest-django's live server.

Every test in tests/e2e/ is marked `e2e`. Without a browser the tests are
skipped on a developer's machine but fail in CI (CI=true), so a broken CI
image never passes quietly. A failed test leaves a full-page screenshot in
test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
# Generous for a shared 2-core machine; a real hang still fails in seconds.
TIMEOUT_MS = 15_000


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # Before `-m` selects: the mark must be on the items by then.
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # The page fixture reads this in its teardown to decide on a screenshot.
    setattr(item, f"report_{report.when}", report)
    return report


def _no_browser(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"Browser tests skipped: {reason}")


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for all browser tests of this package.

    Playwright's sync API keeps an event loop running in the test thread, so
    Django would refuse ORM calls from the test itself ("async-unsafe");
    allowed for exactly as long as the browser lives.
    """
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        _no_browser(f"no Chromium at {CHROMIUM} (run `make browser`)")
    # Screenshots of an earlier run would pass for failures of this one.
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        try:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except Error as exc:
            _no_browser(f"Chromium does not start: {exc.message.splitlines()[0]}")
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _artifact_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[:180]


@pytest.fixture
def context(browser, live_server, request, settings):
    """A fresh browser profile per test: no cookies leak between roles."""
    # Links in e-mails point at PORTAL_URL; here that is the live server.
    settings.PORTAL_URL = live_server.url
    browser_context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 1280, "height": 900},
    )
    browser_context.set_default_timeout(TIMEOUT_MS)
    yield browser_context
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        for number, open_page in enumerate(browser_context.pages):
            suffix = f"-{number}" if number else ""
            path = ARTIFACTS / f"{_artifact_name(request.node.nodeid)}{suffix}.png"
            try:
                open_page.screenshot(path=str(path), full_page=True)
            except Exception as exc:  # a crashed page must not hide the failure
                print(f"No screenshot of {open_page.url}: {exc}")
            else:
                print(f"Screenshot of the failure: {path}")
    browser_context.close()


@pytest.fixture
def page(context):
    """A tab that fails its test on a CSP violation or a JavaScript error.

    A blocked script or style breaks a page quietly for real people; the
    browser reports it only on the console.
    """
    new_page = context.new_page()
    problems: list[str] = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.append(f"{new_page.url}: {message.text}")

    new_page.on("console", on_console)
    new_page.on("pageerror", lambda error: problems.append(f"{new_page.url}: {error}"))
    yield new_page
    assert not problems, "The browser reported:\n" + "\n".join(problems)


def login(page, email: str, password: str = PASSWORD, language: str = "nl"):
    """Log in through the real form, as a person would."""
    with translation.override(language):
        page.goto(reverse("account_login"))
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("form.portal-form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.fixture
def login_as(context, live_server):
    """Give the browser a logged-in session without the form (fast set-up).

    For tests about a page, not about logging in; `None` stays anonymous.
    """

    def _login_as(user) -> None:
        context.clear_cookies()
        if user is None:
            return
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session,
                    "url": live_server.url,
                }
            ]
        )

    return _login_as
