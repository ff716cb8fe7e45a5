"""The engine: every way of reading the registry gives the same tables; cohorts follow the
clock; periods end today in the current year."""

import datetime
import shutil

import pytest
from django.db import connection

from monitoring.catalogue import TOTAL as T
from monitoring.compute import compute_catalogue
from monitoring.engine import extract, frames

from .builders import small_world

AS_OF = datetime.date(2026, 6, 30)


@pytest.mark.django_db(transaction=True)
def test_every_loader_gives_the_same_tables():
    small_world()
    fast = extract.strategy(connection)
    if connection.vendor == "sqlite" and shutil.which("sqlite3"):
        assert fast == "sqlite-shell"
    elif connection.vendor == "postgresql":
        assert fast == "postgresql-copy"
    quick = compute_catalogue(as_of=AS_OF, how=fast)
    slow = compute_catalogue(as_of=AS_OF, how="python")
    assert quick.timings["strategy"] == fast
    assert [t.to_json() for t in quick.tables] == [t.to_json() for t in slow.tables]


@pytest.mark.django_db
def test_uncommitted_data_is_read_through_the_django_connection():
    assert extract.strategy(connection) in ("python", "postgresql-copy")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "today,cohort_2025",
    [
        ("2026-03-31", 0),  # P1's plan started 2025-04-01: its 12-month point has not come
        ("2026-04-01", 1),
    ],
)
def test_a_cohort_is_counted_once_its_follow_up_point_has_passed(time_machine, today, cohort_2025):
    small_world()
    time_machine.move_to(f"{today} 12:00:00+00:00", tick=False)
    tables = {(t.indicator, t.breakdown, t.period): t for t in compute_catalogue().tables}
    assert tables[("employed_12m", "period", "all")].cell("2025", T).den == cohort_2025


def test_the_current_year_ends_today():
    periods = frames.periods(datetime.date(2026, 6, 30), 3)
    assert periods == [
        ("2024", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)),
        ("2025", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        ("2026", datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)),
    ]
