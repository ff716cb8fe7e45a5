"""The statistics dashboard in a real browser: charts, a breakdown changed through htmx without
reloading the page, drill-down to the table, a computation with its progress; axe finds no
violation and the Content-Security-Policy blocks nothing."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from accounts.tests.factories import UserFactory
from monitoring.compute import compute_catalogue, store

from .builders import small_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def analyst():
    small_world()
    store(compute_catalogue(as_of=datetime.date(2026, 6, 30)))
    return UserFactory(role=Role.ANALYST)


def test_the_analyst_dashboard_changes_breakdown_in_place_and_drills_down(
    page, axe, sign_in, analyst
):
    sign_in(page, analyst)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Statistics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics: Integration outcomes")
    expect(page.locator("svg.chart").first).to_be_visible()
    axe(page)

    page.evaluate("window.integraNoReload = true")
    page.get_by_label("Year", exact=True).select_option("2025")
    page.get_by_label("Break down by", exact=True).select_option(label="Region")
    expect(page.get_by_role("status").filter(has_text="by Region")).to_be_attached()
    expect(page.locator("figcaption").first).to_contain_text("by Region, 2025")
    assert page.evaluate("window.integraNoReload === true"), "the page was reloaded"
    assert "breakdown=region" in page.url
    axe(page)

    caption = page.locator("figcaption").filter(has_text="Employed 12 months")
    caption.get_by_role("link", name=re.compile("^Table")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Employed 12 months after the plan started"
    )
    table = page.get_by_role("table")
    expect(table).to_contain_text("suppressed")
    expect(page.get_by_role("link", name="Download SDMX-ML")).to_be_visible()
    axe(page)


def test_the_coordinator_starts_a_computation_and_sees_its_progress(page, axe, sign_in, analyst):
    coordinator = UserFactory(role=Role.COORDINATOR)
    sign_in(page, coordinator)
    page.goto("/monitoring/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics: Programme")
    axe(page)
    page.get_by_role("button", name="Compute the figures again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Computing the figures")
    expect(page.get_by_role("status")).to_contain_text("Done · 100 %")
    axe(page)
    page.get_by_role("link", name="See the statistics").click()
    expect(page.locator("svg.chart").first).to_be_visible()
