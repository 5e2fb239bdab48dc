"""python manage.py rebuild_search"""

from django.core.management.base import BaseCommand

from meetings.derived import search
from meetings.http.caching import archive_changed
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Recompute the stored full-text vectors of every meeting and turn, and the vocabulary of suggestions."
    )

    def handle(self, *args, **options):
        ids = list(Meeting.objects.values_list("id", flat=True))
        for i in range(0, len(ids), 500):
            search.update_vectors(ids[i : i + 500])
        words = search.rebuild_vocabulary()
        archive_changed()
        self.stdout.write(f"search vectors of {len(ids)} meetings rebuilt; {words} words for suggestions")
