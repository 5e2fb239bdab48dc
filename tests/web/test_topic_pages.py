"""Topic figures on the pages: each is a count of what its link opens; the topic page says what it
lists and links the search for every mention; remarks per year as an inline SVG chart."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from meetings.core.generator import generate
from meetings.models import ParticipantTopic, Topic, TopicSpeaker, TurnTopic
from tests.helpers import ingest

STATUS = re.compile(r'<p class="count" role="status">(\d+) remarks?')


@pytest.fixture
def generated(tmp_path, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    ingest(generate(tmp_path / "g", meetings=14, seed=3)[0].parent)


def page(client, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, url
    return r.content.decode()


def count(client, url: str) -> int:
    return int(STATUS.search(page(client, url)).group(1))


def biggest() -> Topic:
    return Topic.objects.order_by("-remark_count", "slug").first()


@pytest.mark.django_db
def test_topic_page_says_what_it_lists_and_links_every_mention(client, generated):
    topic = biggest()
    text = html.unescape(page(client, topic.get_absolute_url()))
    meetings = TurnTopic.objects.filter(topic=topic).values("meeting_id").distinct().count()
    # The people named, and the remarks nobody is named for ("Question:"): together, the list.
    unnamed = TurnTopic.objects.filter(topic=topic, turn__speaker__isnull=True).count()
    named = (
        TurnTopic.objects.filter(topic=topic, turn__speaker__isnull=False).values("turn__speaker").distinct()
    )
    assert named.count() == topic.people_count
    who = f"{topic.people_count} people" + (
        f" and {unnamed} remark{'s' if unnamed > 1 else ''} by "
        + ("an unnamed speaker" if unnamed == 1 else "unnamed speakers")
        if unnamed
        else ""
    )
    assert (
        f"This page lists the {topic.remark_count} remarks ({meetings} meetings, {who}) "
        f"of which “{topic.label}” is a topic (one of the remark’s main subjects; a subject it comes back to, "
        "naming it three times or more; or a subject of its speaker’s or of its meeting’s that it names), not every "
        "remark that uses the "
        "words" in text
    )
    assert count(client, topic.get_absolute_url()) == topic.remark_count
    search = re.search(r'<a href="(/search/\?q=[^"]+)">search for every mention of', text).group(1)
    assert search == "/search/?q=%22" + topic.label.replace(" ", "+") + "%22"
    assert "<mark>" in page(client, search)
    # The remarks that raised it, one in each of its meetings: the link names the remarks it lists
    # (it had said "raised in N meetings", the meeting count above said again).
    assert (
        f"In each meeting one remark raised it, the first to carry it: "
        f'<a href="?raised=true">list those {topic.raised_count} remarks</a>' in text
    )
    assert "raised — brought up first in its meeting — in" not in text
    assert count(client, topic.get_absolute_url() + "?raised=true") == topic.raised_count


@pytest.mark.django_db
def test_who_spoke_on_it_counts_what_each_speaker_filter_lists(client, generated):
    # A topic carried by someone who never raised it (someone else brought it up first): once left
    # out of "Who raised it", now listed with their remarks.
    quiet = (
        TopicSpeaker.objects.filter(raised=0).select_related("topic", "participant").order_by("id").first()
    )
    assert quiet is not None
    topic = quiet.topic
    text = page(client, topic.get_absolute_url())
    section = text.split('id="speakers-h"')[1].split("</section>")[0]
    items = re.findall(
        r'<a href="\?speaker=([^"]+)">[^<]*</a> <span class="meta">· <span data-count="(\d+)">', section
    )
    assert quiet.participant.slug in [slug for slug, _ in items] or topic.people_count > 20
    for slug, n in items:
        assert int(n) == count(client, f"{topic.get_absolute_url()}?speaker={slug}")
        assert int(n) == TurnTopic.objects.filter(topic=topic, speaker__slug=slug).count()
    assert [int(n) for _, n in items] == sorted((int(n) for _, n in items), reverse=True)


@pytest.mark.django_db
def test_remarks_per_year_chart_links_each_year(client, generated):
    topic = biggest()
    url = topic.get_absolute_url()
    text = page(client, url)
    figure = text.split('<figure class="topic-years"')[1].split("</figure>")[0]
    assert "<script" not in figure and "<svg" in figure and 'role="group"' in figure
    per_year = Counter(TurnTopic.objects.filter(topic=topic).values_list("date__year", flat=True))
    bars = {
        int(y): int(n)
        for y, n in re.findall(r'<a href="\?year=(\d+)" aria-label="\1: (\d+) remarks?">', figure)
    }
    assert bars == dict(per_year) and len(bars) > 1
    titles = dict(re.findall(r"<title>(\d+): (\d+) remarks?</title>", figure))
    assert {int(y): int(n) for y, n in titles.items()} == bars
    # every year from the first to the last is a slot; a year without remarks has no link
    assert f">{max(bars)}</text>" in figure
    for year, n in bars.items():
        assert count(client, f"{url}?year={year}") == n
    # the text alternative: a table of the same figures, each a link
    rows = re.findall(r'<tr><th scope="row">(\d+)</th><td><a href="\?year=\1">(\d+)</a></td><td>', figure)
    assert {int(y): int(n) for y, n in rows} == bars
    meetings = TurnTopic.objects.filter(topic=topic).values("meeting_id").distinct().count()
    assert f"({meetings} meetings," in text


@pytest.mark.django_db
def test_remarks_per_year_table_shows_every_year_and_the_archives_meetings_then(client, generated):
    """A year of the span without remarks was left out of the table, and nothing said how many
    meetings the archive holds of each year: a thin year of the archive read as a year the topic
    was not spoken of. Each row now gives the year's remarks (0 as a 0, not a link) and the
    archive's meetings of that year (a link to them)."""
    from meetings.models import Meeting

    held = Counter(Meeting.objects.values_list("date__year", flat=True))
    for topic in Topic.objects.order_by("-remark_count")[:40]:
        per_year = Counter(TurnTopic.objects.filter(topic=topic).values_list("date__year", flat=True))
        if len(per_year) > 1 and max(per_year) - min(per_year) + 1 > len(per_year):
            break
    else:
        pytest.skip("no topic of the generated archive skips a year")
    text = page(client, topic.get_absolute_url())
    table = text.split('<table class="year-table">')[1].split("</table>")[0]
    assert "Meetings in the archive" in table
    rows = re.findall(r'<tr><th scope="row">(\d+)</th><td>(.*?)</td><td>(.*?)</td></tr>', table)
    assert [int(y) for y, _, _ in rows] == list(range(min(per_year), max(per_year) + 1))
    for year, remarks, meetings in rows:
        n = per_year.get(int(year), 0)
        assert remarks == (f'<a href="?year={year}">{n}</a>' if n else "0"), year
        if held[int(year)]:
            assert re.fullmatch(rf'<a href="/meetings/\?year={year}">{held[int(year)]}</a>', meetings), year
        else:
            assert meetings == "0", year


def test_thin_years_are_the_archives_years_of_few_meetings():
    from meetings.web.charts import thin_years

    held = {2010: 11, 2011: 1, 2012: 3, 2013: 30, 2014: 5, 2015: 1, 2016: 90, 2017: 189, 2018: 160}
    # (fewer than a fifth of the median year's 11 meetings)
    assert thin_years(held, 2013, 2017) == [(2015, 1)]
    assert thin_years(held, 2016, 2018) == []
    assert thin_years({2019: 2, 2020: 3}, 2019, 2020) == []  # an archive of few meetings is no thinner
    assert thin_years(held, 2008, 2011) == [(2008, 0), (2009, 0), (2011, 1)]


@pytest.mark.django_db
def test_topic_page_keeps_its_etag(client, tmp_path):
    ingest(generate(tmp_path / "e", meetings=4, seed=3)[0].parent)
    url = biggest().get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200 and first.headers.get("ETag")
    again = client.get(url, HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert again.status_code == 304


@pytest.mark.django_db
def test_profile_topic_figures_are_what_the_topic_link_lists(client, generated):
    people = {pt.participant for pt in ParticipantTopic.objects.select_related("participant")}
    checked = 0
    for person in sorted(people, key=lambda p: p.slug)[:8]:
        text = page(client, person.get_absolute_url())
        items = re.findall(
            r'<a rel="tag" href="(/topics/[^"/]+/)\?speaker='
            + re.escape(person.slug)
            + r'">.*?data-count="(\d+)"',
            text,
        )
        for path, n in items:
            assert int(n) == count(client, f"{path}?speaker={person.slug}") > 0
            checked += 1
    assert checked


@pytest.mark.django_db
def test_profile_names_topics_no_remark_of_theirs_carries_with_a_search(client, generated):
    """A phrase someone uses often but never as a remark's main topic has no remarks on the topic
    page: no figure and no topic link, but a search of their remarks for the words."""
    pt = (
        ParticipantTopic.objects.select_related("participant", "topic")
        .order_by("participant_id", "rank")
        .first()
    )
    person, topic = pt.participant, pt.topic
    TopicSpeaker.objects.filter(topic=topic, participant=person).delete()
    text = page(client, person.get_absolute_url())
    assert f'href="{topic.get_absolute_url()}?speaker={person.slug}"' not in text
    also = text.split('class="meta also-topics"')[1].split("</p>")[0]
    assert (
        f'href="/search/?q=%22{topic.label.replace(" ", "%20")}%22&amp;speaker={person.slug}">{topic.label}</a>'
        in also
    )


PROFILE_ITEM = re.compile(
    r'<li><a href="/speakers/([^"/]+)/">[^<]*</a> <span class="meta">· their (\d+)\w\w topic · '
    r'<a href="\?speaker=\1">(\d+) remarks?</a>'
)


@pytest.mark.django_db
def test_on_whose_profiles_names_every_profile_that_shows_the_topic(client, generated):
    """A topic page's "On whose profiles" names everyone whose profile shows the topic, those who
    came back to it in two or more remarks first (as many as the index's figure, which orders
    it), each with the remarks its speaker filter lists. It named only those: a profile showing a
    topic of one remark was missing from the topic's page ("a topic of 1 person" beside a second
    profile that shows it)."""
    from meetings.derived.topic_index import PROFILE_REMARKS
    from meetings.web.views import PROFILES_SHOWN

    index = page(client, "/topics/")
    entries = re.findall(
        r'<li><a rel="tag" href="(/topics/[^"/]+/)">[^<]*</a> <span class="meta">'
        r'(?:— <a href="\1#profiles-h">(\d+) (?:person|people) came back to it</a> · )?raised in',
        index,
    )
    assert entries and any(n for _, n in entries)
    # Most people came back to it first.
    counts = [int(n or 0) for _, n in entries]
    assert counts == sorted(counts, reverse=True)
    checked = once = 0
    for topic in Topic.objects.filter(remark_count__gt=0):
        showing = {
            ts.participant.slug: ts.remarks
            for ts in TopicSpeaker.objects.filter(
                topic=topic,
                remarks__gte=1,
                participant__in=ParticipantTopic.objects.filter(topic=topic).values("participant"),
            ).select_related("participant")
        }
        text = page(client, topic.get_absolute_url())
        if not showing:
            assert 'id="profiles-h"' not in text, topic.key
            continue
        section = text.split('id="profiles-h"')[1].split("</section>")[0]
        items = PROFILE_ITEM.findall(section)
        assert len(items) == min(len(showing), PROFILES_SHOWN), topic.key
        came_back = sum(n >= PROFILE_REMARKS for n in showing.values())
        assert came_back == topic.profile_count, topic.key
        people = "person" if len(showing) == 1 else "people"
        assert f"On the profiles of {len(showing)} {people}; {came_back} came back to it" in section, (
            topic.key
        )
        remarks = [int(n) for _, _, n in items]
        assert [n >= PROFILE_REMARKS for n in remarks] == sorted(
            (n >= PROFILE_REMARKS for n in remarks), reverse=True
        )
        for slug, rank, n in items:
            assert showing[slug] == int(n), (topic.key, slug)
            assert ParticipantTopic.objects.get(topic=topic, participant__slug=slug).rank == int(rank)
            if checked < 12:
                assert int(n) == count(client, f"{topic.get_absolute_url()}?speaker={slug}")
                profile = page(client, f"/speakers/{slug}/")
                assert re.search(
                    re.escape(f'href="{topic.get_absolute_url()}?speaker={slug}"')
                    + r'.*?data-count="'
                    + n
                    + '"',
                    profile,
                )
            checked += 1
            once += int(n) < PROFILE_REMARKS
    assert checked and once  # profiles of one remark are named too
    for path, n in entries:
        if n:
            assert int(n) == Topic.objects.get(slug=path.strip("/").split("/")[-1]).profile_count


@pytest.mark.django_db
def test_on_whose_profiles_names_the_highest_ranked_when_many_list_it(client, generated, monkeypatch):
    from meetings.web import views

    topic = Topic.objects.order_by("-profile_count", "slug").first()
    assert topic.profile_count >= 2
    monkeypatch.setattr(views, "PROFILES_SHOWN", 1)
    section = page(client, topic.get_absolute_url()).split('id="profiles-h"')[1].split("</section>")[0]
    assert "; the 1 who rank it highest:" in section
    assert section.count('<li><a href="/speakers/') == 1


@pytest.mark.django_db
def test_the_api_names_a_topics_profiles_as_its_page_does(client, generated):
    topic = Topic.objects.order_by("-profile_count", "slug").first()
    assert topic.profile_count > 0
    t = client.get(f"/api/topics/{topic.slug}/").json()
    assert t["profile_count"] == topic.profile_count and t["on_profiles"]
    section = page(client, topic.get_absolute_url()).split('id="profiles-h"')[1].split("</section>")[0]
    shown = re.findall(
        r'<li><a href="/speakers/([^"/]+)/">[^<]*</a> <span class="meta">· their (\d+)\w\w topic · '
        r'<a href="\?speaker=\1">(\d+) remarks?</a>',
        section,
    )
    assert [(p["slug"], p["rank"], p["remark_count"]) for p in t["on_profiles"]] == [
        (slug, int(rank), int(n)) for slug, rank, n in shown
    ]
    assert all(p["url"] == f"http://testserver/speakers/{p['slug']}/" for p in t["on_profiles"])


@pytest.mark.django_db
def test_an_address_no_topic_holds_offers_the_search_for_its_words(client):
    # A topic a rebuild no longer lists (too little evidence, or no subject after a rule change)
    # leaves old links: the page says so (404) and links the search for the address's words.
    r = client.get("/topics/warm-welcome/")
    assert r.status_code == 404
    body = r.content.decode()
    assert "No topic at this address" in body
    assert 'href="/search/?q=warm+welcome"' in body
    # An address that reads as no words gets no search link.
    r = client.get("/topics/---/")
    assert r.status_code == 404 and "/search/?q=" not in r.content.decode()


@pytest.mark.django_db
def test_a_meetings_raised_by_links_the_remark_that_raised_it(client, generated):
    """A meeting's "raised by X (remark)" opens X's remark: the first of the meeting's remarks that
    the topic page lists, the one it marks "raised it" (it had opened the remark that carried the
    topic best, often another speaker's)."""
    from meetings.models import MeetingTopic

    rows = MeetingTopic.objects.exclude(raised_by=None).select_related("meeting", "topic", "raised_by")
    assert rows.count() > 20
    checked = 0
    for mt in rows:
        raising = TurnTopic.objects.filter(meeting_id=mt.meeting_id, topic=mt.topic).order_by("position")
        first = raising.select_related("turn").first()
        assert first.raised and not raising.filter(raised=True).exclude(id=first.id).exists()
        assert first.turn.speaker_id == mt.raised_by_id
        text = page(client, mt.meeting.get_absolute_url())
        line = re.search(
            rf'href="{re.escape(mt.topic.get_absolute_url())}">[^<]*</a> <span class="meta">(.*?)</span></li>',
            text,
        )
        assert line, (mt.meeting.slug, mt.topic.slug)
        assert (
            html.unescape(line.group(1))
            == f'raised by {mt.raised_by.name} (<a href="#{first.turn.key}">remark</a>)'
        )
        checked += 1
    assert checked == rows.count()


@pytest.mark.django_db
def test_the_index_says_what_it_lists_and_a_topic_it_leaves_out_says_so(client, generated):
    """Regression: a profile linked topics the index did not list, and neither page said why."""
    from meetings.derived.topic_index import MEETING_LIST_FIRST, MIN_MEETINGS, MIN_REMARKS

    rule = (
        f"shown on a profile or among the first {MEETING_LIST_FIRST} topics of a meeting, "
        f"raised in {MIN_MEETINGS} meetings or more and carried by {MIN_REMARKS} remarks or more"
    )
    assert rule in html.unescape(page(client, "/topics/"))
    listed, left_out = (
        Topic.objects.filter(is_featured=True).first(),
        Topic.objects.filter(is_featured=False).first(),
    )
    assert listed is not None and left_out is not None
    assert "not in the" not in html.unescape(page(client, listed.get_absolute_url()))
    text = html.unescape(page(client, left_out.get_absolute_url()))
    assert (
        f'It is not in the <a href="/topics/">topics index</a>, which lists only the topics {rule}.' in text
    )


@pytest.mark.django_db
def test_topic_page_points_to_the_topics_of_the_index_sharing_its_words(client):
    """One subject written two ways ("harbour economy", "port economy") is two topics; each page
    names the other, and a broad topic's page its narrower ones. Only topics of the index (a topic
    without evidence enough is no link), never the page's own topic, none sharing only a plain
    word ("level")."""
    base = {"people_count": 1, "raised_count": 2}
    rows = [
        ("harbour economy", "harbour economy", 12, True),
        ("port economy", "port economy", 7, True),
        ("economy", "economy", 40, True),
        ("harbour crane", "harbour cranes", 5, True),
        ("harbour level", "harbour level", 30, False),
        ("level of the economy", "level of the economy", 3, True),
        ("level", "level", 50, True),
    ]
    for key, label, n, featured in rows:
        Topic.objects.create(
            key=key, label=label, slug=label.replace(" ", "-"), remark_count=n, is_featured=featured, **base
        )
    text = page(client, "/topics/harbour-economy/")
    section = re.search(r'id="sharing-h".*?</section>', text, re.S).group(0)
    names = re.findall(r'<a href="/topics/([^/]+)/">', section)
    assert names == ["economy", "port-economy", "level-of-the-economy", "harbour-cranes"]
    assert "1 remark" not in section and "40 remarks" in section
    # The API's topic says the same, in the same order.
    api = client.get("/api/topics/harbour-economy/").json()
    assert [t["slug"] for t in api["sharing_words"]] == names
    assert api["sharing_words"][0]["remark_count"] == 40
    # A topic whose words are all plain has no such section.
    assert 'id="sharing-h"' not in page(client, "/topics/level/")


def _index_slugs(client, query: str) -> list[str]:
    """The topics the topics page lists for `query`, every page of it, in order."""
    slugs, number = [], 1
    while True:
        r = client.get(f"/topics/?{query}&page={number}")
        if r.status_code == 404:
            return slugs
        listed = re.findall(r'<li><a rel="tag" href="/topics/([^/"]+)/"', r.content.decode())
        if not listed:
            return slugs
        slugs += listed
        number += 1


def _api_slugs(client, query: str) -> list[str]:
    slugs, url = [], f"/api/topics/?{query}&page_size=100"
    while url:
        data = client.get(url).json()
        slugs += [t["slug"] for t in data["results"]]
        url = data["next"]
    return slugs


@pytest.mark.django_db
def test_the_topic_index_finds_a_topic_by_its_words_as_the_api_does(client, generated):
    """A reader who looks for a topic types a word of it: the index lists the topics whose label or
    another form of it holds a word starting so (every word given), or whose label starts with a
    letter, in the order asked; the API lists the same, in the same order."""
    listed = list(Topic.objects.listed())
    assert len(listed) > 10
    words = Counter(w for t in listed for w in re.findall(r"\w+", t.label.lower()) if len(w) > 3)
    word = next(w for w, n in words.most_common() if 1 < n < len(listed))
    stem = word[:4]

    def holds(topic, *ws):
        text = " ".join([topic.label, *topic.form_labels]).lower()
        return all(re.search(r"\b" + re.escape(w), text) for w in ws)

    for query, expected in [
        (f"q={stem}", [t.slug for t in listed if holds(t, stem)]),
        (
            f"q={stem.upper()}&sort=az",
            sorted((t for t in listed if holds(t, stem)), key=lambda t: t.label.lower()),
        ),
        (f"letter={stem[0]}&sort=raised", None),
    ]:
        if expected is not None and expected and not isinstance(expected[0], str):
            expected = [t.slug for t in expected]
        shown = _index_slugs(client, query)
        assert shown == _api_slugs(client, query), query
        if expected is not None:
            assert set(shown) == set(expected) and shown, query
            if "sort=az" in query:
                assert shown == expected
    by_letter = _index_slugs(client, f"letter={stem[0]}&sort=raised")
    assert by_letter == [t.slug for t in Topic.objects.listed("raised") if t.label[:1].lower() == stem[0]]
    html_page = page(client, f"/topics/?q={stem}")
    assert f'value="{stem}"' in html_page  # the words stay in the box
    assert "/search/?q=" in html_page  # and the search for them is a click away
    nothing = page(client, "/topics/?q=zzzzqx")
    assert "No topic" in nothing and 'rel="tag"' not in nothing
    # A value the list cannot read: the page shows its default, the API says why.
    assert _index_slugs(client, "sort=sideways") == [t.slug for t in listed]
    assert client.get("/api/topics/?sort=sideways").status_code == 400
    assert client.get("/api/topics/?letter=ab").status_code == 400
    assert client.get("/api/topics/?colour=red").status_code == 400
