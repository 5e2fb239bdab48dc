"""The statements behind the page aggregates (meetings.derived.aggregates): each rebuilds one
aggregate from the turns in a single set-based statement, on the caller's cursor and inside the
caller's transaction, and returns the rows it wrote."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.db import connection

from meetings.sql import table


class MeetingStart(NamedTuple):
    """Where a list of rows ordered newest first by date, then meeting, enters one meeting."""

    date: datetime.date
    meeting_id: int
    before: int  # rows in the meetings listed before this one


def rebuild_appearances(cur) -> int:
    """One row per person and meeting: remarks there, the title first used there, and the
    remarks before it in the order of their profile (newest first)."""
    cur.execute(f"DELETE FROM {table('Appearance')}")
    cur.execute(
        f"""
        INSERT INTO {table("Appearance")} (participant_id, meeting_id, date, remarks, remarks_before, role)
        SELECT speaker_id, meeting_id, date, remarks,
               coalesce(sum(remarks) OVER (PARTITION BY speaker_id ORDER BY date DESC, meeting_id
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
               role
          FROM (SELECT turn.speaker_id, turn.meeting_id, meeting.date, count(*) AS remarks,
                       (array_agg(turn.role ORDER BY turn.position)
                          FILTER (WHERE turn.role IS NOT NULL))[1] AS role
                  FROM {table("Turn")} AS turn JOIN {table("Meeting")} AS meeting ON meeting.id = turn.meeting_id
                 WHERE turn.speaker_id IS NOT NULL
                 GROUP BY turn.speaker_id, turn.meeting_id, meeting.date) AS per_meeting
        """
    )
    return cur.rowcount


def rebuild_exchanges(cur) -> int:
    """How often two people spoke one right after the other (counted both ways)."""
    cur.execute(f"DELETE FROM {table('Exchange')}")
    cur.execute(
        f"""
        WITH seq AS (
            SELECT speaker_id,
                   lag(speaker_id) OVER (PARTITION BY meeting_id ORDER BY position) AS previous
              FROM {table("Turn")}
        ), pairs AS (
            SELECT speaker_id AS a, previous AS b FROM seq
             WHERE speaker_id IS NOT NULL AND previous IS NOT NULL AND speaker_id <> previous
        )
        INSERT INTO {table("Exchange")} (participant_id, partner_id, count)
        SELECT a, b, count(*)
          FROM (SELECT a, b FROM pairs UNION ALL SELECT b, a FROM pairs) AS both_ways
         GROUP BY a, b
        """
    )
    return cur.rowcount


def written_roles(cur) -> list[str]:
    """Every role written with a person's name, once each."""
    cur.execute(
        f"SELECT DISTINCT role FROM {table('Turn')} WHERE speaker_id IS NOT NULL AND role IS NOT NULL"
    )
    return [row[0] for row in cur.fetchall()]


def rebuild_roles(cur, recent: int, keys: dict[str, str | None]) -> int:
    """Each office a person spoke under: meetings, first and last date, and the ids of the
    `recent` most recent meetings. `keys` maps each written role to its office (None: not an
    office); the form shown is the one written in most of the person's meetings, then one not
    in capitals, then the first in order."""
    cur.execute(f"DELETE FROM {table('ParticipantRole')}")
    cur.execute("DROP TABLE IF EXISTS role_keys")
    cur.execute("CREATE TEMP TABLE role_keys (role text PRIMARY KEY, key text NOT NULL) ON COMMIT DROP")
    with cur.copy("COPY role_keys (role, key) FROM STDIN") as copy:
        for role, key in keys.items():
            if key:
                copy.write_row((role, key))
    cur.execute(
        f"""
        WITH held AS (
            SELECT DISTINCT turn.speaker_id, k.key, turn.role, turn.meeting_id, meeting.date
              FROM {table("Turn")} AS turn
              JOIN role_keys AS k ON k.role = turn.role
              JOIN {table("Meeting")} AS meeting ON meeting.id = turn.meeting_id
             WHERE turn.speaker_id IS NOT NULL
        ),
        shown AS (
            SELECT DISTINCT ON (speaker_id, key) speaker_id, key, role
              FROM (SELECT speaker_id, key, role, count(*) AS n FROM held GROUP BY 1, 2, 3) AS forms
             ORDER BY speaker_id, key, n DESC, (role = upper(role)), role
        ),
        meetings AS (SELECT DISTINCT speaker_id, key, meeting_id, date FROM held)
        INSERT INTO {table("ParticipantRole")} (participant_id, role, meetings, first, last, recent)
        SELECT m.speaker_id, shown.role, count(*), min(m.date), max(m.date),
               (array_agg(m.meeting_id ORDER BY m.date DESC, m.meeting_id DESC))[1:%s]
          FROM meetings AS m JOIN shown USING (speaker_id, key)
         GROUP BY m.speaker_id, shown.role
        """,
        [recent],
    )
    return cur.rowcount


def renumber_meetings(cur) -> None:
    """Meeting.list_position: each meeting's place in the newest-first list (date, title, id).
    Positions are unique: the ones that move are cleared before the new ones are written."""
    meeting = table("Meeting")
    cur.execute("DROP TABLE IF EXISTS new_positions")
    cur.execute(
        f"""
        CREATE TEMP TABLE new_positions AS
        SELECT id, row_number() OVER (ORDER BY date DESC, title, id) AS n FROM {meeting}
        """
    )
    cur.execute(
        f"""
        UPDATE {meeting} AS m SET list_position = NULL
          FROM new_positions AS p WHERE p.id = m.id AND m.list_position IS DISTINCT FROM p.n
        """
    )
    cur.execute(
        f"""
        UPDATE {meeting} AS m SET list_position = p.n
          FROM new_positions AS p WHERE p.id = m.id AND m.list_position IS NULL
        """
    )
    cur.execute("DROP TABLE new_positions")


def meeting_years() -> list[int]:
    """The years that have meetings, newest first: one index probe per year (a loose index scan
    on the date index) instead of a DISTINCT over every meeting."""
    meeting = table("Meeting")
    with connection.cursor() as cur:
        cur.execute(
            f"""
            WITH RECURSIVE years(d) AS (
                SELECT max(date) FROM {meeting}
                UNION ALL
                SELECT (SELECT max(date) FROM {meeting} WHERE date < date_trunc('year', years.d)::date)
                  FROM years WHERE years.d IS NOT NULL
            )
            SELECT extract(year FROM d)::int FROM years WHERE d IS NOT NULL
            """
        )
        return [row[0] for row in cur.fetchall()]


def meetings_per_year() -> dict[int, int]:
    """The archive's meetings of each year that has any, oldest first (one pass over the date
    index)."""
    meeting = table("Meeting")
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT extract(year FROM date)::int AS y, count(*) FROM {meeting} GROUP BY y ORDER BY y"
        )
        return dict(cur.fetchall())


def meeting_at(offset: int, order: str = "date DESC, id") -> MeetingStart | None:
    """The meeting in which turn number `offset` falls, with the meetings in `order` (SQL, never
    from a visitor): one pass over the meetings' stored turn counts."""
    with connection.cursor() as cur:
        cur.execute(
            f"""
            SELECT date, id, before FROM (
                SELECT date, id, coalesce(sum(turn_count) OVER (ORDER BY {order}
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                  FROM {table("Meeting")}) AS m
             WHERE before <= %s ORDER BY before DESC LIMIT 1
            """,
            [offset],
        )
        row = cur.fetchone()  # meetings without turns tie with the next: starting from either is the same
    return MeetingStart(*row) if row else None


def topic_figures(topic_id: int, total: int) -> tuple[list[tuple[int, int]], int, int]:
    """A topic's remarks per year, oldest first, and its number of meetings, in index probes a year
    rather than a pass over its remarks (a topic of 100,000 remarks costs what one of ten does).

    For each year, the first of the topic's remarks (TurnTopic, newest first by date, meeting,
    position: the turntopic_newest index) dated before the next year starts, and where its meeting
    starts in that order (TopicMeeting.remarks_before, written by the same rebuild): the remarks of
    later years. A year's remarks are the difference between two of those. `total` is the topic's
    remark count (for the years before its first remark). The meetings are TopicMeeting's highest
    rank (an index read). And how many of its remarks no person is named for ("Question:"), read
    from the speaker copies (an index range). One statement for the three."""
    turn_topic, topic_meeting = table("TurnTopic"), table("TopicMeeting")
    with connection.cursor() as cur:
        cur.execute(
            f"""
            WITH span AS (
                SELECT (SELECT min(date) FROM {turn_topic} WHERE topic_id = %(topic)s) AS lo,
                       (SELECT max(date) FROM {turn_topic} WHERE topic_id = %(topic)s) AS hi
            ), later AS MATERIALIZED (
                SELECT y, coalesce((
                    SELECT tm.remarks_before
                      FROM {turn_topic} tt
                      JOIN {topic_meeting} tm ON tm.topic_id = tt.topic_id AND tm.meeting_id = tt.meeting_id
                     WHERE tt.topic_id = %(topic)s AND tt.date < make_date(y + 1, 1, 1)
                     ORDER BY tt.date DESC, tt.meeting_id, tt.position
                     LIMIT 1), %(total)s) AS n
                  FROM span, generate_series(extract(year FROM lo)::int - 1, extract(year FROM hi)::int) AS y
                 WHERE lo IS NOT NULL
            )
            SELECT y, lag(n) OVER (ORDER BY y) - n,
                   (SELECT max(rank) FROM {topic_meeting} WHERE topic_id = %(topic)s),
                   (SELECT count(*) FROM {turn_topic} WHERE topic_id = %(topic)s AND speaker_id IS NULL)
              FROM later ORDER BY y
            """,
            {"topic": topic_id, "total": total},
        )
        rows = cur.fetchall()
    meetings, unnamed = (rows[0][2] or 0, rows[0][3]) if rows else (0, 0)
    return [(y, n) for y, n, _, _ in rows[1:] if n], meetings, unnamed
