"""Middleware that keeps the archive polite under faults and hostile requests."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """While PostgreSQL is unreachable, answer 503 with a friendly page (no traceback) and a
    Retry-After; connections are health-checked, so pages come back by themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            return self._unavailable(exc)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            return self._unavailable(exception)
        return None

    @staticmethod
    def _unavailable(exc: DatabaseError) -> HttpResponse:
        log.warning("database unavailable: %s", exc.__class__.__name__)
        for conn in connections.all(initialized_only=True):
            if conn.in_atomic_block:
                continue
            try:
                conn.close()  # the next request reconnects
            except DatabaseError:
                pass
        html = loader.render_to_string("503.html")
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response


class QueryStringLimitMiddleware:
    """Refuse absurdly long query strings before any view parses them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = getattr(settings, "MAX_QUERY_STRING", 2048)

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > self.limit:
            return HttpResponse(
                loader.render_to_string("414.html"), status=414, content_type="text/html; charset=utf-8"
            )
        return self.get_response(request)
