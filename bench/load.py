"""Traffic against the running gunicorn server: wrk, and the sign-up burst.

Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import http.client
import re
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

HOST = "127.0.0.1"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def wrk(port: int, path: str, *, cookie: str = "", seconds: int = 10) -> dict:
    """Requests per second at 16 connections, after a short warm-up."""
    command = ["wrk", "-t2", "-c16", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    url = f"http://{HOST}:{port}{path}"
    subprocess.run([*command, "-d2s", url], check=True, capture_output=True)
    out = subprocess.run(
        [*command, f"-d{seconds}s", url], check=True, capture_output=True, text=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:(.*)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    return {
        "rps": rps,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
        "latency_p50_ms": _ms(p50.group(1), p50.group(2)) if p50 else None,
    }


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _request(port, method, path, *, cookies: dict, body: str = "", headers=None):
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    all_headers = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        **(headers or {}),
    }
    if body:
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body or None, headers=all_headers)
    response = conn.getresponse()
    data = response.read()
    set_cookies = response.headers.get_all("Set-Cookie") or []
    conn.close()
    for header in set_cookies:
        name, _sep, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return response.status, response.getheader("Location", ""), data


def _simultaneous(requests) -> tuple[list, float]:
    """Run the callables all at the same moment, one thread each: each
    returns its outcome; the latency is measured around it."""
    start = threading.Barrier(len(requests))
    outcome = [None] * len(requests)

    def run(index):
        start.wait()
        began = time.perf_counter()
        try:
            result = requests[index]()
        except OSError as error:
            result = (f"error: {error}", "")
        outcome[index] = (*result, time.perf_counter() - began)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcome, time.perf_counter() - began


def _latencies(latencies: list[float]) -> dict:
    if not latencies:
        return {"p50_ms": None, "p95_ms": None}
    ordered = sorted(latencies)
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000,
    }


def burst_floor(port: int, prepared: dict, *, path: str, session_cookie: str) -> dict:
    """The same users all open the bare view at once: what a burst of this
    size costs on this machine before any sign-up work."""

    def get(user):
        return lambda: _request(
            port, "GET", path, cookies={session_cookie: user["session"]}
        )[:2]

    outcome, wall = _simultaneous([get(user) for user in prepared["users"]])
    finished = [o for o in outcome if o]
    return {
        "requests": len(prepared["users"]),
        "ok": sum(1 for o in finished if o[0] == 200),
        **_latencies([o[-1] for o in finished]),
        "wall_s": wall,
    }


def burst(port: int, prepared: dict, *, session_cookie: str) -> dict:
    """Everyone opens the sign-up form first (own session, own CSRF token),
    then all post at the same moment; latency per sign-up as the client sees
    it, queueing at the server included."""
    path = prepared["url"]
    users = prepared["users"]

    def open_form(user):
        cookies = {session_cookie: user["session"]}
        status, _location, body = _request(port, "GET", path, cookies=cookies)
        match = CSRF_INPUT.search(body.decode())
        if status != 200 or not match:
            raise RuntimeError(f"sign-up form answered {status}")
        return cookies, match.group(1)

    with ThreadPoolExecutor(max_workers=16) as pool:
        forms = list(pool.map(open_form, users))

    def sign_up(index):
        cookies, token = forms[index]
        body = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "organisation": users[index]["organisation"],
                "seats": 1,
                "de_minimis_declared": "on",
                "de_minimis_aid_received": "0",
            }
        )
        return lambda: _request(
            port,
            "POST",
            path,
            cookies=cookies,
            body=body,
            headers={"Referer": f"http://{HOST}:{port}{path}"},
        )[:2]

    outcome, wall = _simultaneous([sign_up(i) for i in range(len(users))])
    finished = [o for o in outcome if o]
    latencies = [o[2] for o in finished]
    ok = [o for o in finished if o[0] == 302 and "/mijn/" in o[1]]
    return {
        "requests": len(users),
        "answered": len(finished),
        "redirected_to_mijn": len(ok),
        "errors": len(users) - len(ok),
        "error_examples": sorted({str(o[0]) for o in finished if o not in ok})[:5],
        **_latencies(latencies),
        "wall_s": wall,
    }
