""" "Did you mean": the pg_trgm extension and the archive's vocabulary (SearchWord) with a trigram
index; filled by ingest (meetings.derived.search.rebuild_vocabulary)."""

import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_sql_functions"),
    ]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=60, primary_key=True, serialize=False)),
                ("remarks", models.PositiveIntegerField()),
            ],
            options={
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["word"], name="searchword_trgm", opclasses=["gin_trgm_ops"]
                    )
                ],
            },
        ),
    ]
