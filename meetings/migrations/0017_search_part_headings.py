"""A meeting's search vector holds the headings of the page's parts (Turn.section) as its title's
words, read through a partial index of the remarks under a heading (turn_headed): the vectors of
the meetings that have any are computed again (one migrated before would not be found by a
part's heading until `rebuild_search`), and the archive's version is bumped, as `rebuild_search`
bumps it, so that no page cached before serves the old results."""

from django.db import migrations, models
from django.db.models import F
from django.utils import timezone


def headed_vectors_again(apps, schema_editor):
    from meetings.sql import search as search_sql

    Turn = apps.get_model("meetings", "Turn")
    ids = sorted(set(Turn.objects.exclude(section="").values_list("meeting_id", flat=True)))
    with schema_editor.connection.cursor() as cur:
        for i in range(0, len(ids), 500):
            cur.execute(search_sql.meeting_vector_sql(), [ids[i : i + 500]])
    if ids:
        ArchiveState = apps.get_model("meetings", "ArchiveState")
        ArchiveState.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [("meetings", "0016_turn_sections")]

    operations = [
        migrations.AddIndex(
            model_name="turn",
            index=models.Index(
                condition=models.Q(("section", ""), _negated=True),
                fields=["meeting", "position"],
                name="turn_headed",
            ),
        ),
        migrations.RunPython(headed_vectors_again, migrations.RunPython.noop),
    ]
