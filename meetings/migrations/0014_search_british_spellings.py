"""Search reads an American spelling as the British one ("defense" finds "defence", "program"
"programme", "privatization" "privatisation", and back): the new function archive_british,
archive_search_text calling it, and every stored vector and the suggestions' vocabulary computed
again with them (a database migrated before holds the American spellings as written)."""

from django.db import migrations

from meetings.sql.functions import FUNCTIONS, create_sql


def vectors_again(apps, schema_editor):
    from meetings.sql import search as search_sql

    Meeting = apps.get_model("meetings", "Meeting")
    ids = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(ids), 500):
        search_sql.update_vectors(ids[i : i + 500])
    if ids:
        search_sql.rebuild_vocabulary()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0013_excerpts_by_omissions")]

    operations = [
        *(migrations.RunSQL(create_sql(name), migrations.RunSQL.noop) for name in FUNCTIONS),
        migrations.RunPython(vectors_again, migrations.RunPython.noop),
    ]
