from django.urls import include, path

urlpatterns = [
    path("api/", include("meetings.api.urls")),
    path("", include("meetings.urls_open_data")),
    path("", include("meetings.urls")),
]
