"""archive_text_vector(text): the part of a turn's search vector that comes from its text (stemmed
words weighted C, exact words weighted D), with the text normalised once rather than once per
configuration. PARALLEL SAFE, so the batched ingest can compute it with parallel workers."""

from django.db import migrations

TEXT_VECTOR_FUNCTION = """
CREATE OR REPLACE FUNCTION archive_text_vector(t text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s text := archive_search_text(t);
BEGIN
  RETURN setweight(to_tsvector('english', s), 'C') || setweight(to_tsvector('simple', s), 'D');
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0014_meeting_title_unbounded")]

    operations = [
        migrations.RunSQL(TEXT_VECTOR_FUNCTION, "DROP FUNCTION IF EXISTS archive_text_vector(text)"),
    ]
