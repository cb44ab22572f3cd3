"""Random and malicious values posted to every form of tests/hostile.py."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import HOSTILE_FORMS, HostileForm, hostile_text, unescaped_markup
from tests.world import build_world

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("form", HOSTILE_FORMS, ids=lambda form: form.id)
def test_hostile_values_never_break_a_form_or_come_back_as_markup(form: HostileForm):
    world = build_world()
    url = reverse(form.url_name, kwargs=form.kwargs(world))
    user = world.user(form.role)
    pages_after = form.shown_on(world)
    fixed = {**form.fixed, **form.fixed_ids(world)}

    # Examples share the test's database: what one stores, the next sees,
    # as on a real site. The world is built once, hence the health check.
    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture],
        deadline=None,
    )
    @given(values=st.fixed_dictionaries(dict.fromkeys(form.fields, hostile_text)))
    def post_hostile(values):
        cache.clear()  # rate limits would otherwise answer instead of the form
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        send = client.get if form.method == "get" else client.post
        response = send(url, {**fixed, **values})
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        body = response.content.decode(errors="replace")
        assert not unescaped_markup(values, body), url
        for page in pages_after:
            shown = client.get(page)
            assert shown.status_code < 500, f"{page} answered {shown.status_code}"
            page_body = shown.content.decode(errors="replace")
            assert not unescaped_markup(values, page_body), page

    post_hostile()


def test_the_check_recognises_an_unescaped_script():
    """Guard for the guard: markup echoed as is must be caught."""
    values = {"name": "<script>hostile(1)</script>"}
    assert unescaped_markup(values, "<p><script>hostile(1)</script></p>")
    assert not unescaped_markup(
        values, "<p>&lt;script&gt;hostile(1)&lt;/script&gt;</p>"
    )
    handler = {"name": "'><img src=x onerror=hostile(3)>"}
    assert unescaped_markup({}, "<p><img src=x onerror=hostile(3)></p>")
    assert not unescaped_markup(
        handler, '<input value="&#x27;&gt;&lt;img src=x onerror=hostile(3)&gt;">'
    )
