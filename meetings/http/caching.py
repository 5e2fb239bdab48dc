"""HTTP caching for a read-only archive.

Every page depends only on the archive's data (which changes only at ingest) and on the code. So
each response carries an ETag and Last-Modified derived from the archive version (bumped by
ingest) and the release, a Cache-Control that lets shared caches keep it, and a copy is kept in
the server's cache (local memory, or Redis when CACHE_URL is set) until the archive changes.
A conditional request from a browser or a CDN is answered 304 without running the view.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseNotModified
from django.utils.http import http_date, quote_etag

VERSION_KEY = "archive-version"
VERSION_TTL = 5  # seconds a process may serve a version before asking the database again
PAGE_TTL = 3600


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


def archive_version() -> tuple[int, float]:
    """(version, changed_at timestamp), from the cache or the database."""
    found = cache.get(VERSION_KEY)
    if found is None:
        from meetings.models import ArchiveState

        state = ArchiveState.current()
        found = (state.version, state.changed_at.timestamp())
        cache.set(VERSION_KEY, found, VERSION_TTL)
    return found


def archive_changed() -> None:
    """Called when an ingest changed the archive: a new version, and old pages are invalid."""
    from meetings.models import ArchiveState

    state = ArchiveState.bump()
    cache.set(VERSION_KEY, (state.version, state.changed_at.timestamp()), VERSION_TTL)


class ArchiveCacheMiddleware:
    """ETag/Last-Modified validation, Cache-Control, and a server-side copy of each page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(
            (settings.STATIC_URL, "/sitemap-remarks", "/downloads/")
        ):
            return self.get_response(request)
        version, changed = archive_version()
        etag = quote_etag(f"{current_release()}-{version}")
        if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
            response = HttpResponseNotModified()
            response["ETag"] = etag
            return response
        key = "page:" + hashlib.sha256(f"{etag}{request.build_absolute_uri()}".encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            response = cached
        else:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
                return response
            cache.set(key, response, PAGE_TTL)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(changed)
        search = request.path.startswith(("/search/", "/api/search/"))
        response["Cache-Control"] = (
            "public, max-age=60, s-maxage=300"
            if search
            else "public, max-age=300, s-maxage=86400, stale-while-revalidate=600"
        )
        return response
