"""Scenario 4 (Austria) in a real browser: the coordinator opens a German A2 group at the
programme's maximum size N, the caseworker enrols N+1 clients (one waits), the teacher takes
attendance on a phone, records an exam, and the certificate is checked on the public page."""

import dataclasses
import datetime
import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from accounts.tests.factories import UserFactory
from courses.choices import GroupStatus
from courses.models import Certificate, CourseGroup, Enrolment
from pathways.programmes import shipped_profiles
from pathways.tests.scenarios import eritrean_client
from people.services import refresh_name_keys

from .factories import AT, TODAY, CourseFactory, austrian_plan, teacher

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
N = 3
PHONE = {"width": 390, "height": 844}
NAMES = [("ዮናስ", "Yonas"), ("ሰላም", "Selam"), ("ሄኖክ", "Henok"), ("ሳባ", "Saba")]


@pytest.fixture
def small_groups(monkeypatch):
    """The Austrian rules with groups of at most N, so that N+1 clients fill one."""
    profiles = shipped_profiles()
    at = profiles[AT]
    quality = dataclasses.replace(at.course_quality, max_group_size=N)
    monkeypatch.setitem(profiles, AT, dataclasses.replace(at, course_quality=quality))


def named(organisation, native: str, latin: str):
    person = eritrean_client(organisation)
    person.given_name, person.given_name_latin = native, latin
    person.save()
    refresh_name_keys(person)
    return person


def coordinator_opens_a_group(page, axe, course, teacher_user) -> CourseGroup:
    page.get_by_role("link", name="Courses", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Courses")
    axe(page)
    page.get_by_role("link", name=re.compile(r"^Plan a group\W+" + re.escape(course.title))).click()
    axe(page)
    page.get_by_label("Name").fill("DE-A2-Wien-1")
    page.get_by_label("Teacher").select_option(label=str(teacher_user))
    page.get_by_label("Programme").select_option(AT)
    page.get_by_label("Start").fill(TODAY.isoformat())
    page.get_by_label("End").fill((TODAY + datetime.timedelta(days=120)).isoformat())
    page.get_by_label("Seats").fill(str(N + 1))
    page.get_by_role("button", name="Plan the group").click()

    criteria = page.locator("#criteria")
    expect(criteria).to_contain_text("This group cannot open yet")
    expect(criteria).to_contain_text(
        f"The group has {N + 1} seats; the programme allows at most {N}"
    )
    axe(page)
    page.get_by_role("link", name="Change the group").click()
    axe(page)
    page.get_by_label("Seats").fill(str(N))
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#criteria")).to_contain_text("meets the programme's quality criteria")
    page.get_by_role("button", name="Open the group").click()
    expect(page.get_by_role("status")).to_contain_text("The group is open for enrolment.")
    expect(page.locator("#group-status")).to_have_text("Open")

    page.get_by_label("Date").fill(TODAY.isoformat())
    page.get_by_label("Starts at").fill("09:00")
    page.get_by_label("Ends at").fill("12:00")
    page.get_by_label("Topic").fill("Wohnen und Nachbarschaft")
    page.get_by_role("button", name="Add the session").click()
    expect(page.get_by_role("cell", name="Wohnen und Nachbarschaft")).to_be_visible()
    axe(page)
    return CourseGroup.objects.get(name="DE-A2-Wien-1")


def caseworker_enrols(page, axe, group, person, first: bool) -> None:
    page.goto(f"/people/{person.pk}/?tab=pathway")
    if first:
        axe(page)
    page.get_by_role("link", name="Find a course for: German course up to A2").click()
    if first:
        axe(page)
    page.get_by_role("link", name=group.name).click()
    page.get_by_role("link", name="Enrol a client").click()
    expect(page.get_by_text(person.display_name)).to_be_visible()
    expect(page.get_by_label(re.compile("^German course up to A2"))).to_be_checked()
    if first:
        axe(page)
    page.get_by_role("button", name="Enrol").click()


def test_scenario_4_course_from_opening_to_verified_certificate(
    new_page, axe, sign_in, small_groups
):
    course = CourseFactory()
    teacher_user = teacher(course.provider, first_name="Maria", last_name="Huber")
    coordinator = UserFactory(role=Role.COORDINATOR, first_name="Klaus", last_name="Berger")
    caseworker, plan, _ = austrian_plan()
    clients = [plan.person] + [
        austrian_plan(caseworker, named(caseworker.organisation, *name))[1].person
        for name in NAMES[:N]
    ]

    page = new_page()
    sign_in(page, coordinator)
    group = coordinator_opens_a_group(page, axe, course, teacher_user)
    assert (group.status, group.capacity) == (GroupStatus.OPEN, N)

    page = new_page()
    sign_in(page, caseworker)
    for index, person in enumerate(clients):
        caseworker_enrols(page, axe, group, person, first=index == 0)
        status = page.get_by_role("status")
        if index < N:
            expect(status).to_have_text("The client is enrolled.")
        else:
            expect(status).to_have_text(
                "The group is full: the client is on the waiting list, number 1."
            )
    expect(page.locator("#group-seats")).to_have_text(f"{N} of {N} taken")
    waiting = page.get_by_role("region", name="Waiting list")
    expect(waiting.get_by_role("cell", name=clients[N].display_name)).to_be_visible()
    axe(page)
    assert Enrolment.objects.filter(group=group, status="active").count() == N

    page = new_page()
    page.set_viewport_size(PHONE)
    sign_in(page, teacher_user)
    page.get_by_role("link", name="Your course groups").click()
    page.get_by_role("link", name=f"{course.title} · {group.name}").click()
    page.get_by_role("link", name=re.compile("^Take attendance")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance")
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    present = page.get_by_role("group", name=clients[0].display_name).get_by_label("Present")
    box = present.locator("xpath=ancestor::label").bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300, box  # a thumb-sized target
    present.check()
    page.get_by_role("group", name=clients[1].display_name).get_by_label(
        "Absent without excuse"
    ).check()
    page.get_by_role("group", name=clients[2].display_name).get_by_label("Excused").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("status")).to_have_text("Attendance saved.")
    expect(
        page.get_by_role("group", name=clients[1].display_name).get_by_label(
            "Absent without excuse"
        )
    ).to_be_checked()
    axe(page)
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe(page)
    page.locator("#language-select").select_option("en")
    page.locator("form.lang button").click()
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.get_by_role("link", name=f"{course.title} · {group.name}").click()
    page.get_by_role(
        "link", name=re.compile(r"^Record exam result\W+" + re.escape(clients[0].display_name))
    ).click()
    axe(page)
    page.get_by_label("Exam date").fill(TODAY.isoformat())
    for skill in ("Reading", "Listening", "Writing", "Speaking"):
        page.get_by_label(f"{skill}: score (0–100)").fill("78")
        page.get_by_label(f"{skill}: level reached").select_option("A2")
    page.get_by_role("button", name="Record the result").click()
    expect(page.get_by_role("status")).to_have_text("Passed at A2. A certificate has been issued.")
    expect(page.get_by_role("link", name="Certificate (PDF)")).to_be_visible()
    axe(page)

    certificate = Certificate.objects.get(person=clients[0])
    public = new_page()
    public.goto(f"/verify/{certificate.code}/")
    expect(public.get_by_role("heading", level=2)).to_have_text("This certificate is valid.")
    expect(public.get_by_text("T. H.")).to_be_visible()
    expect(public.locator("main")).not_to_contain_text("Tesfay")
    axe(public)
    response = public.goto("/verify/" + "x" * 20 + "/")
    assert response.status == 404

    page = new_page()
    sign_in(page, coordinator)
    page.goto("/courses/capacity/")
    expect(page.get_by_role("img", name="Demand against free seats")).to_be_visible()
    expect(page.get_by_role("table", name="Shortfall of course seats")).to_contain_text("Wien")
    axe(page)
