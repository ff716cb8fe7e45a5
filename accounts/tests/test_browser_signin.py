"""Signing in and out, and switching language, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role

from .factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_page_is_accessible_and_runs_htmx_under_a_strict_csp(page, axe):
    response = page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    header = response.headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in header
    assert page.evaluate("typeof window.htmx") == "object"
    axe(page)


def test_caseworker_signs_in_and_sees_dashboard(page, axe):
    user = UserFactory(role=Role.CASEWORKER, first_name="Ana", last_name="Popescu")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Ana")
    expect(page.get_by_role("link", name="Register a person")).to_be_visible()
    expect(page.get_by_role("banner")).to_contain_text("Ana Popescu · Caseworker")
    axe(page)


def test_wrong_password_shows_an_error_and_does_not_sign_in(page, axe):
    user = UserFactory()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("alert")).to_contain_text("Please enter a correct username")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.get_by_label("Username")).to_have_value(user.username)
    axe(page)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_signed_out_user_must_sign_in_again(page, sign_in):
    sign_in(page, UserFactory())
    page.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.goto("/people/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/people/$"))


def test_switching_to_arabic_renders_right_to_left_and_stays_accessible(page, axe, sign_in):
    sign_in(page, UserFactory())
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()

    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator("#language-select")).to_have_value("ar")
    axe(page)
    # Laid out right to left: the brand starts the header on the right, the tools end it.
    width = page.viewport_size["width"]
    assert page.get_by_role("link", name="Integra").bounding_box()["x"] > width / 2
    assert page.locator(".tools").bounding_box()["x"] < width / 2
