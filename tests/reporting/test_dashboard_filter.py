"""The dashboard's filter is Django's own select widgets: the chosen values
selected, the programmes of the province (from the cache when the view has
them), and a wrong choice marked on its field."""

import re

import pytest

from tests.factories import ProgrammeFactory, ProvinceFactory

pytestmark = pytest.mark.django_db

URL = "/dashboard/"


def select(html: str, name: str) -> str:
    return re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)


def test_the_chosen_year_and_programme_are_selected(client, portfolio_holder):
    mine = ProgrammeFactory(province=portfolio_holder.province, name="Go4Export")
    ProgrammeFactory(province=ProvinceFactory(), name="Van een ander")
    client.force_login(portfolio_holder)

    html = client.get(URL, {"year": "2016", "programme": mine.pk}).text
    # Twice: the second page comes with the programmes from the cache.
    again = client.get(URL, {"year": "2016", "programme": mine.pk}).text

    for page in (html, again):
        year, programme = select(page, "year"), select(page, "programme")
        assert 'class="form-select" id="id_year"' in year
        assert '<option value="2016" selected>2016</option>' in year
        assert f'<option value="{mine.pk}" selected>Go4Export</option>' in programme
        assert "Van een ander" not in programme
        assert " required" not in year + programme


def test_a_wrong_year_is_marked_on_its_field(client, portfolio_holder):
    client.force_login(portfolio_holder)

    response = client.get(URL, {"year": "1066"})

    assert response.status_code == 400
    year = select(response.text, "year")
    assert 'aria-invalid="true" aria-describedby="id_year-error"' in year
    assert 'class="form-select is-invalid"' in year
    assert 'id="id_year-error"' in response.text


def test_an_administrator_chooses_the_province_first(client, administrator):
    ProvinceFactory(name="Gelderland")
    client.force_login(administrator)

    html = client.get(URL).text

    province = select(html, "province")
    assert '<option value="" selected>' in province
    assert ">Gelderland</option>" in province
    assert "is-invalid" not in province
