"""Hostile visitors and faults: headers, CSP, escaping, long queries, deploy checks, DB outage."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.urls import resolve

from tests.helpers import MEETING, ROOT

PAYLOAD = MEETING.replace(
    "Tomas Reyes: Two million.",
    'Tomas Reyes: Two million. <script>alert("x")</script> <img src=x onerror=alert(1)> "><svg onload=alert(2)>',
)


@pytest.fixture
def hostile(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", PAYLOAD)), stdout=io.StringIO())


@pytest.mark.django_db
def test_security_headers_and_csp_without_unsafe_inline(client, hostile):
    r = client.get("/")
    csp = r["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Referrer-Policy"] == "same-origin"
    assert r["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in r  # only behind TLS (HTTPS=1)


@pytest.mark.django_db
def test_templates_have_no_inline_script_or_style(client, hostile):
    for path in (
        "/",
        "/speakers/",
        "/topics/",
        "/search/?q=quay",
        "/meetings/2022-10-03-meeting-of-harbour-board/",
        "/meetings/2022-10-03-meeting-of-harbour-board/tomas-reyes-2/",
        "/speakers/tomas-reyes/",
    ):
        html = client.get(path).content.decode()
        assert " style=" not in html and "<style" not in html, path
        for tag in html.split("<script")[1:]:
            assert tag.lstrip().startswith("src="), path


@pytest.mark.django_db
def test_transcript_payloads_are_escaped_everywhere(client, hostile):
    for path in (
        "/meetings/2022-10-03-meeting-of-harbour-board/",
        "/meetings/2022-10-03-meeting-of-harbour-board/tomas-reyes-2/",
        "/speakers/tomas-reyes/",
        "/search/?q=million",
        "/meetings/2022-10-03-meeting-of-harbour-board/?q=million",
    ):
        html = client.get(path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html, path


@pytest.mark.django_db
def test_long_query_strings_are_refused(client):
    r = client.get("/search/", {"q": "x" * 5000})
    assert r.status_code == 414 and b"too long" in r.content


@pytest.mark.django_db
def test_control_characters_in_query_strings_are_dropped(client, hostile):
    """A NUL (or any control character) in a query parameter is dropped, as the README says, in
    the API as in the pages: never a 400 for the character itself."""
    harbour = "/meetings/2022-10-03-meeting-of-harbour-board/"
    for path, clean in [
        ("/api/meetings/?q=harb%00our", "/api/meetings/?q=harbour"),
        ("/api/participants/?q=Mar%00sh%1b", "/api/participants/?q=Marsh"),
        ("/api/turns/?speaker=tomas%00-reyes&kind=spe%7fech", "/api/turns/?speaker=tomas-reyes&kind=speech"),
        ("/api/search/?q=mil%00lion%01", "/api/search/?q=million"),
        ("/api/turns/?%00speaker=tomas-reyes", "/api/turns/?speaker=tomas-reyes"),
    ]:
        r = client.get(path)
        assert r.status_code == 200, (path, r.content[:200])
        assert r.json() == client.get(clean).json(), path
    for path, found in [
        ("/search/?q=mil%00lion", "million"),
        (f"{harbour}?q=mil%00lion", "million"),
        ("/meetings/?q=harb%00our", "harbour board"),
    ]:
        r = client.get(path)
        assert r.status_code == 200 and found in r.content.decode().lower(), path
    # Links built from the request carry the cleaned query.
    body = client.get("/api/turns/?page_size=1&kind=spe%00ech").json()
    assert body["next"] == "http://testserver/api/turns/?kind=speech&page=2&page_size=1"
    # Nothing left once they are dropped: as an empty query.
    assert client.get("/api/search/?q=%00%01").status_code == 400


@pytest.mark.django_db
def test_no_write_endpoints_and_no_admin(client, hostile):
    assert client.post("/search/", {"q": "x"}).status_code == 405
    assert client.get("/admin/").status_code == 404


@pytest.mark.django_db
def test_a_method_that_writes_is_not_allowed_anywhere_as_a_real_client_sees_it(hostile):
    """Regression: with CSRF checks on (as for any client but Django's test client), a POST to a
    page, an export or a feed answered 403 with the CSRF failure page; the archive writes nothing
    through the web: 405, naming GET and HEAD, in JSON under /api/ and for the data files."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    for path in ("/meetings/", "/search/", "/feeds/meetings.atom", "/speakers.popolo.json", "/api/meetings/"):
        for method in (client.post, client.put, client.delete, client.patch):
            r = method(path)
            assert r.status_code == 405 and r["Allow"] == "GET, HEAD", (method, path, r.status_code)
    assert client.post("/api/meetings/").json()["detail"]
    assert client.post("/speakers.popolo.json")["Content-Type"].startswith("application/json")
    assert client.get("/meetings/").status_code == 200


@pytest.mark.django_db
def test_database_outage_answers_503_and_recovers(client, hostile, monkeypatch):
    from meetings.web import views

    resolve("/")  # the URLconf imported first: its import asks the query this test breaks
    real = views.Meeting.objects.defer

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(views.Meeting.objects, "defer", down)
    r = client.get("/")
    assert r.status_code == 503 and r["Retry-After"] == "30"
    html = r.content.decode()
    assert "briefly unavailable" in html and "Traceback" not in html and "connection refused" not in html
    monkeypatch.setattr(views.Meeting.objects, "defer", real)
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_database_outage_before_any_view_answers_503_too(client, hostile, monkeypatch):
    """Regression: the cache's first question to the database (the archive's version, asked before
    any view) failing ("too many clients") answered 500, not the outage page: Django turns an
    error inside a middleware into a 500 before the outage middleware sees it."""
    from meetings.http import caching

    resolve("/")

    def down():
        raise OperationalError("sorry, too many clients already")

    monkeypatch.setattr(caching, "cache_get", lambda key: None)
    monkeypatch.setattr(caching, "_version_from_primary", down)
    r = client.get("/speakers/")
    assert r.status_code == 503 and r["Retry-After"] == "30"
    assert "too many clients" not in r.content.decode()
    monkeypatch.undo()
    assert client.get("/speakers/").status_code == 200


def test_404_and_500_pages_leak_nothing(client, settings):
    settings.DEBUG = False
    html = (ROOT / "templates" / "500.html").read_text()
    assert "{{" not in html and "exception" not in html.lower()


@pytest.mark.parametrize("https", ["0", "1"])
def test_check_deploy(https):
    env = {
        **os.environ,
        "DEBUG": "0",
        "HTTPS": https,
        "SECRET_KEY": "k" * 60 + "-production-like-secret-key-value",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for browser tests only, never in a deployment
    out = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    warnings = {
        line.split(")")[0].split("(")[-1]
        for line in out.stderr.splitlines() + out.stdout.splitlines()
        if "security.W" in line
    }
    if https == "1":
        assert out.returncode == 0 and warnings == set(), out.stderr
    else:
        # Without TLS only the TLS-only settings may be missing: HSTS, HTTPS redirect, secure cookie.
        assert warnings <= {"security.W004", "security.W008", "security.W016"}, out.stderr
