import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from people.models import Consent, LegalStatus

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return PersonFactory()


@pytest.fixture
def caseworker(client, person):
    user = UserFactory(organisation=person.organisation)
    sign_in(client, user)
    return user


STATUS = {
    "status_type": "international_protection",
    "permit_purpose": "",
    "valid_from": "2025-03-01",
    "valid_to": "",
    "issuing_authority": "Bureau for Migration and Asylum",
}


def test_caseworker_adds_a_legal_status_and_it_is_audited(client, caseworker, person):
    response = client.post(f"/people/{person.pk}/add/status/", {**STATUS, "version": 1})
    assert response.status_code == 302
    assert LegalStatus.objects.get(person=person).issuing_authority == STATUS["issuing_authority"]
    event = AuditEvent.objects.get(action=Action.UPDATE, person_id=person.pk)
    assert event.field_groups == "legal_status"
    person.refresh_from_db()
    assert person.version == 2


def test_adding_against_a_stale_version_is_refused(client, caseworker, person):
    client.post(f"/people/{person.pk}/add/status/", {**STATUS, "version": 1})
    response = client.post(f"/people/{person.pk}/add/status/", {**STATUS, "version": 1})
    assert response.status_code == 409
    assert LegalStatus.objects.filter(person=person).count() == 1


def test_bad_record_input_names_the_field(client, caseworker, person):
    response = client.post(
        f"/people/{person.pk}/add/work/", {"isco_code": "carpenter", "occupation": "", "version": 1}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"isco_code", "occupation"}


def test_coordinator_cannot_add_records(client, person):
    sign_in(client, UserFactory(role=Role.COORDINATOR))
    response = client.post(f"/people/{person.pk}/add/status/", {**STATUS, "version": 1})
    assert response.status_code == 403
    assert not LegalStatus.objects.exists()


def test_withdrawing_consent_records_the_date(client, caseworker, person):
    consent = Consent.objects.create(
        person=person,
        purpose="Employment referral",
        recipient=person.organisation,
        field_groups=["identity", "contact"],
        given_on="2025-01-01",
    )
    client.post(f"/people/consents/{consent.pk}/withdraw/")
    consent.refresh_from_db()
    assert consent.withdrawn_on is not None
    assert not consent.is_active(consent.withdrawn_on)
