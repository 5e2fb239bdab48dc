"""Aggregates the pages read instead of grouping turns at request time, rebuilt in SQL after
every ingest that changes the archive:

- `Appearance`: one row per person and meeting (remarks there, the title first used there, and
  the remarks before it in the order of their profile, so a deep page starts without OFFSET);
- `Exchange`: how often two people spoke one right after the other;
- `ParticipantRole`: each title a person spoke under, with meeting count, dates and the most
  recent meetings;
- `Meeting.list_position`: each meeting's place in the newest-first list, so any page of the list
  is an index range.

Each is a few set-based statements over the turns table (seconds for a million turns), run in
one transaction: readers see the old aggregates until the new ones are complete.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max, Sum

from meetings.models import Appearance, Exchange, Meeting, ParticipantRole, TopicMeeting, Turn

RECENT_PER_ROLE = 5


@dataclass
class AggregateReport:
    appearances: int
    exchanges: int
    roles: int
    seconds: float


def _tables() -> dict[str, str]:
    return {
        "turn": Turn._meta.db_table,
        "meeting": Meeting._meta.db_table,
        "appearance": Appearance._meta.db_table,
        "exchange": Exchange._meta.db_table,
        "role": ParticipantRole._meta.db_table,
    }


def rebuild() -> AggregateReport:
    started = time.monotonic()
    t = _tables()
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(f"DELETE FROM {t['appearance']}")
        cur.execute(
            f"""
            INSERT INTO {t["appearance"]} (participant_id, meeting_id, date, remarks, remarks_before, role)
            SELECT speaker_id, meeting_id, date, remarks,
                   coalesce(sum(remarks) OVER (PARTITION BY speaker_id ORDER BY date DESC, meeting_id
                                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
                   role
              FROM (SELECT turn.speaker_id, turn.meeting_id, meeting.date, count(*) AS remarks,
                           (array_agg(turn.role ORDER BY turn.position)
                              FILTER (WHERE turn.role IS NOT NULL))[1] AS role
                      FROM {t["turn"]} AS turn JOIN {t["meeting"]} AS meeting ON meeting.id = turn.meeting_id
                     WHERE turn.speaker_id IS NOT NULL
                     GROUP BY turn.speaker_id, turn.meeting_id, meeting.date) AS per_meeting
            """
        )
        appearances = cur.rowcount

        # Two people "exchange" when one's turn follows the other's in the same meeting.
        cur.execute(f"DELETE FROM {t['exchange']}")
        cur.execute(
            f"""
            WITH seq AS (
                SELECT speaker_id,
                       lag(speaker_id) OVER (PARTITION BY meeting_id ORDER BY position) AS previous
                  FROM {t["turn"]}
            ), pairs AS (
                SELECT speaker_id AS a, previous AS b FROM seq
                 WHERE speaker_id IS NOT NULL AND previous IS NOT NULL AND speaker_id <> previous
            )
            INSERT INTO {t["exchange"]} (participant_id, partner_id, count)
            SELECT a, b, count(*)
              FROM (SELECT a, b FROM pairs UNION ALL SELECT b, a FROM pairs) AS both_ways
             GROUP BY a, b
            """
        )
        exchanges = cur.rowcount

        cur.execute(f"DELETE FROM {t['role']}")
        cur.execute(
            f"""
            INSERT INTO {t["role"]} (participant_id, role, meetings, first, last, recent)
            SELECT speaker_id, role, count(*), min(date), max(date),
                   (array_agg(meeting_id ORDER BY date DESC, meeting_id DESC))[1:%s]
              FROM (SELECT DISTINCT turn.speaker_id, turn.role, turn.meeting_id, meeting.date
                      FROM {t["turn"]} AS turn JOIN {t["meeting"]} AS meeting ON meeting.id = turn.meeting_id
                     WHERE turn.speaker_id IS NOT NULL AND turn.role IS NOT NULL) AS held
             GROUP BY speaker_id, role
            """,
            [RECENT_PER_ROLE],
        )
        roles = cur.rowcount

        # Positions are unique: clear the ones that move before writing the new ones.
        cur.execute("DROP TABLE IF EXISTS new_positions")
        cur.execute(
            f"""
            CREATE TEMP TABLE new_positions AS
            SELECT id, row_number() OVER (ORDER BY date DESC, title, id) AS n FROM {t["meeting"]}
            """
        )
        cur.execute(
            f"""
            UPDATE {t["meeting"]} AS m SET list_position = NULL
              FROM new_positions AS p WHERE p.id = m.id AND m.list_position IS DISTINCT FROM p.n
            """
        )
        cur.execute(
            f"""
            UPDATE {t["meeting"]} AS m SET list_position = p.n
              FROM new_positions AS p WHERE p.id = m.id AND m.list_position IS NULL
            """
        )
        cur.execute("DROP TABLE new_positions")
    return AggregateReport(appearances, exchanges, roles, time.monotonic() - started)


def meeting_years() -> list[int]:
    """The years that have meetings, newest first: one index probe per year (a loose index scan
    on the date index) instead of a DISTINCT over every meeting."""
    t = _tables()
    with connection.cursor() as cur:
        cur.execute(
            f"""
            WITH RECURSIVE years(d) AS (
                SELECT max(date) FROM {t["meeting"]}
                UNION ALL
                SELECT (SELECT max(date) FROM {t["meeting"]} WHERE date < date_trunc('year', years.d)::date)
                  FROM years WHERE years.d IS NOT NULL
            )
            SELECT extract(year FROM d)::int FROM years WHERE d IS NOT NULL
            """
        )
        return [row[0] for row in cur.fetchall()]


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
    return _seek(turns, offset, limit, start)


def turns_page(turns, offset: int, limit: int) -> list:
    """`turns` (every remark of the archive, newest first by date, meeting, position) from
    `offset`: the meeting where that remark falls is found from the meetings' stored turn counts
    (one pass over the meetings, not over the turns), and the turns are read from there on the
    (date, meeting, position) index, so the millionth remark costs what the first costs."""
    if offset == 0:
        return list(turns[:limit])
    return _seek(turns, offset, limit, meeting_at(offset))


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
    return _seek(remarks, offset, limit, start)


def meeting_at(offset: int, order: str = "date DESC, id") -> tuple | None:
    """(date, id, turns in the meetings before it) of the meeting in which turn number `offset`
    falls, with the meetings in `order`: one pass over the meetings' stored turn counts."""
    with connection.cursor() as cur:
        cur.execute(
            f"""
            SELECT date, id, before FROM (
                SELECT date, id, coalesce(sum(turn_count) OVER (ORDER BY {order}
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                  FROM {Meeting._meta.db_table}) AS m
             WHERE before <= %s ORDER BY before DESC LIMIT 1
            """,
            [offset],
        )
        return cur.fetchone()  # meetings without turns tie with the next: starting from either is the same


def _seek(rows, offset: int, limit: int, start: tuple | None) -> list:
    """Rows (ordered newest first by date, meeting_id, position) from `offset`, read from the
    meeting `start` = (date, meeting id, rows before it) on; OFFSET when there is no start."""
    if start is None:
        return list(rows[offset : offset + limit])
    date, meeting_id, before = start
    seek = rows.filter(date__lte=date).exclude(date=date, meeting_id__lt=meeting_id)
    skip = offset - before
    return list(seek[skip : skip + limit])
