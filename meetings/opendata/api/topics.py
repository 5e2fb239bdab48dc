"""/api/topics/: the topic index, each topic's figures, and the turns that carry it."""

from __future__ import annotations

from functools import partial

from drf_spectacular.utils import extend_schema, extend_schema_view

from meetings.derived import aggregates
from meetings.models import Topic, TurnTopic
from meetings.web.filters import TopicIndexFilter, TurnTopicFilter
from meetings.web.profiles import profiles_listing
from meetings.web.related_topics import sharing_words

from . import serializers as s
from .base import DetailView, ListView, SlugResource, filtered
from .pagination import StoredListing
from .schema import SLUG, TOPIC_MOVED, responses

TOPIC_PEOPLE = 20


@extend_schema_view(
    get=extend_schema(
        summary="Topics listed in the topic index",
        description="The topics page's list: topics among someone's or some meeting's top topics that someone "
        "raised, with its filters and orders: `q`, words of the topic (each the start of a word of its label "
        "or of another form of it: `pension` finds `pensions` and `pension fund`); `letter`, the label's first "
        "letter; `sort`: `profiles`, the topics most people came back to first (`profile_count`), `raised`, "
        "most meetings where someone raised it first, or `az`, by label.",
        responses=responses(s.TopicListSerializer(many=True), list_view=True),
    )
)
class TopicList(ListView):
    serializer_class = s.TopicListSerializer
    filterset_class = TopicIndexFilter  # the topics page's filters and orders
    queryset = Topic.objects.listed()


class TopicResource(SlugResource):
    # Under /topics/<slug>/: an old slug is one a rebuild moved (the label reads otherwise, or the
    # topic is now counted under another's key).
    model = Topic
    noun = "topic"

    @property
    def topic(self) -> Topic:
        return self.found


@extend_schema_view(
    get=extend_schema(
        summary="A topic: figures, who spoke on it, where it came up",
        parameters=[SLUG],
        responses=responses(s.TopicDetailSerializer, detail=True, r301=TOPIC_MOVED),
    )
)
class TopicDetail(TopicResource, DetailView):
    serializer_class = s.TopicDetailSerializer
    queryset = Topic.objects.all()
    view_name = "api:topic-detail"

    def get_object(self):
        topic = self.topic
        # Precomputed at rebuild (TopicSpeaker, TopicMeeting), as on the topic's page: the people of
        # its "Who spoke on it" (responders too), in its order (meetings.web.views.topic_detail).
        topic.api_raisers = []
        for ts in topic.speakers.select_related("participant").order_by("-remarks", "rank")[:TOPIC_PEOPLE]:
            ts.participant.n, ts.participant.n_remarks = ts.raised, ts.remarks
            topic.api_raisers.append(ts.participant)
        topic.api_profiles = []
        for pt in profiles_listing(topic)[:TOPIC_PEOPLE]:
            pt.participant.topic_rank, pt.participant.n_remarks = pt.rank, pt.remarks_shown
            topic.api_profiles.append(pt.participant)
        topic.api_meetings = [
            tm.meeting
            for tm in topic.topic_meetings.select_related("meeting")
            .only("topic", "meeting__slug", "meeting__title", "meeting__date")
            .order_by("rank")[:TOPIC_PEOPLE]
        ]
        topic.api_sharing = sharing_words(topic)
        return topic


@extend_schema_view(
    get=extend_schema(
        summary="The remarks that carry a topic, newest meeting first",
        description="Filters are the topic page's: speaker (a slug, or a name or words of one), year, only where it was raised, "
        "only the remarks that name it at least `uses` times.",
        parameters=[SLUG],
        responses=responses(s.TopicRemarkSerializer(many=True), list_view=True, r301=TOPIC_MOVED),
    )
)
class TopicTurns(TopicResource, ListView):
    serializer_class = s.TopicRemarkSerializer
    filterset_class = TurnTopicFilter
    view_name = "api:topic-remarks"

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
            .newest_first()
        )

    def stored_listing(self, request) -> StoredListing | None:
        if filtered(request):
            return None
        return StoredListing(self.topic.remark_count, partial(aggregates.topic_remarks_page, self.topic))
