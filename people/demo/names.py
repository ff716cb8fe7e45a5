"""Name pools: each name in its own script with the Latin spellings met in real documents.

One line per name: `own script|Latin spelling, other spellings|relative frequency`. The first
Latin spelling is the most common (passport / ICAO style); the others are what caseworkers,
employers and older documents write, so the registry holds Mohamed, Muhammad and Mohammed.
The pools themselves are in names_arabic.py, names_cyrillic.py and names_other.py.
"""

import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class Name:
    native: str
    latin: tuple[str, ...]

    def spelling(self, rng: random.Random) -> str:
        """A Latin spelling: the usual one most of the time, a variant otherwise."""
        if len(self.latin) == 1:
            return self.latin[0]
        r = rng.random()
        if r < 0.6:
            return self.latin[0]
        return self.latin[1 + int((r - 0.6) / 0.4 * (len(self.latin) - 1))]


class Pool:
    """Names with weights; `pick` draws one in O(log n)."""

    def __init__(self, text: str):
        names, weights = [], []
        for line in text.strip().splitlines():
            native, latin, weight = (part.strip() for part in line.split("|"))
            names.append(Name(native, tuple(s.strip() for s in latin.split(","))))
            weights.append(float(weight))
        self.names = tuple(names)
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> Name:
        return self.names[bisect(self._cumulative, rng.random() * self._total)]


# Feminine forms of East-Slavic family names (own script, Latin).
_FEMININE_NATIVE = [
    ("ський", "ська"),
    ("ский", "ская"),
    ("скі", "ская"),
    ("оў", "ова"),
    ("ёў", "ёва"),
    ("ов", "ова"),
    ("ев", "ева"),
    ("ёв", "ёва"),
    ("ин", "ина"),
]
_FEMININE_LATIN = [
    ("skyi", "ska"),
    ("skiy", "skaya"),
    ("skii", "skaia"),
    ("sky", "skaya"),
    ("ski", "skaya"),
    ("ou", "ova"),
    ("ov", "ova"),
    ("ev", "eva"),
    ("in", "ina"),
]


def _feminise(name: str, rules: list[tuple[str, str]]) -> str:
    for masculine, feminine in rules:
        if name.endswith(masculine):
            return name[: -len(masculine)] + feminine
    return name


def feminine(native: str, latin: str) -> tuple[str, str]:
    """Feminine form of a gendered family name (Ivanov → Ivanova), others unchanged."""
    return _feminise(native, _FEMININE_NATIVE), _feminise(latin, _FEMININE_LATIN)
