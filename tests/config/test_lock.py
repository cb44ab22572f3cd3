"""The installed packages are the locked ones, and the lock is up to date.

A fresh machine installs from requirements/*.txt (exported from uv.lock with
hashes); nothing may pick a version by itself.
"""

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).with_name("uv")
# The venv's own installer; pip freeze leaves them out as well.
TOOLING = {"pip", "setuptools", "wheel"}
LINE = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked(path):
    """{name: version} of the entries of an exported lock that apply here."""
    pins = {}
    for line in (ROOT / path).read_text().splitlines():
        match = LINE.match(line)
        if not match:
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        pins[canonicalize_name(name)] = version
    return pins


def installed():
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
        if canonicalize_name(dist.metadata["Name"]) not in TOOLING
    }


def uv(*args):
    return subprocess.run(
        [str(UV), *args, "--offline", "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_installed_packages_are_exactly_the_locked_ones():
    assert installed() == locked("requirements/dev.txt")


def test_runtime_lock_is_the_dev_lock_without_the_dev_tools():
    runtime, dev = locked("requirements/base.txt"), locked("requirements/dev.txt")
    assert {name: dev[name] for name in runtime} == runtime
    assert {"pytest", "playwright", "uv"} <= dev.keys() - runtime.keys()


def test_every_locked_package_carries_hashes():
    for path in ("requirements/base.txt", "requirements/dev.txt"):
        text = (ROOT / path).read_text()
        assert locked(path)
        for block in re.split(r"\n(?=[A-Za-z0-9])", text)[1:]:
            assert "--hash=sha256:" in block, block


def test_uv_lock_matches_pyproject():
    result = uv("lock", "--check")
    assert result.returncode == 0, result.stderr


def test_exported_requirements_match_uv_lock():
    """requirements/*.txt are what `make lock` exports from uv.lock."""
    for path, extra in (
        ("requirements/base.txt", []),
        ("requirements/dev.txt", ["--extra", "dev"]),
    ):
        result = uv(
            "export",
            "--frozen",
            "--no-emit-project",
            "--format",
            "requirements.txt",
            *extra,
        )
        assert result.returncode == 0, result.stderr

        def body(text):
            return [line for line in text.splitlines() if not line.startswith("#")]

        assert body(result.stdout) == body((ROOT / path).read_text()), path
