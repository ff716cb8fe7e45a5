"""Adding, removing and following measures; reviews; the pathway tab of a person's record."""

import datetime

import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from pathways import plans
from pathways.models import Measure

from .factories import AssessmentFactory, protected_person

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 2, 1)


@pytest.fixture
def caseworker(client):
    person = protected_person()
    user = UserFactory(organisation=person.organisation)
    sign_in(client, user)
    user.client_person = person
    return user


def _propose(user, programme="ro-integration"):
    return plans.propose(user, AssessmentFactory(person=user.client_person), programme, START)


def test_a_measure_is_added_to_a_goal_and_another_removed(client, caseworker):
    plan = _propose(caseworker)
    goal = plan.versions.get().goals.first()
    data = {
        "type": "service",
        "title": "Mentoring by a volunteer",
        "responsible_type": "ngo",
        "deadline": "2026-05-01",
        "lock_version": plan.lock_version,
    }
    response = client.post(f"/pathways/goals/{goal.pk}/measures/new/", data)
    assert response.status_code == 302
    added = goal.measures.get(title="Mentoring by a volunteer")
    plan.refresh_from_db()
    response = client.post(
        f"/pathways/measures/{added.pk}/remove/", {"lock_version": plan.lock_version}, follow=True
    )
    assert "Measure removed." in response.content.decode()
    assert not Measure.objects.filter(pk=added.pk).exists()


def test_adding_with_a_stale_lock_is_a_409(client, caseworker):
    plan = _propose(caseworker)
    goal = plan.versions.get().goals.first()
    data = {"type": "service", "title": "Late", "responsible_type": "ngo", "deadline": "2026-05-01"}
    response = client.post(f"/pathways/goals/{goal.pk}/measures/new/", {**data, "lock_version": 0})
    assert response.status_code == 409
    assert not goal.measures.filter(title="Late").exists()


def test_a_mandatory_module_is_not_removed(client, caseworker):
    plan = _propose(caseworker, "at-integration-law")
    module = Measure.objects.filter(goal__version__plan=plan).exclude(module_code="").first()
    response = client.post(
        f"/pathways/measures/{module.pk}/remove/", {"lock_version": plan.lock_version}, follow=True
    )
    assert "fulfils a mandatory module" in response.content.decode()
    assert Measure.objects.filter(pk=module.pk).exists()


def test_cancelling_an_inline_edit_gives_the_row_back_with_the_pages_lock(client, caseworker):
    plan = _propose(caseworker)
    measure = Measure.objects.filter(goal__version__plan=plan).first()
    response = client.get(
        f"/pathways/measures/{measure.pk}/row/", {"lock_version": "7"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.startswith(f'<tr id="measure-{measure.pk}">') and 'value="7"' in html
    assert " autofocus" in html


def test_review_page_read_is_audited_and_coordinator_cannot_hold_it(client, caseworker):
    plan = _propose(caseworker)
    review = plan.reviews.first()
    response = client.get(f"/pathways/reviews/{review.pk}/")
    assert response.context["form"] is not None
    assert AuditEvent.objects.filter(action=Action.VIEW, detail=f"review:{review.pk}").exists()
    sign_in(client, UserFactory(role=Role.COORDINATOR))
    assert client.get(f"/pathways/reviews/{review.pk}/").context["form"] is None
    held = {"held_on": "2026-05-01", "outcome": "on_track", "notes": "x"}
    assert client.post(f"/pathways/reviews/{review.pk}/", held).status_code == 403


def test_pathway_tab_links_plans_and_offers_a_new_assessment_to_editors(client, caseworker):
    plan = _propose(caseworker)
    person = caseworker.client_person
    html = client.get(f"/people/{person.pk}/?tab=pathway").content.decode()
    assert f'href="/pathways/plans/{plan.pk}/"' in html
    assert "Integration programme for beneficiaries of protection" in html
    assert f"/pathways/people/{person.pk}/assessments/new/" in html
    assert f"/pathways/assessments/{plan.assessment_id}/propose/" in html
    sign_in(client, UserFactory(role=Role.COORDINATOR))
    html = client.get(f"/people/{person.pk}/?tab=pathway").content.decode()
    assert f'href="/pathways/plans/{plan.pk}/"' in html
    assert "/assessments/new/" not in html and "/propose/" not in html
