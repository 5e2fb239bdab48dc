"""Search tells a small word written in capitals from the word ("US" from "us", "IT" from "it"):
the new function archive_acronym_vector; and archive_search_text reads a full stop between an
acronym and a capital as a break ("VEB.RF" is two words). Every stored turn vector is computed
again with them (a database migrated before holds no acronym lexemes, and a query for "US" would
find nothing)."""

from django.db import migrations

from meetings.sql.functions import FUNCTIONS, create_sql


def vectors_again(apps, schema_editor):
    from meetings.sql import search as search_sql

    Meeting = apps.get_model("meetings", "Meeting")
    ids = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(ids), 500):
        search_sql.update_vectors(ids[i : i + 500])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0011_search_unmarked_letters")]

    operations = [
        *(migrations.RunSQL(create_sql(name), migrations.RunSQL.noop) for name in FUNCTIONS),
        migrations.RunPython(vectors_again, migrations.RunPython.noop),
    ]
