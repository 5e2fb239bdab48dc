"""python manage.py optimize_archive"""

import time

from django.core.management.base import BaseCommand

from meetings.derived import search
from meetings.derived.aggregates import rebuild as rebuild_aggregates
from meetings.sql import maintenance
from meetings.sql.locks import acquire_ingest_lock, release_ingest_lock


class Command(BaseCommand):
    help = (
        "After a large ingest: store turns newest first (CLUSTER on the turn_newest index, so that "
        "search reads the most recent matches first), index the newest turns apart for search (a common "
        "word then costs what the newest part holds, not the whole archive), rebuild the page aggregates "
        "(also done by every ingest; needed once after upgrading) and refresh the planner's statistics."
    )

    def handle(self, *args, **options):
        acquire_ingest_lock()
        try:
            started = time.monotonic()
            maintenance.cluster_turns_newest_first()
            cutoff = search.rebuild_recent_index()
            rebuild_aggregates()
            maintenance.analyze()
        finally:
            release_ingest_lock()
        recent = (
            f"turns from {cutoff:%Y-%m-%d} indexed apart for search"
            if cutoff
            else "no separate index of recent turns (a small archive)"
        )
        self.stdout.write(f"archive optimised in {time.monotonic() - started:.1f} s; {recent}")
