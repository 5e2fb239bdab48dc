"""HTML and JSON are sent gzipped to clients that accept it, compressed once per cached page."""

from __future__ import annotations

import gzip
import io

import pytest
from django.core.management import call_command

from meetings.http import caching
from tests.helpers import MEETING

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def archive(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", MEETING)), stdout=io.StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/meetings/", "/speakers/helena-marsh/", "/api/turns/", "/about/"])
def test_html_and_json_are_gzipped_for_a_client_that_accepts_it(client, archive, path):
    plain = client.get(path)
    packed = client.get(path, **GZIP)
    assert plain.status_code == packed.status_code == 200
    assert not plain.has_header("Content-Encoding")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in packed["Vary"]
    assert packed["ETag"] != plain["ETag"]  # two representations, two validators
    assert client.get(path, HTTP_IF_NONE_MATCH=packed["ETag"], **GZIP).status_code == 304
    assert client.get(path, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


@pytest.mark.django_db
def test_no_gzip_when_refused_and_none_for_small_or_binary_bodies(client, archive):
    assert not client.get("/meetings/", HTTP_ACCEPT_ENCODING="gzip;q=0, identity").has_header(
        "Content-Encoding"
    )
    assert not client.get("/favicon.ico", **GZIP).has_header("Content-Encoding")


@pytest.mark.django_db
def test_a_page_is_compressed_once_however_often_it_is_served(client, archive, monkeypatch):
    calls = []
    real = caching.gzip.compress

    def counting(data, *args, **kwargs):
        calls.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(caching.gzip, "compress", counting)
    bodies = {client.get("/speakers/", **GZIP).content for _ in range(4)}
    client.get("/speakers/")  # the plain copy comes from the same cache entry
    assert len(calls) == 1 and len(bodies) == 1


def test_accept_encoding_is_read_as_rfc_9110_says():
    class Request:
        def __init__(self, value):
            self.headers = {"Accept-Encoding": value}

    assert caching.accepts_gzip(Request("gzip"))
    assert caching.accepts_gzip(Request("br;q=1.0, gzip;q=0.5"))
    assert caching.accepts_gzip(Request("*"))
    assert not caching.accepts_gzip(Request("gzip;q=0"))
    assert not caching.accepts_gzip(Request("br, identity"))
    assert not caching.accepts_gzip(Request(""))
