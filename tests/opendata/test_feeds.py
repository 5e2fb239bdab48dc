"""Atom feeds, sitemap.xml and robots.txt: well-formed XML, the right entries and links, escaping,
404s and a bounded number of queries."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from meetings.models import Meeting, Participant, ParticipantRedirect, Topic, Turn, TurnTopic
from tests.helpers import MEETING

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "http://testserver"

MEALS = """Meeting on school meals

May 3, 2021, Larkspur

The Mayor discussed school meals & <blink>allergy</blink> labels.

Mayor of Larkspur Helena Marsh: Let us begin. The school meals need allergy labels.

(Council member Ada Lindqvist spoke about allergies <script>alert(1)</script> and allergy labels on school meals.)

Helena Marsh: Thank you. School meals with allergy labels it is.
"""


@pytest.fixture
def archive(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("harbour.txt", MEETING)),
        str(write_transcript("meals.txt", MEALS)),
        stdout=io.StringIO(),
    )
    return Meeting.objects.order_by("date")


def atom(client, url):
    r = client.get(url)
    assert r.status_code == 200, url
    assert r["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(r.content)
    assert root.tag == f"{ATOM}feed"
    return r, root


def entries(root):
    return root.findall(f"{ATOM}entry")


def link(el, rel="alternate"):
    return next(li.get("href") for li in el.findall(f"{ATOM}link") if li.get("rel") == rel)


def sitemap_locs(client, url):
    r = client.get(url)
    assert r.status_code == 200, url
    assert r["Content-Type"].startswith("application/xml")
    root = ET.fromstring(r.content)
    return root, [loc.text for loc in root.iter(f"{SM}loc")]


# ---------------------------------------------------------------------------- meetings feed


@pytest.mark.django_db
def test_meetings_feed_lists_meetings_newest_first(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # archive version, meetings, their participants
        _r, root = atom(client, "/feeds/meetings.atom")
    assert root.findtext(f"{ATOM}title") == "Meetings · Transcript Archive"
    assert link(root) == f"{BASE}/meetings/"
    assert link(root, "self") == f"{BASE}/feeds/meetings.atom"
    harbour, meals = archive.last(), archive.first()
    latest = max(m.ingested_at for m in archive)
    assert root.findtext(f"{ATOM}updated").startswith(latest.strftime("%Y-%m-%dT%H:%M:%S"))
    first, second = entries(root)
    assert first.findtext(f"{ATOM}title") == "Meeting of the Harbour Board (3 October 2022)"
    assert link(first) == f"{BASE}{harbour.get_absolute_url()}"
    assert first.findtext(f"{ATOM}id") == f"tag:testserver,2026:meetings/{harbour.slug}"
    assert first.findtext(f"{ATOM}published").startswith("2022-10-03T00:00:00")
    assert first.findtext(f"{ATOM}updated").startswith(harbour.ingested_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert [a.findtext(f"{ATOM}name") for a in first.findall(f"{ATOM}author")] == [
        "Helena Marsh",
        "Tomas Reyes",
    ]
    assert "Helena Marsh chaired a meeting of the Harbour Board." in first.findtext(f"{ATOM}summary")
    assert first.find(f"{ATOM}summary").get("type") == "html"
    assert link(second) == f"{BASE}{meals.get_absolute_url()}"
    assert [a.findtext(f"{ATOM}name") for a in second.findall(f"{ATOM}author")] == [
        "Helena Marsh",
        "Ada Lindqvist",
    ]


@pytest.mark.django_db
def test_meetings_feed_escapes_the_lead(client, archive):
    r, root = atom(client, "/feeds/meetings.atom")
    summary = entries(root)[1].findtext(f"{ATOM}summary")
    # The lead is text: once unescaped from XML it is still escaped HTML, never markup.
    assert "school meals &amp; &lt;blink&gt;allergy&lt;/blink&gt; labels" in summary
    assert "<blink>" not in summary and b"<blink>" not in r.content


@pytest.mark.django_db
def test_meetings_feed_of_an_empty_archive_is_valid(client):
    _r, root = atom(client, "/feeds/meetings.atom")
    assert entries(root) == [] and root.findtext(f"{ATOM}updated")
    # Not the time of the request: the same empty feed twice is the same document.
    from django.core.cache import cache

    cache.clear()
    assert atom(client, "/feeds/meetings.atom")[0].content == _r.content


@pytest.mark.django_db
def test_meetings_feed_keeps_a_constant_number_of_queries(
    client, write_transcript, django_assert_max_num_queries
):
    paths = []
    for day in range(1, 8):
        text = MEETING.replace("October 3, 2022", f"October {day}, 2022").replace(
            "Harbour Board", f"Harbour Board {day}"
        )
        paths.append(str(write_transcript(f"harbour-{day}.txt", text)))
    call_command("ingest_transcripts", *paths, stdout=io.StringIO())
    with django_assert_max_num_queries(4):
        _r, root = atom(client, "/feeds/meetings.atom")
    assert len(entries(root)) == 7


# ---------------------------------------------------------------------------- speaker feed


@pytest.mark.django_db
def test_speaker_feed_gives_the_remarks_with_permalinks(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # archive version, person, remarks
        _r, root = atom(client, "/feeds/speakers/helena-marsh.atom")
    assert root.findtext(f"{ATOM}title") == "Helena Marsh · Transcript Archive"
    assert link(root) == f"{BASE}/speakers/helena-marsh/"
    assert link(root, "self") == f"{BASE}/feeds/speakers/helena-marsh.atom"
    turns = list(
        Turn.objects.filter(speaker__slug="helena-marsh")
        .select_related("meeting")
        .order_by("-meeting__date", "position")
    )
    assert len(turns) == 5
    got = entries(root)
    assert [link(e) for e in got] == [f"{BASE}{t.get_absolute_url()}" for t in turns]
    assert [e.findtext(f"{ATOM}id") for e in got] == [
        f"tag:testserver,2026:meetings/{t.meeting.slug}/{t.key}" for t in turns
    ]
    assert len({e.findtext(f"{ATOM}id") for e in got}) == 5
    first = got[0]
    assert first.findtext(f"{ATOM}title") == "Helena Marsh — Meeting of the Harbour Board (3 October 2022)"
    assert first.find(f"{ATOM}content").get("type") == "html"
    assert first.findtext(f"{ATOM}content") == "<p>Good morning.</p>"
    assert [a.findtext(f"{ATOM}name") for a in first.findall(f"{ATOM}author")] == ["Helena Marsh"]
    assert first.findtext(f"{ATOM}published").startswith("2022-10-03")
    assert got[-1].findtext(f"{ATOM}title") == "Helena Marsh — Meeting on school meals (3 May 2021)"


@pytest.mark.django_db
def test_speaker_feed_escapes_the_text(client, archive):
    r, root = atom(client, "/feeds/speakers/ada-lindqvist.atom")
    (entry,) = entries(root)
    content = entry.findtext(f"{ATOM}content")
    assert "allergies &lt;script&gt;alert(1)&lt;/script&gt; and" in content
    assert "<script>" not in content
    assert b"<script>" not in r.content
    assert "not a verbatim quotation" in content  # a summary turn says so


@pytest.mark.django_db
def test_speaker_feed_unknown_and_moved(client, archive):
    assert client.get("/feeds/speakers/nobody.atom").status_code == 404
    ParticipantRedirect.objects.create(
        old_slug="h-marsh", participant=Participant.objects.get(slug="helena-marsh")
    )
    r = client.get("/feeds/speakers/h-marsh.atom")
    assert r.status_code == 301 and r["Location"] == "/feeds/speakers/helena-marsh.atom"


@pytest.mark.django_db
def test_speaker_feed_keeps_a_constant_number_of_queries(
    client, write_transcript, django_assert_max_num_queries
):
    paths = []
    for day in range(1, 8):
        text = MEETING.replace("October 3, 2022", f"October {day}, 2022").replace(
            "Harbour Board", f"Harbour Board {day}"
        )
        paths.append(str(write_transcript(f"harbour-{day}.txt", text)))
    call_command("ingest_transcripts", *paths, stdout=io.StringIO())
    with django_assert_max_num_queries(3):
        _r, root = atom(client, "/feeds/speakers/helena-marsh.atom")
    assert len(entries(root)) == 21


@pytest.mark.django_db
def test_speaker_feed_is_capped_at_fifty(client, write_transcript):
    lines = "\n\n".join(f"Helena Marsh: Point number {i}." for i in range(60))
    call_command(
        "ingest_transcripts",
        str(write_transcript("long.txt", MEETING + "\n" + lines + "\n")),
        stdout=io.StringIO(),
    )
    _r, root = atom(client, "/feeds/speakers/helena-marsh.atom")
    assert len(entries(root)) == 50


# ---------------------------------------------------------------------------- topic feed


@pytest.mark.django_db
def test_topic_feed_gives_the_remarks_on_the_topic(client, archive, django_assert_max_num_queries):
    topic = Topic.objects.filter(turn_topics__isnull=False).order_by("-remark_count", "slug").first()
    assert topic is not None, "the fixture should carry at least one topic"
    with django_assert_max_num_queries(3):  # archive version, topic, remarks
        r, root = atom(client, f"/feeds/topics/{topic.slug}.atom")
    assert root.findtext(f"{ATOM}title") == f"{topic.label} · Transcript Archive"
    assert link(root) == f"{BASE}{topic.get_absolute_url()}"
    assert link(root, "self") == f"{BASE}/feeds/topics/{topic.slug}.atom"
    turns = [tt.turn for tt in TurnTopic.objects.filter(topic=topic).select_related("turn__meeting")]
    assert sorted(link(e) for e in entries(root)) == sorted(f"{BASE}{t.get_absolute_url()}" for t in turns)
    assert len(entries(root)) == topic.remark_count
    for e in entries(root):
        assert e.findtext(f"{ATOM}id") == "tag:testserver,2026:" + link(e).removeprefix(BASE + "/").rstrip(
            "/"
        )
        assert " — " in e.findtext(f"{ATOM}title")
        assert e.findtext(f"{ATOM}content")
    assert b"<script>" not in r.content


@pytest.mark.django_db
def test_topic_feed_unknown(client, archive):
    assert client.get("/feeds/topics/no-such-topic.atom").status_code == 404


# ---------------------------------------------------------------------------- sitemap


@pytest.mark.django_db
def test_sitemap_index_lists_every_section(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):  # archive version, 4 counts, 2 latest ingests
        root, locs = sitemap_locs(client, "/sitemap.xml")
    assert root.tag == f"{SM}sitemapindex"
    assert locs == [f"{BASE}/sitemap-{s}.xml" for s in ("meetings", "speakers", "topics", "remarks")]
    lastmods = [e.findtext(f"{SM}lastmod") for e in root.iter(f"{SM}sitemap")]
    latest = max(m.ingested_at for m in archive).strftime("%Y-%m-%d")
    assert lastmods[0].startswith(latest) and lastmods[3].startswith(latest)


@pytest.mark.django_db
def test_sitemap_sections_list_the_pages(client, archive, django_assert_max_num_queries):
    root, locs = sitemap_locs(client, "/sitemap-meetings.xml")
    assert root.tag == f"{SM}urlset"
    assert sorted(locs) == sorted(f"{BASE}{m.get_absolute_url()}" for m in archive)
    lastmods = [e.findtext(f"{SM}lastmod") for e in root.iter(f"{SM}url")]
    assert all(lastmods)

    _, locs = sitemap_locs(client, "/sitemap-speakers.xml")
    assert sorted(locs) == sorted(f"{BASE}{p.get_absolute_url()}" for p in Participant.objects.all())
    assert f"{BASE}/speakers/tomas-reyes/" in locs

    _, locs = sitemap_locs(client, "/sitemap-topics.xml")
    assert sorted(locs) == sorted(f"{BASE}{t.get_absolute_url()}" for t in Topic.objects.listed())

    with django_assert_max_num_queries(3):  # archive version, count, page
        root, locs = sitemap_locs(client, "/sitemap-remarks.xml")
    turns = Turn.objects.select_related("meeting").order_by("meeting_id", "position")
    assert locs == [f"{BASE}{t.get_absolute_url()}" for t in turns]
    assert len(locs) == 9
    assert all(e.findtext(f"{SM}lastmod") for e in root.iter(f"{SM}url"))

    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-remarks.xml?p=2").status_code == 404
    assert client.get("/sitemap-remarks.xml?p=x").status_code == 404


@pytest.mark.django_db
def test_sitemap_and_topic_index_leave_out_topics_not_listed(client, archive):
    """Topics with too little evidence (not Topic.objects.listed()) are neither in the sitemap nor
    in the topic index; their pages still answer."""
    listed = list(Topic.objects.listed())
    assert len(listed) >= 2
    hidden = listed[0]
    Topic.objects.filter(pk=hidden.pk).update(is_featured=False)
    assert hidden not in Topic.objects.listed()
    from django.core.cache import cache

    cache.clear()
    _, locs = sitemap_locs(client, "/sitemap-topics.xml")
    assert f"{BASE}{hidden.get_absolute_url()}" not in locs
    assert sorted(locs) == sorted(f"{BASE}{t.get_absolute_url()}" for t in Topic.objects.listed())
    assert Topic.objects.exclude(pk__in=Topic.objects.listed()).count() > 0
    assert f'href="{hidden.get_absolute_url()}"' not in client.get("/topics/").content.decode()
    assert client.get(hidden.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_sitemap_remarks_are_paginated(client, archive, monkeypatch):
    from meetings.opendata import sitemaps

    monkeypatch.setattr(sitemaps.TurnSitemap, "limit", 4)
    _, locs = sitemap_locs(client, "/sitemap.xml")
    remarks = [
        f"{BASE}/sitemap-remarks.xml",
        f"{BASE}/sitemap-remarks.xml?p=2",
        f"{BASE}/sitemap-remarks.xml?p=3",
    ]
    assert [loc for loc in locs if "remarks" in loc] == remarks
    pages = [sitemap_locs(client, url.removeprefix(BASE))[1] for url in remarks]
    assert [len(p) for p in pages] == [4, 4, 1]
    turns = Turn.objects.select_related("meeting").order_by("meeting_id", "position")
    assert [loc for p in pages for loc in p] == [f"{BASE}{t.get_absolute_url()}" for t in turns]
    assert client.get("/sitemap-remarks.xml?p=4").status_code == 404
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as ctx:  # counted from the meetings, read from where page 3 starts
        assert sitemap_locs(client, "/sitemap-remarks.xml?p=3")[1] == pages[2]
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"] or "OFFSET 8" in q["sql"]]


@pytest.mark.django_db
def test_sitemap_of_an_empty_archive(client):
    _, locs = sitemap_locs(client, "/sitemap.xml")
    assert len(locs) == 4
    assert sitemap_locs(client, "/sitemap-remarks.xml")[1] == []


# ---------------------------------------------------------------------------- robots.txt


@pytest.mark.django_db
def test_robots_txt(client):
    r = client.get("/robots.txt")
    assert r.status_code == 200
    assert r["Content-Type"] == "text/plain; charset=utf-8"
    lines = r.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    # Nothing is blocked (an empty Disallow allows all): search pages say noindex themselves.
    assert [line for line in lines if line.startswith("Disallow:")] == ["Disallow:"]
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    # The sitemap's address is the archive's (SITE_URL), not the one the request came by.
    r = client.get("/robots.txt", headers={"host": "127.0.0.1"}, secure=True)
    assert f"Sitemap: {BASE}/sitemap.xml" in r.content.decode().splitlines()


@pytest.mark.django_db
def test_search_is_noindex_and_not_blocked_so_crawlers_see_it(client, archive):
    """A page blocked in robots.txt is never fetched, so its `noindex` is never read (and its bare
    URL may still be listed): search is open to crawlers and says noindex, nofollow itself."""
    from urllib.robotparser import RobotFileParser

    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    page = client.get("/search/?q=quay")
    api = client.get("/api/search/?q=quay")
    for url in ("/search/?q=quay", "/api/search/?q=quay", "/speakers/helena-marsh/"):
        assert robots.can_fetch("SomeBot", f"{BASE}{url}"), url
    assert '<meta name="robots" content="noindex, nofollow">' in page.content.decode()
    assert api.status_code == 200 and api["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get("/api/search/?q=").get("X-Robots-Tag") == "noindex, nofollow"
    assert "noindex" not in client.get("/speakers/helena-marsh/").content.decode()


@pytest.mark.django_db
def test_feeds_and_sitemaps_answer_only_safe_methods(client, archive):
    for url in (
        "/feeds/meetings.atom",
        "/feeds/speakers/helena-marsh.atom",
        "/sitemap.xml",
        "/sitemap-meetings.xml",
        "/robots.txt",
    ):
        assert client.head(url).status_code == 200, url
        assert client.post(url).status_code == 405, url


@pytest.mark.django_db
def test_a_search_has_a_feed_of_its_newest_matches(client, archive, django_assert_max_num_queries):
    """A reader follows a search (an alert for words, as TheyWorkForYou's): the newest remarks that
    match it, with the search page's filters; the page links it."""
    client.get("/feeds/meetings.atom")  # the archive version, read once per process
    # The words parsed, the matches, their remarks, their snippets, the recent part's bound.
    with django_assert_max_num_queries(5):
        _r, root = atom(client, "/feeds/search.atom?q=allergy+labels")
    assert root.findtext(f"{ATOM}title") == "“allergy labels” · Transcript Archive"
    assert link(root) == f"{BASE}/search/?q=allergy+labels&sort=date"
    assert link(root, "self") == f"{BASE}/feeds/search.atom?q=allergy+labels"
    got = entries(root)
    meals = list(Turn.objects.filter(meeting__slug="2021-05-03-meeting-on-school-meals").order_by("position"))
    assert [link(e) for e in got] == [
        f"{BASE}{t.get_absolute_url()}" for t in meals
    ]  # each names allergy labels
    assert "<mark>allergy</mark>" in got[0].findtext(f"{ATOM}summary")
    # Filters as on the page; each search its own feed id.
    _r, by_one = atom(client, "/feeds/search.atom?q=allergy+labels&speaker=helena-marsh")
    assert {link(e) for e in entries(by_one)} == {
        f"{BASE}{t.get_absolute_url()}" for t in meals if t.speaker and t.speaker.slug == "helena-marsh"
    }
    assert by_one.findtext(f"{ATOM}id") != root.findtext(f"{ATOM}id")
    # A followed search says what it is narrowed to: two with other filters read apart in a
    # reader's list of feeds (regression: both were titled with the words alone).
    assert by_one.findtext(f"{ATOM}title") == "“allergy labels” (by Helena Marsh) · Transcript Archive"
    topic = Topic.objects.order_by("-remark_count").first()
    _r, on_topic = atom(client, f"/feeds/search.atom?q=allergy+labels&topic={topic.slug}")
    assert f"(on the topic \u201c{topic.label}\u201d)" in on_topic.findtext(
        f"{ATOM}title"
    )  # its label, not its slug
    _r, dated = atom(
        client, "/feeds/search.atom?q=allergy+labels&year=2021&date_from=2021-03-01&kind=summary"
    )
    assert dated.findtext(f"{ATOM}title") == (
        "“allergy labels” (in 2021, from 1 March 2021, summary of what was said only) · Transcript Archive"
    )
    _r, none = atom(client, "/feeds/search.atom?q=lighthouse")
    assert entries(none) == []
    for bad in ("", "?q=", "?q=the+of"):
        assert client.get("/feeds/search.atom" + bad).status_code == 404, bad
    page = client.get("/search/?q=allergy+labels&speaker=helena-marsh").content.decode()
    assert (
        'type="application/atom+xml" href="/feeds/search.atom?q=allergy+labels&amp;speaker=helena-marsh"'
        in page
    )
