"""An integration pathway end to end in a real browser: assessment, proposed plan, inline
adjustment, agreement (after the integration declaration where the programme requires it),
the PDF, a measure done, a review and closure. Scenarios 5 (Romania) and 4 (Austria)."""

import re

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from accounts.models import Role
from accounts.tests.factories import UserFactory
from pathways import plans
from pathways.models import Measure, Plan

from .factories import AssessmentFactory
from .scenarios import (
    austrian_centre,
    eritrean_client,
    iraqi_client,
    ministry_of_education,
    romanian_centre,
)
from .test_pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def mark_document(page) -> None:
    page.evaluate("window.integraNoReload = true")


def assert_not_reloaded(page) -> None:
    assert page.evaluate("window.integraNoReload === true"), "the page was reloaded"


def assess_and_propose(page, axe, person, programme_label: str) -> None:
    page.goto(f"/people/{person.pk}/?tab=pathway")
    expect(page.get_by_role("region", name="Integration pathway")).to_contain_text(
        "No integration plan yet."
    )
    axe(page)
    page.get_by_role("link", name="New assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New assessment")
    axe(page)
    page.get_by_label("Speaking").select_option("A1")
    page.get_by_label("Employment goal").fill("Electrician")
    page.get_by_label("Housing situation").select_option(label="Reception or integration centre")
    page.get_by_role("button", name="Save the assessment").click()

    expect(page.get_by_role("status")).to_have_text("Assessment saved. Now propose a plan.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose a plan")
    axe(page)
    page.get_by_label(programme_label).check()
    page.get_by_role("button", name="Propose the plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Integration plan")
    axe(page)


def adjust_measure_inline(page, axe, title: str, changes: dict) -> None:
    """Edit one measure in place (htmx): the row becomes a form and comes back saved."""
    mark_document(page)
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
    row.get_by_role("link", name=re.compile("^Edit")).click()
    editing = page.locator("tr.editing")
    expect(editing.get_by_label("Measure")).to_be_focused()
    axe(page)
    for label, value in changes.items():
        field = editing.get_by_label(label)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.get_by_role("button", name=re.compile("^Save")).click()
    new_title = changes.get("Measure", title)
    saved = page.get_by_role("row").filter(has=page.get_by_role("link", name=new_title))
    expect(saved.get_by_role("link", name=re.compile("^Edit"))).to_be_focused()
    assert_not_reloaded(page)


def download_pdf(page) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the agreed plan (PDF)").click()
    with open(download.value.path(), "rb") as document:
        return document.read()


def follow_up_and_close(page, axe, measure_title: str, outcome: str) -> None:
    page.get_by_role("link", name=measure_title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(measure_title)
    page.get_by_role("combobox", name="New status").select_option(label="Done")
    page.get_by_role("button", name="Record the status").click()
    expect(page.get_by_role("status")).to_have_text("Status recorded.")
    history = page.get_by_role("region", name="Status history")
    expect(history.get_by_role("row")).to_have_count(2)
    expect(history).to_contain_text("Done")
    axe(page)

    page.get_by_role("link", name=re.compile("^Integration plan:")).click()
    page.get_by_role("link", name=re.compile("^Hold the review")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review due on")
    axe(page)
    page.get_by_label("Outcome").select_option(label="On track")
    page.get_by_label("Notes").fill("Attends every course session.")
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_role("status")).to_have_text("Review recorded.")
    reviews = page.get_by_role("region", name="Reviews")
    expect(reviews).to_contain_text("Attends every course session.")

    close = page.get_by_role("form", name="Close the plan")
    close.get_by_label("Outcome").select_option(label=outcome)
    close.get_by_role("button", name="Close the plan").click()
    expect(page.get_by_role("status")).to_have_text("The plan is closed.")
    expect(page.get_by_role("region", name="Summary")).to_contain_text(outcome)
    expect(page.get_by_role("link", name=re.compile("^Edit"))).to_have_count(0)
    axe(page)


def test_voluntary_romanian_plan_for_an_iraqi_client(page, axe, sign_in):
    centre = romanian_centre()
    person = iraqi_client(centre)
    ministry_of_education()
    sign_in(page, UserFactory(role=Role.CASEWORKER, organisation=centre))
    assess_and_propose(
        page, axe, person, "Integration programme for beneficiaries of protection · Romania"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Integration plan · أحمد الجبوري (Ahmed Al-Jubouri)"
    )
    summary = page.get_by_role("region", name="Summary")
    expect(summary).to_contain_text("Voluntary")
    expect(summary).to_contain_text("Not required")

    course = "Romanian language course organised by the Ministry of Education"
    adjust_measure_inline(
        page,
        axe,
        course,
        {
            "Measure": "Romanian course, evening group",
            "Responsible organisation": "Ministry of Education",
        },
    )
    row = page.get_by_role("row").filter(has_text="Romanian course, evening group")
    expect(row).to_contain_text("Line ministry: Ministry of Education")

    agree = page.get_by_role("region", name="Agree the plan with the client")
    agree.get_by_label("Language of the plan the client received").select_option("ar")
    agree.get_by_label("How it was signed").select_option(label="Signed on paper")
    agree.get_by_label("Interpreter").fill("Layla Hassan")
    agree.get_by_role("button", name="Record the agreement").click()
    expect(page.get_by_role("status")).to_have_text("The plan is agreed.")
    expect(summary).to_contain_text("Version 1: Agreed")
    expect(page.get_by_role("link", name=re.compile("^Edit"))).to_have_count(0)
    axe(page)

    text = pdf_text(download_pdf(page))
    assert "أحمد الجبوري" in text and "Romanian course, evening group" in text

    follow_up_and_close(page, axe, "Romanian course, evening group", "Completed")
    plan = Plan.objects.get(person=person)
    assert (plan.outcome, plan.versions.get().agreement_language) == ("completed", "ar")
    assert Measure.objects.get(title="Romanian course, evening group").status == "done"


def test_mandatory_austrian_plan_needs_the_declaration_first(page, axe, sign_in):
    centre = austrian_centre()
    person = eritrean_client(centre)
    sign_in(page, UserFactory(role=Role.CASEWORKER, organisation=centre))
    assess_and_propose(
        page, axe, person, "Integration programme under the Integration Law · Austria"
    )
    summary = page.get_by_role("region", name="Summary")
    expect(summary).to_contain_text("Mandatory")
    expect(summary).to_contain_text("Required, not signed yet")
    agree = page.get_by_role("region", name="Agree the plan with the client")
    expect(agree).to_contain_text("Sign the integration declaration first.")
    expect(agree.get_by_role("button")).to_have_count(0)
    german = page.get_by_role("row").filter(has_text="German course up to A2")
    expect(german).to_contain_text("mandatory module")
    expect(german.get_by_role("button", name=re.compile("^Remove"))).to_have_count(0)

    adjust_measure_inline(page, axe, "German course up to A2", {"Hours": "320"})
    expect(page.get_by_role("row").filter(has_text="German course up to A2")).to_contain_text("320")

    declaration = page.get_by_role("form", name="Sign the integration declaration")
    declaration.get_by_role("button", name="Record the signature").click()
    expect(page.get_by_role("status")).to_have_text(
        "The integration declaration is recorded as signed."
    )
    expect(summary).to_contain_text("Signed on")
    agree.get_by_label("Language of the plan the client received").select_option("en")
    agree.get_by_label("Other language (code)").fill("ti")
    agree.get_by_label("How it was signed").select_option(label="Agreed orally before a witness")
    agree.get_by_label("Witness").fill("Maria Gruber")
    agree.get_by_label("Interpreter").fill("Yonas Tesfamariam")
    agree.get_by_role("button", name="Record the agreement").click()
    expect(page.get_by_role("status")).to_have_text("The plan is agreed.")

    plan = Plan.objects.get(person=person)
    response = page.request.get(f"/pathways/plans/{plan.pk}/pdf/?version=1")
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body())
    assert "ተስፋይ ሃብተ" in text and "Tesfay Habte" in text and "Maria Gruber" in text

    follow_up_and_close(page, axe, "Integration declaration signed", "Moved away")
    assert Plan.objects.get(person=person).outcome == "moved"


def test_coordinator_reads_plans_worklist_and_rules_right_to_left(page, axe, sign_in):
    centre = romanian_centre()
    person = iraqi_client(centre)
    caseworker = UserFactory(organisation=centre)
    assessment = AssessmentFactory(person=person)
    plan = plans.propose(caseworker, assessment, "ro-integration", timezone.localdate())
    sign_in(page, UserFactory(role=Role.COORDINATOR))
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    page.goto("/pathways/worklist/")
    expect(page.get_by_role("link", name="أحمد الجبوري (Ahmed Al-Jubouri)").first).to_be_visible()
    axe(page)
    page.get_by_role("link", name="أحمد الجبوري (Ahmed Al-Jubouri)").first.click()
    expect(page).to_have_url(re.compile(rf"/pathways/plans/{plan.pk}/$"))
    expect(page.get_by_role("link", name=re.compile("^Edit"))).to_have_count(0)
    expect(page.get_by_role("button")).to_have_count(2)  # language and sign-out only
    axe(page)
    page.goto("/pathways/programmes/at-integration-law/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Integration programme under the Integration Law"
    )
    axe(page)


def test_inline_edit_of_a_plan_changed_meanwhile_is_refused(new_page, axe, sign_in):
    centre = romanian_centre()
    caseworker = UserFactory(role=Role.CASEWORKER, organisation=centre)
    assessment = AssessmentFactory(person=iraqi_client(centre))
    plan = plans.propose(caseworker, assessment, "ro-integration", timezone.localdate())
    first, second = new_page(), new_page()
    for page in (first, second):
        sign_in(page, caseworker)
        page.goto(f"/pathways/plans/{plan.pk}/")

    adjust_measure_inline(first, axe, "Literacy course", {"Hours": "100"})
    second.get_by_role("link", name="Edit Cultural adaptation sessions").click()
    second.locator("tr.editing").get_by_label("Hours").fill("30")
    second.get_by_role("button", name=re.compile("^Save")).click()

    alert = second.get_by_role("alert")
    expect(alert).to_contain_text("Someone else changed this plan")
    axe(second)
    assert (
        Measure.objects.get(goal__version__plan=plan, title="Cultural adaptation sessions").hours
        == 12
    )
    alert.get_by_role("link", name="Reload the plan").click()
    row = second.get_by_role("row").filter(has_text="Literacy course")
    expect(row).to_contain_text("100")


def arabic(text: str) -> str:
    """The Arabic the page shows for an English message (the catalogs are complete)."""
    with translation.override("ar"):
        return translation.gettext(text)


def test_pages_without_htmx_and_refusals_are_accessible_right_to_left(page, axe, sign_in):
    centre = romanian_centre()
    caseworker = UserFactory(role=Role.CASEWORKER, organisation=centre)
    assessment = AssessmentFactory(person=iraqi_client(centre))
    plan = plans.propose(caseworker, assessment, "ro-integration", timezone.localdate())
    measure = Measure.objects.filter(goal__version__plan=plan).order_by("id").first()
    sign_in(page, caseworker)
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    page.goto(f"/pathways/goals/{measure.goal_id}/measures/new/")
    axe(page)
    page.goto(f"/pathways/plans/{plan.pk}/")
    agree = page.get_by_role("region", name=arabic("Agree the plan with the client"))
    agree.get_by_label(arabic("How it was signed")).select_option("oral")
    agree.get_by_role("button", name=arabic("Record the agreement")).click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("textbox", name=arabic("Witness"))).to_have_accessible_description(
        arabic("An oral agreement needs a witness.")
    )
    axe(page)

    page.goto(f"/pathways/measures/{measure.pk}/edit/")
    plans.change_measure(caseworker, measure, {"hours": 5}, plan.lock_version)
    page.locator("form.inline-edit").get_by_role("button").first.click()
    stale = arabic(
        "Someone else changed this plan while you were working on it. Reload it and make "
        "your change again."
    )
    assert stale.isascii() is False
    expect(page.get_by_role("alert")).to_contain_text(stale)
    axe(page)
    page.goto("/pathways/programmes/")
    axe(page)
