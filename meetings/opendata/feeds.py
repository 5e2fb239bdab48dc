"""Atom feeds: the newest meetings, a participant's newest remarks, a topic's newest remarks.

Every feed runs a fixed number of queries, whatever the number of entries. Text from the
transcripts is escaped here (paragraphs become `<p>` of escaped text in a `type="html"` element,
which the XML writer escapes once more), so a remark quoting markup is shown as text by readers.

Links are absolute URLs on settings.SITE_URL and ids are tag: URIs (meetings.http.origin), never
taken from the request: an entry has one id whatever host name or scheme the feed was read by.
Every entry has a <summary>: a meeting's lead (or, for a meeting without one, who spoke and how
much), a remark's first words.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import Min, QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import dateformat
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator

from meetings.derived import search
from meetings.http.origin import absolute_url, public_id
from meetings.models import Meeting, Participant, Topic, Turn, TurnTopic
from meetings.opendata.credit import source_credit
from meetings.web.filters import SearchFilter
from meetings.web.templatetags.transcript import quoted

SITE_NAME = "Transcript Archive"
FEED_SIZE = 50


# The <updated> of a feed with no entries: a fixed instant, not the time of the request (which
# would make every fetch of the same empty feed a new version of it).
EMPTY_FEED_UPDATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class ArchiveAtomFeed(Atom1Feed):
    """Atom 1.0 with one <author> per person and a <content> element for the full text."""

    def latest_post_date(self):
        return super().latest_post_date() if self.items else EMPTY_FEED_UPDATED

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


def html_paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs, every character escaped."""
    return linebreaks(text or "", autoescape=True)


SUMMARY_WORDS = 60


def text_summary(text: str) -> str:
    """The first words of a text, on one line, as escaped HTML (a <summary type="html">)."""
    flat = " ".join((text or "").replace("\u00a0", " ").split())
    return escape(Truncator(flat).words(SUMMARY_WORDS, truncate="…"))


def day_start(date: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time.min, tzinfo=datetime.UTC)


def long_date(date: datetime.date) -> str:
    return dateformat.format(date, "j F Y")


class _Moved(Exception):
    def __init__(self, url: str):
        self.url = url


def _resolved(model, slug: str, feed: str):
    """What `slug` names (the model's `objects.resolve`: an old slug finds its person or topic
    now); raises DoesNotExist (404), or _Moved (301) to `feed` under the slug it has now."""
    found = model.objects.resolve(slug)
    if found is None:
        raise model.DoesNotExist(slug)
    if found.slug != slug:
        raise _Moved(reverse(feed, kwargs={"slug": found.slug}))
    return found


class _ArchiveFeed(Feed):
    """Absolute links on SITE_URL; the feed's and each entry's id a tag: URI of its path."""

    feed_type = ArchiveAtomFeed

    def feed_guid(self, obj):
        # The feed's path, and its query where it has one (each search its own feed).
        url = urlsplit(self._get_dynamic_attr("feed_url", obj))
        return public_id(url.path + (f"?{url.query}" if url.query else ""))

    def item_guid(self, item):
        return public_id(item.get_absolute_url())

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def feed_copyright(self):
        """Atom's <rights>: who published the texts and their licence, when the archive is told."""
        credit = source_credit()
        return f"Texts {credit.sentence()}." if credit else None


class MeetingsFeed(_ArchiveFeed):
    """The newest meetings; each entry names the people who spoke and gives the lead."""

    title = f"Meetings · {SITE_NAME}"
    subtitle = "The newest meeting transcripts in the archive."
    author_name = SITE_NAME  # for a meeting in which no named person spoke

    def link(self):
        return absolute_url(reverse("meetings:meeting_list"))

    def feed_url(self):
        return absolute_url(reverse("feed_meetings"))

    def items(self):
        meetings = list(Meeting.objects.defer("search_vector").newest_first()[:FEED_SIZE])
        names: dict[int, list[str]] = {m.pk: [] for m in meetings}
        rows = (
            Turn.objects.filter(meeting__in=list(names), speaker__isnull=False)
            .values("meeting_id", "speaker__name")
            .annotate(first=Min("position"))
            .order_by("meeting_id", "first")
        )
        for row in rows:
            names[row["meeting_id"]].append(row["speaker__name"])
        for m in meetings:
            m.participant_names = names[m.pk]
        return meetings

    def item_title(self, item):
        return f"{item.title} ({long_date(item.date)})"

    def item_description(self, item):
        if item.description.strip():
            return html_paragraphs(item.description)
        # No lead: what the meeting is, for readers that show only the summary.
        said = f"{item.turn_count} remark{'s' if item.turn_count != 1 else ''}"
        if item.participant_names:
            said += " by " + ", ".join(item.participant_names[:5])
            if len(item.participant_names) > 5:
                said += f" and {len(item.participant_names) - 5} more"
        where = f", {item.place}" if item.place else ""
        return f"<p>{escape(f'Transcript of the meeting of {long_date(item.date)}{where}: {said}.')}</p>"

    def item_pubdate(self, item):
        return day_start(item.date)

    def item_updateddate(self, item):
        return item.ingested_at

    def item_extra_kwargs(self, item):
        return {"authors": item.participant_names}


class _TurnFeed(_ArchiveFeed):
    """Entries are turns (with meeting and speaker loaded): permalink, text, speaker."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except _Moved as moved:  # an old slug (a person merged into another, a topic moved)
            return HttpResponsePermanentRedirect(moved.url)

    def item_title(self, turn):
        who = turn.speaker.name if turn.speaker_id else turn.display_label
        return f"{who} — {turn.meeting.title} ({long_date(turn.meeting.date)})"

    def item_description(self, turn):
        summary = text_summary(turn.text)
        if not summary:
            who = turn.speaker.name if turn.speaker_id else turn.display_label
            summary = escape(f"A remark of {who} with no text, in {turn.meeting.title}.")
        if turn.is_summary:
            summary = "<em>Summary:</em> " + summary
        return summary

    def item_pubdate(self, turn):
        return day_start(turn.meeting.date)

    def item_updateddate(self, turn):
        return turn.meeting.ingested_at

    def item_extra_kwargs(self, turn):
        content = html_paragraphs(turn.text)
        if turn.is_summary:
            content = "<p><em>A summary of what was said, not a verbatim quotation.</em></p>\n" + content
        return {
            "authors": [turn.speaker.name if turn.speaker_id else turn.display_label],
            "content_html": content,
        }


class ParticipantFeed(_TurnFeed):
    """A participant's newest remarks. An old slug (a person since merged) answers 301 to the feed."""

    def get_object(self, request, slug):
        return _resolved(Participant, slug, "feed_speaker")

    def title(self, person):
        return f"{person.name} · {SITE_NAME}"

    def subtitle(self, person):
        return f"The newest remarks of {person.name} in the archive."

    def link(self, person):
        return absolute_url(person.get_absolute_url())

    def feed_url(self, person):
        return absolute_url(reverse("feed_speaker", kwargs={"slug": person.slug}))

    def items(self, person):
        return list(
            Turn.objects.filter(speaker=person)
            .select_related("meeting", "speaker")
            .for_display("meeting")
            .defer("meeting__description")
            .newest_first()[:FEED_SIZE]
        )


class TopicFeed(_TurnFeed):
    """A topic's newest remarks. A slug a rebuild moved answers 301 to the topic's feed."""

    def get_object(self, request, slug):
        return _resolved(Topic, slug, "feed_topic")

    def title(self, topic):
        return f"{topic.label} · {SITE_NAME}"

    def subtitle(self, topic):
        return f"The newest remarks on {topic.label} in the archive."

    def link(self, topic):
        return absolute_url(topic.get_absolute_url())

    def feed_url(self, topic):
        return absolute_url(reverse("feed_topic", kwargs={"slug": topic.slug}))

    def items(self, topic):
        remarks = (
            TurnTopic.objects.filter(topic=topic)
            .select_related("turn__meeting", "turn__speaker")
            .defer(
                "turn__search_vector",
                "turn__phrases",
                "turn__meeting__search_vector",
                "turn__meeting__description",
            )
            .newest_first()[:FEED_SIZE]
        )
        return [tt.turn for tt in remarks]


@dataclass(frozen=True)
class _Search:
    """A search as a feed reads it: its cleaned words, the turns its filters leave, and its
    parameters (the words and filters, as the feed's and the page's addresses carry them)."""

    q: str
    base: QuerySet
    params: str
    narrowed_to: tuple[str, ...] = ()  # what its filters narrow it to, in words (SearchFilter.narrowed_to)


class SearchFeed(_TurnFeed):
    """The newest remarks that match a search, with the search page's filters (speaker, dates,
    kind, topic, meeting): a reader's alert for words. No words to search for: 404."""

    def get_object(self, request):
        q = search.clean_query(request.GET.get("q"))
        if not q or not search.has_lexemes(q):
            raise Http404("No words to search for")
        filterset = SearchFilter(request.GET, queryset=Turn.objects.all())
        if not filterset.is_valid():
            raise Http404("A filter of this search cannot be read")
        # (the rows first: the speaker filter finds the people narrowed_to names)
        return _Search(q, filterset.qs, filterset.query_with(q), tuple(filterset.narrowed_to()))

    def title(self, found):
        narrowed = f" ({', '.join(found.narrowed_to)})" if found.narrowed_to else ""
        return f"{quoted(found.q)}{narrowed} · {SITE_NAME}"

    def subtitle(self, found):
        narrowed = f", {', '.join(found.narrowed_to)}" if found.narrowed_to else ""
        return f"The newest remarks matching {quoted(found.q)} in the archive{narrowed}."

    def link(self, found):
        return absolute_url(f"{reverse('meetings:search')}?{found.params}&sort=date")

    def feed_url(self, found):
        return absolute_url(f"{reverse('feed_search')}?{found.params}")

    def items(self, found):
        """The newest matches, nothing ranked (the search page ranks at most its CANDIDATES
        matches, which for a common word need not be the newest). Up to CANDIDATES matches are
        read through the text index and the newest taken; past that (a common word) they are read
        newest first, where matches are dense."""
        matching = found.base.filter(search_vector=search.ts_query(found.q)).order_by()
        rows = list(matching.values_list("id", "date", "meeting_id", "position")[: search.CANDIDATES + 1])
        if len(rows) <= search.CANDIDATES:
            rows.sort(key=lambda r: (-(r[1] or datetime.date.min).toordinal(), r[2], r[3]))  # newest_first
            ids = [r[0] for r in rows[:FEED_SIZE]]
        else:
            ids = list(matching.newest_first().values_list("id", flat=True)[:FEED_SIZE])
        loaded = (
            Turn.objects.select_related("meeting", "speaker")
            .for_display("meeting")
            .defer("meeting__description")
            .in_bulk(ids)
        )
        turns = [loaded[i] for i in ids]
        search.with_snippets(turns, found.q)
        return turns

    def item_description(self, turn):
        """The snippet, the words found marked (<mark>), as the search page shows it."""
        snippet = str(turn.snippet)
        return "<em>Summary:</em> " + snippet if turn.is_summary else snippet
