"""Assessments and integration plans as raw rows, proposed by the real rules engine.

A plan is what pathways.plans.propose makes of the assessment: the programme profile's
eligibility check and `propose_plan` on the needs profile. A proposal depends only on the needs
profile (its age only where a template's condition reads it) and on the plan's length in days
(deadlines are clamped to the end, reviews fall every review interval until it), so one
proposal per (programme, needs profile, length) is computed and moved to each plan's start: a
million plans need a few hundred calls of the engine.
"""

import random
from dataclasses import dataclass, field, replace
from datetime import date

from pathways.choices import MeasureStatus as M
from pathways.choices import PlanStatus
from pathways.models import (
    Assessment,
    Goal,
    Measure,
    MeasureStatusChange,
    Plan,
    PlanVersion,
    Review,
)
from pathways.programmes import AssessmentFacts, check_eligibility, needs_profile, propose_plan
from pathways.programmes.conditions import AgeAtLeast, AgeBelow, AllOf, AnyOf, Not
from pathways.programmes.rules import add_months
from pathways.programmes.schema import Profile

from .context import DemoPerson
from .rows import Tables, Values

ASSESSMENT_FIELDS = (
    "reading", "listening", "writing", "speaking", "literate", "literate_in_latin_script",
    "other_languages", "isced_level", "qualifications_to_recognise", "has_work_experience",
    "occupation_isco", "employment_goal", "housing", "childcare_needed", "legal_needs",
    "health_needs", "psychosocial_needs", "health_notes", "notes",
)  # fmt: skip
REVIEW_NOTES = {
    "on_track": "Measures on schedule; the client is satisfied with the progress.",
    "adjust": "Deadlines need adjusting; the course started later than planned.",
    "at_risk": "The client misses appointments; caseworker to follow up closely.",
}
SIGNATURES = ("handwritten",) * 17 + ("electronic",) * 2 + ("oral",)
SPOKEN = {"ro", "ru", "uk", "ar", "en"}  # language versions of the plan (settings.LANGUAGES)


@dataclass
class MeasureDraft:
    goal: int  # index in PlanDraft.goals
    key: str  # the measure's UUID as the database takes it (Values.key)
    type: str
    title: str
    responsible: str  # organisation type
    due: int
    hours: int | None
    module: str
    status: str = M.PLANNED
    reason: str = ""
    kind: str = ""  # fulfilled by: "referral" or "course_enrolment"
    record: int | None = None
    history: list[tuple[str, int, str, int | None]] = field(default_factory=list)

    def set(self, status: str, day: int, reason: str = "", by: int | None = None) -> None:
        """As plans.set_measure_status: the status, and a line of history."""
        self.status, self.reason = status, reason[:300]
        self.history.append((status, day, reason[:300], by))

    def link(self, kind: str, record: int, day: int) -> None:
        """As plans.link_fulfilment: the record carries the measure out; it is in progress."""
        self.kind, self.record = kind, record
        self.set(M.IN_PROGRESS, day, f"{kind}:{record}")


@dataclass
class PlanDraft:
    id: int
    person: DemoPerson
    assessment: int
    profile: Profile
    start: int
    end: int
    mandatory: bool
    declaration_required: bool
    goals: list[tuple[str, str]]
    measures: list[MeasureDraft]
    reviews: list[int]

    def area(self, measure: MeasureDraft) -> str:
        return self.goals[measure.goal][0]


@dataclass
class ReviewDraft:
    due: int
    held: int | None = None
    outcome: str = ""
    notes: str = ""


def _reads_age(profile: Profile) -> bool:
    """Whether a plan template's condition looks at the age (else ages share proposals)."""

    def reads(condition) -> bool:
        if isinstance(condition, AgeBelow | AgeAtLeast):
            return True
        if isinstance(condition, AllOf | AnyOf):
            return any(reads(item) for item in condition.items)
        return isinstance(condition, Not) and reads(condition.item)

    return any(
        reads(template.when) or any(reads(goal.when) for goal in template.goals)
        for template in profile.plan_templates
    )


class Pathways:
    def __init__(self, tables: Tables, values: Values, rng: random.Random, profiles: dict):
        self.t, self.v, self.rng, self.profiles = tables, values, rng, profiles
        self.salt = rng.getrandbits(64)
        self._proposals: dict[tuple, tuple] = {}
        self._eligible: dict[tuple, bool] = {}
        self._ages: dict[str, bool] = {}

    def assess(self, person: DemoPerson, on: int, values: dict) -> int:
        """Write an assessment recorded by the person's caseworker on day `on`."""
        return self.t[Assessment].add(
            person.pid, person.centre, person.caseworker, self.v.day(on),
            *(values[name] for name in ASSESSMENT_FIELDS), self.v.stamp(on, 11 * 60),
        )  # fmt: skip

    def facts(self, person: DemoPerson, values: dict, on: int) -> AssessmentFacts:
        """As pathways.assessments.facts_from, on the plan's start."""
        skills = ("reading", "listening", "writing", "speaking")
        return AssessmentFacts(
            age=person.age_on(on),
            status_type=person.status_on(on),
            host_language={s: values[s] for s in skills},
            literate_in_latin_script=values["literate_in_latin_script"],
            literate=values["literate"],
            isced_level=int(values["isced_level"]),
            qualifications_to_recognise=values["qualifications_to_recognise"],
            has_work_experience=values["has_work_experience"],
            employment_goal=values["employment_goal"] or None,
            housing=values["housing"],
            childcare_needed=values["childcare_needed"],
            health_needs=values["health_needs"],
            psychosocial_needs=values["psychosocial_needs"],
            legal_needs=values["legal_needs"],
            unaccompanied_minor=person.has_vulnerability("unaccompanied_minor"),
        )

    def draft(
        self, person: DemoPerson, assessment: int, values: dict, programme: str, start: int
    ) -> PlanDraft | None:
        """The plan pathways.plans.propose would make, or None where the client is not eligible."""
        profile = self.profiles[programme]
        facts = self.facts(person, values, start)
        eligible_key = (programme, facts.status_type, facts.age)
        if eligible_key not in self._eligible:
            self._eligible[eligible_key] = check_eligibility(profile, facts).eligible
        if not self._eligible[eligible_key]:
            return None
        needs = needs_profile(facts)
        first = date.fromordinal(start)
        end = add_months(first, profile.participation.duration_months).toordinal()
        if programme not in self._ages:
            self._ages[programme] = _reads_age(profile)
        key = (programme, needs if self._ages[programme] else replace(needs, age=0), end - start)
        if key not in self._proposals:
            proposal = propose_plan(profile, needs, first)
            goals = [(g.area, g.title) for g in proposal.goals]
            measures = [
                (i, m.type, m.title, m.responsible, m.due.toordinal() - start, m.hours, m.module)
                for i, g in enumerate(proposal.goals)
                for m in g.measures
            ]
            reviews = [d.toordinal() - start for d in proposal.reviews]
            self._proposals[key] = (proposal, goals, measures, reviews)
        proposal, goals, measures, reviews = self._proposals[key]
        plan = self.t[Plan].reserve()
        drafts = [
            MeasureDraft(
                goal,
                self.v.key(self.salt, plan * 64 + n),
                kind,
                title,
                responsible,
                start + offset,
                hours,
                module or "",
            )  # fmt: skip
            for n, (goal, kind, title, responsible, offset, hours, module) in enumerate(measures)
        ]
        return PlanDraft(
            plan, person, assessment, profile, start, end, proposal.mandatory,
            proposal.declaration_required, goals, drafts, [start + d for d in reviews],
        )  # fmt: skip

    def draw_reviews(self, plan: PlanDraft, agreed: int | None, horizon: int) -> list[ReviewDraft]:
        """Reviews held around their due day while the plan runs; later ones still due."""
        rng, reviews = self.rng, []
        for due in plan.reviews:
            review = ReviewDraft(due)
            held = due + rng.randint(-10, 12)
            if agreed is not None and agreed < held < horizon and rng.random() < 0.9:
                r = rng.random()
                outcome = "on_track" if r < 0.7 else ("adjust" if r < 0.9 else "at_risk")
                review.held, review.outcome, review.notes = held, outcome, REVIEW_NOTES[outcome]
            reviews.append(review)
        return reviews

    def write(
        self,
        plan: PlanDraft,
        agreed: int | None,
        *,
        closed: tuple[int, str] | None = None,
        reviews: list[ReviewDraft] | None = None,
        declaration: int | None = None,
        revision: tuple[int, str, int | None] | None = None,
        horizon: int,
    ) -> None:
        """Write the plan, its versions, goals, measures (with their history) and reviews.
        `revision`: (day, reason, agreed on) of a second version started from the agreed one."""
        t, v, rng, person = self.t, self.v, self.rng, plan.person
        by = person.caseworker
        reviews = reviews if reviews is not None else self.draw_reviews(plan, agreed, horizon)
        if revision is None and agreed is not None:
            adjust = next((r for r in reviews if r.outcome == "adjust"), None)
            if adjust and rng.random() < 0.3:
                again = adjust.held + rng.randint(3, 14)
                note = f"Review of {date.fromordinal(adjust.held)}: deadlines moved."
                revision = (adjust.held, note, again if again < horizon else None)
        changes = 1 + (agreed is not None) + (declaration is not None) + (closed is not None)
        if revision:
            changes += 1 + (revision[2] is not None)
        closed_on, outcome = closed or (None, "")
        t[Plan].put(
            plan.id, person.pid, person.centre, plan.assessment, plan.profile.id,
            plan.profile.version, v.day(plan.start), v.day(plan.end), plan.mandatory,
            plan.declaration_required, v.day(declaration), v.day(closed_on), outcome, changes,
            v.stamp(plan.start, 10 * 60),
        )  # fmt: skip
        native = next((lang for lang, _lvl, own in person.spec.languages if own), "ro")
        language = native if native in SPOKEN else "ro"
        interpreter = "" if language == native else f"Interpreter ({native}), integration centre"
        method = rng.choice(SIGNATURES)
        witness = "Duty caseworker of the integration centre" if method == "oral" else ""
        signed = (language, method, witness, interpreter)
        first = PlanStatus.PROPOSED if agreed is None else PlanStatus.AGREED
        if revision and revision[2] is not None:
            first = PlanStatus.SUPERSEDED
        versions = [(1, first, "", plan.start, agreed)]
        if revision:
            status = PlanStatus.PROPOSED if revision[2] is None else PlanStatus.AGREED
            versions.append((2, status, revision[1], revision[0], revision[2]))
        for number, status, note, created, agreed_on in versions:
            terms = signed if agreed_on is not None else ("", "", "", "")
            version = t[PlanVersion].add(
                plan.id, number, status, note, by, v.stamp(created, 10 * 60 + 5),
                v.day(agreed_on), *terms,
            )  # fmt: skip
            goals = [t[Goal].add(version, area, title) for area, title in plan.goals]
            for m in plan.measures:
                t[Measure].add(
                    goals[m.goal], m.key, m.type, m.title, m.responsible, None,
                    v.day(m.due), m.hours, m.module, m.status, m.reason, m.kind, m.record,
                )  # fmt: skip
        for m in plan.measures:
            key = m.key
            for status, day, reason, who in m.history:
                t[MeasureStatusChange].add(key, status, reason, v.stamp(day, 14 * 60), who)
        for r in reviews:
            held_by = by if r.held is not None else None
            t[Review].add(plan.id, v.day(r.due), v.day(r.held), held_by, r.notes, r.outcome)
