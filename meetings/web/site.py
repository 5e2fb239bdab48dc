"""Pages about the archive itself: About (what it holds, where the texts come from, how remarks
are attributed), the API documentation, and the favicon."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db.models import Max, Min
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from meetings.derived import aggregates
from meetings.models import Meeting, Participant, Topic, Turn
from meetings.opendata.api.pagination import MAX_PAGE_SIZE, PAGE_SIZE

from .views import MEETINGS_PER_PAGE, SPEAKERS_PER_PAGE, TOPICS_PER_PAGE

FAVICON = Path(settings.BASE_DIR) / "static" / "favicon.ico"


@require_safe
def about(request):
    """Live totals (cached with every page until the archive changes) and how the archive works."""
    span = Meeting.objects.aggregate(first=Min("date"), last=Max("date"))
    totals = {
        "meetings": aggregates.list_count() or Meeting.objects.count(),
        "remarks": aggregates.total_turns(),
        "speakers": Participant.objects.count(),
        "summaries": Turn.objects.filter(kind=Turn.SUMMARY).count(),
        "topics": Topic.objects.listed("raised").count(),
        "years": len(aggregates.meeting_years()),
        **span,
    }
    return render(request, "meetings/about.html", {"totals": totals})


@require_safe
def api_docs(request):
    """The OpenAPI schema read by Swagger UI, served from this site (drf-spectacular-sidecar):
    every script and style is a file of ours, within the Content-Security-Policy."""
    sizes = {"api": PAGE_SIZE, "api_max": MAX_PAGE_SIZE, "meetings": MEETINGS_PER_PAGE}
    sizes |= {"speakers": SPEAKERS_PER_PAGE, "topics": TOPICS_PER_PAGE}
    years = aggregates.meeting_years()
    # The example filters by a year the archive has (the latest): an example that lists nothing
    # teaches nothing.
    example_year = years[0] if years else 2023
    return render(request, "meetings/api_docs.html", {"page_sizes": sizes, "example_year": example_year})


@require_safe
def favicon(request):
    if not FAVICON.exists():
        raise Http404("No favicon")
    response = FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=604800"
    return response
