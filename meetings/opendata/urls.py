"""URL patterns of the open-data features (exports, feeds, sitemap), kept apart from the pages."""

from meetings.opendata.exports.urls import urlpatterns as export_patterns
from meetings.opendata.feeds_urls import urlpatterns as feed_patterns

urlpatterns = [*export_patterns, *feed_patterns]
