"""Figures for a participant's profile, each one query whatever the archive's size: they read the
aggregates of `meetings/derived/aggregates.py`, rebuilt after every ingest."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import F, Max, Min, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber

from meetings.core import roles as roles_core
from meetings.models import (
    Appearance,
    Exchange,
    Meeting,
    Participant,
    ParticipantRole,
    ParticipantTopic,
    TopicSpeaker,
    Turn,
)

RECENT_MEETINGS = 12
TOP_PARTNERS = 8


MEETINGS_PER_ROLE = 5


def roles(person: Participant) -> list[dict]:
    """Each title the person appeared under, with how many meetings, when, and the most recent
    of those meetings (two queries, read from the aggregates rebuilt at ingest)."""
    found = list(
        ParticipantRole.objects.filter(participant=person)
        .order_by("-meetings", "role")
        .values("role", "meetings", "first", "last", "recent")[:30]
    )
    ids = {mid for r in found for mid in r["recent"][:MEETINGS_PER_ROLE]}
    by_id = Meeting.objects.only("slug", "title", "date").in_bulk(ids)
    for r in found:
        r["recent"] = [
            {"meeting__slug": m.slug, "meeting__title": m.title, "meeting__date": m.date}
            for m in (by_id.get(mid) for mid in r["recent"][:MEETINGS_PER_ROLE])
            if m is not None
        ]
    return found


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


def recent_meetings(person: Participant) -> list[Meeting]:
    """The person's latest meetings, each with `remarks`: how many turns they had there."""
    appearances = (
        Appearance.objects.filter(participant=person)
        .select_related("meeting")
        .order_by("-date", "meeting__title")[:RECENT_MEETINGS]
    )
    found = []
    for a in appearances:
        a.meeting.remarks = a.remarks
        found.append(a.meeting)
    return found


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


def with_main_speakers(meetings: list[Meeting], limit: int = MAIN_SPEAKERS) -> list[Meeting]:
    """Each meeting with `main_speakers` (the people with most remarks there, at most `limit`, in
    order) and `other_speakers` (how many more spoke): one query for the whole list."""
    ranked = (
        Appearance.objects.filter(meeting__in=[m.pk for m in meetings])
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("meeting_id")],
                order_by=[F("remarks").desc(), F("participant__sort_name"), F("participant_id")],
            )
        )
        .filter(rank__lte=limit)
        .select_related("participant")
        .only("meeting_id", "remarks", "participant__name", "participant__slug")
        .order_by("meeting_id", "rank")
    )
    by_meeting: dict[int, list[Participant]] = {}
    for a in ranked:
        by_meeting.setdefault(a.meeting_id, []).append(a.participant)
    for m in meetings:
        m.main_speakers = by_meeting.get(m.pk, [])
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


def header(person: Participant, offices: list[dict]) -> Header:
    """From the person's offices (`roles()`) and their appearances (one query: each title they
    were first written with in a meeting, with its first and last date)."""
    rows = list(
        Appearance.objects.filter(participant=person)
        .values("role")
        .annotate(first=Min("date"), last=Max("date"))
        .order_by()
    )
    firsts = [r["first"] for r in rows]
    lasts = [r["last"] for r in rows]
    latest = max(offices, key=lambda r: (r["last"], r["meetings"]), default=None)
    written = [r["role"] for r in rows if r["role"]] + [r["role"] for r in offices]
    variants = roles_core.variants(written)
    by_key = {roles_core.role_key(shown): others for shown, others in variants.items()}
    for r in offices:
        r["variants"] = [v for v in by_key.get(roles_core.role_key(r["role"]), []) if v != r["role"]]
    return Header(
        latest["role"] if latest else None,
        min(firsts, default=None),
        max(lasts, default=None),
        variants,
    )
