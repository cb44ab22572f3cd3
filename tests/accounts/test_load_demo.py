from importlib.util import find_spec

import pytest
from django.core.management import CommandError, call_command

from accounts.management.commands import load_demo


def test_every_listed_demo_module_exists():
    missing = [name for name in load_demo.DEMO_MODULES if find_spec(name) is None]
    assert missing == []


@pytest.mark.django_db
def test_load_demo_fails_loudly_on_a_missing_module(monkeypatch):
    monkeypatch.setattr(
        load_demo, "DEMO_MODULES", [*load_demo.DEMO_MODULES, "reporting.nodemo"]
    )
    with pytest.raises(CommandError, match="reporting.nodemo does not exist"):
        call_command("load_demo", verbosity=0)


@pytest.mark.django_db
def test_load_demo_reraises_a_broken_import_inside_a_demo_module(monkeypatch, tmp_path):
    """Only the listed module's own absence is reworded; a missing dependency
    inside an existing demo module surfaces as itself."""
    (tmp_path / "broken_demo_for_test.py").write_text(
        "import no_such_dependency_for_test\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(load_demo, "DEMO_MODULES", ["broken_demo_for_test"])
    with pytest.raises(ModuleNotFoundError) as exc:
        call_command("load_demo", verbosity=0)
    assert exc.value.name == "no_such_dependency_for_test"
