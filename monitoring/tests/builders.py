"""Records for the indicator tests, written directly (no services: dates are set by hand) and
the small hand-computed world of test_indicators.py."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.utils import timezone

from accounts.models import Organisation, OrganisationType
from accounts.tests.factories import OrganisationFactory
from monitoring.models import FollowUp, SurveyAnswer, SurveyResponse
from partners.models import Referral, ReferralEvent
from partners.tests.factories import ServiceFactory, agreement_between
from pathways.models import (
    Assessment,
    Goal,
    Measure,
    MeasureStatusChange,
    Plan,
    PlanVersion,
)
from people.models import Citizenship, Education, LegalStatus, Person

D = datetime.date
REGISTERED = D(2025, 1, 1)


def at(day: D) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def person(
    organisation: Organisation,
    sex: str = "F",
    born: D | None = None,
    registered: D = REGISTERED,
    citizenship: str | None = "SY",
    municipality: str = "",
    statuses: tuple = (),
    isced: str | None = None,
) -> Person:
    p = Person.objects.create(
        given_name="Test", sex=sex, birth_date=born, organisation=organisation,
        municipality=municipality,
    )  # fmt: skip
    Person.objects.filter(pk=p.pk).update(created_at=at(registered))
    if citizenship:
        Citizenship.objects.create(person=p, country=citizenship)
    for status_type, purpose, valid_from, valid_to in statuses:
        LegalStatus.objects.create(
            person=p, status_type=status_type, permit_purpose=purpose,
            valid_from=valid_from, valid_to=valid_to,
        )  # fmt: skip
    if isced:
        Education.objects.create(person=p, isced_level=isced)
    return p


def assessment(p: Person, on: D, isced: str = "3", skills=("A0", "A0", "A0", "A0")) -> Assessment:
    reading, listening, writing, speaking = skills
    return Assessment.objects.create(
        person=p, organisation_id=p.organisation_id, assessed_on=on, isced_level=isced,
        reading=reading, listening=listening, writing=writing, speaking=speaking,
    )  # fmt: skip


@dataclass
class PlanRecord:
    plan: Plan
    versions: list[PlanVersion] = field(default_factory=list)


def plan(
    a: Assessment, start: D, agreed_on: D | None = None, closed_on: D | None = None,
    outcome: str = "", programme: str = "md-integration",
) -> Plan:  # fmt: skip
    return Plan.objects.create(
        person_id=a.person_id, organisation_id=a.organisation_id, assessment=a,
        programme_id=programme, programme_version="2026.1", start_date=start,
        end_date=start + datetime.timedelta(days=365), closed_on=closed_on, outcome=outcome,
    )  # fmt: skip


def version(p: Plan, number: int, status: str, agreed_on: D | None = None) -> PlanVersion:
    return PlanVersion.objects.create(plan=p, number=number, status=status, agreed_on=agreed_on)


def measure(v: PlanVersion, area: str, deadline: D, key=None, status: str = "planned") -> Measure:
    goal = Goal.objects.create(version=v, area=area, title=area)
    fields = {"key": key} if key else {}
    return Measure.objects.create(
        goal=goal, type="service", title=area, responsible_type=OrganisationType.NGO,
        deadline=deadline, status=status, **fields,
    )  # fmt: skip


def status_change(m: Measure, status: str, on: D) -> None:
    change = MeasureStatusChange.objects.create(measure_key=m.key, status=status)
    MeasureStatusChange.objects.filter(pk=change.pk).update(at=at(on))


def referral(p: Person, service, sent_on: D, status: str, outcome_on: D | None = None):
    agreement = agreement_between(p.organisation, service.organisation)
    r = Referral.objects.create(
        person=p, sender_id=p.organisation_id, service=service,
        receiver_id=service.organisation_id, agreement=agreement, purpose="work",
        deadline=sent_on + datetime.timedelta(days=30), shared_groups=",identity,",
        status=status,
    )  # fmt: skip
    Referral.objects.filter(pk=r.pk).update(created_at=at(sent_on))
    if outcome_on:
        event = ReferralEvent.objects.create(referral=r, status=status)
        ReferralEvent.objects.filter(pk=event.pk).update(at=at(outcome_on))
    return r


def follow_up(p: Person, on: D, activity: str = "", housing: str = "", level: str = "") -> None:
    FollowUp.objects.create(
        person=p, organisation_id=p.organisation_id, observed_on=on, activity=activity,
        housing=housing, host_language_level=level,
    )  # fmt: skip


def survey_response(month: str, region: str, channel: str, **answers) -> None:
    response = SurveyResponse.objects.create(
        survey="service_feedback", month=month, region=region, channel=channel
    )
    for question, values in answers.items():
        for value in values if isinstance(values, list | tuple) else [values]:
            SurveyAnswer.objects.create(response=response, question=question, value=value)


def small_world() -> dict:
    """The hand-computed registry of test_indicators.py (see the expectations there)."""
    centre = OrganisationFactory(name="Centre Chișinău", region="Chișinău")
    south = OrganisationFactory(name="Centre Cahul", region="Cahul")
    ip, tp, rp = "international_protection", "temporary_protection", "residence_permit"
    p1 = person(centre, "F", D(1990, 5, 1), D(2025, 2, 10), "SY", "Chișinău",
                ((ip, "", D(2025, 3, 1), None),), isced="6")  # fmt: skip
    p2 = person(centre, "M", D(1985, 1, 15), D(2025, 6, 1), "UA", "Ialoveni",
                ((tp, "", D(2024, 3, 1), D(2025, 3, 1)),
                 (tp, "", D(2025, 3, 1), D(2026, 3, 1))))  # fmt: skip
    p3 = person(south, "F", D(2010, 7, 1), D(2024, 11, 20), "AF", "Cahul",
                (("asylum_seeker", "", D(2024, 11, 20), None),))  # fmt: skip
    p4 = person(south, "M", D(1970, 3, 3), D(2023, 5, 5), "RU", "Cahul",
                ((rp, "work", D(2023, 5, 5), D(2025, 5, 5)),
                 (rp, "long_term", D(2025, 5, 5), D(2035, 5, 5))),
                isced="2")  # fmt: skip
    p5 = person(centre, "X", None, D(2025, 9, 9), None, "")
    a1 = assessment(p1, D(2025, 3, 15), "3", ("A1", "A1", "A0", "A1"))
    a2 = assessment(p2, D(2025, 6, 10), "3")
    a4 = assessment(p4, D(2023, 5, 20), "3")
    plan1 = plan(a1, D(2025, 4, 1))
    v1 = version(plan1, 1, "superseded", D(2025, 4, 10))
    v2 = version(plan1, 2, "proposed")
    keys = [uuid.uuid4() for _ in range(3)]
    for v in (v1, v2):  # a revision copies the measures with their keys
        m1 = measure(v, "language", D(2025, 5, 1), keys[0])
        measure(v, "employment", D(2025, 9, 1), keys[1])
        measure(v, "housing", D(2026, 3, 1), keys[2])
    status_change(m1, "in_progress", D(2025, 4, 20))
    status_change(m1, "done", D(2025, 6, 15))
    plan2 = plan(a2, D(2024, 1, 15), closed_on=D(2025, 8, 1), outcome="naturalised")
    v3 = version(plan2, 1, "agreed", D(2024, 2, 1))
    m4 = measure(v3, "legal", D(2024, 6, 1))
    status_change(m4, "done", D(2024, 5, 20))
    plan4 = plan(a4, D(2023, 6, 1), closed_on=D(2024, 6, 1), outcome="completed")
    version(plan4, 1, "agreed", D(2023, 6, 15))
    nea = OrganisationFactory(name="Employment Agency", type=OrganisationType.EMPLOYMENT_OFFICE)
    service = ServiceFactory(organisation=nea, area="employment")
    referral(p1, service, D(2025, 5, 1), "completed", D(2025, 5, 21))
    referral(p2, service, D(2025, 7, 1), "declined", D(2025, 7, 4))
    referral(p1, service, D(2025, 11, 1), "accepted")
    referral(p4, service, D(2024, 12, 20), "completed", D(2025, 1, 9))
    follow_up(p1, D(2025, 10, 1), activity="employed")
    follow_up(p1, D(2026, 3, 1), activity="employed", housing="own", level="A2")
    follow_up(p2, D(2025, 1, 5), activity="unemployed")
    follow_up(p4, D(2024, 6, 1), activity="employed")
    survey_response("2025-05", "Chișinău", "link", satisfaction="satisfied",
                    barriers=["language", "documents"], discrimination="no")  # fmt: skip
    survey_response("2025-05", "Chișinău", "link", satisfaction="dissatisfied",
                    barriers=["none"], discrimination="yes")  # fmt: skip
    survey_response("2025-06", "Cahul", "caseworker", satisfaction="very_satisfied",
                    discrimination="prefer_not")  # fmt: skip
    return {"people": [p1, p2, p3, p4, p5], "centre": centre, "south": south}
