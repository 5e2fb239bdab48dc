"""/api/: the API's entry point."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from meetings.http.origin import absolute_url
from meetings.opendata.credit import source_data

from . import serializers as s
from .base import ReadOnly
from .schema import responses


class RootView(ReadOnly, APIView):
    """The API's entry point."""

    @extend_schema(
        summary="Links to every collection and to the schema", responses=responses(s.RootSerializer)
    )
    def get(self, request):
        def link(name):
            return absolute_url(reverse(name))

        return Response(
            s.RootSerializer(
                {
                    "meetings": link("api:meeting-list"),
                    "participants": link("api:participant-list"),
                    "turns": link("api:turn-list"),
                    "topics": link("api:topic-list"),
                    "search": link("api:search"),
                    "schema": link("api:schema"),
                    "source": source_data(),
                }
            ).data
        )
