"""Views of the exports: look up, hand to a format's builder (text, json_format, akn, popolo), answer.

GET and HEAD only; unknown slugs answer 404; each view runs a fixed number of queries (a meeting:
two; a person: three; everyone: four, read with server-side cursors in one snapshot while the
document streams), whatever the size of the meeting or of the archive.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from meetings.http.origin import absolute_url
from meetings.models import Meeting, Participant, ParticipantAlias, ParticipantRole, Turn
from meetings.opendata.credit import source_credit
from meetings.sql.snapshot import one_snapshot

from .akn import meeting_akn as akn_document
from .json_format import dumps, meeting_data
from .popolo import popolo_document, popolo_person
from .text import meeting_text as text_document

MAX_ROLES = 30
CURSOR_ROWS = 2000  # rows fetched at a time by the server-side cursors of the Popolo document
# Everyone A–Z by surname: a total order (slugs are unique), the same in each query that reads them.
PEOPLE_ORDER = ("sort_name", "name", "slug")

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
    return _response(text_document(meeting, turns, absolute_url, source_credit()), TEXT)


def _json_not_found(what: str) -> HttpResponse:
    """A JSON file that is not there: JSON, as the API says so, readable by any site."""
    response = _response(dumps({"detail": f"No such {what}."}), JSON)
    response.status_code = 404
    return response


@require_safe
def meeting_json(request, slug):
    try:
        meeting, turns = _meeting(slug)
    except Http404:
        return _json_not_found("meeting")
    return _response(dumps(meeting_data(meeting, turns, absolute_url, source_credit())), JSON)


@require_safe
def meeting_akn(request, slug):
    meeting, turns = _meeting(slug)
    return _response(akn_document(meeting, turns, absolute_url, source_credit()), AKN)


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
        return _json_not_found("speaker")
    if person.slug != slug:  # merged into another person
        return HttpResponsePermanentRedirect(reverse("export_speaker_popolo", kwargs={"slug": person.slug}))
    data = popolo_person(
        person, _written_forms([person])[person.pk], _roles([person])[person.pk], absolute_url
    )
    return _response(dumps(data), JSON)


def _people_with_forms():
    """(person, written forms of their name) for everyone, A–Z: two server-side cursors in the
    same order, merged, so that one person's forms are held at a time."""
    people = Participant.objects.order_by(*PEOPLE_ORDER).only("id", "name", "slug", "sort_name")
    forms = (
        ParticipantAlias.objects.order_by(
            *(f"participant__{f}" for f in PEOPLE_ORDER), "participant_id", "created_at", "id"
        )
        .values_list("participant_id", "written")
        .iterator(chunk_size=CURSOR_ROWS)
    )
    pending = next(forms, None)
    for person in people.iterator(chunk_size=CURSOR_ROWS):
        written = []
        while pending is not None and pending[0] == person.pk:
            written.append(pending[1])
            pending = next(forms, None)
        yield person, written


@require_safe
def participants_popolo(request):
    """Everyone as one Popolo document (persons, organizations, memberships, posts), streamed."""
    slugs = Participant.objects.order_by(*PEOPLE_ORDER).values_list("slug", flat=True)
    roles = (
        ParticipantRole.objects.exclude(role="")
        .order_by(*(f"participant__{f}" for f in PEOPLE_ORDER), "-meetings", "role")
        .values_list("participant__slug", "role", "meetings")
    )

    def stream():
        # One snapshot for the four cursors (an ingest meanwhile cannot make a membership name a
        # person the document lacks), and cursors read as the document is written (inside a
        # transaction, PostgreSQL need not hold their whole result for them). A client that goes
        # away closes this generator, which ends the transaction.
        with one_snapshot():
            for piece in popolo_document(
                _people_with_forms(),
                slugs.iterator(chunk_size=CURSOR_ROWS),
                roles.iterator(chunk_size=CURSOR_ROWS),
                absolute_url,
            ):
                yield piece.encode()

    response = StreamingHttpResponse(stream(), content_type=JSON)
    response["Access-Control-Allow-Origin"] = "*"
    return response
