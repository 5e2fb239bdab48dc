"""The search page's figures and links, as a reader follows them: a facet or "N more in this
meeting" opens as many remarks as it says, with the other filters kept."""

from __future__ import annotations

import html as html_lib
import io
import re

import pytest
from django.core.management import call_command

from tests.helpers import ingest_namesakes, search_count_line

# Invented meetings: two years, two people who both speak of the lighthouse.
LIGHTHOUSE_2021 = """Meeting on the lighthouse

April 12, 2021, Larkspur

The Board discussed the lighthouse.

Chair of the Harbour Board Helena Marsh: The lighthouse lamp failed twice this winter.

Port Director Tomas Reyes: The lighthouse keeper asked for a new generator.

Helena Marsh: Then the lighthouse gets a generator before the autumn.
"""

LIGHTHOUSE_2022 = """Second meeting on the lighthouse

June 8, 2022, Larkspur

The Board returned to the lighthouse.

Chair of the Harbour Board Helena Marsh: The lighthouse generator arrived in May.

Port Director Tomas Reyes: The lighthouse lamp works again, and the keeper is content.
"""


@pytest.fixture
def lighthouse(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("lighthouse-2021.txt", LIGHTHOUSE_2021)),
        str(write_transcript("lighthouse-2022.txt", LIGHTHOUSE_2022)),
        stdout=io.StringIO(),
    )


def page(client, query: str = "", **params) -> str:
    r = client.get("/search/" + query, params)
    assert r.status_code == 200
    return r.content.decode().replace("<mark>", "").replace("</mark>", "")


def remarks_counted(html: str) -> int:
    m = re.match(r"(\d+) remarks?", search_count_line(html))
    assert m, search_count_line(html)
    return int(m.group(1))


def facet_links(html: str) -> list[tuple[str, int]]:
    """(query string, figure) of each facet link."""
    aside = html.split('class="facets"')[1].split("</aside>")[0]
    return [
        (html_lib.unescape(href), int(n))
        for href, n in re.findall(r'<a href="(\?[^"]+)">[^<]*</a> <span class="meta">(\d+)</span>', aside)
    ]


@pytest.mark.django_db
def test_a_facets_figure_is_what_its_link_opens_with_the_other_filters_kept(client, lighthouse):
    """Regression: the facets' links were built from the words alone (`?q=…&year=…`), so under a
    search narrowed to a speaker the year facet "2021 · 2" opened every speaker's remarks of 2021
    (3), and under a date range a speaker facet opened all years."""
    for params in (
        {"q": "lighthouse", "speaker": "helena-marsh"},
        {"q": "lighthouse", "date_from": "2022-01-01"},
        {"q": "lighthouse", "speaker": "Tomas Reyes", "kind": "speech"},
    ):
        html = page(client, **params)
        links = facet_links(html)
        assert links, params
        for query, figure in links:
            opened = page(client, query)
            assert remarks_counted(opened) == figure, (params, query)
            for name in params:  # every other filter is kept; a speaker facet changes the speaker
                assert f"{name}=" in query, (params, query)
        year_links = [q for q, _ in links if "year=" in q]
        if "speaker" in params:
            assert all("speaker=" in q for q in year_links), year_links


@pytest.mark.django_db
def test_more_in_this_meeting_opens_as_many_remarks_with_the_filters_kept(client, lighthouse):
    """Regression: "1 more in this meeting" under a search narrowed to Helena Marsh opened the
    meeting's 3 remarks of everyone (`?q=…&meeting=…`)."""
    html = page(client, q="lighthouse", speaker="helena-marsh")
    more = re.findall(r'<a href="(\?[^"]+)">(\d+) more in this meeting</a>', html)
    assert more
    for href, n in more:
        query = html_lib.unescape(href)
        assert "speaker=helena-marsh" in query and "meeting=" in query
        assert remarks_counted(page(client, query)) == int(n) + 1


# Invented remarks whose words ts_headline cuts into two passages that touch or nearly do (the
# first ends on "Helena", the second starts at "Marsh"; or between them stand only "of the", or
# only a comma), as the filler before the name is longer or shorter.
FILLER = (
    "today we are holding a small ceremony to award the silver anchor of the harbour guild to an "
    "old and great friend of the fishing people who has worked for the quays and the ferries and "
    "the lighthouse keepers"
).split()


def award(words: int) -> str:
    return f"""Ceremony of the Harbour Guild

May 5, 2023, Larkspur

The Guild awarded the Silver Anchor.

Master of the Harbour Guild Oskar Pemberton: Chair Marsh, dear colleagues,

{" ".join(FILLER[:words])}, Chair of the Board Helena Marsh.

The anchor is the highest decoration of the guild, given for work on the harbour, its repairs and its growth over many years and in many ways that we all remember well. The award to Chair Marsh is the first of its kind.
"""


@pytest.mark.django_db
@pytest.mark.parametrize("words", range(24, 38))
def test_a_snippet_shows_no_omission_mark_where_the_text_has_none(client, write_transcript, words):
    """Regression: where ts_headline's two passages of a remark touched (the first ending on
    "Helena", the second starting at "Marsh"), the snippet read "Helena … Marsh", an omission
    mark between two words that stand together in the remark; where a comma or two small words
    stood between them, "quays … Chair" or "Chair … Board"."""
    text = award(words)
    call_command("ingest_transcripts", str(write_transcript("award.txt", text)), stdout=io.StringIO())
    html = page(client, q="Marsh")
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S).group(1)
    if "Helena" in snippet:  # the passage of the name is shown (else two others are)
        assert "Chair of the Board Helena Marsh" in snippet, snippet
    # every run of words between omission marks stands so in the remark, and each mark stands for
    # words left out
    remark = " ".join(text.split("Oskar Pemberton:")[1].split())
    end = 0
    for n, run in enumerate(" ".join(part.split()) for part in snippet.split("…")):
        if not run:
            continue
        at = remark.find(run, end)
        assert at >= 0, run
        if n:
            assert re.search(r"\w", remark[end:at]), (remark[end:at], snippet)
        end = at + len(run)


ZELVAN = """Meeting on the Zelvan Republic

March 2, 2022, Town Hall, Larkspur

The Mayor discussed relations with the Zelvan Republic and the ferry timetable.

Mayor of Larkspur Helena Marsh: Good morning. The Zelvan Republic wants a new ferry timetable, and the ferry timetable for the Zelvan Republic needs a late boat.

Port Director Tomas Reyes: The Zelvan Republic pays for the quay walls. The ferry timetable depends on the quay walls and on the Zelvan Republic.

Council member Ada Lindqvist: The Zelvan Republic and its ferry timetable are the oil of our economy; oil prices rise in the Zelvan Republic.

Helena Marsh: Thank you. The Zelvan Republic is our neighbour, and the ferry timetable stays.
"""


@pytest.fixture
def zelvan(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("zelvan.txt", ZELVAN)), stdout=io.StringIO())


def ignored_notice(html: str) -> str:
    m = re.search(r'<p class="error" role="alert">(.*?)</p>', html, re.S)
    return html_lib.unescape(m.group(1)) if m else ""


@pytest.mark.django_db
def test_the_topic_filter_takes_the_topics_label_in_any_case_and_says_when_none_matches(client, zelvan):
    """Regression: the topic filter took only the slug: "Zelvan Republic", as every page writes the
    topic, found nothing in search, the meetings list and the API, and said nothing of it."""
    by_slug = search_count_line(page(client, q="oil", topic="zelvan-republic"))
    assert by_slug.startswith("1 remark") and "Zelvan Republic" in by_slug  # the count line names it
    for typed in (
        "Zelvan Republic",
        "zelvan republic",
        "ZELVAN REPUBLIC",
        " Zelvan  Republic ",
        "Zelvan-Republic",
    ):
        html = page(client, q="oil", topic=typed)
        assert search_count_line(html) == by_slug, typed
        assert not ignored_notice(html), typed
        meetings = client.get("/meetings/", {"topic": typed}).content.decode()
        assert "1 meeting matches these filters" in meetings, typed
        assert client.get("/api/turns/", {"topic": typed}).json()["count"] == 4, typed
        assert client.get("/api/meetings/", {"topic": typed}).json()["count"] == 1, typed
    # a topic no topic is: said, as the other ignored filters are, on every list
    html = page(client, q="oil", topic="Zelvan Empire")
    assert "topic" in ignored_notice(html) and "Zelvan Empire" in ignored_notice(html)
    meetings = client.get("/meetings/", {"topic": "Zelvan Empire"}).content.decode()
    assert "Zelvan Empire" in ignored_notice(meetings)
    r = client.get("/api/turns/", {"topic": "Zelvan Empire"})
    assert r.status_code == 400 and "topic" in r.json()


@pytest.fixture
def namesakes(write_transcript):
    """Two people called Pavel Drozd, an editor's split: a welder at the shipyard and a caller."""
    ingest_namesakes(
        write_transcript,
        "The ferry brings the steel, and we weld the hulls here.",
        "When will the ferry run again?",
        mayor_words="Good afternoon. Does the ferry bring your steel?",
    )


YARD, CALL = "first at Visit to the Larkspur shipyard", "first at Phone-in with the Mayor"


def text_of(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.django_db
def test_a_name_two_people_bear_takes_both_and_the_page_tells_them_apart(client, namesakes):
    """Regression: the speaker filter "Pavel Drozd" took the first of the two people of that name
    only (the caller's remark was not found, "0 remarks … by Pavel Drozd"), in search and the
    API alike, while the meetings list took both; and the search's person links and facets
    showed two identical "Pavel Drozd" with nothing to tell them apart."""
    for typed in ("Pavel Drozd", "pavel drozd", "Drozd"):
        line = text_of(search_count_line(page(client, q="ferry", speaker=typed)))
        assert line.startswith("2 remarks in 2 meetings"), (typed, line)
        assert YARD in line and CALL in line, line  # "by Pavel Drozd (…) or Pavel Drozd (…)"
        assert client.get("/api/turns/", {"speaker": typed}).json()["count"] == 2, typed
        assert client.get("/api/search/", {"q": "ferry", "speaker": typed}).json()["count"] == 2, typed
    # one of them, by slug: only his, and the box keeps what tells him apart (re-submitting the
    # form with other words keeps him, not both or the other)
    html = page(client, q="ferry", speaker="pavel-drozd-caller")
    assert search_count_line(html).startswith("1 remark")
    box = re.search(r'<input id="s-speaker"[^>]*>', html).group(0)
    assert 'value="pavel-drozd-caller"' in box
    # the person links of a search for the name, and the facets, tell them apart
    html = page(client, q="Pavel Drozd")
    hits = [text_of(h) for h in re.findall(r'<p class="profile-hit">(.*?)</p>', html, re.S)]
    assert len(hits) == 2 and any(YARD in h for h in hits) and any(CALL in h for h in hits), hits
    facets = text_of(page(client, q="ferry").split('class="facets"')[1].split("</aside>")[0])
    assert YARD in facets and CALL in facets, facets
    assert "Helena Marsh first at" not in facets  # no namesake: as before


@pytest.mark.django_db
def test_the_search_page_says_which_filters_it_did_not_understand(client, lighthouse):
    """A reader found year=abc, kind=bogus, or a date range that ends before it starts ignored in
    silence on the search page (every remark listed as if filtered), where the other lists say so:
    the page says so too, and lists what the filters it understood match."""
    for params, field in (
        ({"year": "abc"}, "year"),
        ({"kind": "bogus"}, "kind"),
        ({"date_from": "2022-01-01", "date_to": "2021-01-01"}, "date_to"),
        ({"date_from": "03/10/2022"}, "date_from"),
    ):
        html = page(client, q="lighthouse", **params)
        notice = ignored_notice(html)
        assert notice.startswith("Some filters were not understood and were ignored: " + field), (
            params,
            notice,
        )
        understood = {k: v for k, v in params.items() if k == "date_from" and field == "date_to"}
        assert remarks_counted(html) == remarks_counted(page(client, q="lighthouse", **understood))
    assert not ignored_notice(page(client, q="lighthouse", year="2022"))
    # said without words too (the form alone)
    assert ignored_notice(page(client, year="abc"))


def harbour_meeting(day: int) -> str:
    return f"""Meeting on the breakwater, part {day}

March {day}, 2022, Larkspur

The Board met on the breakwater.

Chair of the Harbour Board Helena Marsh: Good morning. The breakwater needs attention.
"""


@pytest.mark.django_db
def test_meetings_whose_title_matches_say_how_many_and_link_to_all_of_them(client, write_transcript):
    """Regression: "Meetings whose title, lead or a heading matches" listed at most 3, with no
    count and no way to the rest, a list that looked complete."""
    paths = [str(write_transcript(f"b{d}.txt", harbour_meeting(d))) for d in range(1, 6)]
    call_command("ingest_transcripts", *paths, stdout=io.StringIO())
    html = page(client, q="breakwater")
    section = html.split('id="m-hits-h"')[1].split("</section>")[0]
    assert section.count("<li>") == 3
    assert "3 of 5" in text_of(section)
    href = html_lib.unescape(re.search(r'<a href="(/meetings/\?[^"]+)">', section).group(1))
    listed = client.get(href).content.decode()
    assert "5 meetings match these filters" in listed
    # narrowed by dates, the count and the link are of those dates
    html = page(client, q="breakwater", date_from="2022-03-03")
    section = html.split('id="m-hits-h"')[1].split("</section>")[0]
    assert "3 of 3" not in text_of(section) and section.count("<li>") == 3
    assert "/meetings/?" not in section  # all shown: no link to more
    html = page(client, q="breakwater", date_from="2022-03-02")
    section = html.split('id="m-hits-h"')[1].split("</section>")[0]
    assert "3 of 4" in text_of(section)
    href = html_lib.unescape(re.search(r'<a href="(/meetings/\?[^"]+)">', section).group(1))
    assert "4 meetings match these filters" in client.get(href).content.decode()
