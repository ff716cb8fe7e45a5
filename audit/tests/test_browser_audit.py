"""The audit trail as an auditor reads it, in a real browser."""

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from accounts.policy import FieldGroup
from accounts.tests.factories import UserFactory
from people.selectors import get_person
from people.tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_auditor_reads_the_audit_trail_and_filters_it_by_user(page, axe, sign_in):
    person = PersonFactory()
    caseworker = UserFactory(username="casework-maria", organisation=person.organisation)
    coordinator = UserFactory(username="coord-vlad", role=Role.COORDINATOR)
    get_person(caseworker, person.pk, [FieldGroup.CONTACT], detail="page")
    get_person(coordinator, person.pk, [FieldGroup.LEGAL_STATUS], detail="page")
    auditor = UserFactory(role=Role.AUDITOR)

    sign_in(page, auditor)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Audit trail").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(3)  # header, two reads
    expect(rows.nth(1)).to_contain_text("coord-vlad")  # newest first
    expect(rows.nth(1)).to_contain_text("Legal status")
    expect(rows.nth(2)).to_contain_text("casework-maria")
    expect(rows.nth(2)).to_contain_text("Contact")
    expect(rows.nth(2).get_by_role("link", name=f"#{person.pk}")).to_be_visible()
    expect(page.get_by_role("navigation", name="Pages")).to_contain_text("Page 1 of 1")
    axe(page)

    page.get_by_label("User name").fill("casework-maria")
    page.get_by_role("button", name="Filter").click()

    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("casework-maria")
    expect(page.get_by_label("User name")).to_have_value("casework-maria")
    axe(page)


def test_caseworker_cannot_open_the_audit_trail(page, axe, sign_in):
    sign_in(page, UserFactory(role=Role.CASEWORKER))
    expect(page.get_by_role("link", name="Audit trail")).to_have_count(0)

    response = page.goto("/audit/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Access refused")
    expect(page.get_by_role("table")).to_have_count(0)
    axe(page)
