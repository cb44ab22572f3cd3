"""Benchmark steps that run inside Django: python -m bench.steps STEP [ARG].

Each step prints one JSON object on its last line of output; bench/run.py
collects them. DJANGO_SETTINGS_MODULE is bench.settings and DATABASE_URL
points at a seeded benchmark database.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import Role  # noqa: E402
from bench.synthetic.seed import SME_EMAIL, staff_email  # noqa: E402
from missions.models import Mission, Registration  # noqa: E402
from participants.models import ContactPerson, Organisation  # noqa: E402

WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
BURST_USERS = int(os.environ.get("BENCH_BURST_USERS", "300"))
BURST_SEATS = 30
BURST_KVK_BASE = 79_000_000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def session_for(user: User) -> str:
    """A logged-in session, as after a login with two factors where needed."""
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # allauth's record of the second factor, as its log-in leaves it.
    store["account_authentication_methods"] = [
        {"method": "mfa", "at": time.time(), "type": "totp"}
    ]
    store["account_authentication_methods_user"] = str(user.pk)
    store.create()
    return store.session_key


def subject() -> dict:
    """The province with most missions, its big mission and the bench users."""
    big = (
        Mission.objects.annotate(n=Count("registrations"))
        .order_by("-n", "pk")
        .values("pk", "province_id", "province__code", "n")
        .first()
    )
    code = big["province__code"]
    largest = (
        Mission.objects.values("province__code")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["province__code"]
    )
    return {
        "province": code,
        "largest_province": largest,
        "big_mission": big["pk"],
        "big_mission_registrations": big["n"],
        "report_year": timezone.localdate().year - 1,
        "sessions": {
            "civil_servant": session_for(
                User.objects.get(email=staff_email(Role.CIVIL_SERVANT, code))
            ),
            "portfolio_holder": session_for(
                User.objects.get(email=staff_email(Role.PORTFOLIO_HOLDER, code))
            ),
            "sme": session_for(User.objects.get(email=SME_EMAIL)),
        },
    }


def pages_to_measure(info: dict) -> list[tuple[str, str, str | None]]:
    """(name, url, session role or None)."""
    big = info["big_mission"]
    pages = []
    if _has_url("reporting_dashboard:index") or _has_url("dashboard:index"):
        name = (
            "reporting_dashboard:index"
            if _has_url("reporting_dashboard:index")
            else "dashboard:index"
        )
        pages.append(("dashboard", reverse(name), "portfolio_holder"))
    pages += [
        ("mission calendar", reverse("missions:calendar"), None),
        (
            "mission page, 300 registrations",
            reverse("missions_backoffice:detail", args=[big]),
            "civil_servant",
        ),
        (
            "participant list (CSV)",
            reverse("missions_backoffice:export", args=[big, "csv"]),
            "civil_servant",
        ),
    ]
    if _has_url("reporting:list"):
        pages.append(("report list", reverse("reporting:list"), "portfolio_holder"))
    pages.append(("/mijn/", reverse("mine:index"), "sme"))
    # The floor: the same middleware, session and user, an empty template.
    pages.append(("bare view (reference)", "/bench/empty/", "portfolio_holder"))
    return pages


def _has_url(name: str) -> bool:
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def _client(info: dict, role: str | None) -> Client:
    client = Client(raise_request_exception=True)
    if role:
        client.cookies[settings.SESSION_COOKIE_NAME] = info["sessions"][role]
    return client


def _time_pages(pages: list[tuple[str, Client, str]], *, before_each=None) -> dict:
    """Server time of several pages, measured in rounds: each round asks
    every page once, so that a slow spell of a shared machine falls on
    all pages alike instead of on whichever page was being measured.
    `before_each` runs before every request (and the one counting queries),
    untimed."""
    times: dict[str, list[float]] = {name: [] for name, _client, _url in pages}
    # The CPU time of this process per request (Python and Django, not
    # PostgreSQL's or Redis's own work): what the page's code costs, less
    # changed than the wall clock by other machines' work on shared cores.
    cpu: dict[str, list[float]] = {name: [] for name, _client, _url in pages}
    responses = {}
    for round_number in range(WARMUP + RUNS):
        for name, client, url in pages:
            if before_each:
                before_each()
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = time.perf_counter() - started
            elapsed_cpu = time.process_time() - started_cpu
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            if round_number >= WARMUP:
                times[name].append(elapsed)
                cpu[name].append(elapsed_cpu)
            responses[name] = response
    results = {}
    for name, client, url in pages:
        if before_each:
            before_each()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results[name] = {
            "url": url,
            "p50_ms": statistics.median(times[name]) * 1000,
            "p95_ms": percentile(times[name], 0.95) * 1000,
            "cpu_p50_ms": statistics.median(cpu[name]) * 1000,
            "queries": len(queries),
            "kb": len(responses[name].content) / 1024,
        }
    return results


def step_pages(info: dict, only: str = "") -> dict:
    pages = [
        (name, _client(info, role), url)
        for name, url, role in pages_to_measure(info)
        if not only or name == only
    ]
    results = _time_pages(pages)
    cold = "dashboard, cache emptied before each request"
    for name, client, url in pages:
        if name == "dashboard":
            # Apart: emptying the cache would slow the other pages down too.
            results |= _time_pages([(cold, client, url)], before_each=cache.clear)
            cache.clear()
    # In the order of pages_to_measure, the cold dashboard after the warm one.
    order = [name for name, _client, _url in pages]
    if "dashboard" in order:
        order.insert(order.index("dashboard") + 1, cold)
    return {name: results[name] for name in order}


@transaction.atomic
def step_burst_prepare(info: dict) -> dict:
    """A first-come mission with 30 seats and 300 SME users, each logged in."""
    province_code = info["province"]
    mission = Mission.objects.create(
        province_id=Mission.objects.get(pk=info["big_mission"]).province_id,
        title=f"Burst {timezone.now():%Y-%m-%d %H:%M:%S}",
        country="DE",
        start_date=timezone.localdate() + timedelta(days=60),
        end_date=timezone.localdate() + timedelta(days=62),
        capacity=BURST_SEATS,
        max_seats_per_organisation=1,
        approval_mode=Mission.ApprovalMode.FIRST_COME,
        status=Mission.Status.PUBLISHED,
        published_at=timezone.now(),
        signup_opens_at=timezone.now() - timedelta(hours=1),
        signup_closes_at=timezone.now() + timedelta(days=30),
    )
    group = Group.objects.get_or_create(name=Role.SME)[0]
    users = []
    for n in range(BURST_USERS):
        email = f"bench-burst-{n:03d}@bench.example"
        user, created = User.objects.get_or_create(
            email=email, defaults={"name": f"Burst {n}"}
        )
        if created:
            user.groups.add(group)
            organisation = Organisation.objects.create(
                kvk_number=f"{BURST_KVK_BASE + n:08d}",
                name=f"Burst {province_code} {n} BV",
                employees=12,
            )
            ContactPerson.objects.create(
                organisation=organisation, user=user, name=user.name, email=email
            )
        organisation_id = (
            ContactPerson.objects.filter(user=user).values_list(
                "organisation_id", flat=True
            )
        )[0]
        users.append({"session": session_for(user), "organisation": organisation_id})
    return {
        "mission": mission.pk,
        "url": reverse("missions:signup", args=[mission.pk]),
        "users": users,
    }


def step_burst_verify(mission_id: int) -> dict:
    """Seats taken, waiting list in arrival (insertion) order, nothing else."""
    regs = list(
        Registration.objects.filter(mission_id=mission_id).order_by("created_at", "pk")
    )
    accepted = [r for r in regs if r.status == Registration.Status.ACCEPTED]
    waiting = [r for r in regs if r.status == Registration.Status.WAITLISTED]
    others = [r for r in regs if r not in accepted and r not in waiting]
    arrival_ok = regs[: len(accepted)] == accepted and [
        r.waitlist_position for r in waiting
    ] == list(range(1, len(waiting) + 1))
    return {
        "registrations": len(regs),
        "accepted_seats": sum(r.seats for r in accepted),
        "waitlisted": len(waiting),
        "other": len(others),
        "arrival_order": arrival_ok,
    }


def main(argv: list[str]) -> None:
    step = argv[1]
    if step == "subject":
        result = subject()
    elif step == "pages":
        result = step_pages(json.loads(argv[2]), *argv[3:4])
    elif step == "burst-prepare":
        result = step_burst_prepare(json.loads(argv[2]))
    elif step == "burst-verify":
        result = step_burst_verify(int(argv[2]))
    else:
        raise SystemExit(f"unknown step {step}")
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv)
