"""A meeting page's list of topics: each with who raised it and the remark that did (the first of
the meeting's remarks its topic page lists), read with the meeting's loaded turns."""

from __future__ import annotations

from meetings.models import Meeting, MeetingTopic, Turn, TurnTopic


def meeting_topics(meeting: Meeting, turns: list[Turn]) -> list[MeetingTopic]:
    """The meeting's topics in rank order, each with `raised_in`: the loaded turn that raised it
    (None where no remark did), the one its "raised by" line links to. Two queries: the list, and
    the raising rows of the page's turns (read by the (turn, topic) index)."""
    topics = list(
        MeetingTopic.objects.filter(meeting=meeting).select_related("topic", "raised_by").order_by("rank")
    )
    by_id = {t.id: t for t in turns}
    raised = dict(
        TurnTopic.objects.filter(
            turn_id__in=list(by_id), topic_id__in=[mt.topic_id for mt in topics], raised=True
        ).values_list("topic_id", "turn_id")
    )
    for mt in topics:
        mt.raised_in = by_id.get(raised.get(mt.topic_id))
    return topics
