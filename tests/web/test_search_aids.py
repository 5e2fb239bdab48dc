"""The search page helps a reader: facets say when they are cut, the speaker filter takes a name
(with a <datalist> of names), "Did you mean" from the archive's own words, quotes shown once."""

from __future__ import annotations

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from meetings.derived import search
from meetings.models import SearchWord
from tests.helpers import search_count_line

HARBOUR = """Meeting of the Harbour Board

October 3, 2022, Larkspur

The Board met on the state of the harbour.

Chair of the Harbour Board Helena Marsh: Good morning. The breakwater needs attention before the storms.

Port Director Tomas Reyes: The breakwater is cracked in three places; the foreign agents register is another matter.

Council member Ada Lindqvist: The breakwater protects the fishing fleet. Foreign agents are not our business.

Question: Who pays for the breakwater?

Tomas Reyes: The breakwater repairs cost two million.
"""


@pytest.fixture
def archive(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", HARBOUR)), stdout=io.StringIO())


def page(client, **params) -> str:
    r = client.get("/search/", params)
    assert r.status_code == 200
    return r.content.decode().replace("<mark>", "").replace("</mark>", "")


@pytest.mark.django_db
def test_a_cut_speaker_facet_says_how_many_more(client, archive, monkeypatch):
    html = page(client, q="breakwater")
    assert "more speaker" not in html  # three speakers: none left out
    assert "1 remark by no named speaker" in html  # the "Question", which has no profile
    monkeypatch.setattr(search, "FACET_SPEAKERS", 1)
    cache.clear()  # the page above is cached
    html = page(client, q="breakwater")
    facet = html.split('class="facets"')[1]
    assert facet.count("speaker=") == 1  # only Tomas Reyes (two remarks) is listed
    assert "and 2 more speakers (2 remarks)" in facet


@pytest.mark.django_db
def test_the_speaker_filter_takes_a_name_a_surname_or_a_slug(client, archive):
    by_slug = search_count_line(page(client, q="breakwater", speaker="tomas-reyes"))
    assert by_slug.startswith("2 remarks") and "by Tomas Reyes" in by_slug
    for typed in ("Tomas Reyes", "reyes", "REYES TOMAS", "Tomas-Reyes"):
        assert search_count_line(page(client, q="breakwater", speaker=typed)) == by_slug, typed
    html = page(client, q="breakwater", speaker="Nobody Known")
    # Regression: the count line read "0 remarks in 0 meetings match “breakwater”", as if the
    # words found nothing; it says that the speaker is what matched no one.
    assert search_count_line(html).startswith("No remarks: no speaker’s name matches “Nobody Known”")
    html = page(client, q="breakwater", meeting="no-such-meeting")
    assert search_count_line(html).startswith("No remarks: no meeting has the address “no-such-meeting”")
    assert 'href="?q=breakwater">Search every meeting' in html


@pytest.mark.django_db
def test_the_speaker_box_offers_names_in_a_datalist(client, archive):
    html = page(client)
    box = re.search(r'<input id="s-speaker"[^>]*>', html).group(0)
    assert 'list="speaker-names"' in box and "placeholder" not in box
    datalist = re.search(r'<datalist id="speaker-names">(.*?)</datalist>', html, re.S).group(1)
    assert re.findall(r'<option value="([^"]+)">', datalist) == [
        "Ada Lindqvist",
        "Helena Marsh",
        "Tomas Reyes",
    ]
    # a slug typed or followed from a facet shows as the person's name
    html = page(client, q="breakwater", speaker="tomas-reyes")
    assert 'value="Tomas Reyes"' in re.search(r'<input id="s-speaker"[^>]*>', html).group(0)


@pytest.mark.django_db
def test_did_you_mean_corrects_words_and_names_from_the_archive(client, archive):
    assert SearchWord.objects.filter(word="breakwater").exists()
    assert SearchWord.objects.filter(word="lindqvist").exists()  # names, even if nobody says them
    html = page(client, q="brekwater", year="2022")
    assert "Did you mean" in html
    assert 'href="?q=breakwater&amp;year=2022"' in html
    html = page(client, q="Lindqvst")
    assert re.search(r"Did you mean <a [^>]*><strong>Lindqvist</strong>", html)
    assert "/speakers/ada-lindqvist/" in html.split('class="suggest"')[1]
    assert "Did you mean" not in page(client, q="breakwater")  # found: nothing to correct
    assert "Did you mean" not in page(client, q="zzzzqqq")  # nothing alike: no suggestion


@pytest.mark.django_db
def test_quotes_are_shown_once(client, archive):
    line = search_count_line(page(client, q='"foreign agents"'))
    assert "“foreign agents”" in line and '"' not in line and "““" not in line
    assert "“foreign agents” register" in search_count_line(page(client, q='"foreign agents" register'))
    assert "“breakwater”" in search_count_line(page(client, q="breakwater"))
    assert "<title>“foreign agents” — search" in page(client, q='"foreign agents"')


@pytest.mark.django_db
def test_the_search_page_has_one_search_box(client, archive):
    """Regression: the search page showed the query twice, in the header's box and in its own,
    one above the other on a phone; other pages keep the header's box."""
    html = page(client, q="breakwater")
    assert len(re.findall(r'<input[^>]+name="q"', html)) == 1
    assert 'id="site-q"' in client.get("/meetings/").content.decode()
