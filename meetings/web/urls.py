from django.urls import path

from meetings.web import views

app_name = "meetings"
urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("meetings/<slug:slug>/<slug:key>/", views.turn_detail, name="turn"),
    path("meetings/<slug:slug>/<slug:key>/citation.<str:fmt>", views.turn_citation, name="turn_citation"),
    path("speakers/", views.speaker_list, name="speaker_list"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker"),
    path("search/", views.search_page, name="search"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
]
