"""HTTP caching against the archive version, the shared cache and read replicas."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys

import pytest
from django.core.management import call_command

from tests.helpers import MEETING, ROOT


@pytest.fixture
def archive(write_transcript):
    path = write_transcript("harbour.txt", MEETING)
    call_command("ingest_transcripts", str(path), stdout=io.StringIO())
    return path


@pytest.mark.django_db
def test_pages_carry_validators_and_answer_304(client, archive):
    r = client.get("/meetings/")
    assert r.status_code == 200 and r["ETag"] and r["Last-Modified"]
    assert "s-maxage" in r["Cache-Control"] and "public" in r["Cache-Control"]
    again = client.get("/meetings/", HTTP_IF_NONE_MATCH=r["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert "max-age=60" in client.get("/search/?q=quay")["Cache-Control"]


@pytest.mark.django_db
def test_an_ingest_changes_the_etag_and_the_pages(client, archive, write_transcript):
    first = client.get("/meetings/")
    archive.write_text(MEETING.replace("Harbour Board", "Ferry Board"), encoding="utf-8")
    call_command("ingest_transcripts", str(archive), stdout=io.StringIO())
    second = client.get("/meetings/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert b"Ferry Board" in second.content


@pytest.mark.django_db
def test_a_resource_read_in_several_forms_is_cached_and_validated_per_form(client, archive):
    """Regression: the schema asked for as JSON (Accept) after it was served as YAML was the
    cached YAML, under the YAML's ETag."""
    yaml = client.get("/api/schema/")
    json_ = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert yaml.content.startswith(b"openapi:") and json_.content.startswith(b"{")
    assert yaml["ETag"] != json_["ETag"]
    again = client.get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json", HTTP_IF_NONE_MATCH=yaml["ETag"]
    )
    assert again.status_code == 200 and again.content.startswith(b"{")
    assert client.get("/api/schema/", HTTP_IF_NONE_MATCH=yaml["ETag"]).status_code == 304


@pytest.mark.django_db
def test_if_modified_since_is_answered_as_the_etag_is(client, archive):
    """Regression: a client that revalidates by date (Last-Modified, If-Modified-Since) always
    got the whole page again."""
    first = client.get("/meetings/")
    assert client.get("/meetings/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get("/meetings/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200
    # A page that is not there is no "not modified" (a reviewer's), whatever date is asked about.
    future = "Fri, 01 Jan 2100 00:00:00 GMT"
    assert client.get("/meetings/no-such-meeting/", HTTP_IF_MODIFIED_SINCE=future).status_code == 404


@pytest.mark.django_db
def test_a_new_release_is_modified_for_a_date_revalidation_too(client, archive, monkeypatch):
    """Pages change with the code as with the data: the ETag carries the release, and the date is
    never earlier than the process that serves it (a deploy restarts it)."""
    from meetings.http import caching

    first = client.get("/meetings/")
    monkeypatch.setattr(caching, "STARTED", caching.STARTED + 3600 * 24 * 365 * 50)
    again = client.get("/meetings/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200 and again["Last-Modified"] != first["Last-Modified"]


@pytest.mark.django_db
def test_errors_are_not_cached(client, archive):
    assert client.get("/meetings/nope/").status_code == 404
    assert "s-maxage" not in client.get("/meetings/nope/").get("Cache-Control", "")


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
def test_cache_url_selects_a_shared_redis_cache():
    env = {
        **os.environ,
        "CACHE_URL": "redis://127.0.0.1:6379/5",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }
    code = (
        "import django;django.setup();from django.core.cache import caches;cache = caches['default'];"
        "cache.set('probe', 42, 5);print(type(cache).__name__, cache.get('probe'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["RedisCache", "42"]


def test_replica_urls_add_aliases_and_the_router_reads_from_them():
    """A request reads from the replica its middleware chose; outside a request (ingest, commands)
    reads go to the primary, so a writer reads its own writes."""
    env = {
        **os.environ,
        "DATABASE_REPLICA_URLS": "postgres://postgres@127.0.0.1:5432/archive_replica_a",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }
    code = (
        "import django;django.setup();from django.conf import settings;from django.db import router;"
        "from meetings.models import Meeting;from meetings.http.replicas import reading_from;"
        "outside = router.db_for_read(Meeting)\n"
        "with reading_from('replica1'): inside = router.db_for_read(Meeting)\n"
        "print(sorted(settings.DATABASES), outside, inside, router.db_for_write(Meeting),"
        " router.allow_migrate('replica1', 'meetings'), settings.DATABASES['replica1']['NAME'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "['default', 'replica1'] default replica1 default False archive_replica_a"
