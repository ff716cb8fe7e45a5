"""Partner access through referrals: every referral state × consent state × field group, in the
staff UI and the API, with canary values that must never reach a partner without the right."""

import datetime

import pytest
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.policy import FieldGroup
from accounts.tests.factories import UserFactory, sign_in
from partners.choices import ReferralStatus
from partners.models import Referral
from people.models import Consent, Qualification
from people.tests.factories import LegalStatusFactory, PersonFactory, VulnerabilityFactory

from .factories import SERVICE_GROUPS, ServiceFactory, agreement_between

G = FieldGroup
TODAY = datetime.date.today()
ACTIVE = {ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}
CONSENT_STATES = ["active", "withdrawn", "expired", "override", "none"]
CANARIES = {
    G.IDENTITY: "CanaryFamilyName",
    G.CONTACT: "canary-phone-5550101",
    G.LEGAL_STATUS: "Canary Status Authority",
    G.EDUCATION_WORK: "Canary Diploma Title",
    G.VULNERABILITIES: "Canary torture survivor note",
}
CHECKED_GROUPS = list(CANARIES)


def expected_groups(state: str, consent: str) -> set:
    stands = consent in ("active", "override")
    return set(SERVICE_GROUPS) if state in ACTIVE and stands else set()


@pytest.fixture
def world(db):
    person = PersonFactory(family_name=CANARIES[G.IDENTITY], phone=CANARIES[G.CONTACT])
    LegalStatusFactory(person=person, issuing_authority=CANARIES[G.LEGAL_STATUS])
    Qualification.objects.create(person=person, title=CANARIES[G.EDUCATION_WORK])
    VulnerabilityFactory(person=person, note=CANARIES[G.VULNERABILITIES])
    service = ServiceFactory()
    agreement = agreement_between(person.organisation, service.organisation)
    partner = UserFactory(role=Role.PARTNER_STAFF, organisation=service.organisation)
    return {"person": person, "service": service, "agreement": agreement, "partner": partner}


def _refer(world, state: str, consent_state: str) -> Referral:
    person = world["person"]
    consent = None
    if consent_state in ("active", "withdrawn", "expired"):
        consent = Consent.objects.create(
            person=person,
            purpose="employment",
            recipient=world["service"].organisation,
            field_groups=SERVICE_GROUPS,
            given_on=TODAY - datetime.timedelta(days=30),
            withdrawn_on=TODAY if consent_state == "withdrawn" else None,
            expires_on=TODAY - datetime.timedelta(days=1) if consent_state == "expired" else None,
        )
    return Referral.objects.create(
        person=person,
        sender=person.organisation,
        service=world["service"],
        receiver=world["service"].organisation,
        agreement=world["agreement"],
        purpose="employment",
        deadline=TODAY,
        shared_groups=Referral.encode_groups(SERVICE_GROUPS),
        consent=consent,
        status=state,
        override_by=UserFactory(role=Role.COORDINATOR) if consent_state == "override" else None,
        override_reason="Urgent: client unreachable, employment deadline"
        * (consent_state == "override"),
    )


CASES = [(s, c) for s in ReferralStatus for c in CONSENT_STATES]


@pytest.mark.parametrize(("state", "consent"), CASES)
@pytest.mark.parametrize("group", CHECKED_GROUPS)
def test_partner_page_shows_a_group_only_with_active_referral_and_standing_consent(
    client, world, state, consent, group
):
    _refer(world, state, consent)
    sign_in(client, world["partner"])
    response = client.get(f"/people/{world['person'].pk}/", {"tab": group.value})
    allowed = group in expected_groups(state, consent)
    assert (response.status_code == 200) is allowed
    body = response.content.decode()
    assert (CANARIES[group] in body) is allowed
    for other, canary in CANARIES.items():
        if other not in expected_groups(state, consent):
            assert canary not in body, f"{other} leaked"


@pytest.mark.parametrize(("state", "consent"), CASES)
def test_partner_api_returns_exactly_the_shared_groups(world, state, consent):
    _refer(world, state, consent)
    api = APIClient()
    api.force_authenticate(world["partner"])
    detail = api.get(f"/api/v1/persons/{world['person'].pk}/")
    listing = api.get("/api/v1/persons/").content.decode()
    search = api.get("/api/v1/persons/", {"q": CANARIES[G.IDENTITY]}).json()["results"]
    expected = expected_groups(state, consent)
    if expected:
        assert {k for k in detail.json() if k in set(G)} == expected
        assert [row["id"] for row in search] == [world["person"].pk]
    else:
        assert detail.status_code == 404
        assert search == []
    body = detail.content.decode() + listing
    for group, canary in CANARIES.items():
        assert (canary in body) is (group in expected), group


def test_second_partner_without_referral_gets_nothing(client, world):
    _refer(world, ReferralStatus.ACCEPTED, "active")
    other_partner = UserFactory(role=Role.PARTNER_STAFF)
    sign_in(client, other_partner)
    assert client.get(f"/people/{world['person'].pk}/").status_code == 404
    page = client.get("/people/", {"q": "Muhammad"}).content.decode()
    assert f"/people/{world['person'].pk}/" not in page
    assert CANARIES[G.CONTACT] not in page


def test_withdrawing_consent_stops_access_at_once(client, world):
    referral = _refer(world, ReferralStatus.IN_PROGRESS, "active")
    sign_in(client, world["partner"])
    assert client.get(f"/people/{world['person'].pk}/").status_code == 200
    Consent.objects.filter(pk=referral.consent_id).update(withdrawn_on=TODAY)
    assert client.get(f"/people/{world['person'].pk}/").status_code == 404


def test_partner_reads_are_audited_with_the_referral_as_ground(client, world):
    from audit.models import AuditEvent

    referral = _refer(world, ReferralStatus.ACCEPTED, "active")
    sign_in(client, world["partner"])
    client.get(f"/people/{world['person'].pk}/", {"tab": "contact"})
    event = AuditEvent.objects.filter(actor=world["partner"], action="view").get()
    assert event.ground == f"referral:{referral.pk}"
    assert event.field_groups == "contact"
