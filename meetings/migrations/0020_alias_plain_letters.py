"""Aliases keyed again now that names read a letter of its own ("ł", "ø", "đ", "ı", "ħ") as its
plain letter (names.PLAIN_LETTERS) and fold a hyphen as a space and "el" as "al"
(names.folded_key), so that the next ingest finds a known person under either spelling
("Łukasz" and "Lukasz", "Jean-Baptiste" and "Jean Baptiste", "el-<Name>" and "al-<Name>"). Only
the aliases whose fields change are written; where an alias's new key is already another's (a
person stored twice under the two spellings), it keeps its key and the two people stay apart (the
editorial file merges them)."""

from django.db import migrations


def rekey(apps, schema_editor):
    from meetings.core.identity import alias_fields

    ParticipantAlias = apps.get_model("meetings", "ParticipantAlias")
    taken = set(ParticipantAlias.objects.values_list("key", flat=True))
    changed = []
    for alias in ParticipantAlias.objects.only(
        "pk", "key", "folded", "surname", "initial", "written"
    ).iterator():
        fields = alias_fields(alias.written)
        if fields["key"] != alias.key:
            if fields["key"] in taken:
                fields["key"] = alias.key
            else:
                taken.add(fields["key"])
        if any(getattr(alias, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(alias, name, value)
            changed.append(alias)
    ParticipantAlias.objects.bulk_update(changed, ["key", "folded", "surname", "initial"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0019_participant_sort_name_regnal")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
