import pytest


@pytest.fixture(autouse=True)
def advice_files(tmp_path):
    """Uploaded documents go to the test's own directory."""
    from advice.models import TrackDocument

    storage = TrackDocument._meta.get_field("file").storage
    old = storage._location
    storage._location = str(tmp_path / "advice")
    for name in ("base_location", "location"):
        storage.__dict__.pop(name, None)
    yield tmp_path / "advice"
    storage._location = old
    for name in ("base_location", "location"):
        storage.__dict__.pop(name, None)
