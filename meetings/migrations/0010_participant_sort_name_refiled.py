"""Participants filed again under the name an A-Z index files them under (names.sort_name):
a particle in lower case after the given name ("Rashid, Karim al-"), a family name written
first kept first ("Wang Bo"). Only the names whose filing changed are written."""

from django.db import migrations


def refile(apps, schema_editor):
    from meetings.core.parser.names import sort_name

    Participant = apps.get_model("meetings", "Participant")
    changed = []
    for person in Participant.objects.only("pk", "name", "sort_name").iterator():
        filed = sort_name(person.name)
        if filed != person.sort_name:
            person.sort_name = filed
            changed.append(person)
    Participant.objects.bulk_update(changed, ["sort_name"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_turntopic_uses")]

    operations = [migrations.RunPython(refile, migrations.RunPython.noop)]
