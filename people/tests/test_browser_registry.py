"""The person registry as caseworkers, coordinators and auditors use it, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.models import Action, AuditEvent
from people.choices import ISCED, Relationship
from people.models import (
    Education,
    Household,
    HouseholdMember,
    Person,
    PersonLanguage,
    WorkExperience,
)

from .factories import DocumentFactory, LegalStatusFactory, PersonFactory, VulnerabilityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TABS = {
    "identity": ("Identity", "Identity documents"),
    "contact": ("Contact", "m.alhassan@example.org"),
    "legal_status": ("Legal status", "Bureau for Migration and Asylum"),
    "family": ("Family", "Household H-0001"),
    "education_work": ("Education and work", "Electrician"),
    "vulnerabilities": ("Vulnerabilities and health", "Needs psychosocial support"),
    "pathway": ("Integration pathway", "Integration plans"),
}


def mark_document(page) -> None:
    """Tag the loaded document; the tag survives htmx swaps but not a full page load."""
    page.evaluate("window.integraNoReload = true")


def assert_not_reloaded(page) -> None:
    assert page.evaluate("window.integraNoReload === true"), "the page was reloaded"


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def caseworker(organisation):
    return UserFactory(role=Role.CASEWORKER, organisation=organisation)


@pytest.fixture
def client_record(organisation):
    """A client with something recorded in every field group."""
    person = PersonFactory(organisation=organisation)
    DocumentFactory(person=person, number="N0001234")
    LegalStatusFactory(person=person)
    VulnerabilityFactory(person=person)
    PersonLanguage.objects.create(person=person, language="ar", is_native=True)
    Education.objects.create(person=person, isced_level=ISCED.L3, country="SY")
    WorkExperience.objects.create(person=person, isco_code="7411", occupation="Electrician")
    household = Household.objects.create(reference="H-0001", organisation=organisation)
    HouseholdMember.objects.create(
        household=household, person=person, relationship=Relationship.HEAD
    )
    spouse = PersonFactory(
        organisation=organisation,
        given_name="Фатима",
        family_name="Аль-Хасан",
        given_name_latin="Fatima",
    )
    HouseholdMember.objects.create(
        household=household, person=spouse, relationship=Relationship.SPOUSE
    )
    return person


def test_caseworker_finds_client_typing_cyrillic_or_latin(page, axe, sign_in, caseworker):
    person = PersonFactory(organisation=caseworker.organisation)
    PersonFactory(given_name="Ольга", family_name="Ионеску", given_name_latin="Olga")
    sign_in(page, caseworker)
    page.get_by_role("link", name="Find a person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a person")
    mark_document(page)
    search_box = page.get_by_role("searchbox")
    results = page.locator("#results")

    search_box.fill("Мухаммед")
    expect(results.get_by_role("link", name="Мухаммед Аль-Хасан")).to_be_visible()
    expect(results.locator("caption")).to_have_text("1 person found")
    expect(page).to_have_url(re.compile(r"\?q=%D0%9C"))
    axe(page)

    search_box.fill("Mohamed")
    expect(page).to_have_url(re.compile(r"\?q=Mohamed$"))
    expect(results.get_by_role("link", name="Мухаммед Аль-Хасан")).to_be_visible()
    expect(results.get_by_role("cell", name="Muhammad Al-Hassan")).to_be_visible()
    assert_not_reloaded(page)
    searches = AuditEvent.objects.filter(action=Action.SEARCH, actor_username=caseworker.username)
    assert list(searches.values_list("person_id", flat=True)) == [person.pk, person.pk]

    search_box.fill("Ольга")
    expect(results).to_contain_text("Nobody found that you may see.")
    assert_not_reloaded(page)
    axe(page)


def test_back_button_from_a_found_client_returns_to_the_whole_search_page(
    page, sign_in, caseworker
):
    PersonFactory(organisation=caseworker.organisation)
    sign_in(page, caseworker)
    page.goto("/people/")
    page.get_by_role("searchbox").fill("Mohamed")
    expect(page).to_have_url(re.compile(r"\?q=Mohamed$"))
    page.get_by_role("link", name="Мухаммед Аль-Хасан").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Мухаммед Аль-Хасан")

    page.go_back()

    # The URL was pushed by htmx; the browser must not show the cached fragment as the page.
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a person")
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("searchbox")).to_have_value("Mohamed")
    expect(page.get_by_role("link", name="Мухаммед Аль-Хасан")).to_be_visible()


def test_caseworker_registers_a_person_after_correcting_a_missing_given_name(
    page, axe, sign_in, caseworker
):
    sign_in(page, caseworker)
    page.get_by_role("link", name="Register a person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register a person")
    page.get_by_label("Family name (own script)").fill("Коваленко")
    page.get_by_label("Sex").select_option(label="Female")
    page.get_by_label("Date of birth", exact=True).fill("1991-06-30")
    page.get_by_role("button", name="Save").click()

    given_name = page.get_by_label("Given name (own script)")
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below.")
    expect(given_name).to_have_attribute("aria-invalid", "true")
    expect(given_name).to_have_accessible_description(re.compile("This field is required"))
    expect(page.locator(".field.has-error")).to_have_count(1)
    expect(page.locator(".field.has-error")).to_contain_text("This field is required.")
    expect(page.get_by_label("Family name (own script)")).to_have_value("Коваленко")
    assert not Person.objects.exists()
    axe(page)

    given_name.fill("Олена")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("status")).to_have_text("Person registered.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Олена Коваленко (Olena Kovalenko)")
    person = Person.objects.get()
    assert (person.given_name, person.family_name, str(person.birth_date)) == (
        "Олена",
        "Коваленко",
        "1991-06-30",
    )
    assert person.organisation == caseworker.organisation
    assert person.caseworker == caseworker
    axe(page)


def test_second_save_of_a_stale_edit_shows_a_conflict_and_keeps_the_first(
    new_page, axe, sign_in, caseworker
):
    person = PersonFactory(organisation=caseworker.organisation, phone="+373 69 000 000")
    first, second = new_page(), new_page()
    for page in (first, second):
        sign_in(page, caseworker)
        page.goto(f"/people/{person.pk}/edit/")
        expect(page.get_by_label("Phone")).to_have_value("+373 69 000 000")

    first.get_by_label("Phone").fill("+373 69 111 111")
    first.get_by_role("button", name="Save").click()
    expect(first.get_by_role("status")).to_have_text("Changes saved.")

    second.get_by_label("Phone").fill("+373 69 222 222")
    second.get_by_role("button", name="Save").click()
    expect(second.get_by_role("alert")).to_contain_text("Someone else saved this record")
    expect(second).to_have_title(re.compile("^Edit Мухаммед Аль-Хасан"))
    expect(second.get_by_label("Phone")).to_have_value("+373 69 222 222")
    axe(second)

    person.refresh_from_db()
    assert person.phone == "+373 69 111 111"
    assert person.version == 2
    second.get_by_role("link", name="Reload the current version").click()
    expect(second.get_by_label("Phone")).to_have_value("+373 69 111 111")


def test_record_tabs_switch_in_place_and_each_is_accessible(
    page, axe, sign_in, caseworker, client_record
):
    sign_in(page, caseworker)
    page.goto(f"/people/{client_record.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Мухаммед Аль-Хасан (Muhammad Al-Hassan)"
    )
    tabs = page.get_by_role("navigation", name="Record sections")
    expect(tabs.get_by_role("link")).to_have_text([label for label, _ in TABS.values()])
    expect(tabs.get_by_role("link", name="Identity")).to_have_attribute("aria-current", "page")
    axe(page)
    mark_document(page)

    for group, (label, content) in TABS.items():
        tabs.get_by_role("link", name=label).click()
        expect(page).to_have_url(re.compile(rf"\?tab={group}$"))
        expect(tabs.get_by_role("link", name=label)).to_have_attribute("aria-current", "page")
        expect(tabs.locator("[aria-current]")).to_have_count(1)
        expect(page.get_by_role("region", name=label)).to_contain_text(content)
        axe(page)
    assert_not_reloaded(page)

    # A keyboard user keeps their place: focus stays on the tab they chose after the swap.
    identity = tabs.get_by_role("link", name="Identity")
    identity.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?tab=identity$"))
    expect(tabs.get_by_role("link", name="Identity")).to_have_attribute("aria-current", "page")
    expect(tabs.get_by_role("link", name="Identity")).to_be_focused()

    viewed = AuditEvent.objects.filter(person_id=client_record.pk, action=Action.VIEW)
    assert "vulnerabilities" in viewed.values_list("field_groups", flat=True)


def test_caseworker_opens_the_household_from_the_family_tab(
    page, axe, sign_in, caseworker, client_record
):
    sign_in(page, caseworker)
    page.goto(f"/people/{client_record.pk}/?tab=family")
    page.get_by_role("link", name="Household H-0001").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Household H-0001")
    members = page.get_by_role("table")
    expect(members.get_by_role("row")).to_have_count(3)
    expect(members).to_contain_text("Spouse or partner")
    axe(page)
    members.get_by_role("link", name="Фатима Аль-Хасан").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Фатима Аль-Хасан (Fatima Al-Hassan)")


def test_coordinator_does_not_see_the_vulnerabilities_tab(page, axe, sign_in, client_record):
    coordinator = UserFactory(role=Role.COORDINATOR)
    sign_in(page, coordinator)
    page.goto(f"/people/{client_record.pk}/")

    tabs = page.get_by_role("navigation", name="Record sections")
    expect(tabs.get_by_role("link")).to_have_text(
        ["Identity", "Legal status", "Family", "Education and work", "Integration pathway"]
    )
    expect(page.get_by_text("Vulnerabilities and health")).to_have_count(0)
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    axe(page)

    response = page.goto(f"/people/{client_record.pk}/?tab=vulnerabilities")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Access refused")
    expect(page.get_by_text("Needs psychosocial support")).to_have_count(0)
    axe(page)
    assert AuditEvent.objects.filter(
        actor_username=coordinator.username, action=Action.DENIED, field_groups="vulnerabilities"
    ).exists()


def test_auditor_sees_who_has_seen_the_record_including_the_caseworkers_reads(
    new_page, axe, sign_in, caseworker, client_record
):
    caseworker_page = new_page()
    sign_in(caseworker_page, caseworker)
    caseworker_page.goto(f"/people/{client_record.pk}/?tab=vulnerabilities")
    expect(caseworker_page.get_by_text("Needs psychosocial support")).to_be_visible()

    auditor = UserFactory(role=Role.AUDITOR, username="auditor-ion")
    page = new_page()
    sign_in(page, auditor)
    page.goto(f"/people/{client_record.pk}/")
    page.get_by_role("link", name="Who has seen this record").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Who has seen this record")
    rows = page.get_by_role("row").filter(has_text=caseworker.username)
    expect(rows.filter(has_text="vulnerabilities")).to_have_count(1)
    expect(rows.filter(has_text="Viewed").first).to_contain_text(caseworker.organisation.name)
    expect(page.get_by_role("row").filter(has_text="auditor-ion")).not_to_have_count(0)
    axe(page)


def test_arabic_user_searches_in_arabic_script_right_to_left(page, axe, sign_in, caseworker):
    PersonFactory(organisation=caseworker.organisation)
    sign_in(page, caseworker)
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    page.goto("/people/")
    page.get_by_role("searchbox").fill("محمد")
    expect(page.locator("#results").get_by_role("link", name="Мухаммед Аль-Хасан")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    axe(page)
    search_box = page.get_by_role("searchbox").bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert search_box["x"] + search_box["width"] == pytest.approx(
        heading["x"] + heading["width"], abs=2
    ), "the search box should line up with the heading on the right"


def test_caseworker_adds_a_vulnerability_after_choosing_its_kind(page, axe, sign_in, caseworker):
    person = PersonFactory(organisation=caseworker.organisation)
    sign_in(page, caseworker)
    page.goto(f"/people/{person.pk}/?tab=vulnerabilities")
    expect(page.get_by_text("No vulnerabilities recorded.")).to_be_visible()
    page.get_by_role("link", name="Add: Vulnerability").click()
    page.get_by_label("Note").fill("Needs a ground-floor flat")
    page.get_by_role("button", name="Save").click()

    kind = page.get_by_label("Kind")
    expect(kind).to_have_attribute("aria-invalid", "true")
    expect(kind).to_have_accessible_description(re.compile("This field is required"))
    axe(page)

    kind.select_option(label="Disability")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(rf"/people/{person.pk}/\?tab=vulnerabilities$"))
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_role("region", name="Vulnerabilities and health")).to_contain_text(
        "Needs a ground-floor flat"
    )
    assert list(person.vulnerabilities.values_list("note", flat=True)) == [
        "Needs a ground-floor flat"
    ]
    axe(page)
