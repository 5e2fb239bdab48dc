from django.urls import include, path

urlpatterns = [
    path("", include("meetings.urls")),
]
