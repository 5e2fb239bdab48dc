"""The topics of the index a topic's page (and its API resource) points to: those whose names share
a word with its name, ranked by the core (meetings.core.topics.related)."""

from __future__ import annotations

from meetings.core.topics import related
from meetings.models import Topic

# What the page and the API show of each (one query over the index: its keys matching the words).
FIELDS = ("key", "label", "slug", "remark_count", "raised_count", "people_count", "profile_count")


def sharing_words(topic: Topic, shown: int = related.RELATED_SHOWN) -> list[Topic]:
    """The topics of the index sharing a word of `topic`'s name, best first (related.rank_related)."""
    words = related.shared_words(topic.key)
    if not words:
        return []
    near = {
        t.key: t
        for t in Topic.objects.filter(is_featured=True, key__regex=related.words_pattern(words))
        .exclude(pk=topic.pk)
        .only(*FIELDS)
    }
    ranked = related.rank_related(topic.key, ((k, t.remark_count) for k, t in near.items()), shown)
    return [near[k] for k in ranked]
