from django.urls import include, path

urlpatterns = [
    path("api/", include("meetings.opendata.api.urls")),
    path("", include("meetings.opendata.urls")),
    path("", include("meetings.web.urls")),
]
