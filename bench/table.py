"""The one table of make bench, as Markdown (printed and in bench/results.md)."""

from __future__ import annotations

PAGE_TARGET_MS = {"dashboard": 50}
DEFAULT_PAGE_TARGET_MS = 30


def _page_target(name: str, scale: float) -> float | None:
    if "cache emptied" in name or name.startswith("bare view"):
        return None
    base = PAGE_TARGET_MS.get(name, DEFAULT_PAGE_TARGET_MS)
    return base if scale <= 1 else base * 1.5


def _ok(flag: bool | None) -> str:
    if flag is None:
        return ""
    return "yes" if flag else "**no**"


def _rows(runs: list[dict]) -> list[list[str]]:
    rows = []
    names = []
    for run in runs:
        run["_pages"] = run["pages"]
        names += [n for n in run["pages"] if n not in names]
    for name in names:
        cells, verdicts = [], []
        for run in runs:
            page = run["_pages"].get(name)
            if not page:
                cells.append("–")
                continue
            cell = (
                f"{page['p50_ms']:.1f} / {page['p95_ms']:.1f} ms, {page['queries']} q"
            )
            if "cpu_p50_ms" in page:
                cell += f" (CPU {page['cpu_p50_ms']:.1f} ms)"
            cells.append(cell)
            target = _page_target(name, float(run["scale"]))
            if target is not None:
                verdicts.append(page["p50_ms"] <= target)
        queries = {
            run["_pages"][name]["queries"] for run in runs if name in run["_pages"]
        }
        target = _page_target(name, 1)
        rows.append(
            [
                f"{name}: p50 / p95, SQL queries",
                *cells,
                f"p50 ≤ {target:g} ms (×1.5 at 10), equal queries"
                if target
                else "(information)",
                _ok(all(verdicts) and len(queries) == 1) if verdicts else "",
            ]
        )
    for name in ("bare view", "dashboard", "mission calendar"):
        cells, verdicts = [], []
        for run in runs:
            tp = run.get("throughput", {})
            if name not in tp:
                cells.append("–")
                continue
            rps = tp[name]["rps"]
            ratio = rps / tp["bare view"]["rps"]
            errors = tp[name]["non_2xx"]
            cells.append(
                f"{rps:.0f} req/s ({ratio:.0%} of bare)"
                + (f", {errors} non-2xx" if errors else "")
            )
            if name == "dashboard":
                verdicts.append(ratio >= 0.4 and not errors)
        rows.append(
            [
                f"{name}: throughput, gunicorn 2 workers, 16 connections",
                *cells,
                "≥ 40 % of bare view" if name == "dashboard" else "(information)",
                _ok(all(verdicts)) if verdicts else "",
            ]
        )
    formats = []
    for run in runs:
        formats += [f for f in run.get("reports", {}) if f not in formats]
    for fmt in formats:
        cells, verdicts = [], []
        for run in runs:
            report = run.get("reports", {}).get(fmt)
            if not report:
                cells.append("–")
            elif "error" in report:
                cells.append(f"failed: {report['error'][:60]}")
                verdicts.append(False)
            else:
                # The generation itself (what a running worker spends), then
                # the whole process with Python and Django starting up.
                cells.append(
                    f"{report['inner_s']:.1f} s ({report['wall_s']:.1f} s with "
                    f"process start), {report['maxrss_mb']:.0f} MB"
                )
                if float(run["scale"]) >= 10 or len(runs) == 1:
                    verdicts.append(
                        report["inner_s"] <= 10 and report["maxrss_mb"] <= 300
                    )
        label = {
            "figures": "yearly report, figures only",
            "all": "yearly report, all four formats (as the worker does)",
        }.get(fmt, f"yearly report, {fmt.upper()}")
        rows.append(
            [
                f"{label}: generation time, peak memory",
                *cells,
                "≤ 10 s, ≤ 300 MB at scale 10",
                _ok(all(verdicts)) if verdicts else "",
            ]
        )
    cells, verdicts = [], []
    for run in runs:
        b = run.get("burst")
        if not b:
            cells.append("–")
            continue
        exact = (
            b["accepted_seats"] == 30
            and b["waitlisted"] == b["requests"] - 30
            and b["other"] == 0
            and b["arrival_order"]
            and b["errors"] == 0
        )
        cells.append(
            f"{b['accepted_seats']} accepted, {b['waitlisted']} waitlisted"
            f"{' in order' if b['arrival_order'] else ' OUT OF ORDER'}, "
            f"{b['errors']} errors; p50 {b['p50_ms']:.0f} / p95 {b['p95_ms']:.0f} ms"
        )
        verdicts.append(exact and b["p95_ms"] <= 1000)
    rows.append(
        [
            "sign-up burst, 300 SMEs, 30 seats first come",
            *cells,
            "30 / 270 in order, no errors, p95 ≤ 1 s",
            _ok(all(verdicts)) if verdicts else "",
        ]
    )
    cells = []
    for run in runs:
        floor = run.get("burst_floor")
        cells.append(
            f"{floor['ok']} of {floor['requests']} answered; p50 {floor['p50_ms']:.0f}"
            f" / p95 {floor['p95_ms']:.0f} ms"
            if floor
            else "–"
        )
    rows.append(
        [
            "the same 300 users open the bare view at once (the floor under "
            "the burst on this machine)",
            *cells,
            "(information)",
            "",
        ]
    )
    cells = []
    for run in runs:
        seconds = run.get("seed_s")
        earlier = run.get("seed_earlier_s")
        if seconds is not None:
            seeded = f"{seconds:.0f} s"
        elif earlier is not None:
            seeded = f"{earlier:.0f} s (seeded before this run, reused)"
        else:
            seeded = "reused"
        cells.append(f"{seeded}, database {run['db_size']}")
    rows.append(["seed_bench: time, database size", *cells, "scale 1 < 60 s", ""])
    return rows


def render(runs: list[dict], *, before: dict, after: dict, started) -> str:
    header = ["measure", *[f"scale {run['scale']}" for run in runs], "target", "met"]
    rows = _rows(runs)
    lines = [
        "# Benchmark results",
        "",
        f"- date: {started:%Y-%m-%d %H:%M} UTC",
        f"- commit: {before['commit']}",
        f"- machine: {before['nproc']} cores ({before['cpu']}), "
        f"{before['memory']} memory, Python {before['python']}",
        f"- load average (1, 5, 15 min): {before['load']} at the start, "
        f"{after['load']} at the end",
        "- server time: Django test client in-process, "
        "production settings (DEBUG off, cached templates, Redis cache), "
        "median and 95th percentile of 30 requests after 5 warm-up requests, "
        "taken in rounds that ask every page once (the cold dashboard apart); "
        "queries counted on one more request; in brackets the median CPU "
        "time of the measuring process per request (Python and Django, not "
        "PostgreSQL), less moved by other work on the shared cores",
        "- throughput: gunicorn with 2 sync workers, wrk with 16 connections, "
        "the pages taking turns: 3 turns of about 3 s each, each after a 2 s "
        "warm-up; the bare view is a TemplateView of an empty template behind "
        "the same middleware and session cookie",
        "- yearly report: each format in a fresh process; the generation time "
        "is measured inside it (what a running Celery worker spends), the "
        "process time adds Python and Django starting up; peak memory is the "
        "process's maximum resident set size",
        "- sign-up burst: 300 SME users, each logged in with the form open, "
        "post at the same moment through gunicorn (2 sync workers); latency "
        "as the client sees it, queueing included. The floor row: the same "
        "users open the bare view at once",
    ]
    for run in runs:
        subject = run["subject"]
        lines.append(
            f"- scale {run['scale']}: province {subject['province']}, mission page "
            f"with {subject['big_mission_registrations']} registrations, yearly "
            f"report of {subject['largest_province']} {subject['report_year']}"
        )
    lines += ["", "| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---" for _h in header) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
