"""django-filter FilterSets: every list filter is a GET parameter, so a filtered list is a link."""

from __future__ import annotations

import django_filters
from django.db.models import Q

from meetings.models import Meeting, Participant, Turn


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_words", label="Title words")
    year = django_filters.NumberFilter(field_name="date", lookup_expr="year", label="Year")
    place = django_filters.CharFilter(field_name="place", lookup_expr="icontains", label="Place")
    speaker = django_filters.CharFilter(method="filter_speaker", label="Participant")

    class Meta:
        model = Meeting
        fields = ["q", "year", "place", "speaker"]

    def filter_words(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(title__icontains=word)
        return queryset

    def filter_speaker(self, queryset, name, value):
        """A participant's slug, or words of their name."""
        value = value.strip()[:200]
        if not value:
            return queryset
        people = Participant.objects.filter(Q(slug=value) | Q(name__icontains=value))
        return queryset.filter(pk__in=Turn.objects.filter(speaker__in=people).values("meeting_id"))
