"""Upkeep after a large ingest (the optimize_archive command): the physical order of the turns
and the planner's statistics."""

from django.db import connection

from meetings.sql import table


def cluster_turns_newest_first() -> None:
    """Rewrite the turns table in the order of the turn_newest index, so that search, which reads
    the matching set in physical order, meets the most recent matches first."""
    with connection.cursor() as cur:
        cur.execute(f"CLUSTER {table('Turn')} USING turn_newest")


def analyze() -> None:
    """Refresh the planner's statistics of every table."""
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
