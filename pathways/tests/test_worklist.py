"""The caseworker's worklist: what is due, filtered, paged without counting, audited."""

import datetime

import pytest
import time_machine

from accounts.models import Role
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from pathways import plans
from pathways.models import Measure
from pathways.paging import uncounted_page
from pathways.selectors import worklist

from .factories import AssessmentFactory, protected_person

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def caseworker_plan():
    person = protected_person()
    user = UserFactory(organisation=person.organisation)
    plan = plans.propose(user, AssessmentFactory(person=person), "ro-integration", TODAY)
    measures = Measure.objects.filter(goal__version__plan=plan).order_by("id")
    # Three measures left, due 5 days ago, in 10 days and in 20 days; the rest far off.
    measures.update(deadline=TODAY + datetime.timedelta(days=300))
    for measure, days, kind in zip(
        measures[:3], (-5, 10, 20), ("course", "referral", "course"), strict=True
    ):
        Measure.objects.filter(pk=measure.pk).update(
            deadline=TODAY + datetime.timedelta(days=days), type=kind
        )
    plan.reviews.update(due_on=TODAY + datetime.timedelta(days=200))
    return user, plan


def _deadlines(work):
    return sorted((m.deadline - TODAY).days for m in work.measures_due)


def test_due_window_and_type_narrow_the_measures(caseworker_plan):
    user, _plan = caseworker_plan
    assert _deadlines(worklist(user, TODAY)) == [-5, 10]
    assert _deadlines(worklist(user, TODAY, due_within=30)) == [-5, 10, 20]
    assert _deadlines(worklist(user, TODAY, overdue_only=True)) == [-5]
    assert _deadlines(worklist(user, TODAY, due_within=30, measure_type="course")) == [-5, 20]


@time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC), tick=False)
def test_worklist_page_filters_highlights_overdue_and_audits_the_listed(client, caseworker_plan):
    user, plan = caseworker_plan
    sign_in(client, user)
    response = client.get("/pathways/worklist/", {"window": "30", "type": "course"})
    measures = response.context["sections"][2].page.object_list
    assert [(m.deadline - TODAY).days for m in measures] == [-5, 20]
    html = response.content.decode()
    assert 'class="overdue"' in html and "Overdue" in html
    assert response.context["sections"][1].page.object_list == [plan]
    listed = AuditEvent.objects.filter(actor_username=user.username, action=Action.LIST)
    assert list(listed.values_list("person_id", "detail")) == [(plan.person_id, "worklist")]
    overdue = client.get("/pathways/worklist/", {"window": "overdue"})
    assert [(m.deadline - TODAY).days for m in overdue.context["sections"][2].page] == [-5]
    assert overdue.context["sections"][3].page.object_list == []


def test_worklist_pages_25_rows_without_counting(django_assert_num_queries):
    user = UserFactory()
    for _ in range(26):
        protected_person(organisation=user.organisation)
    to_assess = worklist(user, TODAY).assessments_to_do
    with django_assert_num_queries(1):
        first = uncounted_page(to_assess, 1)
    assert (len(first), first.has_next, first.has_previous) == (25, True, False)
    second = uncounted_page(to_assess, 2)
    assert (len(second), second.has_next, second.has_previous) == (1, False, True)


def test_worklist_page_links_to_the_next_page_keeping_the_filters(client):
    user = UserFactory()
    for _ in range(26):
        protected_person(organisation=user.organisation)
    sign_in(client, user)
    html = client.get("/pathways/worklist/", {"window": "30"}).content.decode()
    assert "?window=30&amp;assessments=2" in html
    second = client.get("/pathways/worklist/", {"window": "30", "assessments": "2"})
    assert len(second.context["sections"][0].page) == 1


def test_coordinator_sees_the_worklist_and_the_nav_link(client, caseworker_plan):
    sign_in(client, UserFactory(role=Role.COORDINATOR))
    response = client.get("/pathways/worklist/")
    assert response.status_code == 200
    assert 'href="/pathways/worklist/"' in response.content.decode()
    sign_in(client, UserFactory(role=Role.AUDITOR))
    assert 'href="/pathways/worklist/"' not in client.get("/").content.decode()
