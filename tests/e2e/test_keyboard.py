"""The flows that exist, done with the keyboard only: Tab, Shift+Tab, Enter.

Pages are opened by address (as from a bookmark or a link in an e-mail);
everything on them is reached by Tab and used by Enter or typing. Each stop
must show where the focus is (WCAG 2.4.7).
"""

import re

from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

MAX_TABS = 40
MENU_BUTTON = "Menu tonen"

FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.value || "").trim(),
    href: el.getAttribute("href"),
    type: el.getAttribute("type"),
    label: el.getAttribute("aria-label"),
    inMain: el.closest("main") !== null,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
    visible: box.width > 1 && box.height > 1,
  };
}"""


def focused(page) -> dict | None:
    return page.evaluate(FOCUS_STATE)


def tab_to(page, matches, what: str) -> dict:
    """Press Tab until `matches(focus)` holds; every stop must show its focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = focused(page)
        if focus is None:
            continue
        assert focus["visible"], f"focus on an invisible element: {focus}"
        assert focus["outline"] or focus["shadow"], f"focus not visible: {focus}"
        if matches(focus):
            return focus
    raise AssertionError(f"{what} is not reachable with Tab on {page.url}")


def by_text(text: str):
    return lambda focus: focus["text"] == text


def by_id(element_id: str):
    return lambda focus: focus["id"] == element_id


def submit_in_main(focus) -> bool:
    return focus["inMain"] and focus["type"] == "submit"


def type_into(page, element_id: str, text: str) -> None:
    tab_to(page, by_id(element_id), f"field #{element_id}")
    page.keyboard.type(text)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focus = focused(page)
    assert focus["text"] == "Naar de inhoud" and focus["href"] == "#main"
    expect(page.locator(".skip-link")).to_be_visible()
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # The next Tab continues inside the content, not in the menu.
    page.keyboard.press("Tab")
    assert focused(page)["inMain"]


def test_language_switch_by_keyboard_keeps_the_page(page):
    page.goto("/privacy/")
    tab_to(page, by_text("English"), "the language button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/privacy/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    tab_to(page, by_text("Nederlands"), "the language button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^[^/]+//[^/]+/privacy/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_log_in_with_the_keyboard_only(page, overijssel):
    user = UserFactory(civil_servant=True, province=overijssel)
    page.goto("/")
    tab_to(page, by_text("Inloggen"), "the log-in link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    type_into(page, "id_login", user.email)
    type_into(page, "id_password", PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator("form[action$='/logout/'] button")).to_have_text(
        f"{user} uitloggen"
    )
    # The back office is in the menu, one Tab stop away from the brand.
    tab_to(page, by_text("Beheer"), "the back-office link")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Overijssel")


def test_sign_up_verify_and_log_in_with_the_keyboard_only(page, db):
    email = "nieuw@bedrijf.example"
    password = "Lang-genoeg-2026"
    page.goto("/")
    tab_to(page, by_text("Account aanmaken"), "the sign-up link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/signup/"))

    # Sent empty first: the error summary takes the focus and its links lead
    # to the fields.
    tab_to(page, submit_in_main, "the sign-up button")
    page.keyboard.press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#id_first_name"
    page.keyboard.press("Enter")
    expect(page.locator("#id_first_name")).to_be_focused()

    page.keyboard.type("Nieuw")
    type_into(page, "id_last_name", "van Bedrijf")
    type_into(page, "id_email", email)
    type_into(page, "id_password1", password)
    type_into(page, "id_password2", password)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.locator("h1")).to_be_visible()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [email]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    page.goto(link.group(0))
    tab_to(page, submit_in_main, "the confirm button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/login/"))

    type_into(page, "id_login", email)
    type_into(page, "id_password", password)
    page.keyboard.press("Enter")
    expect(page.locator("form[action$='/logout/'] button")).to_have_text(
        "Nieuw van Bedrijf uitloggen"
    )
    expect(page.locator("main")).to_contain_text("Meld uw bedrijf aan")


def test_menu_on_a_narrow_screen_opens_with_the_keyboard(page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/")
    expect(page.locator("#main-menu")).to_be_hidden()
    tab_to(page, lambda focus: focus["label"] == MENU_BUTTON, "the menu button")
    page.keyboard.press("Enter")
    expect(page.locator(".navbar-toggler")).to_have_attribute("aria-expanded", "true")
    tab_to(page, by_text("Inloggen"), "the log-in link in the opened menu")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/login/"))


def test_an_admin_approves_a_request_to_join_with_the_keyboard_only(
    page, login_as, organisation
):
    from participants.models import MembershipRequest
    from tests.factories import MembershipRequestFactory, sme_user_of

    admin = sme_user_of(organisation, admin=True)
    request = MembershipRequestFactory(organisation=organisation)
    login_as(admin)
    page.goto(f"/mijn/organisatie/{organisation.pk}/leden/")
    tab_to(
        page,
        lambda focus: (
            focus["text"].startswith("Goedkeuren") and "beheerder" not in focus["text"]
        ),
        "the approve button",
    )
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("is nu lid van")
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.APPROVED
    assert organisation.contacts.filter(user=request.user).exists()
