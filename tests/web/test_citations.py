"""A remark's page: its citation (archive name, speaker, role, meeting, date, place, URL, access
date, "(summary)") as text, BibTeX and CSL-JSON, and permalink labels that are the URL's key."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from meetings.models import Turn
from tests.helpers import MEETING

SUMMARY = """Meeting on school meals

May 3, 2021, Larkspur

The Mayor discussed school meals.

Mayor of Larkspur Helena Marsh: Let us begin.

(Council member Ada Lindqvist spoke about allergies and labels.)

Helena Marsh: Thank you.

Question: Will the meals be free?
"""


@pytest.fixture
def turns(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("harbour.txt", MEETING)),
        str(write_transcript("meals.txt", SUMMARY)),
        stdout=io.StringIO(),
    )
    # Keys are unique within a meeting: the harbour meeting's by key, the school meals' as "meals:" + key.
    return {
        ("meals:" if t.meeting.date.year == 2021 else "") + t.key: t
        for t in Turn.objects.select_related("meeting", "speaker")
    }


def _citation(html: str) -> str:
    m = re.search(r'<p class="citation" id="citation"[^>]*>(.*?)</p>', html, re.S)
    assert m, "no citation on the page"
    return m.group(1)


@pytest.mark.django_db
@override_settings(ARCHIVE_NAME="Harbour Records", SOURCE_ATTRIBUTION="Harbour Board Press Office")
def test_the_citation_names_archive_speaker_role_meeting_date_place_url_and_today(client, turns):
    turn = turns["helena-marsh-1"]
    html = client.get(turn.get_absolute_url()).content.decode()
    today = timezone.localdate()
    text = _citation(html)
    assert text.startswith("Helena Marsh (Chair of the Harbour Board), “Meeting of the Harbour Board”, ")
    assert "3 October 2022, Harbour Hall, Larkspur. Harbour Records, from Harbour Board Press Office." in text
    assert f"http://testserver{turn.get_absolute_url()}" in text
    assert f"(accessed {today.day} {today:%B %Y})." in text
    assert "(summary)" not in text
    assert 'id="citation-bibtex"' in html and 'id="citation-csl"' in html
    assert f"urldate = {{{today.isoformat()}}}" in html
    assert "Harbour Records" in html.split('class="site-footer"')[1]


@pytest.mark.django_db
def test_a_summary_is_cited_as_a_summary(client, turns):
    turn = turns["meals:ada-lindqvist-1"]
    assert turn.is_summary
    text = _citation(client.get(turn.get_absolute_url()).content.decode())
    assert "3 May 2021, Larkspur (summary)." in text
    cited = json.loads(client.get(turn.get_absolute_url() + "citation.json").content)
    assert cited[0]["genre"] == "summary"


@pytest.mark.django_db
def test_citation_files_work_without_script(client, turns):
    url = turns["tomas-reyes-1"].get_absolute_url()
    bib = client.get(url + "citation.bib")
    assert bib.status_code == 200 and bib["Content-Type"].startswith("application/x-bibtex")
    assert bib.content.decode().startswith("@misc{")
    text = client.get(url + "citation.txt")
    assert text["Content-Type"].startswith("text/plain")
    assert "Tomas Reyes (Port Director)" in text.content.decode()
    csl = client.get(url + "citation.json")
    assert json.loads(csl.content)[0]["URL"] == f"http://testserver{url}"
    assert client.get(url + "citation.pdf").status_code == 404
    assert client.get(url.replace("tomas-reyes-1", "tomas-reyes-9") + "citation.bib").status_code == 404
    html = client.get(url).content.decode()
    for fmt in ("txt", "bib", "json"):
        assert f'href="{url}citation.{fmt}"' in html


@pytest.mark.django_db
def test_the_visible_permalink_label_is_the_url_key(client, turns):
    meeting = turns["helena-marsh-1"].meeting
    html = client.get(meeting.get_absolute_url()).content.decode()
    links = re.findall(r'<a class="permalink" rel="bookmark" href="([^"]+)"[^>]*>([^<]*)<', html)
    assert links, "no permalinks"
    for href, label in links:
        assert label == "#" + href.rstrip("/").rsplit("/", 1)[1]
    assert "Link #" not in html


@pytest.mark.django_db
def test_a_remark_no_one_is_named_for_is_cited_without_an_author(client, turns):
    """Regression: a remark labelled "Question" was cited with "Question" as its author (reference
    managers filed it as a person). It is cited as unattributed, the label quoted, with no author."""
    turn = turns["meals:question-1"]
    assert turn.speaker_id is None
    url = turn.get_absolute_url()
    text = _citation(client.get(url).content.decode())
    assert text.startswith("Unattributed remark (labelled “Question”), “Meeting on school meals”, 3 May 2021")
    bib = client.get(url + "citation.bib").content.decode()
    assert (
        "author" not in bib and "title = {Remarks labelled “Question”, in “Meeting on school meals”}" in bib
    )
    item = json.loads(client.get(url + "citation.json").content)[0]
    assert (
        "author" not in item and item["title"] == "Remarks labelled “Question” in “Meeting on school meals”"
    )
    turn.speaker_label = ""  # a remark the transcript gave no label: none is quoted
    turn.save(update_fields=["speaker_label"])
    from django.core.cache import cache

    cache.clear()
    text = _citation(client.get(url).content.decode())
    assert text.startswith("Unattributed remark, “Meeting on school meals”") and "labelled" not in text
    named = json.loads(client.get(turns["meals:helena-marsh-1"].get_absolute_url() + "citation.json").content)
    assert named[0]["author"] == [{"literal": "Helena Marsh"}]
