"""Participants filed again under the name an A-Z index files them under (names.sort_name): a
name ending with a regnal number ("Albert II") is filed as written, no longer under the number
("II, Albert", under "I"). Migration 0010's refiling, run again: only the names whose filing
changed are written."""

from importlib import import_module

from django.db import migrations

refile = import_module("meetings.migrations.0010_participant_sort_name_refiled").refile


class Migration(migrations.Migration):
    dependencies = [("meetings", "0018_alias_folds_refiled")]

    operations = [migrations.RunPython(refile, migrations.RunPython.noop)]
