"""Who sees which statistics, reading the cache, and starting a computation.

Every table leaves here disclosure-protected, unless the user's role is explicitly allowed the
unprotected figures (accounts.policy) and asks for them: that view is audited.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts import policy
from audit.models import Action
from audit.services import Entry, record

from .catalogue import Indicator, shipped_catalogue
from .compute import reference_for
from .disclosure import current_policy, publish
from .models import ComputationRun, IndicatorResult, RunStatus
from .tables import RawTable


def require_statistics(user) -> None:
    if not policy.may_view_statistics(user):
        raise PermissionDenied


def indicator_or_none(indicator_id: str) -> Indicator | None:
    return shipped_catalogue().indicators.get(indicator_id)


def latest_run() -> ComputationRun | None:
    return ComputationRun.objects.first()


def computed_at():
    """When the figures shown were computed (None: never)."""
    latest = _results().order_by("-computed_at").values_list("computed_at", flat=True).first()
    return latest


def _results():
    return IndicatorResult.objects.filter(policy_version=current_policy().version)


def periods_of(indicator_id: str) -> list[str]:
    periods = _results().filter(indicator=indicator_id).exclude(breakdown="period")
    return sorted(set(periods.values_list("period", flat=True)), reverse=True)


def audit_unprotected(user, action: str, what: str) -> None:
    record(user, [Entry(None, action, (), f"role:{user.role}", f"unprotected statistics: {what}")])


def table(
    user,
    indicator_id: str,
    breakdown: str,
    period: str,
    unprotected: bool = False,
    action: str = Action.VIEW,
) -> dict | None:
    """The published table from the cache (None if not computed yet)."""
    require_statistics(user)
    if unprotected and not policy.sees_unprotected_statistics(user):
        raise PermissionDenied
    if breakdown == "period":
        period = "all"
    row = _results().filter(indicator=indicator_id, breakdown=breakdown, period=period).first()
    if row is None:
        return None
    if not unprotected:
        return row.protected
    audit_unprotected(user, action, f"{indicator_id} by {breakdown}, {period}")
    raw = RawTable.from_json(row.raw)
    return publish(raw, current_policy(), False, reference_for(shipped_catalogue(), raw))


def tables(user, indicator_ids: list[str], breakdown: str, period: str) -> dict[str, dict]:
    """Protected tables of several indicators (the dashboard), by indicator id."""
    require_statistics(user)
    wanted = _results().filter(indicator__in=indicator_ids, breakdown=breakdown)
    wanted = wanted.filter(period="all" if breakdown == "period" else period)
    return {row.indicator: row.protected for row in wanted}


def start_run(user) -> ComputationRun:
    """Queue a computation of the whole catalogue (runs in the background worker)."""
    require_statistics(user)
    from .tasks import compute_run

    with transaction.atomic():
        running = ComputationRun.objects.filter(status__in=(RunStatus.QUEUED, RunStatus.RUNNING))
        current = running.first()
        if current and (timezone.now() - current.created_at).total_seconds() < 3600:
            return current
        run = ComputationRun.objects.create(requested_by=user)
    transaction.on_commit(lambda: compute_run.enqueue(run.pk))
    return run
