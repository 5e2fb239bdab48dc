"""Pagination of the API's collections: `page` and `page_size` (1 to MAX_PAGE_SIZE)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from django.core.paginator import Paginator
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class StoredListing(NamedTuple):
    """A list's number of results from a stored figure, and a function reading one page of it
    (rows, offset, limit) -> list, or None to read it with OFFSET."""

    count: int
    read_page: Callable | None = None


class _StoredPaginator(Paginator):
    """A paginator given its count (a stored figure rather than a COUNT(*) over the rows) and,
    where the view has one, a faster way to a deep page than OFFSET."""

    def __init__(self, object_list, per_page, *, count: int, read_page=None):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached property
        self.read_page = read_page  # (object_list, offset, limit) -> list

    def page(self, number):
        if self.read_page is None:
            return super().page(number)
        number = self.validate_number(number)
        return self._get_page(
            self.read_page(self.object_list, (number - 1) * self.per_page, self.per_page), number, self
        )


class ArchivePagination(PageNumberPagination):
    """?page=N (404 when there is no such page) and ?page_size=N (1…200, else 400).

    A view may define `stored_listing(request)`: a StoredListing, or None to count the rows."""

    def paginate_queryset(self, queryset, request, view=None):
        listing = view.stored_listing(request) if hasattr(view, "stored_listing") else None
        if listing is not None:
            self.django_paginator_class = partial(
                _StoredPaginator, count=listing.count, read_page=listing.read_page
            )
        return super().paginate_queryset(queryset, request, view)

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = "A page number within the results (404 past the last page)."
    page_size_query_description = f"Results per page (default {PAGE_SIZE}, at most {MAX_PAGE_SIZE})."

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"Expected a whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters
