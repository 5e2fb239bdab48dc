"""python manage.py rebuild_topics [--reextract]"""

from django.core.management.base import BaseCommand

from meetings.derived.topic_index import rebuild
from meetings.http.caching import archive_changed
from meetings.sql.locks import acquire_ingest_lock, release_ingest_lock


class Command(BaseCommand):
    help = "Re-score the topics of the whole archive (a phrase's weight depends on every remark)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="first recompute every remark's candidate phrases from its text",
        )

    def handle(self, *args, **options):
        acquire_ingest_lock()
        try:
            r = rebuild(reextract=options["reextract"])
            archive_changed()
        finally:
            release_ingest_lock()
        self.stdout.write(
            f"{r.topics} topics on {r.turn_topics} remarks of {r.turns} turns in {r.seconds:.1f} s"
        )
