"""One identity whatever the request's host name or scheme: canonical links, OpenGraph, sitemaps,
feeds and exports are absolute URLs on SITE_URL, Atom ids are tag: URIs; and every feed entry
has a summary."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings

from archive.settings import site_url
from meetings.models import Meeting, Topic, Turn
from tests.helpers import MEETING

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://archive.example.org"
TAG = "tag:archive.example.org,2025:"
# Two host names the archive answers to, one of them by HTTPS: a mirror, a proxy, a CDN.
HOSTS = [("mirror.example.net", False), ("www.archive.example.org", True)]

NO_LEAD = """Meeting of the Quarry Committee

March 2, 2020, Larkspur

Chair of the Quarry Committee Ilona Vance: We open the meeting.

Tomas Reyes: The quarry road is closed.

Ilona Vance: Then we close the meeting.
"""


DREDGING = """Meeting on harbour dredging

June 8, 2021, Larkspur

The board discussed harbour dredging and the silt barges.

Chair of the Harbour Board Helena Marsh: Harbour dredging is late again. The silt barges wait.

(Port Director Tomas Reyes spoke about harbour dredging, silt barges and the costs of harbour dredging.)

Helena Marsh: Then harbour dredging starts in July, with two silt barges.
"""


@pytest.fixture
def archive(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("harbour.txt", MEETING)),
        str(write_transcript("quarry.txt", NO_LEAD)),
        str(write_transcript("dredging.txt", DREDGING)),
        stdout=io.StringIO(),
    )


@pytest.fixture
def site():
    with override_settings(
        SITE_URL=SITE,
        TAG_AUTHORITY="archive.example.org",
        TAG_DATE="2025",
        ALLOWED_HOSTS=["testserver", *(host for host, _ in HOSTS)],
    ):
        yield


def urls() -> list[str]:
    meeting = Meeting.objects.get(slug__contains="harbour-board")
    turn = Turn.objects.filter(meeting=meeting, speaker__isnull=False).first()
    topic = Topic.objects.order_by("slug").first()
    return [
        "/",
        "/meetings/",
        meeting.get_absolute_url(),
        turn.get_absolute_url(),
        turn.speaker.get_absolute_url(),
        topic.get_absolute_url(),
        "/topics/",
        "/speakers/",
        f"/meetings/{meeting.slug}.txt",
        f"/meetings/{meeting.slug}.json",
        f"/meetings/{meeting.slug}.akn.xml",
        "/feeds/meetings.atom",
        f"/feeds/speakers/{turn.speaker.slug}.atom",
        f"/feeds/topics/{topic.slug}.atom",
        "/sitemap.xml",
        "/sitemap-meetings.xml",
        "/sitemap-remarks.xml",
        "/sitemap-speakers.xml",
        "/sitemap-topics.xml",
        "/robots.txt",
    ]


@pytest.mark.django_db
def test_two_host_names_and_two_schemes_get_the_same_documents(client, archive, site):
    for url in urls():
        bodies = []
        for host, secure in HOSTS:
            r = client.get(url, headers={"host": host}, secure=secure)
            assert r.status_code == 200, (url, host)
            body = r.content.decode()
            assert host not in body.replace("www.archive.example.org", "archive.example.org"), (url, host)
            assert "testserver" not in body, url
            bodies.append(body)
        assert bodies[0] == bodies[1], url


@pytest.mark.django_db
def test_canonical_links_and_opengraph_are_on_the_site_url(client, archive, site):
    meeting = Meeting.objects.get(slug__contains="harbour-board")
    turn = Turn.objects.filter(meeting=meeting, speaker__isnull=False).first()
    for path in (
        meeting.get_absolute_url(),
        turn.get_absolute_url(),
        turn.speaker.get_absolute_url(),
        "/meetings/",
    ):
        html = client.get(path, headers={"host": "mirror.example.net"}).content.decode()
        assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [SITE + path], path
        assert re.findall(r'<meta property="og:url" content="([^"]+)">', html) == [SITE + path], path
        assert len(re.findall(r'<meta property="og:type"', html)) == 1, path
        assert len(re.findall(r'<meta property="og:title"', html)) == 1, path
    # A page of a list is a page of its own; filters are not.
    html = client.get("/meetings/?page=1&year=2022").content.decode()
    assert f'<link rel="canonical" href="{SITE}/meetings/">' in html
    # Search results and pages that do not exist have no canonical address.
    assert 'rel="canonical"' not in client.get("/search/?q=quay").content.decode()
    missing = client.get("/meetings/1999-01-01-nothing/")
    assert missing.status_code == 404 and 'rel="canonical"' not in missing.content.decode()
    # The remark's citation gives its permanent link on the site.
    assert f"{SITE}{turn.get_absolute_url()}" in client.get(turn.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_atom_ids_are_tag_uris_of_the_permalinks(client, archive, site):
    meeting = Meeting.objects.get(slug__contains="harbour-board")
    person = Turn.objects.filter(meeting=meeting, speaker__isnull=False).first().speaker
    root = ET.fromstring(client.get("/feeds/meetings.atom", secure=True).content)
    assert root.findtext(f"{ATOM}id") == TAG + "feeds/meetings.atom"
    ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
    assert TAG + f"meetings/{meeting.slug}" in ids
    links = [li.get("href") for li in root.iter(f"{ATOM}link")]
    assert links and all(href.startswith(SITE + "/") for href in links)

    root = ET.fromstring(client.get(f"/feeds/speakers/{person.slug}.atom").content)
    assert root.findtext(f"{ATOM}id") == TAG + f"feeds/speakers/{person.slug}.atom"
    turns = Turn.objects.filter(speaker=person).select_related("meeting").order_by("-date", "position")
    assert [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")] == [
        TAG + f"meetings/{t.meeting.slug}/{t.key}" for t in turns
    ]


@pytest.mark.django_db
def test_every_feed_entry_has_a_summary(client, archive):
    """A meeting with no lead, remarks (and a summary turn) all carry a <summary>."""
    person = Turn.objects.filter(speaker__isnull=False).first().speaker
    topic = Topic.objects.order_by("slug").first()
    for url in (
        "/feeds/meetings.atom",
        f"/feeds/speakers/{person.slug}.atom",
        "/feeds/speakers/ilona-vance.atom",
        f"/feeds/topics/{topic.slug}.atom",
    ):
        root = ET.fromstring(client.get(url).content)
        entries = root.findall(f"{ATOM}entry")
        assert entries, url
        for e in entries:
            summary = e.find(f"{ATOM}summary")
            assert summary is not None and summary.get("type") == "html", url
            assert summary.text and summary.text.strip(), url
    root = ET.fromstring(client.get("/feeds/meetings.atom").content)
    quarry = next(e for e in root.findall(f"{ATOM}entry") if "Quarry" in e.findtext(f"{ATOM}title"))
    assert quarry.findtext(f"{ATOM}summary") == (
        "<p>Transcript of the meeting of 2 March 2020, Larkspur: 3 remarks by Ilona Vance, Tomas Reyes.</p>"
    )
    root = ET.fromstring(client.get("/feeds/speakers/tomas-reyes.atom").content)
    summaries = [e.findtext(f"{ATOM}summary") for e in root.findall(f"{ATOM}entry")]
    assert "The quarry road is closed." in summaries


def test_site_url_is_an_origin():
    assert site_url({}) == "http://127.0.0.1:8000"
    assert site_url({"SITE_URL": "https://archive.example.org/"}) == "https://archive.example.org"
    for bad in ("archive.example.org", "https://archive.example.org/archive/", "ftp://example.org"):
        with pytest.raises(ImproperlyConfigured):
            site_url({"SITE_URL": bad})
