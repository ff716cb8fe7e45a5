"""The partner network over the API: a partner's own system pulls its inbox and pushes
outcomes; caseworkers send and follow referrals."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.tests.factories import UserFactory
from audit.models import Action, AuditEvent
from partners import services
from partners.choices import ReferralStatus as S
from partners.models import Referral
from pathways.choices import MeasureStatus
from people.tests.factories import PersonFactory

from .conftest import VULNERABILITY_CANARY
from .factories import ServiceFactory, consent_to, plan_with_referral_measure

pytestmark = pytest.mark.django_db
DEADLINE = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_services_and_agreements_are_listed_and_filtered(net):
    ServiceFactory(name="Romanian course", area="language", region="Bălți", languages="ro")
    client = api(net.partner)
    rows = client.get("/api/v1/services/", {"area": "employment", "language": "en"}).json()
    assert [r["name"] for r in rows["results"]] == ["Job matching and registration"]
    one = client.get(f"/api/v1/services/{net.service.pk}/").json()
    assert one["languages"] == ["ro", "ru", "en"] and one["organisation"]["id"] == net.employment.pk
    assert client.get("/api/v1/services/", {"region": "Bălți"}).json()["results"][0]["area"] == (
        "language"
    )
    agreement = client.get(f"/api/v1/agreements/{net.agreement.pk}/").json()
    assert {p["organisation"]["name"] for p in agreement["parties"]} == {
        "Chisinau Integration Centre",
        "National Employment Agency",
    }
    assert client.get("/api/v1/agreements/abc/").status_code == 404


def test_caseworker_creates_a_referral_for_a_plan_measure(net):
    _plan, measure = plan_with_referral_measure(net.caseworker, net.person)
    consent = consent_to(net.person, net.employment)
    body = {
        "person": net.person.pk,
        "service": net.service.pk,
        "purpose": "employment",
        "deadline": DEADLINE,
        "consent": consent.pk,
        "measure": measure.pk,
    }
    response = api(net.caseworker).post("/api/v1/referrals/", body, format="json")
    assert response.status_code == 201
    data = response.json()
    assert (data["status"], data["person"], data["version"]) == ("sent", net.person.pk, 1)
    assert data["person_name"] == "Мухаммед Аль-Хасан (Muhammad Al-Hassan)"
    assert data["consent"]["purpose"] == "employment"
    assert data["measure_key"] == str(measure.key)
    assert [e["status"] for e in data["events"]] == ["sent"]


def test_creation_refusals_are_400_with_the_services_message(net):
    client = api(net.caseworker)
    body = {"person": net.person.pk, "service": ServiceFactory().pk, "purpose": "employment"}
    body["deadline"] = DEADLINE
    refused = client.post("/api/v1/referrals/", body, format="json")
    assert refused.status_code == 400
    assert "no partnership agreement in force" in refused.json()["service"][0]
    # A consent of another client is not this client's.
    other = consent_to(PersonFactory(organisation=net.centre), net.employment)
    body.update(service=net.service.pk, consent=other.pk)
    wrong = client.post("/api/v1/referrals/", body, format="json")
    assert wrong.json() == {"consent": ["The client has no such consent."]}
    assert api(net.partner).post("/api/v1/referrals/", body, format="json").status_code == 404


def test_partner_pulls_the_inbox_and_pushes_the_outcome(net):
    _plan, measure = plan_with_referral_measure(net.caseworker, net.person)
    referral = services.create_referral(
        net.caseworker,
        net.person,
        net.service,
        "employment",
        timezone.localdate() + datetime.timedelta(days=5),
        consent=consent_to(net.person, net.employment),
        measure=measure,
    )
    client = api(net.partner)
    inbox = client.get("/api/v1/referrals/").json()["results"]
    assert [r["id"] for r in inbox] == [referral.pk]
    assert inbox[0]["person"] == net.person.pk and inbox[0]["shared_groups"] == [
        "contact",
        "education_work",
        "identity",
    ]
    assert AuditEvent.objects.filter(actor=net.partner, action=Action.LIST).count() == 1
    url = f"/api/v1/referrals/{referral.pk}/move/"
    accepted = client.post(url, {"status": "accepted", "version": 1}, format="json")
    assert accepted.status_code == 200 and accepted.json()["version"] == 2
    stale = client.post(url, {"status": "declined", "reason": "x", "version": 1}, format="json")
    assert stale.status_code == 409 and stale.json()["version"] == 2
    wrong = client.post(url, {"status": "revoked", "reason": "x", "version": 2}, format="json")
    assert wrong.status_code == 403
    done = client.post(url, {"status": "completed", "reason": "Hired", "version": 2}, format="json")
    assert done.json()["status"] == "completed" and done.json()["person"] is None
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.DONE
    assert client.get("/api/v1/referrals/", {"status": "sent"}).json()["results"] == []
    assert (
        VULNERABILITY_CANARY not in client.get(f"/api/v1/referrals/{referral.pk}/").content.decode()
    )


def test_names_only_with_identity_and_other_partners_see_nothing(net):
    net.service.field_groups = ["contact"]
    net.service.save()
    referral = services.create_referral(
        net.caseworker,
        net.person,
        net.service,
        "employment",
        timezone.localdate(),
        consent=consent_to(net.person, net.employment),
    )
    row = api(net.partner).get("/api/v1/referrals/").json()["results"][0]
    assert (row["person"], row["person_name"]) == (None, None)
    assert not AuditEvent.objects.filter(actor=net.partner, action=Action.LIST).exists()
    stranger = api(UserFactory(role=Role.PARTNER_STAFF))
    assert stranger.get("/api/v1/referrals/").json()["results"] == []
    assert stranger.get(f"/api/v1/referrals/{referral.pk}/").status_code == 404


def test_coordinator_lists_every_referral_and_overrides_a_held_one(net):
    held = services.create_referral(
        net.caseworker, net.person, net.service, "employment", timezone.localdate()
    )
    client = api(net.coordinator)
    assert [r["status"] for r in client.get("/api/v1/referrals/").json()["results"]] == ["held"]
    url = f"/api/v1/referrals/{held.pk}/override/"
    assert "20 characters" in client.post(url, {"reason": "short"}).json()["override_reason"][0]
    released = client.post(url, {"reason": "Legal obligation, deadline within days"})
    assert released.status_code == 200 and released.json()["status"] == "sent"
    assert api(net.caseworker).post(url, {"reason": "x" * 30}).status_code == 403
    assert Referral.objects.get().status == S.SENT
