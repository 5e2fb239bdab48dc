"""A permanent redirect that keeps the request's query string: an old or miswritten address
answers 301 to the same request at the new one (filters, page)."""

from __future__ import annotations

from django.http import HttpResponsePermanentRedirect


def moved_permanently(request, url: str) -> HttpResponsePermanentRedirect:
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
