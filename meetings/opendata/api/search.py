"""/api/search/: the search page's search (meetings/derived/search.py), in its own envelope, with
snippets as plain text and the offsets of their highlights."""

from __future__ import annotations

import html
import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from meetings.derived import search
from meetings.http.origin import absolute_url
from meetings.http.paging import page_number
from meetings.models import Turn
from meetings.web.filters import SearchFilter

from . import serializers as s
from .base import FilterBackend, ReadOnly
from .schema import ApiSchema, responses

SEARCH_PAGE_SIZE = 20
SEARCH_MAX_PAGE_SIZE = 100
SEARCH_PAGE_DIGITS = 4

_MARK = re.compile(r"(</?mark>)")


def plain_snippet(marked: str) -> tuple[str, list[dict]]:
    """A snippet from `search.with_snippets` (escaped text, matches in <mark>) as plain text and
    the offsets of its highlights."""
    text, highlights, start = [], [], None
    length = 0
    for part in _MARK.split(str(marked)):
        if part == "<mark>":
            start = length
        elif part == "</mark>":
            if start is not None and length > start:
                highlights.append({"start": start, "end": length})
            start = None
        else:
            piece = html.unescape(part)
            text.append(piece)
            length += len(piece)
    return "".join(text), highlights


class SearchSchema(ApiSchema):
    """Search is not a plain list (it has its own envelope) but takes the SearchFilter filters."""

    required_words = ("q",)

    def get_filter_backends(self):
        return [FilterBackend]


@extend_schema_view(
    get=extend_schema(
        summary="Full-text search of the remarks",
        description='The search page\'s search: websearch syntax (`"a phrase word for word"`, `or`, `-word`), '
        "`word*` for every word it begins; stemmed English or the words as written, a letter with a mark as its "
        "plain letter, American and British spellings alike, `G20` and `G-20` alike, `2.5%` as `2.5 percent`; "
        "ranked, newer meetings slightly preferred. Without `meeting` the best remark of each meeting is listed. "
        "A query of stop words only answers 400.",
        parameters=[
            OpenApiParameter(
                "q",
                # Required, and more than spaces: an empty or blank query answers 400.
                {"type": "string", "minLength": 1, "pattern": r"\S"},
                required=True,
                description="The words to find (400 when none is left to search for: control "
                "characters are dropped, queries are cut at 200 characters).",
            ),
            OpenApiParameter("sort", OpenApiTypes.STR, enum=["relevance", "date"], default="relevance"),
            OpenApiParameter(
                "page",
                {"type": "integer", "minimum": 1, "maximum": 9999},
                description="A page number within the results (404 past the last page).",
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": SEARCH_MAX_PAGE_SIZE},
                description=f"Results per page (default {SEARCH_PAGE_SIZE}, at most {SEARCH_MAX_PAGE_SIZE}).",
            ),
        ],
        responses=responses(s.SearchResultsSerializer, list_view=True),
    )
)
class SearchView(ReadOnly, generics.GenericAPIView):
    schema = SearchSchema()
    serializer_class = s.SearchResultsSerializer
    filter_backends = [FilterBackend]
    filterset_class = SearchFilter
    more_params = ("q", "sort")
    queryset = Turn.objects.all()
    pagination_class = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Crawlers may fetch it (robots.txt does not block it) but index nothing, as the search
        # page's <meta name="robots">.
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get(self, request):
        params = request.query_params
        base = self.filter_queryset(self.get_queryset())  # 400 on a filter value it cannot read
        q = search.clean_query(params.get("q"))
        if not q:
            raise ValidationError({"q": ["Enter the words to search for."]})
        sort = params.get("sort") or "relevance"
        if sort not in ("relevance", "date"):
            raise ValidationError({"sort": ["Expected relevance or date."]})
        per_page = _int_param(params, "page_size", SEARCH_PAGE_SIZE, SEARCH_MAX_PAGE_SIZE)
        number = page_number(params.get("page"), max_digits=SEARCH_PAGE_DIGITS)
        if number is None:
            raise NotFound("Invalid page.")
        if not search.has_lexemes(q):
            raise ValidationError({"q": ["Only common words (or operators): nothing to search for."]})
        grouped = not params.get("meeting")
        hits = search.search_turns(q, base, sort=sort, group=grouped, page=number, per_page=per_page)
        if number > 1 and (number - 1) * per_page >= hits.units:
            raise NotFound("Invalid page.")
        search.with_snippets(hits.page, q)
        for turn in hits.page:
            turn.snippet, turn.highlights = plain_snippet(turn.snippet)

        def page_link(n):
            if n < 1 or (n - 1) * per_page >= hits.units:
                return None
            query = params.copy()
            query["page"] = str(n)
            return absolute_url(request.path + "?" + query.urlencode())

        data = {
            "count": hits.units,
            "matches": hits.total,
            "capped": hits.capped,
            "grouped": hits.grouped,
            "next": page_link(number + 1),
            "previous": page_link(number - 1) if number > 1 else None,
            "results": hits.page,
        }
        return Response(self.get_serializer(data).data)


def _int_param(params, name: str, default: int, maximum: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= maximum:
        raise ValidationError({name: [f"Expected a whole number from 1 to {maximum}."]})
    return int(raw)
