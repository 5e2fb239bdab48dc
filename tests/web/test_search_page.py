"""The search page's figures and links, as a reader follows them: a facet or "N more in this
meeting" opens as many remarks as it says, with the other filters kept."""

from __future__ import annotations

import html as html_lib
import io
import re

import pytest
from django.core.management import call_command

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


def count_line(html: str) -> str:
    m = re.search(r'<p class="count" role="status">(.*?)</p>', html, re.S)
    assert m
    return re.sub(r"<[^>]+>", "", m.group(1))


def remarks_counted(html: str) -> int:
    m = re.match(r"(\d+) remarks?", count_line(html))
    assert m, count_line(html)
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
