"""Initial-assessment facts and the needs profile derived from them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

CEFR_LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
HOUSING_SITUATIONS = ("own", "municipal", "reception_centre", "homeless", "other")
ASSESSED_SKILLS = ("reading", "listening", "writing", "speaking")

ADULT_AGE = 18
RETIREMENT_AGE = 65
# Below this level the client still needs host-language tuition (B1: independent user).
FUNCTIONAL_LEVEL = "B1"
# Young adults with at most lower-secondary education are offered an education track.
YOUNG_ADULT_MAX_AGE = 24
LOW_ISCED_MAX = 2


def cefr_rank(level: str) -> int:
    """Position of a CEFR level, A0 (no knowledge) = 0 ... C2 = 6."""
    return CEFR_LEVELS.index(level)


@dataclass(frozen=True)
class AssessmentFacts:
    """What the caseworker recorded in the initial assessment."""

    age: int
    status_type: str
    host_language: dict[str, str] = field(default_factory=dict)  # skill -> CEFR A0..C2
    literate_in_latin_script: bool = True
    literate: bool = True
    isced_level: int = 1
    qualifications_to_recognise: int = 0
    has_work_experience: bool = False
    employment_goal: str | None = None
    housing: str = "other"
    childcare_needed: bool = False
    health_needs: bool = False
    psychosocial_needs: bool = False
    legal_needs: bool = False
    unaccompanied_minor: bool = False
    employed: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.age <= 130:
            raise ValueError(f"age out of range: {self.age}")
        if not 0 <= self.isced_level <= 8:
            raise ValueError(f"isced_level must be 0..8, not {self.isced_level}")
        if self.qualifications_to_recognise < 0:
            raise ValueError("qualifications_to_recognise must not be negative")
        if self.housing not in HOUSING_SITUATIONS:
            raise ValueError(f"unknown housing situation {self.housing!r}")
        for skill, level in self.host_language.items():
            if skill not in ASSESSED_SKILLS:
                raise ValueError(f"unknown skill {skill!r}")
            if level not in CEFR_LEVELS:
                raise ValueError(f"unknown CEFR level {level!r} for {skill}")


@dataclass(frozen=True)
class NeedsProfile:
    """Needs derived from the assessment; plan-template conditions are evaluated against it."""

    age: int
    language_level: str  # lowest assessed skill; an unassessed skill counts as A0
    needs_literacy: bool  # cannot read and write in any language
    needs_latin_script: bool  # literate, but not in the Latin script
    needs_language: bool  # below the functional level (B1)
    needs_recognition: bool
    needs_employment_support: bool
    has_employment_goal: bool
    needs_education_track: bool
    needs_housing: bool
    housing_urgent: bool
    needs_childcare: bool
    needs_health: bool
    needs_psychosocial: bool
    needs_legal: bool
    is_minor: bool
    unaccompanied_minor: bool


FLAG_NAMES = tuple(f.name for f in fields(NeedsProfile) if f.type in ("bool", bool))


def needs_profile(facts: AssessmentFacts) -> NeedsProfile:
    """Derive the needs profile from assessment facts."""
    levels = [facts.host_language.get(skill, "A0") for skill in ASSESSED_SKILLS]
    level = min(levels, key=cefr_rank)
    is_minor = facts.age < ADULT_AGE
    working_age = ADULT_AGE <= facts.age < RETIREMENT_AGE
    return NeedsProfile(
        age=facts.age,
        language_level=level,
        needs_literacy=not facts.literate,
        needs_latin_script=facts.literate and not facts.literate_in_latin_script,
        needs_language=cefr_rank(level) < cefr_rank(FUNCTIONAL_LEVEL),
        needs_recognition=facts.qualifications_to_recognise > 0,
        needs_employment_support=working_age and not facts.employed,
        has_employment_goal=bool(facts.employment_goal),
        needs_education_track=is_minor
        or (facts.age <= YOUNG_ADULT_MAX_AGE and facts.isced_level <= LOW_ISCED_MAX),
        needs_housing=facts.housing not in ("own", "municipal"),
        housing_urgent=facts.housing == "homeless",
        needs_childcare=facts.childcare_needed,
        needs_health=facts.health_needs,
        needs_psychosocial=facts.psychosocial_needs or facts.unaccompanied_minor,
        needs_legal=facts.legal_needs or facts.unaccompanied_minor,
        is_minor=is_minor,
        unaccompanied_minor=facts.unaccompanied_minor and is_minor,
    )
