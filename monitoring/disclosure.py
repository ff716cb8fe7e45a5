"""Statistical disclosure control: the versioned policy (catalogue/disclosure.yaml) and the
protection of a table before anyone sees it.

Counts below `min_count` are suppressed, the others rounded to `rounding_base`; percentages,
medians and means need `min_denominator` records; then secondary suppression so that no
suppressed cell can be worked out from the rows, columns and totals shown (suppression.py).
A protected cell is flagged and has no value: it is never shown as zero.

The TOTAL row of a table is published in every breakdown of the same indicator and period, so
its cells are protected first, from the total row alone, and then fixed: a cell suppressed in
one breakdown is suppressed in all of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pathways.programmes.nodes import Cursor, ProfileError

from .catalogue.loader import CatalogueError, _compose
from .catalogue.schema import TOTAL
from .suppression import Cell, margin_equations, suppress_further
from .tables import RawTable

POLICY_FILE = Path(__file__).resolve().parent / "catalogue" / "disclosure.yaml"
ROUNDED, SUPPRESSED = "rounded", "suppressed"
PRIMARY, SECONDARY = "primary", "secondary"


@dataclass(frozen=True)
class Policy:
    version: str
    min_count: int
    rounding_base: int
    min_denominator: int
    secondary_suppression: bool


def load_policy(path: str | Path = POLICY_FILE) -> Policy:
    path = Path(path)
    root: Cursor = _compose(path.read_text(encoding="utf-8"), path.name)
    try:
        m = root.mapping(
            ("version", "min_count", "rounding_base", "min_denominator", "secondary_suppression")
        )
        return Policy(
            version=m["version"].string(r"[0-9A-Za-z][0-9A-Za-z.+-]*"),
            min_count=m["min_count"].integer(1, 1000),
            rounding_base=m["rounding_base"].integer(1, 1000),
            min_denominator=m["min_denominator"].integer(1, 100_000),
            secondary_suppression=m["secondary_suppression"].boolean(),
        )
    except CatalogueError:
        raise
    except ProfileError as exc:
        raise CatalogueError(exc.file, exc.path, exc.line, exc.problem) from None


@cache
def current_policy() -> Policy:
    return load_policy()


def round_to(value: float, base: int) -> int:
    return int(base * math.floor(value / base + 0.5))


def _size(table: RawTable, cell: Cell) -> float:
    raw = table.cell(*cell)
    if table.unit == "percent":
        return raw.den or 0
    return raw.num


def _primary(table: RawTable, policy: Policy, cells: list[Cell]) -> set[Cell]:
    if table.unit == "count":
        return {c for c in cells if table.cell(*c).num < policy.min_count}
    return {c for c in cells if _size(table, c) < policy.min_denominator}


def _linked(table: RawTable):
    """Percentages, medians and means of one row share a denominator: they go together."""
    if table.unit == "count":
        return lambda cell: (cell,)
    return lambda cell: tuple((cell[0], c) for c in table.columns)


def hidden_cells(table: RawTable, policy: Policy) -> dict[Cell, str]:
    """The suppressed cells of `table` under `policy`, with the reason for each."""
    cells = [(r, c) for r in table.rows for c in table.columns]
    primary = _primary(table, policy, cells)
    linked = _linked(table)
    for cell in list(primary):
        primary.update(linked(cell))
    additive = table.unit in ("count", "percent") or table.statistic == "mean"
    if not (policy.secondary_suppression and additive):
        return dict.fromkeys(primary, PRIMARY)
    sizes = {cell: _size(table, cell) for cell in cells}
    by_column = table.unit == "count" and table.exclusive
    hidden = set(primary)
    # 1. The total rows (each row of a table by period is one), on their own.
    total_rows = [TOTAL] if table.margins else table.rows
    for row in total_rows:
        if row not in table.rows:
            continue
        equations = margin_equations([row], table.columns, TOTAL, False, by_column)
        eligible = {(row, c) for c in table.columns if c != TOTAL}
        hidden = suppress_further(hidden, equations, sizes, eligible, linked)
    # 2. The body, with the total row fixed.
    if table.margins:
        equations = margin_equations(table.rows, table.columns, TOTAL, True, by_column)
        eligible = {c for c in cells if c[0] != TOTAL}
        hidden = suppress_further(hidden, equations, sizes, eligible, linked)
    return {cell: PRIMARY if cell in primary else SECONDARY for cell in hidden}


def _value(table: RawTable, cell: Cell, policy: Policy | None) -> tuple[float | None, str]:
    raw = table.cell(*cell)
    if table.unit == "count":
        if policy is None:
            return raw.num, ""
        return round_to(raw.num, policy.rounding_base), ROUNDED
    if table.unit == "percent":
        if not raw.den:
            return None, ""
        return round(100.0 * raw.num / raw.den, 1), ""
    return (None if raw.stat is None else round(raw.stat, 1)), ""


def _denominator(table: RawTable, cell: Cell, policy: Policy | None) -> int | None:
    raw = table.cell(*cell)
    size = raw.den if table.unit == "percent" else (raw.num if table.unit != "count" else None)
    if size is None or policy is None:
        return size
    return round_to(size, policy.rounding_base)


def publish(table: RawTable, policy: Policy, protected: bool = True, reference: str = "") -> dict:
    """The table as shown: protected (the default) or, for those allowed, as computed.

    `reference`: the category of this table's breakdown that the others are compared with;
    each row then gets its gap to that row (from the values shown, so it reveals nothing)."""
    hidden = hidden_cells(table, policy) if protected else {}
    use = policy if protected else None
    rows = []
    for row in table.rows:
        cells = []
        for column in table.columns:
            cell = (row, column)
            if cell in hidden:
                cells.append(
                    {"value": None, "flag": SUPPRESSED, "reason": hidden[cell], "denominator": None}
                )
                continue
            value, flag = _value(table, cell, use)
            cells.append(
                {
                    "value": value,
                    "flag": flag,
                    "reason": "",
                    "denominator": _denominator(table, cell, use),
                }
            )
        rows.append({"category": row, "cells": cells, "gap": None})
    if reference:
        _gaps(rows, reference)
    return {
        "indicator": table.indicator,
        "breakdown": table.breakdown,
        "period": table.period,
        "unit": table.unit,
        "statistic": table.statistic,
        "columns": table.columns,
        "rows": rows,
        "margins": table.margins,
        "exclusive": table.exclusive,
        "policy_version": policy.version,
        "protected": protected,
        "reference": reference,
    }


def _gaps(rows: list[dict], reference: str) -> None:
    base = next((r for r in rows if r["category"] == reference), None)
    if base is None:
        return
    for row in rows:
        gaps = []
        for mine, theirs in zip(row["cells"], base["cells"], strict=True):
            if mine["value"] is None or theirs["value"] is None:
                gaps.append(None)
            else:
                gaps.append(round(mine["value"] - theirs["value"], 1))
        row["gap"] = gaps
