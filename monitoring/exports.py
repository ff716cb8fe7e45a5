"""Published tables as CSV and XLSX (SDMX in sdmx_export.py). A suppressed cell is written
with no value and the flag "suppressed", never as zero; every row names the policy version."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from .catalogue import Indicator
from .labels import breakdown_label, category_label

HEADER = (
    "indicator", "name", "unit", "breakdown", "category", "category_label", "column", "period",
    "value", "flag", "reason", "denominator", "gap", "policy_version", "protected",
)  # fmt: skip


def rows(indicator: Indicator, tables: list[dict]):
    for table in tables:
        for row in table["rows"]:
            gaps = row.get("gap") or [None] * len(row["cells"])
            for column, cell, gap in zip(table["columns"], row["cells"], gaps, strict=True):
                is_period = table["breakdown"] == "period"
                yield (
                    indicator.id,
                    indicator.name,
                    table["unit"],
                    table["breakdown"],
                    row["category"],
                    row["category"]
                    if is_period
                    else category_label(table["breakdown"], row["category"]),
                    column,
                    row["category"] if is_period else table["period"],
                    cell["value"],
                    cell["flag"],
                    cell["reason"],
                    cell["denominator"],
                    gap,
                    table["policy_version"],
                    "yes" if table["protected"] else "no",
                )


def to_csv(indicator: Indicator, tables: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for values in rows(indicator, tables):
        writer.writerow(["" if v is None else v for v in values])
    return out.getvalue()


def to_xlsx(indicator: Indicator, tables: list[dict]) -> bytes:
    book = Workbook()
    data = book.active
    data.title = "data"
    data.append(HEADER)
    for cell in data[1]:
        cell.font = Font(bold=True)
    for values in rows(indicator, tables):
        data.append(list(values))
    about = book.create_sheet("about")
    policy = tables[0]["policy_version"] if tables else ""
    protected = all(t["protected"] for t in tables)
    lines = [
        ("indicator", indicator.id),
        ("name", indicator.name),
        ("definition", indicator.definition),
        ("unit", indicator.unit),
        ("breakdowns", ", ".join(breakdown_label(b) for b in indicator.breakdowns)),
        ("disclosure policy version", policy),
        ("disclosure control", "applied" if protected else "NOT applied: internal use only"),
        ("flags", "rounded: count rounded; suppressed: value withheld (never zero)"),
        *(("source", f"{s.document}: {s.passage}") for s in indicator.sources),
    ]
    for line in lines:
        about.append(list(line))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
