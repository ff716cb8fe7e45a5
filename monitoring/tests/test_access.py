"""Who sees statistics: coordinators and analysts, protected figures only; unprotected figures
only for a role explicitly allowed them, and every such view or export is audited."""

import dataclasses

import pytest
from django.test import Client
from rest_framework.test import APIClient

from accounts import policy
from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import AuditEvent
from monitoring.catalogue import TOTAL as T
from monitoring.compute import Computation, store
from monitoring.tables import RawCell, RawTable

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached():
    table = RawTable(
        "people_registered", "sex", "2025", "count", rows=["F", "M", "X", T],
        cells={("F", T): RawCell(37), ("M", T): RawCell(41), ("X", T): RawCell(3),
               (T, T): RawCell(81)},
    )  # fmt: skip
    by_period = RawTable(
        "people_registered", "period", "all", "count", rows=["2024", "2025"],
        cells={("2024", T): RawCell(12), ("2025", T): RawCell(81)}, margins=False,
    )  # fmt: skip
    store(Computation([table, by_period], None))


def client_for(role: str) -> Client:
    client = Client()
    sign_in(client, UserFactory(role=role))
    return client


@pytest.fixture
def unprotected_analysts(monkeypatch):
    rules = dict(policy.ROLE_RULES)
    rules[Role.ANALYST] = dataclasses.replace(rules[Role.ANALYST], sees_unprotected_statistics=True)
    monkeypatch.setattr(policy, "ROLE_RULES", rules)


NO_STATISTICS = [
    Role.CASEWORKER,
    Role.PARTNER_STAFF,
    Role.TEACHER,
    Role.AUDITOR,
    Role.ADMINISTRATOR,
]


@pytest.mark.parametrize("role", NO_STATISTICS)
def test_roles_without_the_flag_see_no_statistics(cached, role):
    client = client_for(role)
    assert client.get("/monitoring/").status_code == 403
    assert client.get("/monitoring/indicators/people_registered/").status_code == 403
    assert client.get("/monitoring/indicators/people_registered/export/csv/").status_code == 403
    api = APIClient()
    api.force_authenticate(UserFactory(role=role))
    assert api.get("/api/v1/indicators/").status_code == 403
    assert api.get("/api/v1/indicators/people_registered/data/?breakdown=sex").status_code == 403


@pytest.mark.parametrize("role", [Role.ANALYST, Role.COORDINATOR])
def test_analysts_and_coordinators_see_protected_figures_only(cached, role):
    client = client_for(role)
    page = client.get("/monitoring/indicators/people_registered/?breakdown=sex&period=2025")
    assert page.status_code == 200
    text = page.content.decode()
    assert "suppressed" in text and ">40<" in text and ">37<" not in text
    refused = client.get("/monitoring/indicators/people_registered/?breakdown=sex&unprotected=1")
    assert refused.status_code == 403
    api = APIClient()
    api.force_authenticate(UserFactory(role=role))
    assert api.get("/api/v1/indicators/people_registered/data/?unprotected=1").status_code == 403
    assert not AuditEvent.objects.filter(detail__startswith="unprotected").exists()


def test_nobody_sees_unprotected_figures_by_default():
    assert not any(rule.sees_unprotected_statistics for rule in policy.ROLE_RULES.values())
    allowed = {role for role, rule in policy.ROLE_RULES.items() if rule.may_view_statistics}
    assert allowed == {Role.ANALYST, Role.COORDINATOR}


def test_an_allowed_role_sees_unprotected_figures_and_it_is_audited(cached, unprotected_analysts):
    client = client_for(Role.ANALYST)
    url = "/monitoring/indicators/people_registered/?breakdown=sex&period=2025&unprotected=1"
    text = client.get(url).content.decode()
    assert ">37<" in text and ">3<" in text and "do not publish" in text
    event = AuditEvent.objects.get()
    assert event.person_id is None and event.action == "view"
    assert event.detail == "unprotected statistics: people_registered by sex, 2025"
    client.get(url.replace("?", "export/csv/?"))
    assert AuditEvent.objects.filter(action="export", person_id=None).count() == 1


def test_the_api_gives_unprotected_figures_only_when_allowed_and_audits_them(
    cached, unprotected_analysts
):
    api = APIClient()
    api.force_authenticate(UserFactory(role=Role.ANALYST))
    body = api.get(
        "/api/v1/indicators/people_registered/data/?breakdown=sex&unprotected=true"
    ).json()
    assert body["protected"] is False and body["rows"][0]["cells"][0]["value"] == 37
    assert AuditEvent.objects.filter(person_id=None, action="view").count() == 1
