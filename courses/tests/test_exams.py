"""Exams per skill: pass or fail by the programme's rule, the client's level, the plan
measure, certificates, and the sanction rule on repeated failure."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from accounts.tests.factories import UserFactory
from courses import enrolment, exams
from courses.models import Certificate, SanctionNotice
from pathways.choices import MeasureStatus
from people.models import Person

from .factories import TODAY

pytestmark = pytest.mark.django_db
ALL_A2 = {skill: (70, "A2") for skill in ("reading", "listening", "writing", "speaking")}


@pytest.fixture
def enrolled(group, client_plan):
    caseworker, plan, measure = client_plan
    return plan, measure, enrolment.enrol(caseworker, group, plan.person, measure)


def test_passing_at_the_target_raises_the_level_closes_the_measure_and_certifies(group, enrolled):
    plan, measure, made = enrolled
    version = Person.objects.get(pk=plan.person.pk).version
    result = exams.record_result(group.teacher, made, TODAY, ALL_A2 | {"speaking": (88, "B1")})
    assert (result.passed, result.level_reached, result.target_level) == (True, "A2", "A2")
    assert result.scores.count() == 4
    person = Person.objects.get(pk=plan.person.pk)
    assert (person.host_language_level, person.version) == ("A2", version + 1)
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.DONE
    certificate = Certificate.objects.get(result=result)
    assert certificate.level == "A2" and len(certificate.code) == 20


def test_one_skill_below_the_target_fails(group, enrolled):
    plan, measure, made = enrolled
    result = exams.record_result(group.teacher, made, TODAY, ALL_A2 | {"writing": (40, "A1")})
    assert (result.passed, result.level_reached) == (False, "A1")
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.NOT_DONE
    assert "A1 reached, A2 required" in measure.status_reason
    assert not Certificate.objects.exists()
    assert Person.objects.get(pk=plan.person.pk).host_language_level == "A1"


def test_every_skill_the_programme_tests_must_be_recorded(group, enrolled):
    _, _, made = enrolled
    scores = {k: v for k, v in ALL_A2.items() if k != "speaking"}
    with pytest.raises(ValidationError, match="Speaking"):
        exams.record_result(group.teacher, made, TODAY, scores)


def test_a_result_never_lowers_a_higher_level(group, enrolled):
    plan, _, made = enrolled
    Person.objects.filter(pk=plan.person.pk).update(host_language_level="B1")
    exams.record_result(group.teacher, made, TODAY, ALL_A2)
    assert Person.objects.get(pk=plan.person.pk).host_language_level == "B1"


def test_the_second_failure_triggers_the_case_review(group, enrolled):
    plan, _, made = enrolled
    low = ALL_A2 | {"reading": (30, "A1")}
    exams.record_result(group.teacher, made, TODAY - datetime.timedelta(days=7), low)
    assert not SanctionNotice.objects.exists()
    exams.record_result(group.teacher, made, TODAY, low)
    notice = SanctionNotice.objects.get()
    assert (notice.sanction_code, notice.action, notice.plan) == (
        "exam-retake",
        "case_review",
        plan,
    )


def test_only_the_teacher_records_and_not_in_the_future(group, enrolled):
    _, _, made = enrolled
    for user in (UserFactory(role=Role.COORDINATOR), UserFactory(role=Role.TEACHER)):
        with pytest.raises(PermissionDenied):
            exams.record_result(user, made, TODAY, ALL_A2)
    with pytest.raises(ValidationError, match="future"):
        exams.record_result(group.teacher, made, TODAY + datetime.timedelta(days=1), ALL_A2)


@pytest.mark.parametrize(
    ("rule", "levels", "expected"),
    [
        (
            exams.ExamRule("A2", ("reading", "writing")),
            {"reading": "B1", "writing": "A2"},
            ("A2", True),
        ),
        (exams.ExamRule("B1", ()), {"speaking": "B1", "listening": "B2"}, ("B1", True)),
        (exams.ExamRule("B1", ()), {"speaking": "A2"}, ("A2", False)),
        (exams.ExamRule("A1", ("speaking",)), {"speaking": "A1", "reading": "A0"}, ("A1", True)),
    ],
)
def test_the_level_reached_is_the_lowest_skill_that_counts(rule, levels, expected):
    assert exams.judge(rule, levels) == expected
