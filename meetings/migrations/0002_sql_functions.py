"""The SQL functions search relies on (archive_search_text, archive_text_vector), created from
their files in meetings/sql/functions/, the same files the tests compare the database with."""

from django.db import migrations

from meetings.sql.functions import FUNCTIONS, create_sql, drop_sql


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]

    operations = [migrations.RunSQL(create_sql(name), drop_sql(name)) for name in FUNCTIONS]
