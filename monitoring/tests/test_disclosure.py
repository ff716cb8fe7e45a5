"""Disclosure control: primary and secondary suppression, rounding, flags, policy version, and
property tests that no suppressed value can be worked out from a published table.

The checker here is independent of monitoring.suppression: it reads only the published table,
writes its row, column and total equations, and solves them by exact Gaussian elimination
(fractions) for the suppressed cells."""

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitoring.catalogue import TOTAL as T
from monitoring.catalogue import CatalogueError
from monitoring.disclosure import Policy, current_policy, load_policy, publish, round_to
from monitoring.tables import RawCell, RawTable

POLICY = Policy(
    "test-1", min_count=10, rounding_base=5, min_denominator=20, secondary_suppression=True
)


def count_table(values: dict[str, int], breakdown="sex", period="2025") -> RawTable:
    rows = [*values, T]
    cells = {(r, T): RawCell(v) for r, v in values.items()}
    cells[(T, T)] = RawCell(sum(values.values()))
    return RawTable("x", breakdown, period, "count", rows=rows, cells=cells)


def grid_table(grid: list[list[int]]) -> RawTable:
    """Rows r0.., columns c0.. and their totals (an exclusive count table with categories)."""
    rows = [f"r{i}" for i in range(len(grid))]
    columns = [f"c{j}" for j in range(len(grid[0]))]
    cells = {}
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            cells[(r, c)] = RawCell(grid[i][j])
        cells[(r, T)] = RawCell(sum(grid[i]))
    for j, c in enumerate(columns):
        cells[(T, c)] = RawCell(sum(row[j] for row in grid))
    cells[(T, T)] = RawCell(sum(map(sum, grid)))
    return RawTable(
        "x", "sex", "2025", "count", rows=[*rows, T], columns=[*columns, T], cells=cells
    )


def rate_table(pairs: list[tuple[int, int]]) -> RawTable:
    rows = [f"r{i}" for i in range(len(pairs))]
    cells = {(r, T): RawCell(n, d) for r, (n, d) in zip(rows, pairs, strict=True)}
    cells[(T, T)] = RawCell(sum(n for n, _ in pairs), sum(d for _, d in pairs))
    return RawTable("x", "sex", "2025", "percent", rows=[*rows, T], cells=cells)


# --- the independent checker ---------------------------------------------------------------


def equations(published: dict) -> list[list[tuple[tuple[str, str], int]]]:
    """Each equation as [(cell, coefficient)]: total - sum of parts = 0."""
    rows, columns = [r["category"] for r in published["rows"]], published["columns"]
    result = []
    if published["margins"] and T in rows:
        for c in columns:
            result.append([((T, c), 1)] + [((r, c), -1) for r in rows if r != T])
    if (
        published["unit"] == "count"
        and published["exclusive"]
        and T in columns
        and len(columns) > 1
    ):
        for r in rows:
            result.append([((r, T), 1)] + [((r, c), -1) for c in columns if c != T])
    return result


def suppressed(published: dict) -> set[tuple[str, str]]:
    return {
        (row["category"], column)
        for row in published["rows"]
        for column, cell in zip(published["columns"], row["cells"], strict=True)
        if cell["flag"] == "suppressed"
    }


def derivable(published: dict) -> set[tuple[str, str]]:
    """Suppressed cells whose value the published equations determine (exact elimination)."""
    unknown = sorted(suppressed(published))
    index = {cell: i for i, cell in enumerate(unknown)}
    matrix = []
    for equation in equations(published):
        row = [Fraction(0)] * len(unknown)
        for cell, coefficient in equation:
            if cell in index:
                row[index[cell]] += coefficient
        if any(row):
            matrix.append(row)
    pivots, r = [], 0
    for c in range(len(unknown)):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][c] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        matrix[r] = [v / matrix[r][c] for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][c] != 0:
                matrix[i] = [
                    a - matrix[i][c] * b for a, b in zip(matrix[i], matrix[r], strict=True)
                ]
        pivots.append((r, c))
        r += 1
    return {
        unknown[c] for row, c in pivots if all(v == 0 for k, v in enumerate(matrix[row]) if k != c)
    }


def assert_safe(published: dict) -> None:
    hidden = suppressed(published)
    for equation in equations(published):
        unknowns = [cell for cell, _ in equation if cell in hidden]
        assert len(unknowns) != 1, f"{unknowns[0]} is alone in {equation}"
    assert not derivable(published)
    for row in published["rows"]:
        for cell in row["cells"]:
            if cell["flag"] == "suppressed":
                assert cell["value"] is None and cell["denominator"] is None
            assert not (cell["value"] == 0 and published["unit"] == "count")


# --- examples --------------------------------------------------------------------------------


def cells_of(published: dict) -> dict:
    return {
        (row["category"], column): cell
        for row in published["rows"]
        for column, cell in zip(published["columns"], row["cells"], strict=True)
    }


def test_small_counts_are_suppressed_others_rounded_and_flagged():
    published = publish(count_table({"F": 7, "M": 23, "X": 12}), POLICY)
    cells = cells_of(published)
    assert cells[("F", T)] == {"value": None, "flag": "suppressed", "reason": "primary",
                               "denominator": None}  # fmt: skip
    assert cells[("X", T)]["flag"] == "suppressed" and cells[("X", T)]["reason"] == "secondary"
    assert cells[("M", T)] == {"value": 25, "flag": "rounded", "reason": "", "denominator": None}
    assert cells[(T, T)]["value"] == 40
    assert published["policy_version"] == "test-1" and published["protected"]
    assert_safe(published)


def test_zero_is_suppressed_never_shown_as_zero():
    cells = cells_of(publish(count_table({"F": 0, "M": 40, "X": 30}), POLICY))
    assert cells[("F", T)]["value"] is None and cells[("F", T)]["flag"] == "suppressed"


def test_rates_need_a_denominator_of_twenty():
    published = publish(rate_table([(5, 19), (10, 40), (30, 60)]), POLICY)
    cells = cells_of(published)
    assert cells[("r0", T)]["flag"] == "suppressed"
    assert cells[("r1", T)]["flag"] == "suppressed"  # secondary: the smallest other row
    assert cells[("r2", T)] == {"value": 50.0, "flag": "", "reason": "", "denominator": 60}
    assert cells[(T, T)]["value"] == round(100 * 45 / 119, 1)
    assert_safe(published)


def test_the_total_row_is_protected_alike_in_every_breakdown():
    by_sex = grid_table([[30, 4, 25], [40, 30, 35]])
    by_age = grid_table([[12, 1, 20], [20, 2, 20], [38, 31, 20]])
    totals = [cells_of(publish(t, POLICY)) for t in (by_sex, by_age)]
    for column in ("c0", "c1", "c2", T):
        assert totals[0][(T, column)] == totals[1][(T, column)]


def test_unprotected_figures_are_exact_and_say_so():
    published = publish(count_table({"F": 7, "M": 23}), POLICY, protected=False)
    assert cells_of(published)[("F", T)]["value"] == 7 and not published["protected"]
    assert published["policy_version"] == "test-1"


def test_round_half_up_to_the_base():
    assert [round_to(v, 5) for v in (10, 12, 13, 17, 18, 22)] == [10, 10, 15, 15, 20, 20]


def test_the_shipped_policy_is_the_one_the_issue_asks_for():
    policy = current_policy()
    assert (policy.min_count, policy.rounding_base, policy.min_denominator) == (10, 5, 20)
    assert policy.secondary_suppression and policy.version


def test_a_bad_policy_file_names_file_key_and_line(tmp_path: Path):
    path = tmp_path / "disclosure.yaml"
    path.write_text(
        'version: "1"\nmin_count: ten\nrounding_base: 5\nmin_denominator: 20\n'
        "secondary_suppression: true\n"
    )
    with pytest.raises(CatalogueError, match=r"disclosure.yaml: min_count \(line 2\)"):
        load_policy(path)


# --- properties ------------------------------------------------------------------------------

small = st.integers(min_value=0, max_value=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(small, min_size=1, max_size=8))
def test_no_suppressed_count_can_be_derived_in_one_dimension(values):
    table = count_table({f"r{i}": v for i, v in enumerate(values)})
    published = publish(table, POLICY)
    assert_safe(published)
    for row in published["rows"]:
        raw = table.cell(row["category"], T).num
        if raw < POLICY.min_count:
            assert row["cells"][0]["flag"] == "suppressed"


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda width: st.lists(
            st.lists(small, min_size=width, max_size=width), min_size=1, max_size=6
        )
    )
)
def test_no_suppressed_count_can_be_derived_in_two_dimensions(grid):
    published = publish(grid_table(grid), POLICY)
    assert_safe(published)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(small, st.integers(min_value=0, max_value=60)), min_size=1, max_size=8))
def test_no_suppressed_rate_can_be_derived(pairs):
    pairs = [(min(n, d), d) for n, d in pairs]
    published = publish(rate_table(pairs), POLICY)
    assert_safe(published)
    for row, (_n, d) in zip(published["rows"], pairs, strict=False):
        if d < POLICY.min_denominator:
            assert row["cells"][0]["value"] is None
