"""Figures for a participant's profile, each one query whatever the archive's size: they read the
aggregates of `meetings/derived/aggregates.py`, rebuilt after every ingest."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Case, Count, OuterRef, QuerySet, Subquery, When, Window
from django.db.models.functions import Collate, JSONObject

from meetings.core import roles as roles_core
from meetings.derived.topic_index import PROFILE_REMARKS
from meetings.models import (
    Appearance,
    Exchange,
    Meeting,
    Participant,
    ParticipantRole,
    ParticipantTopic,
    Topic,
    TopicSpeaker,
    Turn,
)

RECENT_MEETINGS = 12
TOP_PARTNERS = 8


MEETINGS_PER_ROLE = 5


def roles(person: Participant) -> list[dict]:
    """Each title the person appeared under, with how many meetings, when (`period`), and the most
    recent of those meetings (two queries, read from the aggregates rebuilt at ingest)."""
    found = list(
        ParticipantRole.objects.filter(participant=person)
        .order_by("-meetings", "role")
        .values("role", "meetings", "first", "last", "recent")[:30]
    )
    ids = {mid for r in found for mid in r["recent"][:MEETINGS_PER_ROLE]}
    by_id = Meeting.objects.only("slug", "title", "date").in_bulk(ids)
    for r in found:
        r["period"] = period(r["first"], r["last"])  # as the speakers index writes it
        r["recent"] = [
            {"meeting__slug": m.slug, "meeting__title": m.title, "meeting__date": m.date}
            for m in (by_id.get(mid) for mid in r["recent"][:MEETINGS_PER_ROLE])
            if m is not None
        ]
    return found


def period(first: datetime.date | None, last: datetime.date | None) -> str:
    """When someone spoke, as the speakers index writes it: "3 Oct 2022", "Jun 2019",
    "Feb–Mar 2020", "Dec 2012 – Dec 2021"."""
    if first is None or last is None:
        return ""
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{last:%b %Y}"
    if first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    return f"{first:%b %Y} – {last:%b %Y}"


def untitled_meetings(person: Participant) -> int:
    """The person's meetings whose transcript gives no title with their name (Appearance.role):
    what the titles' meetings ("Appeared as") leave out of their meeting count."""
    return Appearance.objects.filter(participant=person, role=None).count()


def topics(person: Participant) -> tuple[list[ParticipantTopic], list[ParticipantTopic]]:
    """The person's top topics (one query), each with `shown` and `shown_raised`: how many of their
    remarks the topic page lists for them (`?speaker=`), and in how many meetings they raised it
    (`?speaker=&raised=true`), read from TopicSpeaker, the figures those filtered pages count.

    Split in two: the topics their remarks carry (the page filtered by them lists something), and
    the phrases they use often that none of their remarks carries as a topic (a search finds them,
    the topic page would list nothing)."""
    theirs = TopicSpeaker.objects.filter(topic=OuterRef("topic"), participant=person)
    rows = list(
        ParticipantTopic.objects.filter(participant=person)
        .select_related("topic", "evidence__meeting")
        .annotate(
            shown=Subquery(theirs.values("remarks")[:1]),
            shown_raised=Subquery(theirs.values("raised")[:1]),
        )
        .order_by("rank")
    )
    return [pt for pt in rows if pt.shown], [pt for pt in rows if not pt.shown]


def profiles_listing(topic: Topic) -> QuerySet[ParticipantTopic]:
    """The profile rows (ParticipantTopic, with their participant) of everyone whose profile shows
    `topic` (one of their remarks carries it or more), those with PROFILE_REMARKS or more first
    (Topic.profile_count counts them, at the rebuild: they came back to it), each group highest on
    their list first; each with `remarks_shown`, what the topic page filtered by them lists, and
    `listed`, how many rows there are in all (in the same query)."""
    theirs = TopicSpeaker.objects.filter(topic=topic, participant=OuterRef("participant"))
    return (
        ParticipantTopic.objects.filter(topic=topic)
        .annotate(remarks_shown=Subquery(theirs.values("remarks")[:1]))
        .filter(remarks_shown__gte=1)
        .annotate(
            named_once=Case(When(remarks_shown__lt=PROFILE_REMARKS, then=True), default=False),
            listed=Window(Count("pk")),
        )
        .select_related("participant")
        .only("rank", "participant__slug", "participant__name")
        .order_by("named_once", "rank", "-remarks_shown", "participant__sort_name", "participant__name")
    )


def recent_meetings(person: Participant) -> list[Meeting]:
    """The person's latest meetings, each with `remarks`: how many turns they had there."""
    return _with_remarks(
        Appearance.objects.filter(participant=person)
        .select_related("meeting")
        .order_by("-date", "meeting__title")[:RECENT_MEETINGS]
    )


def _with_remarks(appearances) -> list[Meeting]:
    """The meetings of these appearances, each with `remarks`: how many turns the person had."""
    found = []
    for a in appearances:
        a.meeting.remarks = a.remarks
        found.append(a.meeting)
    return found


def meetings_of(person: Participant, slugs: list[str]) -> list[Meeting]:
    """Those of these meetings where the person spoke, each with `remarks` (recent_meetings)."""
    return _with_remarks(
        Appearance.objects.filter(participant=person, meeting__slug__in=slugs).select_related("meeting")
    )


class Partner(NamedTuple):
    """Someone who spoke right before or right after a person, and how many times."""

    participant: Participant
    exchanges: int


def exchanged_with(person: Participant, limit: int = TOP_PARTNERS) -> list[Partner]:
    """The people who most often spoke right before or right after this person."""
    rows = (
        Exchange.objects.filter(participant=person)
        .select_related("partner")
        .order_by("-count", "partner_id")[:limit]
    )
    return [Partner(e.partner, e.count) for e in rows]


@dataclass
class MeetingParticipant:
    """Someone who spoke in a meeting: the titles they spoke under there, their number of turns
    and their first turn."""

    participant: Participant
    first: Turn
    roles: list[str] = field(default_factory=list)
    count: int = 0


def meeting_participants(meeting: Meeting, turns: list[Turn]) -> list[MeetingParticipant]:
    """The people of a meeting in speaking order, from its loaded turns (no query). Also points
    every turn at the loaded meeting, so permalinks cost no query."""
    people: dict[int, MeetingParticipant] = {}
    for t in turns:
        t.meeting = meeting
        if t.speaker_id is None:
            continue
        entry = people.get(t.speaker_id)
        if entry is None:
            entry = people[t.speaker_id] = MeetingParticipant(t.speaker, first=t)
        t.speaker = entry.participant  # one instance per person: their URL is built once
        entry.count += 1
        if t.role and t.role not in entry.roles:
            entry.roles.append(t.role)
    return list(people.values())


MAIN_SPEAKERS = 3


def main_participants(people: list[MeetingParticipant]) -> list[MeetingParticipant]:
    """The MAIN_SPEAKERS of a meeting's people with most remarks, ordered as the meetings list
    names them (main_speakers: most remarks, then by surname), so that both name the same."""
    return sorted(people, key=lambda p: (-p.count, p.participant.sort_name, p.participant.pk))[:MAIN_SPEAKERS]


def main_speakers(meetings, limit: int = MAIN_SPEAKERS):
    """Meetings (a queryset) with `main_speaker_rows`: the people with most remarks in each, at
    most `limit`, read in the same query (an index probe of Appearance per meeting)."""
    top = (
        Appearance.objects.filter(meeting=OuterRef("pk"))
        # (the surname by its characters' codes, as main_participants sorts it, whatever the
        # database's collation)
        .order_by("-remarks", Collate("participant__sort_name", "C"), "participant_id")
        .values(row=JSONObject(name="participant__name", slug="participant__slug"))[:limit]
    )
    return meetings.annotate(main_speaker_rows=ArraySubquery(top))


def with_main_speakers(meetings: list[Meeting]) -> list[Meeting]:
    """Each meeting read through `main_speakers` with `main_speakers` (participants to link to,
    most remarks first) and `other_speakers` (how many more spoke). No query."""
    for m in meetings:
        rows = getattr(m, "main_speaker_rows", None) or []
        m.main_speakers = [Participant(name=r["name"], slug=r["slug"]) for r in rows]
        m.other_speakers = max(0, m.speaker_count - len(m.main_speakers))
    return meetings


@dataclass
class Header:
    """The top of a profile: the office last held, the period active, and each office with the
    other ways it was written (kept so that a search by any of them finds the person)."""

    latest_role: str | None
    first: datetime.date | None
    last: datetime.date | None
    variants: dict[str, list[str]]


def with_header(people):
    """Participants (a queryset) with what a profile's header needs besides their offices, in
    the query that reads them: `first_seen` and `last_seen` (index probes of their appearances)
    and `written_roles` (each title they were first written with in a meeting, once)."""
    appearances = Appearance.objects.filter(participant=OuterRef("pk"))
    return people.annotate(
        first_seen=Subquery(appearances.order_by("date").values("date")[:1]),
        last_seen=Subquery(appearances.order_by("-date").values("date")[:1]),
        written_roles=Subquery(
            appearances.exclude(role=None)
            .order_by()
            .values("participant")
            .annotate(forms=ArrayAgg("role", distinct=True))
            .values("forms")[:1]
        ),
    )


def summaries(person: Participant) -> int:
    """How many of the person's remarks are the editors' summaries of what they said ("(Mr X went
    on to …)"), not their words (one index read of their remarks)."""
    return Turn.objects.filter(speaker=person, kind=Turn.SUMMARY).count()


def header(person: Participant, offices: list[dict]) -> Header:
    """From the person's offices (`roles()`) and what `with_header` read with the person (no
    query; each office gets `variants`, its other spellings)."""
    latest = max(offices, key=lambda r: (r["last"], r["meetings"]), default=None)
    written = list(getattr(person, "written_roles", None) or []) + [r["role"] for r in offices]
    variants = roles_core.variants(written)
    by_key = {roles_core.role_key(shown): others for shown, others in variants.items()}
    for r in offices:
        r["variants"] = [v for v in by_key.get(roles_core.role_key(r["role"]), []) if v != r["role"]]
    return Header(
        latest["role"] if latest else None,
        getattr(person, "first_seen", None),
        getattr(person, "last_seen", None),
        variants,
    )
