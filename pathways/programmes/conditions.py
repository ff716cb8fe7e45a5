"""The `when` mini-language of plan templates: data, parsed into condition objects, never eval'd.

    {}                                   always applies
    {needs_language: true}               a needs-profile flag has this value
    {language_level_below: B1}           lowest host-language skill is below B1
    {language_level_at_least: A2}
    {age_below: 25}  {age_at_least: 16}
    {all: [c, ...]}  {any: [c, ...]}  {not: c}
A mapping with several keys applies when all of them do.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml
from django.utils.translation import gettext

from .facts import CEFR_LEVELS, FLAG_NAMES, cefr_rank
from .nodes import YAML_LOADER, Cursor

if TYPE_CHECKING:
    from .facts import NeedsProfile

LEVEL_KEYS = ("language_level_below", "language_level_at_least")
AGE_KEYS = ("age_below", "age_at_least")
COMBINATORS = ("all", "any", "not")
CONDITION_KEYS = FLAG_NAMES + LEVEL_KEYS + AGE_KEYS + COMBINATORS


class Condition(ABC):
    """Base of all conditions."""

    @abstractmethod
    def matches(self, needs: NeedsProfile) -> bool:
        """Whether the needs profile satisfies this condition."""


@dataclass(frozen=True)
class Flag(Condition):
    name: str
    value: bool

    def matches(self, needs: NeedsProfile) -> bool:
        return getattr(needs, self.name) is self.value


@dataclass(frozen=True)
class LevelBelow(Condition):
    level: str

    def matches(self, needs: NeedsProfile) -> bool:
        return cefr_rank(needs.language_level) < cefr_rank(self.level)


@dataclass(frozen=True)
class LevelAtLeast(Condition):
    level: str

    def matches(self, needs: NeedsProfile) -> bool:
        return cefr_rank(needs.language_level) >= cefr_rank(self.level)


@dataclass(frozen=True)
class AgeBelow(Condition):
    age: int

    def matches(self, needs: NeedsProfile) -> bool:
        return needs.age < self.age


@dataclass(frozen=True)
class AgeAtLeast(Condition):
    age: int

    def matches(self, needs: NeedsProfile) -> bool:
        return needs.age >= self.age


@dataclass(frozen=True)
class AllOf(Condition):
    items: tuple[Condition, ...] = ()

    def matches(self, needs: NeedsProfile) -> bool:
        return all(item.matches(needs) for item in self.items)


@dataclass(frozen=True)
class AnyOf(Condition):
    items: tuple[Condition, ...]

    def matches(self, needs: NeedsProfile) -> bool:
        return any(item.matches(needs) for item in self.items)


@dataclass(frozen=True)
class Not(Condition):
    item: Condition

    def matches(self, needs: NeedsProfile) -> bool:
        return not self.item.matches(needs)


ALWAYS = AllOf()


def parse_condition(cursor: Cursor) -> Condition:
    """Parse a `when` mapping; a ProfileError names the offending key path and line."""
    parts = [_parse_key(name, value) for name, value in cursor.mapping((), CONDITION_KEYS).items()]
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


def _parse_key(name: str, value: Cursor) -> Condition:
    if name in FLAG_NAMES:
        return Flag(name, value.boolean())
    if name == "language_level_below":
        return LevelBelow(value.choice(CEFR_LEVELS))
    if name == "language_level_at_least":
        return LevelAtLeast(value.choice(CEFR_LEVELS))
    if name == "age_below":
        return AgeBelow(value.integer(0, 130))
    if name == "age_at_least":
        return AgeAtLeast(value.integer(0, 130))
    if name == "not":
        return Not(parse_condition(value))
    items = tuple(parse_condition(item) for item in value.items(min_items=1))
    return AllOf(items) if name == "all" else AnyOf(items)


def condition_from_data(data: object, file: str = "<condition>") -> Condition:
    """Parse a condition given as plain Python data (as it would appear in YAML)."""
    if data is None:
        data = {}
    node = yaml.compose(yaml.safe_dump(data), Loader=YAML_LOADER)
    if node is None:
        raise ValueError(gettext("empty condition"))
    return parse_condition(Cursor(file, node, "when"))


def condition_to_data(condition: Condition) -> dict:
    """A condition as the plain mapping it is written as in a profile (the inverse of parsing)."""
    simple = {
        LevelBelow: ("language_level_below", "level"),
        LevelAtLeast: ("language_level_at_least", "level"),
        AgeBelow: ("age_below", "age"),
        AgeAtLeast: ("age_at_least", "age"),
        Flag: (None, "value"),
    }
    if type(condition) in simple:
        key, attribute = simple[type(condition)]
        return {key or condition.name: getattr(condition, attribute)}
    if isinstance(condition, Not):
        return {"not": condition_to_data(condition.item)}
    if isinstance(condition, AllOf) and not condition.items:
        return {}
    if isinstance(condition, AllOf | AnyOf):
        key = "all" if isinstance(condition, AllOf) else "any"
        return {key: [condition_to_data(item) for item in condition.items]}
    raise TypeError(f"not a condition: {condition!r}")
