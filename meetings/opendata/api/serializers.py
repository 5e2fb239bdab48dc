"""Serializers of the JSON API: what each resource shows, and (through drf-spectacular) its schema.

Resources are named by their public identifiers only — slugs, and a turn's key within its
meeting — never by database ids. Each one carries `url` (its page on the site, for readers) and
`api_url` (itself in the API). Views hand these serializers objects already loaded, with any
extra figures attached as attributes, so serializing never queries the database.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.http.origin import absolute_url
from meetings.models import Meeting, Participant, Topic, Turn


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The absolute URL of the object's page on the site (`get_absolute_url`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return absolute_url(value.get_absolute_url())  # on SITE_URL, whatever the request's host


@extend_schema_field(OpenApiTypes.URI)
class ApiURLField(serializers.Field):
    """The absolute URL of an API resource named by attributes of the object."""

    def __init__(self, view_name: str, **lookups: str):
        self.view_name, self.lookups = view_name, lookups
        super().__init__(source="*", read_only=True)

    def to_representation(self, value):
        kwargs = {name: _attr(value, path) for name, path in self.lookups.items()}
        return absolute_url(reverse(self.view_name, kwargs=kwargs))


def _attr(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


class AlwaysPresent:
    """Every field is in every response: the schema lists them all as required."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            if not field.read_only:
                field.required = True
        return fields


class Serializer(AlwaysPresent, serializers.Serializer):
    pass


class ModelSerializer(AlwaysPresent, serializers.ModelSerializer):
    pass


# --- small nested forms -------------------------------------------------------------------------


class ParticipantRefSerializer(ModelSerializer):
    """A person, as named wherever they appear."""

    url = PageURLField(help_text="The person's page.")
    api_url = ApiURLField("api:participant-detail", slug="slug")

    class Meta:
        model = Participant
        fields = ["slug", "name", "url", "api_url"]


class MeetingRefSerializer(ModelSerializer):
    url = PageURLField(help_text="The meeting's page.")
    api_url = ApiURLField("api:meeting-detail", slug="slug")

    class Meta:
        model = Meeting
        fields = ["slug", "title", "date", "url", "api_url"]


class TopicRefSerializer(ModelSerializer):
    url = PageURLField(help_text="The topic's page.")
    api_url = ApiURLField("api:topic-detail", slug="slug")

    class Meta:
        model = Topic
        fields = ["slug", "label", "url", "api_url"]


# --- turns --------------------------------------------------------------------------------------


class MeetingTurnSerializer(ModelSerializer):
    """A turn within its meeting's transcript (the meeting is the enclosing resource)."""

    speaker = ParticipantRefSerializer(
        allow_null=True,
        help_text="The person speaking; null for a generic label "
        '("Remark", "Question") or a summary of a group.',
    )
    speaker_label = serializers.CharField(help_text="The label as written in the transcript (may be empty).")
    role = serializers.CharField(allow_null=True, help_text="The title or position the label gives, if any.")
    kind = serializers.ChoiceField(
        choices=Turn.KIND_CHOICES,
        help_text="`speech`, or `summary`: a report of what was said, not a quotation.",
    )
    section = serializers.CharField(
        help_text="The heading of the part of the meeting's page this remark is in "
        '("Statements following the talks"); empty where the page heads none.'
    )
    text = serializers.CharField(help_text="Plain text; paragraphs separated by a blank line.")
    permalink = PageURLField(help_text="The remark's permanent page.")
    api_url = ApiURLField("api:turn-detail", meeting="meeting.slug", key="key")

    class Meta:
        model = Turn
        fields = [
            "key",
            "position",
            "speaker",
            "speaker_label",
            "role",
            "kind",
            "section",
            "text",
            "permalink",
            "api_url",
        ]


class TurnSerializer(MeetingTurnSerializer):
    """A turn on its own: with the meeting it belongs to."""

    meeting = MeetingRefSerializer()

    class Meta(MeetingTurnSerializer.Meta):
        fields = ["key", "position", "meeting", *MeetingTurnSerializer.Meta.fields[2:]]


# --- meetings -----------------------------------------------------------------------------------


class MeetingListSerializer(ModelSerializer):
    place = serializers.CharField(allow_null=True)
    url = PageURLField(help_text="The meeting's page.")
    api_url = ApiURLField("api:meeting-detail", slug="slug")

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "title",
            "date",
            "place",
            "is_excerpt",
            "turn_count",
            "speaker_count",
            "url",
            "api_url",
        ]


class MeetingParticipantSerializer(ParticipantRefSerializer):
    """Someone who spoke in the meeting, in order of first appearance."""

    roles = serializers.ListField(child=serializers.CharField(), help_text="Titles they spoke under here.")
    turn_count = serializers.IntegerField(help_text="Their turns in this meeting.")

    class Meta(ParticipantRefSerializer.Meta):
        fields = [*ParticipantRefSerializer.Meta.fields, "roles", "turn_count"]


class MeetingTopicSerializer(Serializer):
    slug = serializers.CharField(source="topic.slug")
    label = serializers.CharField(source="topic.label")
    url = PageURLField(source="topic", help_text="The topic's page.")
    api_url = ApiURLField("api:topic-detail", slug="topic.slug")
    rank = serializers.IntegerField(help_text="1 for the meeting's main topic.")
    raised_by = ParticipantRefSerializer(allow_null=True, help_text="Who first brought it up in the meeting.")
    raised_in = serializers.URLField(
        source="raised_in_permalink",
        allow_null=True,
        help_text="Permalink of the remark that raised it (the meeting page's link), null where none did.",
    )
    evidence = serializers.URLField(
        source="evidence_permalink",
        allow_null=True,
        help_text="Permalink of the remark that carries it best.",
    )


class MeetingDetailSerializer(MeetingListSerializer):
    participants = MeetingParticipantSerializer(source="api_participants", many=True)
    topics = MeetingTopicSerializer(source="api_topics", many=True)
    turns = MeetingTurnSerializer(source="api_turns", many=True, help_text="Every turn, in order.")

    class Meta(MeetingListSerializer.Meta):
        fields = [
            "slug",
            "title",
            "date",
            "place",
            "description",
            "is_excerpt",
            "source_name",
            "turn_count",
            "speaker_count",
            "url",
            "api_url",
            "participants",
            "topics",
            "turns",
        ]


# --- participants -------------------------------------------------------------------------------


class ParticipantListSerializer(ParticipantRefSerializer):
    turn_count = serializers.IntegerField(help_text="Their turns in the whole archive.")
    meeting_count = serializers.IntegerField(help_text="Meetings in which they spoke.")

    class Meta(ParticipantRefSerializer.Meta):
        fields = [*ParticipantRefSerializer.Meta.fields, "turn_count", "meeting_count"]


class RoleSerializer(Serializer):
    role = serializers.CharField()
    meeting_count = serializers.IntegerField(help_text="Meetings in which they spoke under this title.")
    first_date = serializers.DateField()
    last_date = serializers.DateField()


class ParticipantTopicSerializer(Serializer):
    slug = serializers.CharField(source="topic.slug")
    label = serializers.CharField(source="topic.label")
    url = PageURLField(source="topic", help_text="The topic's page.")
    api_url = ApiURLField("api:topic-detail", slug="topic.slug")
    rank = serializers.IntegerField(help_text="1 for their main topic.")
    remark_count = serializers.IntegerField(source="remarks", help_text="Their remarks that carry it.")
    raised_count = serializers.IntegerField(source="raised", help_text="Meetings where they raised it.")
    evidence = serializers.URLField(
        source="evidence_permalink",
        allow_null=True,
        help_text="Permalink of their remark that carries it best.",
    )


class ParticipantDetailSerializer(ParticipantListSerializer):
    remarks_url = ApiURLField("api:participant-remarks", slug="slug")
    roles = RoleSerializer(source="api_roles", many=True)
    topics = ParticipantTopicSerializer(
        source="api_topics", many=True, help_text="Their top topics, best first."
    )

    class Meta(ParticipantListSerializer.Meta):
        fields = [*ParticipantListSerializer.Meta.fields, "remarks_url", "roles", "topics"]


# --- topics -------------------------------------------------------------------------------------


class TopicListSerializer(TopicRefSerializer):
    remark_count = serializers.IntegerField(help_text="Remarks that carry it.")
    raised_count = serializers.IntegerField(help_text="Meetings in which someone raised it.")
    people_count = serializers.IntegerField(help_text="People who spoke of it.")
    profile_count = serializers.IntegerField(
        help_text="People who came back to it: their profile lists it among their topics, carried by two or "
        'more of their remarks (the first of the topic page\'s "On whose profiles"; the topics index orders by it).'
    )

    class Meta(TopicRefSerializer.Meta):
        fields = [
            *TopicRefSerializer.Meta.fields,
            "remark_count",
            "raised_count",
            "people_count",
            "profile_count",
        ]


class TopicRaiserSerializer(ParticipantRefSerializer):
    remark_count = serializers.IntegerField(
        source="n_remarks",
        help_text="Their remarks that carry it (what the remarks filtered by speaker list).",
    )
    meeting_count = serializers.IntegerField(
        source="n", help_text="Meetings in which they raised it (0: they only responded)."
    )

    class Meta(ParticipantRefSerializer.Meta):
        fields = [*ParticipantRefSerializer.Meta.fields, "remark_count", "meeting_count"]


class TopicProfileSerializer(ParticipantRefSerializer):
    rank = serializers.IntegerField(
        source="topic_rank", help_text="The topic's place on their profile's list (1 = first)."
    )
    remark_count = serializers.IntegerField(
        source="n_remarks",
        help_text="Their remarks that carry it (what the remarks filtered by speaker list).",
    )

    class Meta(ParticipantRefSerializer.Meta):
        fields = [*ParticipantRefSerializer.Meta.fields, "rank", "remark_count"]


class TopicDetailSerializer(TopicListSerializer):
    remarks_url = ApiURLField("api:topic-remarks", slug="slug")
    on_profiles = TopicProfileSerializer(
        source="api_profiles",
        many=True,
        help_text="As the topic page's 'On whose profiles': everyone whose profile shows it, those with two or "
        "more of their remarks carrying it first (profile_count of them), each group highest on their list first "
        "(at most 20).",
    )
    raised_by = TopicRaiserSerializer(
        source="api_raisers",
        many=True,
        help_text="Who spoke on it, as the topic page's 'Who spoke on it': everyone whose remarks carry it, "
        "those who raised it and those who only responded, most remarks first (at most 20).",
    )
    meetings = MeetingRefSerializer(
        source="api_meetings", many=True, help_text="Meetings where it came up, newest first (at most 20)."
    )
    sharing_words = TopicListSerializer(
        source="api_sharing",
        many=True,
        help_text="As the topic page's 'Topics sharing its words': topics of the index whose names share a word "
        "with this one's (the same subject written another way, or a broader or narrower one), those sharing more "
        "words first, then those with the same last word, then most remarks (at most 8).",
    )
    forms = serializers.ListField(
        child=serializers.CharField(),
        help_text="The other keys counted as this topic (another spelling, a place's adjective, an acronym: "
        "'privatization', 'syrian', 'eaeu'), lower case and singular; the topic page marks them too.",
    )
    form_labels = serializers.ListField(
        child=serializers.CharField(),
        help_text="Each of forms as the remarks that use it write it most, in the same order "
        "('privatization', 'Syrian', 'EAEU'); empty for a topic loaded from a dump written before them.",
    )

    class Meta(TopicListSerializer.Meta):
        fields = [
            *TopicListSerializer.Meta.fields,
            "remarks_url",
            "raised_by",
            "on_profiles",
            "meetings",
            "sharing_words",
            "forms",
            "form_labels",
        ]


class TopicRemarkSerializer(Serializer):
    raised = serializers.BooleanField(help_text="The first remark of its meeting to carry the topic.")
    is_evidence = serializers.BooleanField(
        help_text="The remark that carries it best for this person in this meeting."
    )
    uses = serializers.IntegerField(help_text="How many times the remark names it (in any of its forms).")
    turn = TurnSerializer()


# --- search -------------------------------------------------------------------------------------


class HighlightSerializer(Serializer):
    start = serializers.IntegerField(
        min_value=0, help_text="Offset of the first highlighted character (in Unicode code points)."
    )
    end = serializers.IntegerField(min_value=0, help_text="Offset just past the last one.")


class SearchResultSerializer(TurnSerializer):
    snippet = serializers.CharField(help_text="Plain text around the matches (no markup).")
    highlights = HighlightSerializer(many=True, help_text="Where the matching words are in `snippet`.")
    score = serializers.FloatField(help_text="Relevance (higher is better).")
    matches_in_meeting = serializers.IntegerField(
        source="in_meeting", help_text="Matching remarks in the same meeting."
    )

    class Meta(TurnSerializer.Meta):
        fields = ["snippet", "highlights", "score", "matches_in_meeting", *TurnSerializer.Meta.fields]


class SearchResultsSerializer(Serializer):
    count = serializers.IntegerField(
        help_text="Results listed: meetings (best remark of each) when grouped, else remarks."
    )
    matches = serializers.IntegerField(help_text="Matching remarks (at least this many when `capped`).")
    capped = serializers.BooleanField(
        help_text="More remarks match than are ranked; figures cover the most recent ones."
    )
    grouped = serializers.BooleanField(help_text="One result per meeting (false when `meeting` is given).")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchResultSerializer(many=True)


# --- the root -----------------------------------------------------------------------------------


class SourceSerializer(Serializer):
    attribution = serializers.CharField(help_text="Who published the texts.")
    licence = serializers.CharField(allow_null=True, help_text="The licence of the texts, if known.")
    url = serializers.URLField(allow_null=True, help_text="A link for the attribution, if known.")


class RootSerializer(Serializer):
    meetings = serializers.URLField()
    participants = serializers.URLField()
    turns = serializers.URLField()
    topics = serializers.URLField()
    search = serializers.URLField()
    schema = serializers.URLField(help_text="This API's OpenAPI 3 description (JSON with ?format=json).")
    source = SourceSerializer(
        allow_null=True,
        help_text="Who published the transcripts and under which licence, as that licence asks to be "
        "credited wherever they are reused (null where the archive is not told).",
    )
