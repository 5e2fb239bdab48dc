"""Aliases keyed again now that names read a letter of its own ("ł", "ø", "đ", "ı", "ħ") as its
plain letter (names.PLAIN_LETTERS), so that the next ingest finds a known person under either
spelling ("Łukasz" and "Lukasz"). Only aliases written with such a letter are rewritten; where the
plain key is already another alias's (a person stored twice under the two spellings), the alias
keeps its key and the two people stay apart (the editorial file merges them)."""

from django.db import migrations


def rekey(apps, schema_editor):
    from meetings.core.identity import alias_fields
    from meetings.core.parser.names import PLAIN_LETTERS

    ParticipantAlias = apps.get_model("meetings", "ParticipantAlias")
    letters = [chr(code) for code in PLAIN_LETTERS]
    taken = set(ParticipantAlias.objects.values_list("key", flat=True))
    changed = []
    for alias in ParticipantAlias.objects.filter(written__regex="[" + "".join(letters) + "]").iterator():
        fields = alias_fields(alias.written)
        if fields["key"] != alias.key and fields["key"] in taken:
            fields["key"] = alias.key
        taken.add(fields["key"])
        for name, value in fields.items():
            setattr(alias, name, value)
        changed.append(alias)
    ParticipantAlias.objects.bulk_update(changed, ["key", "folded", "surname", "initial"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0019_participant_sort_name_regnal")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
