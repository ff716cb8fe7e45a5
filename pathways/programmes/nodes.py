"""Typed, strict access to composed YAML nodes, keeping the key path and line of every value."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NoReturn

import yaml
from django.utils.translation import gettext, gettext_noop
from yaml.constructor import SafeConstructor

# libyaml's loader when PyYAML was built with it: the same nodes and marks, much faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TYPE_NAMES = {
    STR_TAG: gettext_noop("a string"),
    INT_TAG: gettext_noop("an integer"),
    "tag:yaml.org,2002:float": gettext_noop("a number"),
    BOOL_TAG: gettext_noop("a boolean"),
    NULL_TAG: gettext_noop("null"),
}
# Stateless for scalars: turns an int or bool node into its value the way PyYAML would.
_CONSTRUCTOR = SafeConstructor()


class ProfileError(ValueError):
    """A programme profile is invalid; the message names the file, key path and line."""

    def __init__(self, file: str, path: str, line: int, problem: str) -> None:
        self.file, self.path, self.line, self.problem = file, path, line, problem
        message = gettext("%(file)s: %(path)s (line %(line)d): %(problem)s") % {
            "file": file,
            "path": path or gettext("document"),
            "line": line,
            "problem": problem,
        }
        super().__init__(message)


def _type_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return gettext("a mapping")
    if isinstance(node, yaml.SequenceNode):
        return gettext("a list")
    return gettext(TYPE_NAMES.get(node.tag, gettext_noop("a value")))


@dataclass(frozen=True)
class Cursor:
    """One YAML node with its key path (e.g. `plan_templates[2].goals[0]`) inside `file`."""

    file: str
    node: yaml.Node
    path: str = ""

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def fail(self, problem: str, path: str | None = None, line: int | None = None) -> NoReturn:
        raise ProfileError(
            self.file, self.path if path is None else path, line or self.line, problem
        )

    def _child(self, node: yaml.Node, step: str | int) -> Cursor:
        if isinstance(step, int):
            return Cursor(self.file, node, f"{self.path}[{step}]")
        return Cursor(self.file, node, f"{self.path}.{step}" if self.path else step)

    def _wrong_type(self, expected: str) -> NoReturn:
        """`expected` is an untranslated (gettext_noop) type name."""
        self.fail(
            gettext("expected %(expected)s, got %(actual)s")
            % {"expected": gettext(expected), "actual": _type_name(self.node)}
        )

    def is_null(self) -> bool:
        return isinstance(self.node, yaml.ScalarNode) and self.node.tag == NULL_TAG

    def mapping(self, required: Iterable[str], optional: Iterable[str] = ()) -> dict[str, Cursor]:
        """The mapping's values by key; refuses unknown, duplicate and missing keys."""
        if not isinstance(self.node, yaml.MappingNode):
            self._wrong_type(gettext_noop("a mapping"))
        required = list(required)
        allowed = required + list(optional)
        values: dict[str, Cursor] = {}
        for key_node, value_node in self.node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
                self.fail(gettext("keys must be strings"), line=key_line)
            name = key_node.value
            child = self._child(value_node, name)
            if name not in allowed:
                child.fail(
                    gettext("unknown key; expected one of %(keys)s") % {"keys": ", ".join(allowed)},
                    line=key_line,
                )
            if name in values:
                child.fail(gettext("duplicate key"), line=key_line)
            values[name] = child
        for name in required:
            if name not in values:
                path = f"{self.path}.{name}" if self.path else name
                self.fail(gettext("required key is missing"), path=path)
        return values

    def items(self, min_items: int = 0) -> list[Cursor]:
        if not isinstance(self.node, yaml.SequenceNode):
            self._wrong_type(gettext_noop("a list"))
        if len(self.node.value) < min_items:
            self.fail(gettext("needs at least %(count)d item(s)") % {"count": min_items})
        return [self._child(node, index) for index, node in enumerate(self.node.value)]

    def _scalar(self, tag: str, expected: str) -> str:
        if not isinstance(self.node, yaml.ScalarNode) or self.node.tag != tag:
            self._wrong_type(expected)
        return self.node.value

    def string(self, pattern: str | None = None) -> str:
        value = self._scalar(STR_TAG, gettext_noop("a string")).strip()
        if not value:
            self.fail(gettext("must not be empty"))
        if pattern and not re.fullmatch(pattern, value):
            self.fail(
                gettext("%(value)r does not match the pattern %(pattern)s")
                % {"value": value, "pattern": pattern}
            )
        return value

    def integer(self, minimum: int | None = None, maximum: int | None = None) -> int:
        self._scalar(INT_TAG, gettext_noop("an integer"))
        value = _CONSTRUCTOR.construct_yaml_int(self.node)
        if minimum is not None and value < minimum:
            self.fail(
                gettext("must be at least %(min)d, not %(value)d")
                % {"min": minimum, "value": value}
            )
        if maximum is not None and value > maximum:
            self.fail(
                gettext("must be at most %(max)d, not %(value)d") % {"max": maximum, "value": value}
            )
        return value

    def boolean(self) -> bool:
        self._scalar(BOOL_TAG, gettext_noop("a boolean"))
        return _CONSTRUCTOR.construct_yaml_bool(self.node)

    def choice(self, choices: Iterable[str]) -> str:
        choices = tuple(choices)
        value = self._scalar(STR_TAG, gettext_noop("a string"))
        if value not in choices:
            self.fail(
                gettext("%(value)r is not one of %(choices)s")
                % {"value": value, "choices": ", ".join(choices)}
            )
        return value

    def unique_choices(self, choices: Iterable[str], min_items: int = 0) -> tuple[str, ...]:
        """A list of distinct values from `choices`."""
        values: list[str] = []
        for item in self.items(min_items):
            value = item.choice(choices)
            if value in values:
                item.fail(gettext("%(value)r is listed twice") % {"value": value})
            values.append(value)
        return tuple(values)
