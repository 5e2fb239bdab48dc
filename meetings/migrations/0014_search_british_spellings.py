"""Search reads an American spelling as the British one ("defense" finds "defence", "program"
"programme", "privatization" "privatisation", and back) and per cent, dollar and plus signs as
words: the new function archive_british, archive_search_text calling it, and every stored vector
and the suggestions' vocabulary computed again with them, as migration 0011 computes them (a
database migrated before holds the American spellings and the signs as written)."""

from importlib import import_module

from django.db import migrations

from meetings.sql.functions import FUNCTIONS, create_sql

vectors_again = import_module("meetings.migrations.0011_search_unmarked_letters").vectors_again


class Migration(migrations.Migration):
    dependencies = [("meetings", "0013_excerpts_by_omissions")]

    operations = [
        *(migrations.RunSQL(create_sql(name), migrations.RunSQL.noop) for name in FUNCTIONS),
        migrations.RunPython(vectors_again, migrations.RunPython.noop),
    ]
