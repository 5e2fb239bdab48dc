"""Thin views: look up, filter, paginate, render. Every page runs a fixed number of queries."""

from __future__ import annotations

import itertools
import string
from collections import Counter
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Left, Upper
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from meetings.core import citations, leads
from meetings.core import contents as contents_core
from meetings.core.topics.mentions import searched_forms
from meetings.core.topics.phrases import form_label, forms_to_show
from meetings.derived import aggregates, search
from meetings.derived.topic_index import MEETING_LIST_FIRST, MIN_MEETINGS, MIN_REMARKS
from meetings.http.origin import absolute_url
from meetings.http.paging import page_number, page_or_404, requested_page
from meetings.http.redirects import moved_permanently
from meetings.models import (
    Appearance,
    Meeting,
    Participant,
    ParticipantRole,
    RetiredTurnKey,
    Topic,
    Turn,
    TurnTopic,
)
from meetings.opendata.credit import source_credit
from meetings.web import charts, profiles, related_topics
from meetings.web.filters import (
    MeetingFilter,
    SearchFilter,
    SpeakerIndexFilter,
    TopicIndexFilter,
    TurnFilter,
    TurnTopicFilter,
)
from meetings.web.meeting_topics import meeting_topics

MEETINGS_PER_PAGE = 30
REMARKS_PER_PAGE = 25
SPEAKERS_PER_PAGE = 120
# What the topics index lists, as the index and a topic page it leaves out state it
# (_index_rule.html).
INDEX_RULE = {
    "min_meetings": MIN_MEETINGS,
    "min_remarks": MIN_REMARKS,
    "meeting_list_first": MEETING_LIST_FIRST,
}


class Letter(NamedTuple):
    """A letter of an A–Z bar (speakers, topics), and whether some name starts with it."""

    char: str
    present: bool


def _initials(rows: QuerySet, field: str) -> list[Letter]:
    """A to Z, each with whether a row's `field` starts with it (the letters of an A–Z index)."""
    present = set(rows.annotate(initial=Upper(Left(field, 1))).values_list("initial", flat=True).distinct())
    return [Letter(c, c in present) for c in string.ascii_uppercase]


def _unfiltered(request, *allowed: str) -> bool:
    """No parameter narrows the list (only those in `allowed`, such as the page number, are set)."""
    return all(k in allowed or not v for k, v in request.GET.items())


def _page_of(count: int, number: int | None, per_page: int):
    """A page of a result list already sliced elsewhere (for the pagination links)."""
    return page_or_404(Paginator(range(count), per_page, allow_empty_first_page=True), number)


# The parameters of a list's FilterSet that order it and narrow nothing.
ORDER_PARAMETERS = frozenset({"order", "sort"})


def _lenient(filterset_class, data, queryset):
    """A FilterSet that ignores the parameters it cannot understand (and says so in .ignored);
    .applied says whether any filter it understood narrows the list (the page's count then says
    "match these filters")."""
    filterset = filterset_class(data, queryset=queryset)
    filterset.ignored = {}
    if not filterset.is_valid():
        errors = dict(filterset.errors)
        cleaned = data.copy()
        for field in errors:
            cleaned.pop(field, None)
        filterset = filterset_class(cleaned, queryset=queryset)
        filterset.is_valid()
        filterset.ignored = errors
    filterset.applied = any(
        filterset.data.get(name) for name in filterset.filters if name not in ORDER_PARAMETERS
    )
    return filterset


def _search_url(q: str) -> str:
    """The address of the search for `q`."""
    return f"{reverse('meetings:search')}?{urlencode({'q': q})}"


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


HOME_MEETINGS = 8
HOME_SPEAKERS = 10


@require_safe
def home(request):
    """What the archive holds: totals, meetings per year, the latest meetings with who spoke
    most in them, the most active speakers, and a search box."""
    per_year = list(aggregates.meetings_per_year().items())
    latest = list(
        profiles.main_speakers(Meeting.objects.defer("description", "search_vector")).newest_first()[
            :HOME_MEETINGS
        ]
    )
    profiles.with_main_speakers(latest)
    people = Participant.objects.order_by("-turn_count", "sort_name")
    totals = {
        "meetings": sum(n for _, n in per_year),
        "remarks": aggregates.total_turns(),
        "speakers": people.count(),
        "first": per_year[0][0] if per_year else None,
        "last": per_year[-1][0] if per_year else None,
        "years": len(per_year),
    }
    return render(
        request,
        "meetings/home.html",
        {
            "totals": totals,
            "chart": charts.year_chart(per_year),
            "per_year": per_year,
            "year_link": f"{reverse('meetings:meeting_list')}?year=",
            "latest": latest,
            "active": list(people.only("name", "slug", "turn_count", "meeting_count")[:HOME_SPEAKERS]),
        },
    )


@require_safe
def meeting_list(request):
    meetings = profiles.main_speakers(Meeting.objects.defer("description", "search_vector")).newest_first()
    filterset = _lenient(MeetingFilter, request.GET, meetings)
    if _unfiltered(request, "page"):
        page = _positioned_page(request, meetings, MEETINGS_PER_PAGE)
    else:
        page = requested_page(request, filterset.qs, MEETINGS_PER_PAGE)
    years = aggregates.meeting_years()
    page.object_list = profiles.with_main_speakers(list(page.object_list))
    # Narrowed to a topic (from its page, or typed as its label): which, and the same list without it.
    topic = (filterset.form.cleaned_data.get("topic") or [None])[0]
    without = request.GET.copy()
    without.pop("topic", None)
    without.pop("page", None)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page": page,
            "filter": filterset,
            "query": _query_without_page(request),
            "query_without_topic": without.urlencode(),
            "topic": topic,
            "years": years,
        },
    )


@require_safe
def meeting_detail(request, slug):
    meeting = Meeting.objects.filter(slug=slug).first()
    if meeting is None:
        return _lower_case_redirect(request, Meeting, slug)
    q = search.clean_query(request.GET.get("q"))
    turns = list(meeting.turns.select_related("speaker").for_display().order_by("position"))
    pattern = search.highlight_pattern(q) if q else None
    if pattern is None:
        q = ""
    for t in turns:
        # Always set: a missing attribute makes the template engine call dir() on the turn.
        t.marked_text = search.mark_text(t.text, pattern) if pattern is not None else ""
    people = profiles.meeting_participants(meeting, turns)
    toc = contents_core.contents(
        [
            contents_core.Remark(
                t.key,
                t.speaker.name if t.speaker_id else t.display_label,
                t.speaker_id,
                t.text,
                t.is_summary,
                t.section,
            )
            for t in turns
        ]
    )
    newer, older = _neighbours(meeting)
    lead, transcript_heading = leads.split_lead(meeting.description)
    topics = meeting_topics(meeting, turns)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "lead": lead,
            "transcript_heading": transcript_heading,
            "turns": turns,
            "people": people,
            "main_people": profiles.main_participants(people),
            "contents": toc,
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
    meeting = Meeting.objects.filter(slug=slug).first()
    if meeting is None or (key != key.lower() and not meeting.turns.filter(key=key).exists()):
        return _lower_case_redirect(request, Meeting, slug, key)
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
    cite = _citation(meeting, turn, url)
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
            "citation": {
                "text": citations.plain(cite),
                "bibtex": citations.bibtex(cite),
                "csl_json": citations.csl_json(cite),
                "accessed": cite.accessed,
            },
        },
    )


def _lower_case_redirect(request, model, slug: str, key: str | None = None):
    """A 301 to the address written in lower case (/speakers/Vladimir-Putin/ is
    /speakers/vladimir-putin/) when that one exists; otherwise 404. Slugs and keys are stored in
    lower case, so a capital letter only ever comes from someone typing the address."""
    lower, lower_key = slug.lower(), key.lower() if key else key
    if (lower, lower_key) == (slug, key):
        raise Http404("No such page")
    if model is Participant:
        found = Participant.objects.resolve(lower)
        if found is None:
            raise Http404("No such speaker")
        url = found.get_absolute_url()
    else:
        found = Meeting.objects.filter(slug=lower).first()
        if found is None:
            raise Http404("No such meeting")
        url = found.get_absolute_url() + (f"{lower_key}/" if key else "")
    return moved_permanently(request, url)


class SpeakerGroup(NamedTuple):
    """Speakers of the index under one heading (a letter; none when not in A–Z order)."""

    letter: str
    people: list


def _speaker_rows(people):
    """Participants with what the speakers index shows: the office they last spoke under
    (`latest_role`) and the first and last dates they spoke (`first_seen`, `last_seen`), each
    an index read per person."""
    appearances = Appearance.objects.filter(participant=OuterRef("pk"))
    return people.with_last_seen().annotate(
        latest_role=Subquery(
            ParticipantRole.objects.filter(participant=OuterRef("pk"))
            .order_by("-last", "-meetings", "role")
            .values("role")[:1]
        ),
        first_seen=Subquery(appearances.order_by("date").values("date")[:1]),
    )


def _namesakes_first_meetings(people) -> dict[int, Meeting]:
    """For people of one list who share their name (namesakes an editor split), the meeting each
    first spoke at: what tells their rows apart (one query, none without namesakes)."""
    names = Counter(p.name for p in people)
    return _first_meetings([p.pk for p in people if names[p.name] > 1])


def _first_meetings(ids: list[int]) -> dict[int, Meeting]:
    """The meeting each of these people first spoke at (one query, none for nobody)."""
    if not ids:
        return {}
    firsts = (
        Appearance.objects.filter(participant__in=ids)
        .order_by("participant_id", "date", "meeting_id")
        .distinct("participant_id")
        .select_related("meeting")
        .only("participant_id", "meeting__slug", "meeting__title")
    )
    return {a.participant_id: a.meeting for a in firsts}


def _citation(meeting: Meeting, turn: Turn, url: str) -> citations.Remark:
    """The facts of a remark's citation; accessed today (the server's date, UTC)."""
    return citations.Remark(
        archive=settings.ARCHIVE_NAME,
        speaker=turn.speaker.name if turn.speaker else turn.speaker_label,
        role=turn.role or "",
        meeting=meeting.title,
        date=meeting.date,
        place=meeting.place or "",
        url=url,
        key=turn.key,
        meeting_slug=meeting.slug,
        accessed=timezone.localdate(),
        summary=turn.is_summary,
        source=credit.attribution if (credit := source_credit()) else "",
        part=turn.section,
        named=turn.speaker is not None,
    )


CITATION_FORMATS = {
    "txt": ("text/plain; charset=utf-8", citations.plain),
    "bib": ("application/x-bibtex; charset=utf-8", citations.bibtex),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", citations.csl_json),
}


@require_safe
def turn_citation(request, slug, key, fmt):
    """The citation of a remark as a file (plain text, BibTeX, CSL-JSON): usable without script."""
    if fmt not in CITATION_FORMATS:
        raise Http404("No such citation format")
    meeting = get_object_or_404(Meeting, slug=slug)
    turn = get_object_or_404(Turn.objects.select_related("speaker").for_display(), meeting=meeting, key=key)
    turn.meeting = meeting
    content_type, write = CITATION_FORMATS[fmt]
    body = write(_citation(meeting, turn, absolute_url(turn.get_absolute_url())))
    response = HttpResponse(body + "\n", content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{slug}-{key}.{fmt}"'
    return response


@require_safe
def speaker_list(request):
    people = _speaker_rows(Participant.objects.order_by("sort_name", "name"))
    filterset = _lenient(SpeakerIndexFilter, request.GET, people)
    page = requested_page(request, filterset.qs, SPEAKERS_PER_PAGE)
    order = filterset.ordered_by()
    matched = filterset.matched_roles(page.object_list)
    spelled = filterset.matched_spellings(page.object_list)
    first_meetings = _namesakes_first_meetings(page.object_list)
    for p in page.object_list:
        p.shown_role = matched.get(p.pk) or p.latest_role
        p.spelled = spelled.get(p.pk, "")
        p.period = profiles.period(p.first_seen, p.last_seen)
        p.first_meeting = first_meetings.get(p.pk)
    if order == "name":  # A–Z: a heading per letter of the surname
        groups = [
            SpeakerGroup(k, list(g)) for k, g in itertools.groupby(page.object_list, key=lambda p: p.letter)
        ]
    else:
        groups = [SpeakerGroup("", list(page.object_list))]
    letters = _initials(Participant.objects.all(), "sort_name")
    return render(
        request,
        "meetings/speaker_list.html",
        {
            "page": page,
            "filter": filterset,
            "query": _query_without_page(request),
            "letters": letters,
            "letter": (request.GET.get("letter") or "")[:1].upper(),
            "order": order,
            "orders": SpeakerIndexFilter.ORDERS,
            "groups": groups,
            "role_words": bool(matched),
        },
    )


@require_safe
def speaker_detail(request, slug):
    person = profiles.with_header(Participant.objects.all()).resolve(slug)
    if person is None:
        return _lower_case_redirect(request, Participant, slug)
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
    stats = {
        "n_turns": person.turn_count,
        "n_meetings": person.meeting_count,
        "n_summaries": profiles.summaries(person),
    }
    topics, also = profiles.topics(person)
    offices = profiles.roles(person)
    if offices:
        stats["untitled"] = profiles.untitled_meetings(person)
    recent = profiles.recent_meetings(person)
    # The meeting the remarks are filtered by is among the filter's choices, recent or not (a
    # meeting page's "N remarks" opens this list for its meeting).
    asked = (filterset.form.cleaned_data.get("meeting") or "").strip()
    choices = recent
    if asked and all(m.slug != asked for m in recent):
        choices = [*recent, *profiles.meetings_of(person, [asked])]
    return render(
        request,
        "meetings/speaker_detail.html",
        {
            "person": person,
            "page": page,
            "stats": stats,
            "filter": filterset,
            "roles": offices,
            "header": profiles.header(person, offices),
            "meetings": recent,
            "meeting_choices": choices,
            "partners": profiles.exchanged_with(person),
            "topics": topics,
            "also_topics": also,
            "query": _query_without_page(request),
        },
    )


TOPICS_PER_PAGE = 100


@require_safe
def topic_list(request):
    filterset = _lenient(TopicIndexFilter, request.GET, Topic.objects.listed())
    page = requested_page(request, filterset.qs, TOPICS_PER_PAGE)
    words = " ".join((filterset.form.cleaned_data.get("q") or "").split())
    letter = (filterset.form.cleaned_data.get("letter") or "").strip()[:1].upper()

    return render(
        request,
        "meetings/topic_list.html",
        {
            "page": page,
            "filter": filterset,
            "order": filterset.ordered_by(),
            "orders": TopicIndexFilter.ORDERS,
            "words": words,
            "letter": letter,
            "letters": _initials(Topic.objects.listed(), "label"),
            "search": _search_url(words) if words else "",
            "query": _query_without_page(request),
            **INDEX_RULE,
        },
    )


@require_safe
def topic_detail(request, slug):
    """Everything on this page reads rows rebuilt with the topics (TopicSpeaker, TopicMeeting, the
    copies of date, meeting, position and speaker on TurnTopic) through an index on the topic:
    the same few queries, the same cost, for a topic of ten remarks or of a hundred thousand."""
    # Rows are read as tuples and each kind of link is reversed once (slugs and keys need no
    # quoting); the markup is the template's (_topic_remark.html).
    topic = Topic.objects.resolve(slug)
    if topic is None:
        # Topics are rebuilt with the archive: an old link's topic may be listed no more. The
        # remarks that said its words still are, through the search.
        words = " ".join(w for w in slug.replace("_", "-").split("-") if w)
        search = _search_url(words) if words else ""
        return render(request, "meetings/topic_gone.html", {"words": words, "search": search}, status=404)
    if topic.slug != slug:  # moved by a rebuild: the label reads otherwise, or merged into another
        return moved_permanently(request, topic.get_absolute_url())
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
            "uses",
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
            "uses": uses,
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
        for raised, key, text, kind, label, person, name, meeting, title, date, uses in page.object_list
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
    counts, n_meetings, unnamed = aggregates.topic_figures(topic)
    # Every year from the first to the last, with the archive's meetings of it: a year the archive
    # holds few meetings of is no year the topic was not spoken of.
    held = aggregates.meetings_per_year()
    remarks_in = dict(counts)
    span = range(min(remarks_in), max(remarks_in) + 1) if remarks_in else range(0)
    years = [TopicYear(year, remarks_in.get(year, 0), held.get(year, 0)) for year in span]
    selected = (getattr(filterset.form, "cleaned_data", None) or {}).get("speaker")
    # The forms counted with it as the remarks that use them write them (found at the rebuild; from
    # this page's remarks for a topic loaded from a dump written before), and the search for every
    # mention: the label and each form.
    forms = topic.form_labels
    if len(forms) != len(topic.forms):
        texts = [item["text"] for item in items]
        forms = [form_label(form, texts) for form in topic.forms]
    forms = forms_to_show(topic.label, forms)
    every_form = " or ".join(f'"{form}"' for form in searched_forms(topic.label, forms))
    listing = list(profiles.profiles_listing(topic)[:PROFILES_SHOWN])  # each with `listed`: how many in all
    return render(
        request,
        "meetings/topic_detail.html",
        {
            "topic": topic,
            "forms": forms,
            "page": page,
            "remarks": items,
            "filter": filterset,
            "speakers": speakers,
            "profiles": listing,
            "n_profiles": listing[0].listed if listing else 0,
            "speaker_unlisted": bool(selected) and all(p["slug"] != selected for p in speakers),
            "meetings": meetings,
            "sharing": related_topics.sharing_words(topic),
            "years": years,
            "chart": charts.year_chart((y.year, y.remarks) for y in years),
            "thin_years": charts.thin_years(held, span[0], span[-1]) if span else [],
            "n_meetings": n_meetings,
            "unnamed": unnamed,
            "search_all": _search_url(every_form),
            "query": _query_without_page(request),
            **INDEX_RULE,
        },
    )


SPEAKERS_SHOWN = 20
PROFILES_SHOWN = 20
MEETINGS_SHOWN = 20


class TopicYear(NamedTuple):
    """A year of a topic's remarks: how many (what the page filtered by that year lists), and the
    archive's meetings of that year."""

    year: int
    remarks: int
    meetings: int


RESULTS_PER_PAGE = 20
SEARCH_PAGE_DIGITS = 4


def _with_latest_roles(people: list) -> list:
    """`people`, each with the office they last spoke under (`latest_role`, as the speakers index
    shows it: two people of one name are told apart); one query, none for nobody."""
    if people:
        roles = dict(
            _speaker_rows(Participant.objects.filter(pk__in=[p.pk for p in people])).values_list(
                "pk", "latest_role"
            )
        )
        for p in people:
            p.latest_role = roles.get(p.pk) or ""
    return people


def _told_apart(people: list) -> list:
    """`people`, each with `told_apart`: for one who shares their name with another person of the
    archive (namesakes an editor split), what tells them apart, as the speakers index shows it
    (the office they last spoke under, and the meeting they first spoke at); "" for the others.
    Two queries when some bear a shared name, one when none does, none for nobody."""
    for p in people:
        p.told_apart = ""
    names = {p.name for p in people}
    if not names:
        return people
    shared = set(
        Participant.objects.filter(name__in=names)
        .values("name")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("name", flat=True)
    )
    ids = [p.pk for p in people if p.name in shared]
    if ids:
        rows = _speaker_rows(Participant.objects.filter(pk__in=ids)).values_list("pk", "latest_role")
        roles = dict(rows)
        firsts = _first_meetings(ids)
        for p in people:
            if p.pk in firsts or p.pk in roles:
                first = firsts.get(p.pk)
                said = [roles.get(p.pk) or "", f"first at {first.title}" if first else ""]
                p.told_apart = ", ".join(s for s in said if s)
    return people


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
        "speaker_names": search.speaker_choices(),
        # The people the speaker box named (a slug, a name, words of a name): the page says who,
        # namesakes told apart.
        "speakers": _told_apart(getattr(filterset, "speakers", None) or []),
        # The topics the topic box named (a label or a slug): the count line says which.
        "topics": filterset.form.cleaned_data.get("topic") or [],
    }
    if not q:
        return render(request, "meetings/search.html", context)
    if not search.has_lexemes(q):
        context["no_lexemes"] = True
        return render(request, "meetings/search.html", context)
    within_meeting = bool(request.GET.get("meeting"))
    if within_meeting:  # a meeting's address that names none is said so, not taken for no match
        asked = (filterset.form.cleaned_data.get("meeting") or "").strip()
        context["meeting_missing"] = asked and not Meeting.objects.filter(slug=asked).exists()
    number = page_number(request.GET.get("page"), max_digits=SEARCH_PAGE_DIGITS)
    if number is None:
        raise Http404("No such page")
    hits = search.search_turns(
        q, base, sort=context["sort"], group=not within_meeting, page=number, per_page=RESULTS_PER_PAGE
    )
    page = _page_of(hits.units, number, RESULTS_PER_PAGE)
    results = hits.page
    search.with_snippets(results, q)
    suggestion = search.suggest(q, hits.total) if page.number == 1 else None
    if suggestion is not None:  # the same search, filters kept, with the corrected words
        params = request.GET.copy()
        params.pop("page", None)
        params["q"] = suggestion.query
        context.update(suggestion=suggestion, suggestion_query=params.urlencode())
    # A facet's or a meeting's link keeps every other filter (and the order): its figure, counted
    # among these matches, is what it opens.
    ordered = {"sort": "date"} if context["sort"] == "date" else {}
    for t in results:
        t.in_meeting_query = filterset.query_with(q, meeting=t.meeting.slug, **ordered)
    facets = search.facets(hits) if page.number == 1 else None
    if facets:
        _told_apart([f["participant"] for f in facets["speakers"]])
        for f in facets["speakers"]:
            f["query"] = filterset.query_with(q, speaker=f["speaker__slug"], **ordered)
        for f in facets["years"]:
            f["query"] = filterset.query_with(q, year=str(f["year"]), **ordered)
    context.update(
        {
            "feed_query": filterset.query_with(q),
            "page": page,
            "results": results,
            "grouped": hits.grouped,
            "hits": hits,
            "facets": facets,
            "people": _told_apart(_with_latest_roles(search.matching_people(q))) if page.number == 1 else [],
            "meetings": (
                search.matching_meetings(q, meetings=dated)
                if page.number == 1
                and not within_meeting
                and (dated := filterset.meetings_offered()) is not None
                else []
            ),
        }
    )
    if len(context["meetings"]) == search.MEETINGS_SHOWN:  # maybe more: how many, and a link to all
        context["meetings_count"] = search.meetings_matching(q, dated).count()
        context["meetings_query"] = filterset.meetings_query(q)
    return render(request, "meetings/search.html", context)
