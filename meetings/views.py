"""Thin views: look up, paginate, render. Every page runs a fixed number of queries."""

from __future__ import annotations

from collections import OrderedDict

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render

from meetings.filters import MeetingFilter
from meetings.models import Meeting, Participant, ParticipantRedirect, RetiredTurnKey, Turn

MEETINGS_PER_PAGE = 30
REMARKS_PER_PAGE = 25
SPEAKERS_PER_PAGE = 100


def _page(request, object_list, per_page):
    paginator = Paginator(object_list, per_page)
    number = request.GET.get("page") or 1
    try:
        number = int(number)
    except (TypeError, ValueError):
        raise Http404("No such page")
    if number < 1 or (number > paginator.num_pages):
        raise Http404("No such page")
    return paginator.page(number)


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def meeting_list(request):
    meetings = Meeting.objects.annotate(
        n_turns=Count("turns"), n_speakers=Count("turns__speaker", distinct=True)
    ).order_by("-date", "title")
    filterset = MeetingFilter(request.GET, queryset=meetings)
    page = _page(request, filterset.qs, MEETINGS_PER_PAGE)
    return render(request, "meetings/meeting_list.html", {
        "page": page, "filter": filterset, "query": _query_without_page(request),
    })


def meeting_detail(request, slug):
    meeting = get_object_or_404(Meeting, slug=slug)
    turns = list(meeting.turns.select_related("speaker").order_by("position"))
    for t in turns:
        t.meeting = meeting
    people: OrderedDict[int, dict] = OrderedDict()
    for t in turns:
        if t.speaker_id is None:
            continue
        entry = people.setdefault(t.speaker_id, {"participant": t.speaker, "roles": [], "count": 0})
        entry["count"] += 1
        if t.role and t.role not in entry["roles"]:
            entry["roles"].append(t.role)
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting, "turns": turns, "people": list(people.values()),
    })


def turn_detail(request, slug, key):
    meeting = get_object_or_404(Meeting, slug=slug)
    turn = Turn.objects.select_related("speaker").filter(meeting=meeting, key=key).first()
    if turn is None:
        if RetiredTurnKey.objects.filter(meeting=meeting, key=key).exists():
            return render(request, "meetings/turn_gone.html", {"meeting": meeting, "key": key}, status=410)
        raise Http404("No such remark in this meeting")
    context = list(
        Turn.objects.select_related("speaker")
        .filter(meeting=meeting, position__in=[turn.position - 1, turn.position + 1])
        .order_by("position")
    )
    for t in [turn, *context]:
        t.meeting = meeting  # already loaded: no query per link
    before = next((t for t in context if t.position < turn.position), None)
    after = next((t for t in context if t.position > turn.position), None)
    url = request.build_absolute_uri(turn.get_absolute_url())
    return render(request, "meetings/turn_detail.html", {
        "meeting": meeting, "turn": turn, "before": before, "after": after, "permalink": url,
    })


def speaker_list(request):
    q = (request.GET.get("q") or "").strip()[:100]
    people = Participant.objects.annotate(
        n_turns=Count("turns"), n_meetings=Count("turns__meeting", distinct=True)
    ).order_by("name")
    if q:
        people = people.filter(Q(name__icontains=q) | Q(turns__role__icontains=q)).distinct()
    page = _page(request, people, SPEAKERS_PER_PAGE)
    return render(request, "meetings/speaker_list.html", {
        "page": page, "q": q, "query": _query_without_page(request),
    })


def speaker_detail(request, slug):
    person = Participant.objects.filter(slug=slug).first()
    if person is None:
        moved = ParticipantRedirect.objects.select_related("participant").filter(old_slug=slug).first()
        if moved is None:
            raise Http404("No such speaker")
        return HttpResponsePermanentRedirect(moved.participant.get_absolute_url())
    turns = (
        Turn.objects.filter(speaker=person)
        .select_related("meeting")
        .order_by("-meeting__date", "meeting_id", "position")
    )
    page = _page(request, turns, REMARKS_PER_PAGE)
    stats = Turn.objects.filter(speaker=person).aggregate(
        n_turns=Count("id"), n_meetings=Count("meeting", distinct=True)
    )
    roles = list(
        Turn.objects.filter(speaker=person).exclude(role=None).values("role")
        .annotate(n=Count("id")).order_by("-n", "role")[:20]
    )
    return render(request, "meetings/speaker_detail.html", {
        "person": person, "page": page, "stats": stats, "roles": roles,
        "query": _query_without_page(request),
    })
