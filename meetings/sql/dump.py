"""The raw SQL of the archive dump (meetings.opendata.dump): each table read once, in id order,
through a server-side cursor (rows arrive a few thousand at a time, whatever the archive's size),
inside one read-only REPEATABLE READ transaction so every file of a dump is the same snapshot;
and the bulk load of import_archive (COPY with the ids it assigns, then the sequences set past
them).

Rows are read in id order so that a database loaded from the dump numbers them in the same
relative order as the original: whatever the archive orders by id as a tie-break, it orders the
same way after a round trip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.db import connection, transaction

from meetings.sql import table

FETCH = 2000  # rows per round trip of a server-side cursor


@contextmanager
def snapshot() -> Iterator[None]:
    """One read-only transaction that sees the archive as it was when it began (an ingest
    committing meanwhile changes nothing of what is read). Inside a transaction already begun
    (a test's), that transaction is the snapshot."""
    outer = connection.in_atomic_block
    with transaction.atomic():
        if not outer:
            with connection.cursor() as cur:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def stream(sql: str, name: str) -> Iterator[tuple]:
    """The rows of `sql`, read through a named (server-side) cursor, FETCH at a time. Call inside
    `snapshot()`."""
    connection.ensure_connection()
    with connection.connection.cursor(name=name) as cur:
        cur.itersize = FETCH
        cur.execute(sql)
        yield from cur


def participants_sql() -> str:
    """Each person with their written forms (oldest first), their titles as the profile shows
    them (ParticipantRole: most meetings first), old slugs and topics (best first)."""
    return f"""
SELECT p.slug, p.name, p.sort_name, p.turn_count, p.meeting_count,
       (SELECT coalesce(json_agg(json_build_object(
                   'written', a.written, 'key', a.key, 'folded', a.folded, 'surname', a.surname,
                   'initial', a.initial, 'how', a.how, 'created_at', a.created_at)
                 ORDER BY a.created_at, a.id), '[]'::json)
          FROM {table("ParticipantAlias")} AS a WHERE a.participant_id = p.id),
       (SELECT coalesce(json_agg(json_build_object(
                   'role', r.role, 'meetings', r.meetings, 'first', r.first, 'last', r.last)
                 ORDER BY r.meetings DESC, r.role), '[]'::json)
          FROM {table("ParticipantRole")} AS r WHERE r.participant_id = p.id AND r.role <> ''),
       (SELECT coalesce(array_agg(d.old_slug ORDER BY d.old_slug), '{{}}')
          FROM {table("ParticipantRedirect")} AS d WHERE d.participant_id = p.id),
       {_ranked_topic_slugs("ParticipantTopic", "participant_id", "p")}
  FROM {table("Participant")} AS p
 ORDER BY p.id"""


def _ranked_topic_slugs(link_model: str, column: str, outer: str) -> str:
    """A subquery: the slugs of the topics linked to the outer row `outer`, best rank first."""
    return f"""(SELECT coalesce(array_agg(tp.slug ORDER BY lt.rank), '{{}}')
          FROM {table(link_model)} AS lt JOIN {table("Topic")} AS tp ON tp.id = lt.topic_id
         WHERE lt.{column} = {outer}.id)"""


def meetings_sql() -> str:
    """Each meeting with its source files, retired permalinks and topics (best first)."""
    return f"""
SELECT m.slug, m.date, m.title, m.place, m.description, m.is_excerpt, m.identity,
       m.source_name, m.source_sha256, m.ingested_at, m.turn_count, m.speaker_count,
       (SELECT coalesce(json_agg(json_build_object(
                   'name', s.name, 'sha256', s.sha256, 'size', s.size, 'turn_count', s.turn_count,
                   'is_primary', s.is_primary, 'ingested_at', s.ingested_at) ORDER BY s.id), '[]'::json)
          FROM {table("MeetingSource")} AS s WHERE s.meeting_id = m.id),
       (SELECT coalesce(json_agg(json_build_object('key', r.key, 'retired_at', r.retired_at)
                 ORDER BY r.key), '[]'::json)
          FROM {table("RetiredTurnKey")} AS r WHERE r.meeting_id = m.id),
       {_ranked_topic_slugs("MeetingTopic", "meeting_id", "m")}
  FROM {table("Meeting")} AS m
 ORDER BY m.id"""


def turns_sql() -> str:
    """Every turn with its meeting's and speaker's slugs and its topics (weightiest first)."""
    return f"""
SELECT m.slug, t.key, t.position, t.date, p.slug, t.speaker_label, t.role, t.kind, t.text,
       t.resolution, t.section, t.is_procedural, t.words, t.phrases,
       (SELECT coalesce(array_agg(tp.slug ORDER BY tt.weight DESC, tp.slug), '{{}}')
          FROM {table("TurnTopic")} AS tt JOIN {table("Topic")} AS tp ON tp.id = tt.topic_id
         WHERE tt.turn_id = t.id)
  FROM {table("Turn")} AS t
  JOIN {table("Meeting")} AS m ON m.id = t.meeting_id
  LEFT JOIN {table("Participant")} AS p ON p.id = t.speaker_id
 ORDER BY t.id"""


def topics_sql() -> str:
    return f"""
SELECT t.slug, t.key, t.label, t.remark_count, t.raised_count, t.people_count, t.profile_count,
       t.is_featured, t.forms, t.form_labels,
       ARRAY(SELECT r.old_slug FROM {table("TopicRedirect")} AS r
              WHERE r.key = t.key OR r.key = ANY(t.forms) ORDER BY r.old_slug)
  FROM {table("Topic")} AS t
 ORDER BY t.id"""


# ------------------------------------------------------------------------------------ loading


def archive_rows() -> dict[str, int]:
    """Rows the archive holds, table by table (an import needs them all to be 0)."""
    counts = {}
    with connection.cursor() as cur:
        for model in ("Meeting", "Participant", "ParticipantAlias", "Turn", "Topic", "MeetingSource"):
            cur.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table(model)} LIMIT 1) AS x")
            counts[model] = cur.fetchone()[0]
    return counts


def copy_rows(model: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY `rows` (tuples in the order of `columns`) into the table of `model`."""
    cols = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cur:
        with cur.cursor.copy(f"COPY {table(model)} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def reset_sequences(models: Iterable[str]) -> None:
    """Set each table's id sequence past the ids the load gave explicitly."""
    with connection.cursor() as cur:
        for model in models:
            t = table(model)
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM {t}",
                [t],
            )


def recount_participants() -> None:
    """Every participant's remark and meeting counts, from the turns."""
    with connection.cursor() as cur:
        cur.execute(
            f"""
            UPDATE {table("Participant")} AS p
               SET turn_count = coalesce(c.n, 0), meeting_count = coalesce(c.m, 0)
              FROM {table("Participant")} AS p2
              LEFT JOIN (SELECT speaker_id, count(*) AS n, count(DISTINCT meeting_id) AS m
                           FROM {table("Turn")} WHERE speaker_id IS NOT NULL GROUP BY speaker_id) AS c
                ON c.speaker_id = p2.id
             WHERE p.id = p2.id
            """
        )
