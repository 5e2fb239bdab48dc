"""HTTP caching for a read-only archive.

Every page depends only on the archive's data (which changes only at ingest) and on the code. So
each response carries an ETag and Last-Modified derived from the archive version (bumped by
ingest) and the release, a Cache-Control that lets shared caches keep it, and a copy is kept in
the server's cache (local memory, or Redis when CACHE_URL is set) until the archive changes.
A conditional request from a browser or a CDN is answered 304 without running the view.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers
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


class ArchiveCacheMiddleware:
    """ETag/Last-Modified validation, Cache-Control, and a server-side copy of each page, with its
    gzipped body made once when it is stored: a client that accepts gzip gets the compressed copy
    (its own ETag, "Vary: Accept-Encoding"), however often the page is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(
            (settings.STATIC_URL, "/sitemap-remarks")
        ):
            return self.get_response(request)
        version, changed = archive_version()
        tag = f"{current_release()}-{version}"
        gz_ok = accepts_gzip(request)
        asked = [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]
        for candidate in (quote_etag(tag + "-gzip") if gz_ok else None, quote_etag(tag)):
            if candidate and candidate in asked:
                response = HttpResponseNotModified()
                response["ETag"] = candidate
                patch_vary_headers(response, ("Accept-Encoding",))
                return response
        key = "page:" + hashlib.sha256(f"{tag}{request.build_absolute_uri()}".encode()).hexdigest()
        cached = cache.get(key)
        if isinstance(cached, tuple):  # (response, gzipped body or None)
            response, packed = cached
        else:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
                return response
            packed = compressed(response)
            cache.set(key, (response, packed), PAGE_TTL)
        etag = quote_etag(tag)
        if packed is not None:
            patch_vary_headers(response, ("Accept-Encoding",))
            if gz_ok:
                response.content = packed
                response["Content-Encoding"] = "gzip"
                response["Content-Length"] = str(len(packed))
                etag = quote_etag(tag + "-gzip")
        response["ETag"] = etag
        response["Last-Modified"] = http_date(changed)
        search = request.path.startswith(("/search/", "/api/search/"))
        response["Cache-Control"] = (
            "public, max-age=60, s-maxage=300"
            if search
            else "public, max-age=300, s-maxage=86400, stale-while-revalidate=600"
        )
        return response
