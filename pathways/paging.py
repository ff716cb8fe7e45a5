"""Paging a lazy queryset without counting it: one row more than a page says if there is more."""

from dataclasses import dataclass

from django.db.models import QuerySet

PER_PAGE = 25


@dataclass(frozen=True)
class Page:
    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def page_number(text: str | None) -> int:
    try:
        number = int(text or 1)
    except ValueError:
        return 1
    return max(number, 1)


def uncounted_page(queryset: QuerySet, number: int, per_page: int = PER_PAGE) -> Page:
    """Rows of page `number` (from 1), fetched with LIMIT per_page + 1 and no COUNT."""
    offset = (number - 1) * per_page
    rows = list(queryset[offset : offset + per_page + 1])
    return Page(rows[:per_page], number, len(rows) > per_page)
