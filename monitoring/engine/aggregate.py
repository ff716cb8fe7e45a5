# ruff: noqa: S608 - SQL from the fixed text of this module; catalogue values are parameters
"""Indicators over their frame: the catalogue's conditions compiled to parameterised SQL, and
every indicator that shares a frame counted in one GROUPING SETS query (one scan) for all its
breakdowns and periods; the rows then become raw tables."""

from __future__ import annotations

from collections import defaultdict

import duckdb

from ..catalogue.schema import TOTAL, AnyOf, Catalogue, Condition, Indicator, Where
from ..records import RECORD_SETS
from ..tables import RawCell, RawTable

SQL_OPS = {"eq": "=", "ne": "<>", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}
REFERENCE_COLUMNS = {"@period_start": "period_start", "@period_end": "period_end"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', "") + '"'


def _operand(value: object, params: list, cast: str) -> str:
    if isinstance(value, str) and value in REFERENCE_COLUMNS:
        return REFERENCE_COLUMNS[value]
    params.append(value)
    return "?" + cast


def condition_sql(condition: Condition | AnyOf, params: list, dates: set[str]) -> str:
    if isinstance(condition, AnyOf):
        return (
            "(" + " OR ".join(condition_sql(c, params, dates) for c in condition.conditions) + ")"
        )
    column, op, value = _quote(condition.field), condition.op, condition.value
    if op == "is_null":
        return f"{column} IS {'' if value else 'NOT '}NULL"
    cast = "::DATE" if condition.field in dates else ""
    if op in ("in", "not_in"):
        marks = ", ".join(_operand(v, params, cast) for v in value)
        return f"{column} {'NOT ' if op == 'not_in' else ''}IN ({marks})"
    return f"{column} {SQL_OPS[op]} {_operand(value, params, cast)}"


def where_sql(where: Where, params: list, dates: set[str]) -> str:
    return "(" + (" AND ".join(condition_sql(c, params, dates) for c in where) or "true") + ")"


def fields_of(where) -> set[str]:
    found: set[str] = set()
    for c in where or ():
        found |= fields_of(c.conditions) if isinstance(c, AnyOf) else {c.field}
    return found


def fields_used(indicator: Indicator) -> set[str]:
    """Frame columns the indicator reads (so the frame computes only those)."""
    used = fields_of(indicator.numerator) | fields_of(indicator.denominator)
    used |= set(indicator.breakdowns)
    if indicator.statistic:
        used.add(indicator.statistic.field)
    if indicator.categories:
        used.add(indicator.categories.field)
    return used


def _aggregates(indicator: Indicator, params: list) -> list[str]:
    records = RECORD_SETS[indicator.records]
    dates = {n for n, f in records.fields.items() if f.kind == "date"}
    count = f"count(DISTINCT {records.distinct})" if records.distinct else "count(*)"
    if indicator.unit == "percent":
        # the numerator counts the denominator's records that also meet its own conditions
        both = where_sql(indicator.denominator + indicator.numerator, params, dates)
        denominator = where_sql(indicator.denominator, params, dates)
        return [f"{count} FILTER (WHERE {both})", f"{count} FILTER (WHERE {denominator})"]
    if indicator.statistic:
        field = _quote(indicator.statistic.field)
        function = "median" if indicator.statistic.kind == "median" else "avg"
        n = where_sql(indicator.numerator, params, dates)
        stat = where_sql(indicator.numerator, params, dates)
        return [f"count({field}) FILTER (WHERE {n})", f"{function}({field}) FILTER (WHERE {stat})"]
    return [f"{count} FILTER (WHERE {where_sql(indicator.numerator, params, dates)})", "NULL"]


def query(indicators: list[Indicator], frame: str) -> tuple[str, list, list[str], list[str]]:
    """One query for every indicator on one frame: the breakdowns of all of them, each alone
    and with each categories field."""
    dims = sorted({b for i in indicators for b in i.breakdowns if b != "period"})
    cats = sorted({i.categories.field for i in indicators if i.categories})
    sets = ["(period)"] + [f"(period, {_quote(d)})" for d in dims]
    select = ["period", *(f"{_quote(d)}::VARCHAR" for d in dims)]
    select += [f"GROUPING({_quote(d)})" for d in dims]
    for cat in cats:
        sets += [f"(period, {_quote(cat)})"]
        sets += [f"(period, {_quote(d)}, {_quote(cat)})" for d in dims]
        select += [f"{_quote(cat)}::VARCHAR", f"GROUPING({_quote(cat)})"]
    params: list = []  # in the order the placeholders appear
    for indicator in indicators:
        select += _aggregates(indicator, params)
    sql = f"SELECT {', '.join(select)} FROM {frame} GROUP BY GROUPING SETS ({', '.join(sets)})"
    return sql, params, dims, cats


def compute(
    db: duckdb.DuckDBPyConnection,
    catalogue: Catalogue,
    indicators: list[Indicator],
    frame: str,
    periods: list[str],
) -> list[RawTable]:
    """Every table of each indicator: one per breakdown and period, and one by period."""
    sql, params, dims, cats = query(indicators, frame)
    width, own = len(dims), [i.categories.field if i.categories else None for i in indicators]
    # per indicator: (period, breakdown or None, category, column) -> (num, den or stat)
    found: list[dict[tuple, tuple]] = [{} for _ in indicators]
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in db.execute(sql, params).fetchall():
        period, values, flags = row[0], row[1 : 1 + width], row[1 + width : 1 + 2 * width]
        split = row[1 + 2 * width : 1 + 2 * width + 2 * len(cats)]
        by_cat = {c: split[2 * n] for n, c in enumerate(cats) if not split[2 * n + 1]}
        rest = row[1 + 2 * width + 2 * len(cats) :]
        breakdown = next((d for d, f in zip(dims, flags, strict=True) if not f), None)
        category = values[dims.index(breakdown)] if breakdown else TOTAL
        if breakdown:
            seen[(period, breakdown)].add(category)
        for number, field in enumerate(own):
            if set(by_cat) - {field}:
                continue  # grouped by another indicator's categories
            column = by_cat.get(field, TOTAL) if field else TOTAL
            num, other = rest[2 * number], rest[2 * number + 1]
            found[number][(period, breakdown, category, column)] = (num or 0, other)
    tables: list[RawTable] = []
    for indicator, values in zip(indicators, found, strict=True):
        tables += _tables(catalogue, indicator, periods, values, seen)
    return tables


def _columns(indicator: Indicator) -> list[str]:
    if not indicator.categories:
        return [TOTAL]
    values = list(indicator.categories.values)
    if indicator.unit == "count" and indicator.categories.exclusive:
        values.append(TOTAL)
    return values


def _cell(
    indicator: Indicator, found: dict, key: tuple, column: str, columns: list[str]
) -> RawCell:
    if indicator.unit == "count" and indicator.categories and column == TOTAL:
        return RawCell(sum(found.get((*key, c), (0, None))[0] for c in columns if c != TOTAL))
    num, other = found.get((*key, column), (0, None))
    if indicator.unit == "percent":
        if indicator.categories:
            other = found.get((*key, TOTAL), (0, 0))[1]
        return RawCell(num, other or 0)
    if indicator.statistic:
        return RawCell(num, None, None if other is None else float(other))
    return RawCell(num)


def _order(catalogue: Catalogue, breakdown: str, categories: set[str]) -> list[str]:
    fixed = {
        "sex": ["F", "M", "X"],
        "age_group": [g.code for g in catalogue.age_groups] + ["unknown"],
        "citizenship_group": [g.code for g in catalogue.citizenship_groups]
        + ["other", "stateless_unknown"],
    }.get(breakdown)
    if fixed:
        return [c for c in fixed if c in categories] + sorted(categories - set(fixed))
    return sorted(categories)


def _tables(catalogue, indicator: Indicator, periods, found, seen) -> list[RawTable]:
    columns = _columns(indicator)
    kind = indicator.statistic.kind if indicator.statistic else ""
    exclusive = indicator.categories.exclusive if indicator.categories else True

    def table(breakdown, period, rows, keys, margins) -> RawTable:
        result = RawTable(indicator.id, breakdown, period, indicator.unit, kind, rows, columns)
        result.margins, result.exclusive = margins, exclusive
        for row, key in zip(rows, keys, strict=True):
            for column in columns:
                result.cells[(row, column)] = _cell(indicator, found, key, column, columns)
        return result

    tables = []
    for period in periods:
        for breakdown in indicator.breakdowns:
            if breakdown == "period":
                continue
            rows = _order(catalogue, breakdown, seen.get((period, breakdown), set()))
            keys = [(period, breakdown, r) for r in rows] + [(period, None, TOTAL)]
            tables.append(table(breakdown, period, [*rows, TOTAL], keys, True))
    if "period" in indicator.breakdowns:
        keys = [(p, None, TOTAL) for p in periods]
        tables.append(table("period", "all", list(periods), keys, False))
    return tables
