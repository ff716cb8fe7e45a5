"""Raw rows of the pathway, partner and course models, written like the people (see bulk.py).

Every concrete field of each model is named here in row order, so a model that gains a field
stops the seeding instead of silently getting a default. Days are ordinals (date.toordinal())
while the rows are drawn, and ISO strings or adapted timestamps once written.
"""

import json
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from courses.models import (
    Attendance,
    Certificate,
    CourseGroup,
    Enrolment,
    ExamResult,
    SanctionNotice,
    Session,
    SkillScore,
)
from partners.models import Referral, ReferralEvent
from pathways.models import (
    Assessment,
    Goal,
    Measure,
    MeasureStatusChange,
    Plan,
    PlanVersion,
    Review,
)

from .bulk import Table, finish_tables

# In writing order: a row's foreign keys point to rows of tables above it (or already written).
FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Assessment: (
        "id", "person", "organisation", "assessed_by", "assessed_on", "reading", "listening",
        "writing", "speaking", "literate", "literate_in_latin_script", "other_languages",
        "isced_level", "qualifications_to_recognise", "has_work_experience", "occupation_isco",
        "employment_goal", "housing", "childcare_needed", "legal_needs", "health_needs",
        "psychosocial_needs", "health_notes", "notes", "created_at",
    ),
    Plan: (
        "id", "person", "organisation", "assessment", "programme_id", "programme_version",
        "start_date", "end_date", "mandatory", "declaration_required", "declaration_signed_on",
        "closed_on", "outcome", "lock_version", "created_at",
    ),
    PlanVersion: (
        "id", "plan", "number", "status", "change_note", "created_by", "created_at", "agreed_on",
        "agreement_language", "signature_method", "witness", "interpreter",
    ),
    Goal: ("id", "version", "area", "title"),
    Measure: (
        "id", "goal", "key", "type", "title", "responsible_type", "responsible", "deadline",
        "hours", "module_code", "status", "status_reason", "fulfilled_by_kind", "fulfilled_by_id",
    ),
    MeasureStatusChange: ("id", "measure_key", "status", "reason", "at", "by"),
    Review: ("id", "plan", "due_on", "held_on", "held_by", "notes", "outcome"),
    Referral: (
        "id", "person", "sender", "sent_by", "service", "receiver", "agreement", "purpose", "note",
        "deadline", "shared_groups", "consent", "override_by", "override_reason", "status",
        "status_reason", "measure_key", "version", "created_at",
    ),
    ReferralEvent: ("id", "referral", "status", "note", "at", "by"),
    CourseGroup: (
        "id", "course", "name", "teacher", "programme_id", "start_date", "end_date", "capacity",
        "seats_taken", "status", "version", "created_at",
    ),
    Session: ("id", "group", "uid", "date", "start_time", "end_time", "topic", "hours"),
    Enrolment: (
        "id", "group", "person", "plan", "measure_key", "status", "mandatory", "requested_at",
        "enrolled_at", "ended_on", "end_reason", "enrolled_by", "version",
    ),
    Attendance: ("id", "session", "enrolment", "mark", "recorded_by", "recorded_at"),
    ExamResult: (
        "id", "enrolment", "taken_on", "target_level", "level_reached", "passed", "recorded_by",
        "recorded_at",
    ),
    SkillScore: ("id", "result", "skill", "score", "level"),
    Certificate: (
        "id", "result", "person", "code", "course_title", "level", "issued_on", "revoked_on",
    ),
    SanctionNotice: (
        "id", "person", "plan", "enrolment", "sanction_code", "trigger", "action", "threshold",
        "count", "description", "created_at",
    ),
}  # fmt: skip


_LOW64 = 2**64 - 1


class Tables:
    """One Table per module model; `write` sends every pending row in one transaction."""

    def __init__(self, connection: BaseDatabaseWrapper):
        self.connection = connection
        self.tables = {model: Table(connection, model, fields) for model, fields in FIELDS.items()}

    def __getitem__(self, model: type[models.Model]) -> Table:
        return self.tables[model]

    def write(self) -> None:
        with transaction.atomic(using=self.connection.alias):
            for table in self.tables.values():
                table.write(self.connection)

    def finish(self) -> None:
        finish_tables(self.connection, list(self.tables.values()))

    def counts(self) -> dict[str, int]:
        return {table.name: table.written for table in self.tables.values()}


class Values:
    """Database values for days, timestamps, UUIDs, JSON and decimals, each adapted once."""

    def __init__(self, connection: BaseDatabaseWrapper):
        self.connection = connection
        self.native_uuid = connection.features.has_native_uuid_field
        self._days: dict[int, str] = {}
        self._stamps: dict[tuple[int, int], object] = {}
        self._json: dict[tuple, str] = {}
        self._decimals: dict[float, Decimal] = {}

    def day(self, ordinal: int | None) -> str | None:
        if ordinal is None:
            return None
        if ordinal not in self._days:
            self._days[ordinal] = date.fromordinal(ordinal).isoformat()
        return self._days[ordinal]

    def stamp(self, ordinal: int, minute: int = 9 * 60) -> object:
        """A timestamp on day `ordinal`, `minute` minutes after midnight UTC."""
        key = (ordinal, minute)
        if key not in self._stamps:
            day = date.fromordinal(ordinal)
            moment = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=UTC)
            self._stamps[key] = self.connection.ops.adapt_datetimefield_value(moment)
        return self._stamps[key]

    def key(self, salt: int, number: int) -> str:
        """A UUID (version 4 layout) from a 64-bit salt drawn from the seed and a number
        unique in its table, as the database takes it: unique, repeatable, and cheap."""
        value = ((salt & _LOW64) << 64) | (number & _LOW64)
        value = (value & ~(0xF000 << 64)) | (0x4000 << 64)
        value = (value & ~(0xC000 << 48)) | (0x8000 << 48)
        text = f"{value:032x}"
        if not self.native_uuid:
            return text
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def json(self, values) -> str:
        key = tuple(values)
        if key not in self._json:
            self._json[key] = json.dumps(list(key))
        return self._json[key]

    def hours(self, value: float) -> Decimal:
        if value not in self._decimals:
            self._decimals[value] = Decimal(str(value)).quantize(Decimal("0.1"))
        return self._decimals[value]
