"""Start the tests' OpenID Connect provider in a process of its own."""

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The password of every test identity (serve.py).
PASSWORD = "broker-test-password"


@contextlib.contextmanager
def running_provider(
    folder: Path,
    *,
    identities: dict,
    client_id: str,
    client_secret: str,
    redirect_uris: list[str],
) -> Iterator[str]:
    """The provider's issuer URL (http://127.0.0.1:<free port>/o) while it
    runs; it is terminated afterwards."""
    identities_file = folder / "identities.json"
    identities_file.write_text(json.dumps(identities))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env.update(
        OIDC_TEST_DB=str(folder / "provider.sqlite3"),
        OIDC_TEST_IDENTITIES=str(identities_file),
        OIDC_TEST_CLIENT=json.dumps(
            {
                "client_id": client_id,
                "client_secret": client_secret,
                "redirect_uris": redirect_uris,
            }
        ),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line.startswith("READY "):
            process.kill()
            raise RuntimeError(f"OIDC provider did not start: {process.stderr.read()}")
        yield f"http://127.0.0.1:{int(line.split()[1])}/o"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
