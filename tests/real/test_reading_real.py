"""The longest real meeting of ../shared (found by parsing the largest files, not named here)
opens with its words in Chromium at a phone's and a desktop's width, and its contents list its
questions (skipped when ../shared or Chromium is absent)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from meetings.core.parser import parse_transcript
from meetings.models import Meeting
from tests.helpers import NEEDS_CHROMIUM, SHARED, shared_dir

CANDIDATES = 10  # the longest meeting is among the largest files
FIRST_WORDS = 120

pytestmark = [NEEDS_CHROMIUM]


def longest_real_meeting():
    shared_dir()  # skips without ../shared
    files = sorted(SHARED.rglob("*.txt"), key=lambda p: (-p.stat().st_size, str(p)))[:CANDIDATES]

    def turns(path):
        try:
            return len(parse_transcript(path.read_bytes()).turns)
        except Exception:  # not a transcript: not a candidate
            return 0

    return max(files, key=turns)


@pytest.mark.django_db(transaction=True)
def test_the_longest_real_meeting_starts_with_its_words(browser, live_server):
    call_command("ingest_transcripts", str(longest_real_meeting()), stdout=io.StringIO())
    meeting = Meeting.objects.get()
    assert meeting.turn_count > 100
    url = live_server.url + meeting.get_absolute_url()
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 800}):
        page = browser.new_page(viewport=viewport)
        page.goto(url)
        box = page.locator("article.turn").first.bounding_box()
        assert box is not None and 0 < box["y"] < viewport["height"] - FIRST_WORDS, (viewport, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        entries = page.locator(".toc a")
        assert entries.count() >= 20  # its questions (or speakers), each a jump link
        missing = entries.evaluate_all(
            "links => links.filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length"
        )
        assert missing == 0
        page.close()
