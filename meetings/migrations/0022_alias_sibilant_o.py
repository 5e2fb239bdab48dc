"""Aliases keyed again now that names fold a surname's "-chov" as "-chev" (names.fold_token:
"Grachov", "Grachev", "Grachyov"), so that the next ingest finds a known person under either
spelling."""

from django.db import migrations

from meetings.migrations._aliases import rekey


class Migration(migrations.Migration):
    dependencies = [("meetings", "0021_alias_transliterations")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
