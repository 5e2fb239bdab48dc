"""Pagination of the API's collections: `page` and `page_size` (1 to MAX_PAGE_SIZE)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class _KnownPaginator(Paginator):
    """A paginator told its count (a stored figure rather than a COUNT(*) over the rows) and, where
    the view knows a faster way to a deep page than OFFSET, how to read a page."""

    known_count: int | None = None
    read_page = None  # (object_list, offset, limit) -> list, or None for slicing

    @cached_property
    def count(self):
        return self.known_count if self.known_count is not None else super().count

    def page(self, number):
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        if self.read_page is None:
            return super().page(number)
        return self._get_page(self.read_page(self.object_list, offset, self.per_page), number, self)


class ArchivePagination(PageNumberPagination):
    """?page=N (404 when there is no such page) and ?page_size=N (1…200, else 400).

    A view may define `known_count(request)` (the number of results when a stored figure gives
    it, else None) and `read_page(request)` (a function reading one page, or None); see
    meetings/api/views.py."""

    def paginate_queryset(self, queryset, request, view=None):
        count = view.known_count(request) if hasattr(view, "known_count") else None
        reader = view.read_page(request) if hasattr(view, "read_page") else None
        self.django_paginator_class = type("Paginator", (_KnownPaginator,),
                                           {"known_count": count, "read_page": staticmethod(reader) if reader else None})
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
            raise ValidationError({self.page_size_query_param: [
                f"Expected a whole number from 1 to {self.max_page_size}."]})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters
