"""The service directory in Open Referral HSDS 3.0: the export file and the API list."""

import uuid

import pytest
from rest_framework.test import APIClient

from accounts.tests.factories import sign_in
from partners import hsds

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except (TypeError, ValueError):
        return False


@pytest.fixture
def directory(net):
    net.employment.email = "info@anofm.example"
    net.employment.phone = "+373 22 000 000"
    net.employment.save()
    net.service.address = "str. Vasile Alecsandri 1, Chișinău"
    net.service.eligibility = "Beneficiaries of international protection of working age"
    net.service.save()
    closed = ServiceFactory(name="Closed job club", active=False, languages="")
    return net.service, closed


def test_export_has_every_required_field_and_valid_identifiers(client, net, directory):
    service, closed = directory
    sign_in(client, net.caseworker)
    response = client.get("/partners/services.json")
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document["hsds_version"] == "3.0"
    assert hsds.problems(document) == []
    by_name = {s["name"]: s for s in document["services"]}
    exported = by_name["Job matching and registration"]
    assert exported["id"] == hsds.hsds_id("service", service.pk)
    assert exported["status"] == "active" and by_name["Closed job club"]["status"] == "inactive"
    assert exported["eligibility_description"].startswith("Beneficiaries")
    assert [(lang["code"], lang["name"]) for lang in exported["languages"]] == [
        ("ro", "Romanian"),
        ("ru", "Russian"),
        ("en", "English"),
    ]
    assert exported["service_areas"][0]["name"] == "Chișinău"
    link = exported["service_at_locations"][0]
    assert link["location"]["description"] == "str. Vasile Alecsandri 1, Chișinău"
    organisations = {o["id"]: o for o in document["organizations"]}
    assert exported["organization_id"] in organisations
    assert organisations[exported["organization_id"]]["email"] == "info@anofm.example"
    assert "languages" not in by_name["Closed job club"]  # empty values are left out
    ids = [s["id"] for s in document["services"]] + list(organisations)
    ids += [lang["id"] for s in document["services"] for lang in s.get("languages", [])]
    assert all(_is_uuid(i) for i in ids) and len(ids) == len(set(ids))


def test_identifiers_are_stable_between_exports(net, directory):
    assert hsds.export()["services"][0]["id"] == hsds.export()["services"][0]["id"]


def test_problems_names_what_is_missing():
    document = {
        "organizations": [{"id": "x", "name": "N"}],
        "services": [{"id": "y", "name": "S", "status": "open", "languages": [{"id": "z"}]}],
    }
    assert hsds.problems(document) == [
        "organizations[0]: organization.description",
        "services[0]: service.organization_id",
        "services[0]: service.description",
        "services[0]: status 'open'",
        "services[0].languages[0]: language.service_id",
        "services[0].languages[0]: language.code",
        "services[0].languages[0]: language.name",
    ]


def test_api_lists_services_as_an_hsds_page(net, directory):
    for n in range(3):
        ServiceFactory(name=f"Counselling {n}", area="employment")
    api = APIClient()
    api.force_authenticate(net.partner)
    first = api.get("/api/v1/hsds/services/", {"per_page": 2, "area": "employment"}).json()
    assert (first["total_items"], first["total_pages"], first["size"]) == (4, 2, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    assert hsds.problems(first) == []
    assert first["contents"][0]["organization"]["name"] == "National Employment Agency"
    last = api.get("/api/v1/hsds/services/", {"per_page": 2, "page": 2}).json()
    assert last["last_page"] and last["page_number"] == 2
    assert api.get("/api/v1/hsds/services/", {"page": "x"}).status_code == 400
    assert APIClient().get("/api/v1/hsds/services/").status_code in (401, 403)
