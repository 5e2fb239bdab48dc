"""Open data: the JSON API, exports, feeds and sitemaps."""
