"""Shared pieces of the JSON API."""

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Keyset pagination: constant time on any page of a million rows, no COUNT(*)."""

    ordering = "id"
    page_size_query_param = "page_size"
    max_page_size = 200
