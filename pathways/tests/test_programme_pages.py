"""Programme profiles as coordinators and caseworkers read them, conditions in words."""

import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from pathways.programme_text import describe
from pathways.programmes import condition_from_data, shipped_profiles

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = UserFactory(role=Role.COORDINATOR)
    sign_in(client, user)
    return user


def test_every_active_programme_is_listed(client, coordinator):
    response = client.get("/pathways/programmes/")
    assert [p.id for p in response.context["profiles"]] == sorted(
        shipped_profiles(), key=lambda pid: (shipped_profiles()[pid].country, pid)
    )
    assert "Integration programme under the Integration Law" in response.content.decode()


def test_only_the_configured_programmes_are_offered(client, coordinator, settings):
    settings.INTEGRA_PROGRAMMES = ["ro-integration", "at-integration-law"]
    response = client.get("/pathways/programmes/")
    assert {p.id for p in response.context["profiles"]} == {"ro-integration", "at-integration-law"}
    assert client.get("/pathways/programmes/cz-sip/").status_code == 404


def test_profile_page_shows_all_its_rules_in_words(client, coordinator):
    html = client.get("/pathways/programmes/at-integration-law/").content.decode()
    for expected in (
        "Required before the plan is agreed",
        "Subsidiary protection",
        "German language course",
        "An exam at level A2 is required.",
        "unexcused absences: 3 or more",
        "written warning",
        "free of charge",
        "1. mandatory participants first",
        "needs language tuition (below B1) or cannot yet read and write or does not read the "
        "Latin script",
        "Only when",
        "a mandatory integration declaration",
        "004_b70573d060f3cbe2.txt",
    ):
        assert expected in html, expected
    if getattr(shipped_profiles()["at-integration-law"], "course_quality", None):
        assert "Maximum group size" in html and "German (Deutsch)" in html


def test_conditions_read_as_sentences():
    assert describe(condition_from_data({})) == "always"
    assert describe(condition_from_data({"needs_childcare": True})) == "needs childcare"
    nested = condition_from_data(
        {
            "all": [
                {"any": [{"age_below": 25}, {"is_minor": True}]},
                {"not": {"needs_housing": True}},
            ]
        }
    )
    assert describe(nested) == "(younger than 25 or is a minor) and not: needs housing"
    several_keys = condition_from_data({"language_level_below": "B1", "is_minor": False})
    assert set(describe(several_keys).split(" and ")) == {
        "language level below B1",
        "not: is a minor",
    }


def test_caseworker_reads_profiles_but_partner_staff_may_not(client):
    sign_in(client, UserFactory())
    assert client.get("/pathways/programmes/ro-integration/").status_code == 200
    sign_in(client, UserFactory(role=Role.PARTNER_STAFF))
    assert client.get("/pathways/programmes/ro-integration/").status_code == 403
