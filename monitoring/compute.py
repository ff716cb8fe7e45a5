"""Compute the whole indicator catalogue and keep the results.

Engine: the registry's tables are copied once into an in-memory DuckDB (engine/extract.py), then
every indicator runs there as one GROUPING SETS query over a frame of its records per reference
period (engine/frames.py, engine/aggregate.py). Results are cached per (indicator, breakdown,
period, disclosure-policy version), with the figures before and after disclosure control.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
from django.conf import settings
from django.db import connection as default_connection
from django.db import transaction
from django.utils import timezone

from .catalogue import Catalogue, shipped_catalogue
from .disclosure import Policy, current_policy, publish
from .engine import aggregate, extract, frames
from .models import ComputationRun, IndicatorResult
from .tables import RawTable

Progress = Callable[[int, str], None]  # percent done, what is being done


@dataclass
class Computation:
    tables: list[RawTable]
    as_of: datetime.date
    timings: dict[str, float] = field(default_factory=dict)


def years_shown() -> int:
    return int(getattr(settings, "MONITORING_YEARS", 8))


def compute_catalogue(
    catalogue: Catalogue | None = None,
    as_of: datetime.date | None = None,
    progress: Progress | None = None,
    connection=default_connection,
    how: str | None = None,
) -> Computation:
    catalogue = catalogue or shipped_catalogue()
    as_of = as_of or timezone.localdate()
    report = progress or (lambda _percent, _step: None)
    timings: dict[str, float] = {}
    db = duckdb.connect()
    try:
        started = time.perf_counter()
        sources = extract.sources()
        done: list[str] = []

        def loaded(name: str) -> None:
            done.append(name)
            report(5 + 40 * len(done) // len(sources), f"Reading {name.removeprefix('src_')}")

        how = how or extract.strategy(connection)
        extract.load(db, connection, loaded, how)
        timings["extract"] = time.perf_counter() - started
        timings["strategy"] = how
        started = time.perf_counter()
        frames.prepare(db, catalogue, as_of, years_shown())
        periods = [p for p, _start, _end in frames.periods(as_of, years_shown())]
        batches: dict[str, list] = {}
        for indicator in catalogue.indicators.values():
            frame = frames.frame_name(indicator.records, indicator.period)
            batches.setdefault(frame, []).append(indicator)
        tables: list[RawTable] = []
        for number, (frame, batch) in enumerate(batches.items(), start=1):
            report(45 + 50 * number // len(batches), f"Computing {batch[0].name}")
            needs = set().union(*(aggregate.fields_used(i) for i in batch))
            selections = [i.denominator if i.unit == "percent" else i.numerator for i in batch]
            first = batch[0]
            frames.build(db, catalogue, first.records, first.period, as_of, needs, selections)
            tables += aggregate.compute(db, catalogue, batch, frame, periods)
        timings["compute"] = time.perf_counter() - started
    finally:
        db.close()
    return Computation(tables, as_of, timings)


def reference_for(catalogue: Catalogue, table: RawTable) -> str:
    indicator = catalogue.indicators.get(table.indicator)
    if indicator and indicator.reference and indicator.reference.breakdown == table.breakdown:
        return indicator.reference.category
    return ""


def store(
    computation: Computation,
    run: ComputationRun | None = None,
    catalogue: Catalogue | None = None,
    policy: Policy | None = None,
) -> int:
    """Replace the cached results under `policy` with those of `computation`."""
    catalogue = catalogue or shipped_catalogue()
    policy = policy or current_policy()
    now = timezone.now()
    rows = [
        IndicatorResult(
            indicator=t.indicator,
            breakdown=t.breakdown,
            period=t.period,
            policy_version=policy.version,
            catalogue_version=catalogue.version,
            run=run,
            computed_at=now,
            raw=t.to_json(),
            protected=publish(t, policy, True, reference_for(catalogue, t)),
        )
        for t in computation.tables
    ]
    with transaction.atomic():
        IndicatorResult.objects.filter(policy_version=policy.version).delete()
        IndicatorResult.objects.bulk_create(rows, batch_size=500)
    return len(rows)
