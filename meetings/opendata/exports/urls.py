"""Exports of meetings and people (plain text, JSON, Akoma Ntoso, Popolo).

Included at the site root without a namespace, so every name starts with "export_".
"""

from django.urls import path

from meetings.opendata.exports import views as exports_views

urlpatterns: list = [
    path("meetings/<slug:slug>.txt", exports_views.meeting_text, name="export_meeting_text"),
    path("meetings/<slug:slug>.json", exports_views.meeting_json, name="export_meeting_json"),
    path("meetings/<slug:slug>.akn.xml", exports_views.meeting_akn, name="export_meeting_akn"),
    path("speakers/<slug:slug>.popolo.json", exports_views.participant_popolo, name="export_speaker_popolo"),
    path("speakers.popolo.json", exports_views.participants_popolo, name="export_speakers_popolo"),
]
