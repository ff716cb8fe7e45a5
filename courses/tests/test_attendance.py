"""The teacher's register, attendance rates, and unexcused absences that reach the programme's
sanction thresholds (Austria: a warning at three, a benefit-reduction notice at six)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from courses import attendance, enrolment
from courses.choices import Mark
from courses.models import SanctionNotice
from partners.models import Notification

from .factories import session

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(group, client_plan):
    caseworker, plan, measure = client_plan
    return caseworker, plan, enrolment.enrol(caseworker, group, plan.person, measure)


def absent(group, made, times: int, start: int = 0) -> None:
    for day in range(start, start + times):
        lesson = session(group, days_ago=day + 1)
        attendance.record_register(group.teacher, lesson, {made.pk: Mark.UNEXCUSED})


def test_the_teacher_records_the_register_and_the_rate_is_counted(group, enrolled):
    _, _, made = enrolled
    marks = [Mark.PRESENT, Mark.PRESENT, Mark.EXCUSED, Mark.UNEXCUSED]
    for day, mark in enumerate(marks, start=1):
        attendance.record_register(group.teacher, session(group, days_ago=day), {made.pk: mark})
    rate = attendance.rates([made.pk])[made.pk]
    assert (rate.present, rate.excused, rate.unexcused, rate.percent) == (2, 1, 1, 50)
    event = AuditEvent.objects.filter(actor=group.teacher, action=Action.UPDATE).first()
    assert event.ground == f"course_group:{group.pk}"
    assert event.field_groups == "identity"


def test_correcting_a_mark_keeps_one_row(group, enrolled):
    _, _, made = enrolled
    lesson = session(group)
    attendance.record_register(group.teacher, lesson, {made.pk: Mark.UNEXCUSED})
    attendance.record_register(group.teacher, lesson, {made.pk: Mark.EXCUSED})
    assert attendance.rates([made.pk])[made.pk].unexcused == 0


def test_only_the_groups_teacher_keeps_its_register(group, enrolled):
    _, _, made = enrolled
    lesson = session(group)
    for user in (
        UserFactory(role=Role.TEACHER, organisation=group.course.provider),
        UserFactory(role=Role.COORDINATOR),
        enrolled[0],
    ):
        with pytest.raises(PermissionDenied):
            attendance.record_register(user, lesson, {made.pk: Mark.PRESENT})
    with pytest.raises(ValidationError):
        attendance.record_register(group.teacher, lesson, {made.pk: "asleep"})
    with pytest.raises(ValidationError, match="not in this group"):
        attendance.record_register(group.teacher, lesson, {made.pk + 999: Mark.PRESENT})


def test_the_third_unexcused_absence_issues_the_warning_once_and_tells_the_caseworker(
    group, enrolled
):
    caseworker, plan, made = enrolled
    absent(group, made, 2)
    assert not SanctionNotice.objects.exists()
    absent(group, made, 2, start=2)
    notice = SanctionNotice.objects.get()
    assert (notice.sanction_code, notice.action, notice.count) == ("absence-warning", "warning", 3)
    assert notice.plan == plan and notice.person == plan.person
    [note] = Notification.objects.filter(user=caseworker)
    assert "absence-warning" in note.text and note.url == f"/pathways/plans/{plan.pk}/"
    absent(group, made, 2, start=4)
    codes = set(SanctionNotice.objects.values_list("sanction_code", flat=True))
    assert codes == {"absence-warning", "absence-benefit-reduction"}


def test_the_notice_shows_on_the_plan_and_the_persons_pathway(client, group, enrolled):
    caseworker, plan, made = enrolled
    absent(group, made, 3)
    sign_in(client, caseworker)
    for url in (f"/pathways/plans/{plan.pk}/", f"/people/{plan.person.pk}/?tab=pathway"):
        page = client.get(url).content.decode()
        assert "Sanction notices" in page and "absence-warning" in page, url


def test_excused_absences_trigger_nothing(group, enrolled):
    _, _, made = enrolled
    for day in range(1, 8):
        attendance.record_register(
            group.teacher, session(group, days_ago=day), {made.pk: "excused"}
        )
    assert not SanctionNotice.objects.exists()


def test_the_register_page_saves_the_marks(client, group, enrolled):
    _, _, made = enrolled
    lesson = session(group)
    sign_in(client, group.teacher)
    page = client.get(f"/courses/sessions/{lesson.pk}/register/")
    assert page.status_code == 200 and "Tesfay Habte" in page.content.decode()
    response = client.post(
        f"/courses/sessions/{lesson.pk}/register/", {f"mark-{made.pk}": "unexcused"}
    )
    assert response.status_code == 302
    assert attendance.rates([made.pk])[made.pk].unexcused == 1
    other = UserFactory(role=Role.TEACHER)
    sign_in(client, other)
    assert client.get(f"/courses/sessions/{lesson.pk}/register/").status_code == 404
