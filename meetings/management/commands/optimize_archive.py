"""python manage.py optimize_archive"""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from meetings.aggregates import rebuild as rebuild_aggregates
from meetings.ingest import acquire_ingest_lock, release_ingest_lock


class Command(BaseCommand):
    help = (
        "After a large ingest: store turns newest first (CLUSTER on the turn_newest index, so that "
        "search reads the most recent matches first), rebuild the page aggregates (also done by every "
        "ingest; needed once after upgrading) and refresh the planner's statistics."
    )

    def handle(self, *args, **options):
        acquire_ingest_lock()
        try:
            started = time.monotonic()
            with connection.cursor() as cur:
                cur.execute("CLUSTER meetings_turn USING turn_newest")
            rebuild_aggregates()
            with connection.cursor() as cur:
                cur.execute("ANALYZE")
        finally:
            release_ingest_lock()
        self.stdout.write(f"archive optimised in {time.monotonic() - started:.1f} s")
