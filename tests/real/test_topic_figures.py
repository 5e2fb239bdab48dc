"""Every topic figure is a count of what its link opens, across real transcripts (../shared; skipped
when absent): ingest the Kremlin sample, then for every participant's top topics compare the number
the profile shows with the number of remarks the linked topic page (filtered by that speaker)
reports and lists; that every topic of a meeting's list is carried by remarks of that meeting; and on
the topic pages they link to (the TOPIC_PAGES with most remarks) compare
the totals, the "Who spoke on it" figures and the bars per year with what their links open, and
that the search for every mention finds every remark the page lists."""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import call_command

from meetings.derived.search import clean_query, ts_query
from meetings.derived.topic_index import PROFILE_REMARKS
from meetings.models import (
    Meeting,
    MeetingTopic,
    Participant,
    ParticipantTopic,
    Topic,
    TopicSpeaker,
    Turn,
    TurnTopic,
)
from meetings.web.views import PROFILES_SHOWN
from tests.helpers import shared_dir

SAMPLE = 40  # files of the Kremlin corpus

TOPIC_ITEM = re.compile(r'<li><a rel="tag" href="(/topics/[^"/]+/)\?speaker=([^"]+)">.*?data-count="(\d+)"')
STATUS = re.compile(r'<p class="count" role="status">(\d+) remarks?')
SCOPE = re.compile(
    r"This page lists the (\d+) remarks? \((\d+) meetings?, (\d+) (?:person|people)"
    r"(?: and (\d+) remarks? by (?:an unnamed speaker|unnamed speakers))?\)"
)
SPEAKER_ITEM = re.compile(
    r'<li><a href="\?speaker=([^"]+)">[^<]*</a> <span class="meta">· <span data-count="(\d+)">'
)
YEAR_ROW = re.compile(r'<tr><th scope="row">(\d+)</th><td><a href="\?year=\1">(\d+)</a></td><td>')
PROFILE_ITEM = re.compile(
    r'<li><a href="/speakers/([^"/]+)/">[^<]*</a> <span class="meta">· their \d+\w\w topic · '
    r'<a href="\?speaker=\1">(\d+) remarks?</a>'
)
INDEX_PROFILES = re.compile(
    r'<a href="(/topics/[^"/]+/)#profiles-h">(\d+) (?:person|people) came back to it</a>'
)
RAISED_BY = re.compile(
    r'<li><a rel="tag" href="/topics/([^"/]+)/">[^<]*</a> <span class="meta">raised by ([^<(]+?)'
    r' \(<a href="#([^"]+)">remark</a>\)'
)
EVERY_MENTION = re.compile(r'<a href="(/search/\?q=[^"]+)">search for every mention')
BAR = re.compile(r'<a href="\?year=(\d+)" aria-label="\1: (\d+) remarks?">')


SEEN: dict[str, int] = {}  # url -> the count it reported (pages are fetched once)
TOPIC_PAGES = 60  # topic pages checked link by link: those of the most remarks


def shown_count(client, url: str) -> int:
    """The number of remarks a page says it lists, checked against the remarks on its first page."""
    if url in SEEN:
        return SEEN[url]
    r = client.get(url)
    assert r.status_code == 200, url
    page = r.content.decode()
    m = STATUS.search(page)
    assert m, url
    n = int(m.group(1))
    listed = page.split('<ol class="remark-list">')[1].split("</ol>")[0].count("<li>")
    assert listed == min(n, 25), url  # the first page holds the first 25 of them
    SEEN[url] = n
    return n


@pytest.mark.django_db
def test_profile_topic_figures_count_what_their_links_open(client, settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    SEEN.clear()
    for p in sorted(shared_dir("corpus", "kremlin-en").glob("*.txt"))[:SAMPLE]:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    call_command("ingest_transcripts", str(tmp_path), "--no-progress", "-v0", stdout=io.StringIO())
    # Every topic of a meeting's list is carried by remarks of that meeting (its link opens them),
    # and the remark its "raised by" line links to is one of them.
    carried = set(TurnTopic.objects.values_list("meeting_id", "topic_id"))
    carrying = set(TurnTopic.objects.values_list("turn_id", "topic_id"))
    listed = list(MeetingTopic.objects.values_list("meeting_id", "topic_id", "evidence_id", "raised_by_id"))
    assert len(listed) > 100
    for meeting_id, topic_id, evidence_id, _ in listed:
        assert (meeting_id, topic_id) in carried, (meeting_id, topic_id)
        assert evidence_id is None or (evidence_id, topic_id) in carrying, (meeting_id, topic_id)
    # In each meeting, of the remarks a topic page lists, the first says "raised it", and only it:
    # never a list of "responded" with nothing raised, nor two raising remarks.
    first: dict[tuple, tuple] = {}
    raising: dict[tuple, list] = {}
    for meeting_id, topic_id, turn_id, speaker_id, raised in TurnTopic.objects.values_list(
        "meeting_id", "topic_id", "turn_id", "speaker_id", "raised"
    ).order_by("meeting_id", "position"):
        first.setdefault((meeting_id, topic_id), (turn_id, speaker_id))
        if raised:
            raising.setdefault((meeting_id, topic_id), []).append(turn_id)
    assert {k: [t] for k, (t, _) in first.items()} == raising
    # A meeting's "raised by" names the speaker of that remark, and its link opens it.
    keys = dict(Turn.objects.values_list("id", "key"))
    for meeting_id, topic_id, _, raised_by in listed:
        assert raised_by == first[(meeting_id, topic_id)][1], (meeting_id, topic_id)
    for meeting in Meeting.objects.filter(meeting_topics__raised_by__isnull=False).distinct()[:SAMPLE]:
        page = client.get(meeting.get_absolute_url()).content.decode()
        found = RAISED_BY.findall(page)
        assert found, meeting.slug
        for slug, name, key in found:
            turn_id, speaker_id = first[(meeting.id, Topic.objects.get(slug=slug).id)]
            assert key == keys[turn_id], (meeting.slug, slug)
            assert html.unescape(name) == Participant.objects.get(id=speaker_id).name, (meeting.slug, slug)
    people = Participant.objects.filter(participant_topics__isnull=False).distinct()
    assert people.count() > 20
    checked = 0
    topics: set[str] = set()
    for person in people:
        page = client.get(person.get_absolute_url()).content.decode()
        items = TOPIC_ITEM.findall(page)
        # Every top topic is either listed with its figure or named among the words they also use.
        ranked = ParticipantTopic.objects.filter(participant=person).count()
        also = (
            page.split('class="meta also-topics"')[1].split("</p>")[0].count("<a ")
            if "also-topics" in page
            else 0
        )
        assert len(items) + also == ranked, person.slug
        for path, slug, shown in items:
            assert slug == person.slug
            n = int(shown)
            assert n > 0, (person.slug, path)
            assert shown_count(client, f"{path}?speaker={slug}") == n, (person.slug, path)
            topic_slug = path.split("/")[2]
            listed = TurnTopic.objects.filter(topic__slug=topic_slug, speaker=person).count()
            assert listed == n, (person.slug, path)
            topics.add(path)
            checked += 1
    assert checked > 100

    # The topic pages those figures link to: totals, who spoke on it, remarks per year.
    biggest = Topic.objects.filter(slug__in=[p.split("/")[2] for p in topics]).order_by(
        "-remark_count", "slug"
    )
    profiled_pages = 0
    for path in [t.get_absolute_url() for t in biggest[:TOPIC_PAGES]]:
        page = html.unescape(client.get(path).content.decode())
        topic = Topic.objects.get(slug=path.split("/")[2])
        remarks, meetings, people_n, unnamed = (int(g or 0) for g in SCOPE.search(page).groups())
        assert remarks == shown_count(client, path) == TurnTopic.objects.filter(topic=topic).count(), path
        rows = TurnTopic.objects.filter(topic=topic)
        # The search for every mention finds every remark the page lists.
        asked = clean_query(parse_qs(urlparse(EVERY_MENTION.search(page).group(1)).query)["q"][0])
        listed = set(rows.values_list("turn_id", flat=True))
        assert (
            set(
                Turn.objects.filter(id__in=listed, search_vector=ts_query(asked)).values_list("id", flat=True)
            )
            == listed
        ), path
        assert meetings == rows.values("meeting_id").distinct().count(), path
        assert people_n == rows.exclude(speaker=None).values("speaker_id").distinct().count(), path
        assert unnamed == rows.filter(speaker=None).count(), path
        for slug, n in SPEAKER_ITEM.findall(page):
            assert int(n) == shown_count(client, f"{path}?speaker={slug}"), (path, slug)
        per_year = Counter(d.year for d in rows.values_list("date", flat=True))
        table = {int(y): int(n) for y, n in YEAR_ROW.findall(page)}
        bars = {int(y): int(n) for y, n in BAR.findall(page)}
        assert table == bars == dict(per_year), path
        for year, n in bars.items():
            assert shown_count(client, f"{path}?year={year}") == n, (path, year)
        # On whose profiles: everyone whose profile shows it, the index's "N came back to it" first,
        # each on the list of their profile with the remarks the speaker filter lists.
        listing = page.split('id="profiles-h"')[1].split("</section>")[0] if 'id="profiles-h"' in page else ""
        on_profiles = PROFILE_ITEM.findall(listing)
        showing = TopicSpeaker.objects.filter(
            topic=topic,
            remarks__gte=1,
            participant__in=ParticipantTopic.objects.filter(topic=topic).values("participant"),
        ).count()
        assert len(on_profiles) == min(showing, PROFILES_SHOWN), path
        assert not showing or f"; {topic.profile_count} came back to it" in listing, path
        assert sum(int(n) >= PROFILE_REMARKS for _, n in on_profiles) == min(
            topic.profile_count, PROFILES_SHOWN
        ), path
        for slug, n in on_profiles:
            assert int(n) == shown_count(client, f"{path}?speaker={slug}") >= 1, (path, slug)
            assert ParticipantTopic.objects.filter(topic=topic, participant__slug=slug).exists(), (path, slug)
        profiled_pages += bool(on_profiles)
    assert profiled_pages
    index = html.unescape(client.get("/topics/").content.decode())
    for path, n in INDEX_PROFILES.findall(index):
        assert int(n) == Topic.objects.get(slug=path.split("/")[2]).profile_count, path
