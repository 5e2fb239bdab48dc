"""The statements of the topic rebuild (meetings.derived.topic_index): reading every turn's
phrases, loading rows with COPY, and grouping who carried each topic and where from TurnTopic."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from django.db import connection, transaction

from meetings.sql import table

COPY_BATCH = 20000  # lines of COPY text sent in one write
# The Topic table's columns besides its id, as a rebuild and a load from a dump write them.
TOPIC_COLUMNS = [
    "key",
    "label",
    "slug",
    "remark_count",
    "raised_count",
    "people_count",
    "profile_count",
    "is_featured",
    "forms",
    "form_labels",
]


def turn_phrase_rows(batch: int = 10000) -> Iterator[tuple]:
    """(id, meeting_id, position, speaker_id, kind, phrases as JSON text, words) of every turn, in
    (meeting, position) order, streamed from a server-side cursor."""
    with transaction.atomic(), connection.chunked_cursor() as cur:
        cur.execute(
            f"SELECT id, meeting_id, position, speaker_id, kind, phrases::text, words FROM {table('Turn')}"
            " ORDER BY meeting_id, position"
        )
        while rows := cur.fetchmany(batch):
            yield from rows


def prepare_rebuild(cur) -> None:
    """Session settings for the rebuild's transaction, on its psycopg cursor."""
    # Deferred foreign-key checks still pending in this transaction (turns just ingested) would
    # forbid adding and dropping foreign keys: run them now, then defer again.
    cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cur.execute("SET CONSTRAINTS ALL DEFERRED")
    # Index builds and the grouping of TopicSpeaker and TopicMeeting sort and hash in memory.
    cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
    cur.execute("SET LOCAL work_mem = '128MB'")


def copy_rows(cur, into: str, columns: list[str], rows: Iterable[tuple] | Iterable[str]) -> int:
    """COPY rows (tuples, or lines already in COPY's text format) into a table (a shadow table,
    without indexes yet) on a psycopg cursor; returns how many."""
    n = 0
    with cur.copy(f"COPY {into} ({', '.join(columns)}) FROM STDIN") as copy:
        batch: list[str] = []
        for row in rows:
            n += 1
            if isinstance(row, str):
                batch.append(row)
                if len(batch) >= COPY_BATCH:
                    copy.write("".join(batch))
                    batch.clear()
            else:
                copy.write_row(row)
        if batch:
            copy.write("".join(batch))
    return n


def group_topic_speakers(cur, into: str, turn_topics: str) -> None:
    """Who carried each topic, ranked as the topic page lists them: most meetings where they raised
    it, then by name. A raised remark is the first of its meeting to carry the topic, so counting a
    person's raised remarks counts the meetings where they raised it."""
    cur.execute(
        f"""
        INSERT INTO {into} (topic_id, participant_id, rank, raised, remarks)
        SELECT s.topic_id, s.speaker_id,
               row_number() OVER (PARTITION BY s.topic_id ORDER BY s.raised DESC, p.sort_name, p.name, p.id),
               s.raised, s.remarks
        FROM (SELECT topic_id, speaker_id, count(*) FILTER (WHERE raised) AS raised, count(*) AS remarks
              FROM {turn_topics} WHERE speaker_id IS NOT NULL GROUP BY topic_id, speaker_id) s
        JOIN {table("Participant")} p ON p.id = s.speaker_id
        """
    )


def group_topic_meetings(cur, into: str, turn_topics: str) -> None:
    """The meetings where each topic came up, newest first, and where each starts in the topic's
    remark list (newest first by date, then meeting id: TurnTopic's order)."""
    cur.execute(
        f"""
        INSERT INTO {into} (topic_id, meeting_id, rank, remarks, remarks_before)
        SELECT c.topic_id, c.meeting_id,
               row_number() OVER (PARTITION BY c.topic_id ORDER BY m.date DESC, m.title, m.id), c.remarks,
               coalesce(sum(c.remarks) OVER (PARTITION BY c.topic_id ORDER BY m.date DESC, c.meeting_id
                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
        FROM (SELECT topic_id, meeting_id, count(*) AS remarks FROM {turn_topics}
              GROUP BY topic_id, meeting_id) c
        JOIN {table("Meeting")} m ON m.id = c.meeting_id
        """
    )


def drop_redirects_in_use(cur) -> None:
    """Forget the moved topic slugs that a topic has again (after the swap: the live table)."""
    cur.execute(
        f"DELETE FROM {table('TopicRedirect')} AS r USING {table('Topic')} AS t WHERE r.old_slug = t.slug"
    )


def topic_with_form_holding(key: str) -> int | None:
    """The id of the first topic (by id) one of whose forms holds `key` as whole words ("republic
    of china" in "people's republic of china"), or None."""
    pattern = "% " + re.sub(r"([\\%_])", r"\\\1", key) + " %"
    with connection.cursor() as cur:
        cur.execute(
            f"""SELECT id FROM {table("Topic")}
                 WHERE EXISTS (SELECT 1 FROM unnest(forms) AS f WHERE ' ' || f || ' ' LIKE %s)
                 ORDER BY id LIMIT 1""",
            [pattern],
        )
        row = cur.fetchone()
    return row[0] if row else None
