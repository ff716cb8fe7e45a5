import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from people.models import Person
from people.services import StaleEditError, create_person, update_person

from .factories import PersonFactory

pytestmark = pytest.mark.django_db

FORM = {
    "given_name": "Олена",
    "family_name": "Коваленко",
    "given_name_latin": "",
    "family_name_latin": "",
    "sex": "F",
    "birth_date": "1987-05-02",
    "birth_date_precision": "day",
    "country_of_birth": "UA",
    "host_language_level": "A1",
    "phone": "+48 58 000 000",
    "email": "olena@example.org",
    "address": "",
    "municipality": "Gdańsk",
    "citizenships": ["UA"],
}


def test_caseworker_registers_a_person_and_latin_names_are_transliterated(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/people/new/", FORM)
    person = Person.objects.get()
    assert response.status_code == 302
    assert (person.given_name_latin, person.family_name_latin) == ("Olena", "Kovalenko")
    assert person.organisation == user.organisation
    assert list(person.citizenships.values_list("country", flat=True)) == ["UA"]
    assert AuditEvent.objects.filter(person_id=person.pk, action=Action.CREATE).exists()


def test_invalid_form_names_each_bad_field(client):
    client.force_login(UserFactory())
    response = client.post(
        "/people/new/", {**FORM, "given_name": "", "email": "not-an-address", "sex": "Q"}
    )
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert set(errors) == {"given_name", "email", "sex"}
    assert Person.objects.count() == 0


def test_errors_are_translated(client):
    client.force_login(UserFactory())
    client.cookies["django_language"] = "ru"
    response = client.post("/people/new/", {**FORM, "given_name": ""}, HTTP_ACCEPT_LANGUAGE="ru")
    assert "Обязательное поле." in response.content.decode()


def test_stale_edit_is_refused_and_the_first_save_is_kept():
    person = PersonFactory()
    user = UserFactory(organisation=person.organisation)
    update_person(user, person, {"phone": "+373 1"}, expected_version=1)
    with pytest.raises(StaleEditError) as raised:
        update_person(user, person, {"phone": "+373 2"}, expected_version=1)
    person.refresh_from_db()
    assert person.phone == "+373 1"
    assert person.version == 2
    assert raised.value.current_version == 2


def test_stale_edit_through_the_form_shows_a_conflict(client):
    person = PersonFactory()
    user = UserFactory(organisation=person.organisation)
    client.force_login(user)
    data = {**FORM, "version": 1}
    assert client.post(f"/people/{person.pk}/edit/", data).status_code == 302
    response = client.post(f"/people/{person.pk}/edit/", {**data, "phone": "+1 555"})
    assert response.status_code == 409
    assert "Someone else saved this record" in response.content.decode()
    person.refresh_from_db()
    assert person.phone == FORM["phone"]


def test_renaming_updates_the_search_keys(client):
    person = PersonFactory()
    user = UserFactory(organisation=person.organisation)
    update_person(
        user, person, {"given_name": "Юсуф", "given_name_latin": "Yusuf"}, expected_version=1
    )
    keys = set(person.name_keys.values_list("key", flat=True))
    assert "asf" in keys
    assert "mhmd" not in keys


@pytest.mark.parametrize("role", [r for r in Role if r != Role.CASEWORKER])
def test_only_caseworkers_register_people(client, role):
    sign_in(client, UserFactory(role=role))
    assert client.post("/people/new/", FORM).status_code == 403
    assert Person.objects.count() == 0


def test_coordinator_cannot_edit_even_visible_records():
    person = PersonFactory()
    coordinator = UserFactory(role=Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        update_person(coordinator, person, {"phone": "1"}, expected_version=1)


def test_create_person_service_refuses_users_without_organisation():
    user = UserFactory(organisation=None)
    with pytest.raises(PermissionDenied):
        create_person(user, {"given_name": "X", "sex": "M"})


def test_registering_a_possible_duplicate_asks_first(client):
    existing = PersonFactory(birth_date="1987-01-01")
    user = UserFactory(organisation=existing.organisation)
    client.force_login(user)
    data = {**FORM, "given_name": "Mohamed", "family_name": "Alhasan", "birth_date": "1987-06-06"}
    response = client.post("/people/new/", data)
    assert Person.objects.count() == 1
    assert f"/people/{existing.pk}/" in response.content.decode()
    client.post("/people/new/", {**data, "not_a_duplicate": "1"})
    assert Person.objects.count() == 2


def test_duplicate_at_another_organisation_names_only_the_organisation(client):
    existing = PersonFactory(birth_date="1987-01-01")
    client.force_login(UserFactory())
    data = {
        **FORM,
        "given_name": "Мухаммед",
        "family_name": "Аль-Хасан",
        "birth_date": "1987-02-02",
    }
    body = client.post("/people/new/", data).content.decode()
    assert existing.organisation.name in body
    assert f"/people/{existing.pk}/" not in body
    assert existing.email not in body
    assert Person.objects.count() == 1
