import pytest
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory
from audit.models import Action, AuditEvent
from people.models import Person

from .factories import DocumentFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker():
    return UserFactory()


@pytest.fixture
def api(caseworker):
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token/", {"username": caseworker.username, "password": TEST_PASSWORD}
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_token_is_refused_for_a_wrong_password(caseworker):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": caseworker.username, "password": "wrong-password!"}
    )
    assert response.status_code == 400
    assert "token" not in response.json()


def test_anonymous_requests_are_refused():
    assert APIClient().get("/api/v1/persons/").status_code == 401


def test_cursor_pagination_walks_every_visible_person_once(api, caseworker):
    PersonFactory.create_batch(7, organisation=caseworker.organisation)
    PersonFactory.create_batch(3)  # another organisation
    seen, url = [], "/api/v1/persons/?page_size=3"
    while url:
        page = api.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    own = Person.objects.filter(organisation=caseworker.organisation)
    assert sorted(seen) == sorted(own.values_list("id", flat=True))


def test_filters_by_citizenship_sex_and_birth_year(api, caseworker):
    match = PersonFactory(organisation=caseworker.organisation, sex="F", birth_date="1990-02-03")
    match.citizenships.create(country="UA")
    PersonFactory(organisation=caseworker.organisation, sex="M", birth_date="1990-02-03")
    rows = api.get("/api/v1/persons/?citizenship=ua&sex=F&birth_year=1990").json()["results"]
    assert [row["id"] for row in rows] == [match.pk]


def test_search_by_document_number(api, caseworker):
    document = DocumentFactory(person__organisation=caseworker.organisation, number="MD-778899")
    rows = api.get("/api/v1/persons/", {"q": "md778899"}).json()["results"]
    assert [row["id"] for row in rows] == [document.person_id]


def test_listing_is_audited_per_person(api, caseworker):
    people = PersonFactory.create_batch(2, organisation=caseworker.organisation)
    api.get("/api/v1/persons/")
    listed = AuditEvent.objects.filter(action=Action.LIST, actor=caseworker)
    assert sorted(listed.values_list("person_id", flat=True)) == sorted(p.pk for p in people)


def test_create_then_conflicting_patch(api):
    created = api.post(
        "/api/v1/persons/",
        {"given_name": "Амир", "sex": "M", "citizenships": ["AF"]},
        format="json",
    )
    assert created.status_code == 201
    person_id = created.json()["id"]
    assert created.json()["identity"]["citizenships"] == ["AF"]
    first = api.patch(f"/api/v1/persons/{person_id}/", {"phone": "+1", "version": 1}, format="json")
    assert first.status_code == 200
    assert first.json()["version"] == 2
    second = api.patch(
        f"/api/v1/persons/{person_id}/", {"phone": "+2", "version": 1}, format="json"
    )
    assert second.status_code == 409
    assert second.json()["current_version"] == 2
    assert Person.objects.get(pk=person_id).phone == "+1"


def test_patch_without_version_is_refused_naming_the_field(api, caseworker):
    person = PersonFactory(organisation=caseworker.organisation)
    response = api.patch(f"/api/v1/persons/{person.pk}/", {"phone": "+1"}, format="json")
    assert response.status_code == 400
    assert "version" in response.json()


def test_invalid_create_names_the_fields(api):
    response = api.post("/api/v1/persons/", {"sex": "Q"}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"given_name", "sex"}


def test_other_organisations_client_is_not_found(api):
    assert api.get(f"/api/v1/persons/{PersonFactory().pk}/").status_code == 404


def test_organisations_directory_filters_by_type(api):
    OrganisationFactory(type="ngo", name="Memoria")
    names = [o["name"] for o in api.get("/api/v1/organisations/?type=ngo").json()["results"]]
    assert names == ["Memoria"]


def test_openapi_document_describes_the_endpoints(api):
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = response.json()["paths"]
    assert response.json()["openapi"].startswith("3.")
    for path in (
        "/api/v1/persons/",
        "/api/v1/persons/{id}/",
        "/api/v1/households/",
        "/api/v1/organisations/",
        "/api/v1/auth/token/",
    ):
        assert path in paths


def test_analyst_gets_an_empty_list_not_an_error():
    analyst = UserFactory(role=Role.ANALYST)
    PersonFactory(organisation=analyst.organisation)
    client = APIClient()
    client.force_authenticate(analyst)
    assert client.get("/api/v1/persons/").json()["results"] == []
