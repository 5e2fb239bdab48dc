"""A real headless Chromium reads the archive as a person would, against a live server."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from tests.helpers import MEETING, NEEDS_CHROMIUM

pytestmark = [NEEDS_CHROMIUM]


@pytest.mark.django_db(transaction=True)
def test_follow_a_permalink_to_the_remark_in_view(browser, live_server, write_transcript):
    long_meeting = MEETING.replace(
        "Tomas Reyes: Two million.",
        "\n\n".join(f"Tomas Reyes: Paragraph {i} of a long answer about the quay." for i in range(40))
        + "\n\nTomas Reyes: Two million.",
    )
    call_command(
        "ingest_transcripts", str(write_transcript("harbour.txt", long_meeting)), stdout=io.StringIO()
    )
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Meeting of the Harbour Board").click()
    assert page.locator("h1").inner_text() == "Meeting of the Harbour Board"
    # The permalink of a remark deep in the page, opened in context: that remark is in view.
    target = page.locator("#helena-marsh-3")
    href = target.locator("a[rel=bookmark]").get_attribute("href")
    page.goto(live_server.url + href)
    assert "Remark by" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Read it in context in the full meeting").click()
    page.wait_for_load_state()
    assert page.url.endswith("#helena-marsh-3")
    box = page.locator("#helena-marsh-3").bounding_box()
    assert box is not None and 0 <= box["y"] < 700
    # A phone-sized screen still shows the remark without sideways scrolling.
    phone = browser.new_page(viewport={"width": 360, "height": 740})
    phone.goto(live_server.url + href)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()
    phone.close()


A11Y_CHECK = """
() => {
  const problems = [];
  const h1 = document.querySelectorAll('h1');
  if (h1.length !== 1) problems.push('h1 count ' + h1.length);
  let last = 0;
  for (const h of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
    const level = +h.tagName[1];
    if (last && level > last + 1) problems.push('heading jumps to ' + h.tagName + ': ' + h.textContent.trim());
    last = level;
  }
  for (const el of document.querySelectorAll('input:not([type=hidden]),select,textarea')) {
    if (!el.id || !document.querySelector('label[for="' + el.id + '"]')) problems.push('unlabelled ' + el.name);
  }
  if (!document.querySelector('main')) problems.push('no main landmark');
  if (!document.querySelector('a.skip-link[href="#main"]')) problems.push('no skip link');
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push('sideways scroll');
  // A placeholder cut off by its box tells the reader half of what the box is for.
  const ctx = document.createElement('canvas').getContext('2d');
  for (const el of document.querySelectorAll('input[placeholder]')) {
    const st = getComputedStyle(el);
    ctx.font = st.font;
    const room = el.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
    if (el.offsetParent && ctx.measureText(el.placeholder).width > room) problems.push('placeholder cut: ' + el.placeholder);
  }
  return problems;
}
"""


@pytest.mark.django_db(transaction=True)
def test_every_page_type_in_a_browser(browser, live_server):
    from tests.helpers import SAMPLE_DATA

    call_command("ingest_transcripts", str(SAMPLE_DATA), stdout=io.StringIO())
    for width in (1200, 360):
        page = browser.new_page(viewport={"width": width, "height": 800})
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))  # noqa: B023 (this page only)
        pages = {
            "/": "Transcript Archive",
            "/meetings/?year=2023": "Meetings",
            "/speakers/": "Speakers",
            "/speakers/?letter=M": "Speakers",
            "/speakers/helena-marsh/": "Helena Marsh",
            "/meetings/2023-03-14-meeting-of-council-on-civic-affairs/": "Meeting of the Council on Civic Affairs",
            "/meetings/2023-03-14-meeting-of-council-on-civic-affairs/helena-marsh-1/": "Remark by Helena Marsh",
            "/meetings/no-such-meeting/": "Nothing here",
            "/topics/no-such-topic/": "No topic at this address",
        }
        for path, h1 in pages.items():
            response = page.goto(live_server.url + path)
            assert response.status == (404 if "no-such" in path else 200), path
            assert page.locator("h1").inner_text().strip() == h1, path
            assert page.evaluate(A11Y_CHECK) == [], (path, width)
        assert errors == []
        page.close()


@pytest.mark.django_db(transaction=True)
def test_copy_buttons_and_summary_marking(browser, live_server):
    from tests.helpers import SAMPLE_DATA

    call_command("ingest_transcripts", str(SAMPLE_DATA), stdout=io.StringIO())
    page = browser.new_page()
    page.goto(live_server.url + "/meetings/2023-03-14-meeting-of-council-on-civic-affairs/")
    assert page.locator("button.copy").count() == page.locator("a[data-copy-url]").count() > 0
    summary = page.locator("article.turn.summary").first
    assert "not a verbatim quotation" in summary.inner_text()
    page.goto(live_server.url + "/meetings/2023-03-14-meeting-of-council-on-civic-affairs/helena-marsh-1/")
    # one copy button for each form of the citation: text, BibTeX, CSL-JSON
    assert page.locator(".cite button.copy").all_text_contents() == [
        "Copy citation",
        "Copy BibTeX",
        "Copy CSL-JSON",
    ]
    assert page.locator("link[rel=canonical]").get_attribute("href").endswith("/helena-marsh-1/")
    page.close()


@pytest.mark.django_db(transaction=True)
def test_script_payloads_in_a_transcript_stay_inert_in_a_real_browser(browser, live_server, write_transcript):
    payload = MEETING.replace(
        "Tomas Reyes: Two million.",
        'Tomas Reyes: Two million. <script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> '
        '"><svg onload="window.pwned = 3">',
    )
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", payload)), stdout=io.StringIO())
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in (
        "/meetings/2022-10-03-meeting-of-harbour-board/",
        "/meetings/2022-10-03-meeting-of-harbour-board/tomas-reyes-2/",
        "/search/?q=million",
        "/meetings/2022-10-03-meeting-of-harbour-board/?q=million",
        "/speakers/tomas-reyes/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_timeout(200)
        assert page.evaluate("window.pwned === undefined"), path
        assert page.locator("main img, main svg, main script").count() == 0, path
        assert "<script>window.pwned" in page.locator("main").inner_text(), path
    assert dialogs == []
    page.close()
