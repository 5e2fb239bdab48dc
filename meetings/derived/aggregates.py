"""Aggregates the pages read instead of grouping turns at request time, rebuilt in SQL after
every ingest that changes the archive:

- `Appearance`: one row per person and meeting (remarks there, the title first used there, and
  the remarks before it in the order of their profile, so a deep page starts without OFFSET);
- `Exchange`: how often two people spoke one right after the other;
- `ParticipantRole`: each title a person spoke under, with meeting count, dates and the most
  recent meetings;
- `Meeting.list_position`: each meeting's place in the newest-first list, so any page of the list
  is an index range.

Each is a few set-based statements over the turns table (meetings.sql.aggregates), run in one
transaction: readers see the old aggregates until the new ones are complete.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max, Sum

from meetings.core.roles import is_office, role_key
from meetings.models import Appearance, Meeting, TopicMeeting
from meetings.sql import aggregates as aggregate_sql
from meetings.sql.aggregates import MeetingStart, meeting_at
from meetings.sql.aggregates import meeting_years as meeting_years  # the pages read it from here
from meetings.sql.aggregates import meetings_per_year as meetings_per_year

RECENT_PER_ROLE = 5


@dataclass
class AggregateReport:
    appearances: int
    exchanges: int
    roles: int
    seconds: float


def rebuild() -> AggregateReport:
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cur:
        appearances = aggregate_sql.rebuild_appearances(cur)
        exchanges = aggregate_sql.rebuild_exchanges(cur)
        # An office written several ways is one office; a fragment of a sentence is none.
        written = aggregate_sql.written_roles(cur)
        keys = {role: role_key(role) if is_office(role) else None for role in written}
        roles = aggregate_sql.rebuild_roles(cur, RECENT_PER_ROLE, keys)
        aggregate_sql.renumber_meetings(cur)
    return AggregateReport(appearances, exchanges, roles, time.monotonic() - started)


def list_count() -> int | None:
    """How many meetings the newest-first list holds: the highest list position, read from its
    unique index (COUNT(*) scans the table); None before positions are first set."""
    return Meeting.objects.aggregate(n=Max("list_position"))["n"]


def list_page(meetings, offset: int, limit: int, count: int) -> list:
    """`meetings` (every meeting, newest first by date, title, id) from `offset`: a range of list
    positions, as fast for page 1,000 as for page 1. OFFSET while positions are being rebuilt
    (an ingest in progress leaves some missing)."""
    rows = list(
        meetings.filter(list_position__gt=offset, list_position__lte=offset + limit).order_by("list_position")
    )
    if len(rows) == min(limit, count - offset):
        return rows
    return list(meetings[offset : offset + limit])


def total_turns() -> int:
    """Every turn of the archive, from the meetings' stored counts (a COUNT(*) reads every turn)."""
    return Meeting.objects.aggregate(n=Sum("turn_count"))["n"] or 0


def remarks_page(person, turns, offset: int, limit: int) -> list:
    """`turns` (the person's remarks, ordered newest first by date, meeting, position) from
    `offset`: the meeting where that remark falls is found in `Appearance`, and the turns are read
    from there on the (speaker, date) index, so page 10,000 costs what page 1 costs. Falls back
    to OFFSET when the aggregates are not there (before the first rebuild)."""
    if offset == 0:
        return list(turns[:limit])
    start = (
        Appearance.objects.filter(participant=person, remarks_before__lte=offset)
        .order_by("-remarks_before")
        .values_list("date", "meeting_id", "remarks_before")
        .first()
    )
    return _seek(turns, offset, limit, start and MeetingStart(*start))


def turns_page(turns, offset: int, limit: int) -> list:
    """`turns` (every remark of the archive, newest first by date, meeting, position) from
    `offset`: the meeting where that remark falls is found from the meetings' stored turn counts
    (one pass over the meetings, not over the turns), and the turns are read from there on the
    (date, meeting, position) index, so the millionth remark costs what the first costs."""
    if offset == 0:
        return list(turns[:limit])
    return _seek(turns, offset, limit, meeting_at(offset))


def topic_figures(topic) -> tuple[list[tuple[int, int]], int, int]:
    """(year, remarks) for each year with remarks on the topic, oldest first; the number of
    meetings they are in; and how many of them no person is named for ("Question:", a voice from
    the floor: the count of people leaves them out). One query of index probes, a few per year
    whatever the topic's size."""
    return aggregate_sql.topic_figures(topic.pk, topic.remark_count)


def topic_remarks_page(topic, remarks, offset: int, limit: int) -> list:
    """A topic's remarks (TurnTopic rows newest first by date, meeting, position) from `offset`,
    the meeting where it falls read from TopicMeeting.remarks_before (an index read; both are
    written by the same topic rebuild)."""
    if offset == 0:
        return list(remarks[:limit])
    start = (
        TopicMeeting.objects.filter(topic=topic, remarks_before__lte=offset)
        .order_by("-remarks_before")
        .values_list("meeting__date", "meeting_id", "remarks_before")
        .first()
    )
    return _seek(remarks, offset, limit, start and MeetingStart(*start))


def _seek(rows, offset: int, limit: int, start: MeetingStart | None) -> list:
    """Rows (ordered newest first by date, meeting_id, position) from `offset`, read from the
    meeting `start` on; OFFSET when there is no start."""
    if start is None:
        return list(rows[offset : offset + limit])
    seek = rows.filter(date__lte=start.date).exclude(date=start.date, meeting_id__lt=start.meeting_id)
    skip = offset - start.before
    return list(seek[skip : skip + limit])
