"""A meeting whose remarks hold the source's mark of words left out ("<…>", "[...]") gives excerpts,
not the whole transcript (parser.inline.holds_omission, read at ingest from now on): the meetings
already stored are marked so too."""

from django.db import migrations, models

# The pattern of parser.inline._OMIT, in PostgreSQL's regular expressions.
OMISSION = r"<\s*(…|\.\.\.)\s*>|\[\s*(…|\.\.\.)\s*\]"


class Migration(migrations.Migration):
    dependencies = [("meetings", "0012_search_acronyms")]

    operations = [
        migrations.AlterField(
            model_name="meeting",
            name="is_excerpt",
            field=models.BooleanField(
                default=False,
                help_text="The page says it gives excerpts, or marks words it leaves out (<…>).",
            ),
        ),
        migrations.RunSQL(
            [
                (
                    "UPDATE meetings_meeting m SET is_excerpt = true WHERE NOT m.is_excerpt AND EXISTS "
                    "(SELECT 1 FROM meetings_turn t WHERE t.meeting_id = m.id AND t.text ~ %s)",
                    [OMISSION],
                )
            ],
            migrations.RunSQL.noop,
        ),
    ]
