"""Course indicators (present while the courses module is installed) against a hand-computed
fixture: three enrolments in a host-language group in 2025.

Q1 (assessed A1): enrolled 5 Feb, ended 30 Jun, present 12 of 15 hours (80 %), exam A2 passed:
gain 1. Q2: enrolled 2 Mar, withdrew 1 May, present 6 of 15 hours. Q3 (never assessed: A0):
enrolled 1 Apr, ended 1 Jul, no attendance taken, exam A1 failed: gain 1.
"""

import datetime

import pytest
from django.apps import apps
from django.db import transaction

from monitoring.catalogue import TOTAL as T
from monitoring.compute import compute_catalogue

from .builders import assessment, at, person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not apps.is_installed("courses"), reason="courses module not installed"),
]
D = datetime.date


def course_world() -> None:
    from courses.models import Attendance, Enrolment, ExamResult
    from courses.tests.factories import GroupFactory, session

    group = GroupFactory()
    centre = group.course.provider
    q1, q2, q3 = (person(centre, sex, D(1990, 1, 1), D(2025, 1, 5)) for sex in "FMM")
    assessment(q1, D(2025, 1, 10), skills=("A1", "A1", "A1", "A1"))

    def enrol(p, requested, enrolled, ended, status):
        return Enrolment.objects.create(
            group=group, person=p, status=status, requested_at=at(requested),
            enrolled_at=at(enrolled), ended_on=ended,
        )  # fmt: skip

    e1 = enrol(q1, D(2025, 2, 1), D(2025, 2, 5), D(2025, 6, 30), "completed")
    e2 = enrol(q2, D(2025, 3, 1), D(2025, 3, 2), D(2025, 5, 1), "withdrawn")
    e3 = enrol(q3, D(2025, 3, 20), D(2025, 4, 1), D(2025, 7, 1), "completed")
    sessions = [session(group, days_ago=d, hours=3) for d in range(1, 6)]
    for number, s in enumerate(sessions):
        Attendance.objects.create(
            session=s, enrolment=e1, mark="present" if number else "unexcused"
        )
        Attendance.objects.create(
            session=s, enrolment=e2, mark="present" if number < 2 else "excused"
        )
    ExamResult.objects.create(enrolment=e1, taken_on=D(2025, 6, 25), target_level="A2",
                              level_reached="A2", passed=True)  # fmt: skip
    ExamResult.objects.create(enrolment=e3, taken_on=D(2025, 6, 26), target_level="A2",
                              level_reached="A1", passed=False)  # fmt: skip


@pytest.fixture(scope="module")
def tables(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        course_world()
        computation = compute_catalogue(as_of=D(2026, 6, 30))
        transaction.set_rollback(True)
    return {(t.indicator, t.breakdown, t.period): t for t in computation.tables}


@pytest.mark.parametrize(
    "indicator,num,other",
    [
        ("course_enrolments", 3, None),
        ("course_attendance", 1, 2),
        ("course_exam_pass_rate", 1, 2),
        ("course_cefr_gain", 2, 1.0),
    ],
)
def test_course_indicator(tables, indicator, num, other):
    cell = tables[(indicator, "period", "all")].cell("2025", T)
    assert cell.num == num
    if other is not None:
        assert (cell.den if cell.den is not None else cell.stat) == other


def test_course_kind_breakdown(tables):
    table = tables[("course_enrolments", "kind", "2025")]
    assert table.rows == ["host_language", T] and table.cell("host_language", T).num == 3
