"""Middleware that keeps the archive polite under faults and hostile requests."""

from __future__ import annotations

import json
import logging
import re

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, QueryDict
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
        except UNAVAILABLE as exc:
            return database_unavailable(exc)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            return database_unavailable(exception)
        return None


# The errors of a database that cannot be reached (or takes no more clients).
UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(exc: DatabaseError) -> HttpResponse:
    """The outage page (503, Retry-After). Also for a middleware's own query: Django turns an error
    raised inside a middleware into a 500 before an outer middleware sees it."""
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


# C0 controls but tab, newline and carriage return (whitespace, which forms strip), DEL, C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class QueryStringLimitMiddleware:
    """Refuse absurdly long query strings before any view parses them, and drop control
    characters from the rest: a NUL in `?q=` is no reason for a 400 (Django's form fields refuse
    NUL), so names and values reach the views, and the links built from the request, without them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = getattr(settings, "MAX_QUERY_STRING", 2048)

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if len(query) > self.limit:
            return HttpResponse(
                loader.render_to_string("414.html"), status=414, content_type="text/html; charset=utf-8"
            )
        if query and any(
            CONTROL.search(k) or any(CONTROL.search(v) for v in vs) for k, vs in request.GET.lists()
        ):
            cleaned = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                name = CONTROL.sub("", name)
                if name:
                    for value in values:
                        cleaned.appendlist(name, CONTROL.sub("", value))
            cleaned._mutable = False
            request.GET = cleaned
            request.META["QUERY_STRING"] = cleaned.urlencode()
        return self.get_response(request)


# The data files beside the pages, answered in JSON as the API is.
_JSON_PATHS = re.compile(r"^/api/|\.json$")


class ReadOnlyMiddleware:
    """The archive writes nothing through the web: any method but GET and HEAD answers 405 naming
    them, before any view or CSRF check (a POST had the CSRF failure page, 403), in JSON under
    /api/ and for the JSON files, as plain text elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            return self.get_response(request)
        detail = f'Method "{request.method}" not allowed: this archive is read-only (GET and HEAD).'
        if _JSON_PATHS.search(request.path):
            response = HttpResponse(
                json.dumps({"detail": detail}), status=405, content_type="application/json"
            )
        else:
            response = HttpResponse(detail + "\n", status=405, content_type="text/plain; charset=utf-8")
        response["Allow"] = "GET, HEAD"
        if _JSON_PATHS.search(request.path):
            response["Access-Control-Allow-Origin"] = "*"  # as the API's other answers: any site may read it
        return response
