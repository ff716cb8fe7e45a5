"""Recording the initial assessment and turning it into the rules engine's facts."""

from datetime import date

from django.db import transaction

from accounts.policy import FieldGroup
from audit.models import Action
from people.choices import VulnerabilityKind
from people.models import Person

from .access import audit, require
from .models import Assessment
from .programmes import AssessmentFacts

SENSITIVE_FIELDS = ("health_needs", "psychosocial_needs", "health_notes")
ASSESSMENT_FIELDS = [
    "assessed_on",
    "reading",
    "listening",
    "writing",
    "speaking",
    "literate",
    "literate_in_latin_script",
    "other_languages",
    "isced_level",
    "qualifications_to_recognise",
    "has_work_experience",
    "occupation_isco",
    "employment_goal",
    "housing",
    "childcare_needed",
    "legal_needs",
    "notes",
    *SENSITIVE_FIELDS,
]
ADULT_AGE_IF_UNKNOWN = 30


@transaction.atomic
def record_assessment(user, person: Person, data: dict) -> Assessment:
    sensitive = any(data.get(f) for f in SENSITIVE_FIELDS)
    groups = [FieldGroup.PATHWAY, *([FieldGroup.VULNERABILITIES] if sensitive else [])]
    grant = require(user, person, groups, edit=True)
    assessment = Assessment(person=person, organisation_id=person.organisation_id, assessed_by=user)
    for field in ASSESSMENT_FIELDS:
        if field in data:
            setattr(assessment, field, data[field])
    assessment.full_clean()
    assessment.save()
    audit(user, person, grant, Action.CREATE, f"assessment:{assessment.pk}", groups)
    return assessment


def age_on(person: Person, on: date) -> int:
    born = person.birth_date
    if born is None:
        return ADULT_AGE_IF_UNKNOWN
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def current_status_type(person: Person, on: date) -> str:
    statuses = person.statuses.filter(valid_from__lte=on).order_by("-valid_from")
    for status in statuses:
        if status.valid_to is None or status.valid_to >= on:
            return status.status_type
    return ""


def facts_from(assessment: Assessment, on: date) -> AssessmentFacts:
    person = assessment.person
    skills = ("reading", "listening", "writing", "speaking")
    return AssessmentFacts(
        age=age_on(person, on),
        status_type=current_status_type(person, on),
        host_language={s: getattr(assessment, s) for s in skills},
        literate_in_latin_script=assessment.literate_in_latin_script,
        literate=assessment.literate,
        isced_level=int(assessment.isced_level),
        qualifications_to_recognise=assessment.qualifications_to_recognise,
        has_work_experience=assessment.has_work_experience,
        employment_goal=assessment.employment_goal or None,
        housing=assessment.housing,
        childcare_needed=assessment.childcare_needed,
        health_needs=assessment.health_needs,
        psychosocial_needs=assessment.psychosocial_needs,
        legal_needs=assessment.legal_needs,
        unaccompanied_minor=person.vulnerabilities.filter(
            kind=VulnerabilityKind.UNACCOMPANIED_MINOR
        ).exists(),
    )
