"""Full-text search with PostgreSQL: stored tsvectors, websearch syntax, ranked and highlighted.

Each turn's vector holds the speaker's name (weight A), the role and label (B), the text stemmed
in English (C) and the same text unstemmed (D, so that names and rare words match as written).
Text passes through archive_search_text() (a SQL function, meetings/sql/functions/) and queries
through `clean_query` and `ts_query`, which apply the same folding: U+00A0 as a space,
typographic apostrophes as ASCII, a hyphen between letters as a space ("QR-codes" finds "QR codes"
and back), a letter with a mark as its plain letter ("Ceferin" finds "Čeferin" and back; the
snippets and highlights show the letters as the remark writes them), a full stop glued to the
next sentence's first word as a stop and a space ("decrease.Risk" is two words).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchQueryCombinable,
    SearchQueryField,
    SearchRank,
    SearchVector,
)
from django.db.models import F, Func, Q, QuerySet, Value
from django.db.models.functions import Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.core.identity import alias_fields
from meetings.core.letters import any_marks_pattern, unmarked
from meetings.core.parser.names import name_key
from meetings.core.spelling import american, british, british_beginnings
from meetings.core.topics.phrases import ACRONYM_WORDS
from meetings.core.typography import ELLIPSIS, tidy_spaces, whole_word_fragments
from meetings.models import Meeting, Participant, ParticipantAlias, Turn
from meetings.sql import search as search_sql

MAX_QUERY_LENGTH = 200
FRAGMENT_DELIMITER = "\x04"  # between ts_headline's fragments; whole_word_fragments writes "…"
START, STOP = "\x02", "\x03"  # highlight markers, never in cleaned text; escaped to <mark> later

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_HYPHEN_BETWEEN = re.compile(r"(?<=\w)[-\u2010\u2011\u2012\u2013](?=\w)")
_TYPOGRAPHIC_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})
_TYPOGRAPHIC_QUOTES_OFF = str.maketrans({"“": " ", "”": " ", "«": " ", "»": " ", "„": " "})


def clean_query(raw: str | None) -> str:
    """A visitor's query made safe and comparable with the stored text, '' when nothing is left;
    shown back as the visitor wrote it but for spaces, apostrophes and quotation marks ("COVID-19"
    stays so: as_searched reads its hyphen as the text's)."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFKC", str(raw))
    text = _CONTROL.sub(" ", text)
    text = text.replace("\u00a0", " ").replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    if '"' in text:  # typographic quotation marks inside a quoted phrase are its text's own
        text = text.translate(_TYPOGRAPHIC_QUOTES_OFF)
    else:
        text = text.translate(_TYPOGRAPHIC_QUOTES)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]
    return text


# A full stop between two letters followed by a third (any script); the letters' case is read by
# _glued (str.islower/isupper), as the database's [[:lower:]] and [[:upper:]] read it.
_STOP_IN_A_WORD = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_]{2})")


def _glued(m: re.Match) -> str:
    text, i = m.string, m.start()
    glued = text[i - 1].islower() and text[i + 1].isupper() and text[i + 2].islower()
    # after an acronym, before a capital ("VEB.RF", "NATO.Then"; "U.S.A" has one letter before)
    acronym = i >= 2 and text[i - 2].isupper() and text[i - 1].isupper() and text[i + 1].isupper()
    return ". " if glued or acronym else "."


def as_searched(q: str) -> str:
    """A cleaned query as the stored vectors hold text (archive_search_text): letters with marks as
    plain letters, a space after a full stop glued to the next capitalised word ("decrease.Risk",
    "слово.Слово") or between an acronym and a capital ("VEB.RF"), American spellings as the
    British ones (spelling.british: "defense" as "defence")."""
    q = _HYPHEN_BETWEEN.sub(" ", _symbols_as_words(_capital_operators(unmarked(q))))  # (in that order)
    return british(_STOP_IN_A_WORD.sub(_glued, q) if "." in q else q)


# A per cent sign after a number, a dollar sign before one, a plus sign ending a word: words, as
# archive_search_text reads them in the text ("2.5%" = "2.5 percent", "$100" = "dollars 100",
# "US$100" = "US dollars 100", "OPEC+" = "OPEC plus").
_PERCENT = re.compile(r"([0-9]) ?%")
_DOLLARS = re.compile(r"\$ ?([0-9])")
_PLUS = re.compile(r"([^\W\d_])\+(?![^\W_])")
# Outside quotation marks: the symbol with its number or word, a minus before it kept out of the
# phrase (an exclusion: "growth -2%").
_PERCENT_TERM = re.compile(r'(^|[\s(])(-?)((?:[^\s"()-][^\s"()]*?)?[0-9]) ?%')
_DOLLARS_TERM = re.compile(r'(-?)\$ ?([0-9][^\s"()]*)')
_PLUS_TERM = re.compile(r'(^|[\s(])(-?)((?:[^\s"()-][^\s"()]*?)?[^\W\d_])\+(?![^\W_])')


def _symbols_as_words(q: str) -> str:
    """The query with its symbols as the words the text is searched by; outside quotation marks,
    each with its number or word as a phrase ("2.5%": the phrase "2.5 percent", not any remark
    that says 2.5 and, anywhere, percent; "-2%" excludes that phrase)."""
    if not any(ch in q for ch in "%$+"):
        return q
    parts = _QUOTED.split(q)
    for i, part in enumerate(parts):
        if i % 2:
            parts[i] = _PLUS.sub(r"\1 plus", _DOLLARS.sub(r" dollars \1", _PERCENT.sub(r"\1 percent", part)))
            continue
        part = _PERCENT_TERM.sub(lambda m: f'{m.group(1)}{m.group(2)}"{m.group(3)} percent"', part)
        part = _DOLLARS_TERM.sub(lambda m: f' {m.group(1)}"dollars {m.group(2)}"', part)
        part = _PLUS_TERM.sub(lambda m: f'{m.group(1)}{m.group(2)}"{m.group(3)} plus"', part)
        parts[i] = part
    return "".join(parts)


def ts_query(q: str, *, acronyms: bool = True) -> SearchQuery:
    """Stemmed English match, or the exact form (names, rare words), of the query as searched;
    a small word it writes in capitals asked for as an acronym (with_acronyms), unless not
    `acronyms` (the snippets' highlights, which read the text as written: _unmark_small_words).

    A word ending in a star, a name of letters and a number and a saint's name (_special) stand in
    the query as placeholder words while websearch reads it, so that they keep their place among
    its operators ("ferr* crossing or bridge", "economy NOT G20"), and are then rewritten in the
    parsed query (ts_rewrite) as what they ask for ("ferr:*", "g20 | g <-> 20")."""
    q, asked = _special(_capital_operators(q))
    q = as_queried(q) if acronyms else as_searched(q)
    kept, excluded = _excluded(q)
    query = None
    if kept.strip(' "') or not excluded:
        # (each reading rewritten apart, then joined: the lookup takes a SearchQuery or a
        # combination of them, and wraps anything else in plainto_tsquery)
        query = _rewritten(SearchQuery(kept, config="english", search_type="websearch"), asked) | _rewritten(
            SearchQuery(kept, config="simple", search_type="websearch"), asked
        )
        for phrase in _word_for_word(kept):
            query &= phrase
    if excluded:
        # A word excluded in either reading is excluded: "-economy" leaves out "economies" too.
        either = " or ".join(excluded)
        for config in ("english", "simple"):
            left_out = _rewritten(
                SearchQuery(either, config=config, search_type="websearch", invert=True), asked
            )
            query = left_out if query is None else query & left_out
    return query


class _Rewritten(SearchQueryCombinable, Func):
    """A parsed query with one word (a placeholder) rewritten as a query of its own."""

    function = "ts_rewrite"
    output_field = SearchQueryField()
    config = None  # (as a SearchQuery's: CombinedSearchQuery reads it)


def _rewritten(query, asked: dict[str, str]):
    """`query` with each placeholder of `asked` it may hold rewritten as its query (raw tsquery
    text, read in the simple configuration: the words as the text holds them)."""
    for placeholder, substitute in asked.items():
        query = _Rewritten(
            query,
            Func(Value("simple"), Value(placeholder), function="to_tsquery", output_field=SearchQueryField()),
            Func(Value("simple"), Value(substitute), function="to_tsquery", output_field=SearchQueryField()),
        )
    return query


_PLACEHOLDER = "zqx{}q"  # a word no text writes, which either configuration keeps as it is


def _special(q: str) -> tuple[str, dict[str, str]]:
    """The query with its words ending in a star, its names of letters and a number and its
    saints' names (outside quotation marks) as placeholder words, and what each placeholder asks
    for as raw tsquery text: "ferr*" every word that begins so (its British spellings too:
    "organiz*" is "organis:*" as well), "G20" and "G-20" either way, "Saint Petersburg" and
    "St Petersburg" either way."""
    if not (any(ch.isdigit() for ch in q) or "*" in q or re.search(r"(?i)\b(?:st|saint)\b", q)):
        return q, {}
    asked: dict[str, str] = {}

    def place(substitute: str) -> str:
        placeholder = _PLACEHOLDER.format(len(asked))
        asked[placeholder] = substitute
        return placeholder

    def prefix(m: re.Match) -> str:
        beginnings = british_beginnings(unmarked(m.group(1)))
        return place(" | ".join(f"{b}:*" for b in sorted(beginnings)))

    def code(m: re.Match) -> str:
        return place(_code_query(m))

    def saint(m: re.Match) -> str:
        name = _saint_name(m)
        return place(f"saint <-> {name} | st <-> {name}") if name else m.group(0)

    return _outside_quotes(
        q, lambda part: _SAINT.sub(saint, _CODE.sub(code, _PREFIX.sub(prefix, part)))
    ), asked


def _outside_quotes(q: str, change) -> str:
    """The query with `change` (text -> text) made to each part of it outside quotation marks."""
    parts = _QUOTED.split(q)
    for i in range(0, len(parts), 2):
        parts[i] = change(parts[i])
    return "".join(parts)


# A name of a few letters and a number, with a hyphen or without ("G20", "G-20", "COVID-19",
# "S400"), outside quotation marks: a text writes it either way, and the two are read apart (one
# word, "g20"; two, "g" and "20").
_CODE = re.compile(r"(?:^|(?<=[\s(-]))([A-Za-z]{1,6})[-\u2010-\u2013]?(\d{1,4})(?=[\s),.;:!?]|$)")


def _code_query(m: re.Match) -> str:
    """A name of letters and a number (a match of _CODE) as raw tsquery text, written either way."""
    letters, digits = m.group(1).lower(), m.group(2)
    return f"{letters}{digits} | {letters} <-> {digits}"


def _code_pattern(m: re.Match) -> str:
    """The same name as a pattern that marks it written either way."""
    return rf"{re.escape(m.group(1))}[-\u2010-\u2013 ]?{m.group(2)}(?!\w)"


def _saint_name(m: re.Match) -> str:
    """The name after "Saint" or "St" (a match of _SAINT), as the text's words hold it."""
    return re.sub(r"[^\w]", "", unmarked(m.group(1)).lower())


# "Saint" or "St" before a name ("Saint Petersburg", "St Petersburg", "St. Petersburg"), outside
# quotation marks: the sources write it both ways, "St" thirty times as often.
_SAINT = re.compile(r"(?:^|(?<=[\s(-]))(?:saint|st)\.?\s+([^\W\d_][\w']*)", re.IGNORECASE)


# A word ending in a star, outside quotation marks ("ferr*"): every word that begins so. Three
# letters at least (a shorter beginning would ask for much of the archive).
_PREFIX = re.compile(r"(?:^|(?<=[\s(-]))([^\W_]{3,})\*(?=[\s)]|$)")


# A word of a quoted phrase written in letters (an apostrophe or a space between two), which the
# phrase may find in another number ("orders" or "order's" for "order"); a short word (SHORT
# letters: "in", "the", "are") is found as written.
_LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:['\s]+[^\W\d_]+)*")
_PLURAL_END = re.compile(r"(?:'s|es|s)$")
SHORT = 3


def _word_for_word(kept: str) -> list[SearchQuery]:
    """The quoted phrases of two words or more that a query asks for, each to be found word for
    word (the simple reading, small words and all), not only in the stemmed reading, which leaves
    small words out ("walls is crumbling" would find "walls are crumbling"): a short word as
    written, a longer one in any number or with an ending after it ("executive orders" for
    "executive order"); a phrase with figures or signs exactly as written. None in a query that
    joins alternatives with "or" (each phrase is then one of them)."""
    if any(token.lower() == "or" for token in _TOKENS.findall(kept)):
        return []
    phrases = []
    for part in _QUOTED.findall(kept):
        inner = " ".join(part.strip('"').split())
        if len(inner.split()) < 2:
            continue
        if _LETTERS_ONLY.fullmatch(inner):
            words = re.findall(r"[^\W\d_]+", inner.lower())
            raw = " <-> ".join(w if len(w) <= SHORT else _PLURAL_END.sub("", w) + ":*" for w in words)
            phrases.append(SearchQuery(raw, config="simple", search_type="raw"))
        else:
            phrases.append(SearchQuery(f'"{inner}"', config="simple", search_type="websearch"))
    return phrases


# A word the query excludes ("-economy", "(-economy)"): a minus opening a word, after a space or
# a bracket, outside quotation marks (a quoted phrase after a minus, -"foreign agents", is read
# in _excluded).
_EXCLUDED = re.compile(r'(?:^|(?<=[\s(]))-([^\s"()]+)')
_TOKENS = re.compile(r'"[^"]*"?|\S+')
_JOINERS = {"or", "and"}


def _excluded(q: str) -> tuple[str, list[str]]:
    """(the query without what it excludes, the words and quoted phrases it excludes). An
    operator left with nothing on one side ("-economy or -growth") goes too: each excluded word is
    left out of every result."""
    parts = _QUOTED.split(q)
    kept: list[str] = []
    excluded: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # a quoted phrase: excluded when a minus stands right before it
            if kept and kept[-1].endswith("-") and (len(kept[-1]) == 1 or kept[-1][-2].isspace()):
                kept[-1] = kept[-1][:-1]
                excluded.append(part if part.endswith('"') or part == '"' else part + '"')
            else:
                kept.append(part)
            continue
        excluded += [m.group(1) for m in _EXCLUDED.finditer(part) if m.group(1).strip("-")]
        kept.append(_EXCLUDED.sub(" ", part))
    tokens: list[str] = []
    for token in _TOKENS.findall("".join(kept)):
        if token.lower() in _JOINERS and (not tokens or tokens[-1].lower() in _JOINERS):
            continue
        tokens.append(token)
    while tokens and tokens[-1].lower() in _JOINERS:
        tokens.pop()
    return " ".join(tokens), [x for x in excluded if x.strip('"')]


# A small word written in capitals ("US", "IT", "WHO"; ACRONYM_WORDS), as a query writes it.
_CAPITALS = re.compile(r"(?<![\w])[A-Z]{2,5}(?![\w])")
_QUOTED = re.compile(r'("[^"]*"?)')
_MARKED = re.compile(r"(?<![\w])([A-Z]{2,5})0(?![\w])")  # as with_acronyms writes one


def _acronym(word: str) -> bool:
    return word.lower() in ACRONYM_WORDS


def with_acronyms(q: str) -> str:
    """The query with each small word it writes in capitals as the vectors hold it where so
    written (archive_acronym_vector: "US" as "US0", which the text's "us" is not). A quoted
    phrase keeps its words (the acronyms' lexemes have no position) and asks for the acronym
    beside it, unless the phrase is excluded; a phrase of the acronym alone is the acronym. A
    query of several words all in capitals is not read so (it is written in capitals)."""
    if " " in q.strip() and not any(ch.islower() for ch in q):
        return q
    q = _capital_operators(q)
    parts = _QUOTED.split(q)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(
                _CAPITALS.sub(lambda m: m.group(0) + "0" if _acronym(m.group(0)) else m.group(0), part)
            )
            continue
        words = [w for w in _CAPITALS.findall(part) if _acronym(w)]
        inner = part.strip('"').strip()
        if words and inner in words:
            out.append(f'"{inner}0"')
        elif words and not out[-1].endswith("-"):
            out.append(part + (" " if part.endswith('"') else '" ') + " ".join(w + "0" for w in words))
        else:
            out.append(part)
    return "".join(out)


def _capital_operators(q: str) -> str:
    """The operators as many write them, in capitals: "OR" and "AND" between two words are "or"
    and "and" (websearch reads the first, the second is a word it leaves out), "NOT" before a word
    or a quoted phrase excludes it ("-"); elsewhere they are words (an acronym: "OR staff")."""
    if not any(op in q for op in ("OR", "AND", "NOT")):
        return q
    tokens = _TOKENS.findall(q)
    out: list[str] = []
    negate = False
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        if token in ("OR", "AND") and out and not last:
            out.append(token.lower())
        elif token == "NOT" and not last:
            negate = True
        else:
            out.append("-" + token if negate and not token.startswith("-") else token)
            negate = False
    return " ".join(out)


def as_queried(q: str) -> str:
    """A cleaned query as the stored vectors hold text (as_searched), its acronyms read
    (with_acronyms)."""
    return with_acronyms(as_searched(q))


def _unmark_small_words(text: str, asked: set[str]) -> str:
    """A snippet highlighted for the query read without acronyms, with the highlight taken off
    each word of a queried acronym (`asked`: "US") not written in capitals (the pronoun "us")."""
    if not asked:
        return text
    lowered = {w.lower() for w in asked}
    return re.sub(
        re.escape(START) + r"([^" + START + STOP + r"]*)" + re.escape(STOP),
        lambda m: m.group(1) if m.group(1).lower() in lowered and m.group(1) not in asked else m.group(0),
        text,
    )


def has_lexemes(q: str) -> bool:
    """False for a query of stop words or operators only ("the of", "or", "-"); a small word in
    capitals is an acronym ("IT", "WHO")."""
    if _special(_capital_operators(q))[1]:
        return True  # a word's beginning, a name of letters and a number: words to find
    q = as_queried(q)
    english, simple = search_sql.parsed_query(q)
    return bool(english.strip()) or (bool(simple.strip()) and not _only_stop_words(q))


def _only_stop_words(q: str) -> bool:
    return not search_sql.english_lexemes(q).strip()


def update_vectors(meeting_ids: list[int]) -> None:
    """Recompute the stored vectors of these meetings and their turns (called at ingest)."""
    if meeting_ids:
        search_sql.update_vectors(meeting_ids)


def update_speaker_vectors(participant_id: int) -> None:
    """After a participant is merged or renamed, their turns' vectors name them anew."""
    ids = list(Turn.objects.filter(speaker_id=participant_id).values_list("meeting_id", flat=True).distinct())
    update_vectors(ids)


def marked(text: str) -> SafeString:
    """Escape a ts_headline result, then turn its markers into <mark>."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def headline(expression: str, query: SearchQuery, *, highlight_all: bool = False) -> SearchHeadline:
    options: dict[str, object] = dict(start_sel=START, stop_sel=STOP, config="english")
    if highlight_all:
        options["highlight_all"] = True
    else:
        options.update(max_words=40, min_words=18, max_fragments=2, fragment_delimiter=FRAGMENT_DELIMITER)
    return SearchHeadline(expression, query, **options)


CANDIDATES = 2000  # matches ranked per search: every search costs the same, however common

# A second, partial GIN index over the newest turns only (about RECENT_TURNS of them), made by
# `optimize_archive` and, when due, by ingest (refresh_recent_index). PostgreSQL builds the bitmap
# of every match before it reads any row, so a common word costs in proportion to the whole
# archive's matches (docs/scaling.md); searched first through this index, it costs what the
# newest part of the archive holds, however far back the archive goes. The older part is
# searched only for what is missing.
RECENT_INDEX = "turn_search_recent"
RECENT_TURNS = 100_000


def recent_cutoff() -> datetime.date | None:
    """The first date the recent-turns index holds, or None when there is no such index."""
    m = re.search(r"'(\d{4}-\d{2}-\d{2})'", search_sql.index_predicate(RECENT_INDEX) or "")
    return datetime.date.fromisoformat(m.group(1)) if m else None


def refresh_recent_index() -> datetime.date | None:
    """After an ingest: make the recent-turns index once the archive is large enough for one, and
    anew once the part it holds has grown past twice its size (new meetings enter it as they are
    ingested). Returns its first date, as rebuild_recent_index."""
    cutoff = recent_cutoff()
    enough = 2 * RECENT_TURNS
    if cutoff is None:
        estimate = search_sql.estimated_turns()
        if (estimate is None or estimate < enough) and search_sql.turns_up_to(enough + 1) <= enough:
            return None
    elif search_sql.turns_up_to(enough + 1, since=cutoff) <= enough:
        return cutoff
    return rebuild_recent_index()


def rebuild_recent_index(turns: int | None = None) -> datetime.date | None:
    """(Re)make the partial index over the newest `turns` turns (RECENT_TURNS by default); none
    at all when the archive holds fewer than twice as many (the whole index is small enough).
    Returns its first date. New turns of later dates enter it as they are ingested."""
    turns = RECENT_TURNS if turns is None else turns
    big_enough = search_sql.date_of_newest(2 * turns) is not None
    cutoff = search_sql.date_of_newest(turns) if big_enough else None
    search_sql.replace_recent_index(RECENT_INDEX, cutoff)
    return cutoff


class Candidate(NamedTuple):
    """One ranked match."""

    turn_id: int
    meeting_id: int
    speaker_id: int | None
    date: datetime.date | None
    position: int
    score: float  # the rank, raised a little for recent years


@dataclass
class Hits:
    """One page of results and what is known of the whole result set."""

    page: list[Turn]  # the page's turns, each with .score, .in_meeting (hits in its meeting)
    total: int  # matching turns (or, when capped, at least this many)
    capped: bool  # more than CANDIDATES turns match: figures are over the most recent ones
    units: int  # results listed (meetings when grouped, else turns)
    grouped: bool
    candidates: list[Candidate]  # every ranked candidate


def search_turns(
    q: str, base: QuerySet, *, sort: str = "relevance", group: bool = True, page: int = 1, per_page: int = 20
) -> Hits:
    """Turns matching `q` within `base` (already filtered): ranked, best hit per meeting.

    The matching set is read in the table's physical order, newest meetings first (see
    `optimize_archive`), and at most CANDIDATES matches are ranked, so a query that matches half
    the archive costs no more than a rare one; the page says when that cap was reached.
    """
    query = ts_query(q)
    matching = (
        base.filter(search_vector=query)
        .order_by()
        .annotate(rank=SearchRank(F("search_vector"), query, cover_density=True))
        .values_list("id", "meeting_id", "speaker_id", "date", "position", "rank")
    )
    cutoff = recent_cutoff()
    # The newest part first (through its own small index), the rest only for what is missing.
    parts = (
        [matching]
        if cutoff is None
        else [matching.filter(date__gte=cutoff), matching.filter(Q(date__lt=cutoff) | Q(date__isnull=True))]
    )
    rows: list[tuple] = []
    for part in parts:
        # LIMIT stops the heap scan early, and only those rows are ranked.
        rows += part[: CANDIDATES + 1 - len(rows)]
        if len(rows) > CANDIDATES:
            break
    capped = len(rows) > CANDIDATES
    scored = []
    for tid, mid, sid, date, pos, rank in rows[:CANDIDATES]:
        year = date.year if date else 1990
        scored.append(Candidate(tid, mid, sid, date, pos, rank * (1.0 + 0.1 * (year - 1990) / 40.0)))
    per_meeting = Counter(c.meeting_id for c in scored)
    if group:
        best: dict[int, Candidate] = {}
        for c in scored:
            b = best.get(c.meeting_id)
            if b is None or (c.score, -c.position) > (b.score, -b.position):
                best[c.meeting_id] = c
        listed = list(best.values())
    else:
        listed = scored
    if sort == "date":
        listed.sort(key=lambda c: (c.date or datetime.date.min, -c.meeting_id, -c.position), reverse=True)
    else:
        listed.sort(key=lambda c: (-c.score, -(c.date or datetime.date.min).toordinal(), c.position))
    chosen = listed[(page - 1) * per_page : page * per_page]
    objects = (
        Turn.objects.select_related("speaker", "meeting")
        .for_display("meeting")
        .in_bulk([c.turn_id for c in chosen])
    )
    page_turns = []
    for c in chosen:
        t = objects[c.turn_id]
        t.score, t.in_meeting = c.score, per_meeting[c.meeting_id]
        page_turns.append(t)
    return Hits(page_turns, len(scored), capped, len(listed), group, scored)


def with_snippets(turns: list[Turn], q: str) -> None:
    """Attach a highlighted snippet to each turn of a page of results (one query).

    ts_headline drops anything that looks like an HTML tag, so the text is escaped *before* it
    (a transcript's "<script>" or "<…>" survives as text), and only the markers become HTML. It
    reads the text with plain letters, as the vectors hold it (so that "Ceferin" highlights
    "Čeferin"), and each snippet is then written with the remark's own letters."""
    if not turns:
        return
    query = ts_query(q, acronyms=False)
    asked = set(_MARKED.findall(with_acronyms(q)))  # the acronyms the query asks for
    anchored = highlight_pattern(q, anchors_only=True)  # phrases, names, signs: centred on
    phrased = highlight_pattern(q) if anchored is not None else None
    spellings = _spellings_pattern(q)
    escaped = Replace(
        Replace(Replace(F("text"), Value("&"), Value("&amp;")), Value("<"), Value("&lt;")),
        Value(">"),
        Value("&gt;"),
    )
    plain = Func(escaped, function="archive_unmarked")
    snippets = dict(
        Turn.objects.filter(pk__in=[t.pk for t in turns])
        .annotate(snippet=headline(plain, query))
        .values_list("pk", "snippet")
    )
    # ts_headline looks for passages that hold every word of the query; in a long remark whose
    # words stand far apart it finds none and shows the opening, nothing marked. Those remarks'
    # snippets show any of the words instead (one query more, for those only).
    blind = [t.pk for t in turns if START not in snippets.get(t.pk, START)]
    terms = query_terms(q)
    if blind and len(terms) > 1:
        either = ts_query(" or ".join(f'"{term}"' for term in terms), acronyms=False)
        snippets.update(
            Turn.objects.filter(pk__in=blind)
            .annotate(snippet=headline(plain, either))
            .values_list("pk", "snippet")
        )
    for t in turns:
        source = t.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        fragments = [
            as_written(fragment, source, START + STOP)
            for fragment in snippets.get(t.pk, "").split(FRAGMENT_DELIMITER)
        ]
        fragments = whole_word_fragments(fragments, source, START + STOP)
        text = _unmark_small_words(" ".join(fragments).replace(f"{ELLIPSIS} {ELLIPSIS}", ELLIPSIS), asked)
        if phrased is not None:  # a phrase is shown and marked whole, not word by word as ts_headline does
            text = _around(source, anchored, phrased) or text
        if asked and START not in text:
            # The passages chosen hold the word in small letters only ("let us"): show the acronym.
            text = _around_acronym(source, asked) or text
        if spellings is not None:  # the words written in the other spelling
            text = _mark_unmarked(text, spellings) if START in text else _around(source, spellings) or text
        t.snippet = marked_escaped(text)


SNIPPET_WORDS = 18  # words either side of an acronym in a snippet made around it


def _around_acronym(source: str, asked: set[str]) -> str:
    """A snippet of `source` (escaped) around its first acronym of `asked` written in capitals,
    marked, SNIPPET_WORDS words either side; "" if it writes none."""
    return _around(
        source, re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(a) for a in sorted(asked)) + r")(?![\w])")
    )


def _around(source: str, pattern: re.Pattern, marks: re.Pattern | None = None) -> str:
    """A snippet of `source` (escaped) around the first match of `pattern`, every match of `marks`
    (or of `pattern`) in it marked, SNIPPET_WORDS words either side; "" if nothing matches."""
    found = pattern.search(source)
    if found is None:
        return ""
    before = source[: found.start()].split()
    after = source[found.end() :].split()
    head = (ELLIPSIS + " " if len(before) > SNIPPET_WORDS else "") + " ".join(before[-SNIPPET_WORDS:])
    tail = " ".join(after[:SNIPPET_WORDS]) + (" " + ELLIPSIS if len(after) > SNIPPET_WORDS else "")
    glue_before = " " if source[: found.start()][-1:].isspace() else ""
    glue_after = " " if source[found.end() : found.end() + 1].isspace() else ""
    return mark_text(f"{head}{glue_before}{found.group(0)}{glue_after}{tail}".strip(), marks or pattern)


def as_written(fragment: str, source: str, marks: str) -> str:
    """A fragment of `source` read with plain letters (ts_headline over archive_unmarked, with
    highlight `marks` inserted) written with the letters `source` has there: the two differ
    letter for letter only. A fragment not found in the plain source is returned unchanged."""
    plain_source = unmarked(source)
    if plain_source is source:  # no letter with a mark: the fragment is as written
        return fragment
    plain = fragment.translate(str.maketrans("", "", marks))
    stripped = plain.strip()
    at = plain_source.find(stripped) if stripped else -1
    if at < 0:
        return fragment
    out, i = [], at - (len(plain) - len(plain.lstrip()))  # the source's index of the first letter
    for ch in fragment:
        if ch in marks:
            out.append(ch)
            continue
        out.append(source[i] if 0 <= i < len(source) and plain_source[i] == ch else ch)
        i += 1
    return "".join(out)


def marked_escaped(text: str) -> SafeString:
    """A headline of already escaped text: only the markers become HTML (and nothing else may)."""
    if "<" in text or ">" in text:  # cannot happen with escaped input; never trust it anyway
        return marked(text)
    return mark_safe(tidy_spaces(text).replace(START, "<mark>").replace(STOP, "</mark>"))


FACET_SPEAKERS = 12
FACET_YEARS = 40


def facets(hits: Hits) -> dict:
    """Counts of matching remarks per speaker (the top FACET_SPEAKERS) and per year, over the
    ranked matches; and what the lists leave out, so that a cut list says so: the speakers and
    remarks not shown, and the remarks of no named speaker ("Question", group summaries)."""
    by_speaker = Counter(c.speaker_id for c in hits.candidates if c.speaker_id)
    by_year = Counter(c.date.year for c in hits.candidates if c.date)
    top = by_speaker.most_common(FACET_SPEAKERS)
    people = Participant.objects.in_bulk([pid for pid, _ in top])
    speakers = sorted(
        (
            {
                "speaker__slug": people[pid].slug,
                "speaker__name": people[pid].name,
                "n": n,
                "participant": people[pid],
            }
            for pid, n in top
            if pid in people
        ),
        key=lambda f: (-f["n"], f["speaker__name"]),
    )
    all_years = [{"year": y, "n": n} for y, n in sorted(by_year.items(), reverse=True)]
    years = all_years[:FACET_YEARS]
    return {
        "speakers": speakers,
        "years": years,
        "capped": hits.capped,
        "more_speakers": len(by_speaker) - len(speakers),
        "more_speaker_remarks": sum(by_speaker.values()) - sum(f["n"] for f in speakers),
        "unnamed": sum(1 for c in hits.candidates if not c.speaker_id),
        "more_years": len(all_years) - len(years),
        "more_year_remarks": sum(f["n"] for f in all_years[FACET_YEARS:]),
    }


def rebuild_vocabulary() -> int:
    """The vocabulary of "Did you mean" (SearchWord), from every turn's stored vector; called
    after an ingest changed the archive and by rebuild_search. Returns how many words."""
    return search_sql.rebuild_vocabulary()


SUGGEST_BELOW = 5  # "Did you mean" is offered when fewer remarks than this match


@dataclass
class Suggestion:
    """What "Did you mean" offers: the query with its unknown words replaced by the archive's
    nearest words, and the people that corrected query names."""

    query: str
    people: list[Participant]


def suggest(q: str, matches: int) -> Suggestion | None:
    """Corrections of a query that finds little, from the archive's own vocabulary (pg_trgm):
    each word the archive never uses is replaced by the most alike word it does use (the
    commonest among equally alike ones), keeping the visitor's capitals; the vocabulary holds
    the words of people's names, so a misspelt name is corrected too, and the people the
    corrected query names are offered ("Nabiulina" → the profile of whoever is "Nabiullina")."""
    if matches >= SUGGEST_BELOW:
        return None
    terms = [t for t in query_terms(q) if len(t) >= 3 and not any(ch.isdigit() for ch in t)][:6]
    if not terms:
        return None
    plain = {term: unmarked(term).lower() for term in terms}  # as the vocabulary holds words
    known = search_sql.known_words(list(plain.values()))
    replaced = {}
    for term in terms:
        if plain[term] in known:
            continue
        found = search_sql.similar_words(plain[term], limit=1)
        if found:
            replaced[term] = _same_case(found[0][0], term)
    corrected = None
    if replaced:
        corrected = re.sub(
            r"[\w']+", lambda m: replaced.get(m.group(0), replaced.get(m.group(0).strip("'"), m.group(0))), q
        )
    if corrected is None:
        return None
    return Suggestion(corrected, matching_people(corrected) if len(terms) <= 4 else [])


def _same_case(word: str, like: str) -> str:
    """`word` (lower case) written with the capitals of `like`: "Moscow", "NATO", "moscow"."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def resolve_speaker(value: str) -> list[Participant]:
    """The people a speaker filter names: a slug ("helena-marsh", any case), a name as any of its
    written forms ("Helena Marsh", "marsh helena"), or words of a name ("Marsh")."""
    value = " ".join(value.replace("\u00a0", " ").split())[:200]
    if not value:
        return []
    by_slug = list(Participant.objects.filter(slug=value.lower()))
    if by_slug:
        return by_slug
    by_alias = _written_as(value)
    if by_alias:
        return with_namesakes(by_alias)
    return list(_named_with(value.split()[:10]).order_by("-turn_count", "name")[:20])


def with_namesakes(people: list[Participant]) -> list[Participant]:
    """`people` and every other person of the same name (namesakes an editor split, told apart by
    their slugs): a name one of them is written as names them all, and no one is picked in
    silence (a written form of a name is the alias of one of them only); busiest first."""
    names = {p.name for p in people}
    namesakes = list(Participant.objects.filter(name__in=names).exclude(pk__in=[p.pk for p in people]))
    if not namesakes:
        return people
    return sorted([*people, *namesakes], key=lambda p: (-p.turn_count, p.name, p.slug))


def _written_as(name: str) -> list[Participant]:
    """The people one of whose written forms `name` is (case, spacing and honorifics aside)."""
    return list(
        Participant.objects.filter(
            pk__in=ParticipantAlias.objects.filter(key=name_key(name)).values("participant_id")
        )
    )


def _named_with(words: list[str]):
    """The people whose name holds every one of `words` (a queryset)."""
    return named_with(Participant.objects.all(), words)


def named_with(people: QuerySet, words: list[str]) -> QuerySet:
    """Those of `people` whose name, or a spelling a transcript wrote it in (ParticipantAlias:
    "Sergei Brilev" of Sergei Brilyov), holds every one of `words` (any case), letters with marks
    read as their plain letters on both sides ("Dvorak" names "Pavel Dvořák"); annotated
    `plain_name`."""
    people = people.annotate(plain_name=Func(F("name"), function="archive_unmarked"))
    if not words:
        return people
    in_name = Q()
    spellings = ParticipantAlias.objects.annotate(plain=Func(F("written"), function="archive_unmarked"))
    for word in words:
        plain = unmarked(word)
        in_name &= Q(plain_name__icontains=plain)
        spellings = spellings.filter(plain__icontains=plain)
    return people.filter(in_name | Q(pk__in=spellings.values("participant_id")))


def spelled_with(people: list[Participant], words: list[str]) -> dict[int, str]:
    """For each of `people` (found by named_with) whose name does not hold every one of `words`,
    the spelling a transcript wrote it in that does (one query, none if every name holds them)."""
    plain = [unmarked(w).casefold() for w in words]

    def holds(name: str) -> bool:
        return all(w in unmarked(name).casefold() for w in plain)

    ids = [p.pk for p in people if not holds(p.name)]
    found: dict[int, str] = {}
    if plain and ids:
        rows = ParticipantAlias.objects.filter(participant_id__in=ids).order_by("participant_id", "written")
        for pk, written in rows.values_list("participant_id", "written"):
            if pk not in found and holds(written):
                found[pk] = written
    return found


def speaker_choices(limit: int = 400) -> list[str]:
    """Names for the speaker filter's autocomplete (a <datalist>): the busiest people first,
    then by name. Any other name is still accepted."""
    return sorted(
        Participant.objects.filter(turn_count__gt=0)
        .order_by("-turn_count", "name")
        .values_list("name", flat=True)[:limit]
    )


def matching_people(q: str) -> list[Participant]:
    """Participants whose name the query is: 'Marina Akhmedova', 'akhmedova marina', '"Mr Putin"'."""
    bare = _HYPHEN_BETWEEN.sub(" ", q).replace('"', " ").strip()
    words = bare.split()
    if not words or len(words) > 5:
        return []
    found = _written_as(bare)
    if found:
        return with_namesakes(found)
    if len(words) >= 2:
        return list(_named_with(words)[:3])
    word = unmarked(words[0])  # the surname, whole, or as a transcript spelled it ("Kesel")
    spelled = ParticipantAlias.objects.filter(surname=alias_fields(words[0])["surname"]).values(
        "participant_id"
    )
    return list(
        _named_with([])  # (every person, with `plain_name`)
        .filter(Q(plain_name__iendswith=" " + word) | Q(plain_name__iexact=word) | Q(pk__in=spelled))
        .order_by("-turn_count", "name")[:3]
    )


def meetings_matching(q: str, meetings: QuerySet | None = None) -> QuerySet:
    """The meetings whose title, lead or a part's heading (their search vector) matches the query
    well enough, of `meetings` (all when None), best first: what the search lists beside its
    remarks, and the meetings list's `words` filter (the search's "3 of N" opens all N)."""
    query = ts_query(q, acronyms=False)  # (a meeting's vector holds its title's words as words)
    meetings = Meeting.objects.all() if meetings is None else meetings
    return (
        meetings.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query, weights=[0.1, 0.2, 0.4, 1.0]))
        .filter(rank__gte=0.3)
        .order_by("-rank", "-date")
    )


MEETINGS_SHOWN = 3  # meetings the search lists beside its remarks


def matching_meetings(q: str, limit: int = MEETINGS_SHOWN, meetings: QuerySet | None = None) -> list[Meeting]:
    """The meetings whose title or lead (their search vector) matches the query best, of
    `meetings` (all when None: a search narrowed by date passes the meetings of those dates)."""
    query = ts_query(q, acronyms=False)
    found = list(meetings_matching(q, meetings)[:limit])
    parts = _matching_parts([m.pk for m in found], query)
    for m in found:
        m.part, m.part_key = parts.get(m.pk, ("", ""))
    return found


def _matching_parts(meeting_ids: list[int], query) -> dict[int, tuple[str, str]]:
    """Meeting -> (the first heading of its parts that matches `query`, the key of the part's
    first remark: its anchor on the meeting page), of the meetings that have one."""
    if not meeting_ids:
        return {}
    heading = Func(F("section"), function="archive_search_text")
    return {
        meeting: (section, key)
        for meeting, section, key in Turn.objects.filter(meeting_id__in=meeting_ids)
        .exclude(section="")
        .annotate(heading=SearchVector(heading, config="english") + SearchVector(heading, config="simple"))
        .filter(heading=query)
        .order_by("meeting_id", "position")
        .distinct("meeting_id")
        .values_list("meeting_id", "section", "key")
    }


_OPERATORS = {"or", "and", "not"}


def _kept(q: str) -> str:
    """A cleaned query's words as it asks for them: hyphens as spaces, operators in capitals read,
    excluded words and phrases left out (what its highlights mark)."""
    return _excluded(_capital_operators(_HYPHEN_BETWEEN.sub(" ", q)))[0]


def query_terms(q: str) -> list[str]:
    """The words of a query to highlight: no operators, no excluded words, no stop words."""
    from meetings.core.topics.phrases import STOP_WORDS

    terms = []
    for raw in re.findall(r"-?[\w\']+", _kept(q)):
        if raw.startswith("-") or raw.lower() in _OPERATORS or raw.lower() in STOP_WORDS:
            continue
        terms.append(raw.strip("'"))
    return terms


def asked_phrases(q: str) -> tuple[list[list[str]], str]:
    """(the quoted phrases of two words or more a query asks for, each as its words; the rest of
    the query, a one-word quote as its word), excluded words and phrases left out."""
    kept = _kept(q)
    phrases: list[list[str]] = []
    rest: list[str] = []
    for i, part in enumerate(_QUOTED.split(kept)):
        words = re.findall(r"[\w']+", part) if i % 2 else []
        if len(words) > 1:
            phrases.append([w.strip("'") for w in words if w.strip("'")])
        else:
            rest.append(part.replace('"', " "))
    return phrases, " ".join(rest)


# Between two words of a phrase as a text writes them: anything but letters and figures (spaces,
# no-break spaces, hyphens, the full stop of "St.", the comma of "well, I think").
_PHRASE_GAP = r"[\W_]+?"


def _phrase_word(word: str) -> str:
    """A word of a quoted phrase as a pattern, read as the search reads it (_word_for_word): a short
    one as written, a longer one in any number or with an ending after it."""
    plain = unmarked(word)
    if len(plain) <= SHORT or not plain.isalpha():
        return any_marks_pattern(re.escape(plain)).replace("'", "['’]")
    return any_marks_pattern(re.escape(_PLURAL_END.sub("", plain.lower()))) + r"[\w'’]*"


def _other_spellings(term: str) -> set[str]:
    """A word's other spellings the search finds it under: the British of an American one and the
    American of a British one ("defense": "defence"; "programme": "program"), lower case."""
    spelled = british(term.lower())
    return ({spelled} | american(spelled)) - {term.lower()}


def _word_pattern(word: str) -> str:
    """A word of a query as a highlight pattern: its stem, with any ending, letters with or
    without marks."""
    plain = unmarked(word).lower()
    stem = re.sub(r"(?:ies|es|s|ing|ed|y)$", "", plain) if len(plain) > 4 else plain
    return any_marks_pattern(re.escape(stem)) + r"[\w'’]*"


def _spelled_pattern(word: str) -> str:
    """A word in one of its spellings as a highlight pattern: the word with an ending of its
    inflections only ("labor", "labors", "labored"; not "laboratory", nor "Moldova" for "mold")."""
    plain = re.escape(unmarked(word).lower())
    if plain.endswith("e"):
        return plain[:-1] + r"(?:e|es|ed|ing|er|ers)(?:['’]s)?(?![\w])"
    return plain + r"(?:s|es|ed|ing|er|ers)?(?:['’]s)?(?![\w])"


def _spellings_pattern(q: str) -> re.Pattern | None:
    """The words of the query outside quotation marks that have another spelling, in every
    spelling (_other_spellings, _spelled_pattern), which ts_headline, reading a remark as written
    and the query as the vectors hold it (in British spelling), does not mark: "defense" where
    "defence" or "defense" was asked. (A quoted phrase is marked whole, as `highlight_pattern`
    reads it.)"""
    stems = {
        _spelled_pattern(w)
        for term in query_terms(asked_phrases(q)[1])
        if not term.isdigit() and (others := _other_spellings(term))
        for w in {term, *others}
    }
    if not stems:
        return None
    return re.compile(r"(?<![\w&])(?:" + "|".join(sorted(stems, key=len, reverse=True)) + ")", re.IGNORECASE)


def _mark_unmarked(text: str, pattern: re.Pattern) -> str:
    """`text` (a snippet with highlight markers) with the matches of `pattern` outside its marked
    words marked too."""
    parts = re.split(f"({re.escape(START)}.*?{re.escape(STOP)})", text)
    return "".join(part if part.startswith(START) else mark_text(part, pattern) for part in parts)


def _either_spelling(word: str) -> str:
    """A word of a quoted phrase as a pattern (_phrase_word) that also reads its other spellings
    (_other_spellings: "defence", "defense")."""
    spellings = sorted({word, *_other_spellings(word)})
    if len(spellings) == 1:
        return _phrase_word(word)
    return "(?:" + "|".join(_phrase_word(w) for w in spellings) + ")"


def highlight_pattern(q: str, *, anchors_only: bool = False) -> re.Pattern | None:
    """Each quoted phrase whole (its words as the search reads them, anything but letters and
    figures between them: "1.5 percent", "St. Petersburg"), each name of letters and a number or
    saint's name either way ("G20", "G-20"), each number with its sign ("2.5%", "2.5 percent",
    "$100", "OPEC+"), and each other word with its inflections ("agents" finds "agent", "agents",
    "agent's"; a number as written), letters with or without marks ("Ceferin" finds "Čeferin").
    `anchors_only`: the phrases, names and signs alone, what a snippet is centred on."""
    anchors: list[str] = []

    def take(part: str) -> str:  # (as _special and _symbols_as_words read them)
        for m in _CODE.finditer(part):
            anchors.append(_code_pattern(m))
        for m in _SAINT.finditer(part):
            anchors.append(rf"(?:saint|st)\.?\s+{re.escape(m.group(1))}(?!\w)")
        for m in _PERCENT_TERM.finditer(part):
            anchors.append(rf"{re.escape(m.group(3))}\s?(?:%|percent\b)")
        for m in _DOLLARS_TERM.finditer(part):
            anchors.append(rf"\$\s?{re.escape(m.group(2))}(?![\w.])")
        for m in _PLUS_TERM.finditer(part):
            anchors.append(rf"{re.escape(m.group(3))}(?:\+|\s+plus\b)")
        for pattern in (_CODE, _SAINT, _PERCENT_TERM, _DOLLARS_TERM, _PLUS_TERM):
            part = pattern.sub(" ", part)
        return part

    phrases, rest = asked_phrases(_outside_quotes(q, take))
    anchors += [
        _PHRASE_GAP.join(_either_spelling(w) for w in spelled) + r"(?![\w])"
        for words in phrases
        for spelled in {tuple(words), tuple(british(" ".join(words)).split())}
    ]
    stems = []
    for term in [] if anchors_only else query_terms(rest):
        if term.isdigit():
            stems.append(re.escape(term) + r"(?![\w])")  # a number as written, not every number it begins
            continue
        if len(term) < 2:
            continue  # a letter alone would mark every word it begins
        stems.append(_word_pattern(term))
        stems += [_spelled_pattern(other) for other in _other_spellings(term)]
    if not anchors and not stems:
        return None
    ordered = sorted(set(anchors), key=len, reverse=True) + sorted(set(stems), key=len, reverse=True)
    # (not inside an escaped entity: "&amp;" is no word "amp")
    return re.compile(r"(?<![\w&])(?:" + "|".join(ordered) + ")", re.IGNORECASE)


def mark_text(text: str, pattern: re.Pattern) -> str:
    """The text with the pattern's matches between highlight markers (escaped later)."""
    return pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", text)
