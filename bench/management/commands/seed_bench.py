"""Fill an empty database with synthetic data at national scale.

DJANGO_SETTINGS_MODULE=bench.settings python manage.py seed_bench --scale 1 [--seed 1]

For benchmarks only: run it on a database of its own (make bench uses
exportportaal_bench_s<scale>), never on one with real data. Only the
benchmark's settings install `bench`, so the portal has no such command.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from bench.synthetic.seed import BenchSeeder
from missions.models import Mission


class Command(BaseCommand):
    help = (
        "Fill an empty database with synthetic benchmark data "
        "(scale 1: 12 provinces over 10 years)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, scale, seed, **options):
        if not 0 < scale <= 100:
            raise CommandError("Choose a scale above 0 and at most 100.")
        if Mission.objects.exists():
            raise CommandError(
                "This database already has missions: seed_bench fills an empty "
                "database only (drop and migrate it first)."
            )
        started = time.monotonic()
        seeder = BenchSeeder(scale=scale, seed=seed)
        with translation.override("en"):
            counts = seeder.run()
        elapsed = time.monotonic() - started
        for label, count in sorted(counts.items()):
            self.stdout.write(f"{count:>10,}  {label}")
        steps = ", ".join(f"{k} {v:.1f}s" for k, v in seeder.timings.items())
        self.stdout.write(f"Steps: {steps}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded scale {scale:g} (seed {seed}) in {elapsed:.1f}s."
            )
        )
