"""The advisory lock that serialises every writer of the archive (ingest, rebuild_topics,
optimize_archive) across processes."""

from __future__ import annotations

from django.db import connection

INGEST_LOCK_ID = 0x7472616E  # pg_advisory_lock id shared by every ingest


def acquire_ingest_lock(wait: bool = True) -> bool:
    """Serialise ingests across processes with a PostgreSQL advisory lock (held for the session)."""
    with connection.cursor() as cur:
        if wait:
            cur.execute("SELECT pg_advisory_lock(%s)", [INGEST_LOCK_ID])
            return True
        cur.execute("SELECT pg_try_advisory_lock(%s)", [INGEST_LOCK_ID])
        return bool(cur.fetchone()[0])


def release_ingest_lock() -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_unlock(%s)", [INGEST_LOCK_ID])
