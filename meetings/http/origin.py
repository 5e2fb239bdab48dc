"""The archive's public origin (settings.SITE_URL): absolute URLs and permanent ids that are the
same whatever host name, scheme or port a request came by.

Canonical links, OpenGraph, sitemaps, feeds and exports build their absolute URLs here, never
from the request (a second host name, a proxy or switching on HTTPS would otherwise give every
page, entry and remark a second identity). Atom ids are tag: URIs (meetings.core.permalinks.tag_uri)
of settings.TAG_AUTHORITY and TAG_DATE.
"""

from __future__ import annotations

from django.conf import settings

from meetings.core.permalinks import tag_uri

# Pages that have no canonical address of their own (results of a query).
_NO_CANONICAL = {"search"}


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` ("/meetings/<slug>/") on the archive's origin; an absolute URL is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return site_url() + (path if path.startswith("/") else "/" + path)


def public_id(path: str) -> str:
    """The permanent id (a tag: URI) of what lives at `path`: an Atom entry's or feed's <id>."""
    return tag_uri(settings.TAG_AUTHORITY, settings.TAG_DATE, path)


def canonical_url(request) -> str:
    """The page's canonical address: its path on SITE_URL, with the page number of a list (each
    page of a list is a page of its own) and without filters or other query parameters."""
    url = absolute_url(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        url += f"?page={page}"
    return url


def public_origin(request) -> dict:
    """Template context: `site_url`, and `canonical_url` for base.html's <link rel="canonical">
    and og:url (empty for search results and pages no URL pattern matched)."""
    match = getattr(request, "resolver_match", None)
    canonical = "" if match is None or match.url_name in _NO_CANONICAL else canonical_url(request)
    return {"site_url": site_url(), "canonical_url": canonical}
