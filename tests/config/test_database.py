import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_postgresql_prices_index_lookups_for_data_in_memory():
    """With the default random_page_cost (4) PostgreSQL hashed every contact
    person of the portal to join the 300 of one mission's participant list;
    the connection sets 1.1 (config/settings.py)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == pytest.approx(1.1)
