"""django-filter FilterSets: every list filter is a GET parameter, so a filtered list is a link."""

from __future__ import annotations

import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, Func, Q, Value
from django.db.models.functions import Concat
from django.http import QueryDict
from django_filters.widgets import BooleanWidget

from meetings.core.permalinks import slugify
from meetings.core.roles import role_key
from meetings.derived.search import (
    clean_query,
    has_lexemes,
    meetings_matching,
    named_with,
    resolve_speaker,
    spelled_with,
)
from meetings.models import (
    Meeting,
    Participant,
    ParticipantRole,
    Topic,
    TopicMeeting,
    TopicQuerySet,
    TopicSpeaker,
    Turn,
    TurnTopic,
)

MAX_WORDS = 10
MAX_VALUE = 200
MAX_USES = 1000  # times a remark names a topic: the filter's bound (a query value, not a limit of the data)


class WholeNumberFilter(django_filters.NumberFilter):
    """A number filter that takes whole numbers only (a year, a count): "2017.5" is refused, not
    read as 2017."""

    field_class = forms.IntegerField


# Dates as ISO 8601 only ("2022-10-03"): "03/10/2022" is a different day in different countries.
ISO_DATE_FORMATS = ["%Y-%m-%d"]


def one_letter(value: str) -> None:
    """A letter of any alphabet ("M", "Č"), not a digit or a sign."""
    if not value.strip().isalpha():
        raise ValidationError("Expected one letter.")


def _words(value: str) -> list[str]:
    return value.replace("\u00a0", " ").split()[:MAX_WORDS]


def topics_named(value: str) -> list[Topic]:
    """The topics a topic filter's value names: the label as every page writes it, in any case
    ("Syria", "united states"; each topic of that label), or the slug ("united-states", an old
    slug a rebuild moved, or the label written as one: "United-States")."""
    value = " ".join(value.replace("\u00a0", " ").split())[:MAX_VALUE]
    if not value:
        return []
    by_label = list(Topic.objects.filter(label__iexact=value).order_by("slug"))
    if by_label:
        return by_label
    for slug in dict.fromkeys([value.lower(), slugify(value)]):
        topic = Topic.objects.resolve(slug) if slug else None
        if topic is not None:
            return [topic]
    return []


class TopicField(forms.CharField):
    """A topic filter's box: its cleaned value is the topics it names (topics_named); a value that
    names none is not understood (the lists say so and ignore it, the API answers 400), not a
    silent empty list."""

    def clean(self, value):
        value = super().clean(value)
        if not (value or "").strip():
            return None
        topics = topics_named(value)
        if not topics:
            raise ValidationError(
                f"no topic is called “{value.strip()}”: give its name as its page writes it"
            )
        return topics


class TopicFilter(django_filters.CharFilter):
    """The topic filter of the meetings list and search: a topic's label (any case) or slug."""

    field_class = TopicField


class DateRangeForm(forms.Form):
    """A filter form whose range (date_from, date_to) may not end before it starts: nothing could
    match, and a reader who swapped the two would see only that nothing did."""

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", f"ends before it starts: from {start.isoformat()}")
        return data


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_words", label="Title words", max_length=MAX_VALUE)
    words = django_filters.CharFilter(
        method="filter_matching", label="Search words of the title, lead or a heading", max_length=MAX_VALUE
    )
    year = WholeNumberFilter(field_name="date", lookup_expr="year", label="Year", min_value=1, max_value=9999)
    date_from = django_filters.DateFilter(
        input_formats=ISO_DATE_FORMATS,
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        input_formats=ISO_DATE_FORMATS,
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    place = django_filters.CharFilter(
        field_name="place", lookup_expr="icontains", label="Place", max_length=MAX_VALUE
    )
    speaker = django_filters.CharFilter(method="filter_speaker", label="Participant", max_length=MAX_VALUE)
    topic = TopicFilter(method="filter_topic", label="Topic", max_length=MAX_VALUE)

    class Meta:
        model = Meeting
        fields = ["q", "words", "year", "date_from", "date_to", "place", "speaker", "topic"]
        form = DateRangeForm

    def filter_matching(self, queryset, name, value):
        """The meetings a search for these words lists as those whose title, lead or a part's
        heading matches (search syntax; the search's "3 of N" links here)."""
        q = clean_query(value)
        if not q or not has_lexemes(q):
            return queryset
        return queryset.filter(pk__in=meetings_matching(q).values("pk"))

    def filter_topic(self, queryset, name, value):
        """The meetings in which the topic (its label or slug: TopicField) came up, as its page
        lists them."""
        return queryset.filter(pk__in=TopicMeeting.objects.filter(topic__in=value).values("meeting_id"))

    def filter_words(self, queryset, name, value):
        for word in _words(value):
            queryset = queryset.filter(title__icontains=word)
        return queryset

    def filter_speaker(self, queryset, name, value):
        """A participant's slug, or words of their name."""
        words = _words(value)
        if not words:
            return queryset
        people = Participant.objects.filter(slug=value.strip())
        by_name = named_with(Participant.objects.all(), words)
        people = Participant.objects.filter(Q(pk__in=people.values("pk")) | Q(pk__in=by_name.values("pk")))
        return queryset.filter(pk__in=Turn.objects.filter(speaker__in=people).values("meeting_id"))


class TotalOrderingFilter(django_filters.OrderingFilter):
    """An OrderingFilter whose order is total (ties by surname, name, id: pages never overlap),
    with people who never spoke last whatever the direction."""

    def filter(self, qs, value):
        fields = [self.get_ordering_value(v) for v in value or [] if v]
        if not fields:
            return qs
        order = [
            F(f[1:]).desc(nulls_last=True) if f.startswith("-") else F(f).asc(nulls_last=True) for f in fields
        ]
        return qs.order_by(*order, "sort_name", "name", "pk")


class ParticipantFilter(django_filters.FilterSet):
    """The speakers page's list of participants (and the API's): words of the name, of a title,
    a surname's letter."""

    q = django_filters.CharFilter(method="filter_name", label="Name", max_length=MAX_VALUE)
    role = django_filters.CharFilter(method="filter_role", label="Role or title", max_length=MAX_VALUE)
    letter = django_filters.CharFilter(
        method="filter_letter", label="Letter", max_length=1, validators=[one_letter]
    )

    class Meta:
        model = Participant
        fields = ["q", "role", "letter"]

    def filter_name(self, queryset, name, value):
        return named_with(queryset, _words(value))

    def filter_role(self, queryset, name, value):
        turns = Turn.objects.exclude(role=None)
        for w in _words(value):
            turns = turns.filter(role__icontains=w)
        return queryset.filter(pk__in=turns.values("speaker_id"))

    def filter_letter(self, queryset, name, value):
        value = value.strip()[:1]
        if not value.isalpha():
            return queryset
        return queryset.filter(sort_name__istartswith=value)


class SpeakerIndexFilter(ParticipantFilter):
    """The speakers page: ParticipantFilter's filters, ordered by name, by number of remarks or by
    latest appearance (its queryset carries `last_seen`: views._speaker_rows)."""

    ORDERS = [("name", "Name (A–Z)"), ("-remarks", "Most remarks"), ("-latest", "Latest appearance")]

    order = TotalOrderingFilter(
        fields=(("sort_name", "name"), ("turn_count", "remarks"), ("last_seen", "latest")),
        label="Order",
    )

    class Meta(ParticipantFilter.Meta):
        pass

    def ordered_by(self) -> str:
        """The order the list is in: one of ORDERS' values ("name" when none or not understood)."""
        value = (getattr(self.form, "cleaned_data", None) or {}).get("order") or []
        return next((v for v in value if v in dict(self.ORDERS)), "name")

    def matched_spellings(self, people) -> dict[int, str]:
        """When the list is filtered by name words: for each person of `people` found by a spelling
        a transcript wrote their name in, not by their name, that spelling (search.spelled_with)."""
        words = _words((getattr(self.form, "cleaned_data", None) or {}).get("q") or "")
        return spelled_with(list(people), words) if words else {}

    def matched_roles(self, people) -> dict[int, str]:
        """When the list is filtered by role words: for each person of `people`, the office that
        matched, as their profile shows it (one office written several ways is shown one way);
        two queries for the page. Empty when no role words are given."""
        words = _words((getattr(self.form, "cleaned_data", None) or {}).get("role") or "")
        ids = [p.pk for p in people]
        if not words or not ids:
            return {}
        turns = Turn.objects.filter(speaker_id__in=ids).exclude(role=None)
        for w in words:
            turns = turns.filter(role__icontains=w)
        written: dict[int, list[str]] = {}
        for pk, role in turns.values_list("speaker_id", "role").distinct().order_by("speaker_id", "role"):
            written.setdefault(pk, []).append(role)
        offices: dict[tuple[int, str], tuple] = {}
        for pk, role, last in ParticipantRole.objects.filter(participant_id__in=list(written)).values_list(
            "participant_id", "role", "last"
        ):
            offices[(pk, role_key(role))] = (last, role)
        found = {}
        for pk, roles in written.items():
            shown = [offices.get((pk, role_key(r)), (None, r)) for r in roles]
            dated = [s for s in shown if s[0] is not None]
            found[pk] = max(dated)[1] if dated else shown[0][1]
        return found


class TopicIndexFilter(django_filters.FilterSet):
    """The topics page's list (and the API's): the topics of the index (Topic.objects.listed),
    narrowed to those whose label or another form of it ("US" of "United States") holds a word
    starting with each word given ("pension" finds "pensions" and "pension fund"), or whose label
    starts with a letter; in one of TopicQuerySet.ORDERS (`sort`; the first when none)."""

    ORDERS = list(
        zip(TopicQuerySet.ORDERS, ("Most people came back to it first", "Most raised first", "A–Z"))
    )

    q = django_filters.CharFilter(method="filter_words", label="Words of the topic", max_length=MAX_VALUE)
    letter = django_filters.CharFilter(
        method="filter_letter", label="Letter", max_length=1, validators=[one_letter]
    )
    sort = django_filters.ChoiceFilter(choices=ORDERS, method="filter_sort", label="Order", empty_label=None)

    def filter_words(self, queryset, name, value):
        words = _words(value)
        if not words:
            return queryset
        forms_text = Func(F("form_labels"), Value(" "), function="array_to_string", output_field=CharField())
        queryset = queryset.annotate(_words=Concat("label", Value(" "), forms_text, output_field=CharField()))
        for w in words:  # a word's start: \m in PostgreSQL's expressions
            queryset = queryset.filter(_words__iregex=r"\m" + re.escape(w))
        return queryset

    def filter_letter(self, queryset, name, value):
        return queryset.filter(label__istartswith=value.strip()[:1])

    def filter_sort(self, queryset, name, value):
        return queryset.in_order(value)

    def ordered_by(self) -> str:
        """The order the list is in: one of ORDERS' values (the first when none or not understood)."""
        return (getattr(self.form, "cleaned_data", None) or {}).get("sort") or TopicQuerySet.ORDERS[0]


class TurnFilter(django_filters.FilterSet):
    """A participant's turns (their remarks), narrowed to one meeting or one year."""

    meeting = django_filters.CharFilter(field_name="meeting__slug", label="Meeting", max_length=MAX_VALUE)
    # Turn.date is the meeting's date: the year is a range on the (speaker, date) index.
    year = WholeNumberFilter(field_name="date", lookup_expr="year", label="Year", min_value=1, max_value=9999)

    class Meta:
        model = Turn
        fields = ["meeting", "year"]


class TurnTopicFilter(django_filters.FilterSet):
    """The turns that carry a topic, narrowed to one speaker or one year. Filters read the
    turn's speaker and date as copied onto TurnTopic at rebuild (an index on topic, speaker, date)."""

    speaker = django_filters.CharFilter(method="filter_speaker", label="Speaker", max_length=MAX_VALUE)
    year = WholeNumberFilter(field_name="date", lookup_expr="year", label="Year", min_value=1, max_value=9999)
    # true/false or 1/0, any case (the API reads them so too); the default widget took "1" for "either".
    raised = django_filters.BooleanFilter(
        field_name="raised", label="Only where it was raised", widget=BooleanWidget
    )
    uses = WholeNumberFilter(
        field_name="uses",
        lookup_expr="gte",
        label="Named at least this many times in the remark",
        min_value=1,
        max_value=MAX_USES,
    )

    class Meta:
        model = TurnTopic
        fields = ["speaker", "year", "raised", "uses"]

    def _speaker_ids(self, value: str) -> list[int]:
        """The people a speaker value names (a slug, or a name or words of one), looked up once
        for the filter and the count."""
        memo = self.__dict__.setdefault("_speakers", {})
        if value not in memo:
            memo[value] = [p.pk for p in resolve_speaker(value)]
        return memo[value]

    def filter_speaker(self, queryset, name, value):
        """A slug or a name (any written form, or words of it), as every speaker filter reads it;
        one person read on the (topic, speaker, date) index, in order."""
        ids = self._speaker_ids(value)
        return queryset.filter(speaker_id=ids[0]) if len(ids) == 1 else queryset.filter(speaker_id__in=ids)

    def known_count(self, topic) -> int | None:
        """How many remarks match, from the topic's figures and TopicSpeaker (with a speaker: their
        lookup, shared with the filter, and their rows) instead of counting them; None when a year
        is set (then they are counted, on the index of the topic's remarks by date), or when only
        remarks that name it more than once are asked for (then counted among the topic's
        remarks)."""
        data = getattr(self.form, "cleaned_data", {})
        if data.get("year") is not None or (data.get("uses") or 1) > 1:
            return None
        if data.get("speaker"):
            people = self._speaker_ids(data["speaker"])
            rows = list(
                TopicSpeaker.objects.filter(topic=topic, participant_id__in=people).values_list(
                    "remarks", "raised"
                )
            )
            remarks, raised = sum(r for r, _ in rows), sum(r for _, r in rows)
        else:
            remarks, raised = topic.remark_count, topic.raised_count
        if data.get("raised") is None:
            return remarks
        return raised if data["raised"] else remarks - raised


class SearchFilter(django_filters.FilterSet):
    """Narrowing a search: speaker, meeting, date range, kind of turn, topic."""

    speaker = django_filters.CharFilter(method="filter_speaker", label="Speaker", max_length=MAX_VALUE)
    meeting = django_filters.CharFilter(field_name="meeting__slug", label="Meeting", max_length=MAX_VALUE)
    date_from = django_filters.DateFilter(
        input_formats=ISO_DATE_FORMATS,
        field_name="meeting__date",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        input_formats=ISO_DATE_FORMATS,
        field_name="meeting__date",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    year = WholeNumberFilter(
        field_name="meeting__date", lookup_expr="year", label="Year", min_value=1, max_value=9999
    )
    kind = django_filters.ChoiceFilter(
        field_name="kind", choices=Turn.KIND_CHOICES, label="Kind", empty_label="Speech and summaries"
    )
    topic = TopicFilter(method="filter_topic", label="Topic", max_length=MAX_VALUE)

    class Meta:
        model = Turn
        fields = ["speaker", "meeting", "date_from", "date_to", "year", "kind", "topic"]
        form = DateRangeForm

    def meetings_offered(self):
        """The meetings a search may offer beside its remarks (those whose title, lead or a part's
        heading matches):
        of the dates it asks for; None where it is narrowed to a speaker, a topic or a kind of
        remark (they would not be theirs)."""
        data = getattr(self.form, "cleaned_data", None) or {}
        if any(data.get(name) for name in ("speaker", "topic", "kind")):
            return None
        meetings = Meeting.objects.all()
        if data.get("date_from"):
            meetings = meetings.filter(date__gte=data["date_from"])
        if data.get("date_to"):
            meetings = meetings.filter(date__lte=data["date_to"])
        if data.get("year"):
            meetings = meetings.filter(date__year=data["year"])
        return meetings

    def meetings_query(self, q: str) -> str:
        """The meetings list's query string for the meetings this search offers beside its remarks
        (its words, and the dates it asks for)."""
        params = QueryDict(mutable=True)
        params["words"] = q
        cleaned = getattr(self.form, "cleaned_data", None) or {}
        for name in ("date_from", "date_to", "year"):
            value = (self.data.get(name) or "").strip()
            if value and cleaned.get(name) not in (None, ""):
                params[name] = value
        return params.urlencode()

    def narrowed_to(self) -> list[str]:
        """What the search is narrowed to, in words, as its feed's title says it ("by Anton
        Siluanov", "in 2017", "from 1 March 2019"); empty when it is not. Read after the filters ran
        (the people a speaker filter found)."""
        data = getattr(self.form, "cleaned_data", None) or {}
        said: list[str] = []
        if data.get("speaker"):
            people = getattr(self, "speakers", None) or []
            named = " or ".join(p.name for p in people[:3]) or data["speaker"]
            more = len(people) - 3
            said.append(f"by {named}" + (f" and {more} other{'s' if more > 1 else ''}" if more > 0 else ""))
        if data.get("meeting"):
            title = Meeting.objects.filter(slug=data["meeting"]).values_list("title", flat=True).first()
            said.append(f"in “{title or data['meeting']}”")
        if data.get("year"):
            said.append(f"in {data['year']}")
        if data.get("date_from"):
            said.append(f"from {data['date_from'].day} {data['date_from']:%B %Y}")
        if data.get("date_to"):
            said.append(f"to {data['date_to'].day} {data['date_to']:%B %Y}")
        if data.get("kind"):
            said.append(dict(Turn.KIND_CHOICES).get(data["kind"], data["kind"]).lower() + " only")
        if data.get("topic"):
            said.append("on the topic " + " or ".join(f"“{t.label}”" for t in data["topic"]))
        return said

    def query_with(self, q: str, **changed: str) -> str:
        """The search's words and the filters it reads (set, and readable), as a query string: the
        address of its feed; with `changed` filters set to other values (a facet's link: the
        search with every other filter kept, so that its figure is what it opens)."""
        params = QueryDict(mutable=True)
        params["q"] = q
        cleaned = getattr(self.form, "cleaned_data", None) or {}
        for name in self.filters:
            value = (self.data.get(name) or "").strip()
            if value and cleaned.get(name) not in (None, ""):
                params[name] = value
        for name, value in changed.items():
            params[name] = value
        return params.urlencode()

    def filter_speaker(self, queryset, name, value):
        """A slug or a name (any written form, or words of it): the search page's box takes what
        a reader types, the facets' links give slugs. The people found are kept for the page."""
        self.speakers = resolve_speaker(value)
        if len(self.speakers) == 1:  # the (speaker, date, …) index, read in order
            return queryset.filter(speaker_id=self.speakers[0].pk)
        return queryset.filter(speaker_id__in=[p.pk for p in self.speakers])

    def filter_topic(self, queryset, name, value):
        return queryset.filter(pk__in=TurnTopic.objects.filter(topic__in=value).values("turn_id"))
