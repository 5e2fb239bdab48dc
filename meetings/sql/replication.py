"""Raw SQL of read replicas: the archive version with the primary's WAL position, and how far a
replica has replayed. Positions are byte offsets in the WAL (a pg_lsn minus '0/0')."""

from __future__ import annotations

from django.db import connections

from meetings.sql import table


def version_and_position() -> tuple[int, float, int] | None:
    """(version, changed_at as a timestamp, WAL insert position) read on the primary in one
    statement; None when the archive has no version row yet.

    The insert position, not the write position: ingest commits with synchronous_commit off, so
    a commit can be visible before its record is written; the insert position is past it."""
    with connections["default"].cursor() as cur:
        cur.execute(
            f"SELECT version, extract(epoch FROM changed_at)::float8,"
            f" (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint"
            f" FROM {table('ArchiveState')} WHERE id = 1"
        )
        row = cur.fetchone()
    return None if row is None else (int(row[0]), float(row[1]), int(row[2]))


def primary_position() -> int:
    """The primary's WAL insert position now: past every commit made so far."""
    with connections["default"].cursor() as cur:
        cur.execute("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")
        return int(cur.fetchone()[0])


def replay_position(alias: str) -> int | None:
    """How far the database behind `alias` has replayed the primary's WAL; None when it is not a
    standby at all (not in recovery: a primary, or a copy kept some other way), which is then
    taken to be as current as the primary. A standby that has replayed nothing yet answers -1."""
    with connections[alias].cursor() as cur:
        cur.execute(
            "SELECT CASE WHEN pg_is_in_recovery()"
            " THEN coalesce((pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint, -1) END"
        )
        value = cur.fetchone()[0]
    return None if value is None else int(value)
