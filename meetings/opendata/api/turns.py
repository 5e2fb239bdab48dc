"""/api/turns/: every turn (the search page's filters), newest meeting first, and each turn by
its meeting and permanent key (410 for a key retired by an edit of the transcript)."""

from __future__ import annotations

from functools import partial

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from meetings.derived import aggregates
from meetings.http.origin import absolute_url
from meetings.models import Meeting, RetiredTurnKey, Turn
from meetings.web.filters import SearchFilter

from . import serializers as s
from .base import DetailView, ListView, filtered
from .pagination import StoredListing
from .schema import GONE, responses


@extend_schema_view(
    get=extend_schema(
        summary="Turns (remarks), newest meeting first, in transcript order",
        description="Filters are the search page's: speaker (a slug, or a name or words of one), meeting (slug), date range, year, kind, "
        "topic (its label in any case, or its slug; 400 when it names no topic).",
        responses=responses(s.TurnSerializer(many=True), list_view=True),
    )
)
class TurnList(ListView):
    serializer_class = s.TurnSerializer
    filterset_class = SearchFilter
    queryset = (
        Turn.objects.select_related("meeting", "speaker")
        .for_display("meeting")
        .defer("meeting__description")
        .newest_first()
    )

    def stored_listing(self, request) -> StoredListing | None:
        """Unfiltered or by speaker only: the stored count, and any page read from the meeting
        where it falls; by meeting only: the meeting's count."""
        filters = filtered(request)
        if not filters:
            return StoredListing(aggregates.total_turns(), aggregates.turns_page)
        if filters == {"speaker"}:
            # A slug, or a name or words of one naming one person: the people the filter found
            # (SearchFilter.filter_speaker, run before the page is read); that person's stored
            # count and page reader; several people: counted.
            people = self.filterset.speakers
            if len(people) != 1:
                return StoredListing(0) if not people else None
            person = people[0]
            return StoredListing(person.turn_count, partial(aggregates.remarks_page, person))
        if filters == {"meeting"}:
            count = (
                Meeting.objects.filter(slug=request.query_params["meeting"].strip())
                .values_list("turn_count", flat=True)
                .first()
            )
            return StoredListing(count or 0)
        return None


SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


@extend_schema_view(
    get=extend_schema(
        summary="One turn (remark), by its meeting and its permanent key",
        parameters=[
            OpenApiParameter("meeting", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=SLUG_PATTERN),
            OpenApiParameter("key", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=SLUG_PATTERN),
        ],
        responses=responses(s.TurnSerializer, detail=True, r410=GONE),
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
                        "meeting": absolute_url(
                            reverse("api:meeting-detail", kwargs={"slug": kwargs["meeting"]})
                        ),
                    },
                    status=410,
                )
            raise
