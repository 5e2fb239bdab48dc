"""The archive version, the page cache and read replicas when something lags or fails: a page is
never older than the version it claims, and pages answer without Redis."""

from __future__ import annotations

import io
import socket

import pytest
from django.core.management import call_command
from django.test import override_settings

from meetings.http import caching
from tests.helpers import MEETING


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def archive(write_transcript):
    path = write_transcript("harbour.txt", MEETING)
    call_command("ingest_transcripts", str(path), stdout=io.StringIO())
    return path


@pytest.fixture
def redis_down():
    caching.cache_retry_now()
    dead = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=dead):
        yield
    caching.cache_retry_now()


@pytest.mark.django_db
def test_the_version_carries_the_primarys_wal_position_and_an_ingest_moves_both(archive):
    version, _, position = caching.archive_version()
    archive.write_text(MEETING.replace("Harbour Board", "Ferry Board"), encoding="utf-8")
    call_command("ingest_transcripts", str(archive), stdout=io.StringIO())
    new_version, _, new_position = caching.archive_version()
    assert new_version == version + 1
    assert new_position > position  # the new version's rows lie before this WAL position


@pytest.mark.django_db
def test_pages_answer_uncached_from_the_primary_while_redis_is_down(client, archive, redis_down):
    for _ in range(2):
        r = client.get("/meetings/")
        assert r.status_code == 200 and b"Harbour Board" in r.content
        assert r["X-Archive-Source"] == "primary"  # never "cache": nothing could be stored
        assert r["ETag"]
    assert client.get("/meetings/", HTTP_IF_NONE_MATCH=r["ETag"]).status_code == 304


@pytest.mark.django_db
def test_an_ingest_succeeds_and_pages_follow_it_while_redis_is_down(client, archive, redis_down):
    before = client.get("/meetings/")
    archive.write_text(MEETING.replace("Harbour Board", "Ferry Board"), encoding="utf-8")
    call_command("ingest_transcripts", str(archive), stdout=io.StringIO())
    caching.cache_retry_now()  # the next request tries Redis again, and fails again
    after = client.get("/meetings/")
    assert after.status_code == 200 and b"Ferry Board" in after.content
    assert after["ETag"] != before["ETag"]


@pytest.mark.django_db
def test_a_page_served_from_the_cache_says_so(client, archive):
    assert client.get("/speakers/")["X-Archive-Source"] == "primary"  # no replica configured
    assert client.get("/speakers/")["X-Archive-Source"] == "cache"


@pytest.mark.django_db
def test_a_version_made_inside_a_transaction_is_published_only_once_committed(
    archive, django_capture_on_commit_callbacks
):
    """Published before its commit, the new version would let pages of the old data be cached
    under it."""
    from django.db import transaction

    version = caching.archive_version()[0]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            caching.archive_changed()
            assert caching.cache_get(caching.VERSION_KEY) is None
    assert len(callbacks) == 1
    callbacks[0]()
    assert caching.cache_get(caching.VERSION_KEY)[0] == version + 1
