"""Aliases keyed again now that names fold more ways of writing one name
(names.fold_token): "Lyudmila" and "Ludmila", "Shchukina" and "Schukina", "Dzhaparov" and
"Japarov", "Đukić" and "Djukic", so that the next ingest finds a known
person under either spelling."""

from django.db import migrations

from meetings.migrations._aliases import rekey


class Migration(migrations.Migration):
    dependencies = [("meetings", "0020_alias_plain_letters")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
