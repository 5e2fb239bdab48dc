"""The archive: meetings, the people who spoke in them, and every turn, each with a permanent key."""

from __future__ import annotations

import re

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse

from meetings.core.parser.names import sort_name
from meetings.sql import topics as topic_sql


def _memo_url(obj, name: str) -> str:
    """reverse(name, slug=obj.slug), kept on the instance (a page links the same object often)."""
    memo = obj.__dict__.get("_url")
    if memo is None or memo[0] != obj.slug:
        memo = obj.__dict__["_url"] = (obj.slug, reverse(name, kwargs={"slug": obj.slug}))
    return memo[1]


class MeetingQuerySet(models.QuerySet):
    def newest_first(self) -> MeetingQuerySet:
        """The meeting list's order: newest date first, then title, then id (so that it is total)."""
        return self.order_by("-date", "title", "pk")


class Meeting(models.Model):
    title = models.TextField(help_text="As the page gives it, however long (its slug takes the first words).")
    date = models.DateField(db_index=True)
    place = models.CharField(max_length=300, null=True, blank=True)
    description = models.TextField(blank=True, help_text="The lead paragraph(s) of the page.")
    is_excerpt = models.BooleanField(
        default=False, help_text="The page says it gives excerpts, or marks words it leaves out (<…>)."
    )
    source_name = models.CharField(max_length=500, help_text="The file the turns come from.")
    source_sha256 = models.CharField(max_length=64)
    slug = models.SlugField(max_length=120, unique=True)
    identity = models.CharField(
        max_length=600,
        unique=True,
        help_text="Date and normalised title: the same meeting reached through two files.",
    )
    ingested_at = models.DateTimeField()
    search_vector = SearchVectorField(null=True, editable=False)
    turn_count = models.PositiveIntegerField(default=0)
    speaker_count = models.PositiveIntegerField(default=0)
    list_position = models.PositiveIntegerField(
        null=True,
        blank=True,
        unique=True,
        help_text="1-based place in the meeting list (newest first), set after every ingest: "
        "page N of the list is a range of positions, as fast as page 1.",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        indexes = [
            models.Index(fields=["-date", "title"], name="meeting_newest"),
            GinIndex(fields=["search_vector"], name="meeting_search"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return _memo_url(self, "meetings:meeting")


class MeetingSource(models.Model):
    """A file that reached a meeting: the page dump, a repost of it, an edited copy."""

    meeting = models.ForeignKey(Meeting, related_name="sources", on_delete=models.CASCADE)
    name = models.CharField(max_length=500, unique=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField()
    turn_count = models.PositiveIntegerField()
    is_primary = models.BooleanField(default=False)
    ingested_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name


class ParticipantQuerySet(models.QuerySet):
    def resolve(self, slug: str) -> Participant | None:
        """The participant with this slug or, for the old slug of a person merged into another
        (ParticipantRedirect), the person it now names; None when neither exists. A caller given
        someone whose slug is not `slug` answers 301 to the new address."""
        person = self.filter(slug=slug).first()
        if person is None:
            moved = ParticipantRedirect.objects.select_related("participant").filter(old_slug=slug).first()
            person = moved.participant if moved is not None else None
        return person

    def with_last_seen(self) -> ParticipantQuerySet:
        """Each person with the date they last spoke (`last_seen`): an index read per person (the
        speakers index, and its API list, order by it)."""
        latest = Appearance.objects.filter(participant=models.OuterRef("pk")).order_by("-date")
        return self.annotate(last_seen=models.Subquery(latest.values("date")[:1]))


class Participant(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    sort_name = models.CharField(
        max_length=200, db_index=True, default="", help_text="Surname first, for the A–Z index."
    )
    turn_count = models.PositiveIntegerField(default=0)
    meeting_count = models.PositiveIntegerField(default=0)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = sort_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return _memo_url(self, "meetings:speaker")

    @property
    def letter(self) -> str:
        return (self.sort_name[:1] or "#").upper()


class ParticipantAlias(models.Model):
    """A written form of a name and the person it resolved to; the next ingest resolves the same."""

    participant = models.ForeignKey(Participant, related_name="aliases", on_delete=models.CASCADE)
    key = models.CharField(max_length=200, unique=True, help_text="Exact identity of the written name.")
    folded = models.CharField(max_length=200, db_index=True, help_text="Transliteration-folded key.")
    surname = models.CharField(max_length=100, db_index=True)
    initial = models.CharField(max_length=4, blank=True)
    written = models.CharField(max_length=200, help_text="The name as first written.")
    how = models.CharField(max_length=20, help_text="exact, variant, initial, first-name, new …")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.written} → {self.participant}"


class ParticipantRedirect(models.Model):
    """An old participant slug (a person merged into another) that answers 301 to the person."""

    old_slug = models.SlugField(max_length=120, unique=True)
    participant = models.ForeignKey(Participant, related_name="redirects", on_delete=models.CASCADE)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.participant.slug}"


class TurnQuerySet(models.QuerySet):
    def for_display(self, *related: str) -> TurnQuerySet:
        """Turns as pages show them: without their search vector and topic phrases (about three
        quarters of a row's bytes, read by no page), nor the search vector of each of the
        `related` meetings they are selected with."""
        return self.defer("search_vector", "phrases", *(f"{r}__search_vector" for r in related))

    def newest_first(self) -> TurnQuerySet:
        """Newest meeting first, each meeting's turns in transcript order: Turn.date is the
        meeting's date, so this is the order of the turn_newest and turn_speaker_newest indexes."""
        return self.order_by("-date", "meeting_id", "position")


class Turn(models.Model):
    SPEECH = "speech"
    SUMMARY = "summary"
    KIND_CHOICES = [(SPEECH, "Speech"), (SUMMARY, "Summary of what was said")]

    # Indexed by the unique (meeting, position) and (meeting, key) constraints, not on its own.
    meeting = models.ForeignKey(Meeting, related_name="turns", on_delete=models.CASCADE, db_index=False)
    date = models.DateField(null=True, help_text="The meeting's date, kept here for search order.")
    position = models.PositiveIntegerField(help_text="1-based order in its meeting.")
    speaker = models.ForeignKey(  # indexed by turn_speaker_newest (speaker, date, meeting, position)
        Participant, related_name="turns", null=True, blank=True, on_delete=models.PROTECT, db_index=False
    )
    speaker_label = models.CharField(max_length=500, blank=True)
    role = models.CharField(max_length=500, null=True, blank=True)
    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default=SPEECH)
    text = models.TextField(blank=True)
    key = models.SlugField(max_length=150, db_index=False)  # looked up with its meeting: (meeting, key)
    resolution = models.CharField(max_length=20, default="label")
    section = models.TextField(
        blank=True,
        default="",
        help_text="The heading of the part of the meeting's page this remark is in "
        '("Statements following the talks"), if the page heads one there.',
    )
    is_procedural = models.BooleanField(
        default=False, help_text="A short chairing line: left out of topics and statistics."
    )
    words = models.PositiveIntegerField(default=0)
    phrases = models.JSONField(default=dict, blank=True, help_text="Candidate topic phrases and counts.")
    search_vector = SearchVectorField(null=True, editable=False)

    objects = TurnQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="turn_position_unique"),
            models.UniqueConstraint(fields=["meeting", "key"], name="turn_key_unique"),
        ]
        indexes = [
            models.Index(fields=["speaker", "-date", "meeting", "position"], name="turn_speaker_newest"),
            models.Index(fields=["-date", "meeting", "position"], name="turn_newest"),
            GinIndex(fields=["search_vector"], name="turn_search"),
            # The few remarks under a heading of the page: a meeting's headings are read per
            # meeting when its search vector is computed (sql.search.meeting_vector_sql).
            models.Index(fields=["meeting", "position"], condition=~Q(section=""), name="turn_headed"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting.slug}/{self.key}"

    def get_absolute_url(self) -> str:
        # The meeting's URL plus the key (what reverse("meetings:turn") gives), without one
        # reverse() per remark on a page of hundreds.
        return f"{self.meeting.get_absolute_url()}{self.key}/"

    @property
    def is_summary(self) -> bool:
        return self.kind == self.SUMMARY

    @property
    def display_label(self) -> str:
        if self.speaker_label:
            return self.speaker_label
        if self.speaker_id:
            return self.speaker.name
        return "Unattributed"

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def ordinal(self) -> int:
        m = re.search(r"-(\d+)$", self.key)
        return int(m.group(1)) if m else 0


class RetiredTurnKey(models.Model):
    """A permalink whose turn left its meeting when the source was edited; never given again."""

    meeting = models.ForeignKey(Meeting, related_name="retired_keys", on_delete=models.CASCADE)
    key = models.SlugField(max_length=150)
    retired_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="retired_key_unique"),
        ]


class TopicQuerySet(models.QuerySet):
    def resolve(self, slug: str) -> Topic | None:
        """The topic with this slug or, for a slug a rebuild moved (TopicRedirect: the label now
        reads otherwise, or the topic is now counted under another's key), the topic that holds
        its key now, as its key or one of its forms, or as whole words inside one of its forms (a
        key said only inside a longer form is no form of its own: "republic of china" of "people's
        republic of china"); None when none exists. A caller given a topic whose slug is not
        `slug` answers 301 to the new address. A one-word key found only inside a longer form
        ("cooperation" in "Larkspur-Zelvan cooperation") leads nowhere: the word says not which."""
        topic = self.filter(slug=slug).first()
        if topic is None:
            moved = TopicRedirect.objects.filter(old_slug=slug).values_list("key", flat=True).first()
            if moved is not None:
                topic = self.filter(key=moved).first() or self.filter(forms__contains=[moved]).first()
                if topic is None and " " in moved:  # a word alone inside a form says not which
                    topic = self.filter(pk=topic_sql.topic_with_form_holding(moved)).first()
        return topic

    ORDERS = ("profiles", "raised", "az")

    def listed(self, order: str = "profiles") -> TopicQuerySet:
        """The topics the topic index, the sitemap and the API list: among someone's or some
        meeting's top topics and with evidence enough (is_featured, decided at the rebuild:
        meetings.derived.topic_index.enough_evidence), in one of ORDERS: most people came back to it
        first ("profiles", Topic.profile_count: a subject many people came back to before a word
        many say in passing), most meetings raised first ("raised"), or by label ("az", a capital
        read as its small letter)."""
        return self.filter(is_featured=True, raised_count__gt=0).in_order(order)

    def in_order(self, order: str) -> TopicQuerySet:
        """These topics in one of ORDERS (listed)."""
        if order == "az":
            return self.order_by(Lower("label"), "label")  # a capital as its small letter
        if order == "raised":
            return self.order_by("-raised_count", "-remark_count", "label")
        return self.order_by("-profile_count", "-raised_count", "-remark_count", "label")


class Topic(models.Model):
    """A normalised key phrase ("foreign agent") with the label readers see ("foreign agents")."""

    key = models.CharField(max_length=200, unique=True)
    label = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    remark_count = models.PositiveIntegerField(default=0)
    raised_count = models.PositiveIntegerField(default=0, help_text="Meetings in which someone raised it.")
    people_count = models.PositiveIntegerField(default=0)
    profile_count = models.PositiveIntegerField(
        default=0,
        help_text="People whose profile lists it among their topics, carried by two or more of their remarks.",
    )
    is_featured = models.BooleanField(
        default=False,
        db_index=True,
        help_text="Among someone's or some meeting's top topics, with evidence enough: listed in the index.",
    )
    forms = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="The other keys shown under this one (another spelling, a place's adjective, an acronym).",
    )
    form_labels = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Each of forms as the remarks that use it write it most, in the same order.",
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("meetings:topic", kwargs={"slug": self.slug})


class TopicRedirect(models.Model):
    """A topic slug that a rebuild moved, and the key it was the slug of (TopicQuerySet.resolve)."""

    old_slug = models.SlugField(max_length=200, unique=True)
    key = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.key}"


class TurnTopicQuerySet(models.QuerySet):
    def newest_first(self) -> TurnTopicQuerySet:
        """A topic's remarks newest meeting first, in transcript order, read from the copies of the
        turn's date, meeting and position (the turntopic_newest indexes)."""
        return self.order_by("-date", "meeting_id", "position")


class TurnTopic(models.Model):
    # The (turn, topic) unique constraint and the (topic, ...) indexes serve the lookups by turn
    # and by topic: no separate index per foreign key (fewer indexes to rebuild after each ingest).
    turn = models.ForeignKey(Turn, related_name="turn_topics", on_delete=models.CASCADE, db_index=False)
    topic = models.ForeignKey(Topic, related_name="turn_topics", on_delete=models.CASCADE, db_index=False)
    weight = models.FloatField()
    raised = models.BooleanField(default=False, help_text="No earlier turn of the meeting carries it.")
    is_evidence = models.BooleanField(
        default=False, help_text="The remark that carries it best for this person in this meeting."
    )
    uses = models.PositiveIntegerField(
        default=1, help_text="How many times the remark names it (in any of its forms)."
    )
    # The turn's meeting, date, position and speaker, copied at rebuild: the topic page lists its
    # remarks newest first (and by speaker or year) from an index, without joining the turns.
    # Copies, not constraints (DO_NOTHING, no database foreign key): deleting a meeting or a person
    # never scans this table; the rows go with their turn, and the next rebuild rewrites them.
    meeting = models.ForeignKey(
        Meeting, null=True, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    date = models.DateField(null=True)
    position = models.PositiveIntegerField(null=True)
    speaker = models.ForeignKey(
        Participant,
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )

    objects = TurnTopicQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["turn", "topic"], name="turn_topic_unique")]
        indexes = [
            models.Index(fields=["topic", "-weight"], name="turntopic_topic_weight"),
            models.Index(fields=["topic", "-date", "meeting", "position"], name="turntopic_newest"),
            models.Index(
                fields=["topic", "speaker", "-date", "meeting", "position"], name="turntopic_speaker_newest"
            ),
        ]


class ParticipantTopic(models.Model):
    participant = models.ForeignKey(Participant, related_name="participant_topics", on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, related_name="participant_topics", on_delete=models.CASCADE)
    rank = models.PositiveIntegerField()
    score = models.FloatField()
    remarks = models.PositiveIntegerField()
    raised = models.PositiveIntegerField(default=0, help_text="Meetings where this person raised it.")
    evidence = models.ForeignKey(Turn, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["participant", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "topic"], name="participant_topic_unique")
        ]


class MeetingTopic(models.Model):
    meeting = models.ForeignKey(Meeting, related_name="meeting_topics", on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, related_name="meeting_topics", on_delete=models.CASCADE)
    rank = models.PositiveIntegerField()
    score = models.FloatField()
    raised_by = models.ForeignKey(Participant, null=True, on_delete=models.SET_NULL, related_name="+")
    evidence = models.ForeignKey(Turn, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["meeting", "rank"]
        constraints = [models.UniqueConstraint(fields=["meeting", "topic"], name="meeting_topic_unique")]


class TopicSpeaker(models.Model):
    """Who carried a topic: per (topic, person) the meetings where they raised it and their
    remarks on it, ranked as the topic page lists them (most meetings raised first). Rebuilt with
    the topics."""

    topic = models.ForeignKey(Topic, related_name="speakers", on_delete=models.CASCADE, db_index=False)
    # As on TurnTopic: rewritten by every rebuild, never scanned when a person is deleted.
    participant = models.ForeignKey(
        Participant, related_name="+", on_delete=models.DO_NOTHING, db_index=False, db_constraint=False
    )
    rank = models.PositiveIntegerField(help_text="1 = raised it in most meetings (then by sort name).")
    raised = models.PositiveIntegerField(help_text="Meetings where this person raised it.")
    remarks = models.PositiveIntegerField(help_text="This person's remarks that carry it.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "participant"], name="topic_speaker_unique")]
        indexes = [models.Index(fields=["topic", "rank"], name="topicspeaker_rank")]


class TopicMeeting(models.Model):
    """The meetings in which a topic came up, ranked newest first (then by title). Rebuilt with
    the topics."""

    topic = models.ForeignKey(Topic, related_name="topic_meetings", on_delete=models.CASCADE, db_index=False)
    meeting = models.ForeignKey(
        Meeting, related_name="+", on_delete=models.DO_NOTHING, db_index=False, db_constraint=False
    )
    rank = models.PositiveIntegerField(help_text="1 = the newest meeting.")
    remarks = models.PositiveIntegerField(help_text="Remarks of the meeting that carry it.")
    remarks_before = models.PositiveIntegerField(
        default=0,
        help_text="The topic's remarks in the meetings before this one, newest first by date, then "
        "meeting id (the order of the topic's remark list): where a page of it starts.",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "meeting"], name="topic_meeting_unique")]
        indexes = [
            models.Index(fields=["topic", "rank"], name="topicmeeting_rank"),
            models.Index(fields=["topic", "remarks_before"], name="topicmeeting_offset"),
        ]


class ArchiveState(models.Model):
    """One row: the archive's version, bumped whenever an ingest changes anything. Pages are
    cached and validated (ETag, Last-Modified) against it."""

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()
    derived_pending = models.BooleanField(
        default=False,
        help_text="An ingest is writing, or stopped before it rebuilt the derived data (figures, "
        "topics, search words): the next ingest rebuilds them even if no file changed.",
    )

    @classmethod
    def current(cls) -> ArchiveState:
        from django.utils import timezone

        state, _ = cls.objects.get_or_create(pk=1, defaults={"changed_at": timezone.now()})
        return state

    @classmethod
    def set_derived_pending(cls, pending: bool) -> bool:
        """Mark the derived data as (not) to be rebuilt; whether it was marked before."""
        before = cls.current().derived_pending
        cls.objects.filter(pk=1).update(derived_pending=pending)
        return before

    @classmethod
    def bump(cls) -> ArchiveState:
        from django.db.models import F
        from django.utils import timezone

        cls.current()
        cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
        return cls.objects.get(pk=1)


# --- Aggregates rebuilt after every ingest (meetings/derived/aggregates.py) ------------------------------
# Pages read these instead of grouping a person's turns at request time, so a profile costs the
# same for someone with ten remarks and for someone with hundreds of thousands.


class Appearance(models.Model):
    """One person in one meeting: how many remarks they made there and the title they first
    spoke under."""

    participant = models.ForeignKey(Participant, related_name="appearances", on_delete=models.CASCADE)
    meeting = models.ForeignKey(Meeting, related_name="appearances", on_delete=models.CASCADE)
    date = models.DateField()
    remarks = models.PositiveIntegerField()
    remarks_before = models.PositiveIntegerField(
        default=0,
        help_text="The person's remarks in meetings listed before this one on their profile (newest "
        "first): where a deep page of their remarks starts, found without OFFSET.",
    )
    role = models.CharField(max_length=500, null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "meeting"], name="appearance_unique")]
        indexes = [
            models.Index(fields=["participant", "-date", "meeting"], name="appearance_newest"),
            models.Index(fields=["participant", "remarks_before"], name="appearance_offset"),
        ]


class Exchange(models.Model):
    """How many times two people spoke one right after the other, in either order (stored once
    for each of the two)."""

    participant = models.ForeignKey(Participant, related_name="exchanges", on_delete=models.CASCADE)
    partner = models.ForeignKey(Participant, related_name="+", on_delete=models.CASCADE)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "partner"], name="exchange_unique")]
        indexes = [models.Index(fields=["participant", "-count", "partner"], name="exchange_most")]


class ParticipantRole(models.Model):
    """A title a person spoke under: in how many meetings, the first and last date, and the most
    recent of those meetings (ids, newest first)."""

    participant = models.ForeignKey(Participant, related_name="role_stats", on_delete=models.CASCADE)
    role = models.CharField(max_length=500)
    meetings = models.PositiveIntegerField()
    first = models.DateField()
    last = models.DateField()
    recent = ArrayField(models.IntegerField(), default=list)

    class Meta:
        indexes = [models.Index(fields=["participant", "-meetings", "role"], name="participantrole_most")]


class SearchWord(models.Model):
    """A word of the archive's remarks, as written (lower case), and in how many remarks: the
    vocabulary "Did you mean" suggests from (trigram index, pg_trgm). Rebuilt at ingest from the
    turns' stored vectors (meetings.derived.search.rebuild_vocabulary)."""

    word = models.CharField(max_length=60, primary_key=True)
    remarks = models.PositiveIntegerField()

    class Meta:
        indexes = [GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="searchword_trgm")]
