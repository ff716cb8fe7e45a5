"""Enrolment from a plan's course measure or directly; the waiting list and moving up."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from accounts.tests.factories import UserFactory
from audit.models import Action, AuditEvent
from courses import enrolment, services
from courses.choices import EnrolmentStatus, GroupStatus
from courses.models import CourseGroup
from partners.models import Notification
from pathways.choices import MeasureStatus
from pathways.models import Measure
from people.tests.factories import PersonFactory, VulnerabilityFactory

from .factories import GroupFactory, austrian_plan

pytestmark = pytest.mark.django_db


def seats(group) -> int:
    return CourseGroup.objects.get(pk=group.pk).seats_taken


def test_enrolling_from_the_plan_measure_links_it_and_sets_it_in_progress(group, client_plan):
    caseworker, plan, measure = client_plan
    made = enrolment.enrol(caseworker, group, plan.person, measure)
    assert made.status == EnrolmentStatus.ACTIVE
    assert made.plan == plan and made.mandatory and made.measure_key == measure.key
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.IN_PROGRESS
    assert (measure.fulfilled_by_kind, measure.fulfilled_by_id) == ("course_enrolment", made.pk)
    assert seats(group) == 1
    event = AuditEvent.objects.get(actor=caseworker, detail__startswith="enrolment:")
    assert event.detail == f"enrolment:{made.pk}:active" and event.ground == "role:caseworker"


def test_a_direct_enrolment_still_counts_for_the_open_plan_under_the_programme(group, client_plan):
    caseworker, plan, measure = client_plan
    made = enrolment.enrol(caseworker, group, plan.person)
    assert made.plan == plan and made.measure_key is None
    measure.refresh_from_db()
    assert measure.fulfilled_by_id is None


def test_a_measure_cannot_be_carried_out_twice_nor_for_another_client(group, caseworker):
    _, plan, measure = austrian_plan(caseworker)
    _, other_plan, _ = austrian_plan(caseworker)
    with pytest.raises(ValidationError, match="another client"):
        enrolment.enrol(caseworker, group, other_plan.person, measure)
    enrolment.enrol(caseworker, group, plan.person, measure)
    second = GroupFactory(course=group.course)
    with pytest.raises(ValidationError, match="already carried out"):
        enrolment.enrol(caseworker, second, plan.person, Measure.objects.get(pk=measure.pk))


def test_nobody_is_enrolled_twice_in_one_group(group, client_plan):
    caseworker, plan, _ = client_plan
    enrolment.enrol(caseworker, group, plan.person)
    with pytest.raises(ValidationError, match="already enrolled"):
        enrolment.enrol(caseworker, group, plan.person)
    assert seats(group) == 1


def test_a_full_group_puts_the_client_on_the_waiting_list(group, caseworker):
    people = [austrian_plan(caseworker)[1].person for _ in range(4)]
    made = [enrolment.enrol(caseworker, group, p) for p in people]
    assert [e.status for e in made] == ["active"] * 3 + ["waiting"]
    assert seats(group) == 3
    assert list(enrolment.waiting_list(group)) == [made[3]]


def test_when_a_seat_frees_the_first_waiting_moves_up_and_the_caseworker_is_told(group, caseworker):
    people = [austrian_plan(caseworker)[1].person for _ in range(5)]
    made = [enrolment.enrol(caseworker, group, p) for p in people]
    promoted = enrolment.withdraw(caseworker, made[0], "Moved to Graz")
    assert [e.pk for e in promoted] == [made[3].pk]
    made[3].refresh_from_db()
    assert made[3].status == EnrolmentStatus.ACTIVE and made[3].enrolled_at
    assert seats(group) == 3
    note = Notification.objects.get(user=caseworker)
    assert f"Client no. {people[3].pk} moved up" in note.text
    assert note.url == f"/people/{people[3].pk}/"
    # Leaving the waiting list frees no seat.
    assert enrolment.withdraw(caseworker, made[4], "Found work") == []
    assert seats(group) == 3


def test_withdrawing_sets_the_measure_not_done_with_the_reason(group, client_plan):
    caseworker, plan, measure = client_plan
    made = enrolment.enrol(caseworker, group, plan.person, measure)
    with pytest.raises(ValidationError):
        enrolment.withdraw(caseworker, made, " ")
    enrolment.withdraw(caseworker, made, "Moved to Graz")
    measure.refresh_from_db()
    assert (measure.status, measure.status_reason) == (MeasureStatus.NOT_DONE, "Moved to Graz")
    with pytest.raises(ValidationError, match="already ended"):
        enrolment.withdraw(caseworker, made, "again")


def test_mandatory_participants_wait_ahead_under_the_austrian_rule(group, caseworker):
    for _ in range(3):
        enrolment.enrol(caseworker, group, austrian_plan(caseworker)[1].person)
    voluntary = PersonFactory(organisation=caseworker.organisation)
    first = enrolment.enrol(caseworker, group, voluntary)
    mandatory = enrolment.enrol(caseworker, group, austrian_plan(caseworker)[1].person)
    assert not first.mandatory and mandatory.mandatory
    assert list(enrolment.waiting_list(group)) == [mandatory, first]


def test_vulnerable_clients_wait_ahead_under_the_czech_rule(caseworker):
    group = GroupFactory(programme_id="cz-sip", capacity=1)
    persons = [PersonFactory(organisation=caseworker.organisation) for _ in range(3)]
    VulnerabilityFactory(person=persons[2])
    made = [enrolment.enrol(caseworker, group, p) for p in persons]
    assert list(enrolment.waiting_list(group)) == [made[2], made[1]]


def test_raising_the_capacity_moves_waiting_clients_up(group, caseworker):
    made = [
        enrolment.enrol(caseworker, group, austrian_plan(caseworker)[1].person) for _ in range(5)
    ]
    coordinator = UserFactory(role=Role.COORDINATOR)
    services.change_group(coordinator, group, {"capacity": 4}, group.version)
    statuses = [type(e).objects.get(pk=e.pk).status for e in made]
    assert statuses == ["active"] * 4 + ["waiting"]


def test_only_the_clients_own_caseworkers_enrol(group, client_plan):
    _, plan, _ = client_plan
    for user in (
        UserFactory(role=Role.CASEWORKER),
        UserFactory(role=Role.COORDINATOR),
        group.teacher,
        UserFactory(role=Role.PARTNER_STAFF, organisation=group.course.provider),
    ):
        with pytest.raises(PermissionDenied):
            enrolment.enrol(user, group, plan.person)
    assert AuditEvent.objects.filter(action=Action.DENIED, person_id=plan.person.pk).count() == 4


def test_a_planned_or_closed_group_takes_nobody(client_plan):
    caseworker, plan, _ = client_plan
    for status in (GroupStatus.PLANNED, GroupStatus.CLOSED):
        with pytest.raises(ValidationError, match="not open"):
            enrolment.enrol(caseworker, GroupFactory(status=status), plan.person)


def test_closing_completes_participants_and_lets_the_waiting_list_go(group, caseworker):
    made = []
    for _ in range(4):
        _, plan, measure = austrian_plan(caseworker)
        made.append(enrolment.enrol(caseworker, group, plan.person, measure))
    coordinator = UserFactory(role=Role.COORDINATOR)
    services.close_group(coordinator, group, group.version)
    statuses = [type(e).objects.get(pk=e.pk).status for e in made]
    assert statuses == ["completed"] * 3 + ["withdrawn"]
    waiting_measure = Measure.objects.get(fulfilled_by_id=made[3].pk)
    assert waiting_measure.status == MeasureStatus.NOT_DONE
    # The course ends with an exam: the others' measures wait for its result.
    assert Measure.objects.get(fulfilled_by_id=made[0].pk).status == MeasureStatus.IN_PROGRESS
