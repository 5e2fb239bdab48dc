"""URL patterns of the open-data features, kept apart from the pages and included at the site root
without a namespace: the exports (meetings/opendata/exports/urls.py, names "export_…"), the Atom
feeds, sitemap.xml and robots.txt. The JSON API has its own (meetings/opendata/api/urls.py)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.http import require_safe

from meetings.opendata.dump.views import download_file, downloads
from meetings.opendata.exports.urls import urlpatterns as export_patterns
from meetings.opendata.feeds import MeetingsFeed, ParticipantFeed, SearchFeed, TopicFeed
from meetings.opendata.sitemaps import SITEMAPS, robots_txt, sitemap_index

urlpatterns = [
    *export_patterns,
    path("feeds/meetings.atom", require_safe(MeetingsFeed()), name="feed_meetings"),
    path("feeds/speakers/<slug:slug>.atom", require_safe(ParticipantFeed()), name="feed_speaker"),
    path("feeds/topics/<slug:slug>.atom", require_safe(TopicFeed()), name="feed_topic"),
    path("feeds/search.atom", require_safe(SearchFeed()), name="feed_search"),
    path(
        "sitemap.xml",
        require_safe(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots"),
    path("downloads/", downloads, name="downloads"),
    path("downloads/<str:dump>/<str:name>", download_file, name="download_file"),
]
