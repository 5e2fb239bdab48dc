"""HTTP caching for a read-only archive.

Every page depends only on the archive's data (which changes only at ingest) and on the code. So
each response carries an ETag and Last-Modified derived from the archive version (bumped by
ingest) and the release, a Cache-Control that lets shared caches keep it, and a copy is kept in
the server's cache (local memory, or Redis when CACHE_URL is set) until the archive changes.
A conditional request from a browser or a CDN is answered 304 without running the view.

With read replicas the version also carries the primary's WAL position read with it, and a page
is rendered from a replica only once that replica has replayed it (meetings/http/replicas.py):
a page is never older than the version in its ETag and cache key, so a lagging replica cannot
put an old page in the cache under a new version. The cache is an optimisation only: when it
fails (Redis down or unreachable), pages are served uncached and the version is read from the
primary, and the cache is tried again CACHE_RETRY seconds later.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from meetings.http import replicas
from meetings.http.middleware import UNAVAILABLE, database_unavailable
from meetings.sql import replication

log = logging.getLogger(__name__)

STARTED = time.time()  # when this process started: a deploy restarts it (Last-Modified)

VERSION_KEY = "archive-v2"  # (version, changed_at, WAL position); "archive-version" held pairs
VERSION_TTL = 5  # seconds a process may serve a version before asking the database again
PAGE_TTL = 3600
CACHE_RETRY = 5.0  # seconds pages go uncached after the cache failed


def release() -> str:
    """The code's identity: RELEASE if set, else a hash of the static manifest and the version."""
    if getattr(settings, "RELEASE", ""):
        return settings.RELEASE
    digest = hashlib.sha256(settings.ARCHIVE_CODE_VERSION.encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


_RELEASE: str | None = None


def current_release() -> str:
    global _RELEASE
    if _RELEASE is None:
        _RELEASE = release()
    return _RELEASE


_cache_down_until = 0.0


def _cache_failed(exc: Exception) -> None:
    global _cache_down_until
    log.warning(
        "page cache unavailable (%s): serving uncached for %.0f s", exc.__class__.__name__, CACHE_RETRY
    )
    _cache_down_until = time.monotonic() + CACHE_RETRY


def cache_get(key: str) -> Any:
    """cache.get, or None while the cache is failing."""
    if time.monotonic() < _cache_down_until:
        return None
    try:
        return cache.get(key)
    except Exception as exc:  # a cache is never worth an error page: Redis down, timeouts, …
        _cache_failed(exc)
        return None


def cache_set(key: str, value: Any, ttl: float) -> None:
    """cache.set, skipped while the cache is failing."""
    if time.monotonic() < _cache_down_until:
        return
    try:
        cache.set(key, value, ttl)
    except Exception as exc:
        _cache_failed(exc)


def cache_delete(key: str) -> None:
    if time.monotonic() < _cache_down_until:
        return
    try:
        cache.delete(key)
    except Exception as exc:
        _cache_failed(exc)


def cache_retry_now() -> None:
    """Forget a cache failure (tests)."""
    global _cache_down_until
    _cache_down_until = 0.0


def _version_from_primary() -> tuple[int, float, int]:
    found = replication.version_and_position()
    if found is None:
        from meetings.models import ArchiveState

        ArchiveState.current()  # the first request of an empty archive makes the row
        found = replication.version_and_position()
    assert found is not None
    return found


def archive_version() -> tuple[int, float, int]:
    """(version, changed_at timestamp, the primary's WAL position when the version was read),
    from the cache or the primary."""
    found = cache_get(VERSION_KEY)
    if found is None:
        found = _version_from_primary()
        cache_set(VERSION_KEY, found, VERSION_TTL)
    return found


def archive_changed() -> None:
    """Called when an ingest changed the archive: a new version, and old pages are invalid.

    The new version is published with the primary's WAL position after its commit. Called inside
    a transaction, the version cached until now is dropped at once (the next request reads the
    primary, which gives the version it can see) and the new one is published on commit: never
    before, or pages of the old data would be cached under the new version."""
    from meetings.models import ArchiveState

    state = ArchiveState.bump()

    def publish() -> None:
        found = (state.version, state.changed_at.timestamp(), replication.primary_position())
        cache_set(VERSION_KEY, found, VERSION_TTL)

    if _in_transaction():
        cache_delete(VERSION_KEY)
        transaction.on_commit(publish)
    else:
        publish()


def _in_transaction() -> bool:
    """In a transaction of our own; a test's enclosing transaction (Django marks it) stands for
    autocommit, as Django's durable blocks take it."""
    conn = transaction.get_connection()
    return conn.in_atomic_block and not all(getattr(b, "_from_testcase", False) for b in conn.atomic_blocks)


COMPRESS_MIN = 500  # bytes: smaller bodies are sent as they are
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/atom+xml", "application/vnd.")


def accepts_gzip(request) -> bool:
    """The client takes gzip (Accept-Encoding names gzip, or *, without q=0)."""
    for part in request.headers.get("Accept-Encoding", "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in ("gzip", "*"):
            q = params.replace(" ", "").removeprefix("q=")
            try:
                return float(q) > 0 if q else True
            except ValueError:
                return True
    return False


def compressed(response) -> bytes | None:
    """The body gzipped (deterministically: no timestamp), or None when it is not worth it (small,
    not text or JSON, already encoded). Done once, when a page enters the cache."""
    kind = response.get("Content-Type", "")
    if response.has_header("Content-Encoding") or not kind.startswith(COMPRESSIBLE):
        return None
    body = response.content
    if len(body) < COMPRESS_MIN:
        return None
    packed = gzip.compress(body, compresslevel=6, mtime=0)
    return packed if len(packed) < len(body) else None


# Paths whose response differs with the Accept header (the API schema: YAML, or JSON): each form
# is cached, and validated, under its own ETag.
NEGOTIATED = ("/api/schema/",)


class ArchiveCacheMiddleware:
    """ETag/Last-Modified validation, Cache-Control, and a server-side copy of each page, with its
    gzipped body made once when it is stored: a client that accepts gzip gets the compressed copy
    (its own ETag, "Vary: Accept-Encoding"), however often the page is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(
            (settings.STATIC_URL, "/sitemap-remarks", "/downloads/")
        ):
            return self.get_response(request)
        try:
            version, changed, position = archive_version()
        except UNAVAILABLE as exc:
            return database_unavailable(exc)
        tag = f"{current_release()}-{version}"
        negotiated = request.path.startswith(NEGOTIATED)
        if negotiated:  # one form per Accept: its own copy and ETag
            tag += "-" + hashlib.sha256(request.headers.get("Accept", "").encode()).hexdigest()[:8]
        gz_ok = accepts_gzip(request)
        none_match = request.headers.get("If-None-Match", "")
        asked = [t.strip() for t in none_match.split(",")]
        for candidate in (quote_etag(tag + "-gzip") if gz_ok else None, quote_etag(tag)):
            if candidate and candidate in asked:
                response = HttpResponseNotModified()
                response["ETag"] = candidate
                patch_vary_headers(
                    response, ("Accept-Encoding", "Accept") if negotiated else ("Accept-Encoding",)
                )
                return response
        key = "page:" + hashlib.sha256(f"{tag}{request.build_absolute_uri()}".encode()).hexdigest()
        cached = cache_get(key)
        if isinstance(cached, tuple):  # (response, gzipped body or None)
            (response, packed), source = cached, "cache"
        else:
            response, source = self.render(request, position)
            if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
                return response
            packed = compressed(response)
            cache_set(key, (response, packed), PAGE_TTL)
        etag = quote_etag(tag + "-gzip") if packed is not None and gz_ok else quote_etag(tag)
        # The page as of the later of the data's last change and this process's start (a new
        # release restarts it): by date, where no ETag is asked about (RFC 9110: If-None-Match
        # wins), a page that is there answers 304.
        modified = max(int(changed), int(STARTED))
        since = None if none_match else parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        if since is not None and modified <= since:
            not_modified = HttpResponseNotModified()
            not_modified["ETag"], not_modified["Last-Modified"] = etag, http_date(modified)
            patch_vary_headers(
                not_modified, ("Accept-Encoding", "Accept") if negotiated else ("Accept-Encoding",)
            )
            return not_modified
        if packed is not None:
            patch_vary_headers(response, ("Accept-Encoding",))
            if gz_ok:
                response.content = packed
                response["Content-Encoding"] = "gzip"
                response["Content-Length"] = str(len(packed))
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        response["X-Archive-Source"] = source  # cache, replica or primary
        search = request.path.startswith(("/search/", "/api/search/"))
        response["Cache-Control"] = (
            "public, max-age=60, s-maxage=300"
            if search
            else "public, max-age=300, s-maxage=86400, stale-while-revalidate=600"
        )
        return response

    def render(self, request, position: int):
        """Run the view, reading from a replica that has replayed `position`, else the primary.
        A replica that fails during the request (503 from DatabaseUnavailableMiddleware) is left
        out for a while and the request runs again on the primary."""
        alias = replicas.choose(position)
        with replicas.reading_from(alias):
            response = self.get_response(request)
        if alias != replicas.PRIMARY and response.status_code == 503:
            replicas.mark_down(alias)
            alias = replicas.PRIMARY
            with replicas.reading_from(alias):
                response = self.get_response(request)
        return response, "primary" if alias == replicas.PRIMARY else "replica"
