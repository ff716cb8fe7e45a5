"""Waiting-list order from the programme profile's `waiting_list_priority`, in Python and SQL.

Keys, in the order the profile lists them, then the enrolment id:
  mandatory_first  participants whose programme is mandatory first
  waiting_time     who asked first
  vulnerability    persons with a recorded vulnerability first
  age              younger first (unknown birth dates last)
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, F, OrderBy, OuterRef, QuerySet

from people.models import Vulnerability

DEFAULT_PRIORITY = ("waiting_time",)


@dataclass(frozen=True)
class Candidate:
    id: int
    mandatory: bool
    requested_at: datetime
    vulnerable: bool
    birth_date: date | None


def _age_key(candidate: Candidate) -> tuple:
    if candidate.birth_date is None:
        return (1, 0)
    return (0, -candidate.birth_date.toordinal())


_PY_KEYS: dict[str, Callable[[Candidate], object]] = {
    "mandatory_first": lambda c: not c.mandatory,
    "waiting_time": lambda c: c.requested_at,
    "vulnerability": lambda c: not c.vulnerable,
    "age": _age_key,
}
_SQL_KEYS: dict[str, OrderBy] = {
    "mandatory_first": F("mandatory").desc(),
    "waiting_time": F("requested_at").asc(),
    "vulnerability": F("vulnerable").desc(),
    "age": F("person__birth_date").desc(nulls_last=True),
}


def sort_key(priority: Sequence[str]) -> Callable[[Candidate], tuple]:
    """The key putting candidates in waiting-list order (first = next to get a seat)."""
    keys = [_PY_KEYS[name] for name in (priority or DEFAULT_PRIORITY)]
    return lambda c: (*(key(c) for key in keys), c.id)


def ordered(enrolments: QuerySet, priority: Sequence[str]) -> QuerySet:
    """The same order as `sort_key`, done by the database."""
    vulnerable = Exists(Vulnerability.objects.filter(person_id=OuterRef("person_id")))
    order = [_SQL_KEYS[name] for name in (priority or DEFAULT_PRIORITY)]
    return enrolments.annotate(vulnerable=vulnerable).order_by(*order, "id")
