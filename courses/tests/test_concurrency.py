"""No overfilling under simultaneous enrolments: the seat counter's conditional UPDATE decides
on SQLite (where select_for_update does nothing) as on PostgreSQL."""

import threading

import pytest
from django.db import close_old_connections, connection

from accounts.models import Role
from accounts.tests.factories import UserFactory
from courses import enrolment
from courses.choices import EnrolmentStatus
from courses.models import CourseGroup, Enrolment
from people.tests.factories import PersonFactory

from .factories import GroupFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_at_once(jobs) -> list:
    """Start every job on its own thread and connection at the same moment."""
    barrier = threading.Barrier(len(jobs))
    errors: list = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # noqa: BLE001 - reported to the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()
    return errors


@pytest.mark.parametrize("round_", range(3))
def test_two_simultaneous_enrolments_for_the_last_seat_give_it_to_one(round_):
    caseworker = UserFactory(role=Role.CASEWORKER)
    group = GroupFactory(capacity=1)
    persons = [PersonFactory(organisation=caseworker.organisation) for _ in range(2)]
    errors = run_at_once([lambda p=p: enrolment.enrol(caseworker, group, p) for p in persons])
    assert errors == []
    statuses = sorted(Enrolment.objects.filter(group=group).values_list("status", flat=True))
    assert statuses == [EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITING]
    assert CourseGroup.objects.get(pk=group.pk).seats_taken == 1


def test_many_simultaneous_enrolments_never_overfill():
    caseworker = UserFactory(role=Role.CASEWORKER)
    group = GroupFactory(capacity=3)
    persons = [PersonFactory(organisation=caseworker.organisation) for _ in range(8)]
    errors = run_at_once([lambda p=p: enrolment.enrol(caseworker, group, p) for p in persons])
    assert errors == []
    enrolments = Enrolment.objects.filter(group=group)
    assert enrolments.filter(status=EnrolmentStatus.ACTIVE).count() == 3
    assert enrolments.filter(status=EnrolmentStatus.WAITING).count() == 5
    assert CourseGroup.objects.get(pk=group.pk).seats_taken == 3


def test_simultaneous_withdrawals_move_distinct_people_up():
    caseworker = UserFactory(role=Role.CASEWORKER)
    group = GroupFactory(capacity=2)
    persons = [PersonFactory(organisation=caseworker.organisation) for _ in range(5)]
    made = [enrolment.enrol(caseworker, group, p) for p in persons]
    errors = run_at_once(
        [lambda e=e: enrolment.withdraw(caseworker, e, "Moved away") for e in made[:2]]
    )
    assert errors == []
    active = set(
        Enrolment.objects.filter(group=group, status=EnrolmentStatus.ACTIVE).values_list(
            "pk", flat=True
        )
    )
    assert active == {made[2].pk, made[3].pk}
    assert CourseGroup.objects.get(pk=group.pk).seats_taken == 2


def test_the_same_client_enrolled_twice_at_once_gets_one_place():
    caseworker = UserFactory(role=Role.CASEWORKER)
    group = GroupFactory(capacity=3)
    person = PersonFactory(organisation=caseworker.organisation)
    errors = run_at_once([lambda: enrolment.enrol(caseworker, group, person)] * 2)
    assert len(errors) <= 1
    assert Enrolment.objects.filter(group=group).count() == 1
    assert CourseGroup.objects.get(pk=group.pk).seats_taken == 1
