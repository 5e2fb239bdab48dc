"""The read-only JSON API under /api/ (see meetings/opendata/api/views.py and /api/schema/)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from meetings.opendata.api import views

app_name = "api"
urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(http_method_names=["get", "head"]), name="schema"),
    path("meetings/", views.MeetingList.as_view(), name="meeting-list"),
    path("meetings/<slug:slug>/", views.MeetingDetail.as_view(), name="meeting-detail"),
    path("participants/", views.ParticipantList.as_view(), name="participant-list"),
    path("participants/<slug:slug>/", views.ParticipantDetail.as_view(), name="participant-detail"),
    path("participants/<slug:slug>/remarks/", views.ParticipantRemarks.as_view(), name="participant-remarks"),
    path("turns/", views.TurnList.as_view(), name="turn-list"),
    path("turns/<slug:meeting>/<slug:key>/", views.TurnDetail.as_view(), name="turn-detail"),
    path("topics/", views.TopicList.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", views.TopicDetail.as_view(), name="topic-detail"),
    path("topics/<slug:slug>/remarks/", views.TopicRemarks.as_view(), name="topic-remarks"),
    path("search/", views.SearchView.as_view(), name="search"),
    re_path(r"^(?P<rest>[\s\S]*)$", views.not_found),  # last: anything else is a JSON 404
]
