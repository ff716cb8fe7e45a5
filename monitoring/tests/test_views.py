"""Dashboards, drill-down tables, exports over HTTP, the background computation with progress,
follow-ups, and the API catalogue."""

import io

import pytest
import sdmx
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import AuditEvent
from monitoring import sdmx_export
from monitoring.catalogue import shipped_catalogue
from monitoring.models import ComputationRun, FollowUp, IndicatorResult, RunStatus
from people.tests.factories import PersonFactory

from .builders import small_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def computed(django_capture_on_commit_callbacks, time_machine):
    time_machine.move_to("2026-06-30 12:00:00+00:00", tick=False)
    small_world()
    coordinator = UserFactory(role=Role.COORDINATOR)
    client = Client()
    sign_in(client, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/monitoring/runs/")
    return client, response


def test_a_computation_runs_in_the_background_and_shows_its_progress(computed):
    client, response = computed
    run = ComputationRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/monitoring/runs/{run.pk}/"
    assert run.status == RunStatus.DONE and run.progress == 100 and run.results > 1000
    assert run.policy_version and run.catalogue_version
    # inside the test transaction: read through the Django connection (COPY on PostgreSQL)
    assert run.timings["strategy"] in ("python", "postgresql-copy")
    assert IndicatorResult.objects.count() == run.results
    page = client.get(f"/monitoring/runs/{run.pk}/", headers={"HX-Request": "true"})
    assert 'role="status"' in page.content.decode() and "every 1s" not in page.content.decode()


def test_a_running_computation_is_polled_every_second():
    client = Client()
    sign_in(client, UserFactory(role=Role.ANALYST))
    run = ComputationRun.objects.create(status=RunStatus.RUNNING, progress=40, step="Reading")
    text = client.get(f"/monitoring/runs/{run.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in text and 'value="40"' in text


def test_dashboards_render_charts_with_titles_and_links(computed):
    client, _ = computed
    for view in ("coordinator", "analyst"):
        text = client.get(f"/monitoring/?view={view}&period=2025&breakdown=sex").content.decode()
        assert text.count('<svg class="chart"') >= 3
        assert "<title id=" in text and "<desc id=" in text
        assert "/monitoring/indicators/" in text
        assert "style=" not in text and "<script>" not in text


def test_changing_the_breakdown_returns_only_the_panel(computed):
    client, _ = computed
    response = client.get(
        "/monitoring/?period=2025&breakdown=region", headers={"HX-Request": "true"}
    )
    text = response.content.decode()
    assert "<html" not in text and "by Region, 2025" in text


def test_the_drill_down_table_and_its_exports(computed):
    client, _ = computed
    url = "/monitoring/indicators/employment_rate/?breakdown=sex&period=2025"
    text = client.get(url).content.decode()
    assert "Gap to Male" in text and "suppressed" in text
    export = client.get(
        "/monitoring/indicators/employment_rate/export/sdmx-ml/?breakdown=sex&period=2025"
    )
    assert export.status_code == 200 and "attachment" in export["Content-Disposition"]
    dsd = sdmx_export.repository_structure().structure[sdmx_export.DSD_ID]
    message = sdmx.read_sdmx(io.BytesIO(export.content), structure=dsd)
    statuses = {o.attached_attribute["CONF_STATUS"].value for o in message.data[0].obs}
    assert statuses == {"C"}  # every cell of the small world rests on fewer than 20 people
    assert not AuditEvent.objects.filter(action="export").exists()  # protected: nothing personal


def test_the_catalogue_page_cites_its_sources(computed):
    client, _ = computed
    text = client.get("/monitoring/indicators/").content.decode()
    for indicator in shipped_catalogue().indicators.values():
        assert indicator.name in text
    assert "Zaragoza" in text and "004_b70573d060f3cbe2.txt" in text


def test_a_caseworker_records_a_follow_up_and_it_is_audited():
    caseworker = UserFactory(role=Role.CASEWORKER)
    person = PersonFactory(organisation=caseworker.organisation)
    client = Client()
    sign_in(client, caseworker)
    url = f"/monitoring/people/{person.pk}/follow-up/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"observed_on": "2026-03-01", "activity": "employed"})
    assert response.status_code == 302
    assert FollowUp.objects.get().activity == "employed"
    assert AuditEvent.objects.filter(person_id=person.pk, action="create").exists()
    other = Client()
    sign_in(other, UserFactory(role=Role.CASEWORKER))
    assert other.get(url).status_code == 403


def test_the_api_lists_the_catalogue_with_definitions_and_sources():
    api = APIClient()
    api.force_authenticate(UserFactory(role=Role.ANALYST))
    body = api.get("/api/v1/indicators/").json()
    ids = {i["id"] for i in body}
    assert ids == set(shipped_catalogue().indicators)
    one = api.get("/api/v1/indicators/employment_rate/").json()
    assert one["unit"] == "percent" and one["sources"][0]["document"].startswith("EU Zaragoza")
    assert api.get("/api/v1/indicators/nope/").status_code == 404


def test_the_api_gives_the_protected_table_with_flags_and_policy_version(computed):
    api = APIClient()
    api.force_authenticate(UserFactory(role=Role.ANALYST))
    body = api.get("/api/v1/indicators/people_registered/data/?breakdown=sex&period=2025").json()
    assert body["protected"] is True and body["policy_version"]
    assert [r["category"] for r in body["rows"]] == ["F", "M", "X", "_T"]
    assert all(r["cells"][0] == {"value": None, "flag": "suppressed", "reason": "primary",
                                 "denominator": None} for r in body["rows"])  # fmt: skip
    assert body["rows"][0]["label"] == "Female"
