"""Reads of pathway data, through the access policy and into the audit trail."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts import policy
from accounts.policy import FieldGroup
from audit.models import Action
from people.models import LegalStatus, Person

from .access import audit, require
from .choices import MeasureStatus, PlanStatus
from .models import Assessment, Measure, Plan, PlanVersion, Review
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
    grant = require(user, plan.person)
    versions = list(plan.versions.order_by("-number"))
    version = next((v for v in versions if v.number == version_number), None) or versions[0]
    goals = list(version.goals.prefetch_related("measures__responsible"))
    audit(user, plan.person, grant, Action.VIEW, f"plan:{plan.pk}:v{version.number}")
    return PlanView(plan, version, versions, goals, list(plan.reviews.all()), grant)


def get_measure(user, pk: int) -> Measure:
    measure = Measure.objects.select_related("goal__version__plan__person").filter(pk=pk).first()
    if measure is None:
        raise Http404
    require(user, measure.goal.version.plan.person)
    return measure


def get_review(user, pk: int) -> Review:
    review = Review.objects.select_related("plan__person").filter(pk=pk).first()
    if review is None:
        raise Http404
    require(user, review.plan.person)
    return review


@dataclass(frozen=True)
class Worklist:
    assessments_to_do: QuerySet
    awaiting_agreement: QuerySet
    measures_due: QuerySet
    reviews_due: QuerySet


def worklist(user, today: date, organisation_only: bool = True) -> Worklist:
    """What needs doing, across the clients the user may see. Every part is a lazy,
    indexed query; the caller pages it."""
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
    open_plans = Plan.objects.filter(person__in=persons, closed_on__isnull=True)
    awaiting = open_plans.filter(
        Exists(PlanVersion.objects.filter(plan=OuterRef("pk"), status=PlanStatus.PROPOSED))
    )
    soon = today + timedelta(days=DUE_SOON_DAYS)
    # The agreed version, or the first proposal of a plan not agreed yet: never both.
    current = PlanVersion.objects.filter(plan__in=open_plans).filter(
        Q(status=PlanStatus.AGREED) | Q(status=PlanStatus.PROPOSED, number=1)
    )
    measures = Measure.objects.filter(
        goal__version__in=current,
        status__in=[MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS],
        deadline__lte=soon,
    )
    reviews = Review.objects.filter(plan__in=open_plans, held_on__isnull=True, due_on__lte=soon)
    return Worklist(
        to_assess.order_by("id"),
        awaiting.select_related("person").order_by("start_date"),
        measures.select_related("goal__version__plan__person").order_by("deadline"),
        reviews.select_related("plan__person").order_by("due_on"),
    )


__all__ = ["latest_version"]
