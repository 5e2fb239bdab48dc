"""?page=N, read the same way by the pages, the exports and the API's search."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import Http404

MAX_PAGE_DIGITS = 7


def page_number(raw: str | None, *, max_digits: int = MAX_PAGE_DIGITS) -> int | None:
    """The page asked for: 1 when the parameter is absent or empty, None when it is not a page
    number (anything but ASCII digits, longer than `max_digits`, or 0). Callers answer None with
    their own 404."""
    raw = raw or "1"
    if not (raw.isascii() and raw.isdigit()) or len(raw) > max_digits or int(raw) < 1:
        return None
    return int(raw)


def page_or_404(paginator: Paginator, number: int | None) -> Page:
    """Page `number` of `paginator`; 404 when there is no such page."""
    if number is None or number > paginator.num_pages:
        raise Http404("No such page")
    return paginator.page(number)


def requested_page(request, object_list, per_page: int, count: int | None = None) -> Page:
    """The page ?page=N asks for (404 when there is none). `count`, when known (a denormalised
    count), spares the COUNT(*) over the whole list."""
    paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is never computed
    return page_or_404(paginator, page_number(request.GET.get("page")))
