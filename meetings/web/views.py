"""Thin views: look up, filter, paginate, render. Every page runs a fixed number of queries."""

from __future__ import annotations

import string
from typing import NamedTuple
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models.functions import Left, Upper
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from meetings.derived import aggregates, search
from meetings.http.origin import absolute_url
from meetings.http.paging import page_number, page_or_404, requested_page
from meetings.models import (
    Meeting,
    MeetingTopic,
    Participant,
    RetiredTurnKey,
    Topic,
    Turn,
    TurnTopic,
)
from meetings.web import profiles
from meetings.web.filters import MeetingFilter, ParticipantFilter, SearchFilter, TurnFilter, TurnTopicFilter

MEETINGS_PER_PAGE = 30
REMARKS_PER_PAGE = 25
SPEAKERS_PER_PAGE = 120


class Letter(NamedTuple):
    """A letter of the speakers page's A–Z bar, and whether some surname starts with it."""

    char: str
    present: bool


def _unfiltered(request, *allowed: str) -> bool:
    """No parameter narrows the list (only those in `allowed`, such as the page number, are set)."""
    return all(k in allowed or not v for k, v in request.GET.items())


def _page_of(count: int, number: int | None, per_page: int):
    """A page of a result list already sliced elsewhere (for the pagination links)."""
    return page_or_404(Paginator(range(count), per_page, allow_empty_first_page=True), number)


def _lenient(filterset_class, data, queryset):
    """A FilterSet that ignores the parameters it cannot understand (and says so in .errors)."""
    filterset = filterset_class(data, queryset=queryset)
    filterset.ignored = {}
    if filterset.is_valid():
        return filterset
    errors = dict(filterset.errors)
    cleaned = data.copy()
    for field in errors:
        cleaned.pop(field, None)
    retry = filterset_class(cleaned, queryset=queryset)
    retry.is_valid()
    retry.ignored = errors
    return retry


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _positioned_page(request, meetings, per_page):
    """Page N of the whole newest-first list, read as a range of `list_position`."""
    count = aggregates.list_count() or Meeting.objects.count()
    page = requested_page(request, meetings, per_page, count=count)
    page.object_list = aggregates.list_page(meetings, (page.number - 1) * per_page, per_page, count)
    return page


@require_safe
def meeting_list(request):
    meetings = Meeting.objects.defer("description", "search_vector").newest_first()
    filterset = _lenient(MeetingFilter, request.GET, meetings)
    if _unfiltered(request, "page"):
        page = _positioned_page(request, meetings, MEETINGS_PER_PAGE)
    else:
        page = requested_page(request, filterset.qs, MEETINGS_PER_PAGE)
    years = aggregates.meeting_years()
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page": page,
            "filter": filterset,
            "query": _query_without_page(request),
            "years": years,
        },
    )


@require_safe
def meeting_detail(request, slug):
    meeting = get_object_or_404(Meeting, slug=slug)
    q = search.clean_query(request.GET.get("q"))
    turns = list(meeting.turns.select_related("speaker").for_display().order_by("position"))
    pattern = search.highlight_pattern(q) if q else None
    if pattern is None:
        q = ""
    for t in turns:
        # Always set: a missing attribute makes the template engine call dir() on the turn.
        t.marked_text = search.mark_text(t.text, pattern) if pattern is not None else ""
    people = profiles.meeting_participants(meeting, turns)
    newer, older = _neighbours(meeting)
    topics = list(
        MeetingTopic.objects.filter(meeting=meeting)
        .select_related("topic", "raised_by", "evidence")
        .order_by("rank")
    )
    for mt in topics:
        if mt.evidence:
            mt.evidence.meeting = meeting
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "turns": turns,
            "people": people,
            "topics": topics,
            "q": q,
            "newer": newer,
            "older": older,
        },
    )


def _neighbours(meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The meetings just before and after this one in the meeting list (newest first): one index
    read by list position, or, while positions are being rebuilt, the same order by date, title, id."""
    fields = ("slug", "title", "date", "list_position")
    p = meeting.list_position
    if p is not None:
        near = {
            m.list_position: m for m in Meeting.objects.filter(list_position__in=[p - 1, p + 1]).only(*fields)
        }
        return near.get(p - 1), near.get(p + 1)
    d, title, pk = meeting.date, meeting.title, meeting.pk
    newer = (
        Meeting.objects.filter(date__gt=d)
        | Meeting.objects.filter(date=d, title__lt=title)
        | Meeting.objects.filter(date=d, title=title, pk__lt=pk)
    )
    older = (
        Meeting.objects.filter(date__lt=d)
        | Meeting.objects.filter(date=d, title__gt=title)
        | Meeting.objects.filter(date=d, title=title, pk__gt=pk)
    )
    return (
        newer.order_by("date", "-title", "-pk").only(*fields).first(),
        older.newest_first().only(*fields).first(),
    )


@require_safe
def turn_detail(request, slug, key):
    meeting = get_object_or_404(Meeting, slug=slug)
    turn = Turn.objects.select_related("speaker").for_display().filter(meeting=meeting, key=key).first()
    if turn is None:
        if RetiredTurnKey.objects.filter(meeting=meeting, key=key).exists():
            return render(request, "meetings/turn_gone.html", {"meeting": meeting, "key": key}, status=410)
        raise Http404("No such remark in this meeting")
    context = list(
        Turn.objects.select_related("speaker")
        .for_display()
        .filter(meeting=meeting, position__in=[turn.position - 1, turn.position + 1])
        .order_by("position")
    )
    for t in [turn, *context]:
        t.meeting = meeting
    before = next((t for t in context if t.position < turn.position), None)
    after = next((t for t in context if t.position > turn.position), None)
    url = absolute_url(turn.get_absolute_url())  # on SITE_URL: the same from any host name
    return render(
        request,
        "meetings/turn_detail.html",
        {
            "meeting": meeting,
            "turn": turn,
            "focus": [turn],
            "before": before,
            "after": after,
            "permalink": url,
        },
    )


@require_safe
def speaker_list(request):
    people = Participant.objects.order_by("sort_name", "name")
    filterset = _lenient(ParticipantFilter, request.GET, people)
    page = requested_page(request, filterset.qs, SPEAKERS_PER_PAGE)
    letters = set(
        Participant.objects.annotate(initial=Upper(Left("sort_name", 1)))
        .values_list("initial", flat=True)
        .distinct()
    )
    return render(
        request,
        "meetings/speaker_list.html",
        {
            "page": page,
            "filter": filterset,
            "query": _query_without_page(request),
            "letters": [Letter(c, c in letters) for c in string.ascii_uppercase],
            "letter": (request.GET.get("letter") or "")[:1].upper(),
        },
    )


@require_safe
def speaker_detail(request, slug):
    person = Participant.objects.resolve(slug)
    if person is None:
        raise Http404("No such speaker")
    if person.slug != slug:  # merged into another person
        return HttpResponsePermanentRedirect(person.get_absolute_url())
    turns = (
        Turn.objects.filter(speaker=person).select_related("meeting").for_display("meeting").newest_first()
    )
    filterset = _lenient(TurnFilter, request.GET, turns)
    if _unfiltered(request, "page"):
        # The whole list: its count is known and any page starts from the meeting it falls in.
        page = requested_page(request, turns, REMARKS_PER_PAGE, count=person.turn_count)
        page.object_list = aggregates.remarks_page(
            person, turns, (page.number - 1) * REMARKS_PER_PAGE, REMARKS_PER_PAGE
        )
    else:
        page = requested_page(request, filterset.qs, REMARKS_PER_PAGE)
    stats = {"n_turns": person.turn_count, "n_meetings": person.meeting_count}
    topics, also = profiles.topics(person)
    return render(
        request,
        "meetings/speaker_detail.html",
        {
            "person": person,
            "page": page,
            "stats": stats,
            "filter": filterset,
            "roles": profiles.roles(person),
            "meetings": profiles.recent_meetings(person),
            "partners": profiles.exchanged_with(person),
            "topics": topics,
            "also_topics": also,
            "query": _query_without_page(request),
        },
    )


TOPICS_PER_PAGE = 100


@require_safe
def topic_list(request):
    order = "az" if request.GET.get("sort") == "az" else "raised"
    page = requested_page(request, Topic.objects.listed(order), TOPICS_PER_PAGE)
    return render(
        request,
        "meetings/topic_list.html",
        {
            "page": page,
            "order": order,
            "query": _query_without_page(request),
        },
    )


@require_safe
def topic_detail(request, slug):
    """Everything on this page reads rows rebuilt with the topics (TopicSpeaker, TopicMeeting, the
    copies of date, meeting, position and speaker on TurnTopic) through an index on the topic:
    the same few queries, the same cost, for a topic of ten remarks or of a hundred thousand."""
    # Rows are read as tuples and each kind of link is reversed once (slugs and keys need no
    # quoting); the markup is the template's (_topic_remark.html).
    topic = get_object_or_404(Topic, slug=slug)
    remarks = (
        TurnTopic.objects.filter(topic=topic)
        .newest_first()
        .values_list(
            "raised",
            "turn__key",
            "turn__text",
            "turn__kind",
            "turn__speaker_label",
            "turn__speaker__slug",
            "turn__speaker__name",
            "meeting__slug",
            "meeting__title",
            "date",
        )
    )
    filterset = _lenient(TurnTopicFilter, request.GET, remarks)
    page = requested_page(request, filterset.qs, REMARKS_PER_PAGE, count=filterset.known_count(topic))
    if _unfiltered(request, "page"):  # any page starts from the meeting where it falls
        page.object_list = aggregates.topic_remarks_page(
            topic, remarks, (page.number - 1) * REMARKS_PER_PAGE, REMARKS_PER_PAGE
        )

    def link(name, *params):
        pattern = reverse(name, kwargs={k: f"--{k}--" for k in params})
        return lambda slug, key="": pattern.replace("--slug--", slug).replace("--key--", key)

    meeting_url, speaker_url = link("meetings:meeting", "slug"), link("meetings:speaker", "slug")
    turn_url = link("meetings:turn", "slug", "key")
    items = [
        {
            "raised": raised,
            "is_summary": kind == Turn.SUMMARY,
            "label": label,
            "name": name,
            "date": date,
            "speaker_url": speaker_url(person) if person else "",
            "meeting_title": title,
            "in_meeting_url": f"{meeting_url(meeting)}#{key}",
            "url": turn_url(meeting, key),
            "text": text,
        }
        for raised, key, text, kind, label, person, name, meeting, title, date in page.object_list
    ]
    # Who spoke on it: everyone whose remarks the list holds, most remarks first; each figure is
    # what the speaker filter lists (TopicSpeaker is grouped from the same TurnTopic rows).
    speakers = [
        {"slug": person, "name": name, "remarks": n, "raised": raised, "url": speaker_url(person)}
        for person, name, n, raised in topic.speakers.order_by("-remarks", "rank").values_list(
            "participant__slug", "participant__name", "remarks", "raised"
        )[:SPEAKERS_SHOWN]
    ]
    meetings = [
        {"url": meeting_url(meeting), "title": title, "date": date}
        for meeting, title, date in topic.topic_meetings.order_by("rank").values_list(
            "meeting__slug", "meeting__title", "meeting__date"
        )[:MEETINGS_SHOWN]
    ]
    counts, n_meetings = aggregates.topic_years(topic)
    years = [TopicYear(*row) for row in counts]
    selected = (getattr(filterset.form, "cleaned_data", None) or {}).get("speaker")
    return render(
        request,
        "meetings/topic_detail.html",
        {
            "topic": topic,
            "page": page,
            "remarks": items,
            "filter": filterset,
            "speakers": speakers,
            "speaker_unlisted": bool(selected) and all(p["slug"] != selected for p in speakers),
            "meetings": meetings,
            "years": years,
            "chart": topic_chart(years),
            "n_meetings": n_meetings,
            "search_all": f"{reverse('meetings:search')}?{urlencode({'q': f'"{topic.label}"'})}",
            "query": _query_without_page(request),
        },
    )


SPEAKERS_SHOWN = 20
MEETINGS_SHOWN = 20


class TopicYear(NamedTuple):
    """A year of a topic's remarks: how many (what the page filtered by that year lists)."""

    year: int
    remarks: int


CHART_HEIGHT = 96  # px of the tallest bar, in the SVG's own units
CHART_WIDTH = 360  # the viewBox width: about the width of a phone, so the text is read at ~1:1
CHART_LABELS = 6  # at most this many year labels under the bars


class Bar(NamedTuple):
    year: int
    remarks: int
    x: float
    y: float
    width: float
    height: float
    cx: float  # the bar's middle, where its year is written
    label: bool  # the year is written under this bar


def topic_chart(years: list[TopicYear]) -> dict | None:
    """Bars of remarks per year for the topic page's inline SVG, every year from the first to the
    last (a year without remarks is a gap, not a missing bar); None when there is nothing to draw."""
    if not years:
        return None
    by_year = {y.year: y.remarks for y in years}
    first, last = years[0].year, years[-1].year
    span = list(range(first, last + 1))
    top = max(by_year.values())
    slot = CHART_WIDTH / len(span)
    width = max(1.0, slot * 0.8)
    every = max(1, -(-len(span) // CHART_LABELS))  # label every n-th year, the last always
    bars = []
    for i, year in enumerate(span):
        n = by_year.get(year, 0)
        height = round(max(2.0, CHART_HEIGHT * n / top), 1) if n else 0  # a year of one remark shows
        x = i * slot + (slot - width) / 2
        bars.append(
            Bar(
                year,
                n,
                round(x, 1),
                round(CHART_HEIGHT - height, 1),
                round(width, 1),
                height,
                round(x + width / 2, 1),
                (len(span) - 1 - i) % every == 0,
            )
        )
    return {
        "bars": bars,
        "top": top,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "first": first,
        "last": last,
    }


RESULTS_PER_PAGE = 20
SEARCH_PAGE_DIGITS = 4


@require_safe
def search_page(request):
    raw = request.GET.get("q", "")
    q = search.clean_query(raw)
    filterset = _lenient(SearchFilter, request.GET, Turn.objects.all())
    base = filterset.qs
    context = {
        "q": q,
        "raw_too_long": len(raw) > search.MAX_QUERY_LENGTH,
        "filter": filterset,
        "query": _query_without_page(request),
        "sort": "date" if request.GET.get("sort") == "date" else "relevance",
    }
    if not q:
        return render(request, "meetings/search.html", context)
    if not search.has_lexemes(q):
        context["no_lexemes"] = True
        return render(request, "meetings/search.html", context)
    within_meeting = bool(request.GET.get("meeting"))
    number = page_number(request.GET.get("page"), max_digits=SEARCH_PAGE_DIGITS)
    if number is None:
        raise Http404("No such page")
    hits = search.search_turns(
        q, base, sort=context["sort"], group=not within_meeting, page=number, per_page=RESULTS_PER_PAGE
    )
    page = _page_of(hits.units, number, RESULTS_PER_PAGE)
    results = hits.page
    search.with_snippets(results, q)
    context.update(
        {
            "page": page,
            "results": results,
            "grouped": hits.grouped,
            "hits": hits,
            "facets": search.facets(hits) if page.number == 1 else None,
            "people": search.matching_people(q) if page.number == 1 else [],
            "meetings": search.matching_meetings(q) if page.number == 1 and not within_meeting else [],
        }
    )
    return render(request, "meetings/search.html", context)
