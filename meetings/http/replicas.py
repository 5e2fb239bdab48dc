"""Which database a request reads from: a replica only once it has replayed the archive version
the page will claim, otherwise the primary.

The archive version (meetings/http/caching.py) carries the primary's WAL position read with it.
A request that runs a view reads from a replica whose replay position is at or past that
position, so every row the version's ingest committed is there; a replica still behind (an
ingest just finished, replay paused or slow) is passed over for the primary until it catches up.
A replica's position is asked at most every RECHECK seconds per process, and a position already
known to be past the one needed is trusted for TRUST seconds without asking (replay only moves
forward). A replica that fails (refuses connections, errors) is left out for DOWN seconds.

Outside a request (ingest, management commands) every read goes to the primary, so a writer
always reads its own writes.
"""

from __future__ import annotations

import contextvars
import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections

from meetings.sql import replication

log = logging.getLogger(__name__)

PRIMARY = "default"
RECHECK = 0.1  # seconds between two questions to a replica found behind
TRUST = 30.0  # seconds a replay position is trusted without asking again
DOWN = 5.0  # seconds a failed replica is left out

_reading_from: contextvars.ContextVar[str | None] = contextvars.ContextVar("archive_read_alias", default=None)


@dataclass
class _Known:
    position: int | None  # None: not a standby, as current as the primary
    asked_at: float
    down_until: float = 0.0


_known: dict[str, _Known] = {}


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def read_alias() -> str | None:
    """The alias the current request reads from, or None outside a request."""
    return _reading_from.get()


def forget() -> None:
    """Drop what this process knows of its replicas (tests; a replica replaced)."""
    _known.clear()


def mark_down(alias: str) -> None:
    if alias == PRIMARY:
        return
    log.warning("replica %s failed: reading from the primary for %.0f s", alias, DOWN)
    _known[alias] = _Known(None, time.monotonic(), down_until=time.monotonic() + DOWN)
    try:
        connections[alias].close()
    except DatabaseError:
        pass


def caught_up(alias: str, needed: int | None) -> bool:
    """Has the replica `alias` replayed the WAL up to `needed` (None: unknown, never)?"""
    if needed is None:
        return False
    now = time.monotonic()
    known = _known.get(alias)
    if known is not None:
        if known.down_until > now:
            return False
        fresh = now - known.asked_at < TRUST
        if fresh and (known.position is None or known.position >= needed):
            return True
        if now - known.asked_at < RECHECK:
            return False  # asked a moment ago and it was behind
    try:
        position = replication.replay_position(alias)
    except DatabaseError:
        mark_down(alias)
        return False
    _known[alias] = _Known(position, now)
    return position is None or position >= needed


def choose(needed: int | None) -> str:
    """A replica that has replayed up to `needed`, else the primary."""
    aliases = replica_aliases()
    random.shuffle(aliases)
    for alias in aliases:
        if caught_up(alias, needed):
            return alias
    return PRIMARY


@contextmanager
def reading_from(alias: str) -> Iterator[str]:
    """Route this request's reads to `alias` (the router asks read_alias())."""
    token = _reading_from.set(alias)
    try:
        yield alias
    finally:
        _reading_from.reset(token)
