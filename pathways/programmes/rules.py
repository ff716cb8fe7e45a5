"""The programme-rules engine: eligibility and plan proposal. Pure functions over plain data."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext

from .facts import AssessmentFacts, NeedsProfile, needs_profile
from .schema import MeasureTemplate, Profile

__all__ = [
    "AssessmentFacts",
    "Eligibility",
    "NeedsProfile",
    "ProposedGoal",
    "ProposedMeasure",
    "ProposedPlan",
    "Reason",
    "add_months",
    "check_eligibility",
    "needs_profile",
    "propose_plan",
]

DEFAULT_COURSE_PROVIDER = "course_provider"


@dataclass(frozen=True)
class Reason:
    """One rule that decided an eligibility outcome; `rule` is the profile key path."""

    rule: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    mandatory: bool  # eligible and participation is mandatory
    declaration_required: bool  # eligible and an integration declaration must be signed
    reasons: tuple[Reason, ...]


def _status_label(code: str) -> str:
    """The translated name of a legal status (the value sets mirror people.choices)."""
    from people.choices import StatusType

    if not code:
        return gettext("no valid legal status")
    return str(StatusType(code).label) if code in StatusType.values else code


def check_eligibility(profile: Profile, facts: AssessmentFacts) -> Eligibility:
    """Is the client eligible, and is participation mandatory? Reasons name the rule."""
    rules = profile.eligibility
    refusals: list[Reason] = []
    if facts.status_type not in rules.status_types:
        refusals.append(
            Reason(
                "eligibility.status_types",
                gettext("The status %(status)s is not covered by %(programme)s.")
                % {"status": _status_label(facts.status_type), "programme": profile.name},
            )
        )
    if facts.age < rules.min_age:
        refusals.append(
            Reason(
                "eligibility.min_age",
                gettext("Age %(age)d is below the programme's minimum age of %(min)d.")
                % {"age": facts.age, "min": rules.min_age},
            )
        )
    if rules.max_age is not None and facts.age > rules.max_age:
        refusals.append(
            Reason(
                "eligibility.max_age",
                gettext("Age %(age)d is above the programme's maximum age of %(max)d.")
                % {"age": facts.age, "max": rules.max_age},
            )
        )
    if refusals:
        return Eligibility(False, False, False, tuple(refusals))
    participation = profile.participation
    if participation.mandatory:
        mode = gettext("Participation in %(programme)s is mandatory.")
    else:
        mode = gettext("Participation in %(programme)s is voluntary.")
    reasons = [Reason("participation.mode", mode % {"programme": profile.name})]
    if participation.integration_declaration_required:
        reasons.append(
            Reason(
                "participation.integration_declaration_required",
                gettext("The client must sign an integration declaration."),
            )
        )
    return Eligibility(
        True,
        participation.mandatory,
        participation.integration_declaration_required,
        tuple(reasons),
    )


@dataclass(frozen=True)
class ProposedMeasure:
    type: str
    title: str
    responsible: str  # organisation type
    due: date
    hours: int | None = None
    module: str | None = None
    template: str | None = None  # plan template id; None for a programme default


@dataclass(frozen=True)
class ProposedGoal:
    area: str
    title: str
    measures: tuple[ProposedMeasure, ...]


@dataclass(frozen=True)
class ProposedPlan:
    profile_id: str
    profile_version: str
    start: date
    end: date
    mandatory: bool
    declaration_required: bool
    goals: tuple[ProposedGoal, ...]
    reviews: tuple[date, ...]
    templates: tuple[str, ...]  # ids of the plan templates that applied

    @property
    def measures(self) -> tuple[ProposedMeasure, ...]:
        return tuple(m for goal in self.goals for m in goal.measures)


def add_months(start: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def propose_plan(profile: Profile, needs: NeedsProfile, start: date) -> ProposedPlan:
    """Goals and measures of every template whose condition matches, plus default courses
    for uncovered mandatory modules, reviews every review_interval_days until the end."""
    end = add_months(start, profile.participation.duration_months)
    goals: dict[tuple[str, str], list[ProposedMeasure]] = {}
    applied: list[str] = []

    def due(days: int) -> date:
        return min(start + timedelta(days=days), end)

    for template in profile.plan_templates:
        if not template.when.matches(needs):
            continue
        applied.append(template.id)
        for goal in template.goals:
            if not goal.when.matches(needs):
                continue
            measures = goals.setdefault((goal.area, goal.title), [])
            for item in goal.measures:
                measure = _measure(profile, item, due(item.due_in_days), template.id)
                if not any(_same(measure, other) for other in measures):
                    measures.append(measure)

    for module in profile.mandatory_modules:
        planned = sum(
            m.hours or 0
            for measures in goals.values()
            for m in measures
            if m.type == "course" and m.module == module.code
        )
        if planned >= module.min_hours:
            continue
        key = next((k for k in goals if k[0] == module.area), (module.area, module.title))
        goals.setdefault(key, []).append(
            ProposedMeasure(
                type="course",
                title=module.title,
                responsible=DEFAULT_COURSE_PROVIDER,
                due=end,
                hours=module.min_hours - planned,
                module=module.code,
            )
        )

    interval = timedelta(days=profile.participation.review_interval_days)
    reviews: list[date] = []
    while start + interval * (len(reviews) + 1) <= end:
        reviews.append(start + interval * (len(reviews) + 1))
    return ProposedPlan(
        profile_id=profile.id,
        profile_version=profile.version,
        start=start,
        end=end,
        mandatory=profile.participation.mandatory,
        declaration_required=profile.participation.integration_declaration_required,
        goals=tuple(
            ProposedGoal(area, title, tuple(sorted(measures, key=lambda m: m.due)))
            for (area, title), measures in goals.items()
        ),
        reviews=tuple(reviews),
        templates=tuple(applied),
    )


def _measure(profile: Profile, item: MeasureTemplate, due: date, template: str) -> ProposedMeasure:
    hours = item.hours
    if hours is None and item.module is not None:
        module = profile.module(item.module)
        hours = module.min_hours if module else None
    return ProposedMeasure(
        type=item.type,
        title=item.title,
        responsible=item.responsible,
        due=due,
        hours=hours,
        module=item.module,
        template=template,
    )


def _same(a: ProposedMeasure, b: ProposedMeasure) -> bool:
    return (a.type, a.title, a.responsible, a.module) == (b.type, b.title, b.responsible, b.module)
