"""The read-only JSON API under /api/ (see /api/schema/).

- Collections filter through the pages' own django-filter FilterSets (meetings/web/filters.py) by
  DjangoFilterBackend, so `/api/meetings/?year=2021` lists what `/meetings/?year=2021` lists. A
  value a filter cannot read answers 400 with the reasons (pages ignore it instead).
- Search goes through meetings/derived/search.py exactly as the search page does.
- GET and HEAD only (anything else: 405); errors are JSON ({"detail": …} or {field: [reasons]}).
- Every request runs a fixed number of queries, whatever the size of the page or the meeting.

One module per resource (root, meetings, participants, turns, topics, search); base.py holds what
their views share, schema.py the OpenAPI plumbing, serializers.py what each resource shows.
"""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from meetings.opendata.api import meetings, participants, root, search, topics, turns
from meetings.opendata.api.base import not_found

app_name = "api"
urlpatterns = [
    path("", root.RootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(http_method_names=["get", "head"]), name="schema"),
    path("meetings/", meetings.MeetingList.as_view(), name="meeting-list"),
    path("meetings/<slug:slug>/", meetings.MeetingDetail.as_view(), name="meeting-detail"),
    path("participants/", participants.ParticipantList.as_view(), name="participant-list"),
    path("participants/<slug:slug>/", participants.ParticipantDetail.as_view(), name="participant-detail"),
    path(
        "participants/<slug:slug>/remarks/",
        participants.ParticipantTurns.as_view(),
        name="participant-remarks",
    ),
    path("turns/", turns.TurnList.as_view(), name="turn-list"),
    path("turns/<slug:meeting>/<slug:key>/", turns.TurnDetail.as_view(), name="turn-detail"),
    path("topics/", topics.TopicList.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", topics.TopicDetail.as_view(), name="topic-detail"),
    path("topics/<slug:slug>/remarks/", topics.TopicTurns.as_view(), name="topic-remarks"),
    path("search/", search.SearchView.as_view(), name="search"),
    re_path(r"^(?P<rest>[\s\S]*)$", not_found),  # last: anything else is a JSON 404
]
