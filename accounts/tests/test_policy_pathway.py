"""persons_with_group: lists of one field group across clients agree with the per-person policy."""

import pytest

from accounts import policy
from accounts.models import Role
from accounts.policy import FieldGroup, RoleRule, Scope
from accounts.tests.factories import OrganisationFactory, UserFactory
from people.models import Person
from people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

# Who may list whose integration pathway, written out (own organisation, other organisation).
PATHWAY_LISTS = {
    Role.CASEWORKER: (True, False),
    Role.COORDINATOR: (True, True),
    Role.AUDITOR: (False, False),
    Role.ANALYST: (False, False),
    Role.PARTNER_STAFF: (False, False),
    Role.TEACHER: (False, False),
    Role.ADMINISTRATOR: (False, False),
}


@pytest.fixture
def world():
    centre = OrganisationFactory()
    return centre, PersonFactory(organisation=centre), PersonFactory()


@pytest.mark.parametrize("role", list(PATHWAY_LISTS))
def test_pathway_lists_match_the_written_expectation(world, role):
    centre, own, other = world
    user = UserFactory(role=role, organisation=centre)
    listed = set(policy.persons_with_group(user, Person.objects.all(), FieldGroup.PATHWAY))
    assert ((own in listed), (other in listed)) == PATHWAY_LISTS[role]


@pytest.mark.parametrize("role", list(PATHWAY_LISTS))
@pytest.mark.parametrize("group", list(FieldGroup))
def test_a_person_is_listed_exactly_when_the_group_may_be_read(world, role, group):
    centre, own, other = world
    user = UserFactory(role=role, organisation=centre)
    listed = set(policy.persons_with_group(user, Person.objects.all(), group))
    for person in (own, other):
        assert (person in listed) is policy.access(user, person).allows(group)


def test_the_rule_table_decides_not_the_role_name(world, monkeypatch):
    centre, own, _ = world
    user = UserFactory(role=Role.TEACHER, organisation=centre)
    rule = RoleRule(Scope.OWN_ORGANISATION, frozenset({FieldGroup.PATHWAY}))
    monkeypatch.setitem(policy.ROLE_RULES, Role.TEACHER, rule)
    persons = Person.objects.all()
    assert list(policy.persons_with_group(user, persons, FieldGroup.PATHWAY)) == [own]
    assert not policy.persons_with_group(user, persons, FieldGroup.CONTACT).exists()


def test_inactive_users_list_nobody(world):
    centre, _, _ = world
    user = UserFactory(organisation=centre, is_active=False)
    assert not policy.persons_with_group(user, Person.objects.all(), FieldGroup.PATHWAY).exists()
