import datetime

import pytest
from rest_framework.test import APIClient

from accounts import policy
from accounts.models import Role
from accounts.policy import FieldGroup, RoleRule, Scope
from accounts.tests.factories import UserFactory
from audit.models import Action, AuditEvent
from pathways import plans
from pathways.models import Measure

from .factories import AssessmentFactory, protected_person

pytestmark = pytest.mark.django_db
START = "2026-02-01"
HEALTH_CANARY = "Canary health note 7f3a"


@pytest.fixture
def assessment():
    return AssessmentFactory(
        person=protected_person(), health_needs=True, health_notes=HEALTH_CANARY
    )


@pytest.fixture
def caseworker(assessment):
    return UserFactory(organisation=assessment.person.organisation)


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def api(caseworker):
    return client_for(caseworker)


def propose(api, assessment, programme="ro-integration"):
    body = {"assessment": assessment.pk, "programme": programme, "start_date": START}
    return api.post("/api/v1/plans/", body, format="json")


def post(api, url, body):
    return api.post(url, body, format="json")


def test_plan_lifecycle_from_proposal_to_closure(api, assessment, caseworker):
    created = propose(api, assessment)
    assert created.status_code == 201, created.json()
    plan = created.json()["plan"]
    assert created.json()["version"]["status"] == "proposed"
    measure = created.json()["goals"][0]["measures"][0]
    url = f"/api/v1/plans/{plan['id']}"

    adjusted = api.patch(
        f"/api/v1/measures/{measure['id']}/",
        {"title": "Evening course", "hours": 120, "lock_version": plan["lock_version"]},
        format="json",
    )
    assert adjusted.status_code == 200, adjusted.json()
    assert adjusted.json()["title"] == "Evening course"
    lock_version = adjusted.json()["plan_lock_version"]
    assert lock_version == plan["lock_version"] + 1

    agreed = post(
        api,
        f"{url}/agree/",
        {"lock_version": lock_version, "agreed_on": START, "signature_method": "handwritten"},
    )
    assert agreed.status_code == 200, agreed.json()
    assert agreed.json()["version"]["status"] == "agreed"
    assert not agreed.json()["editable"]

    done = post(api, f"/api/v1/measures/{measure['id']}/status/", {"status": "done"})
    assert done.status_code == 200, done.json()
    shown = api.get(f"/api/v1/measures/{measure['id']}/").json()
    assert shown["status"] == "done"
    assert [change["status"] for change in shown["history"]] == ["done"]

    reviews = api.get("/api/v1/reviews/", {"plan": plan["id"]}).json()["results"]
    assert reviews
    held = post(
        api,
        f"/api/v1/reviews/{reviews[0]['id']}/hold/",
        {"held_on": reviews[0]["due_on"], "notes": "On course", "outcome": "on_track"},
    )
    assert held.status_code == 200, held.json()
    assert held.json()["held_by"] == caseworker.pk

    lock_version = agreed.json()["plan"]["lock_version"]
    closed = post(
        api,
        f"{url}/close/",
        {"lock_version": lock_version, "outcome": "completed", "closed_on": "2027-02-01"},
    )
    assert closed.status_code == 200, closed.json()
    assert closed.json()["plan"]["closed_on"] == "2027-02-01"
    assert api.get("/api/v1/plans/", {"open": "true"}).json()["results"] == []
    assert [p["id"] for p in api.get("/api/v1/plans/?open=false").json()["results"]] == [plan["id"]]
    writes = AuditEvent.objects.filter(actor=caseworker, action=Action.UPDATE)
    assert writes.filter(detail=f"close:{plan['id']}:completed").exists()


def test_declaration_before_agreement_and_revision_keeps_old_versions(api, assessment):
    plan = propose(api, assessment, "at-integration-law").json()["plan"]
    url = f"/api/v1/plans/{plan['id']}"
    refused = post(api, f"{url}/agree/", {"lock_version": plan["lock_version"], "agreed_on": START})
    assert refused.status_code == 400
    assert "declaration" in str(refused.json())
    signed = post(
        api, f"{url}/declaration/", {"lock_version": plan["lock_version"], "signed_on": START}
    )
    assert signed.json()["plan"]["declaration_signed_on"] == START
    lock_version = signed.json()["plan"]["lock_version"]
    post(api, f"{url}/agree/", {"lock_version": lock_version, "agreed_on": START})
    revised = post(
        api, f"{url}/revise/", {"lock_version": lock_version + 1, "change_note": "Moved town"}
    )
    assert revised.status_code == 200, revised.json()
    assert revised.json()["version"]["number"] == 2
    assert revised.json()["editable"]
    first = api.get(f"{url}/", {"version": 1}).json()
    assert first["version"]["status"] == "agreed"
    assert api.get(f"{url}/", {"version": 9}).status_code == 404


def test_stale_lock_version_is_refused_with_the_current_one(api, assessment):
    plan = propose(api, assessment).json()["plan"]
    stale = plan["lock_version"]
    measure = Measure.objects.filter(goal__version__plan_id=plan["id"]).first()
    first = api.patch(
        f"/api/v1/measures/{measure.pk}/", {"title": "First", "lock_version": stale}, format="json"
    )
    assert first.status_code == 200
    second = post(
        api, f"/api/v1/plans/{plan['id']}/agree/", {"lock_version": stale, "agreed_on": START}
    )
    assert second.status_code == 409
    assert second.json()["lock_version"] == stale + 1
    missing = api.patch(f"/api/v1/measures/{measure.pk}/", {"title": "x"}, format="json")
    assert missing.status_code == 400
    assert "lock_version" in missing.json()


def test_ineligible_client_is_refused_with_the_reason(caseworker):
    seeker = AssessmentFactory(person=protected_person("asylum_seeker"))
    worker = UserFactory(organisation=seeker.person.organisation)
    refused = propose(client_for(worker), seeker, "cz-sip")
    assert refused.status_code == 400
    assert "not covered" in " ".join(refused.json()["programme"])


def test_coordinator_reads_but_cannot_write(assessment, caseworker):
    plan = plans.propose(caseworker, assessment, "ro-integration", datetime.date(2026, 2, 1))
    measure = Measure.objects.filter(goal__version__plan=plan).first()
    review = plan.reviews.first()
    coordinator = client_for(UserFactory(role=Role.COORDINATOR))
    assert [p["id"] for p in coordinator.get("/api/v1/plans/").json()["results"]] == [plan.pk]
    assert coordinator.get(f"/api/v1/plans/{plan.pk}/").status_code == 200
    assert coordinator.get(f"/api/v1/measures/{measure.pk}/").status_code == 200
    lock = {"lock_version": plan.lock_version}
    attempts = [
        (
            "post",
            "/api/v1/plans/",
            {"assessment": assessment.pk, "programme": "ro-integration", "start_date": START},
        ),
        ("post", f"/api/v1/plans/{plan.pk}/agree/", {**lock, "agreed_on": START}),
        (
            "post",
            f"/api/v1/plans/{plan.pk}/close/",
            {**lock, "outcome": "left", "closed_on": START},
        ),
        ("patch", f"/api/v1/measures/{measure.pk}/", {**lock, "title": "x"}),
        ("post", f"/api/v1/measures/{measure.pk}/status/", {"status": "done"}),
        ("post", f"/api/v1/reviews/{review.pk}/hold/", {"held_on": START}),
        ("post", "/api/v1/assessments/", {"person": assessment.person_id, "assessed_on": START}),
    ]
    for method, url, body in attempts:
        response = getattr(coordinator, method)(url, body, format="json")
        assert response.status_code == 403, (url, response.json())
    plan.refresh_from_db()
    assert plan.lock_version == 1 and not plan.closed_on


@pytest.mark.parametrize("role", [Role.PARTNER_STAFF, Role.TEACHER, Role.ANALYST, Role.CASEWORKER])
def test_others_see_empty_lists_and_no_records(assessment, caseworker, role):
    plan = plans.propose(caseworker, assessment, "ro-integration", datetime.date(2026, 2, 1))
    measure = Measure.objects.filter(goal__version__plan=plan).first()
    other = client_for(UserFactory(role=role))  # a caseworker of another organisation, too
    for url in ("/api/v1/assessments/", "/api/v1/plans/", "/api/v1/reviews/"):
        assert other.get(url).json()["results"] == []
    for url in (
        f"/api/v1/plans/{plan.pk}/",
        f"/api/v1/assessments/{assessment.pk}/",
        f"/api/v1/measures/{measure.pk}/",
    ):
        assert other.get(url).status_code == 404
    attempt = post(
        other, f"/api/v1/plans/{plan.pk}/agree/", {"lock_version": 1, "agreed_on": START}
    )
    assert attempt.status_code == 404


def test_health_fields_only_with_the_vulnerabilities_group(api, assessment):
    own = api.get(f"/api/v1/assessments/{assessment.pk}/")
    assert own.json()["health_notes"] == HEALTH_CANARY
    coordinator = client_for(UserFactory(role=Role.COORDINATOR))
    for url in (f"/api/v1/assessments/{assessment.pk}/", "/api/v1/assessments/"):
        response = coordinator.get(url, {"person": assessment.person_id})
        assert response.status_code == 200
        assert HEALTH_CANARY not in response.content.decode()
        assert "health_needs" not in response.content.decode()
    viewed = AuditEvent.objects.filter(action=Action.VIEW, person_id=assessment.person_id)
    assert set(viewed.values_list("field_groups", flat=True)) == {
        "pathway,vulnerabilities",
        "pathway",
    }


def test_health_fields_sent_without_the_group_are_refused(monkeypatch, api, assessment):
    person = assessment.person
    body = {"person": person.pk, "assessed_on": START, "reading": "A2"}
    created = post(api, "/api/v1/assessments/", {**body, "health_notes": "Sees a doctor"})
    assert created.status_code == 201, created.json()
    assert created.json()["health_notes"] == "Sees a doctor"
    without = RoleRule(
        Scope.OWN_ORGANISATION, policy.ALL_GROUPS - {FieldGroup.VULNERABILITIES}, may_edit=True
    )
    monkeypatch.setitem(policy.ROLE_RULES, Role.CASEWORKER, without)
    refused = post(api, "/api/v1/assessments/", {**body, "health_needs": False})
    assert refused.status_code == 403
    plain = post(api, "/api/v1/assessments/", body)
    assert plain.status_code == 201
    assert "health_needs" not in plain.json()
    assert person.assessments.count() == 3


def test_lists_filter_and_audit_each_row(api, assessment, caseworker):
    plan = plans.propose(caseworker, assessment, "ro-integration", datetime.date(2026, 2, 1))
    rows = api.get(
        "/api/v1/plans/", {"person": assessment.person_id, "programme": "ro-integration"}
    )
    assert [p["id"] for p in rows.json()["results"]] == [plan.pk]
    assert api.get("/api/v1/plans/", {"programme": "cz-sip"}).json()["results"] == []
    listed = AuditEvent.objects.filter(action=Action.LIST, actor=caseworker)
    assert listed.filter(detail=f"plan:{plan.pk}", field_groups="pathway").exists()
    due = api.get("/api/v1/reviews/", {"due_before": "2026-01-01"}).json()["results"]
    assert due == []
    assert api.get("/api/v1/plans/", {"open": "maybe"}).status_code == 400
    assert api.get("/api/v1/reviews/", {"due_before": "soon"}).status_code == 400


def test_programmes_are_listed_with_their_sources(api):
    programmes = api.get("/api/v1/programmes/").json()
    assert len(programmes) == 8
    romania = api.get("/api/v1/programmes/ro-integration/").json()
    assert romania["sources"][0]["document"]
    assert romania["participation"]["mode"] == "voluntary"
    assert all("when" in template for template in romania["plan_templates"])
    assert api.get("/api/v1/programmes/xx-none/").status_code == 404
    assert APIClient().get("/api/v1/programmes/").status_code == 401


def test_openapi_describes_the_pathway(api):
    paths = api.get("/api/v1/schema/", {"format": "json"}).json()["paths"]
    for path in (
        "/api/v1/assessments/",
        "/api/v1/plans/{id}/agree/",
        "/api/v1/plans/{id}/declaration/",
        "/api/v1/plans/{id}/revise/",
        "/api/v1/plans/{id}/close/",
        "/api/v1/measures/{id}/status/",
        "/api/v1/reviews/{id}/hold/",
        "/api/v1/programmes/{id}/",
    ):
        assert path in paths
    assert "409" in paths["/api/v1/plans/{id}/agree/"]["post"]["responses"]
