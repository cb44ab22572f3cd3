"""seed_bench at a tiny scale: the counts it promises, and the same data again
for the same seed. The command belongs to the benchmark (bench/), installed
by bench/settings.py only: the tests run with the portal's settings and call
it by its class."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Sum

from bench.management.commands.seed_bench import Command as SeedBench
from bench.synthetic.seed import BenchSeeder, Plan
from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation
from programmes.models import Prestatie, ReserveMutation
from provinces.models import Province

TODAY = datetime.date(2026, 6, 1)
ROOT = Path(__file__).resolve().parent.parent.parent


def _snapshot() -> dict:
    return {
        "missions": list(
            Mission.objects.order_by("start_date", "title", "capacity").values_list(
                "province__code", "title", "country", "start_date", "status", "capacity"
            )
        ),
        "registrations": list(
            Registration.objects.order_by(
                "mission__start_date", "mission__title", "created_at", "seats"
            ).values_list(
                "organisation__kvk_number", "status", "seats", "waitlist_position"
            )
        ),
        "organisations": list(
            Organisation.objects.order_by("kvk_number").values_list(
                "kvk_number", "name", "sme_class", "province__code", "sector"
            )
        ),
        "mutations": list(
            ReserveMutation.objects.order_by("created_at", "amount").values_list(
                "reserve__name", "kind", "amount", "status", "budget_year"
            )
        ),
    }


def _seeded_snapshot(seed: int) -> dict:
    """Seed, read everything back, and roll it all back again."""
    with transaction.atomic():
        BenchSeeder(scale=0.01, seed=seed, today=TODAY).run()
        snapshot = _snapshot()
        transaction.set_rollback(True)
    return snapshot


@pytest.mark.django_db
def test_tiny_scale_gives_the_planned_counts_and_keeps_the_rules():
    plan = Plan.for_scale(0.01)
    BenchSeeder(scale=0.01, seed=3, today=TODAY).run()

    assert Province.objects.count() == 12
    assert Organisation.objects.count() == plan.organisations == 600
    assert Registration.objects.count() == plan.registrations == 500
    assert Mission.objects.count() == plan.missions + 1  # and the big mission
    assert ReserveMutation.objects.count() == plan.mutations
    assert Prestatie.objects.values("year").distinct().count() == 10
    assert MissionResult.objects.exists()
    assert set(Organisation.objects.values_list("sme_class", flat=True)) <= {
        "micro",
        "small",
        "medium",
        "large",
    }
    big = Mission.objects.annotate(n=Count("registrations")).order_by("-n").first()
    assert big.n == 300
    for mission in Mission.objects.all():
        taken = (
            mission.registrations.filter(
                status__in=Registration.SEAT_TAKING_STATUSES
            ).aggregate(total=Sum("seats"))["total"]
            or 0
        )
        assert taken <= mission.capacity
        positions = list(
            mission.registrations.filter(status="waitlisted")
            .order_by("created_at")
            .values_list("waitlist_position", flat=True)
        )
        assert positions == list(range(1, len(positions) + 1))


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    first = _seeded_snapshot(5)
    assert first["registrations"]
    assert _seeded_snapshot(5) == first
    assert _seeded_snapshot(6)["registrations"] != first["registrations"]


@pytest.mark.django_db
def test_command_refuses_a_database_that_has_missions():
    call_command(SeedBench(), "--scale", "0.01")
    with pytest.raises(CommandError, match="already has missions"):
        call_command(SeedBench(), "--scale", "0.01")


def test_only_the_benchmark_settings_install_the_command():
    """The portal's manage.py has no command that fills a database with
    synthetic users; `DJANGO_SETTINGS_MODULE=bench.settings` has."""
    result = subprocess.run(
        [sys.executable, "-c", FIND_COMMAND],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "bench"
    with pytest.raises(CommandError, match="Unknown command"):
        call_command("seed_bench", "--scale", "0.01")


FIND_COMMAND = (
    "import django; django.setup(); "
    "from django.core.management import get_commands; "
    "print(get_commands()['seed_bench'])"
)
