"""A small script language for the scenario cases: what becomes of each measure of a plan.

A scenario names, by the start of a measure's title, a referral (`Refer`), a course place
(`Enrol`), the statuses the caseworker records (`Steps`) or a function of what carried out the
measures before it (e.g. the exam of a course); other measures start a week after
the agreement and are done by their deadline. The plan itself is what the rules engine proposes
for the assessment (pathways_demo), so a scenario cannot promise a measure the programme would
not propose: `run_plan` fails loudly if a scripted title is missing.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pathways.choices import MeasureStatus as M

from .context import TODAY, DemoPerson
from .partners_demo import OVERRIDE, measure_outcome
from .pathways_demo import MeasureDraft, PlanDraft, ReviewDraft

if TYPE_CHECKING:
    from .modules import DemoModules

SKILLS = ("reading", "listening", "writing", "speaking")


def d(text: str | None) -> int | None:
    return date.fromisoformat(text).toordinal() if text else None


def values(level: str = "A0", **given) -> dict:
    """Assessment fields: every skill at `level` unless given, then the defaults of the form."""
    fields = dict.fromkeys(SKILLS, level) | {
        "literate": True, "literate_in_latin_script": True, "other_languages": "",
        "isced_level": "1", "qualifications_to_recognise": 0, "has_work_experience": False,
        "occupation_isco": "", "employment_goal": "", "housing": "other",
        "childcare_needed": False, "legal_needs": False, "health_needs": False,
        "psychosocial_needs": False, "health_notes": "", "notes": "",
    }  # fmt: skip
    return fields | given


@dataclass
class Refer:
    service: str  # partners_network.SERVICES key (the local office is chosen by the centre)
    day: str
    path: list[tuple[str, str, str]] = field(default_factory=list)  # (status, day, note)
    deadline: str | None = None
    consent: str | None = None  # the client consents on this day if no consent covers it
    note: str = ""
    override: str = OVERRIDE


@dataclass
class Enrol:
    course: str  # courses_catalogue.COURSES key
    request: str
    intake: str
    unexcused: tuple[int, ...] | None = None  # numbers of the sessions missed without excuse
    exam: dict[str, str] | None = None  # {skill: level reached}


@dataclass
class Steps:
    steps: list[tuple[str, str, str]]  # (status, day, reason) recorded by the caseworker


def refer(m: "DemoModules", person: DemoPerson, fate: Refer, horizon: int = TODAY, measure=None):
    service = m.network.service(fate.service, person.centre_key)
    if fate.consent and not person.covering_consent(
        service.organisation, service.purpose, service.groups, d(fate.day)
    ):
        m.consent(person, service.organisation, service.purpose, service.groups, d(fate.consent))
    path, last = [], d(fate.day)
    for status, day, note in fate.path:
        path.append((status, d(day) - last, note))
        last = d(day)
    sent = m.referrals.send(
        person, service, m.network, d(fate.day), horizon, deadline=d(fate.deadline),
        measure_key=measure.key if measure else None, path=path, note=fate.note,
        override=fate.override,
    )  # fmt: skip
    if sent is None:
        raise AssertionError(f"no agreement lets {person.centre_key} refer to {fate.service}")
    return sent


def enrol(
    m: "DemoModules", person: DemoPerson, fate: Enrol, horizon=TODAY, plan=None, measure=None
):
    enrolled = m.courses.enrol(
        person, fate.course, d(fate.request), horizon, plan=plan.id if plan else None,
        measure=measure, mandatory=bool(plan and plan.mandatory), unexcused=fate.unexcused,
        exam=fate.exam, intake=d(fate.intake),
    )  # fmt: skip
    if enrolled is None:
        raise AssertionError(f"no place in {fate.course} for the intake of {fate.intake}")
    return enrolled


def carry_out(m, plan: PlanDraft, measure: MeasureDraft, fate, agreed: int, horizon: int, done):
    person, by = plan.person, plan.person.caseworker
    if callable(fate):  # follows from what carried out an earlier measure (`done`)
        return fate(measure, done)
    if isinstance(fate, Refer):
        sent = refer(m, person, fate, horizon, measure)
        measure.link("referral", sent.id, d(fate.day))
        if outcome := measure_outcome(sent):
            measure.set(*outcome)
        return sent
    if isinstance(fate, Enrol):
        return enrol(m, person, fate, horizon, plan, measure)
    if isinstance(fate, Steps):
        for status, day, reason in fate.steps:
            measure.set(status, d(day), reason, by)
        return None
    if agreed + 7 < horizon:
        measure.set(M.IN_PROGRESS, agreed + 7, "", by)
        if measure.due < horizon:
            measure.set(M.DONE, measure.due, "", by)
    return None


def run_plan(
    m: "DemoModules",
    person: DemoPerson,
    programme: str,
    assessed: str,
    start: str,
    agreed: str,
    facts: dict,
    fates: dict,
    *,
    reviews: tuple[tuple[str, str], ...] = (),
    closed: tuple[str, str] | None = None,
    declaration: str | None = None,
    revision: tuple[str, str, str | None] | None = None,
) -> tuple[PlanDraft, dict]:
    """Assess, let the engine propose, carry out the measures as scripted, write the plan.
    `reviews`: (outcome, notes) of the reviews held, in order, two days after each is due.
    Returns the plan and what carried out each scripted measure, by title prefix."""
    aid = m.pathways.assess(person, d(assessed), facts)
    plan = m.pathways.draft(person, aid, facts, programme, d(start))
    if plan is None:
        raise AssertionError(f"{programme} refuses the scenario person {person.pid}")
    horizon = d(closed[0]) if closed else TODAY
    done, results = set(), {}
    for measure in plan.measures:
        prefix = next((p for p in fates if measure.title.startswith(p)), None)
        fate = fates.get(prefix)
        results[prefix] = carry_out(m, plan, measure, fate, d(agreed), horizon, results)
        done.add(prefix)
    if missing := set(fates) - done:
        raise AssertionError(f"{programme} proposes no measure {sorted(missing)}")
    held = [
        ReviewDraft(due, due + 2, outcome, notes)
        for due, (outcome, notes) in zip(plan.reviews, reviews, strict=False)
    ]
    held += [ReviewDraft(due) for due in plan.reviews[len(held) :]]
    m.pathways.write(
        plan, d(agreed), closed=(d(closed[0]), closed[1]) if closed else None, reviews=held,
        declaration=d(declaration),
        revision=(d(revision[0]), revision[1], d(revision[2])) if revision else None,
        horizon=horizon,
    )  # fmt: skip
    return plan, results
