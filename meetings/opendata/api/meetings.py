"""/api/meetings/: the meeting list (the list page's filters) and each meeting with every turn."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from meetings.derived import aggregates
from meetings.http.origin import absolute_url
from meetings.models import Meeting
from meetings.web import profiles
from meetings.web.filters import MeetingFilter
from meetings.web.meeting_topics import meeting_topics

from . import serializers as s
from .base import DetailView, ListView, filtered
from .pagination import StoredListing
from .schema import SLUG, responses


@extend_schema_view(
    get=extend_schema(
        summary="Meetings, newest first",
        description="Filters are the meeting list page's: title words, search words of the title, lead or a "
        "heading (`words`, as the search lists such meetings), year, date range, place, participant "
        "(slug or words of the name), topic (its label in any case, or its slug: the meetings in which it came up, "
        "as its page lists them; 400 when it names no topic).",
        responses=responses(s.MeetingListSerializer(many=True), list_view=True),
    )
)
class MeetingList(ListView):
    serializer_class = s.MeetingListSerializer
    filterset_class = MeetingFilter
    queryset = Meeting.objects.defer("description", "search_vector").newest_first()

    def stored_listing(self, request) -> StoredListing | None:
        """Unfiltered, the count is the highest list position and page N a range of positions,
        as the meeting list page reads them."""
        count = None if filtered(request) else aggregates.list_count()
        if count is None:
            return None
        return StoredListing(
            count, lambda meetings, offset, limit: aggregates.list_page(meetings, offset, limit, count)
        )


@extend_schema_view(
    get=extend_schema(
        summary="A meeting with its participants, topics and every turn",
        parameters=[SLUG],
        responses=responses(s.MeetingDetailSerializer, detail=True),
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
            person = entry.participant
            person.roles, person.turn_count = entry.roles, entry.count
            participants.append(person)
        # As the meeting page lists them, with the remark that raised each; the evidence is one of
        # the meeting's turns, already loaded.
        topics = meeting_topics(meeting, turns)
        by_id = {t.id: t for t in turns}
        for mt in topics:
            mt.evidence_permalink = self._permalink(by_id.get(mt.evidence_id), meeting)
            mt.raised_in_permalink = self._permalink(mt.raised_in, meeting)
        meeting.api_turns, meeting.api_participants, meeting.api_topics = turns, participants, topics
        return meeting

    def _permalink(self, turn, meeting):
        if turn is None:
            return None
        turn.meeting = meeting
        return absolute_url(turn.get_absolute_url())
