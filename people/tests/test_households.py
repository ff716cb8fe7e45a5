import pytest

from accounts.tests.factories import UserFactory, sign_in
from people.models import Household

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    father = PersonFactory()
    child = PersonFactory(organisation=father.organisation, given_name="Лейла", sex="F")
    return father, child


def test_caseworker_builds_a_household_for_family_reunification(client, family):
    father, child = family
    sign_in(client, UserFactory(organisation=father.organisation))
    response = client.post(f"/people/{father.pk}/household/new/")
    household = Household.objects.get()
    assert response["Location"] == f"/people/households/{household.pk}/"
    response = client.post(
        f"/people/households/{household.pk}/members/new/",
        {"person": child.pk, "relationship": "child", "version": 1},
    )
    assert response.status_code == 302
    members = dict(household.members.values_list("person_id", "relationship"))
    assert members == {father.pk: "head", child.pk: "child"}
    page = client.get(f"/people/households/{household.pk}/").content.decode()
    assert "Лейла" in page


def test_adding_the_same_member_twice_is_refused_with_a_message(client, family):
    father, _ = family
    sign_in(client, UserFactory(organisation=father.organisation))
    client.post(f"/people/{father.pk}/household/new/")
    household = Household.objects.get()
    response = client.post(
        f"/people/households/{household.pk}/members/new/",
        {"person": father.pk, "relationship": "spouse", "version": 1},
    )
    assert "already a member" in response.content.decode()
    assert household.members.count() == 1


def test_a_client_of_another_organisation_cannot_be_added(client, family):
    father, _ = family
    stranger = PersonFactory()
    sign_in(client, UserFactory(organisation=father.organisation))
    client.post(f"/people/{father.pk}/household/new/")
    household = Household.objects.get()
    response = client.post(
        f"/people/households/{household.pk}/members/new/",
        {"person": stranger.pk, "relationship": "spouse", "version": 1},
    )
    assert response.status_code == 404
    assert household.members.count() == 1
