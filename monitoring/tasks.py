"""The background computation of the catalogue, with its progress kept on the run."""

from __future__ import annotations

import time

from django.utils import timezone
from django_tasks import task

from .catalogue import shipped_catalogue
from .compute import compute_catalogue, store
from .disclosure import current_policy
from .models import ComputationRun, RunStatus


def run_computation(run: ComputationRun) -> ComputationRun:
    catalogue, policy = shipped_catalogue(), current_policy()
    started = time.perf_counter()
    ComputationRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING,
        started_at=timezone.now(),
        progress=1,
        catalogue_version=catalogue.version,
        policy_version=policy.version,
    )
    last = [0.0]

    def progress(percent: int, step: str) -> None:
        now = time.perf_counter()
        if now - last[0] >= 0.5 or percent >= 95:
            last[0] = now
            ComputationRun.objects.filter(pk=run.pk).update(progress=percent, step=step[:200])

    try:
        computation = compute_catalogue(catalogue, progress=progress)
        progress(96, "Saving the results")
        count = store(computation, run, catalogue, policy)
    except Exception as exc:
        ComputationRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, finished_at=timezone.now(), error=repr(exc)[:2000]
        )
        raise
    ComputationRun.objects.filter(pk=run.pk).update(
        status=RunStatus.DONE,
        progress=100,
        step="",
        finished_at=timezone.now(),
        results=count,
        seconds=time.perf_counter() - started,
        timings={
            k: (round(v, 3) if isinstance(v, float) else v) for k, v in computation.timings.items()
        },
    )
    run.refresh_from_db()
    return run


@task()
def compute_run(run_id: int) -> None:
    run_computation(ComputationRun.objects.get(pk=run_id))
