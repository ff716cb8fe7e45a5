"""Scenario cases 2, 5, 6 and 7: the people of scenarios_abroad.py under their own country's
programme (Norway, Romania, the Czech Republic, Finland), carried out with the local partners.
"""

from typing import TYPE_CHECKING

from pathways.choices import MeasureStatus as M

from .context import DemoPerson
from .scenario_script import Enrol, Refer, Steps, run_plan, values

if TYPE_CHECKING:
    from .modules import DemoModules

A, P, C = "accepted", "in_progress", "completed"


def afghan_minor(m: "DemoModules", people: dict[str, DemoPerson]) -> None:
    """Assessed at 17 with his guardian (early mental-health screening); the introduction
    programme (from 18) starts the week after his birthday, education as the main track."""
    if (hamid := people.get("Hamid")) is None:
        return
    facts = values(
        literate_in_latin_script=False, other_languages="en", housing="reception_centre",
        legal_needs=True, psychosocial_needs=True,
        health_notes="Early mental-health screening on 15 October 2025: sleep problems and "
        "intrusive memories; psychological support recommended.",
        notes="Assessed with his guardian, Ion Popa.",
    )  # fmt: skip
    run_plan(m, hamid, "no-introduction", "2025-10-15", "2025-12-08", "2025-12-15", facts, {
        "Education track in adult education": Steps([
            (M.IN_PROGRESS, "2025-12-17", "Education as the main track: adult-education place "
             "applied for."),
        ]),
        "Literacy training in Norwegian": Enrol("literacy-chisinau", "2025-12-16", "2026-01-06"),
        "Referral to mental health services": Refer("psychosocial", "2025-12-16", [
            (A, "2025-12-22", ""),
        ], deadline="2026-02-15", consent="2025-12-15",
            note="Early screening found symptoms of trauma; Dari interpreter."),
    })  # fmt: skip


def iraqi_couple(m: "DemoModules", people: dict[str, DemoPerson]) -> None:
    """Informed by the regional centre, they choose to enrol: Romanian courses, vocational
    training and social housing from the local authority."""
    dates = ("2024-11-28", "2024-12-09", "2024-12-16")
    interview = Steps([(M.DONE, "2024-12-16", "Informed about the programme; chose to enrol.")])
    culture = Enrol("civic-cahul", "2024-12-16", "2025-01-04")
    if ahmed := people.get("Ahmed"):
        facts = values(
            other_languages="en", isced_level="3", has_work_experience=True,
            occupation_isco="7212", employment_goal="Welder", housing="reception_centre",
        )  # fmt: skip
        run_plan(m, ahmed, "ro-integration", *dates, facts, {
            "Enrolment interview": interview,
            "Cultural adaptation": culture,
            "Registration with the health insurance": Refer("insurance", "2024-12-17", [
                (A, "2024-12-19", ""), (C, "2024-12-27", "Registered with a family doctor."),
            ], consent="2024-12-16"),
            "Romanian language course": Enrol(
                "ro-a1-cahul", "2024-12-20", "2025-02-03", exam=dict.fromkeys(
                    ("reading", "listening", "writing", "speaking"), "A1")
            ),
            "Registration with the county employment": Refer("nea", "2024-12-18", [
                (A, "2024-12-23", ""), (P, "2025-01-10", ""),
                (C, "2025-09-26", "Employed as a welder in Cahul from 1 October 2025."),
            ], consent="2024-12-16"),
            "Vocational training course": Steps([
                (M.IN_PROGRESS, "2025-03-03", "Welding certification (Ministry of Labour)."),
                (M.DONE, "2025-06-27", "Certified as a welder."),
            ]),
            "Application for social housing": Refer("housing", "2024-12-18", [
                (A, "2024-12-30", ""), (P, "2025-01-20", ""),
                (C, "2025-05-20", "Social apartment in Cahul from 1 June 2025."),
            ], consent="2024-12-16"),
        }, reviews=(("on_track", ""), ("on_track", "Moved into the social apartment."),
                    ("on_track", "Welding certificate; job interviews."),
                    ("on_track", "Employed from 1 October.")),
            closed=("2025-12-18", "completed"))  # fmt: skip
    if zainab := people.get("Zainab"):
        facts = values(literate_in_latin_script=False, isced_level="2", housing="reception_centre")
        run_plan(m, zainab, "ro-integration", *dates, facts, {
            "Enrolment interview": interview,
            "Cultural adaptation": culture,
            "Literacy course": Enrol("literacy-cahul", "2024-12-20", "2025-02-04"),
            "Romanian language course": Enrol("ro-a1-cahul", "2025-09-17", "2025-11-03"),
            "Registration with the county employment": Steps([
                (M.CANCELLED, "2025-01-15", "Not looking for work while she learns Romanian."),
            ]),
            "Vocational training course": Steps([]),
            "Application for social housing": Steps([
                (M.DONE, "2025-05-20", "Lives with her husband in the social apartment."),
            ]),
        }, reviews=(("on_track", ""), ("on_track", "Literacy course completed."),
                    ("adjust", "The Romanian course moves to the November intake.")),
            revision=("2025-09-10", "Review of 10 September 2025: the Romanian course moves "
                      "to the November intake.", "2025-09-17"))  # fmt: skip


def belarusian(m: "DemoModules", people: dict[str, DemoPerson]) -> None:
    """A plan for a year with a sub-contracted NGO; a job found in month 9 of the plan."""
    if (siarhei := people.get("Siarhei")) is None:
        return
    facts = values(
        "A1", other_languages="ru, en, ro", isced_level="7", has_work_experience=True,
        occupation_isco="2512", employment_goal="Software developer", legal_needs=True,
        notes="Political refugee. The sub-contracted NGO (CCR) supports the job search.",
    )  # fmt: skip
    hired = "Hired as a software developer from 2 June 2025 (month 9 of the plan)."
    run_plan(m, siarhei, "cz-sip", "2024-08-27", "2024-09-02", "2024-09-04", facts, {
        "Registration with a general practitioner": Steps([
            (M.DONE, "2024-09-20", "Registered with a family doctor in Bălți."),
        ]),
        "Orientation sessions": Steps([(M.DONE, "2024-10-15", "")]),
        "Czech language course": Enrol(
            "ro-a2-balti", "2024-09-05", "2024-11-04",
            exam={"reading": "A2", "listening": "B1", "writing": "A2", "speaking": "A2"},
        ),
        "Registration with the Labour Office": Refer("nea", "2024-09-05", [
            (A, "2024-09-09", "Registered as a job seeker."), (P, "2024-09-16", ""),
            (C, "2025-06-02", hired),
        ], deadline="2025-06-30"),
        "Job-search support": Steps([
            (M.IN_PROGRESS, "2024-10-01", "Job coaching by CCR (sub-contracted)."),
            (M.DONE, "2025-06-02", hired),
        ]),
        "Social and legal counselling": Refer("legal", "2024-09-06", [
            (A, "2024-09-10", ""), (C, "2024-11-20", "Residence documents obtained."),
        ], consent="2024-09-04"),
    }, reviews=(("on_track", ""), ("on_track", "Romanian A2 certificate."),
                ("on_track", "Job offer accepted: starts on 2 June 2025."),
                ("on_track", "Employed since June; plan completed.")),
        closed=("2025-09-05", "completed"))  # fmt: skip


def filipino(m: "DemoModules", people: dict[str, DemoPerson]) -> None:
    """The employment office's initial assessment and an integration plan with civic
    orientation; she came with a job, so the job-seeking measures are not needed."""
    if (maricel := people.get("Maricel")) is None:
        return
    facts = values(
        other_languages="en", isced_level="6", has_work_experience=True, occupation_isco="5322",
        employment_goal="Care worker", housing="own",
        notes="Initial assessment run with the National Employment Agency. Attended "
        "pre-departure orientation in Manila (March 2025).",
    )  # fmt: skip
    employed = Steps([(M.CANCELLED, "2025-04-29", "Employed as a home-care worker.")])
    run_plan(m, maricel, "fi-integration-act", "2025-04-15", "2025-04-22", "2025-04-29", facts, {
        "Initial assessment interview": Steps([
            (M.DONE, "2025-04-15", "Initial assessment with the National Employment Agency."),
        ]),
        "Civic orientation": Enrol("civic-chisinau", "2025-04-29", "2025-05-03"),
        "Integration training": Enrol(
            "ro-a1-chisinau", "2025-04-29", "2025-05-05",
            exam=dict.fromkeys(("reading", "listening", "writing", "speaking"), "A1"),
        ),
        "Registration as a jobseeker": employed,
        "Work try-out": employed,
    }, reviews=(("on_track", "Romanian A1 certificate; civic orientation done."),))  # fmt: skip


CASES = {2: afghan_minor, 5: iraqi_couple, 6: belarusian, 7: filipino}
