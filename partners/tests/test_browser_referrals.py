"""A referral end to end in a real browser: the caseworker refers from a plan measure, the
employment agency answers, the outcome reaches the plan; another partner sees nothing."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from accounts.tests.factories import UserFactory
from partners.models import Referral

from .conftest import VULNERABILITY_CANARY
from .factories import consent_to, plan_with_referral_measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CLIENT = "Мухаммед Аль-Хасан (Muhammad Al-Hassan)"
OUTCOME = "Registered as a job-seeker; offer from a furniture workshop"


def test_referral_from_plan_to_partner_and_back(new_page, axe, sign_in, net):
    plan, measure = plan_with_referral_measure(net.caseworker, net.person)
    consent_to(net.person, net.employment)

    # The caseworker refers the client for the plan's employment measure.
    caseworker = new_page()
    sign_in(caseworker, net.caseworker)
    caseworker.goto(f"/people/{net.person.pk}/")
    expect(caseworker.get_by_role("link", name="Refer", exact=True)).to_be_visible()
    caseworker.goto(f"/partners/referrals/new/?person={net.person.pk}&measure={measure.pk}")
    expect(caseworker.get_by_role("heading", level=1)).to_have_text("Refer: choose a service")
    expect(caseworker.get_by_label("Area of integration")).to_have_value("employment")
    axe(caseworker)
    caseworker.get_by_role("link", name=re.compile(r"^Choose\W+Job matching")).click()
    expect(caseworker.get_by_role("heading", level=1)).to_have_text(
        "Refer to Job matching and registration"
    )
    expect(caseworker.get_by_role("radio", name=re.compile("“employment”"))).to_be_checked()
    caseworker.get_by_label("Note to the receiving organisation").fill("Carpenter, speaks Russian")
    axe(caseworker)
    caseworker.get_by_role("button", name="Send the referral").click()
    expect(caseworker.get_by_role("status")).to_have_text(
        "Referral sent to National Employment Agency."
    )
    expect(caseworker.locator("#referral-status")).to_have_text("Sent")
    axe(caseworker)
    referral = Referral.objects.get()

    # The partner finds it in the inbox, opens the client, sees only what the referral shares.
    partner = new_page()
    sign_in(partner, net.partner)
    expect(partner.get_by_role("region", name="New referrals to answer")).to_contain_text(
        f"Referral #{referral.pk}"
    )
    partner.get_by_role("navigation", name="Main").get_by_role("link", name="Inbox").click()
    row = partner.get_by_role("row").filter(has_text=f"Referral #{referral.pk}")
    expect(row).to_contain_text(CLIENT)
    axe(partner)
    row.get_by_role("link", name=f"Referral #{referral.pk}").click()
    expect(partner.get_by_text("Carpenter, speaks Russian")).to_be_visible()
    axe(partner)
    partner.get_by_role("link", name=CLIENT).click()
    tabs = partner.get_by_role("navigation", name="Record sections")
    expect(tabs.get_by_role("link")).to_have_text(["Identity", "Contact", "Education and work"])
    tabs.get_by_role("link", name="Contact").click()
    expect(partner.get_by_role("region", name="Contact")).to_contain_text("+373 69 123 456")
    expect(partner.get_by_text(VULNERABILITY_CANARY)).to_have_count(0)
    axe(partner)
    response = partner.goto(f"/people/{net.person.pk}/?tab=vulnerabilities")
    assert response.status == 403
    expect(partner.get_by_text(VULNERABILITY_CANARY)).to_have_count(0)

    partner.goto(f"/partners/referrals/{referral.pk}/")
    partner.get_by_role("button", name="Accept", exact=True).click()
    expect(partner.locator("#referral-status")).to_have_text("Accepted")
    partner.get_by_label("Reason or outcome").fill(OUTCOME)
    partner.get_by_role("button", name="Complete", exact=True).click()
    expect(partner.locator("#referral-status")).to_have_text("Completed")
    expect(partner.get_by_text(CLIENT)).to_have_count(0)  # the referral no longer grants access
    axe(partner)

    # The caseworker is told, and sees the measure done on the plan.
    caseworker.goto("/")
    caseworker.get_by_role("link", name=re.compile(r"^Notifications\W+2\W+unread")).click()
    expect(caseworker.get_by_role("listitem").filter(has_text="is now: Completed")).to_be_visible()
    axe(caseworker)
    caseworker.goto(f"/pathways/plans/{plan.pk}/")
    expect(caseworker.locator(f"#measure-{measure.pk}")).to_contain_text(f"Done: {OUTCOME}")
    axe(caseworker)

    # Another partner, without a referral, gets nothing.
    stranger = new_page()
    sign_in(stranger, UserFactory(role=Role.PARTNER_STAFF, username="other-partner"))
    assert stranger.goto(f"/partners/referrals/{referral.pk}/").status == 404
    assert stranger.goto(f"/people/{net.person.pk}/").status == 404
    axe(stranger)
    stranger.goto("/partners/inbox/")
    expect(stranger.get_by_text("No referrals here.")).to_be_visible()
    axe(stranger)


def test_coordinator_releases_a_held_referral_in_arabic(page, axe, sign_in, net):
    from django.utils import timezone

    from partners import services

    held = services.create_referral(
        net.caseworker, net.person, net.service, "employment", timezone.localdate()
    )
    sign_in(page, net.coordinator)
    expect(page.get_by_role("heading", name="Referrals held for want of consent")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Decide on held referrals").click()
    reason = page.get_by_label("Why the referral may go without the client's consent")
    reason.fill("Legal duty to register within 30 days")
    axe(page)
    page.get_by_role("button", name=re.compile(rf"^Release the referral\W+#{held.pk}$")).click()
    expect(page.get_by_role("status")).to_have_text(
        "Referral released to the receiving organisation."
    )
    expect(page.locator("#referral-status")).to_have_text("Sent")
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    axe(page)
