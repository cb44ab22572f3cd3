import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "words"), [("/privacy/", "12 jaar"), ("/en/privacy/", "12 years")]
)
def test_the_privacy_statement_names_the_retention_period_in_use(
    client, settings, url, words
):
    settings.PRIVACY_RETENTION_YEARS = 12
    response = client.get(url)
    assert response.status_code == 200
    assert words in response.content.decode()
