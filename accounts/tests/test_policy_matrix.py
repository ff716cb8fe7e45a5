"""Every role × field group × own/other organisation × interface, against a written expectation.

The expectation is spelled out here, not read from the policy module, so a change to the
policy that is not also a deliberate change to this table fails the suite.
"""

import datetime

import pytest

from accounts.models import Role
from accounts.policy import FieldGroup
from accounts.tests.factories import OrganisationFactory, UserFactory, sign_in
from pathways.models import Plan
from pathways.tests.factories import AssessmentFactory
from people.models import Household, HouseholdMember, Qualification
from people.tests.factories import LegalStatusFactory, PersonFactory, VulnerabilityFactory

G = FieldGroup
ALL = set(G)
NATIONAL_VIEW = {G.IDENTITY, G.LEGAL_STATUS, G.FAMILY, G.EDUCATION_WORK, G.PATHWAY}
EXPECTED = {
    # role: (groups for a client of the user's own organisation, ... of another organisation)
    Role.CASEWORKER: (ALL, set()),
    Role.COORDINATOR: (NATIONAL_VIEW, NATIONAL_VIEW),
    Role.AUDITOR: ({G.IDENTITY}, {G.IDENTITY}),
    Role.ANALYST: (set(), set()),
    Role.PARTNER_STAFF: (set(), set()),
    Role.TEACHER: (set(), set()),
    Role.ADMINISTRATOR: (set(), set()),
}
CANARIES = {
    G.IDENTITY: "CanaryIdentityName",
    G.CONTACT: "canary-contact@example.org",
    G.LEGAL_STATUS: "Canary Legal Authority",
    G.FAMILY: "CANARY-HOUSEHOLD",
    G.EDUCATION_WORK: "Canary Qualification Title",
    G.VULNERABILITIES: "Canary vulnerability note",
    G.PATHWAY: "canary-programme",
}
CASES = [(role, own, group) for role in EXPECTED for own in (True, False) for group in FieldGroup]


def _client_with_canaries(organisation):
    person = PersonFactory(
        organisation=organisation,
        family_name=CANARIES[G.IDENTITY],
        email=CANARIES[G.CONTACT],
    )
    LegalStatusFactory(person=person, issuing_authority=CANARIES[G.LEGAL_STATUS])
    household = Household.objects.create(
        reference=f"{CANARIES[G.FAMILY]}-{organisation.pk}", organisation=organisation
    )
    HouseholdMember.objects.create(household=household, person=person, relationship="head")
    Qualification.objects.create(person=person, title=CANARIES[G.EDUCATION_WORK])
    VulnerabilityFactory(person=person, note=CANARIES[G.VULNERABILITIES])
    assessment = AssessmentFactory(person=person)
    Plan.objects.create(
        person=person,
        organisation=organisation,
        assessment=assessment,
        programme_id=CANARIES[G.PATHWAY],
        programme_version="1",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2027, 1, 1),
    )
    return person


@pytest.fixture
def world(db):
    centre, other = OrganisationFactory(), OrganisationFactory()
    return {
        "own": _client_with_canaries(centre),
        "other": _client_with_canaries(other),
        "organisation": centre,
        "recorded": datetime.date.today(),
    }


def _expected(role, own, group) -> bool:
    return group in EXPECTED[role][0 if own else 1]


def _user(world, role):
    return UserFactory(role=role, organisation=world["organisation"])


@pytest.mark.parametrize(("role", "own", "group"), CASES)
def test_staff_page_shows_exactly_the_allowed_field_group(client, world, role, own, group):
    person = world["own" if own else "other"]
    sign_in(client, _user(world, role))
    response = client.get(f"/people/{person.pk}/", {"tab": group.value})
    body = response.content.decode()
    if _expected(role, own, group):
        assert response.status_code == 200
        assert CANARIES[group] in body
    else:
        assert response.status_code in (403, 404)
        assert CANARIES[group] not in body
    for other_group, canary in CANARIES.items():
        if other_group not in (group, G.IDENTITY):
            assert canary not in body, f"{other_group} leaked on the {group} tab"


@pytest.mark.parametrize(("role", "own", "group"), CASES)
def test_api_returns_exactly_the_allowed_field_group(client, world, role, own, group):
    person = world["own" if own else "other"]
    sign_in(client, _user(world, role))
    response = client.get(f"/api/v1/persons/{person.pk}/")
    body = response.content.decode()
    if _expected(role, own, group):
        assert response.status_code == 200
        assert group.value in response.json()
        assert CANARIES[group] in body
    else:
        assert CANARIES[group] not in body
        if response.status_code == 200:
            assert group.value not in response.json()


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("own", [True, False])
def test_lists_and_search_include_a_person_only_when_some_group_is_allowed(
    client, world, role, own
):
    person = world["own" if own else "other"]
    visible = bool(EXPECTED[role][0 if own else 1])
    sign_in(client, _user(world, role))
    api_ids = [row["id"] for row in client.get("/api/v1/persons/").json()["results"]]
    api_search = client.get("/api/v1/persons/", {"q": CANARIES[G.IDENTITY]}).json()["results"]
    page = client.get("/people/", {"q": CANARIES[G.IDENTITY]}).content.decode()
    assert (person.pk in api_ids) is visible
    assert (person.pk in [row["id"] for row in api_search]) is visible
    assert (f"/people/{person.pk}/" in page) is visible


@pytest.mark.parametrize("role", list(EXPECTED))
def test_household_visible_only_with_family_group(client, world, role):
    household = Household.objects.get(members__person=world["own"])
    sign_in(client, _user(world, role))
    page = client.get(f"/people/households/{household.pk}/")
    api = client.get("/api/v1/households/").json()["results"]
    allowed = G.FAMILY in EXPECTED[role][0]
    assert (page.status_code == 200) is allowed
    assert (household.pk in [h["id"] for h in api]) is allowed
