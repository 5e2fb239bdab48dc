"""A quoted phrase is found deep in a long remark: archive_text_vector gives a text of more than
16,000 characters positions its stemmed words and its words as written share (they followed each
other, and the second reading of a long speech stood past the last position PostgreSQL keeps).
Only the meetings that hold such a remark have their vectors computed again."""

from django.db import migrations
from django.db.models.functions import Length

from meetings.sql.functions import create_sql

LONG_TEXT = 16_000  # as archive_text_vector.sql


def long_vectors_again(apps, schema_editor):
    from meetings.sql import search as search_sql

    Turn = apps.get_model("meetings", "Turn")
    ids = sorted(
        set(
            Turn.objects.annotate(n=Length("text"))
            .filter(n__gt=LONG_TEXT * 0.9)  # (the text as search reads it may be a little longer)
            .values_list("meeting_id", flat=True)
        )
    )
    for i in range(0, len(ids), 500):
        search_sql.update_vectors(ids[i : i + 500])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0014_search_british_spellings")]

    operations = [
        migrations.RunSQL(create_sql("archive_text_vector"), migrations.RunSQL.noop),
        migrations.RunPython(long_vectors_again, migrations.RunPython.noop),
    ]
