"""The benchmark is not an app of the portal: it imports the apps, no app
imports it, and it has no apps.py (tests/test_architecture.py lists the
portal's apps by their apps.py)."""

from tests.test_architecture import ROOT, imports_of_apps, our_apps


def test_no_app_of_the_portal_imports_the_benchmark():
    apps = our_apps(ROOT)
    found = imports_of_apps(ROOT, apps | {"bench"})
    assert sorted(file for file, target in found if target == "bench") == []


def test_the_benchmark_is_not_an_app_of_the_portal():
    assert "bench" not in our_apps(ROOT)
