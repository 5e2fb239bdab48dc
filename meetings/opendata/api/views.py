"""The read-only JSON API: DRF generic views over the same models, FilterSets and search as the pages.

- Collections filter through the pages' own django-filter FilterSets (meetings/web/filters.py) by
  DjangoFilterBackend, so `/api/meetings/?year=2021` lists what `/meetings/?year=2021` lists. A
  value a filter cannot read answers 400 with the reasons (pages ignore it instead).
- Search goes through meetings/derived/search.py exactly as the search page does.
- GET and HEAD only (anything else: 405); errors are JSON ({"detail": …} or {field: [reasons]}).
- Every request runs a fixed number of queries, whatever the size of the page or the meeting.
"""

from __future__ import annotations

import html
import re
from functools import partial

import django_filters
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from meetings.derived import aggregates, search
from meetings.models import (
    Meeting,
    MeetingTopic,
    Participant,
    ParticipantRedirect,
    ParticipantRole,
    ParticipantTopic,
    RetiredTurnKey,
    Topic,
    Turn,
    TurnTopic,
)
from meetings.web import profiles
from meetings.web.filters import (
    MeetingFilter,
    RemarkFilter,
    SearchFilter,
    SpeakerFilter,
    TopicRemarkFilter,
)

from . import serializers as s
from .pagination import ArchivePagination

SEARCH_PAGE_SIZE = 20
SEARCH_MAX_PAGE_SIZE = 100
MAX_ROLES = 30
TOPIC_PEOPLE = 20

# --- filtering: the pages' FilterSets ----------------------------------------------------------------

BOOLEAN_SPELLINGS = {"true", "false", "1", "0"}


class FilterBackend(DjangoFilterBackend):
    """DjangoFilterBackend (invalid values: 400 with the FilterSet form's reasons), refusing too a
    yes/no filter that is neither yes nor no (the form would read it as "either")."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is not None:
            for name, field in filterset.filters.items():
                value = request.query_params.get(name)
                if (
                    isinstance(field, django_filters.BooleanFilter)
                    and value
                    and value.lower() not in BOOLEAN_SPELLINGS
                ):
                    raise ValidationError({name: ["Expected true or false."]})
        return filterset


class FilterBackendSchema(DjangoFilterExtension):
    """The filters' parameters with the FilterSet form's limits (length, range)."""

    target_class = "meetings.opendata.api.views.FilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        limits = {"max_length": "maxLength", "min_value": "minimum", "max_value": "maximum"}
        for parameter in parameters:
            for option, keyword in limits.items():
                if filter_field.extra.get(option) is not None:
                    parameter["schema"][keyword] = filter_field.extra[option]
        return parameters


# --- error responses in the schema ---------------------------------------------------------------

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "description": '{"detail": reason}, or for invalid parameters {parameter: [reasons]}.',
}
NOT_FOUND = OpenApiResponse(ERROR, description="No such resource, or no such page.")
BAD_REQUEST = OpenApiResponse(ERROR, description="A parameter could not be understood.")
MOVED = OpenApiResponse(description="The person was merged into another: `Location` is their new address.")
GONE = OpenApiResponse(
    {
        "type": "object",
        "properties": {
            "detail": {"type": "string"},
            "meeting": {"type": "string", "format": "uri", "description": "The meeting, in the API."},
        },
        "required": ["detail", "meeting"],
    },
    description="The remark left its meeting when the transcript was edited; its key is never reused.",
)
QUERY_TOO_LONG = OpenApiResponse(OpenApiTypes.STR, description="The query string is too long (an HTML page).")


def _responses(ok, *, list_view: bool = False, detail: bool = False, **extra) -> dict:
    responses = {200: ok, (414, "text/html"): QUERY_TOO_LONG}
    if list_view:
        responses[400] = BAD_REQUEST
        responses[404] = NOT_FOUND
    if detail:
        responses[404] = NOT_FOUND
    responses.update({int(code[1:]): r for code, r in extra.items()})
    return responses


SLUG = OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=r"^[-a-zA-Z0-9_]+$")


class ApiSchema(AutoSchema):
    """As a form reads them, an empty query parameter is one not given (no filter, the default
    order, the first page): the schema says so (`allowEmptyValue`)."""

    required_words: tuple[str, ...] = ()

    def _get_parameters(self):
        parameters = super()._get_parameters()
        for parameter in parameters:
            if parameter["in"] == "query" and parameter["name"] not in self.required_words:
                parameter["allowEmptyValue"] = True
        return parameters


class ReadOnly:
    # GET and HEAD only: other methods (OPTIONS too) answer 405 with an Allow header.
    http_method_names = ["get", "head"]
    schema = ApiSchema()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # open data, as the exports: any site may read it
        return response


def _filtered(request) -> set[str]:
    """The filters a list request sets (every parameter but paging and format)."""
    return {
        k for k, v in request.query_params.items() if v.strip() and k not in ("page", "page_size", "format")
    }


class ListView(ReadOnly, generics.ListAPIView):
    pagination_class = ArchivePagination
    filter_backends = [FilterBackend]


class DetailView(ReadOnly, generics.RetrieveAPIView):
    filter_backends: list = []
    lookup_field = "slug"
    noun = "resource"

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise NotFound(f"No such {self.noun}.") from None


@csrf_exempt
def not_found(request, rest=""):
    """Anything else under /api/, whatever the method: a JSON 404 (or, as for the pages, a redirect to
    the address with its trailing slash)."""
    path = request.path_info
    if request.method in ("GET", "HEAD") and not path.endswith("/"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            location = request.path + "/"
            if request.META.get("QUERY_STRING"):
                location += "?" + request.META["QUERY_STRING"]
            return HttpResponsePermanentRedirect(location)
    return JsonResponse({"detail": "No such resource in this API. Start at /api/."}, status=404)


def _redirect_merged(request, slug: str, view_name: str) -> HttpResponsePermanentRedirect:
    """An old slug of a person merged into another: 301 to the same resource under the new slug."""
    moved = ParticipantRedirect.objects.select_related("participant").filter(old_slug=slug).first()
    if moved is None:
        raise NotFound("No such participant.")
    location = reverse(view_name, kwargs={"slug": moved.participant.slug})
    if request.META.get("QUERY_STRING"):
        location += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(location)


# --- root ----------------------------------------------------------------------------------------


class RootView(ReadOnly, APIView):
    """The API's entry point."""

    @extend_schema(
        summary="Links to every collection and to the schema", responses=_responses(s.RootSerializer)
    )
    def get(self, request):
        def link(name):
            return request.build_absolute_uri(reverse(name))

        return Response(
            s.RootSerializer(
                {
                    "meetings": link("api:meeting-list"),
                    "participants": link("api:participant-list"),
                    "turns": link("api:turn-list"),
                    "topics": link("api:topic-list"),
                    "search": link("api:search"),
                    "schema": link("api:schema"),
                }
            ).data
        )


# --- meetings ------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Meetings, newest first",
        description="Filters are the meeting list page's: title words, year, date range, place, participant "
        "(slug or words of the name).",
        responses=_responses(s.MeetingListSerializer(many=True), list_view=True),
    )
)
class MeetingList(ListView):
    serializer_class = s.MeetingListSerializer
    filterset_class = MeetingFilter
    queryset = Meeting.objects.defer("description", "search_vector").order_by("-date", "title", "pk")

    def stored_listing(self, request):
        """Unfiltered, the count is the highest list position and page N a range of positions,
        as the meeting list page reads them."""
        count = None if _filtered(request) else aggregates.list_count()
        if count is None:
            return None
        return count, lambda meetings, offset, limit: aggregates.list_page(meetings, offset, limit, count)


@extend_schema_view(
    get=extend_schema(
        summary="A meeting with its participants, topics and every turn",
        parameters=[SLUG],
        responses=_responses(s.MeetingDetailSerializer, detail=True),
    )
)
class MeetingDetail(DetailView):
    noun = "meeting"
    serializer_class = s.MeetingDetailSerializer
    queryset = Meeting.objects.defer("search_vector")

    def get_object(self):
        meeting = super().get_object()
        turns = list(meeting.turns.select_related("speaker").for_display().order_by("position"))
        participants = []
        for entry in profiles.meeting_participants(meeting, turns):
            person = entry["participant"]
            person.roles, person.turn_count = entry["roles"], entry["count"]
            participants.append(person)
        topics = list(
            MeetingTopic.objects.filter(meeting=meeting)
            .select_related("topic", "raised_by", "evidence")
            .order_by("rank")
        )
        for mt in topics:
            mt.evidence_permalink = self._permalink(mt.evidence, meeting)
        meeting.api_turns, meeting.api_participants, meeting.api_topics = turns, participants, topics
        return meeting

    def _permalink(self, turn, meeting):
        if turn is None:
            return None
        turn.meeting = meeting
        return self.request.build_absolute_uri(turn.get_absolute_url())


# --- participants --------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Participants, A–Z by surname",
        description="Filters are the speakers page's: words of the name, words of a title they spoke under, "
        "initial letter of the surname.",
        responses=_responses(s.ParticipantListSerializer(many=True), list_view=True),
    )
)
class ParticipantList(ListView):
    serializer_class = s.ParticipantListSerializer
    filterset_class = SpeakerFilter
    queryset = Participant.objects.order_by("sort_name", "name")


@extend_schema_view(
    get=extend_schema(
        summary="A participant: figures, titles, top topics",
        parameters=[SLUG],
        responses=_responses(s.ParticipantDetailSerializer, detail=True, r301=MOVED),
    )
)
class ParticipantDetail(DetailView):
    noun = "participant"
    serializer_class = s.ParticipantDetailSerializer
    queryset = Participant.objects.all()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except NotFound:
            return _redirect_merged(request, kwargs["slug"], "api:participant-detail")

    def get_object(self):
        person = super().get_object()
        person.api_roles = [  # read from the aggregates rebuilt at ingest, not grouped from the turns
            {
                "role": r["role"],
                "meeting_count": r["meetings"],
                "first_date": r["first"],
                "last_date": r["last"],
            }
            for r in ParticipantRole.objects.filter(participant=person)
            .order_by("-meetings", "role")
            .values("role", "meetings", "first", "last")[:MAX_ROLES]
        ]
        topics = list(
            ParticipantTopic.objects.filter(participant=person)
            .select_related("topic", "evidence__meeting")
            .order_by("rank")
        )
        for pt in topics:
            pt.evidence_permalink = (
                self.request.build_absolute_uri(pt.evidence.get_absolute_url())
                if pt.evidence is not None
                else None
            )
        person.api_topics = topics
        return person


@extend_schema_view(
    get=extend_schema(
        summary="A participant's remarks, newest meeting first",
        description="Filters are the participant page's: one meeting (slug), one year.",
        parameters=[SLUG],
        responses=_responses(s.TurnSerializer(many=True), list_view=True, r301=MOVED),
    )
)
class ParticipantRemarks(ListView):
    serializer_class = s.TurnSerializer
    filterset_class = RemarkFilter

    def get(self, request, *args, **kwargs):
        self.person = Participant.objects.filter(slug=kwargs["slug"]).first()
        if self.person is None:
            return _redirect_merged(request, kwargs["slug"], "api:participant-remarks")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        person = getattr(self, "person", None)
        # Turn.date is the meeting's date: the order of the (speaker, date, meeting, position) index.
        return (
            Turn.objects.filter(speaker=person)
            .select_related("meeting", "speaker")
            .for_display("meeting")
            .defer("meeting__description")
            .order_by("-date", "meeting_id", "position")
        )

    def stored_listing(self, request):
        """Unfiltered, any page starts from the meeting where it falls (as the profile page does)."""
        return (
            None
            if _filtered(request)
            else (self.person.turn_count, partial(aggregates.remarks_page, self.person))
        )


# --- turns ---------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Turns (remarks), newest meeting first, in transcript order",
        description="Filters are the search page's: speaker (slug), meeting (slug), date range, year, kind, "
        "topic (slug).",
        responses=_responses(s.TurnSerializer(many=True), list_view=True),
    )
)
class TurnList(ListView):
    serializer_class = s.TurnSerializer
    filterset_class = SearchFilter
    queryset = (
        Turn.objects.select_related("meeting", "speaker")
        .for_display("meeting")
        .defer("meeting__description")
        .order_by("-date", "meeting_id", "position")
    )

    def stored_listing(self, request):
        """Unfiltered or by speaker only: the stored count, and any page read from the meeting
        where it falls; by meeting only: the meeting's count."""
        filters = _filtered(request)
        if not filters:
            return aggregates.total_turns(), aggregates.turns_page
        if filters == {"speaker"}:
            person = Participant.objects.filter(slug=request.query_params["speaker"].strip()).first()
            return (person.turn_count, partial(aggregates.remarks_page, person)) if person else (0, None)
        if filters == {"meeting"}:
            count = (
                Meeting.objects.filter(slug=request.query_params["meeting"].strip())
                .values_list("turn_count", flat=True)
                .first()
            )
            return count or 0, None
        return None


@extend_schema_view(
    get=extend_schema(
        summary="One turn (remark), by its meeting and its permanent key",
        parameters=[
            OpenApiParameter("meeting", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=r"^[-a-zA-Z0-9_]+$"),
            OpenApiParameter("key", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=r"^[-a-zA-Z0-9_]+$"),
        ],
        responses=_responses(s.TurnSerializer, detail=True, r410=GONE),
    )
)
class TurnDetail(DetailView):
    serializer_class = s.TurnSerializer
    queryset = Turn.objects.none()

    def get_object(self):
        meeting = (
            Meeting.objects.defer("description", "search_vector").filter(slug=self.kwargs["meeting"]).first()
        )
        if meeting is None:
            raise NotFound("No such meeting.")
        turn = (
            Turn.objects.select_related("speaker")
            .for_display()
            .filter(meeting=meeting, key=self.kwargs["key"])
            .first()
        )
        if turn is None:
            raise NotFound("No such remark in this meeting.")
        turn.meeting = meeting
        return turn

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except NotFound:
            if RetiredTurnKey.objects.filter(meeting__slug=kwargs["meeting"], key=kwargs["key"]).exists():
                return Response(
                    {
                        "detail": "This remark left its meeting when the transcript was edited.",
                        "meeting": request.build_absolute_uri(
                            reverse("api:meeting-detail", kwargs={"slug": kwargs["meeting"]})
                        ),
                    },
                    status=410,
                )
            raise


# --- topics --------------------------------------------------------------------------------------

TOPIC_SORT = OpenApiParameter(
    "sort",
    OpenApiTypes.STR,
    enum=["raised", "az"],
    default="raised",
    description="`raised`: most meetings where someone raised it first; `az`: by label.",
)


@extend_schema_view(
    get=extend_schema(
        summary="Topics listed in the topic index",
        description="The topics page's list: topics among someone's or some meeting's top topics that someone "
        "raised.",
        parameters=[TOPIC_SORT],
        responses=_responses(s.TopicListSerializer(many=True), list_view=True),
    )
)
class TopicList(ListView):
    serializer_class = s.TopicListSerializer
    filter_backends: list = []

    def get_queryset(self):
        order = self.request.query_params.get("sort") or "raised"
        if order not in ("raised", "az"):
            raise ValidationError({"sort": ["Expected raised or az."]})
        topics = Topic.objects.filter(is_featured=True, raised_count__gt=0)
        return (
            topics.order_by("label")
            if order == "az"
            else topics.order_by("-raised_count", "-remark_count", "label")
        )


@extend_schema_view(
    get=extend_schema(
        summary="A topic: figures, who raised it, where it came up",
        parameters=[SLUG],
        responses=_responses(s.TopicDetailSerializer, detail=True),
    )
)
class TopicDetail(DetailView):
    noun = "topic"
    serializer_class = s.TopicDetailSerializer
    queryset = Topic.objects.all()

    def get_object(self):
        topic = super().get_object()
        # Precomputed at rebuild (TopicSpeaker, TopicMeeting), as on the topic's page.
        topic.api_raisers = []
        for ts in (
            topic.speakers.filter(raised__gt=0).select_related("participant").order_by("rank")[:TOPIC_PEOPLE]
        ):
            ts.participant.n = ts.raised
            topic.api_raisers.append(ts.participant)
        topic.api_meetings = [
            tm.meeting
            for tm in topic.topic_meetings.select_related("meeting")
            .only("topic", "meeting__slug", "meeting__title", "meeting__date")
            .order_by("rank")[:TOPIC_PEOPLE]
        ]
        return topic


@extend_schema_view(
    get=extend_schema(
        summary="The remarks that carry a topic, newest meeting first",
        description="Filters are the topic page's: speaker (slug), year, only where it was raised.",
        parameters=[SLUG],
        responses=_responses(s.TopicRemarkSerializer(many=True), list_view=True),
    )
)
class TopicRemarks(ListView):
    serializer_class = s.TopicRemarkSerializer
    filterset_class = TopicRemarkFilter

    def get(self, request, *args, **kwargs):
        self.topic = Topic.objects.filter(slug=kwargs["slug"]).first()
        if self.topic is None:
            raise NotFound("No such topic.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return (
            TurnTopic.objects.filter(topic=getattr(self, "topic", None))
            .select_related("turn__meeting", "turn__speaker")
            .defer(
                "turn__search_vector",
                "turn__phrases",
                "turn__meeting__description",
                "turn__meeting__search_vector",
            )
            .order_by("-date", "meeting_id", "position")
        )  # the index (topic, -date, meeting, position)

    def stored_listing(self, request):
        return (
            None
            if _filtered(request)
            else (self.topic.remark_count, partial(aggregates.topic_remarks_page, self.topic))
        )


# --- search --------------------------------------------------------------------------------------

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
        description='The search page\'s search: websearch syntax (`"exact phrase"`, `or`, `-word`), stemmed '
        "English or the words as written; ranked, newer meetings slightly preferred. Without `meeting` "
        "the best remark of each meeting is listed. A query of stop words only answers 400.",
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                required=True,
                description="The words to find (400 when none is left to search for).",
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
        responses=_responses(s.SearchResultsSerializer, list_view=True),
    )
)
class SearchView(ReadOnly, generics.GenericAPIView):
    schema = SearchSchema()
    serializer_class = s.SearchResultsSerializer
    filter_backends = [FilterBackend]
    filterset_class = SearchFilter
    queryset = Turn.objects.all()
    pagination_class = None

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
        raw_page = params.get("page") or "1"
        if not (raw_page.isascii() and raw_page.isdigit()) or len(raw_page) > 4 or int(raw_page) < 1:
            raise NotFound("Invalid page.")
        number = int(raw_page)
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
            return request.build_absolute_uri(request.path + "?" + query.urlencode())

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
