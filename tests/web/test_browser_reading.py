"""In a real Chromium at a phone's and a desktop's width: a long meeting opens with its words,
its contents jump to a question and lead back, and the home and speakers pages fit the screen."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command

from tests.helpers import NEEDS_CHROMIUM, press_conference

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# The first remark's first line must be on the first screen, with room to read its first words.
FIRST_WORDS = 120

pytestmark = [NEEDS_CHROMIUM]

LONG_LEAD = " ".join(
    f"The Mayor of Larkspur answered questions from journalists of the city's newspapers, radio and television, "
    f"part {i} of a long introduction written by the press office."
    for i in range(4)
)


def first_remark_top(page) -> float:
    box = page.locator("article.turn").first.bounding_box()
    assert box is not None
    return box["y"]


@pytest.mark.django_db(transaction=True)
def test_a_long_meeting_starts_with_its_words_at_both_widths(browser, live_server, write_transcript):
    path = write_transcript("press.txt", press_conference(60, lead=LONG_LEAD))
    call_command("ingest_transcripts", str(path), stdout=io.StringIO())
    url = live_server.url + "/meetings/2024-01-25-annual-news-conference-of-mayor-of-larkspur/"

    phone = browser.new_page(viewport=PHONE)
    phone.goto(url)
    assert phone.locator("article.turn").count() == 122
    top = first_remark_top(phone)
    assert 0 < top < PHONE["height"] - FIRST_WORDS, top
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not phone.locator("details.contents").evaluate("d => d.open")  # folded on a phone
    # Deep in the meeting, the way back to the contents, then to a question.
    phone.locator("#helena-marsh-40").scroll_into_view_if_needed()
    back = phone.get_by_role("link", name="Back to the contents")
    assert back.is_visible()
    # Small enough to leave the lines beside it readable, large enough to tap.
    box = back.bounding_box()
    assert 40 <= box["width"] <= 48 and 40 <= box["height"] <= 48, box
    back.click()
    # (Waited for with selectors and the URL, not wait_for_function: a string predicate that is
    # not true at once is polled by eval in the page, which the site's CSP forbids.)
    phone.locator("details.contents[open]").wait_for()
    entry = phone.locator(".toc a").nth(30)
    assert "When will ferry line 30 reopen for the winter?" in entry.inner_text()
    entry.click()
    phone.wait_for_url(re.compile(r"#."))
    key = phone.evaluate("location.hash.slice(1)")
    box = phone.locator(f"[id='{key}']").bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"] / 2
    phone.close()

    desk = browser.new_page(viewport=DESKTOP)
    desk.goto(url)
    top = first_remark_top(desk)
    assert 0 < top < DESKTOP["height"] - FIRST_WORDS, top
    # The contents sit beside the text, open, and stay in view while reading.
    assert desk.locator("details.contents").evaluate("d => d.open")
    aside, text = desk.locator(".meeting-aside").bounding_box(), desk.locator(".transcript").bounding_box()
    assert aside["x"] >= text["x"] + text["width"]
    desk.locator("#helena-marsh-50").scroll_into_view_if_needed()
    assert desk.locator(".meeting-aside").bounding_box()["y"] <= 1
    desk.close()


@pytest.mark.django_db(transaction=True)
def test_home_and_speakers_fit_a_phone_and_filters_fold(browser, live_server):
    from tests.helpers import SAMPLE_DATA

    call_command("ingest_transcripts", str(SAMPLE_DATA), stdout=io.StringIO())
    for viewport in (PHONE, DESKTOP):
        page = browser.new_page(viewport=viewport)
        for path in ("/", "/meetings/", "/speakers/?order=-remarks", "/speakers/helena-marsh/"):
            page.goto(live_server.url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        page.goto(live_server.url + "/")
        assert page.locator("svg.year-chart a").count() >= 1
        page.goto(live_server.url + "/meetings/")
        filters_open = page.locator("details.filter-box").evaluate("d => d.open")
        assert filters_open == (viewport is DESKTOP)
        # On a phone the list starts on the first screen, the form folded above it.
        first = page.locator(".meeting-list li").first.bounding_box()
        assert first["y"] < viewport["height"] - 100
        page.close()
