"""/api/participants/: the A–Z list (the speakers page's filters), each participant's figures,
and their turns. The old slug of a person merged into another answers 301 to the new address."""

from __future__ import annotations

from functools import partial

from drf_spectacular.utils import extend_schema, extend_schema_view

from meetings.derived import aggregates
from meetings.http.origin import absolute_url
from meetings.models import Participant, ParticipantRole, ParticipantTopic, Turn
from meetings.web.filters import SpeakerIndexFilter, TurnFilter

from . import serializers as s
from .base import DetailView, ListView, SlugResource, filtered
from .pagination import StoredListing
from .schema import MOVED, SLUG, responses

MAX_ROLES = 30


@extend_schema_view(
    get=extend_schema(
        summary="Participants, A–Z by surname (or by remarks, or latest appearance)",
        description="Filters and orders are the speakers page's: words of the name, words of a title they "
        "spoke under, initial letter of the surname; order=name (A–Z), -remarks (most remarks first) or "
        "-latest (latest appearance first).",
        responses=responses(s.ParticipantListSerializer(many=True), list_view=True),
    )
)
class ParticipantList(ListView):
    serializer_class = s.ParticipantListSerializer
    filterset_class = SpeakerIndexFilter  # the speakers page's filters and orders
    queryset = Participant.objects.order_by("sort_name", "name").with_last_seen()


class ParticipantResource(SlugResource):
    # Under /participants/<slug>/: an old slug is a person merged into another.
    model = Participant
    noun = "participant"

    @property
    def person(self) -> Participant:
        return self.found


@extend_schema_view(
    get=extend_schema(
        summary="A participant: figures, titles, top topics",
        parameters=[SLUG],
        responses=responses(s.ParticipantDetailSerializer, detail=True, r301=MOVED),
    )
)
class ParticipantDetail(ParticipantResource, DetailView):
    view_name = "api:participant-detail"
    serializer_class = s.ParticipantDetailSerializer
    queryset = Participant.objects.all()

    def get_object(self):
        person = self.person
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
                absolute_url(pt.evidence.get_absolute_url()) if pt.evidence is not None else None
            )
        person.api_topics = topics
        return person


@extend_schema_view(
    get=extend_schema(
        summary="A participant's remarks, newest meeting first",
        description="Filters are the participant page's: one meeting (slug), one year.",
        parameters=[SLUG],
        responses=responses(s.TurnSerializer(many=True), list_view=True, r301=MOVED),
    )
)
class ParticipantTurns(ParticipantResource, ListView):
    view_name = "api:participant-remarks"
    serializer_class = s.TurnSerializer
    filterset_class = TurnFilter

    def get_queryset(self):
        return (
            Turn.objects.filter(speaker=getattr(self, "person", None))
            .select_related("meeting", "speaker")
            .for_display("meeting")
            .defer("meeting__description")
            .newest_first()  # the (speaker, date, meeting, position) index
        )

    def stored_listing(self, request) -> StoredListing | None:
        """Unfiltered, any page starts from the meeting where it falls (as the profile page does)."""
        if filtered(request):
            return None
        return StoredListing(self.person.turn_count, partial(aggregates.remarks_page, self.person))
