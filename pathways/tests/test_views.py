"""The pathway pages: who may read and write them, assessment and proposal forms, the plan
page with its htmx adjustment, and refusals of stale writes."""

import datetime

import pytest

from accounts import policy
from accounts.models import Role
from accounts.policy import FieldGroup, RoleRule, Scope
from accounts.tests.factories import UserFactory, sign_in
from audit.models import Action, AuditEvent
from pathways import plans
from pathways.choices import PlanStatus
from pathways.models import Assessment, Measure

from .factories import AssessmentFactory, protected_person
from .scenarios import austrian_centre, eritrean_client, ministry_of_education

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 2, 1)
ASSESSMENT = {
    "assessed_on": "2026-01-20",
    "reading": "A0",
    "listening": "A1",
    "writing": "A0",
    "speaking": "A1",
    "literate": "on",
    "other_languages": "Arabic, Kurdish",
    "isced_level": "3",
    "qualifications_to_recognise": "1",
    "has_work_experience": "on",
    "occupation_isco": "7411",
    "employment_goal": "Electrician",
    "housing": "reception_centre",
    "health_needs": "on",
    "health_notes": "Back pain",
}


@pytest.fixture
def person():
    return protected_person()


@pytest.fixture
def caseworker(client, person):
    user = UserFactory(organisation=person.organisation)
    sign_in(client, user)
    return user


@pytest.fixture
def plan(person):
    user = UserFactory(organisation=person.organisation)
    return plans.propose(user, AssessmentFactory(person=person), "ro-integration", START)


def _measure(plan) -> Measure:
    return Measure.objects.filter(goal__version__plan=plan).order_by("id").first()


def test_caseworker_records_an_assessment_then_proposes_a_plan(client, caseworker, person):
    response = client.get(f"/people/{person.pk}/?tab=pathway")
    assert f"/pathways/people/{person.pk}/assessments/new/" in response.content.decode()

    response = client.post(f"/pathways/people/{person.pk}/assessments/new/", ASSESSMENT)
    assessment = Assessment.objects.get(person=person)
    assert response.url == f"/pathways/assessments/{assessment.pk}/propose/"
    assert (assessment.health_needs, assessment.health_notes) == (True, "Back pain")
    assert assessment.occupation_isco == "7411"

    response = client.post(
        response.url, {"programme": "ro-integration", "start": "2026-02-01"}, follow=True
    )
    plan = person.plans.get()
    assert response.redirect_chain[-1][0] == f"/pathways/plans/{plan.pk}/"
    assert "Romanian language course" in response.content.decode()


def test_assessment_errors_are_on_their_fields_in_the_users_language(client, caseworker, person):
    data = {**ASSESSMENT, "assessed_on": "", "occupation_isco": "electrician"}
    response = client.post(
        f"/pathways/people/{person.pk}/assessments/new/", data, HTTP_ACCEPT_LANGUAGE="ro"
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["assessed_on"] == ["Acest câmp este obligatoriu."]
    assert "occupation_isco" in errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Assessment.objects.exists()


def test_health_fields_are_neither_shown_nor_accepted_without_that_group(
    client, caseworker, person, monkeypatch
):
    without_health = policy.ALL_GROUPS - {FieldGroup.VULNERABILITIES}
    rule = RoleRule(Scope.OWN_ORGANISATION, without_health, may_edit=True)
    monkeypatch.setitem(policy.ROLE_RULES, Role.CASEWORKER, rule)
    url = f"/pathways/people/{person.pk}/assessments/new/"
    assert "health_notes" not in client.get(url).content.decode()
    client.post(url, ASSESSMENT)
    assessment = Assessment.objects.get(person=person)
    assert (assessment.health_needs, assessment.health_notes) == (False, "")


def test_ineligible_client_is_refused_with_the_rules_reason(client, caseworker, person):
    seeker = protected_person("asylum_seeker", organisation=person.organisation)
    assessment = AssessmentFactory(person=seeker)
    response = client.post(
        f"/pathways/assessments/{assessment.pk}/propose/",
        {"programme": "at-integration-law", "start": "2026-02-01"},
    )
    assert response.status_code == 200
    assert "not covered" in " ".join(response.context["form"].errors["programme"])
    assert not seeker.plans.exists()


def test_plan_page_shows_goals_by_area_with_edit_controls(client, caseworker, plan):
    response = client.get(f"/pathways/plans/{plan.pk}/")
    html = response.content.decode()
    assert response.context["editable"]
    assert [area for area, _goals in response.context["areas"]][0] == "Culture and community"
    assert f"/pathways/measures/{_measure(plan).pk}/edit/" in html
    assert "Agree the plan with the client" in html
    assert f'value="{plan.lock_version}"' in html


def test_coordinator_reads_the_plan_but_cannot_change_it(client, plan):
    sign_in(client, UserFactory(role=Role.COORDINATOR))
    response = client.get(f"/pathways/plans/{plan.pk}/")
    assert response.status_code == 200
    assert not response.context["editable"]
    assert "/edit/" not in response.content.decode()
    measure = _measure(plan)
    edit = client.post(
        f"/pathways/measures/{measure.pk}/edit/",
        {f"m{measure.pk}-title": "x", f"m{measure.pk}-deadline": "2026-03-01", "lock_version": 1},
    )
    assert edit.status_code == 403
    agree = client.post(f"/pathways/plans/{plan.pk}/agree/", {"lock_version": 1})
    assert agree.status_code == 403
    assert client.get(f"/pathways/people/{plan.person_id}/assessments/new/").status_code == 403
    measure.refresh_from_db()
    assert measure.title != "x"


@pytest.mark.parametrize("role", [Role.PARTNER_STAFF, Role.TEACHER, Role.ANALYST])
def test_roles_without_the_pathway_see_nothing(client, plan, role):
    user = UserFactory(role=role, organisation=plan.organisation)
    sign_in(client, user)
    measure, review = _measure(plan), plan.reviews.first()
    for url in (
        f"/pathways/plans/{plan.pk}/",
        f"/pathways/plans/{plan.pk}/pdf/",
        f"/pathways/measures/{measure.pk}/",
        f"/pathways/reviews/{review.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in ("/pathways/worklist/", "/pathways/programmes/"):
        assert client.get(url).status_code == 403, url
    assert client.get(f"/people/{plan.person_id}/?tab=pathway").status_code == 404
    assert AuditEvent.objects.filter(actor_username=user.username, action=Action.DENIED).exists()


def test_htmx_edit_swaps_the_row_and_hands_out_the_new_lock(client, caseworker, plan):
    measure = _measure(plan)
    organisation = ministry_of_education()
    measure.responsible_type = organisation.type
    measure.save()
    url = f"/pathways/measures/{measure.pk}/edit/"
    form = client.get(url, {"lock_version": plan.lock_version}, HTTP_HX_REQUEST="true")
    assert form.content.decode().startswith(f'<tr id="measure-{measure.pk}" class="editing">')
    data = {
        f"m{measure.pk}-title": "Romanian course, evening group",
        f"m{measure.pk}-deadline": "2026-06-30",
        f"m{measure.pk}-responsible": organisation.pk,
        f"m{measure.pk}-hours": "120",
        "lock_version": plan.lock_version,
    }
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Romanian course, evening group" in html and "Ministry of Education" in html
    assert f'value="{plan.lock_version + 1}" hx-swap-oob="outerHTML:.plan-lock"' in html
    measure.refresh_from_db()
    assert (measure.hours, measure.responsible) == (120, organisation)


def test_stale_edit_is_a_409_and_keeps_the_other_change(client, caseworker, plan):
    measure = _measure(plan)
    stale = plan.lock_version
    plans.change_measure(caseworker, measure, {"title": "Changed elsewhere"}, stale)
    data = {
        f"m{measure.pk}-title": "Mine",
        f"m{measure.pk}-deadline": "2026-06-30",
        "lock_version": stale,
    }
    url = f"/pathways/measures/{measure.pk}/edit/"
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 409
    assert "Someone else changed this plan" in response.content.decode()
    assert client.post(url, data).status_code == 409
    measure.refresh_from_db()
    assert measure.title == "Changed elsewhere"


def test_stale_agreement_is_refused(client, caseworker, plan):
    stale = plan.lock_version
    plans.change_measure(caseworker, _measure(plan), {"title": "Changed"}, stale)
    data = {"agree-agreed_on": "2026-02-03", "agree-agreement_language": "ar"}
    data["agree-signature_method"] = "handwritten"
    response = client.post(f"/pathways/plans/{plan.pk}/agree/", {**data, "lock_version": stale})
    assert response.status_code == 409
    assert plan.versions.get().status == PlanStatus.PROPOSED


def test_mandatory_plan_is_agreed_only_after_the_declaration(client):
    centre = austrian_centre()
    person = eritrean_client(centre)
    user = UserFactory(organisation=centre)
    sign_in(client, user)
    plan = plans.propose(user, AssessmentFactory(person=person), "at-integration-law", START)
    html = client.get(f"/pathways/plans/{plan.pk}/").content.decode()
    assert "Sign the integration declaration first." in html
    measures = Measure.objects.filter(goal__version__plan=plan)
    module = measures.exclude(module_code="").first()
    other = measures.filter(module_code="").first()
    assert f"/pathways/measures/{module.pk}/remove/" not in html
    assert f"/pathways/measures/{other.pk}/remove/" in html
    agree = {
        "agree-agreed_on": "2026-02-03",
        "agree-agreement_language": "en",
        "agree-other_language": "ti",
        "agree-signature_method": "oral",
        "lock_version": plan.lock_version,
    }
    refused = client.post(f"/pathways/plans/{plan.pk}/agree/", agree)
    assert "An oral agreement needs a witness." in refused.content.decode()
    agree["agree-witness"] = "M. Gruber"
    refused = client.post(f"/pathways/plans/{plan.pk}/agree/", agree)
    assert "requires the integration declaration" in refused.content.decode()

    client.post(
        f"/pathways/plans/{plan.pk}/declaration/",
        {"declaration-signed_on": "2026-02-02", "lock_version": plan.lock_version},
    )
    plan.refresh_from_db()
    response = client.post(
        f"/pathways/plans/{plan.pk}/agree/", {**agree, "lock_version": plan.lock_version}
    )
    assert response.status_code == 302
    version = plan.versions.get()
    assert (version.status, version.agreement_language) == (PlanStatus.AGREED, "ti")
    assert "/remove/" not in client.get(f"/pathways/plans/{plan.pk}/").content.decode()


def test_new_version_needs_a_reason_and_old_versions_stay_readable(client, caseworker, plan):
    plans.agree(caseworker, plan, {"agreed_on": START}, plan.lock_version)
    url = f"/pathways/plans/{plan.pk}/revise/"
    refused = client.post(url, {"revise-change_note": " ", "lock_version": plan.lock_version})
    assert "change_note" in refused.context["form"].errors and plan.versions.count() == 1
    client.post(url, {"revise-change_note": "Evening course", "lock_version": plan.lock_version})
    assert plan.versions.count() == 2
    newest = client.get(f"/pathways/plans/{plan.pk}/")
    assert newest.context["version"].number == 2 and newest.context["editable"]
    old = client.get(f"/pathways/plans/{plan.pk}/", {"version": 1})
    assert old.context["version"].number == 1 and not old.context["editable"]
    assert "which is not the newest" in old.content.decode()


def test_measure_status_history_and_reason_for_not_done(client, caseworker, plan):
    measure = _measure(plan)
    url = f"/pathways/measures/{measure.pk}/"
    refused = client.post(url, {"status": "not_done", "reason": ""})
    assert "reason" in refused.context["form"].errors
    client.post(url, {"status": "in_progress"})
    client.post(url, {"status": "done"})
    page = client.get(url)
    assert [c.status for c in page.context["history"]] == ["in_progress", "done"]
    assert AuditEvent.objects.filter(action=Action.VIEW, detail=f"measure:{measure.pk}").exists()


def test_review_is_held_and_the_plan_closed(client, caseworker, plan):
    review = plan.reviews.first()
    response = client.post(
        f"/pathways/reviews/{review.pk}/",
        {"held_on": "2026-05-01", "outcome": "on_track", "notes": "Attends the course"},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.outcome, review.held_by) == ("on_track", caseworker)
    client.post(
        f"/pathways/plans/{plan.pk}/close/",
        {"close-outcome": "completed", "close-closed_on": "2027-02-01", "lock_version": 1},
    )
    plan.refresh_from_db()
    assert (plan.outcome, plan.closed_on) == ("completed", datetime.date(2027, 2, 1))
    page = client.get(f"/pathways/plans/{plan.pk}/")
    assert page.context["close_form"] is None and not page.context["editable"]
