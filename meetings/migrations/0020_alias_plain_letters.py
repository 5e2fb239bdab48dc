"""Aliases keyed again now that names read a letter of its own ("ł", "ø", "đ", "ı", "ħ") as its
plain letter (names.PLAIN_LETTERS) and fold a hyphen as a space and "el" as "al"
(names.folded_key), so that the next ingest finds a known person under either spelling
("Łukasz" and "Lukasz", "Jean-Baptiste" and "Jean Baptiste", "el-<Name>" and "al-<Name>"). Only
the aliases whose fields change are written; where an alias's new key is already another's (a
person stored twice under the two spellings), it keeps its key and the two people stay apart (the
editorial file merges them)."""

from django.db import migrations

from meetings.migrations._aliases import rekey


class Migration(migrations.Migration):
    dependencies = [("meetings", "0019_participant_sort_name_regnal")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
