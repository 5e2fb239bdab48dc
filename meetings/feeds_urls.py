"""Atom feeds, sitemap.xml and robots.txt."""

urlpatterns: list = []
