"""One consistent view of the archive for a reader that runs several statements (a streamed export):
a read-only REPEATABLE READ transaction, in which every statement sees the archive as it was at
the first, whatever an ingest commits meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def one_snapshot() -> Iterator[None]:
    """Within an enclosing transaction (a test's) its snapshot is already the one used."""
    outermost = not connection.in_atomic_block
    with transaction.atomic(savepoint=False):
        if outermost:
            with connection.cursor() as cur:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield
