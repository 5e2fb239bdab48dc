"""Aliases keyed again by the transliteration folding of names.fold_token, which now folds a
given name's "-ndr" ending to "-nder" ("Aleksandr", "Alexandr": "Alexander"), so that the next
ingest finds a known person under either spelling. Only the aliases whose folded key or surname
changed are written; people already stored twice under the two spellings stay apart (the
editorial file merges them)."""

from django.db import migrations


def refold(apps, schema_editor):
    from meetings.core.identity import alias_fields

    ParticipantAlias = apps.get_model("meetings", "ParticipantAlias")
    changed = []
    for alias in ParticipantAlias.objects.only("pk", "key", "folded", "surname").iterator():
        keyed = alias_fields(alias.key)
        folded, surname = keyed["folded"], keyed["surname"]
        if (folded, surname) != (alias.folded, alias.surname):
            alias.folded, alias.surname = folded, surname
            changed.append(alias)
    ParticipantAlias.objects.bulk_update(changed, ["folded", "surname"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0017_search_part_headings")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
