# ruff: noqa: S608 - SQL from the fixed text of this module; catalogue values are parameters
"""Record sets in DuckDB: one row per record and reference period ("frame"), with the person's
characteristics at the reference date, ready to be counted by aggregate.py.

Characteristics as of a date come from the dated histories, kept as spells: legal status (valid
from/to), main activity (follow-ups in the 12 months before; 6 for cohort outcomes), education
(the education record, else the last assessment), host-language level (the last follow-up,
assessment or passed exam).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import duckdb

from ..catalogue.schema import Catalogue, Period, Where

CEFR = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
PLAN = (
    "SELECT pl.id, pl.person_id, pl.programme, pl.start_date, pl.closed_on,"
    " coalesce(nullif(pl.outcome, ''), 'none') AS outcome, v.agreed_on FROM src_plan pl"
    " LEFT JOIN (SELECT plan_id, min(agreed_on) AS agreed_on FROM src_version GROUP BY 1) v"
    " ON v.plan_id = pl.id"
)
OPEN_PLAN = "r.{start} <= p.period_end AND (r.{closed} IS NULL OR r.{closed} > p.period_end)"


@dataclass(frozen=True)
class Extra:
    """Columns at the reference date from one dated history, computed only when an indicator
    on the frame uses them; constants when the history is empty. Histories are kept as spells
    [since, until) (see prepare), so "as of" is an equi-join with a range check: cheaper in
    DuckDB than an ASOF join, and the same answer (the latest entry up to the date)."""

    fields: tuple[str, ...]
    table: str
    join: str
    select: str
    empty: str


def _extra(fields: str, table: str, alias: str, key: str, select: str, empty: str) -> Extra:
    ref = "ref_next" if table == "change_spell" else "ref_date"
    join = (
        f" LEFT JOIN {table} {alias} ON {alias}.{key} = f.{key}"
        f" AND {alias}.since <= f.{ref} AND f.{ref} < {alias}.until"
    )
    return Extra(tuple(fields.split()), table, join, select, empty)


WITHIN = (
    "CASE WHEN {a}.observed_on > f.ref_date - INTERVAL {m} MONTH THEN {a}.{col} ELSE 'unknown' END"
)
STATUS_VALID = "s.person_id IS NOT NULL"
ISCED = "coalesce(pb.isced_education, ai.isced_level)"
PERSON_EXTRAS = (
    _extra(
        "legal_status permit_purpose", "status_spell", "s",
        "person_id",
        f", CASE WHEN {STATUS_VALID} THEN s.status_type ELSE 'none' END AS legal_status,"
        f" CASE WHEN {STATUS_VALID} THEN coalesce(nullif(s.permit_purpose, ''), 'none')"
        " ELSE 'none' END AS permit_purpose",
        ", 'none' AS legal_status, 'none' AS permit_purpose",
    ),
    _extra(
        "activity", "activity_obs", "a", "person_id",
        ", " + WITHIN.format(a="a", m=12, col="activity") + " AS activity",
        ", 'unknown' AS activity",
    ),
    _extra(
        "isced_group", "assessment_level", "ai",
        "person_id",
        f", CASE WHEN {ISCED} IN ('0', '1', '2') THEN 'low' WHEN {ISCED} IN ('3', '4')"
        f" THEN 'medium' WHEN {ISCED} IN ('5', '6', '7', '8') THEN 'high' ELSE 'unknown' END"
        " AS isced_group",
        ", CASE WHEN pb.isced_education IN ('0', '1', '2') THEN 'low' WHEN pb.isced_education"
        " IN ('3', '4') THEN 'medium' WHEN pb.isced_education IN ('5', '6', '7', '8')"
        " THEN 'high' ELSE 'unknown' END AS isced_group",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Records:
    base: str  # SELECT of the records, with person_id unless person=False
    stock: str = ""  # condition on r (record) and p (period) for the stock rule
    extras: tuple[Extra, ...] = ()  # record-specific columns at the reference date
    person: bool = True


RECORDS: dict[str, Records] = {
    "person": Records(
        "SELECT person_id, registered_on FROM person_base", "r.registered_on <= p.period_end"
    ),
    "assessment": Records(
        "SELECT id, person_id, assessed_on, coalesce(nullif(housing, ''), 'other') AS housing,"
        " isced_level FROM src_assessment",
        "r.assessed_on <= p.period_end",
    ),
    "plan": Records(PLAN, OPEN_PLAN.format(start="start_date", closed="closed_on")),
    "measure": Records(
        "WITH cur AS (SELECT v.id, v.plan_id FROM src_version v JOIN (SELECT plan_id,"
        " max(number) AS number FROM src_version GROUP BY 1) l USING (plan_id, number))"
        " SELECT m.key, pl.person_id, g.area, m.type, m.deadline, pl.start_date AS plan_start,"
        " pl.closed_on AS plan_closed, d.done_on FROM src_measure m"
        " JOIN src_goal g ON g.id = m.goal_id JOIN cur ON cur.id = g.version_id"
        " JOIN src_plan pl ON pl.id = cur.plan_id LEFT JOIN (SELECT measure_key,"
        " CAST(max(changed_at) AS DATE) AS done_on FROM src_measure_change WHERE status = 'done'"
        " GROUP BY 1) d ON d.measure_key = m.key",
        OPEN_PLAN.format(start="plan_start", closed="plan_closed"),
        (
            _extra(
                "status_then",
                "change_spell",
                "c",
                "key",
                ", coalesce(c.status, 'planned') AS status_then",
                ", 'planned' AS status_then",
            ),
        ),
    ),
    "referral": Records(
        "SELECT r.id, r.person_id, r.sent_on, coalesce(s.area, 'unknown') AS area,"
        " CASE WHEN r.status IN ('completed', 'not_completed', 'declined', 'revoked', 'held')"
        " THEN r.status ELSE 'open' END AS outcome, CASE WHEN r.status IN ('completed',"
        " 'not_completed', 'declined', 'revoked') THEN e.outcome_on END AS outcome_on,"
        " CASE WHEN r.status IN ('completed', 'not_completed', 'declined', 'revoked')"
        " THEN date_diff('day', r.sent_on, e.outcome_on) END AS days_to_outcome"
        " FROM src_referral r LEFT JOIN src_service s ON s.id = r.service_id"
        " LEFT JOIN src_referral_event e ON e.referral_id = r.id",
        "r.sent_on <= p.period_end",
    ),
    "plan_outcome": Records(
        PLAN,
        extras=(
            _extra(
                "activity_then",
                "activity_obs",
                "a6",
                "person_id",
                ", " + WITHIN.format(a="a6", m=6, col="activity") + " AS activity_then",
                ", 'unknown' AS activity_then",
            ),
            _extra(
                "housing_then",
                "housing_obs",
                "h",
                "person_id",
                ", " + WITHIN.format(a="h", m=6, col="housing") + " AS housing_then",
                ", 'unknown' AS housing_then",
            ),
            _extra(
                "language_then language_rank",
                "level_obs",
                "l",
                "person_id",
                ", coalesce(cefr_name(l.rank), 'unknown') AS language_then,"
                " coalesce(l.rank, -1) AS language_rank",
                ", 'unknown' AS language_then, -1 AS language_rank",
            ),
        ),
    ),
    "survey_answer": Records(
        "SELECT a.response_id AS response, r.survey, a.question, a.value,"
        " TRY_CAST(r.month || '-01' AS DATE) AS answered_on,"
        " coalesce(nullif(r.region, ''), 'unknown') AS region, r.channel"
        " FROM src_answer a JOIN src_response r ON r.id = a.response_id",
        person=False,
    ),
    "enrolment": Records(
        "SELECT e.id, e.person_id, e.requested_on, e.enrolled_on, e.ended_on, e.status, e.kind,"
        " CAST(coalesce(t.hours_marked, 0) AS INTEGER) AS hours_marked,"
        " CASE WHEN t.hours_marked > 0 THEN CAST(floor(100 * t.hours_present / t.hours_marked)"
        " AS INTEGER) ELSE 0 END AS attendance_pct"
        " FROM src_enrolment e LEFT JOIN src_attendance t ON t.enrolment_id = e.id",
        "r.enrolled_on <= p.period_end AND (r.ended_on IS NULL OR r.ended_on > p.period_end)",
    ),
    "exam": Records(
        "SELECT x.id, e.person_id, x.taken_on, x.passed, x.level_reached, e.kind,"
        " cefr_rank(x.level_reached) - coalesce(al.rank, 0) AS cefr_gain FROM src_exam x"
        " JOIN src_enrolment e ON e.id = x.enrolment_id ASOF LEFT JOIN assessment_level al"
        " ON al.person_id = e.person_id AND e.requested_on >= al.assessed_on",
    ),
}


def periods(as_of: datetime.date, years: int) -> list[tuple[str, datetime.date, datetime.date]]:
    first = as_of.year - years + 1
    return [
        (str(y), datetime.date(y, 1, 1), min(datetime.date(y, 12, 31), as_of))
        for y in range(first, as_of.year + 1)
    ]


def prepare(db: duckdb.DuckDBPyConnection, catalogue: Catalogue, as_of, years: int) -> None:
    """Lookup tables and the person base that every frame joins."""
    ranks = " ".join(f"WHEN '{level}' THEN {rank}" for rank, level in enumerate(CEFR))
    db.execute(f"CREATE OR REPLACE MACRO cefr_rank(l) AS CASE l {ranks} ELSE NULL END")
    names = ", ".join(f"'{level}'" for level in CEFR)
    db.execute(f"CREATE OR REPLACE MACRO cefr_name(r) AS ([{names}])[r + 1]")
    db.execute(
        "CREATE OR REPLACE TABLE periods (period VARCHAR, period_start DATE, period_end DATE)"
    )
    db.executemany("INSERT INTO periods VALUES (?, ?, ?)", periods(as_of, years))
    db.execute("CREATE OR REPLACE TABLE citizenship_groups (country VARCHAR, grp VARCHAR)")
    pairs = list(catalogue.citizenship_group_of().items())
    if pairs:
        db.executemany("INSERT INTO citizenship_groups VALUES (?, ?)", pairs)
    db.execute(
        "CREATE OR REPLACE TABLE person_base AS SELECT p.id AS person_id,"
        " coalesce(nullif(p.sex, ''), 'X') AS sex, p.birth_date,"
        " coalesce(nullif(trim(p.municipality), ''), 'unknown') AS municipality,"
        " coalesce(nullif(o.region, ''), 'unknown') AS region, p.registered_on,"
        " CASE WHEN c.country IS NULL THEN 'stateless_unknown' ELSE coalesce(g.grp, 'other')"
        " END AS citizenship_group, e.isced_level AS isced_education FROM src_person p"
        " LEFT JOIN src_organisation o ON o.id = p.organisation_id LEFT JOIN (SELECT person_id,"
        " min(country) AS country FROM src_citizenship GROUP BY 1) c ON c.person_id = p.id"
        " LEFT JOIN citizenship_groups g ON g.country = c.country"
        " LEFT JOIN src_education e ON e.person_id = p.id"
    )
    _spells(
        db, "status_spell",
        "SELECT person_id, status_type, permit_purpose, valid_from, valid_to FROM src_status",
        "person_id", "valid_from", "valid_to",
    )  # fmt: skip
    follow_ups = (
        "SELECT person_id, observed_on, {0} FROM src_follow_up WHERE coalesce({0}, '') <> ''"
    )
    _spells(db, "activity_obs", follow_ups.format("activity"), "person_id", "observed_on")
    _spells(db, "housing_obs", follow_ups.format("housing"), "person_id", "observed_on")
    skills = ", ".join(f"cefr_rank({s})" for s in ("reading", "listening", "writing", "speaking"))
    _spells(
        db, "assessment_level",
        f"SELECT person_id, assessed_on, least({skills}) AS rank, isced_level FROM src_assessment",
        "person_id", "assessed_on",
    )  # fmt: skip
    exams = ""
    if _has(db, "src_exam"):
        exams = (
            " UNION ALL SELECT e.person_id, x.taken_on, cefr_rank(x.level_reached) FROM src_exam x"
            " JOIN src_enrolment e ON e.id = x.enrolment_id WHERE x.passed = 1"
        )
    _spells(
        db, "level_obs",
        "SELECT person_id, observed_on, max(rank) AS rank FROM (SELECT person_id, observed_on,"
        " cefr_rank(level) AS rank FROM src_follow_up UNION ALL SELECT person_id, assessed_on,"
        f" rank FROM assessment_level{exams}) WHERE rank IS NOT NULL GROUP BY ALL",
        "person_id", "observed_on",
    )  # fmt: skip
    _spells(
        db, "change_spell",
        "SELECT measure_key AS key, status, changed_at FROM src_measure_change",
        "key", "changed_at",
    )  # fmt: skip


def _spells(db, name: str, query: str, key: str, since: str, ends: str = "") -> None:
    """The rows of `query` as spells [since, until): until the next row of the same `key` (or
    the row's own end, `ends`, if earlier)."""
    never = "TIMESTAMP '9999-12-31'" if since == "changed_at" else "DATE '9999-12-31'"
    until = f"coalesce(lead({since}) OVER (PARTITION BY {key} ORDER BY {since}), {never})"
    if ends:
        until = f"least({until}, coalesce({ends}, {never}))"
    db.execute(
        f"CREATE OR REPLACE TABLE {name} AS SELECT *, {since} AS since, {until} AS until"
        f" FROM ({query})"
    )


def _has(db: duckdb.DuckDBPyConnection, table: str) -> bool:
    found = db.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
    ).fetchone()
    return bool(found[0])


def _age_group(catalogue: Catalogue, age: str) -> str:
    whens = " ".join(
        f"WHEN {age} >= {g.low}"
        + (f" AND {age} <= {g.high}" if g.high is not None else "")
        + f" THEN '{g.code}'"
        for g in catalogue.age_groups
    )
    return f"CASE {whens} ELSE 'unknown' END"


def frame_name(records: str, period: Period) -> str:
    return f"frame_{records}_{period.rule}_{period.date or 'x'}_{period.months}"


def _empty(db: duckdb.DuckDBPyConnection, table: str) -> bool:
    return db.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {table})").fetchone()[0]  # noqa: S608


def build(
    db,
    catalogue: Catalogue,
    records: str,
    period: Period,
    as_of,
    needs: set[str] | None = None,
    selections: list[Where] | None = None,
) -> str:
    """Create the frame table of `records` under the period rule; returns its name. Dated
    characteristics are added only if in `needs` (None: all). `selections`: the conditions
    that pick each indicator's records; rows that meet none of them are dropped first, when
    the conditions can be checked on the records alone."""
    spec, name = RECORDS[records], frame_name(records, period)
    cols = "r.*, p.period, p.period_start, p.period_end"
    if period.rule == "cohort":
        horizon = f"CAST(r.{period.date} + INTERVAL {period.months} MONTH AS DATE)"
        raw = (
            f"SELECT {cols}, {horizon} AS ref_date FROM ({spec.base}) r JOIN periods p"
            f" ON r.{period.date} BETWEEN p.period_start AND p.period_end"
            f" WHERE {horizon} <= DATE '{as_of.isoformat()}'"
        )
    else:
        on = {
            "flow": f"r.{period.date} BETWEEN p.period_start AND p.period_end",
            "stock": spec.stock,
            "custom": "true",
        }[period.rule]
        raw = f"SELECT {cols}, p.period_end AS ref_date FROM ({spec.base}) r JOIN periods p ON {on}"
    raw = f"SELECT *, CAST(ref_date AS TIMESTAMP) + INTERVAL 1 DAY AS ref_next FROM ({raw})"
    raw, params = _prefilter(db, raw, selections, records)
    extras = (PERSON_EXTRAS if spec.person else ()) + spec.extras
    select, joins = "", ""
    for extra in extras:
        if needs is not None and not needs & set(extra.fields):
            continue
        if _empty(db, extra.table):
            select += extra.empty
        else:
            select, joins = select + extra.select, joins + extra.join
    if not spec.person:
        db.execute(
            f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT f.*{select} FROM ({raw}) f{joins}",
            params,
        )
        return name
    registered = "" if records == "person" else ", pb.registered_on"
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT f.*{registered}, pb.sex, pb.municipality,"
        " pb.region, pb.citizenship_group, date_sub('year', pb.birth_date, f.ref_date) AS age,"
        f" {_age_group(catalogue, 'age')} AS age_group{select} FROM ({raw}) f"
        f" JOIN person_base pb ON pb.person_id = f.person_id{joins}",
        params,
    )
    return name


def _prefilter(db, raw: str, selections: list[Where] | None, records: str) -> tuple[str, list]:
    from ..records import RECORD_SETS
    from .aggregate import fields_of, where_sql

    if not selections or any(not where for where in selections):
        return raw, []
    columns = {row[0] for row in db.execute(f"DESCRIBE {raw}").fetchall()}
    if not set().union(*(fields_of(where) for where in selections)) <= columns:
        return raw, []
    params: list = []
    dates = {n for n, f in RECORD_SETS[records].fields.items() if f.kind == "date"}
    condition = " OR ".join(where_sql(where, params, dates) for where in selections)
    return f"SELECT * FROM ({raw}) WHERE {condition}", params
