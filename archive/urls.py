from django.urls import include, path

from meetings.web import site

urlpatterns = [
    path("api/docs/", site.api_docs, name="api_docs"),  # a page, before the API's JSON 404 for the rest
    path("api/", include("meetings.opendata.api.urls")),
    path("about/", site.about, name="about"),
    path("favicon.ico", site.favicon, name="favicon"),
    path("", include("meetings.opendata.urls")),
    path("", include("meetings.web.urls")),
]
