"""What the engine reads from the registry: narrow, portable SELECTs (SQLite and PostgreSQL
alike), one per table, each a plain scan, so they can run side by side.

Dates come as ISO text (`CAST(... AS TEXT)`; timestamps cut to the date or second), booleans
as 0/1, so every loader (CSV or Python rows) gives DuckDB the same values.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Source:
    name: str  # the DuckDB table
    sql: str
    columns: tuple[tuple[str, str], ...]  # (name, DuckDB type)


def _t(model: type[models.Model]) -> str:
    return model._meta.db_table


def _c(model: type[models.Model], name: str) -> str:
    return model._meta.get_field(name).column


def _day(expression: str) -> str:
    return f"substr(CAST({expression} AS TEXT), 1, 10)"


def _second(expression: str) -> str:
    return f"substr(CAST({expression} AS TEXT), 1, 19)"


def _src(name: str, model, select: str, columns: str, tail: str = "") -> Source:
    typed = tuple(tuple(part.split(":")) for part in columns.split())
    sql = f"SELECT {select} FROM {_t(model)} {tail}".strip()  # noqa: S608 - names from _meta
    return Source(name, sql, typed)


def sources() -> list[Source]:
    from accounts.models import Organisation
    from monitoring.models import FollowUp, SurveyAnswer, SurveyResponse
    from partners.models import Referral, ReferralEvent, Service
    from pathways.models import Assessment, Goal, Measure, MeasureStatusChange, Plan, PlanVersion
    from people.models import Citizenship, Education, LegalStatus, Person

    P, LS = Person, LegalStatus
    result = [
        _src(
            "src_person",
            P,
            f"id, sex, {_day('birth_date')}, municipality, {_c(P, 'organisation')},"
            f" {_day('created_at')}",
            "id:BIGINT sex:VARCHAR birth_date:DATE municipality:VARCHAR"
            " organisation_id:BIGINT registered_on:DATE",
        ),
        _src(
            "src_citizenship",
            Citizenship,
            f"{_c(Citizenship, 'person')}, country",
            "person_id:BIGINT country:VARCHAR",
        ),
        _src("src_organisation", Organisation, "id, region", "id:BIGINT region:VARCHAR"),
        _src(
            "src_status",
            LS,
            f"{_c(LS, 'person')}, status_type, permit_purpose, {_day('valid_from')},"
            f" {_day('valid_to')}",
            "person_id:BIGINT status_type:VARCHAR permit_purpose:VARCHAR valid_from:DATE"
            " valid_to:DATE",
        ),
        _src(
            "src_education",
            Education,
            f"{_c(Education, 'person')}, MAX(isced_level)",
            "person_id:BIGINT isced_level:VARCHAR",
            f"GROUP BY {_c(Education, 'person')}",
        ),
        _src(
            "src_assessment",
            Assessment,
            f"id, {_c(Assessment, 'person')}, {_day('assessed_on')}, housing, isced_level,"
            " reading, listening, writing, speaking",
            "id:BIGINT person_id:BIGINT assessed_on:DATE housing:VARCHAR isced_level:VARCHAR"
            " reading:VARCHAR listening:VARCHAR writing:VARCHAR speaking:VARCHAR",
        ),
        _src(
            "src_plan",
            Plan,
            f"id, {_c(Plan, 'person')}, programme_id, {_day('start_date')}, {_day('closed_on')},"
            " outcome",
            "id:BIGINT person_id:BIGINT programme:VARCHAR start_date:DATE closed_on:DATE"
            " outcome:VARCHAR",
        ),
        _src(
            "src_version",
            PlanVersion,
            f"id, {_c(PlanVersion, 'plan')}, number, {_day('agreed_on')}",
            "id:BIGINT plan_id:BIGINT number:INTEGER agreed_on:DATE",
        ),
        _src(
            "src_goal",
            Goal,
            f"id, {_c(Goal, 'version')}, area",
            "id:BIGINT version_id:BIGINT area:VARCHAR",
        ),
        _src(
            "src_measure",
            Measure,
            f"{_c(Measure, 'goal')}, CAST(key AS TEXT), type, {_day('deadline')}",
            "goal_id:BIGINT key:VARCHAR type:VARCHAR deadline:DATE",
        ),
        _src(
            "src_measure_change",
            MeasureStatusChange,
            f"CAST(measure_key AS TEXT), status, {_second('at')}",
            "measure_key:VARCHAR status:VARCHAR changed_at:TIMESTAMP",
        ),
        _src(
            "src_referral",
            Referral,
            f"id, {_c(Referral, 'person')}, {_c(Referral, 'service')}, status,"
            f" {_day('created_at')}",
            "id:BIGINT person_id:BIGINT service_id:BIGINT status:VARCHAR sent_on:DATE",
        ),
        _src("src_service", Service, "id, area", "id:BIGINT area:VARCHAR"),
        _src(
            "src_referral_event",
            ReferralEvent,
            f"{_c(ReferralEvent, 'referral')}, MIN({_day('at')})",
            "referral_id:BIGINT outcome_on:DATE",
            "WHERE status IN ('completed', 'not_completed', 'declined', 'revoked')"
            f" GROUP BY {_c(ReferralEvent, 'referral')}",
        ),
        _src(
            "src_follow_up",
            FollowUp,
            f"{_c(FollowUp, 'person')}, {_day('observed_on')}, activity, housing,"
            " host_language_level",
            "person_id:BIGINT observed_on:DATE activity:VARCHAR housing:VARCHAR level:VARCHAR",
        ),
        _src(
            "src_response",
            SurveyResponse,
            "CAST(id AS TEXT), survey, month, region, channel",
            "id:VARCHAR survey:VARCHAR month:VARCHAR region:VARCHAR channel:VARCHAR",
        ),
        _src(
            "src_answer",
            SurveyAnswer,
            f"CAST({_c(SurveyAnswer, 'response')} AS TEXT), question, value",
            "response_id:VARCHAR question:VARCHAR value:VARCHAR",
        ),
    ]
    if apps.is_installed("courses"):
        result += course_sources()
    return result


def course_sources() -> list[Source]:
    from courses import models as cm

    E, A, S = cm.Enrolment, cm.Attendance, cm.Session
    attendance = f"{_t(A)} a JOIN {_t(S)} s ON s.id = a.{_c(A, 'session')}"  # noqa: S608
    return [
        _src(
            "src_enrolment",
            E,
            f"e.id, e.{_c(E, 'person')}, e.{_c(E, 'group')}, e.status,"
            f" {_day('e.requested_at')}, {_day('e.enrolled_at')}, {_day('e.ended_on')}, ct.kind",
            "id:BIGINT person_id:BIGINT group_id:BIGINT status:VARCHAR requested_on:DATE"
            " enrolled_on:DATE ended_on:DATE kind:VARCHAR",
            f"e JOIN {_t(cm.CourseGroup)} g ON g.id = e.{_c(E, 'group')}"
            f" JOIN {_t(cm.Course)} c ON c.id = g.{_c(cm.CourseGroup, 'course')}"
            f" JOIN {_t(cm.CourseType)} ct ON ct.id = c.{_c(cm.Course, 'course_type')}",
        ),
        Source(
            "src_attendance",
            f"SELECT a.{_c(A, 'enrolment')}, SUM(s.hours),"  # noqa: S608
            f" SUM(CASE WHEN a.mark = 'present' THEN s.hours ELSE 0 END) FROM {attendance}"
            f" GROUP BY a.{_c(A, 'enrolment')}",
            (("enrolment_id", "BIGINT"), ("hours_marked", "DOUBLE"), ("hours_present", "DOUBLE")),
        ),
        _src(
            "src_exam",
            cm.ExamResult,
            f"id, {_c(cm.ExamResult, 'enrolment')}, {_day('taken_on')}, level_reached,"
            " CASE WHEN passed THEN 1 ELSE 0 END",
            "id:BIGINT enrolment_id:BIGINT taken_on:DATE level_reached:VARCHAR passed:INTEGER",
        ),
    ]
