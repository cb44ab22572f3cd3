"""Settings for the benchmark only: the portal's, plus a bare view to compare
with (bench/urls.py) and the `seed_bench` command (bench/management/).
Never used in production."""

from config.settings import *  # noqa: F403
from config.settings import BASE_DIR, INSTALLED_APPS, TEMPLATES

# Not an app of the portal: installed here only, for its seed_bench command.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
