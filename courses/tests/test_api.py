"""The courses API: same policy and audit as the pages."""

import datetime

import pytest
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.tests.factories import UserFactory
from audit.models import Action, AuditEvent
from courses.choices import GroupStatus
from courses.models import Enrolment

from .factories import TODAY, CourseFactory, GroupFactory, austrian_plan, session, teacher

pytestmark = pytest.mark.django_db


def api_for(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_coordinator_plans_opens_and_is_told_why_not(client):
    coordinator = api_for(UserFactory(role=Role.COORDINATOR))
    course = CourseFactory()
    body = {
        "course": course.pk,
        "name": "DE-A2-API",
        "teacher": teacher(course.provider).pk,
        "programme_id": "at-integration-law",
        "start_date": TODAY,
        "end_date": TODAY + datetime.timedelta(days=90),
        "capacity": 25,
    }
    created = coordinator.post("/api/v1/course-groups/", body, format="json")
    assert created.status_code == 201, created.json()
    group = created.json()
    refused = coordinator.post(f"/api/v1/course-groups/{group['id']}/open/", {"version": 1})
    assert refused.status_code == 400
    assert refused.json()["detail"] == [
        "The group has 25 seats; the programme allows at most 20 per group."
    ]
    stale = coordinator.post(f"/api/v1/course-groups/{group['id']}/close/", {"version": 7})
    assert stale.status_code == 409
    sessions = coordinator.post(
        f"/api/v1/course-groups/{group['id']}/sessions/",
        {"date": TODAY, "start_time": "09:00", "end_time": "11:00", "topic": "Arbeit"},
        format="json",
    )
    assert sessions.status_code == 201 and sessions.json()["hours"] == "2.0"
    assert len(coordinator.get(f"/api/v1/course-groups/{group['id']}/sessions/").json()) == 1


def test_caseworker_enrols_over_the_api_and_lists_with_audit(caseworker):
    group = GroupFactory(capacity=1)
    _, plan, measure = austrian_plan(caseworker)
    _, other_plan, _ = austrian_plan(caseworker)
    api = api_for(caseworker)
    first = api.post(
        "/api/v1/enrolments/",
        {"group": group.pk, "person": plan.person.pk, "measure": measure.pk},
        format="json",
    )
    assert first.status_code == 201 and first.json()["status"] == "active"
    second = api.post(
        "/api/v1/enrolments/", {"group": group.pk, "person": other_plan.person.pk}, format="json"
    )
    assert second.json()["status"] == "waiting"
    again = api.post(
        "/api/v1/enrolments/", {"group": group.pk, "person": plan.person.pk}, format="json"
    )
    assert again.status_code == 400
    listing = api.get("/api/v1/enrolments/", {"group": group.pk}).json()["results"]
    assert [row["status"] for row in listing] == ["active", "waiting"]
    listed = AuditEvent.objects.filter(actor=caseworker, action=Action.LIST)
    assert set(listed.values_list("person_id", flat=True)) == {plan.person.pk, other_plan.person.pk}
    withdrawn = api.post(
        f"/api/v1/enrolments/{first.json()['id']}/withdraw/", {"reason": "Moved"}, format="json"
    )
    assert withdrawn.json()["status"] == "withdrawn"
    assert Enrolment.objects.get(pk=second.json()["id"]).status == "active"


def test_teacher_records_attendance_and_exam_over_the_api(caseworker):
    group = GroupFactory()
    _, plan, measure = austrian_plan(caseworker)
    api = api_for(caseworker)
    made = api.post(
        "/api/v1/enrolments/",
        {"group": group.pk, "person": plan.person.pk, "measure": measure.pk},
        format="json",
    ).json()
    lesson = session(group)
    teacher_api = api_for(group.teacher)
    marks = {"session": lesson.pk, "marks": [{"enrolment": made["id"], "mark": "present"}]}
    saved = teacher_api.post("/api/v1/attendance/", marks, format="json")
    assert saved.status_code == 201 and saved.json()[0]["mark"] == "present"
    assert teacher_api.get("/api/v1/attendance/").json()["results"][0]["mark"] == "present"
    assert (
        api_for(UserFactory(role=Role.TEACHER))
        .post("/api/v1/attendance/", marks, format="json")
        .status_code
        == 404
    )
    scores = [
        {"skill": s, "score": 80, "level": "A2"}
        for s in ("reading", "listening", "writing", "speaking")
    ]
    exam = {"enrolment": made["id"], "taken_on": TODAY, "scores": scores}
    result = teacher_api.post("/api/v1/exam-results/", exam, format="json")
    assert result.status_code == 201, result.json()
    assert result.json()["passed"] and result.json()["certificate"]
    assert api.get(f"/api/v1/exam-results/{result.json()['id']}/").status_code == 200
    missing = {**exam, "scores": scores[:2]}
    assert teacher_api.post("/api/v1/exam-results/", missing, format="json").status_code == 400
    assert api.post("/api/v1/exam-results/", exam, format="json").status_code == 403


def test_roles_without_courses_see_nothing():
    GroupFactory()
    for role in (Role.ANALYST, Role.AUDITOR, Role.ADMINISTRATOR):
        api = api_for(UserFactory(role=role))
        assert api.get("/api/v1/courses/").json()["results"] == []
        assert api.get("/api/v1/course-groups/").json()["results"] == []
        assert api.get("/api/v1/enrolments/").json()["results"] == []


def test_another_teacher_sees_no_enrolment_of_the_group(caseworker):
    group = GroupFactory()
    _, plan, _ = austrian_plan(caseworker)
    api_for(caseworker).post(
        "/api/v1/enrolments/", {"group": group.pk, "person": plan.person.pk}, format="json"
    )
    own = api_for(group.teacher).get("/api/v1/enrolments/").json()["results"]
    other = api_for(UserFactory(role=Role.TEACHER)).get("/api/v1/enrolments/").json()["results"]
    assert len(own) == 1 and other == []


def test_a_planned_group_is_listed_only_to_those_who_run_it(caseworker):
    GroupFactory(status=GroupStatus.PLANNED)
    assert api_for(caseworker).get("/api/v1/course-groups/").json()["results"] == []
    coordinator = api_for(UserFactory(role=Role.COORDINATOR))
    assert len(coordinator.get("/api/v1/course-groups/").json()["results"]) == 1
