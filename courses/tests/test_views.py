"""The course pages, through the Django test client, for each kind of user."""

import datetime

import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from courses import enrolment
from courses.choices import EnrolmentStatus, GroupStatus
from courses.models import CourseGroup, Enrolment, ExamResult, Session

from .factories import TODAY, CourseFactory, CourseTypeFactory, GroupFactory, austrian_plan, teacher

pytestmark = pytest.mark.django_db


def test_the_catalogue_lists_open_groups_and_filters_them(client, caseworker):
    open_group = GroupFactory()
    GroupFactory(status=GroupStatus.PLANNED)
    GroupFactory(course=CourseFactory(region="Tirol", title="Deutsch in Innsbruck"))
    sign_in(client, caseworker)
    page = client.get("/courses/").content.decode()
    assert open_group.name in page and "Deutsch in Innsbruck" in page
    assert "Planned, not yet open" not in page
    page = client.get("/courses/", {"region": "Tirol"}).content.decode()
    assert open_group.name not in page and "Deutsch in Innsbruck" in page
    sign_in(client, UserFactory(role=Role.ANALYST))
    assert client.get("/courses/").status_code == 403


def test_a_coordinator_adds_a_course_and_plans_a_group(client):
    coordinator = UserFactory(role=Role.COORDINATOR)
    course = CourseFactory()
    teacher_user = teacher(course.provider)
    sign_in(client, coordinator)
    response = client.post(
        "/courses/new/",
        {
            "provider": course.provider.pk,
            "course_type": CourseTypeFactory().pk,
            "curriculum": course.curriculum.pk,
            "title": "Werte- und Orientierungskurs",
            "language": "de",
            "delivery": "in_person",
            "region": "Wien",
            "time_zone": "Europe/Vienna",
        },
    )
    assert response.status_code == 302, response.content.decode()
    new_course = course.provider.courses.get(title="Werte- und Orientierungskurs")
    response = client.post(
        f"/courses/{new_course.pk}/groups/new/",
        {
            "name": "WO-1",
            "teacher": teacher_user.pk,
            "programme_id": "at-integration-law",
            "start_date": TODAY,
            "end_date": TODAY + datetime.timedelta(days=10),
            "capacity": 20,
        },
    )
    group = CourseGroup.objects.get(name="WO-1")
    assert response.status_code == 302 and group.status == GroupStatus.PLANNED
    client.post(f"/courses/groups/{group.pk}/open/", {"version": group.version})
    group.refresh_from_db()
    assert group.status == GroupStatus.OPEN
    response = client.post(
        f"/courses/groups/{group.pk}/sessions/new/",
        {"date": TODAY, "start_time": "09:00", "end_time": "12:30", "topic": "Grundwerte"},
    )
    session = Session.objects.get(group=group)
    assert session.hours == 3.5


def test_provider_staff_run_only_their_own_courses(client):
    group = GroupFactory(status=GroupStatus.PLANNED)
    other = UserFactory(role=Role.PARTNER_STAFF)
    other.organisation.type = "course_provider"
    other.organisation.save()
    sign_in(client, other)
    assert client.post(f"/courses/groups/{group.pk}/open/", {"version": 1}).status_code == 404
    assert client.get(f"/courses/{group.course.pk}/groups/new/").status_code == 403
    own = UserFactory(role=Role.PARTNER_STAFF, organisation=group.course.provider)
    sign_in(client, own)
    assert client.get(f"/courses/groups/{group.pk}/edit/").status_code == 200


def test_a_caseworker_enrols_a_client_from_the_plan_measure(client, caseworker):
    group = GroupFactory(capacity=1)
    _, plan, measure = austrian_plan(caseworker)
    sign_in(client, caseworker)
    page = client.get(f"/people/{plan.person.pk}/?tab=pathway").content.decode()
    assert f"/courses/?measure={measure.pk}" in page
    page = client.get(f"/courses/groups/{group.pk}/", {"measure": measure.pk}).content.decode()
    assert f"?person={plan.person.pk}&amp;measure={measure.pk}" in page
    form = client.get(f"/courses/groups/{group.pk}/enrol/", {"person": plan.person.pk})
    assert "German course up to A2" in form.content.decode()
    response = client.post(
        f"/courses/groups/{group.pk}/enrol/", {"person": plan.person.pk, "measure": measure.pk}
    )
    assert response.status_code == 302
    made = Enrolment.objects.get(person=plan.person)
    assert made.measure_key == measure.key and made.status == EnrolmentStatus.ACTIVE
    _, second, _ = austrian_plan(caseworker)
    response = client.post(f"/courses/groups/{group.pk}/enrol/", {"person": second.person.pk})
    assert response.status_code == 302
    page = client.get(f"/courses/groups/{group.pk}/").content.decode()
    assert "on the waiting list, number 1" in page


def test_enrolling_asks_for_the_registry_number_first(client, caseworker):
    group = GroupFactory()
    sign_in(client, caseworker)
    page = client.get(f"/courses/groups/{group.pk}/enrol/")
    assert "Registry number of the client" in page.content.decode()
    assert client.get(f"/courses/groups/{group.pk}/enrol/", {"person": 999999}).status_code == 404


def test_the_teacher_records_an_exam_on_the_form(client, caseworker):
    group = GroupFactory()
    _, plan, measure = austrian_plan(caseworker)
    made = enrolment.enrol(caseworker, group, plan.person, measure)
    sign_in(client, group.teacher)
    url = f"/courses/enrolments/{made.pk}/exam/"
    page = client.get(url).content.decode()
    assert "Passed when every required skill reaches A2." in page
    data = {"taken_on": TODAY}
    for skill in ("reading", "listening", "writing", "speaking"):
        data |= {f"{skill}_score": 75, f"{skill}_level": "A2"}
    refused = client.post(url, {**data, "speaking_score": ""})
    assert refused.status_code == 400
    assert client.post(url, data).status_code == 302
    assert ExamResult.objects.get(enrolment=made).passed
    page = client.get(f"/courses/groups/{group.pk}/").content.decode()
    assert "Passed at A2" in page and "Certificate (PDF)" in page


def test_withdrawing_on_the_page_moves_the_next_up(client, caseworker):
    group = GroupFactory(capacity=1)
    first = enrolment.enrol(caseworker, group, austrian_plan(caseworker)[1].person)
    second = enrolment.enrol(caseworker, group, austrian_plan(caseworker)[1].person)
    sign_in(client, caseworker)
    url = f"/courses/enrolments/{first.pk}/withdraw/"
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Moved to Linz"}).status_code == 302
    second.refresh_from_db()
    assert second.status == EnrolmentStatus.ACTIVE


def test_dashboard_and_navigation_follow_the_policy_flags(client, caseworker):
    expectations = {
        caseworker: True,
        UserFactory(role=Role.COORDINATOR): True,
        UserFactory(role=Role.TEACHER): True,
        UserFactory(role=Role.ANALYST): False,
        UserFactory(role=Role.AUDITOR): False,
    }
    for user, shown in expectations.items():
        sign_in(client, user)
        page = client.get("/").content.decode()
        assert ('href="/courses/"' in page) is shown, user.role
