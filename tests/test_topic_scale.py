"""Topic aggregates rebuilt with the topics (TopicSpeaker, TopicMeeting, the turn's date, meeting,
position and speaker copied onto TurnTopic): they equal what the topic page used to group at
request time, and the page's queries do not grow with the archive."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, F
from django.test.utils import CaptureQueriesContext

from meetings import topic_index
from meetings.filters import TopicRemarkFilter
from meetings.generator import generate
from meetings.models import Meeting, Participant, Topic, TopicMeeting, TopicSpeaker, TurnTopic


def ingest(path):
    call_command("ingest_transcripts", str(path), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def small(tmp_path):
    ingest(generate(tmp_path / "small", meetings=3, seed=5)[0].parent)


def request_time_raisers(topic):
    """What the topic page computed per request before TopicSpeaker."""
    return list(
        Participant.objects.filter(turns__turn_topics__topic=topic, turns__turn_topics__raised=True)
        .annotate(n=Count("turns__meeting", distinct=True)).order_by("-n", "sort_name", "name", "id")
        .values_list("id", "n")
    )


def request_time_meetings(topic):
    return list(Meeting.objects.filter(turns__turn_topics__topic=topic).distinct()
                .order_by("-date", "title", "id").values_list("id", flat=True))


@pytest.mark.django_db
def test_precomputed_raisers_and_meetings_equal_the_request_time_aggregates(tmp_path):
    ingest(generate(tmp_path / "a", meetings=12, seed=7)[0].parent)
    topics = list(Topic.objects.all())
    assert len(topics) > 20 and TopicSpeaker.objects.filter(raised__gt=1).exists()
    for topic in topics:
        stored = list(TopicSpeaker.objects.filter(topic=topic, raised__gt=0).order_by("rank")
                      .values_list("participant_id", "raised"))
        assert stored == request_time_raisers(topic), topic.key
        assert list(TopicMeeting.objects.filter(topic=topic).order_by("rank")
                    .values_list("meeting_id", flat=True)) == request_time_meetings(topic), topic.key
        remarks = dict(TurnTopic.objects.filter(topic=topic, turn__speaker__isnull=False)
                       .values_list("turn__speaker").annotate(n=Count("id")))
        assert dict(TopicSpeaker.objects.filter(topic=topic).values_list("participant_id", "remarks")) == remarks
    # The copies on TurnTopic are the turn's.
    assert not TurnTopic.objects.exclude(date=F("turn__meeting__date")).exists()
    assert not TurnTopic.objects.exclude(meeting=F("turn__meeting")).exists()
    assert not TurnTopic.objects.exclude(position=F("turn__position")).exists()
    assert not TurnTopic.objects.filter(turn__speaker__isnull=False).exclude(speaker=F("turn__speaker")).exists()
    assert not TurnTopic.objects.filter(turn__speaker__isnull=True, speaker__isnull=False).exists()


@pytest.mark.django_db
def test_filtered_counts_from_the_figures_equal_counting(tmp_path):
    ingest(generate(tmp_path / "a", meetings=6, seed=11)[0].parent)
    topic = Topic.objects.order_by("-remark_count").first()
    people = list(TopicSpeaker.objects.filter(topic=topic).values_list("participant__slug", flat=True)[:3])
    for speaker in ["", *people, "nobody-of-that-name"]:
        for raised in ("", "true", "false"):
            f = TopicRemarkFilter({"speaker": speaker, "raised": raised}, queryset=TurnTopic.objects.filter(topic=topic))
            assert f.is_valid()
            assert f.known_count(topic) == f.qs.count(), (speaker, raised)
    f = TopicRemarkFilter({"year": "2020"}, queryset=TurnTopic.objects.filter(topic=topic))
    assert f.is_valid() and f.known_count(topic) is None


def page_queries(client, path):
    client.get(path)  # the archive version, read once
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_topic_page_queries_do_not_grow_with_the_archive(client, tmp_path, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    ingest(generate(tmp_path / "small", meetings=2, seed=5)[0].parent)

    def counts():
        topic = Topic.objects.order_by("-remark_count", "key").first()
        person = TopicSpeaker.objects.filter(topic=topic, raised__gt=0).order_by("rank").first().participant
        url = topic.get_absolute_url()
        year = TurnTopic.objects.filter(topic=topic).order_by("date").first().date.year
        return [page_queries(client, url + q) for q in
                ("", "?page=2" if topic.remark_count > 25 else "?page=1", f"?speaker={person.slug}",
                 "?raised=true", "?raised=false", f"?speaker={person.slug}&raised=true", f"?year={year}")]

    small = counts()
    ingest(generate(tmp_path / "big", meetings=25, seed=6)[0].parent)
    assert Topic.objects.order_by("-remark_count").first().remark_count > 200
    assert counts() == small
    # archive version, topic, remarks, who raised it, meetings (the count is the topic's own); one
    # more for a speaker (their figures) or a year (a count on the index)
    assert small == [5, 5, 6, 5, 5, 6, 6]


@pytest.mark.django_db
def test_rebuild_after_writes_in_the_same_transaction(small):
    """Deferred foreign-key checks pending in the caller's transaction (turns just written) do not
    stop the rebuild's TRUNCATE and index work."""
    before = sorted(TurnTopic.objects.values_list("turn_id", "topic__key", "weight", "raised", "is_evidence"))
    with transaction.atomic():
        Participant.objects.create(name="Nobody Yet", slug="nobody-yet", sort_name="yet nobody")
        topic_index.rebuild()
    assert sorted(TurnTopic.objects.values_list("turn_id", "topic__key", "weight", "raised", "is_evidence")) == before


@pytest.mark.django_db
def test_rebuild_keeps_slugs_and_restores_indexes(small):
    slugs = dict(Topic.objects.values_list("key", "slug"))
    Topic.objects.filter(key=next(iter(slugs))).update(slug="kept-slug")
    topic_index.rebuild()
    assert Topic.objects.get(key=next(iter(slugs))).slug == "kept-slug"
    with connection.cursor() as cur:
        cur.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'meetings_turntopic'")
        names = {r[0] for r in cur.fetchall()}
    assert {"turntopic_newest", "turntopic_speaker_newest", "turntopic_topic_weight", "turn_topic_unique"} <= names
    assert TurnTopic.objects.create(turn=TurnTopic.objects.first().turn, topic=Topic.objects.last(), weight=1).id
