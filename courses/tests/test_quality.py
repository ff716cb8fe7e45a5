"""A group that breaks the programme's quality criteria cannot be opened, and says why."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from courses import quality, services
from courses.choices import GroupStatus
from courses.models import CurriculumModule, TeacherQualification

from .factories import QUALIFICATION, TODAY, GroupFactory, teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return UserFactory(role=Role.COORDINATOR)


def planned(**kwargs):
    return GroupFactory(status=GroupStatus.PLANNED, **kwargs)


def test_a_group_meeting_every_criterion_opens(coordinator):
    group = planned(capacity=20)
    assert quality.problems(group) == []
    services.open_group(coordinator, group, group.version)
    group.refresh_from_db()
    assert group.status == GroupStatus.OPEN and group.version == 2


def test_a_group_above_the_maximum_size_is_refused_with_the_numbers(coordinator):
    group = planned(capacity=21)
    with pytest.raises(ValidationError) as refused:
        services.open_group(coordinator, group, group.version)
    assert refused.value.messages == [
        "The group has 21 seats; the programme allows at most 20 per group."
    ]
    group.refresh_from_db()
    assert group.status == GroupStatus.PLANNED


def test_a_teacher_without_the_qualification_is_refused(coordinator):
    group = planned()
    group.teacher = teacher(group.course.provider, qualified=False)
    group.save()
    [problem] = quality.problems(group)
    assert QUALIFICATION in problem and "does not hold" in problem


def test_a_qualification_expiring_before_the_group_ends_does_not_count():
    group = planned()
    TeacherQualification.objects.filter(teacher=group.teacher).update(
        expires_on=group.end_date - datetime.timedelta(days=1)
    )
    assert any(QUALIFICATION in p for p in quality.problems(group))
    TeacherQualification.objects.filter(teacher=group.teacher).update(expires_on=group.end_date)
    assert quality.problems(group) == []


def test_a_qualification_issued_after_the_start_does_not_count():
    group = planned()
    TeacherQualification.objects.filter(teacher=group.teacher).update(
        issued_on=group.start_date + datetime.timedelta(days=1)
    )
    assert any(QUALIFICATION in p for p in quality.problems(group))


def test_fewer_hours_than_the_module_requires_are_refused():
    group = planned()
    CurriculumModule.objects.filter(curriculum=group.course.curriculum, position=3).delete()
    assert quality.problems(group) == [
        "The curriculum has 250 hours; the programme requires at least 300."
    ]


def test_a_host_language_course_without_a_final_exam_is_refused_where_one_is_required():
    group = planned()
    group.course.curriculum.final_exam = False
    group.course.curriculum.save()
    assert quality.problems(group) == [
        "The programme requires an objective final exam; the curriculum has none."
    ]


def test_without_a_programme_only_the_basic_checks_apply():
    group = planned(programme_id="", capacity=40)
    group.teacher = teacher(group.course.provider, qualified=False)
    group.save()
    assert quality.problems(group) == []


def test_every_reason_is_given_at_once():
    group = planned(capacity=25, teacher=None)
    CurriculumModule.objects.filter(curriculum=group.course.curriculum).update(hours=10)
    problems = quality.problems(group)
    assert len(problems) == 3, problems


def test_an_open_group_cannot_grow_beyond_the_maximum_or_shrink_below_its_participants(
    coordinator,
):
    group = GroupFactory(capacity=3, seats_taken=2)
    with pytest.raises(ValidationError, match="at most 20"):
        services.change_group(coordinator, group, {"capacity": 21}, group.version)
    group.refresh_from_db()
    with pytest.raises(ValidationError, match="2 participants already hold a seat"):
        services.change_group(coordinator, group, {"capacity": 1}, group.version)
    group.refresh_from_db()
    services.change_group(coordinator, group, {"capacity": 20}, group.version)
    group.refresh_from_db()
    assert group.capacity == 20


def test_an_open_group_cannot_get_an_unqualified_teacher(coordinator):
    group = GroupFactory()
    unqualified = teacher(group.course.provider, qualified=False)
    with pytest.raises(ValidationError, match="does not hold"):
        services.change_group(coordinator, group, {"teacher": unqualified}, group.version)


def test_a_stale_change_is_refused(coordinator):
    group = planned()
    services.change_group(coordinator, group, {"name": "A"}, group.version)
    with pytest.raises(services.StaleGroupError):
        services.change_group(coordinator, group, {"name": "B"}, 1)


def test_only_the_providers_staff_and_the_coordinator_run_a_group():
    group = planned()
    own = UserFactory(role=Role.PARTNER_STAFF, organisation=group.course.provider)
    services.open_group(own, group, group.version)
    other = UserFactory(role=Role.PARTNER_STAFF)
    caseworker = UserFactory(role=Role.CASEWORKER)
    for user in (other, caseworker, group.teacher):
        with pytest.raises(PermissionDenied):
            services.close_group(user, group, group.version + 1)


def test_the_group_page_shows_why_it_cannot_open(client, coordinator):
    group = planned(capacity=24)
    sign_in(client, coordinator)
    page = client.get(f"/courses/groups/{group.pk}/").content.decode()
    assert "This group cannot open yet" in page
    assert "The group has 24 seats; the programme allows at most 20 per group." in page
    response = client.post(f"/courses/groups/{group.pk}/open/", {"version": group.version})
    assert response.status_code == 302
    page = client.get(f"/courses/groups/{group.pk}/").content.decode()
    assert "allows at most 20 per group" in page
    group.refresh_from_db()
    assert group.status == GroupStatus.PLANNED
    assert group.start_date <= TODAY


def test_the_teacher_must_teach_for_the_provider(coordinator):
    group = planned()
    outsider = teacher(GroupFactory().course.provider)
    with pytest.raises(ValidationError, match="teacher of the course's provider"):
        services.change_group(coordinator, group, {"teacher": outsider}, group.version)
    caseworker = UserFactory(role=Role.CASEWORKER, organisation=group.course.provider)
    with pytest.raises(ValidationError, match="teacher role"):
        services.change_group(coordinator, group, {"teacher": caseworker}, group.version)
