"""Teacher access through course groups: teacher of the group / of another group / after the
enrolment ended × every field group × staff UI and API, with canary values that must never
reach a teacher without the right."""

import datetime

import pytest
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.policy import FieldGroup
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from courses import enrolment, services
from pathways.models import Plan
from pathways.tests.factories import AssessmentFactory
from people.models import Household, HouseholdMember, Qualification
from people.tests.factories import LegalStatusFactory, PersonFactory, VulnerabilityFactory

from .factories import GroupFactory

G = FieldGroup
TEACHING = {G.IDENTITY, G.CONTACT}
SITUATIONS = ["teacher_of_group", "teacher_of_other_group", "after_enrolment_ended"]
CANARIES = {
    G.IDENTITY: "CanaryIdentityName",
    G.CONTACT: "canary-contact@example.org",
    G.LEGAL_STATUS: "Canary Legal Authority",
    G.FAMILY: "CANARY-HOUSEHOLD",
    G.EDUCATION_WORK: "Canary Qualification Title",
    G.VULNERABILITIES: "Canary vulnerability note",
    G.PATHWAY: "canary-programme",
}


def expected(situation: str) -> set:
    return TEACHING if situation == "teacher_of_group" else set()


@pytest.fixture
def world(db):
    caseworker = UserFactory(role=Role.CASEWORKER)
    organisation = caseworker.organisation
    person = PersonFactory(
        organisation=organisation, family_name=CANARIES[G.IDENTITY], email=CANARIES[G.CONTACT]
    )
    LegalStatusFactory(person=person, issuing_authority=CANARIES[G.LEGAL_STATUS])
    household = Household.objects.create(reference=CANARIES[G.FAMILY], organisation=organisation)
    HouseholdMember.objects.create(household=household, person=person, relationship="head")
    Qualification.objects.create(person=person, title=CANARIES[G.EDUCATION_WORK])
    VulnerabilityFactory(person=person, note=CANARIES[G.VULNERABILITIES])
    Plan.objects.create(
        person=person,
        organisation=organisation,
        assessment=AssessmentFactory(person=person),
        programme_id=CANARIES[G.PATHWAY],
        programme_version="1",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2027, 1, 1),
    )
    group = GroupFactory()
    other_group = GroupFactory(course=group.course)
    enrolment.enrol(caseworker, other_group, PersonFactory(organisation=organisation))
    made = enrolment.enrol(caseworker, group, person)
    return {
        "person": person,
        "group": group,
        "other": other_group,
        "enrolment": made,
        "caseworker": caseworker,
    }


def teacher_in(world, situation: str):
    if situation == "teacher_of_other_group":
        return world["other"].teacher
    if situation == "after_enrolment_ended":
        enrolment.withdraw(world["caseworker"], world["enrolment"], "Moved to Graz")
    return world["group"].teacher


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("group", list(G))
def test_teacher_page_shows_a_group_only_to_the_groups_teacher_while_enrolled(
    client, world, situation, group
):
    teacher = teacher_in(world, situation)
    sign_in(client, teacher)
    response = client.get(f"/people/{world['person'].pk}/", {"tab": group.value})
    allowed = group in expected(situation)
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == (403 if expected(situation) else 404)
    body = response.content.decode()
    assert (CANARIES[group] in body) is allowed
    for other, canary in CANARIES.items():
        if other not in expected(situation):
            assert canary not in body, f"{other} leaked on the {group} tab"


@pytest.mark.parametrize("situation", SITUATIONS)
def test_teacher_api_returns_exactly_identity_and_contact(world, situation):
    teacher = teacher_in(world, situation)
    api = APIClient()
    api.force_authenticate(teacher)
    detail = api.get(f"/api/v1/persons/{world['person'].pk}/")
    listing = api.get("/api/v1/persons/").content.decode()
    search = api.get("/api/v1/persons/", {"q": CANARIES[G.IDENTITY]}).json()["results"]
    enrolments = api.get("/api/v1/enrolments/").json()["results"]
    if expected(situation):
        assert {k for k in detail.json() if k in set(G)} == TEACHING
        assert [row["id"] for row in search] == [world["person"].pk]
        assert world["enrolment"].pk in [row["id"] for row in enrolments]
    else:
        assert detail.status_code == 404
        assert search == []
        assert world["enrolment"].pk not in [row["id"] for row in enrolments]
    body = detail.content.decode() + listing
    for group, canary in CANARIES.items():
        assert (canary in body) is (group in expected(situation)), group


@pytest.mark.parametrize("situation", SITUATIONS)
def test_the_group_page_names_only_the_teachers_own_participants(client, world, situation):
    teacher = teacher_in(world, situation)
    sign_in(client, teacher)
    response = client.get(f"/courses/groups/{world['group'].pk}/")
    if situation == "teacher_of_other_group":
        assert response.status_code == 404
        return
    body = response.content.decode()
    assert (CANARIES[G.IDENTITY] in body) is (situation == "teacher_of_group")
    for group in set(G) - {G.IDENTITY}:
        assert CANARIES[group] not in body, group


def test_closing_the_group_ends_the_teachers_access(client, world):
    teacher = world["group"].teacher
    sign_in(client, teacher)
    assert client.get(f"/people/{world['person'].pk}/").status_code == 200
    coordinator = UserFactory(role=Role.COORDINATOR)
    services.close_group(coordinator, world["group"], world["group"].version)
    assert client.get(f"/people/{world['person'].pk}/").status_code == 404


def test_teacher_reads_are_audited_with_the_course_group_as_ground(client, world):
    teacher = world["group"].teacher
    sign_in(client, teacher)
    client.get(f"/people/{world['person'].pk}/", {"tab": "contact"})
    event = AuditEvent.objects.get(actor=teacher, action=Action.VIEW)
    assert event.ground == f"course_group:{world['group'].pk}"
    assert event.field_groups == "contact"
    client.get(f"/courses/groups/{world['group'].pk}/")
    listed = AuditEvent.objects.get(actor=teacher, action=Action.LIST, person_id=world["person"].pk)
    assert listed.detail == f"course_group:{world['group'].pk}"
    client.get(f"/people/{world['person'].pk}/", {"tab": "vulnerabilities"})
    assert AuditEvent.objects.filter(actor=teacher, action=Action.DENIED).exists()
