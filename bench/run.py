"""make bench: seed, measure and write bench/results.md.

python bench/run.py [--scales "1 10"] [--reuse]

Per scale: a database of its own (exportportaal_bench_s<scale>, or
$BENCH_DB_PREFIX_s<scale>) is created fresh and seeded (or reused with
--reuse), then: server time and queries of the main pages in-process,
yearly report generation per format in a subprocess each, requests per
second under gunicorn with wrk, and the sign-up burst through the same
gunicorn. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402
from bench.table import render  # noqa: E402

PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DB_BASE = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "10"))
# Several checkouts on one machine: each its own databases.
DB_PREFIX = os.environ.get("BENCH_DB_PREFIX", "exportportaal_bench")
SESSION_COOKIE = "sessionid"


def log(message: str) -> None:
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def env_for(database: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"{DB_BASE}/{database}",
        "REDIS_URL": REDIS,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_TESTING": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        # Plain HTTP on 127.0.0.1: no redirect to https, cookies sent.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        # Persistent database connections, as production should run.
        "DJANGO_CONN_MAX_AGE": "60",
        "DJANGO_LOG_LEVEL": "WARNING",
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }


def django(env: dict, *args: str, timeout: int = 3600) -> str:
    result = subprocess.run(
        [PY, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(args[:3])}")
    return result.stdout


def step(env: dict, name: str, *args: str) -> dict:
    out = django(env, "-m", "bench.steps", name, *args)
    return json.loads(out.strip().splitlines()[-1])


def recreate_database(name: str) -> None:
    import psycopg2

    conn = psycopg2.connect(f"{DB_BASE}/postgres")
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def database_size(name: str) -> str:
    import psycopg2

    conn = psycopg2.connect(f"{DB_BASE}/postgres")
    with conn.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(%s))", [name])
        size = cursor.fetchone()[0]
    conn.close()
    return size


def database_exists(name: str) -> bool:
    import psycopg2

    conn = psycopg2.connect(f"{DB_BASE}/postgres")
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        found = cursor.fetchone() is not None
    conn.close()
    return found


SEED_TIMES = ROOT / "bench" / "seed-times.tmp"


def _seed_times() -> dict:
    try:
        return json.loads(SEED_TIMES.read_text())
    except (OSError, ValueError):
        return {}


def seed(scale: str, env: dict, database: str, reuse: bool) -> dict:
    if reuse and database_exists(database):
        django(env, "manage.py", "migrate", "--noinput", "-v0")
        log(f"scale {scale}: reusing {database}")
        earlier = _seed_times().get(database)
        return {
            "seed_s": None,
            "seed_earlier_s": earlier,
            "db_size": database_size(database),
        }
    recreate_database(database)
    django(env, "manage.py", "migrate", "--noinput", "-v0")
    log(f"scale {scale}: seeding")
    began = time.monotonic()
    out = django(env, "manage.py", "seed_bench", "--scale", scale, "--seed", "1")
    seconds = time.monotonic() - began
    log(out.strip().splitlines()[-1])
    SEED_TIMES.write_text(json.dumps({**_seed_times(), database: seconds}))
    return {"seed_s": seconds, "db_size": database_size(database), "seed_log": out}


def reports(env: dict, info: dict) -> dict:
    """Each format in a fresh process: wall time and peak memory (maxrss)."""
    results = {}
    for fmt in ("figures", "html", "pdf", "xlsx", "docx", "all"):
        command = [
            PY,
            "-m",
            "bench.report",
            info["largest_province"],
            str(info["report_year"]),
            fmt,
        ]
        began = time.monotonic()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - began
        out = process.stdout.read().decode()
        err = process.stderr.read().decode()
        if status:
            sys.stderr.write(err[-3000:])
            results[fmt] = {"error": err.strip().splitlines()[-1] if err else "failed"}
            continue
        detail = json.loads(out.strip().splitlines()[-1])
        results[fmt] = {"wall_s": wall, "maxrss_mb": usage.ru_maxrss / 1024, **detail}
    return results


class Gunicorn:
    def __init__(self, env: dict):
        self.env = env

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(PY).with_name("gunicorn")),
                "config.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--backlog",
                "2048",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
                return self
            except OSError:
                time.sleep(0.5)
        self.process.kill()
        raise SystemExit("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


WRK_ROUNDS = int(os.environ.get("BENCH_WRK_ROUNDS", "3"))


def throughput(env: dict, info: dict) -> dict:
    """Each page in WRK_ROUNDS turns of WRK_SECONDS / WRK_ROUNDS, the pages
    taking turns, so that the bare view and the dashboard share the same
    spells of a shared machine; requests per second over all turns."""
    ph = f"{SESSION_COOKIE}={info['sessions']['portfolio_holder']}"
    pages = [("bare view", "/bench/empty/", ph), ("mission calendar", "/missies/", "")]
    if info.get("dashboard_url"):
        pages.insert(1, ("dashboard", info["dashboard_url"], ph))
    turns: dict[str, list[dict]] = {name: [] for name, _path, _cookie in pages}
    seconds = max(1, round(WRK_SECONDS / WRK_ROUNDS))
    for _round in range(WRK_ROUNDS):
        for name, path, cookie in pages:
            turns[name].append(load.wrk(PORT, path, cookie=cookie, seconds=seconds))
    return {
        name: {
            "rps": sum(turn["rps"] for turn in measured) / len(measured),
            "non_2xx": sum(turn["non_2xx"] for turn in measured),
            "socket_errors": "; ".join(
                turn["socket_errors"] for turn in measured if turn["socket_errors"]
            ),
            "latency_p50_ms": statistics.median(
                turn["latency_p50_ms"] for turn in measured if turn["latency_p50_ms"]
            )
            if any(turn["latency_p50_ms"] for turn in measured)
            else None,
        }
        for name, measured in turns.items()
    }


def run_scale(scale: str, reuse: bool) -> dict:
    database = f"{DB_PREFIX}_s{scale.replace('.', '_')}"
    env = env_for(database)
    result = {"scale": scale, **seed(scale, env, database, reuse)}
    django(env, "manage.py", "collectstatic", "--noinput", "-v0")
    info = step(env, "subject")
    result["subject"] = {k: v for k, v in info.items() if k != "sessions"}
    log(f"scale {scale}: yearly report per format")
    result["reports"] = reports(env, info)
    log(f"scale {scale}: pages in-process")
    result["pages"] = step(env, "pages", json.dumps(info))
    info["dashboard_url"] = result["pages"].get("dashboard", {}).get("url")
    prepared = step(env, "burst-prepare", json.dumps(info))
    with Gunicorn(env):
        log(f"scale {scale}: wrk, 16 connections, {WRK_SECONDS}s per page")
        result["throughput"] = throughput(env, info)
        log(f"scale {scale}: sign-up burst of {len(prepared['users'])}")
        result["burst"] = load.burst(PORT, prepared, session_cookie=SESSION_COOKIE)
        log(f"scale {scale}: the same users open the bare view at once")
        result["burst_floor"] = load.burst_floor(
            PORT, prepared, path="/bench/empty/", session_cookie=SESSION_COOKIE
        )
    result["burst"].update(step(env, "burst-verify", str(prepared["mission"])))
    return result


def machine() -> dict:
    memory = ""
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    cpu = ""
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "python": platform.python_version(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default=os.environ.get("SCALES", "1 10"))
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.md"))
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.UTC)
    before = machine()
    runs = [run_scale(scale, args.reuse) for scale in args.scales.split()]
    after = machine()
    text = render(runs, before=before, after=after, started=started)
    print(text)
    Path(args.output).write_text(text)
    Path(args.output).with_suffix(".json").write_text(
        json.dumps({"machine": [before, after], "runs": runs}, indent=1, default=str)
    )
    log(f"written to {args.output}")


if __name__ == "__main__":
    main()
