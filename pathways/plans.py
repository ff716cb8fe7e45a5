"""Writes to individual integration plans: propose, adjust, agree, revise, follow, close."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from audit.models import Action

from .access import audit, require
from .assessments import facts_from
from .choices import MeasureStatus, PlanOutcome, PlanStatus
from .models import Assessment, Goal, Measure, MeasureStatusChange, Plan, PlanVersion, Review
from .programme_registry import active_profiles
from .programmes import check_eligibility, needs_profile, propose_plan


class StalePlanError(Exception):
    def __init__(self, current_lock_version: int | None = None):
        self.current_lock_version = current_lock_version
        super().__init__(
            _(
                "Someone else changed this plan while you were working on it. Reload it and make "
                "your change again."
            )
        )


def _claim(plan: Plan, lock_version: int) -> None:
    """Advance the plan's lock version, or refuse if someone else already did."""
    rows = Plan.objects.filter(pk=plan.pk, lock_version=lock_version).update(
        lock_version=F("lock_version") + 1
    )
    if rows == 0:
        current = Plan.objects.filter(pk=plan.pk).values_list("lock_version", flat=True).first()
        raise StalePlanError(current)
    plan.lock_version = lock_version + 1


def latest_version(plan: Plan) -> PlanVersion:
    return plan.versions.order_by("-number").first()


@transaction.atomic
def propose(user, assessment: Assessment, programme_id: str, start: date) -> Plan:
    person = assessment.person
    grant = require(user, person, edit=True)
    profile = active_profiles().get(programme_id)
    if profile is None:
        raise ValidationError({"programme": _("This programme is not run here.")})
    facts = facts_from(assessment, start)
    eligibility = check_eligibility(profile, facts)
    if not eligibility.eligible:
        raise ValidationError({"programme": [r.message for r in eligibility.reasons]})
    proposal = propose_plan(profile, needs_profile(facts), start)
    plan = Plan.objects.create(
        person=person,
        organisation_id=person.organisation_id,
        assessment=assessment,
        programme_id=profile.id,
        programme_version=profile.version,
        start_date=start,
        end_date=proposal.end,
        mandatory=proposal.mandatory,
        declaration_required=proposal.declaration_required,
    )
    version = PlanVersion.objects.create(
        plan=plan, number=1, status=PlanStatus.PROPOSED, created_by=user
    )
    for proposed_goal in proposal.goals:
        goal = Goal.objects.create(
            version=version, area=proposed_goal.area, title=proposed_goal.title
        )
        Measure.objects.bulk_create(
            Measure(
                goal=goal,
                type=m.type,
                title=m.title,
                responsible_type=m.responsible,
                deadline=m.due,
                hours=m.hours,
                module_code=m.module or "",
            )
            for m in proposed_goal.measures
        )
    Review.objects.bulk_create(Review(plan=plan, due_on=due) for due in proposal.reviews)
    audit(user, person, grant, Action.CREATE, f"plan:{plan.pk}")
    return plan


def _refuse_if_closed(plan: Plan) -> None:
    if plan.closed_on:
        raise ValidationError(_("This plan is closed and can no longer be changed."))


def _editable_version(plan: Plan) -> PlanVersion:
    _refuse_if_closed(plan)
    version = latest_version(plan)
    if version.status != PlanStatus.PROPOSED:
        raise ValidationError(
            _("An agreed plan cannot be changed. Start a new version to change it.")
        )
    return version


@transaction.atomic
def change_measure(user, measure: Measure, data: dict, lock_version: int) -> Measure:
    plan = measure.goal.version.plan
    grant = require(user, plan.person, edit=True)
    if measure.goal.version_id != _editable_version(plan).pk:
        raise ValidationError(_("Only the newest, not yet agreed version can be adjusted."))
    _claim(plan, lock_version)
    for field in ("title", "type", "responsible_type", "responsible", "deadline", "hours"):
        if field in data:
            setattr(measure, field, data[field])
    measure.full_clean()
    measure.save()
    audit(user, plan.person, grant, Action.UPDATE, f"measure:{measure.pk}")
    return measure


@transaction.atomic
def add_measure(user, goal: Goal, data: dict, lock_version: int) -> Measure:
    plan = goal.version.plan
    grant = require(user, plan.person, edit=True)
    if goal.version_id != _editable_version(plan).pk:
        raise ValidationError(_("Only the newest, not yet agreed version can be adjusted."))
    _claim(plan, lock_version)
    measure = Measure(goal=goal, **data)
    measure.full_clean()
    measure.save()
    audit(user, plan.person, grant, Action.UPDATE, f"measure:{measure.pk}")
    return measure


@transaction.atomic
def remove_measure(user, measure: Measure, lock_version: int) -> None:
    plan = measure.goal.version.plan
    grant = require(user, plan.person, edit=True)
    if measure.goal.version_id != _editable_version(plan).pk:
        raise ValidationError(_("Only the newest, not yet agreed version can be adjusted."))
    if measure.module_code and plan.mandatory:
        raise ValidationError(_("This measure fulfils a mandatory module and cannot be removed."))
    _claim(plan, lock_version)
    audit(user, plan.person, grant, Action.UPDATE, f"remove-measure:{measure.pk}")
    measure.delete()


@transaction.atomic
def agree(user, plan: Plan, data: dict, lock_version: int) -> PlanVersion:
    """Record the client's agreement to the newest version; earlier agreed versions are
    superseded but stay readable."""
    grant = require(user, plan.person, edit=True)
    version = _editable_version(plan)
    if plan.declaration_required and not plan.declaration_signed_on:
        raise ValidationError(
            _("This programme requires the integration declaration to be signed first.")
        )
    if not data.get("agreed_on"):
        raise ValidationError({"agreed_on": _("Give the date the client agreed to the plan.")})
    _claim(plan, lock_version)
    plan.versions.filter(status=PlanStatus.AGREED).update(status=PlanStatus.SUPERSEDED)
    for field in ("agreed_on", "agreement_language", "signature_method", "witness", "interpreter"):
        setattr(version, field, data.get(field, ""))
    version.status = PlanStatus.AGREED
    version.full_clean()
    version.save()
    audit(user, plan.person, grant, Action.UPDATE, f"agree:{plan.pk}:v{version.number}")
    return version


@transaction.atomic
def sign_declaration(user, plan: Plan, signed_on: date, lock_version: int) -> None:
    grant = require(user, plan.person, edit=True)
    _claim(plan, lock_version)
    Plan.objects.filter(pk=plan.pk).update(declaration_signed_on=signed_on)
    plan.declaration_signed_on = signed_on
    audit(user, plan.person, grant, Action.UPDATE, f"declaration:{plan.pk}")


@transaction.atomic
def revise(user, plan: Plan, note: str, lock_version: int) -> PlanVersion:
    """Start a new version from the agreed one; measures keep their keys and history."""
    grant = require(user, plan.person, edit=True)
    _refuse_if_closed(plan)
    current = latest_version(plan)
    if current.status != PlanStatus.AGREED:
        raise ValidationError(_("The newest version is not agreed yet: adjust it directly."))
    if not note.strip():
        raise ValidationError({"change_note": _("Say why the plan changes.")})
    _claim(plan, lock_version)
    new = PlanVersion.objects.create(
        plan=plan,
        number=current.number + 1,
        status=PlanStatus.PROPOSED,
        created_by=user,
        change_note=note,
    )
    for goal in current.goals.prefetch_related("measures"):
        copy = Goal.objects.create(version=new, area=goal.area, title=goal.title)
        measures = list(goal.measures.all())
        for measure in measures:
            measure.pk, measure.goal = None, copy
        Measure.objects.bulk_create(measures)
    audit(user, plan.person, grant, Action.UPDATE, f"revise:{plan.pk}:v{new.number}")
    return new


@transaction.atomic
def set_measure_status(user, measure: Measure, status: str, reason: str = "") -> Measure:
    plan = measure.goal.version.plan
    grant = require(user, plan.person, edit=True)
    if status not in MeasureStatus.values:
        raise ValidationError({"status": _("Choose one of the listed statuses.")})
    if status in (MeasureStatus.NOT_DONE, MeasureStatus.CANCELLED) and not reason.strip():
        raise ValidationError({"reason": _("Give the reason the measure was not done.")})
    Measure.objects.filter(key=measure.key, goal__version__plan=plan).update(
        status=status, status_reason=reason
    )
    MeasureStatusChange.objects.create(
        measure_key=measure.key, status=status, reason=reason, by=user
    )
    measure.status, measure.status_reason = status, reason
    audit(user, plan.person, grant, Action.UPDATE, f"measure-status:{measure.pk}:{status}")
    return measure


@transaction.atomic
def hold_review(user, review: Review, data: dict) -> Review:
    grant = require(user, review.plan.person, edit=True)
    for field in ("held_on", "notes", "outcome"):
        if field in data:
            setattr(review, field, data[field])
    review.notes, review.outcome = review.notes or "", review.outcome or ""
    if not review.held_on:
        raise ValidationError({"held_on": _("Give the date the review was held.")})
    review.held_by = user
    review.full_clean()
    review.save()
    audit(user, review.plan.person, grant, Action.UPDATE, f"review:{review.pk}")
    return review


@transaction.atomic
def close(user, plan: Plan, outcome: str, closed_on: date, lock_version: int) -> Plan:
    grant = require(user, plan.person, edit=True)
    if plan.closed_on:
        raise ValidationError(_("This plan is already closed."))
    if outcome not in PlanOutcome.values:
        raise ValidationError({"outcome": _("Choose one of the listed outcomes.")})
    _claim(plan, lock_version)
    Plan.objects.filter(pk=plan.pk).update(outcome=outcome, closed_on=closed_on)
    plan.outcome, plan.closed_on = outcome, closed_on
    audit(user, plan.person, grant, Action.UPDATE, f"close:{plan.pk}:{outcome}")
    return plan


def link_fulfilment(measure: Measure, kind: str, record_id: int) -> None:
    """A later module's record (course enrolment, referral) now carries out this measure."""
    Measure.objects.filter(key=measure.key).update(
        fulfilled_by_kind=kind, fulfilled_by_id=record_id, status=MeasureStatus.IN_PROGRESS
    )
    MeasureStatusChange.objects.create(
        measure_key=measure.key, status=MeasureStatus.IN_PROGRESS, reason=f"{kind}:{record_id}"
    )


def record_fulfilment_outcome(kind: str, record_id: int, status: str, reason: str = "") -> int:
    """The fulfilling record finished: its outcome flows back to the measure(s)."""
    measures = Measure.objects.filter(fulfilled_by_kind=kind, fulfilled_by_id=record_id)
    keys = set(measures.values_list("key", flat=True))
    measures.update(status=status, status_reason=reason)
    MeasureStatusChange.objects.bulk_create(
        MeasureStatusChange(measure_key=key, status=status, reason=reason) for key in keys
    )
    return len(keys)
