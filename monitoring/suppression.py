"""Secondary cell suppression on tables with published margins, and the check that no
suppressed cell can be worked out from what is shown.

A table's additive structure is a list of equations `total = part + part + ...` over its cells
(row, column). A suppressed cell is *exposed* when the shown cells pin it down: trivially when
it is the only suppressed cell of an equation, in general when its unit vector lies in the row
space of the equations restricted to the suppressed cells (null-space test, numpy SVD).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

Cell = tuple[str, str]
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Equation:
    total: Cell
    parts: tuple[Cell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (self.total, *self.parts)

    def unknowns(self, hidden: set[Cell]) -> list[Cell]:
        return [cell for cell in self.cells if cell in hidden]


def margin_equations(
    rows: list[str], columns: list[str], total: str, by_row: bool, by_column: bool
) -> list[Equation]:
    """Equations of a grid whose `total` row sums the other rows (by_row) and whose `total`
    column sums the other columns (by_column)."""
    body_rows = [r for r in rows if r != total]
    body_cols = [c for c in columns if c != total]
    equations: list[Equation] = []
    if by_row and total in rows and body_rows:
        for column in columns:
            parts = tuple((r, column) for r in body_rows)
            equations.append(Equation((total, column), parts))
    if by_column and total in columns and body_cols:
        for row in rows:
            parts = tuple((row, c) for c in body_cols)
            equations.append(Equation((row, total), parts))
    return equations


def single_unknown(equations: Iterable[Equation], hidden: set[Cell]) -> list[Equation]:
    return [e for e in equations if len(e.unknowns(hidden)) == 1]


def exposed(equations: list[Equation], hidden: set[Cell]) -> set[Cell]:
    """Suppressed cells whose value follows from the shown cells through the equations."""
    unknowns = sorted({cell for e in equations for cell in e.unknowns(hidden)})
    if not unknowns:
        return set()
    index = {cell: i for i, cell in enumerate(unknowns)}
    matrix = []
    for equation in equations:
        row = np.zeros(len(unknowns))
        if equation.total in index:
            row[index[equation.total]] += 1.0
        for part in equation.parts:
            if part in index:
                row[index[part]] -= 1.0
        if row.any():
            matrix.append(row)
    if not matrix:
        return set()
    _u, singular, vt = np.linalg.svd(np.array(matrix))
    rank = int((singular > TOLERANCE).sum())
    null_space = vt[rank:]
    if null_space.shape[0] == 0:
        return set(unknowns)
    fixed = np.all(np.abs(null_space) < 1e-7, axis=0)
    return {unknowns[i] for i in np.flatnonzero(fixed)}


def suppress_further(
    hidden: set[Cell],
    equations: list[Equation],
    sizes: dict[Cell, float],
    eligible: set[Cell],
    linked: Callable[[Cell], Iterable[Cell]] = lambda cell: (cell,),
) -> set[Cell]:
    """Add suppressions (smallest eligible cell first) until no suppressed cell is exposed.

    `linked(cell)` gives the cells that must go with `cell` (a whole row of percentages that
    share one denominator). Cells outside `eligible` keep their state (margins published
    elsewhere)."""
    hidden = set(hidden)
    while True:
        trivial = single_unknown(equations, hidden)
        if trivial:
            candidates = [c for c in trivial[0].cells if c not in hidden and c in eligible]
        else:
            pinned = exposed(equations, hidden)
            if not pinned:
                return hidden
            candidates = [
                c
                for e in equations
                if set(e.cells) & pinned
                for c in e.cells
                if c not in hidden and c in eligible
            ]
        if not candidates:
            # Nothing left to choose in that equation: suppress every eligible cell.
            everything = set(hidden)
            for cell in eligible:
                everything.update(linked(cell))
            if everything == hidden:
                return hidden
            hidden = everything
            continue
        pick = min(candidates, key=lambda cell: (sizes.get(cell, 0), cell))
        hidden.update(linked(pick))


def check(equations: list[Equation], hidden: set[Cell]) -> list[str]:
    """Problems with a published table: suppressed cells that can be worked out."""
    problems = [
        f"{e.unknowns(hidden)[0]} is the only suppressed cell of {e.total} = sum of {e.parts}"
        for e in single_unknown(equations, hidden)
    ]
    problems += [
        f"{cell} follows from the equations" for cell in sorted(exposed(equations, hidden))
    ]
    return problems
