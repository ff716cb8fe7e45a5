"""What the coordinator's and the analyst's dashboards show, built from protected tables."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import charts, services
from .catalogue import TOTAL, shipped_catalogue
from .labels import breakdown_label, category_label

BREAKDOWN_CHOICES = ("sex", "age_group", "citizenship_group", "legal_status", "region")


@dataclass(frozen=True)
class Layout:
    title: str
    tiles: tuple[str, ...]
    bars: tuple[str, ...]
    map: str
    lines: tuple[tuple[str, ...], ...]


LAYOUTS = {
    "coordinator": Layout(
        gettext_lazy("Programme"),
        ("people_registered", "plans_agreed", "measures_overdue", "referral_completion_rate"),
        ("plans_agreed", "measures_overdue", "referral_days_to_outcome"),
        "people_registered",
        (("people_registered", "plans_agreed", "measures_done"),),
    ),
    "analyst": Layout(
        gettext_lazy("Integration outcomes"),
        ("employment_rate", "unemployment_rate", "long_term_residence", "survey_satisfaction"),
        ("employed_12m", "language_a2_12m", "employment_rate"),
        "employment_rate",
        (
            ("employment_rate", "activity_rate", "unemployment_rate"),
            ("employed_12m", "employed_24m", "language_b1_24m"),
        ),
    ),
}


def table_url(indicator: str, breakdown: str, period: str) -> str:
    query = urlencode({"breakdown": breakdown, "period": period})
    return f"{reverse('monitoring:indicator', args=[indicator])}?{query}"


def _column(table: dict) -> int:
    columns = table["columns"]
    return columns.index(TOTAL) if TOTAL in columns else 0


def marks(table: dict, breakdown: str, period: str, link: bool = True) -> list[charts.Mark]:
    column = _column(table)
    result = []
    for row in table["rows"]:
        if row["category"] == TOTAL:
            continue
        cell = row["cells"][column]
        href = table_url(table["indicator"], breakdown, period) if link else ""
        label = (
            row["category"]
            if breakdown in ("region", "period")
            else category_label(breakdown, row["category"])
        )
        result.append(charts.Mark(label, cell["value"], href))
    return result


def tile(table: dict | None, period: str) -> dict:
    if table is None:
        return {"value": None, "flag": "missing"}
    row = next((r for r in table["rows"] if r["category"] == period), None)
    if row is None:
        return {"value": None, "flag": "missing"}
    return row["cells"][_column(table)]


def panel(user, view: str, period: str, breakdown: str) -> dict:
    layout, catalogue = LAYOUTS[view], shipped_catalogue()
    known = catalogue.indicators
    wanted = [i for i in {*layout.tiles, *layout.bars, layout.map} if i in known]
    wanted += [i for group in layout.lines for i in group if i in known]
    by_period = services.tables(user, wanted, "period", "all")
    by_breakdown = services.tables(user, list(layout.bars), breakdown, period)
    by_region = services.tables(user, [layout.map], "region", period)
    tiles = [
        {
            "indicator": known[i],
            "cell": tile(by_period.get(i), period),
            "url": table_url(i, "period", "all"),
        }
        for i in layout.tiles
        if i in known
    ]
    bars = []
    for number, indicator_id in enumerate(layout.bars):
        indicator, table = known.get(indicator_id), by_breakdown.get(indicator_id)
        if indicator is None:
            continue
        title = _("%(indicator)s by %(breakdown)s, %(period)s") % {
            "indicator": indicator.name, "breakdown": breakdown_label(breakdown), "period": period
        }  # fmt: skip
        chart = None
        if table:
            chart = charts.bar_chart(
                f"bar-{number}", title, marks(table, breakdown, period), indicator.unit
            )
        bars.append({"indicator": indicator, "title": title, "chart": chart,
                     "url": table_url(indicator_id, breakdown, period),
                     "allowed": breakdown in indicator.breakdowns})  # fmt: skip
    region_chart = None
    if layout.map in by_region:
        indicator = known[layout.map]
        title = _("%(indicator)s by region, %(period)s") % {
            "indicator": indicator.name, "period": period
        }  # fmt: skip
        region_chart = {
            "title": title,
            "chart": charts.region_map(
                "map", title, marks(by_region[layout.map], "region", period), indicator.unit
            ),
            "url": table_url(layout.map, "region", period),
        }
    return {
        "tiles": tiles,
        "bars": bars,
        "map": region_chart,
        "lines": [
            _lines(number, group, by_period, known) for number, group in enumerate(layout.lines)
        ],
    }


def _lines(number: int, group: tuple[str, ...], by_period: dict, known: dict) -> dict | None:
    series, periods, unit = [], [], ""
    for indicator_id in group:
        table = by_period.get(indicator_id)
        if table is None or indicator_id not in known:
            continue
        periods = [r["category"] for r in table["rows"]]
        unit = known[indicator_id].unit
        series.append((known[indicator_id].name, marks(table, "period", "all")))
    if not series:
        return None
    title = _("Over the years: %(names)s") % {"names": ", ".join(name for name, _m in series)}
    return {
        "title": title,
        "chart": charts.line_chart(f"line-{number}", title, periods, series, unit),
    }
