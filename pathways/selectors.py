"""Reads of pathway data, through the access policy and into the audit trail."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from audit.services import Entry, record
from people.models import LegalStatus, Person

from .access import audit, require, require_visible
from .choices import MeasureStatus, PlanStatus
from .models import Assessment, Goal, Measure, MeasureStatusChange, Plan, PlanVersion, Review
from .plans import latest_version

DUE_SOON_DAYS = 14


def plans_for_person(user, person: Person) -> list[Plan]:
    grant = require(user, person)
    plans = list(person.plans.order_by("-start_date"))
    audit(user, person, grant, Action.VIEW, "plans")
    return plans


def assessments_for_person(user, person: Person) -> list[Assessment]:
    grant = require(user, person)
    audit(user, person, grant, Action.VIEW, "assessments")
    return list(person.assessments.all())


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    version: PlanVersion
    versions: list[PlanVersion]
    goals: list
    reviews: list[Review]
    access: policy.Access

    @property
    def editable(self) -> bool:
        return (
            self.access.may_edit
            and self.version.status == PlanStatus.PROPOSED
            and not self.plan.closed_on
        )


def get_plan(user, pk: int, version_number: int | None = None) -> PlanView:
    plan = Plan.objects.select_related("person", "organisation").filter(pk=pk).first()
    if plan is None:
        raise Http404
    grant = require_visible(user, plan.person)
    versions = list(plan.versions.order_by("-number"))
    version = next((v for v in versions if v.number == version_number), None) or versions[0]
    goals = list(
        version.goals.exclude(area__in=policy.hidden_plan_areas(grant)).prefetch_related(
            "measures__responsible"
        )
    )
    audit(user, plan.person, grant, Action.VIEW, f"plan:{plan.pk}:v{version.number}")
    return PlanView(plan, version, versions, goals, list(plan.reviews.all()), grant)


def get_measure(user, pk: int) -> Measure:
    measure = Measure.objects.select_related("goal__version__plan__person").filter(pk=pk).first()
    if measure is None:
        raise Http404
    require_visible(user, measure.goal.version.plan.person)
    return measure


def view_measure(user, pk: int) -> Measure:
    """A measure as shown on its own, with its status history; the read is audited."""
    measure = get_measure(user, pk)
    person = measure.goal.version.plan.person
    audit(user, person, policy.access(user, person), Action.VIEW, f"measure:{measure.pk}")
    return measure


def measure_history(measure: Measure) -> list[MeasureStatusChange]:
    return list(MeasureStatusChange.objects.filter(measure_key=measure.key))


def get_review(user, pk: int) -> Review:
    review = Review.objects.select_related("plan__person").filter(pk=pk).first()
    if review is None:
        raise Http404
    require_visible(user, review.plan.person)
    return review


def view_review(user, pk: int) -> Review:
    """A review as shown on its own page (due date, notes); the read is audited."""
    review = get_review(user, pk)
    person = review.plan.person
    audit(user, person, policy.access(user, person), Action.VIEW, f"review:{review.pk}")
    return review


def get_goal(user, pk: int) -> Goal:
    """The goal a new measure is added to; the service checks the right to edit."""
    goal = Goal.objects.select_related("version__plan__person").filter(pk=pk).first()
    if goal is None:
        raise Http404
    require_visible(user, goal.version.plan.person)
    return goal


def get_plan_for_change(user, pk: int) -> Plan:
    """The plan a write is about; the service checks the right to edit and audits the write."""
    plan = Plan.objects.select_related("person").filter(pk=pk).first()
    if plan is None:
        raise Http404
    require_visible(user, plan.person)
    return plan


def assessment_groups(grant: policy.Access) -> list[FieldGroup]:
    """Groups an assessment shows: the pathway, and its health fields only with that group."""
    health = [FieldGroup.VULNERABILITIES] if grant.allows(FieldGroup.VULNERABILITIES) else []
    return [FieldGroup.PATHWAY, *health]


@dataclass(frozen=True)
class AssessmentView:
    assessment: Assessment
    access: policy.Access

    @property
    def shows_health(self) -> bool:
        return self.access.allows(FieldGroup.VULNERABILITIES)


def get_assessment(user, pk: int) -> AssessmentView:
    assessment = Assessment.objects.select_related("person").filter(pk=pk).first()
    if assessment is None:
        raise Http404
    grant = require_visible(user, assessment.person)
    groups = assessment_groups(grant)
    audit(user, assessment.person, grant, Action.VIEW, f"assessment:{assessment.pk}", groups)
    return AssessmentView(assessment, grant)


# Lists across clients: only persons whose pathway the user may read, never anyone else's.


def pathway_persons(user) -> QuerySet:
    return policy.persons_with_group(user, Person.objects.all(), FieldGroup.PATHWAY)


def visible_assessments(user) -> QuerySet:
    return Assessment.objects.filter(person__in=pathway_persons(user)).select_related("person")


def visible_plans(user) -> QuerySet:
    return Plan.objects.filter(person__in=pathway_persons(user)).select_related("person")


def visible_reviews(user) -> QuerySet:
    return Review.objects.filter(plan__person__in=pathway_persons(user)).select_related(
        "plan__person"
    )


def audit_listed(user, rows, groups_for=lambda grant: [FieldGroup.PATHWAY]) -> None:
    """Audit each listed row: `rows` are (person, detail) pairs of one page."""
    entries = []
    for person, detail in rows:
        grant = policy.access(user, person)
        entries.append(Entry(person.pk, Action.LIST, groups_for(grant), grant.ground, detail))
    record(user, entries)


@dataclass(frozen=True)
class Worklist:
    assessments_to_do: QuerySet
    awaiting_agreement: QuerySet
    measures_due: QuerySet
    reviews_due: QuerySet


def worklist(
    user,
    today: date,
    organisation_only: bool = True,
    *,
    due_within: int = DUE_SOON_DAYS,
    overdue_only: bool = False,
    measure_type: str = "",
) -> Worklist:
    """What needs doing, across the clients the user may see. Every part is a lazy,
    indexed query; the caller pages it. Measures and reviews are those due within
    `due_within` days (overdue ones included), or only the overdue ones; measures can be
    narrowed to one type."""
    if FieldGroup.PATHWAY not in policy.rule_for(user).groups:
        empty = Plan.objects.none()
        return Worklist(Person.objects.none(), empty, Measure.objects.none(), Review.objects.none())
    persons = policy.visible_persons(user, Person.objects.all())
    protected = LegalStatus.objects.filter(person=OuterRef("pk"), valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    to_assess = persons.filter(Exists(protected)).exclude(
        Exists(Assessment.objects.filter(person=OuterRef("pk")))
    )
    open_plans = policy.visible_related(user, Plan.objects.filter(closed_on__isnull=True), "person")
    awaiting = open_plans.filter(
        Exists(PlanVersion.objects.filter(plan=OuterRef("pk"), status=PlanStatus.PROPOSED))
    )
    soon = today - timedelta(days=1) if overdue_only else today + timedelta(days=due_within)
    # The agreed version, or the first proposal of a plan not agreed yet: never both.
    current = Q(goal__version__status=PlanStatus.AGREED) | Q(
        goal__version__status=PlanStatus.PROPOSED, goal__version__number=1
    )
    measures = policy.visible_related(
        user,
        Measure.objects.filter(current, goal__version__plan__closed_on__isnull=True),
        "goal__version__plan__person",
    )
    measures = measures.exclude(goal__area__in=policy.hidden_plan_areas_in_lists(user)).filter(
        status__in=[MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS],
        deadline__lte=soon,
    )
    if measure_type:
        measures = measures.filter(type=measure_type)
    reviews = policy.visible_related(
        user,
        Review.objects.filter(plan__closed_on__isnull=True, held_on__isnull=True, due_on__lte=soon),
        "plan__person",
    )
    return Worklist(
        to_assess.order_by("id"),
        awaiting.select_related("person").order_by("start_date", "id"),
        measures.select_related("goal__version__plan__person").order_by("deadline", "id"),
        reviews.select_related("plan__person").order_by("due_on", "id"),
    )


__all__ = ["latest_version"]
