"""The record sets indicators are counted over, and the fields the catalogue may name.

This is the vocabulary of `catalogue/indicators.yaml`: an indicator says which record set it
counts, with conditions on these fields; the engine (engine/*.py) knows how to build each record
set from the registry for a reference period. Person characteristics (age, legal status,
activity ...) are those at the reference date: the end of the period, or for cohorts the
follow-up point.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps

from pathways.choices import Area, Housing, MeasureStatus, MeasureType, PlanOutcome
from people.choices import CEFR, PermitPurpose, Sex, StatusType

from .models import Activity, SurveyChannel

CEFR_LEVELS = tuple(CEFR.values)
NONE = "none"  # the code of "no value" in every code field
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Field:
    kind: str  # "date", "int" or "code"
    codes: tuple[str, ...] = ()  # the allowed values of a code field; empty: any text


@dataclass(frozen=True)
class RecordSet:
    name: str
    fields: dict[str, Field]
    dimensions: tuple[str, ...]
    # "stock": which records count at a reference date (e.g. plans open then)
    stock: str
    rules: tuple[str, ...] = ("flow", "stock", "custom")
    distinct: str = ""  # count distinct values of this column instead of rows
    requires_app: str = ""

    def available(self) -> bool:
        return not self.requires_app or apps.is_installed(self.requires_app)


DATE, INT = Field("date"), Field("int")


def code(*values: str) -> Field:
    return Field("code", tuple(values))


PERSON_DIMENSIONS = (
    "sex",
    "age_group",
    "citizenship_group",
    "legal_status",
    "region",
    "municipality",
    "period",
)
PERSON_FIELDS: dict[str, Field] = {
    "sex": code(*Sex.values),
    "age": INT,
    "legal_status": code(*StatusType.values, NONE),
    "permit_purpose": code(*(v for v in PermitPurpose.values if v), NONE),
    "isced_group": code("low", "medium", "high", UNKNOWN),
    "activity": code(*Activity.values, UNKNOWN),
    "registered_on": DATE,
}
AREAS = tuple(Area.values)

RECORD_SETS: dict[str, RecordSet] = {
    r.name: r
    for r in (
        RecordSet("person", PERSON_FIELDS, PERSON_DIMENSIONS, "registered by then"),
        RecordSet(
            "assessment",
            PERSON_FIELDS
            | {
                "assessed_on": DATE,
                "housing": code(*Housing.values),
                "isced_level": code(*(str(n) for n in range(9))),
            },
            PERSON_DIMENSIONS,
            "made by then",
        ),
        RecordSet(
            "plan",
            PERSON_FIELDS
            | {
                "start_date": DATE,
                "agreed_on": DATE,
                "closed_on": DATE,
                "outcome": code(*PlanOutcome.values, NONE),
                "programme": Field("code"),
            },
            (*PERSON_DIMENSIONS, "programme"),
            "open then (started, not closed)",
        ),
        RecordSet(
            "measure",
            PERSON_FIELDS
            | {
                "area": code(*AREAS),
                "type": code(*MeasureType.values),
                "deadline": DATE,
                "done_on": DATE,
                "status_then": code(*MeasureStatus.values),
            },
            (*PERSON_DIMENSIONS, "area"),
            "in the current version of a plan open then",
        ),
        RecordSet(
            "referral",
            PERSON_FIELDS
            | {
                "sent_on": DATE,
                "outcome_on": DATE,
                "outcome": code(
                    "completed", "not_completed", "declined", "revoked", "open", "held"
                ),
                "area": code(*AREAS),
                "days_to_outcome": INT,
            },
            (*PERSON_DIMENSIONS, "area"),
            "sent by then",
        ),
        RecordSet(
            "plan_outcome",
            PERSON_FIELDS
            | {
                "start_date": DATE,
                "activity_then": code(*Activity.values, UNKNOWN),
                "housing_then": code(*Housing.values, UNKNOWN),
                "language_then": code(*CEFR_LEVELS, UNKNOWN),
                "language_rank": INT,
            },
            PERSON_DIMENSIONS,
            "",
            rules=("cohort",),
        ),
        RecordSet(
            "survey_answer",
            {
                "survey": Field("code"),
                "question": Field("code"),
                "value": Field("code"),
                "answered_on": DATE,
                "channel": code(*SurveyChannel.values),
            },
            ("region", "channel", "period"),
            "",
            rules=("flow",),
            distinct="response",
        ),
        RecordSet(
            "enrolment",
            PERSON_FIELDS
            | {
                "requested_on": DATE,
                "enrolled_on": DATE,
                "ended_on": DATE,
                "status": code("waiting", "active", "completed", "withdrawn"),
                "kind": Field("code"),
                "hours_marked": INT,
                "attendance_pct": INT,
            },
            (*PERSON_DIMENSIONS, "kind"),
            "enrolled then",
            requires_app="courses",
        ),
        RecordSet(
            "exam",
            PERSON_FIELDS
            | {
                "taken_on": DATE,
                "passed": INT,
                "level_reached": code(*CEFR_LEVELS),
                "cefr_gain": INT,
                "kind": Field("code"),
            },
            (*PERSON_DIMENSIONS, "kind"),
            "",
            rules=("flow",),
            requires_app="courses",
        ),
    )
}
