"""TopicMeeting.remarks_before: where in a topic's remark list each of its meetings starts, so that
any page of a topic's remarks is found by an index read. Filled here for archives that have
topics already; every topic rebuild writes it from then on."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0015_text_vector_function"),
    ]

    operations = [
        migrations.AddField(
            model_name="topicmeeting",
            name="remarks_before",
            field=models.PositiveIntegerField(
                default=0,
                help_text="The topic's remarks in the meetings before this one, newest first by date, then meeting id (the order of the topic's remark list): where a page of it starts.",
            ),
        ),
        migrations.AddIndex(
            model_name="topicmeeting",
            index=models.Index(fields=["topic", "remarks_before"], name="topicmeeting_offset"),
        ),
        migrations.RunSQL(
            """
            UPDATE meetings_topicmeeting AS c SET remarks_before = o.before
              FROM (SELECT c2.id, coalesce(sum(c2.remarks) OVER (
                               PARTITION BY c2.topic_id ORDER BY m.date DESC, c2.meeting_id
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                      FROM meetings_topicmeeting AS c2 JOIN meetings_meeting AS m ON m.id = c2.meeting_id) AS o
             WHERE o.id = c.id
            """,
            migrations.RunSQL.noop,
        ),
    ]
