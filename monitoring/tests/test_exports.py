"""Exports read back: SDMX-ML and SDMX-CSV with sdmx1 against the DSD kept in the repository,
CSV and XLSX; values and disclosure flags survive the round trip."""

import csv
import io

import pytest
import sdmx
from django.core.management import call_command
from openpyxl import load_workbook

from monitoring import exports, sdmx_export
from monitoring.catalogue import TOTAL as T
from monitoring.catalogue import shipped_catalogue
from monitoring.disclosure import current_policy, publish
from monitoring.tables import RawCell, RawTable


def published_tables(protected: bool = True) -> list[dict]:
    counts = RawTable(
        "referrals_by_outcome", "sex", "2025", "count",
        rows=["F", "M", T], columns=["completed", "declined", T],
        cells={
            ("F", "completed"): RawCell(40), ("F", "declined"): RawCell(3), ("F", T): RawCell(43),
            ("M", "completed"): RawCell(31), ("M", "declined"): RawCell(25), ("M", T): RawCell(56),
            (T, "completed"): RawCell(71), (T, "declined"): RawCell(28), (T, T): RawCell(99),
        },
    )  # fmt: skip
    return [publish(counts, current_policy(), protected)]


def observations(message) -> dict:
    result = {}
    for obs in message.data[0].obs:
        key = {
            k: str(v.value if hasattr(v, "value") else v) for k, v in obs.dimension.values.items()
        }
        attributes = {k: v.value for k, v in obs.attached_attribute.items()}
        value = None if obs.value in (None, "") else float(obs.value)
        result[(key["CATEGORY"], key["COLUMN"])] = (value, attributes)
    return result


def expected_flags(table: dict) -> dict:
    return {
        (row["category"], column): cell
        for row in table["rows"]
        for column, cell in zip(table["columns"], row["cells"], strict=True)
    }


def check_round_trip(found: dict, table: dict) -> None:
    cells = expected_flags(table)
    assert set(found) == set(cells)
    for key, cell in cells.items():
        value, attributes = found[key]
        assert attributes["POLICY_VERSION"] == current_policy().version
        if cell["flag"] == "suppressed":
            assert value is None
            assert attributes["OBS_STATUS"] == "Q"
            assert attributes["CONF_STATUS"] == ("C" if cell["reason"] == "primary" else "D")
        else:
            assert value == cell["value"]
            assert (attributes["OBS_STATUS"], attributes["CONF_STATUS"]) == ("A", "F")


def test_the_example_has_primary_and_secondary_suppression():
    reasons = {c["reason"] for c in expected_flags(published_tables()[0]).values()}
    assert {"primary", "secondary"} <= reasons


def test_sdmx_ml_reads_back_with_sdmx1():
    tables = published_tables()
    xml = sdmx_export.to_sdmx_ml(tables)
    assert b"StructureSpecificData" in xml
    dsd = sdmx_export.repository_structure().structure[sdmx_export.DSD_ID]
    message = sdmx.read_sdmx(io.BytesIO(xml), structure=dsd)
    check_round_trip(observations(message), tables[0])


def test_sdmx_csv_reads_back_with_sdmx1():
    tables = published_tables()
    text = sdmx_export.to_sdmx_csv(tables)
    assert text.splitlines()[0].startswith("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR")
    flow = sdmx_export.repository_structure().dataflow[sdmx_export.FLOW_ID]
    message = sdmx.read_sdmx(io.BytesIO(text.encode()), format="csv", structure=flow)
    check_round_trip(observations(message), tables[0])


def test_unprotected_exports_are_marked_not_for_publication():
    xml = sdmx_export.to_sdmx_ml(published_tables(protected=False))
    dsd = sdmx_export.repository_structure().structure[sdmx_export.DSD_ID]
    found = observations(sdmx.read_sdmx(io.BytesIO(xml), structure=dsd))
    assert found[("F", "declined")] == (
        3.0,
        {"UNIT_MEASURE": "NR", "OBS_STATUS": "A", "CONF_STATUS": "N",
         "POLICY_VERSION": current_policy().version},
    )  # fmt: skip


def test_csv_keeps_flags_and_never_writes_zero_for_a_suppressed_cell():
    indicator = shipped_catalogue().indicators["referrals_by_outcome"]
    tables = published_tables()
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(indicator, tables))))
    assert len(rows) == 9
    cells = expected_flags(tables[0])
    for row in rows:
        cell = cells[(row["category"], row["column"])]
        assert row["flag"] == cell["flag"] and row["policy_version"] == current_policy().version
        assert row["value"] == ("" if cell["value"] is None else str(cell["value"]))


def test_xlsx_reads_back():
    indicator = shipped_catalogue().indicators["referrals_by_outcome"]
    tables = published_tables()
    book = load_workbook(io.BytesIO(exports.to_xlsx(indicator, tables)))
    header, *rows = list(book["data"].values)
    data = [dict(zip(header, row, strict=True)) for row in rows]
    cells = expected_flags(tables[0])
    for row in data:
        assert row["value"] == cells[(row["category"], row["column"])]["value"]
        assert row["flag"] == cells[(row["category"], row["column"])]["flag"]
    about = dict(book["about"].values)
    assert about["disclosure policy version"] == current_policy().version


def test_the_dsd_in_the_repository_is_up_to_date():
    call_command("sdmx_structure", "--check")


def test_the_dsd_lists_every_indicator_and_the_sdmx_flag_codes():
    structure = sdmx_export.repository_structure()
    codes = {c.id for c in structure.codelist["CL_INTEGRA_INDICATOR"]}
    assert {i.upper() for i in shipped_catalogue().indicators} <= codes
    assert {c.id for c in structure.codelist["CL_OBS_STATUS"]} == {"A", "Q"}
    assert {c.id for c in structure.codelist["CL_CONF_STATUS"]} == {"F", "C", "D", "N"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "sdmx-csv", "sdmx-ml"])
def test_every_format_has_a_name_and_type(fmt):
    from monitoring.views import EXPORTS

    content_type, suffix = EXPORTS[fmt]
    assert content_type and suffix
