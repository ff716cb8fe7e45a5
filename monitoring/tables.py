"""Tables of figures before disclosure control, as the engine makes them and the cache keeps
them (JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue.schema import TOTAL


@dataclass
class RawCell:
    num: int  # the count; for a percentage its numerator; for a statistic its number of records
    den: int | None = None  # the denominator of a percentage
    stat: float | None = None  # the median or mean


@dataclass
class RawTable:
    indicator: str
    breakdown: str
    period: str
    unit: str
    statistic: str = ""  # "median" or "mean" for days and levels
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=lambda: [TOTAL])
    cells: dict[tuple[str, str], RawCell] = field(default_factory=dict)
    margins: bool = True  # the TOTAL row is the sum of the other rows
    exclusive: bool = True  # the TOTAL column (when there is one) is the sum of the others

    def cell(self, row: str, column: str) -> RawCell:
        return self.cells.get((row, column)) or RawCell(0, 0 if self.unit == "percent" else None)

    @property
    def body_rows(self) -> list[str]:
        return [r for r in self.rows if r != TOTAL]

    def to_json(self) -> dict:
        return {
            "indicator": self.indicator,
            "breakdown": self.breakdown,
            "period": self.period,
            "unit": self.unit,
            "statistic": self.statistic,
            "rows": self.rows,
            "columns": self.columns,
            "margins": self.margins,
            "exclusive": self.exclusive,
            "cells": [[r, c, v.num, v.den, v.stat] for (r, c), v in self.cells.items()],
        }

    @classmethod
    def from_json(cls, data: dict) -> RawTable:
        cells = {(r, c): RawCell(num, den, stat) for r, c, num, den, stat in data["cells"]}
        fields = {k: v for k, v in data.items() if k != "cells"}
        return cls(**fields, cells=cells)
