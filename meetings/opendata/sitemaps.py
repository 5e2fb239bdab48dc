"""sitemap.xml (an index of sections, large sections in pages of SITEMAP_LIMIT) and robots.txt.

Each section is ordered by a unique, indexed key so that its pages stay put between requests;
`lastmod` comes from `Meeting.ingested_at` (meetings and their remarks). Participants and topics
carry no timestamp, so their sections give none; the topics are those the topic index lists. Every sitemap page runs a fixed number of queries.

Every URL, in the index and in its sections, is on settings.SITE_URL (meetings.http.origin), never
on the host name or scheme of the request.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from meetings.derived import aggregates
from meetings.http.origin import absolute_url, site_url
from meetings.models import Meeting, Participant, Topic, Turn

SITEMAP_LIMIT = 10_000


class ArchiveSitemap(Sitemap):
    """A section whose URLs are on SITE_URL, whatever site the request names."""

    limit = SITEMAP_LIMIT

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


def _latest_ingest():
    return Meeting.objects.aggregate(latest=Max("ingested_at"))["latest"]


class MeetingSitemap(ArchiveSitemap):
    def items(self):
        return Meeting.objects.only("slug", "ingested_at").order_by("pk")

    def lastmod(self, meeting):
        return meeting.ingested_at

    def get_latest_lastmod(self):
        # One aggregate, not a walk over every item (the default for a callable lastmod).
        return _latest_ingest()


class ParticipantSitemap(ArchiveSitemap):
    def items(self):
        return Participant.objects.only("slug").order_by("pk")


class TopicSitemap(ArchiveSitemap):
    def items(self):
        # Only the topics the index lists (Topic.objects.listed(): enough evidence to stand as a
        # page worth a crawler's visit). Topic rows are rebuilt with new ids by each topic index
        # rebuild; slugs are kept, so the section is ordered by slug.
        return Topic.objects.listed().only("slug").order_by("slug")


class _TurnPaginator(Paginator):
    """Pages of every remark in (meeting, position) order, counted from the meetings' stored turn
    counts and read from the meeting where each page starts (no COUNT(*) and no OFFSET over a
    million turns: page 100 costs what page 1 costs)."""

    @cached_property
    def count(self):
        return aggregates.total_turns()

    def page(self, number):
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        start = aggregates.meeting_at(offset, order="id") if offset else None
        rows = self.object_list
        if start is not None:
            _date, meeting_id, before = start
            rows, offset = rows.filter(meeting_id__gte=meeting_id), offset - before
        return self._get_page(list(rows[offset : offset + self.per_page]), number, self)


class TurnSitemap(ArchiveSitemap):
    """Every remark's permalink: up to a million, so many pages of the index."""

    @property
    def paginator(self):
        return _TurnPaginator(self._items(), self.limit)

    def items(self):
        return (
            Turn.objects.select_related("meeting")
            .only("key", "meeting__slug", "meeting__ingested_at")
            .order_by("meeting_id", "position")  # the (meeting, position) unique index
        )

    def lastmod(self, turn):
        return turn.meeting.ingested_at

    def get_latest_lastmod(self):
        return _latest_ingest()


SITEMAPS = {
    "meetings": MeetingSitemap,
    "speakers": ParticipantSitemap,
    "topics": TopicSitemap,
    "remarks": TurnSitemap,
}


@x_robots_tag
def sitemap_index(request, sitemaps, sitemap_url_name):
    """sitemap.xml: every page of every section, on SITE_URL (Django's index view takes the
    request's host), Last-Modified the latest ingest when every section gives one."""
    items, latest, all_dated = [], None, True
    for section, cls in sitemaps.items():
        site = cls()
        url = absolute_url(reverse(sitemap_url_name, kwargs={"section": section}))
        lastmod = site.get_latest_lastmod()
        if lastmod is None:
            all_dated = False
        elif all_dated:
            latest = lastmod if latest is None else max(latest, lastmod)
        items.append(SitemapIndexItem(url, lastmod))
        items.extend(
            SitemapIndexItem(f"{url}?p={n}", lastmod) for n in range(2, site.paginator.num_pages + 1)
        )
    headers = {"Last-Modified": http_date(latest.timestamp())} if all_dated and latest else None
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml", headers=headers
    )


# Paths crawlers should not walk: none. Search results are not to be indexed (endless, and the
# same remarks again), but a crawler that may not fetch a page never reads its `noindex` and may
# list the bare URL anyway; so search answers `noindex, nofollow` (the page's <meta name="robots">,
# the API's X-Robots-Tag header) and is not blocked here. `nofollow` keeps a crawler from walking
# from one search to the next (facets, pages).
ROBOTS_DISALLOW: list[str] = []


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}".strip() for path in ROBOTS_DISALLOW or [""]), ""]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
