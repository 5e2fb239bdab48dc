"""Views of the exports: look up, hand to a format's builder (text, json_format, akn, popolo), answer.

GET and HEAD only; unknown slugs answer 404; each view runs a fixed number of queries (a meeting:
two; a person: three; a page of people: four), whatever the size of the meeting or the page.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from meetings.http.origin import absolute_url
from meetings.http.paging import requested_page
from meetings.models import Meeting, Participant, ParticipantAlias, ParticipantRole, Turn

from .akn import meeting_akn as akn_document
from .json_format import dumps, meeting_data
from .popolo import popolo_person
from .text import meeting_text as text_document

PEOPLE_PER_PAGE = 200
MAX_ROLES = 30

TEXT = "text/plain; charset=utf-8"
JSON = "application/json"
AKN = "application/akn+xml"


def _response(body: str | bytes, content_type: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may fetch it
    return response


def _meeting(slug: str) -> tuple[Meeting, list[Turn]]:
    meeting = get_object_or_404(Meeting.objects.defer("search_vector"), slug=slug)
    turns = list(
        Turn.objects.filter(meeting=meeting).select_related("speaker").for_display().order_by("position")
    )
    for turn in turns:
        turn.meeting = meeting  # already loaded: no query per permalink
    return meeting, turns


@require_safe
def meeting_text(request, slug):
    meeting, turns = _meeting(slug)
    return _response(text_document(meeting, turns, absolute_url), TEXT)


@require_safe
def meeting_json(request, slug):
    meeting, turns = _meeting(slug)
    return _response(dumps(meeting_data(meeting, turns, absolute_url)), JSON)


@require_safe
def meeting_akn(request, slug):
    meeting, turns = _meeting(slug)
    return _response(akn_document(meeting, turns, absolute_url), AKN)


def _written_forms(people: list[Participant]) -> dict[int, list[str]]:
    forms: dict[int, list[str]] = {p.pk: [] for p in people}
    rows = (
        ParticipantAlias.objects.filter(participant__in=people)
        .order_by("participant_id", "created_at", "id")
        .values_list("participant_id", "written")
    )
    for pid, written in rows:
        forms[pid].append(written)
    return forms


def _roles(people: list[Participant]) -> dict[int, list[str]]:
    """Each person's titles, most meetings first (at most MAX_ROLES each)."""
    roles: dict[int, list[str]] = {p.pk: [] for p in people}
    rows = (
        ParticipantRole.objects.filter(participant__in=people)
        .exclude(role="")  # the ingest's aggregates
        .order_by("participant_id", "-meetings", "role")
        .values_list("participant_id", "role")
    )
    for pid, role in rows:
        found = roles[pid]
        if len(found) < MAX_ROLES:
            found.append(role)
    return roles


@require_safe
def participant_popolo(request, slug):
    person = Participant.objects.resolve(slug)
    if person is None:
        raise Http404("No such speaker")
    if person.slug != slug:  # merged into another person
        return HttpResponsePermanentRedirect(reverse("export_speaker_popolo", kwargs={"slug": person.slug}))
    data = popolo_person(
        person, _written_forms([person])[person.pk], _roles([person])[person.pk], request.build_absolute_uri
    )
    return _response(dumps(data), JSON)


@require_safe
def participants_popolo(request):
    """Everyone, PEOPLE_PER_PAGE at a time (?page=N), A–Z by surname, with links to the next page."""
    page = requested_page(request, Participant.objects.order_by("sort_name", "name", "slug"), PEOPLE_PER_PAGE)
    paginator = page.paginator
    people = list(page.object_list)
    forms, roles = (_written_forms(people), _roles(people)) if people else ({}, {})
    base = request.build_absolute_uri(reverse("export_speakers_popolo"))
    data = {
        "persons": [popolo_person(p, forms[p.pk], roles[p.pk], request.build_absolute_uri) for p in people],
        "page": page.number,
        "pages": paginator.num_pages,
        "count": paginator.count,
        "next": f"{base}?page={page.next_page_number()}" if page.has_next() else None,
        "previous": f"{base}?page={page.previous_page_number()}" if page.has_previous() else None,
    }
    return _response(dumps(data), JSON)
