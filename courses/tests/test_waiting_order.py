"""The waiting list's order in SQL is the order the profile's priority keys define."""

import datetime
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.choices import EnrolmentStatus
from courses.models import Enrolment
from courses.waiting import Candidate, ordered, sort_key
from pathways.programmes.schema import PRIORITY_KEYS
from people.models import Person, Vulnerability

from .factories import GroupFactory

BASE = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
candidates = st.lists(
    st.tuples(
        st.booleans(),  # mandatory
        st.integers(0, 5),  # days waited (ties likely)
        st.booleans(),  # vulnerable
        st.one_of(st.none(), st.dates(datetime.date(1950, 1, 1), datetime.date(2010, 1, 1))),
    ),
    min_size=1,
    max_size=8,
)
priorities = st.lists(st.sampled_from(PRIORITY_KEYS), unique=True, max_size=4)


def test_python_order_follows_the_keys_in_turn():
    young = Candidate(1, False, BASE, False, datetime.date(2005, 1, 1))
    old_mandatory = Candidate(2, True, BASE, False, datetime.date(1960, 1, 1))
    early = Candidate(3, False, BASE - datetime.timedelta(days=1), True, None)
    people = [young, old_mandatory, early]
    assert sorted(people, key=sort_key(["mandatory_first"])) == [old_mandatory, young, early]
    assert sorted(people, key=sort_key(["age"]))[0] == young
    assert sorted(people, key=sort_key(["age"]))[-1] == early  # unknown birth date last
    assert sorted(people, key=sort_key(["vulnerability"]))[0] == early
    assert sorted(people, key=sort_key([]))[0] == early  # default: who asked first


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=candidates, priority=priorities)
def test_the_database_orders_the_waiting_list_like_the_rule(rows, priority):
    group = GroupFactory(programme_id="")
    expected = []
    for mandatory, days, vulnerable, born in rows:
        person = Person.objects.create(
            given_name="X", sex="F", birth_date=born, organisation=group.course.provider
        )
        if vulnerable:
            Vulnerability.objects.create(person=person, kind="disability")
        requested = BASE + datetime.timedelta(days=days)
        enrolment = Enrolment.objects.create(
            group=group,
            person=person,
            status=EnrolmentStatus.WAITING,
            mandatory=mandatory,
            requested_at=requested,
        )
        expected.append(Candidate(enrolment.pk, mandatory, requested, vulnerable, born))
    waiting = Enrolment.objects.filter(group=group)
    in_sql = list(ordered(waiting, priority).values_list("pk", flat=True))
    assert in_sql == [c.id for c in sorted(expected, key=sort_key(priority))]


def test_every_permutation_of_keys_is_accepted():
    for keys in itertools.permutations(PRIORITY_KEYS):
        sort_key(keys)(Candidate(1, True, BASE, True, None))
