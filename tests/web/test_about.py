"""About and API documentation pages, linked from every page's footer; the favicon."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.helpers import MEETING


@pytest.fixture
def archive(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", MEETING)), stdout=io.StringIO())


@pytest.mark.django_db
@override_settings(
    SOURCE_ATTRIBUTION="Harbour Board Press Office",
    SOURCE_LICENCE="a licence that asks for attribution",
    SOURCE_URL="https://press.example/",
)
def test_about_gives_live_totals_the_source_and_its_licence(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        r = client.get("/about/")
    assert r.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", r.content.decode()))
    assert "1 meeting, from 3 October 2022 to 3 October 2022" in text
    assert "6 remarks" in text and "2 speakers with a profile" in text
    assert "published by Harbour Board Press Office under a licence that asks for attribution" in text
    assert '<a href="https://press.example/">Harbour Board Press Office</a>' in r.content.decode()
    for words in ("How remarks are attributed", "What an editor can correct", "summary"):
        assert words in text
    assert 'href="/downloads/">whole archive as one download</a>' in r.content.decode()


@pytest.mark.django_db
def test_about_an_empty_archive(client):
    r = client.get("/about/")
    assert r.status_code == 200 and "The archive is empty" in r.content.decode()


@pytest.mark.django_db
def test_api_documentation_page_serves_swagger_ui_from_this_site(client, archive):
    r = client.get("/api/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'data-schema-url="/api/schema/?format=json"' in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    # The page sizes of the API and of the pages, so that a reader can page alike; what a 400 says.
    assert (
        "50 a page, up to 200 with ?page_size=: the pages show 30 meetings, 120 speakers or 100 topics"
        in text
    )
    assert "A parameter a list does not take, or a value it cannot read, answers 400" in text
    # Its example filters by a year the archive has (regression: 2023, which listed nothing).
    year = re.search(r"/api/meetings/\?year=(\d{4}) lists what", text).group(1)
    assert client.get(f"/api/meetings/?year={year}").json()["count"] > 0
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert any("swagger-ui-bundle" in s for s in scripts)
    assert all(s.startswith("/static/") for s in scripts)  # nothing from elsewhere
    assert "<script>" not in html and "style=" not in html  # the CSP forbids inline code
    assert "script-src 'self'" in r["Content-Security-Policy"]
    for s in scripts:
        assert client.get(s).status_code == 200, s
    assert client.get("/api/schema/", {"format": "json"}).status_code == 200


@pytest.mark.django_db
@override_settings(ARCHIVE_NAME="Harbour Records", SOURCE_ATTRIBUTION="Harbour Board Press Office")
def test_every_page_links_about_api_and_downloads_in_its_footer(client, archive):
    for path in (
        "/",
        "/speakers/",
        "/speakers/helena-marsh/",
        "/topics/",
        "/search/?q=quay",
        "/about/",
        "/api/docs/",
    ):
        html = client.get(path).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert 'href="/about/"' in footer and 'href="/api/docs/"' in footer, path
        assert 'href="/downloads/"' in footer, path
        assert "Harbour Records" in footer and "Harbour Board Press Office" in footer, path
    for path in ("/meetings/no-such-meeting/",):
        assert 'href="/about/"' in client.get(path).content.decode()


@pytest.mark.django_db
def test_favicon_answers(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200
    assert r["Content-Type"] == "image/x-icon"
    body = b"".join(r.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
