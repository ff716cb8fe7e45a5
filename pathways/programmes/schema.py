"""A programme profile as frozen dataclasses: the rules of one national integration programme.

The value sets mirror the Django choices (people.choices, accounts.models, pathways.choices)
but are plain tuples here so that the rules engine stays free of the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass

from .conditions import ALWAYS, Condition

STATUS_TYPES = (
    "international_protection",
    "subsidiary_protection",
    "temporary_protection",
    "residence_permit",
    "asylum_seeker",
    "stateless",
)
PARTICIPATION_MODES = ("voluntary", "mandatory")
AREAS = (
    "language",
    "employment",
    "education",
    "housing",
    "health",
    "social_welfare",
    "legal",
    "civic_orientation",
    "culture_community",
    "anti_discrimination",
)
MEASURE_TYPES = ("course", "referral", "service", "appointment", "document", "benefit")
ORGANISATION_TYPES = (
    "coordinating_authority",
    "integration_centre",
    "line_ministry",
    "municipality",
    "ngo",
    "school",
    "health_insurer",
    "employment_office",
    "employer",
    "course_provider",
)
EXAM_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
SKILLS = ("reading", "listening", "writing", "speaking")
SANCTION_TRIGGERS = ("unexcused_absences", "missed_deadline", "exam_failed")
SANCTION_ACTIONS = ("warning", "benefit_reduction_notice", "exclusion", "case_review")
PRIORITY_KEYS = ("mandatory_first", "waiting_time", "vulnerability", "age")
LANGUAGE_PATTERN = r"[a-z]{2,3}"


@dataclass(frozen=True)
class Source:
    """A seed document and the verbatim passage the profile follows."""

    document: str
    passage: str


@dataclass(frozen=True)
class EligibilityCriteria:
    status_types: tuple[str, ...]
    min_age: int
    max_age: int | None = None


@dataclass(frozen=True)
class Participation:
    mode: str  # one of PARTICIPATION_MODES
    integration_declaration_required: bool
    duration_months: int
    review_interval_days: int

    @property
    def mandatory(self) -> bool:
        return self.mode == "mandatory"


@dataclass(frozen=True)
class Module:
    """A mandatory module: every plan covers it with course measures of at least min_hours."""

    code: str
    area: str
    title: str
    min_hours: int


@dataclass(frozen=True)
class Exam:
    required: bool
    target_cefr: str | None
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Incentive:
    code: str
    description: str


@dataclass(frozen=True)
class Sanction:
    code: str
    trigger: str  # one of SANCTION_TRIGGERS
    threshold: int
    action: str  # one of SANCTION_ACTIONS
    description: str


@dataclass(frozen=True)
class CourseQuality:
    """Quality criteria every course group under the programme must meet before it opens."""

    max_group_size: int
    required_teacher_qualifications: tuple[str, ...]  # codes the teacher must hold
    min_hours: int  # curriculum hours at least this (and at least the module's min_hours)
    exam_required: bool  # the course ends with an objective exam
    language_of_instruction: str | None = None  # ISO 639-1 code of the host language


@dataclass(frozen=True)
class MeasureTemplate:
    type: str  # one of MEASURE_TYPES
    title: str
    responsible: str  # one of ORGANISATION_TYPES
    due_in_days: int
    hours: int | None = None  # courses only
    module: str | None = None  # code of the mandatory module this course fulfils


@dataclass(frozen=True)
class GoalTemplate:
    """A goal; its own optional `when` narrows the template's condition."""

    area: str
    title: str
    measures: tuple[MeasureTemplate, ...]
    when: Condition = ALWAYS


@dataclass(frozen=True)
class PlanTemplate:
    """Goals proposed when `when` matches the needs profile."""

    id: str
    when: Condition
    goals: tuple[GoalTemplate, ...]


@dataclass(frozen=True)
class Profile:
    id: str
    country: str
    name: str
    version: str
    sources: tuple[Source, ...]
    eligibility: EligibilityCriteria
    participation: Participation
    mandatory_modules: tuple[Module, ...]
    exam: Exam
    incentives: tuple[Incentive, ...]
    sanctions: tuple[Sanction, ...]
    plan_templates: tuple[PlanTemplate, ...]
    waiting_list_priority: tuple[str, ...]
    course_quality: CourseQuality | None = None

    def module(self, code: str) -> Module | None:
        return next((m for m in self.mandatory_modules if m.code == code), None)
