"""Plain records describing demo households before they get database ids.

Dates are ISO strings (what both SQLite and PostgreSQL accept for a DATE column), so rows can go
to the database without per-value adaptation.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.policy import FieldGroup

REFERENCE_DATE = date(2026, 1, 1)  # "today" for the demo: every date is relative to it
REFERENCE_ORDINAL = REFERENCE_DATE.toordinal()
ISSUING_AUTHORITY = "Bureau for Migration and Asylum"


def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def ordinal(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def plus_days(text: str, days: int) -> str:
    return (date.fromisoformat(text) + timedelta(days=days)).isoformat()


def groups(*names: FieldGroup) -> tuple[str, ...]:
    return tuple(str(n) for n in names)


@dataclass(slots=True)
class PersonSpec:
    given_name: str
    family_name: str
    given_name_latin: str
    family_name_latin: str
    sex: str
    birth_date: str | None
    birth_precision: str = "day"
    country_of_birth: str = ""
    host_level: str = "A0"
    phone: str = ""
    email: str = ""
    relationship: str = ""  # in the household; "" when the person has none
    citizenships: list[str] = field(default_factory=list)
    # (language, level, is_native)
    languages: list[tuple[str, str, bool]] = field(default_factory=list)
    # (type, number, issuing country, issued on, expires on)
    documents: list[tuple[str, str, str, str | None, str | None]] = field(default_factory=list)
    # (status type, permit purpose, valid from, valid to)
    statuses: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    # (ISCED level, field, country, year completed)
    education: list[tuple[str, str, str, int | None]] = field(default_factory=list)
    # (title, country, recognition)
    qualifications: list[tuple[str, str, str]] = field(default_factory=list)
    # (ISCO-08 code, occupation, country, years)
    work: list[tuple[str, str, str, int]] = field(default_factory=list)
    # (kind, note, recorded on)
    vulnerabilities: list[tuple[str, str, str]] = field(default_factory=list)
    # (purpose, recipient organisation key, field groups, given on, withdrawn on, expires on)
    consents: list[tuple[str, str, tuple[str, ...], str, str | None, str | None]] = field(
        default_factory=list
    )


@dataclass(slots=True)
class HouseholdSpec:
    centre: str  # organisation key of the owning integration centre
    municipality: str
    address: str
    registered: str  # date of registration at the centre
    members: list[PersonSpec]
    is_household: bool = True  # False: a person living alone, recorded without a household
    reunification_pending: bool = False
    note: str = ""
    scenario: int = 0  # the case of shared/SCENARIOS.md it plays; 0: a generated household
