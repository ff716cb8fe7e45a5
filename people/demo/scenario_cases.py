"""The cases of shared/SCENARIOS.md end to end: assessments, plans proposed by the programme's
rules, referrals, courses, exams, sanctions, reviews and closures, on fixed dates.

They are written as rows like the generated people (no audit events), by the same rules the
services enforce: the engine proposes each plan from the assessment, a referral needs an
agreement in force and a covering consent or a coordinator's override, a group holds its
programme's group size with a qualified teacher, a sanction follows the programme's rule.
A case whose household was cut short (fewer people asked for) keeps only its people present.
"""

from typing import TYPE_CHECKING

from pathways.choices import MeasureStatus as M

from . import scenario_cases_abroad
from .context import DemoPerson
from .scenario_script import Enrol, Refer, Steps, d, enrol, refer, run_plan, values

if TYPE_CHECKING:
    from .modules import DemoModules

A, P, C = "accepted", "in_progress", "completed"
MD = "md-integration"
# Scenario 1: the autumn intake of Romanian A1 in Chișinău, whose first group the demo
# `teacher` teaches; still running on the demo's "today".
ROMANIAN_AUTUMN = Enrol("ro-a1-chisinau", "2025-10-20", "2025-11-03")
CIVIC_SPRING = Enrol("civic-chisinau", "2025-04-03", "2025-04-05")
APARTMENT = (
    "Renovated municipal apartment in the village of Stăuceni, rent-free for five years; the "
    "family pays the utilities."
)
SYRIAN_REVIEWS = (
    ("on_track", "Literacy course finished; counselling at the employment agency started."),
    ("on_track", "The family moved into the municipal apartment in Stăuceni."),
    ("on_track", "Romanian A1 course going well; support by Memoria continues."),
)


def add(m: "DemoModules", case: int, persons: list[DemoPerson]) -> None:
    people = {p.spec.given_name_latin: p for p in persons}
    cases = {1: syrian_family, 3: ukrainian_family, 4: eritrean_man}
    (cases.get(case) or scenario_cases_abroad.CASES[case])(m, people)


def syrian_family(m: "DemoModules", people: dict[str, DemoPerson]) -> None:
    dates = ("2025-03-20", "2025-03-27", "2025-04-03")  # assessed, plan start, agreed
    if father := people.get("Mohamed"):
        facts = values(
            literate_in_latin_script=False, other_languages="ru", isced_level="3",
            has_work_experience=True, occupation_isco="7115", employment_goal="Carpenter",
            housing="reception_centre", psychosocial_needs=True,
            health_notes="Survivor of torture in detention; nightmares and chronic pain.",
        )  # fmt: skip
        run_plan(m, father, MD, *dates, facts, {
            "Cultural and civic": CIVIC_SPRING,
            "Health insurance": Refer("insurance", "2025-04-04", [
                (A, "2025-04-07", ""), (C, "2025-04-16", "Policy issued for the whole family."),
            ], consent="2025-04-03"),
            "Literacy course": Enrol("literacy-chisinau", "2025-04-03", "2025-05-06"),
            "Romanian language course": ROMANIAN_AUTUMN,
            "Registration with the territorial": Refer("nea", "2025-04-07", [
                (A, "2025-04-14", ""), (P, "2025-04-22", ""),
            ], deadline="2026-03-31", note="Carpenter, 15 years; speaks Arabic and some Russian."),
            "Rent-free apartment": Refer("housing", "2025-04-10", [
                (A, "2025-04-22", ""), (P, "2025-05-12", ""), (C, "2025-09-15", APARTMENT),
            ], consent="2025-04-03"),
            "Facilitated access": Refer("psychosocial", "2025-04-04", [
                (A, "2025-04-10", ""), (P, "2025-04-18", ""),
            ], deadline="2026-03-31", note="Survivor of torture; needs an Arabic interpreter."),
        }, reviews=SYRIAN_REVIEWS)  # fmt: skip
    if mother := people.get("Fatima"):
        facts = values(
            other_languages="en", isced_level="6", qualifications_to_recognise=1,
            has_work_experience=True, occupation_isco="2341",
            employment_goal="Primary school teacher", housing="reception_centre",
            childcare_needed="Youssef" in people,
        )  # fmt: skip
        run_plan(m, mother, MD, *dates, facts, {
            "Cultural and civic": CIVIC_SPRING,
            "Health insurance": Steps([(M.DONE, "2025-04-16", "Covered by the family's policy.")]),
            "Romanian language course": ROMANIAN_AUTUMN,
            "Registration with the territorial": Refer("nea", "2025-04-07", [
                (A, "2025-04-14", ""), (P, "2025-04-22", ""),
            ], deadline="2026-03-31",
                note="Primary-school teacher; a teaching assistant post until recognition."),
            "Recognition and equivalence": Refer("recognition", "2025-04-08", [
                (A, "2025-04-18", ""), (P, "2025-05-09", ""),
            ], deadline="2026-02-28"),
            "Rent-free apartment": Steps([
                (M.IN_PROGRESS, "2025-04-10", ""),
                (M.DONE, "2025-09-15", "Family apartment: see the referral in Mohamed's plan."),
            ]),
            "Place in the local kindergarten": Refer("kindergarten", "2025-04-09", [
                (A, "2025-04-16", ""),
                (C, "2025-05-26", "Place for Youssef at kindergarten no. 12 from 1 September."),
            ], consent="2025-04-03"),
        }, reviews=SYRIAN_REVIEWS)  # fmt: skip
    for name, grade in (("Omar", 5), ("Leen", 2)):
        if child := people.get(name):
            facts = values("A1", housing="reception_centre")
            run_plan(m, child, MD, *dates, facts, {
                "Enrolment in the local school": Refer("school", "2025-03-31", [
                    (A, "2025-04-02", ""), (C, "2025-04-04", f"Enrolled in grade {grade}."),
                ]),
                "Cultural and civic": Steps([
                    (M.CANCELLED, "2025-04-03", "The children learn about Moldova at school."),
                ]),
                "Romanian language course": Steps([
                    (M.IN_PROGRESS, "2025-04-07", "Extra Romanian lessons at school."),
                ]),
                "Rent-free apartment": Steps([(M.DONE, "2025-09-15", "With the family.")]),
            })  # fmt: skip


def ukrainian_family(m: "DemoModules", people: dict[str, DemoPerson]) -> None:
    """Temporary protection is outside Moldova's programme: no plan, referrals and a course."""
    if oksana := people.get("Oksana"):
        facts = values(
            "A2", writing="A1", other_languages="ru, en, ro", isced_level="7",
            qualifications_to_recognise=1, has_work_experience=True, occupation_isco="2411",
            employment_goal="Accountant", childcare_needed=True,
            notes="Temporary protection: not eligible for the integration programme; "
            "services through referrals.",
        )  # fmt: skip
        m.pathways.assess(oksana, d("2024-03-25"), facts)
        refer(m, oksana, Refer("nea", "2024-04-05", [(A, "2024-04-09", ""), (P, "2024-04-15", "")],
              deadline="2024-07-05",
              note="Accountant, 12 years; looking for work in accounting."))  # fmt: skip
        refer(m, oksana, Refer("recognition", "2024-06-12", [
            (A, "2024-06-24", ""), (P, "2024-07-04", ""),
        ], deadline="2024-12-20"))  # fmt: skip
        failed = {"reading": "A2", "listening": "B1", "writing": "A2", "speaking": "B1"}
        enrol(m, oksana, Enrol("ro-b1-balti", "2024-04-10", "2024-05-06", exam=failed))
        enrol(m, oksana, Enrol("ro-b1-balti", "2025-10-15", "2025-11-03"))
    if maksym := people.get("Maksym"):
        refer(m, maksym, Refer("kindergarten", "2024-03-25", [
            ("sent", "2024-03-28", ""), (A, "2024-04-02", ""),
            (C, "2024-04-22", "Place at kindergarten no. 4 from 2 May 2024, open until 18:00."),
        ], override="Single mother under temporary protection: childcare is needed for her "
                    "course and job search; she signs the consent at the next visit."))  # fmt: skip


def eritrean_man(m: "DemoModules", people: dict[str, DemoPerson]) -> None:
    """Austria's mandatory programme: declaration, German and values courses, a sanction for
    three unexcused absences, the integration exam passed at A2, a verifiable certificate."""
    if (tesfay := people.get("Tesfay")) is None:
        return
    facts = values(
        other_languages="en, ar", isced_level="2", has_work_experience=True,
        occupation_isco="8322", employment_goal="Driver", housing="reception_centre",
        legal_needs=True, notes="Wife and daughter in Sudan: family reunification requested.",
    )  # fmt: skip
    exam = {"reading": "A2", "listening": "A2", "writing": "A2", "speaking": "B1"}
    plan, done = run_plan(m, tesfay, "at-integration-law", "2025-01-27", "2025-02-03",
        "2025-02-12", facts, {
        "Integration declaration signed": Steps([(M.DONE, "2025-02-10", "")]),
        "Values and orientation course": Enrol("values-chisinau", "2025-02-12", "2025-03-01"),
        "Registration with the health insurer": Refer("insurance", "2025-02-13", [
            (A, "2025-02-15", ""), (C, "2025-02-19", "Insurance policy issued."),
        ], consent="2025-02-12"),
        "German course up to A2": Enrol(
            "de-a2-chisinau", "2025-02-12", "2025-03-03", unexcused=(18, 27, 35), exam=exam
        ),
        "State-wide unified integration exam": integration_exam,
        "Registration with the Public Employment": Refer("nea", "2025-02-14", [
            (A, "2025-02-20", ""), (P, "2025-03-20", ""),
        ], deadline="2026-02-28", consent="2025-02-12", note="Driver, 6 years."),
        "Community-based activity": Steps([
            (M.IN_PROGRESS, "2025-08-04", "Municipal parks service, two days a week."),
        ]),
        "Housing counselling": Steps([
            (M.IN_PROGRESS, "2025-02-20", ""), (M.DONE, "2025-04-15", "Moved to a shared flat."),
        ]),
        "Application for municipal housing": Refer("housing", "2025-04-20"),
        "Legal counselling": Refer("legal", "2025-02-18", [
            ("sent", "2025-02-21", ""), (A, "2025-02-24", ""), (P, "2025-03-03", ""),
        ], note="Family reunification with his wife and daughter in Sudan.",
            override="Family reunification must be applied for within three months of "
                     "protection; he signs the consent at the next meeting."),
    }, declaration="2025-02-10", reviews=(
        ("at_risk", "Three unexcused absences from the German course: written warning."),
        ("on_track", "Passed the integration exam at A2; looking for work as a driver."),
        ("on_track", "Community work continues; family reunification pending."),
    ))  # fmt: skip
    german = done["German course up to A2"]
    rule = next(r for r in plan.profile.sanctions if r.code == "absence-warning")
    m.courses.sanction(tesfay, plan.id, german, rule, rule.threshold)


def integration_exam(measure, done: dict) -> None:
    """The exam measure follows the German course's final exam (courses.exams)."""
    german = done["German course up to A2"]
    measure.set(M.IN_PROGRESS, d("2025-06-02"), "Registered for the exam session of July.")
    outcome = M.DONE if german.passed else M.NOT_DONE
    measure.set(outcome, german.exam_day, f"Level {german.reached} reached in the exam.")
