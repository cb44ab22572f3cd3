"""Cache versions of the dashboard, bumped whenever its data changes.

Every cached dashboard entry carries the version of its province and a
global version in its key. Saving or deleting anything a figure is made
of bumps the version of its province, so the next page load computes afresh;
a change whose province is unknown or shared (an organisation, a theme, a
province) bumps the global version, which refreshes every province.

Signals are used here for cache invalidation only, never for domain logic.
The bump runs after the commit (at once outside a transaction): a page
computed from the old data while the write was in flight carries the old
version, and no Redis call holds the transaction's locks. The cache is an
accelerator: a bump that fails is logged and forgotten, and when Redis
answers again after an outage every dashboard is refreshed, because the
bumps of the outage were lost (config.cache.cache_recovered).
"""

from __future__ import annotations

import logging

from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from config.cache import DegradingRedisCache, cache_recovered

logger = logging.getLogger(__name__)

GLOBAL = "all"


def _version_key(scope) -> str:
    return f"dashboard:version:{scope}"


def versions(province_id: int) -> str:
    """The version part of a cache key for `province_id`."""
    keys = [_version_key(province_id), _version_key(GLOBAL)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, 1, timeout=None)
            found[key] = cache.get(key, 1)
    return f"{found[keys[0]]}.{found[keys[1]]}"


def _incr(scope) -> None:
    key = _version_key(scope)
    backend = caches["default"]
    if isinstance(backend, DegradingRedisCache):
        # One round trip instead of cache.incr's two (EXISTS, INCRBY): every
        # sign-up bumps twice. A missing key starts at 1 and becomes 2.
        backend.incr_from_one(key)
        return
    try:
        cache.incr(key)
    except ValueError:
        # Missing (evicted or never read): any new value differs from the
        # one a cached entry was stored under, except the default 1.
        cache.set(key, 2, timeout=None)


def _incr_after_commit(scope) -> None:
    try:
        _incr(scope)
    except Exception:  # noqa: BLE001 - the write is committed; say so, go on
        # DegradingRedisCache logs its own failures and raises none; another
        # backend may. Entries expire after CACHE_SECONDS in any case.
        logger.warning("Could not refresh the dashboards of %s.", scope, exc_info=True)


def bump(province_id: int | None) -> None:
    """Make the cached dashboards of a province (None: all) stale once the
    transaction commits; a cache that fails is logged, never raised."""
    scope = GLOBAL if province_id is None else province_id
    transaction.on_commit(lambda: _incr_after_commit(scope))


def _on_cache_recovered(sender, **kwargs) -> None:
    """Bumps of the outage were lost: refresh every province."""
    _incr_after_commit(GLOBAL)


# How to find the province of an instance; None means "bump all". Only
# related objects already loaded are followed: a save elsewhere must not
# cost an extra query, and a global bump is always correct.
def _via(*path: str):
    *relations, attname = path

    def province_of(instance):
        obj = instance
        for name in relations:
            field = obj._meta.get_field(name)
            if not field.is_cached(obj):
                return None
            obj = field.get_cached_value(obj)
            if obj is None:
                return None
        return getattr(obj, attname, None)

    return province_of


PROVINCE_OF = {
    ("missions", "Mission"): _via("province_id"),
    ("missions", "Registration"): _via("mission", "province_id"),
    ("missions", "MissionResult"): _via("registration", "mission", "province_id"),
    ("programmes", "Prestatie"): _via("province_id"),
    ("programmes", "Programme"): _via("province_id"),
    ("programmes", "Reserve"): _via("province_id"),
    ("programmes", "Decision"): _via("province_id"),
    ("programmes", "Action"): _via("prestatie", "province_id"),
    ("programmes", "IntendedResult"): _via("prestatie", "province_id"),
    ("programmes", "BudgetLine"): _via("prestatie", "province_id"),
    ("programmes", "ProgressNote"): _via("action", "prestatie", "province_id"),
    ("programmes", "Indicator"): _via("action", "prestatie", "province_id"),
    ("programmes", "IndicatorTarget"): _via(
        "indicator", "action", "prestatie", "province_id"
    ),
    ("programmes", "IndicatorValue"): _via(
        "indicator", "action", "prestatie", "province_id"
    ),
    ("programmes", "ReserveMutation"): _via("reserve", "province_id"),
    # The desk's and the advisory tracks' figures (issue 18, item 4).
    ("desk", "Question"): _via("province_id"),
    ("advice", "Track"): _via("province_id"),
    # Shared by every province: refresh them all.
    ("provinces", "Province"): lambda instance: None,
    ("participants", "Organisation"): lambda instance: None,
    # A request concerns two provinces (sender's and receiver's).
    ("showcase", "ContactRequest"): lambda instance: None,
    ("missions", "Theme"): lambda instance: None,
}

# Many-to-many relations that figures read: (app, model, field).
M2M_FIELDS = (
    ("missions", "Mission", "themes"),
    ("programmes", "Action", "programmes"),
    ("programmes", "Prestatie", "investment_decisions"),
    ("programmes", "Programme", "decisions"),
)


def _on_change(sender, instance, **kwargs) -> None:
    province_of = PROVINCE_OF[(sender._meta.app_label, sender.__name__)]
    try:
        province_id = province_of(instance)
    except Exception:  # noqa: BLE001 - a lookup of a deleted parent
        logger.debug("No province for %r; refreshing all dashboards.", instance)
        province_id = None
    bump(province_id)


def _on_report_run(sender, instance, **kwargs) -> None:
    """The page links to the latest ready yearly report: a run that is ready
    (or deleted) refreshes its province; queued and running runs do not."""
    if kwargs.get("signal") is post_delete or instance.status == "succeeded":
        bump(instance.province_id)


def _on_m2m(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        _on_change(type(instance), instance)


def connect() -> None:
    """Called once from ReportingConfig.ready()."""
    from django.apps import apps

    cache_recovered.connect(_on_cache_recovered, dispatch_uid="dashboard-recovered")

    for app_label, model_name in PROVINCE_OF:
        model = apps.get_model(app_label, model_name)
        uid = f"dashboard-{app_label}-{model_name}"
        post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
    report_run = apps.get_model("reporting", "ReportRun")
    post_save.connect(_on_report_run, sender=report_run, dispatch_uid="dashboard-run")
    post_delete.connect(
        _on_report_run, sender=report_run, dispatch_uid="dashboard-run-delete"
    )
    for app_label, model_name, field_name in M2M_FIELDS:
        through = getattr(apps.get_model(app_label, model_name), field_name).through
        m2m_changed.connect(
            _on_m2m, sender=through, dispatch_uid=f"dashboard-{model_name}-{field_name}"
        )
