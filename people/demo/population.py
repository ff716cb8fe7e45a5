"""How generated people fare: who is assessed, the plan, and what becomes of each measure.

Most people with protection are assessed some weeks after the decision and get a plan under
Moldova's programme; measures start after the plan is agreed and are carried out through
referrals (to the partner that offers the service) and course places, or by the caseworker.
Everything happens before the demo's "today"; what would happen later has not happened yet,
so deadlines in the past with an open measure or referral are overdue.
"""

from typing import TYPE_CHECKING

from pathways.choices import MeasureStatus as M
from people.choices import Relationship

from .context import PROTECTION, TODAY, DemoPerson
from .courses_catalogue import SLUG
from .partners_demo import measure_outcome
from .pathways_demo import MeasureDraft, PlanDraft

if TYPE_CHECKING:
    from .modules import DemoModules

PROGRAMME = "md-integration"
LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
LATIN = {"en", "fr", "tr", "tl", "pl", "yo", "ig", "ha", "ro"}
HOUSING = (("reception_centre", 30), ("other", 35), ("own", 15), ("municipal", 12))
HOUSING += (("homeless", 3),)
ASSESSED_SHARE = {"residence_permit": 0.12, "temporary_protection": 0.08}
ASSESSED_SHARE |= dict.fromkeys(PROTECTION, 0.8)
EXITS = ("left", "left", "moved", "moved", "moved", "returned")
LEFT = "The client left the integration programme."
NOT_DONE = ("The client did not come to the appointment.", "Documents could not be obtained.")
# consent recipient -> the service a consent of that purpose is for
SERVICE_OF = {"nea": "nea", "cnam": "insurance", "min_education": "recognition"}
SERVICE_OF |= {"ccr": "legal", "memoria": "psychosocial", "school": "school"}
SERVICE_OF |= dict.fromkeys(("mun_chisinau", "mun_balti", "mun_cahul"), "housing")


def add(m: "DemoModules", persons: list[DemoPerson]) -> None:
    for person in persons:
        if not plan_for(m, person, persons):
            on_consents(m, person)


def plan_for(m: "DemoModules", person: DemoPerson, household: list[DemoPerson]) -> bool:
    """Assess the person and agree a plan, as the caseworker would; False: no plan."""
    rng = m.rng
    status = person.status_on(TODAY - 1)
    if person.age_on(TODAY) < 6 or rng.random() >= ASSESSED_SHARE.get(status, 0.0):
        return False
    since = person.status_since(PROTECTION) if status in PROTECTION else None
    assessed = max(person.registered, since or 0) + rng.randint(5, 75)
    if assessed >= TODAY or person.age_on(assessed) < 6:
        return False
    values = assessment(m, person, household, assessed)
    aid = m.pathways.assess(person, assessed, values)
    start = assessed + rng.randint(2, 30)
    if rng.random() > 0.88 or start >= TODAY:
        return False
    plan = m.pathways.draft(person, aid, values, PROGRAMME, start)
    if plan is None:
        return False
    follow(m, plan, values)
    return True


def assessment(m: "DemoModules", person: DemoPerson, household, on: int) -> dict:
    rng, spec = m.rng, person.spec
    age = person.age_on(on)
    native = next((lang for lang, _level, own in spec.languages if own), "")
    latin = native in LATIN or any(
        lang in LATIN and level not in ("", "A0") for lang, level, own in spec.languages
    )
    rank = LEVELS.index(spec.host_level)
    written = LEVELS[rank if latin else max(0, rank - 1)]
    spoken = LEVELS[max(0, rank - (rng.random() < 0.3))]
    isced = spec.education[0][0] if spec.education else ("1" if age < 12 or age >= 18 else "2")
    literate = age < 18 or isced != "0" or rng.random() < 0.3
    pending = sum(q[2] == "pending" or (q[2] == "not_requested" and rng.random() < 0.3)
                  for q in spec.qualifications)  # fmt: skip
    work = spec.work[0] if spec.work else None
    young = [p for p in household if p is not person and p.age_on(on) < 6]
    carer = age >= 18 and (spec.sex == "F" or spec.relationship == Relationship.HEAD)
    health = person.has_vulnerability("disability") or person.has_vulnerability("medical_needs")
    psycho = person.has_vulnerability("torture_survivor") or person.has_vulnerability(
        "unaccompanied_minor"
    )
    notes = [note for kind, note, _on in spec.vulnerabilities if note and kind != "single_parent"]
    housing = HOUSING[0][0]
    roll = rng.random() * 95
    for kind, weight in HOUSING:
        housing, roll = kind, roll - weight
        if roll < 0:
            break
    return {
        "reading": written, "listening": LEVELS[rank], "writing": written, "speaking": spoken,
        "literate": literate, "literate_in_latin_script": literate and latin,
        "other_languages": ", ".join(lang for lang, _lvl, own in spec.languages if not own),
        "isced_level": isced, "qualifications_to_recognise": pending,
        "has_work_experience": work is not None, "occupation_isco": work[0] if work else "",
        "employment_goal": work[1] if work and 18 <= age < 65 and rng.random() < 0.7 else "",
        "housing": housing, "childcare_needed": bool(young) and carer and rng.random() < 0.75,
        "legal_needs": person.status_on(on) == "stateless" or rng.random() < 0.12,
        "health_needs": health, "psychosocial_needs": psycho,
        "health_notes": " ".join(notes) if health or psycho else "", "notes": "",
    }  # fmt: skip


def follow(m: "DemoModules", plan: PlanDraft, values: dict) -> None:
    """Agreement, the measures carried out, reviews and, for some, the closure."""
    rng = m.rng
    agreed = plan.start + rng.randint(0, 45)
    if agreed >= TODAY or (plan.start > TODAY - 365 and rng.random() < 0.03):
        agreed = None  # still proposed: the client has not decided yet
    closed = None
    if agreed is not None and rng.random() < 0.07:
        last = min(plan.end, TODAY - 1)
        if last > agreed + 30:
            closed = (rng.randint(agreed + 30, last), rng.choice(EXITS))
    elif agreed is not None and plan.end < TODAY - 20 and rng.random() < 0.88:
        registered = plan.person.registered
        if registered < TODAY - 8 * 365 - 60 and rng.random() < 0.25:  # kept open until then
            day = max(plan.end + 30, registered + 8 * 365 + rng.randint(0, 365))
            closed = (min(day, TODAY - 1), "naturalised")
        else:
            closed = (min(plan.end + rng.randint(-15, 45), TODAY - 1), "completed")
    horizon = closed[0] if closed else TODAY
    if agreed is not None:
        finished: dict[str, int] = {}
        for measure in sorted(plan.measures, key=lambda x: "Literacy" not in x.title):
            carry_out(m, plan, measure, values, agreed, horizon, closed, finished)
    m.pathways.write(plan, agreed, closed=closed, horizon=horizon)


def carry_out(m, plan: PlanDraft, measure: MeasureDraft, values, agreed, horizon, closed, done):
    rng, person = m.rng, plan.person
    begin = agreed + rng.randint(0, 20)
    area = plan.area(measure)
    left = closed is not None and closed[1] in EXITS
    # Courses and referrals go on after a plan is completed; a client who left leaves them.
    lasts = horizon if left else TODAY
    if measure.type == "course":
        key = course_for(measure, values, person.region)
        begin = max(begin, done.get("literacy", 0))
        if key and begin < horizon and rng.random() < 0.88:
            enrolled = m.courses.enrol(
                person, key, begin, lasts, plan=plan.id, measure=measure,
                mandatory=plan.mandatory,
            )  # fmt: skip
            if enrolled and key.startswith("literacy") and enrolled.ended:
                done["literacy"] = enrolled.ended
            if enrolled:
                return
        if left:
            measure.set(M.CANCELLED, horizon, LEFT, person.caseworker)
        return
    service_key = service_for(measure, area, values)
    if service_key and begin < horizon and rng.random() < 0.9:
        service = m.network.service(service_key, person.centre_key)
        groups, receiver = service.groups, service.organisation
        asked = not person.covering_consent(receiver, service.purpose, groups, begin)
        if asked and rng.random() < 0.75:  # the client consents while agreeing the plan
            m.consent(person, receiver, service.purpose, groups, agreed)
        sent = m.referrals.send(
            person, service, m.network, begin, lasts, deadline=measure.due,
            measure_key=measure.key, revoke=(horizon, LEFT) if left else None,
        )  # fmt: skip
        if sent is not None:
            measure.link("referral", sent.id, begin)
            if outcome := measure_outcome(sent):
                measure.set(*outcome)
            return
    by = person.caseworker
    if begin >= horizon or rng.random() < 0.08:
        if left:
            measure.set(M.CANCELLED, horizon, LEFT, by)
        return
    measure.set(M.IN_PROGRESS, begin, "", by)
    finish = max(measure.due + rng.randint(-40, 30), begin + 1)
    if finish < horizon:
        r = rng.random()
        if r < 0.87:
            measure.set(M.DONE, finish, "", by)
        elif r < 0.95:
            measure.set(M.NOT_DONE, finish, rng.choice(NOT_DONE), by)
        else:
            measure.set(M.CANCELLED, finish, "No longer needed.", by)
    elif closed and not left:
        measure.set(M.DONE, max(begin + 1, horizon - 1), "", by)
    elif left:
        measure.set(M.CANCELLED, horizon, LEFT, by)


def course_for(measure: MeasureDraft, values: dict, region: str) -> str | None:
    slug = SLUG[region]
    if measure.module == "md-romanian":
        skills = [values[s] for s in ("reading", "listening", "writing", "speaking")]
        rank = min(LEVELS.index(level) for level in skills) + 1
        return f"ro-{LEVELS[min(rank, 3)].lower()}-{slug}"
    if measure.title.startswith("Literacy"):
        return f"literacy-{slug}"
    if measure.module == "md-orientation":
        return f"civic-{slug}"
    return None


def service_for(measure: MeasureDraft, area: str, values: dict) -> str | None:
    """The partner service that carries out a measure of a Moldovan plan, if any."""
    responsible = measure.responsible
    if responsible == "employment_office":
        return "nea"
    if responsible == "health_insurer":
        return "insurance"
    if responsible == "line_ministry" and area in ("education", "employment"):
        return "recognition"
    if responsible == "ngo" and area == "health":
        return "psychosocial" if values["psychosocial_needs"] else None
    if responsible == "ngo" and area == "legal":
        return "legal"
    if responsible == "school":
        return "school"
    if responsible == "municipality":
        return {"housing": "housing", "education": "kindergarten"}.get(area)
    return None


def on_consents(m: "DemoModules", person: DemoPerson) -> None:
    """Without a plan, a consent still leads to a referral or a course place for some."""
    rng, keys = m.rng, {v: k for k, v in m.organisations.items()}
    for consent in list(person.consents):
        key = keys.get(consent.recipient)
        day = consent.given + rng.randint(3, 30)
        if day >= TODAY or rng.random() >= 0.5:
            continue
        if key == "courses":
            rank = LEVELS.index(person.spec.host_level) + 1
            if person.age_on(day) >= 16 and rank <= 3:
                course = f"ro-{LEVELS[rank].lower()}-{SLUG[person.region]}"
                m.courses.enrol(person, course, day, TODAY)
        elif key in SERVICE_OF:
            service = m.network.service(SERVICE_OF[key], person.centre_key)
            if service.purpose == consent.purpose:
                m.referrals.send(person, service, m.network, day, TODAY)
