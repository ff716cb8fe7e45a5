import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from pathways import plans
from pathways.choices import MeasureStatus, PlanStatus
from pathways.models import Measure, MeasureStatusChange
from pathways.selectors import get_plan, worklist

from .factories import AssessmentFactory, protected_person

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 2, 1)


@pytest.fixture
def caseworker_and_assessment():
    person = protected_person()
    return UserFactory(organisation=person.organisation), AssessmentFactory(person=person)


def _all_measures(plan):
    return Measure.objects.filter(goal__version__plan=plan)


def test_voluntary_romanian_plan_is_proposed_from_the_assessment(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "ro-integration", START)
    assert plan.programme_version == "2026.1"
    assert not plan.mandatory
    assert plan.versions.get().status == PlanStatus.PROPOSED
    assert _all_measures(plan).filter(type="course").exists()
    assert plan.reviews.count() >= 1
    assert all(START <= m.deadline <= plan.end_date for m in _all_measures(plan))


def test_austrian_plan_needs_the_declaration_before_agreement(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "at-integration-law", START)
    assert plan.mandatory and plan.declaration_required
    with pytest.raises(ValidationError, match="declaration"):
        plans.agree(user, plan, {"agreed_on": START}, plan.lock_version)
    plans.sign_declaration(user, plan, START, plan.lock_version)
    version = plans.agree(
        user,
        plan,
        {
            "agreed_on": START,
            "agreement_language": "ar",
            "signature_method": "handwritten",
            "interpreter": "N. Haile",
        },
        plan.lock_version,
    )
    assert version.status == PlanStatus.AGREED


def test_ineligible_status_is_refused_with_the_rule(caseworker_and_assessment):
    user, _ = caseworker_and_assessment
    seeker = AssessmentFactory(person=protected_person("asylum_seeker"))
    seeker_worker = UserFactory(organisation=seeker.person.organisation)
    with pytest.raises(ValidationError) as raised:
        plans.propose(seeker_worker, seeker, "cz-sip", START)
    assert "not covered" in str(raised.value)


def test_change_after_agreement_creates_a_new_version_and_keeps_the_old(
    caseworker_and_assessment,
):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "ro-integration", START)
    plans.agree(user, plan, {"agreed_on": START}, plan.lock_version)
    measure = _all_measures(plan).first()
    with pytest.raises(ValidationError):
        plans.change_measure(user, measure, {"title": "x"}, plan.lock_version)
    new = plans.revise(user, plan, "Moved to evening course", plan.lock_version)
    copy = Measure.objects.get(goal__version=new, key=measure.key)
    plans.change_measure(user, copy, {"title": "Evening Romanian course"}, plan.lock_version)
    plan.refresh_from_db()  # as the page would reload it
    plans.agree(user, plan, {"agreed_on": START}, plan.lock_version)
    statuses = dict(plan.versions.values_list("number", "status"))
    assert statuses == {1: PlanStatus.SUPERSEDED, 2: PlanStatus.AGREED}
    old = get_plan(user, plan.pk, version_number=1)
    assert measure.title in [m.title for g in old.goals for m in g.measures.all()]


def test_stale_plan_edit_is_refused(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "ro-integration", START)
    stale = plan.lock_version
    measure = _all_measures(plan).first()
    plans.change_measure(user, measure, {"title": "First"}, stale)
    with pytest.raises(plans.StalePlanError):
        plans.change_measure(user, measure, {"title": "Second"}, stale)
    measure.refresh_from_db()
    assert measure.title == "First"


def test_measure_status_history_and_reason_for_not_done(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "ro-integration", START)
    measure = _all_measures(plan).first()
    with pytest.raises(ValidationError):
        plans.set_measure_status(user, measure, MeasureStatus.NOT_DONE, "")
    plans.set_measure_status(user, measure, MeasureStatus.IN_PROGRESS)
    plans.set_measure_status(user, measure, MeasureStatus.DONE)
    history = MeasureStatusChange.objects.filter(measure_key=measure.key)
    assert list(history.values_list("status", flat=True)) == ["in_progress", "done"]


def test_review_then_close_with_outcome(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "cz-sip", START)
    review = plan.reviews.first()
    plans.hold_review(
        user, review, {"held_on": review.due_on, "notes": "Job found", "outcome": "on_track"}
    )
    plans.close(user, plan, "completed", datetime.date(2027, 2, 1), plan.lock_version)
    plan.refresh_from_db()
    assert (plan.outcome, plan.closed_on) == ("completed", datetime.date(2027, 2, 1))


def test_fulfilment_outcome_flows_back_to_the_measure(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "md-integration", START)
    measure = _all_measures(plan).filter(type="course").first()
    plans.link_fulfilment(measure, "course_enrolment", 42)
    assert plans.record_fulfilment_outcome("course_enrolment", 42, MeasureStatus.DONE) == 1
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.DONE


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.AUDITOR, Role.PARTNER_STAFF])
def test_only_the_owning_caseworker_proposes_plans(caseworker_and_assessment, role):
    _, assessment = caseworker_and_assessment
    with pytest.raises(PermissionDenied):
        plans.propose(UserFactory(role=role), assessment, "ro-integration", START)


def test_worklist_lists_what_is_due(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    waiting = protected_person(organisation=assessment.person.organisation)
    plan = plans.propose(user, assessment, "ro-integration", START)
    work = worklist(user, today=START + datetime.timedelta(days=400))
    assert list(work.assessments_to_do) == [waiting]
    assert list(work.awaiting_agreement) == [plan]
    assert work.measures_due.count() == _all_measures(plan).count()
    assert work.reviews_due.count() == plan.reviews.count()
    other = UserFactory()
    assert not worklist(other, today=START).awaiting_agreement.exists()


def test_every_plan_write_is_audited(caseworker_and_assessment):
    user, assessment = caseworker_and_assessment
    plan = plans.propose(user, assessment, "ro-integration", START)
    assert AuditEvent.objects.filter(
        person_id=plan.person_id, field_groups="pathway", detail=f"plan:{plan.pk}"
    ).exists()


def test_health_goals_are_hidden_from_readers_without_the_vulnerabilities_group(
    caseworker_and_assessment,
):
    user, assessment = caseworker_and_assessment
    assessment.psychosocial_needs = True
    assessment.save()
    plan = plans.propose(user, assessment, "md-integration", START)
    assert plan.versions.get().goals.filter(area="health").exists()
    caseworker_view = get_plan(user, plan.pk)
    coordinator_view = get_plan(UserFactory(role=Role.COORDINATOR), plan.pk)
    assert "health" in {g.area for g in caseworker_view.goals}
    assert "health" not in {g.area for g in coordinator_view.goals}
    coordinator_work = worklist(UserFactory(role=Role.COORDINATOR), today=START.replace(year=2030))
    assert not coordinator_work.measures_due.filter(goal__area="health").exists()
