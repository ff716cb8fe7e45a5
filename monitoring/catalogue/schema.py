"""The indicator catalogue as typed, immutable data (built by catalogue.loader)."""

from __future__ import annotations

from dataclasses import dataclass, field

UNITS = ("count", "percent", "days", "level")
RULES = ("flow", "stock", "cohort", "custom")
GROUPS = ("outputs", "outcomes", "zaragoza", "courses", "surveys")
COMPARISONS = ("eq", "ne", "lt", "lte", "gt", "gte")
OPERATORS = (*COMPARISONS, "in", "not_in", "is_null")
REFERENCES = ("@period_start", "@period_end")
STATISTICS = ("median", "mean")
# Breakdowns every indicator of people may use, in display order.
DIMENSIONS = (
    "sex",
    "age_group",
    "citizenship_group",
    "legal_status",
    "region",
    "municipality",
    "programme",
    "area",
    "kind",
    "channel",
    "period",
)
TOTAL = "_T"  # the code of a margin (all categories), as in SDMX


@dataclass(frozen=True)
class Source:
    document: str
    passage: str


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: object  # str, int, bool, a tuple of those, or one of REFERENCES


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Condition, ...]


Where = tuple[Condition | AnyOf, ...]


@dataclass(frozen=True)
class Period:
    rule: str
    date: str = ""  # the record's date field for flow and cohort rules
    months: int = 0  # cohort: the follow-up point after `date`


@dataclass(frozen=True)
class Categories:
    """A second dimension of the table: one column per value of a code field."""

    field: str
    values: tuple[str, ...]
    exclusive: bool = True  # each record has one value (shares add up to 100 %)


@dataclass(frozen=True)
class Statistic:
    kind: str  # median or mean
    field: str


@dataclass(frozen=True)
class Reference:
    """The group the others are compared with: gap = value of the group - value of this."""

    breakdown: str
    category: str


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    group: str
    definition: str
    unit: str
    records: str
    period: Period
    numerator: Where
    denominator: Where | None
    statistic: Statistic | None
    categories: Categories | None
    breakdowns: tuple[str, ...]
    sources: tuple[Source, ...]
    reference: Reference | None = None
    line: int = 0

    @property
    def is_rate(self) -> bool:
        return self.unit == "percent"

    @property
    def is_additive(self) -> bool:
        """Counts add up along rows and columns; medians and means do not."""
        return self.unit in ("count", "percent")


@dataclass(frozen=True)
class AgeGroup:
    code: str
    low: int
    high: int | None  # inclusive; None: no upper bound


@dataclass(frozen=True)
class CitizenshipGroup:
    code: str
    name: str
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    version: str
    age_groups: tuple[AgeGroup, ...]
    citizenship_groups: tuple[CitizenshipGroup, ...]
    indicators: dict[str, Indicator] = field(default_factory=dict)

    def citizenship_group_of(self) -> dict[str, str]:
        return {c: g.code for g in self.citizenship_groups for c in g.countries}
