"""Load the indicator catalogue from YAML, strictly: every error names file, key path and line.

The numerator, denominator and statistic are conditions on the fields of a record set
(monitoring.records): data the engine compiles to parameterised SQL, never code.
"""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import gettext

from pathways.programmes.nodes import YAML_LOADER, Cursor, ProfileError

from .. import records as r
from . import schema as s

CATALOGUE_FILE = Path(__file__).resolve().parent / "indicators.yaml"
ID_PATTERN = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
CODE_PATTERN = r"[A-Za-z0-9_.+-]+"
TOP_KEYS = ("version", "age_groups", "citizenship_groups", "sources", "indicators")
INDICATOR_KEYS = ("id", "name", "group", "unit", "records", "definition", "period")
INDICATOR_OPTIONAL = (
    "numerator",
    "denominator",
    "statistic",
    "categories",
    "breakdowns",
    "sources",
    "reference",
)


class CatalogueError(ProfileError):
    """The indicator catalogue is invalid; the message names the file, key path and line."""


def load_catalogue(path: str | Path = CATALOGUE_FILE) -> s.Catalogue:
    path = Path(path)
    return parse_catalogue(path.read_text(encoding="utf-8"), path.name)


@cache
def shipped_catalogue() -> s.Catalogue:
    return load_catalogue(CATALOGUE_FILE)


def parse_catalogue(text: str, file: str = "<catalogue>", every: bool = False) -> s.Catalogue:
    """`every`: keep the indicators of record sets whose app is not installed (the SDMX
    structure lists them all)."""
    try:
        return _catalogue(_compose(text, file), every)
    except CatalogueError:
        raise
    except ProfileError as exc:
        raise CatalogueError(exc.file, exc.path, exc.line, exc.problem) from None


def _compose(text: str, file: str) -> Cursor:
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = gettext("not valid YAML: %(problem)s") % {"problem": exc.problem}
        raise CatalogueError(file, "", line, problem) from exc
    if node is None:
        raise CatalogueError(file, "", 1, gettext("the file is empty"))
    return Cursor(file, node)


def _catalogue(root: Cursor, every: bool = False) -> s.Catalogue:
    m = root.mapping(TOP_KEYS)
    sources = {
        key: s.Source(**{k: v.string() for k, v in value.mapping(("document", "passage")).items()})
        for key, value in _entries(m["sources"])
    }
    indicators: dict[str, s.Indicator] = {}
    for item in m["indicators"].items(min_items=1):
        indicator = _indicator(item, sources, every)
        if indicator is None:
            continue  # its record set needs an app that is not installed
        if indicator.id in indicators:
            item.mapping(INDICATOR_KEYS, INDICATOR_OPTIONAL)["id"].fail(
                gettext("duplicate indicator id %(id)r") % {"id": indicator.id}
            )
        indicators[indicator.id] = indicator
    return s.Catalogue(
        version=m["version"].string(),
        age_groups=_age_groups(m["age_groups"]),
        citizenship_groups=_citizenship_groups(m["citizenship_groups"]),
        indicators=indicators,
    )


def _entries(cursor: Cursor) -> list[tuple[str, Cursor]]:
    """A mapping with free keys, as (key, value) pairs."""
    if not isinstance(cursor.node, yaml.MappingNode):
        cursor.fail(gettext("expected a mapping"))
    keys = [k.value for k, _v in cursor.node.value]
    return [(key, cursor.mapping(keys)[key]) for key in keys]


def _age_groups(cursor: Cursor) -> tuple[s.AgeGroup, ...]:
    groups: list[s.AgeGroup] = []
    expected = 0
    for item in cursor.items(min_items=1):
        m = item.mapping(("code", "from"), ("to",))
        low = m["from"].integer(0, 130)
        if low != expected:
            m["from"].fail(
                gettext("age groups must follow on: expected %(age)d") % {"age": expected}
            )
        high = None if "to" not in m or m["to"].is_null() else m["to"].integer(low, 130)
        groups.append(s.AgeGroup(m["code"].string(CODE_PATTERN), low, high))
        if high is None:
            break
        expected = high + 1
    if groups[-1].high is not None or len(groups) != len(cursor.items()):
        cursor.fail(gettext("the last age group, and only it, has no upper bound"))
    return tuple(groups)


def _citizenship_groups(cursor: Cursor) -> tuple[s.CitizenshipGroup, ...]:
    groups, seen = [], {}
    for item in cursor.items(min_items=1):
        m = item.mapping(("code", "name", "countries"))
        code = m["code"].string(ID_PATTERN)
        countries = []
        for country in m["countries"].items():
            value = country.string(r"[A-Z]{2}")
            if value in seen:
                country.fail(gettext("%(c)s is already in %(g)s") % {"c": value, "g": seen[value]})
            seen[value] = code
            countries.append(value)
        groups.append(s.CitizenshipGroup(code, m["name"].string(), tuple(countries)))
    return tuple(groups)


def _indicator(item: Cursor, sources: dict[str, s.Source], every: bool) -> s.Indicator | None:
    m = item.mapping(INDICATOR_KEYS, INDICATOR_OPTIONAL)
    records = r.RECORD_SETS[m["records"].choice(r.RECORD_SETS)]
    if not (every or records.available()):
        return None
    unit = m["unit"].choice(s.UNITS)
    fields = records.fields
    numerator = _where(m["numerator"], fields) if "numerator" in m else ()
    denominator = _where(m["denominator"], fields) if "denominator" in m else None
    if (unit == "percent") != (denominator is not None):
        m["unit"].fail(gettext("a percent needs a denominator, and only a percent has one"))
    statistic = _statistic(m["statistic"], fields) if "statistic" in m else None
    if (unit in ("days", "level")) != (statistic is not None):
        m["unit"].fail(gettext("days and levels need a statistic, and only they have one"))
    categories = _categories(m["categories"], fields) if "categories" in m else None
    if categories and unit not in ("count", "percent"):
        m["categories"].fail(gettext("only counts and percents have categories"))
    breakdowns = ("period",)
    if "breakdowns" in m:
        breakdowns = m["breakdowns"].unique_choices(records.dimensions, 1)
    reference = None
    if "reference" in m:
        ref = m["reference"].mapping(("breakdown", "category"))
        if unit == "count":
            m["reference"].fail(gettext("a count has no reference group"))
        reference = s.Reference(
            ref["breakdown"].choice(breakdowns), ref["category"].string(CODE_PATTERN)
        )
    cited = ()
    if "sources" in m:
        cited = tuple(sources[key] for key in m["sources"].unique_choices(sources, 1))
    return s.Indicator(
        id=m["id"].string(ID_PATTERN),
        name=m["name"].string(),
        group=m["group"].choice(s.GROUPS),
        definition=" ".join(m["definition"].string().split()),
        unit=unit,
        records=records.name,
        period=_period(m["period"], records),
        numerator=numerator,
        denominator=denominator,
        statistic=statistic,
        categories=categories,
        breakdowns=breakdowns,
        sources=cited,
        reference=reference,
        line=item.line,
    )


def _period(cursor: Cursor, records: r.RecordSet) -> s.Period:
    m = cursor.mapping(("rule",), ("date", "months"))
    rule = m["rule"].choice(records.rules)
    needs_date = rule in ("flow", "cohort")
    if needs_date != ("date" in m):
        cursor.fail(gettext("flow and cohort rules name a date field; the others do not"))
    if (rule == "cohort") != ("months" in m):
        cursor.fail(gettext("a cohort rule, and only it, gives the follow-up in months"))
    date = ""
    if needs_date:
        date = m["date"].choice(n for n, f in records.fields.items() if f.kind == "date")
    months = m["months"].integer(1, 240) if "months" in m else 0
    return s.Period(rule, date, months)


def _statistic(cursor: Cursor, fields: dict[str, r.Field]) -> s.Statistic:
    m = cursor.mapping((), s.STATISTICS)
    if len(m) != 1:
        cursor.fail(gettext("give exactly one of %(keys)s") % {"keys": ", ".join(s.STATISTICS)})
    ((kind, value),) = m.items()
    return s.Statistic(kind, value.choice(n for n, f in fields.items() if f.kind == "int"))


def _categories(cursor: Cursor, fields: dict[str, r.Field]) -> s.Categories:
    m = cursor.mapping(("field", "values"), ("exclusive",))
    name = m["field"].choice(n for n, f in fields.items() if f.kind == "code")
    field = fields[name]
    values = (
        m["values"].unique_choices(field.codes, 1)
        if field.codes
        else tuple(v.string(CODE_PATTERN) for v in m["values"].items(min_items=1))
    )
    exclusive = m["exclusive"].boolean() if "exclusive" in m else True
    return s.Categories(name, values, exclusive)


def _where(cursor: Cursor, fields: dict[str, r.Field]) -> s.Where:
    return tuple(_condition(item, fields) for item in cursor.items())


def _condition(cursor: Cursor, fields: dict[str, r.Field]) -> s.Condition | s.AnyOf:
    node = cursor.node
    if isinstance(node, yaml.MappingNode) and node.value and node.value[0][0].value == "any":
        m = cursor.mapping(("any",))
        return s.AnyOf(tuple(_condition(c, fields) for c in m["any"].items(min_items=2)))
    m = cursor.mapping(("field",), s.OPERATORS)
    name = m["field"].choice(fields)
    ops = [op for op in m if op != "field"]
    if len(ops) != 1:
        cursor.fail(
            gettext("give exactly one operator of %(ops)s") % {"ops": ", ".join(s.OPERATORS)}
        )
    op = ops[0]
    return s.Condition(name, op, _value(m[op], op, fields[name]))


def _value(cursor: Cursor, op: str, field: r.Field) -> object:
    if op == "is_null":
        return cursor.boolean()
    if op in ("in", "not_in"):
        return tuple(_scalar(item, op, field) for item in cursor.items(min_items=1))
    return _scalar(cursor, op, field)


def _scalar(cursor: Cursor, op: str, field: r.Field) -> object:
    if field.kind == "int":
        return cursor.integer()
    if field.kind == "date":
        text = cursor.string()
        if text in s.REFERENCES:
            return text
        try:
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            refs = ", ".join(s.REFERENCES)
            cursor.fail(gettext("expected a date (YYYY-MM-DD) or one of %(refs)s") % {"refs": refs})
    if op not in ("eq", "ne", "in", "not_in"):
        cursor.fail(gettext("codes can only be compared for (in)equality"))
    return cursor.choice(field.codes) if field.codes else cursor.string(CODE_PATTERN)
