"""Full-text search with PostgreSQL: stored tsvectors, websearch syntax, ranked and highlighted.

Each turn's vector holds the speaker's name (weight A), the role and label (B), the text stemmed
in English (C) and the same text unstemmed (D, so that names and rare words match as written).
Text passes through archive_search_text() (a SQL function, see migration 0006) and queries
through `clean_query`, which apply the same folding: U+00A0 as a space, typographic apostrophes
as ASCII, a hyphen between letters as a space ("QR-codes" finds "QR codes" and back).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.core.parser.names import name_key
from meetings.models import Meeting, Participant, ParticipantAlias, Turn

MAX_QUERY_LENGTH = 200
START, STOP = "\x02", "\x03"  # highlight markers, never in cleaned text; escaped to <mark> later

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_HYPHEN_BETWEEN = re.compile(r"(?<=\w)[-\u2010\u2011\u2012\u2013](?=\w)")


def clean_query(raw: str | None) -> str:
    """A visitor's query made safe and comparable with the stored text; '' when nothing is left."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFKC", str(raw))
    text = _CONTROL.sub(" ", text)
    text = text.replace("\u00a0", " ").replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    text = text.replace("“", '"').replace("”", '"').replace("«", '"').replace("»", '"')
    text = _HYPHEN_BETWEEN.sub(" ", text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]
    return text


def ts_query(q: str) -> SearchQuery:
    """Stemmed English match, or the exact form (names, rare words)."""
    return SearchQuery(q, config="english", search_type="websearch") | SearchQuery(
        q, config="simple", search_type="websearch"
    )


def has_lexemes(q: str) -> bool:
    """False for a query of stop words or operators only ("the of", "or", "-")."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT websearch_to_tsquery('english', %s)::text, websearch_to_tsquery('simple', %s)::text",
            [q, q],
        )
        english, simple = cur.fetchone()
    return bool(english.strip()) or (bool(simple.strip()) and not _only_stop_words(q))


def _only_stop_words(q: str) -> bool:
    with connection.cursor() as cur:
        cur.execute("SELECT to_tsvector('english', %s)::text", [q])
        return not cur.fetchone()[0].strip()


# A turn's vector: its speaker's name (A), role and label (B), then its text (C and D, from
# archive_text_vector, migration 0015). Over `t` (the turn's columns) and `p` (its speaker, NULL
# for none); TURN_HEAD_EXPR is shared by the UPDATE below and by the batched ingest's INSERT.
TURN_HEAD_EXPR = """
    setweight(to_tsvector('english', coalesce(p.name, '')), 'A')
 || setweight(to_tsvector('simple', coalesce(p.name, '')), 'A')
 || setweight(to_tsvector('english', archive_search_text(coalesce(t.role, '') || ' ' || t.speaker_label)), 'B')"""
TURN_VECTOR_SQL = f"""
UPDATE meetings_turn AS t SET search_vector = ({TURN_HEAD_EXPR}) || archive_text_vector(t.text)
FROM meetings_turn AS t2 LEFT JOIN meetings_participant AS p ON p.id = t2.speaker_id
WHERE t2.id = t.id AND t.meeting_id = ANY(%s)
"""
MEETING_VECTOR_SQL = """
UPDATE meetings_meeting SET search_vector =
    setweight(to_tsvector('english', archive_search_text(title)), 'A')
 || setweight(to_tsvector('simple', archive_search_text(title)), 'A')
 || setweight(to_tsvector('english', archive_search_text(coalesce(place, '') || ' ' || description)), 'B')
WHERE id = ANY(%s)
"""


def update_vectors(meeting_ids: list[int]) -> None:
    """Recompute the stored vectors of these meetings and their turns (called at ingest)."""
    if not meeting_ids:
        return
    with connection.cursor() as cur:
        cur.execute(TURN_VECTOR_SQL, [list(meeting_ids)])
        cur.execute(MEETING_VECTOR_SQL, [list(meeting_ids)])


def update_speaker_vectors(participant_id: int) -> None:
    """After a participant is merged or renamed, their turns' vectors name them anew."""
    ids = list(Turn.objects.filter(speaker_id=participant_id).values_list("meeting_id", flat=True).distinct())
    update_vectors(ids)


def marked(text: str) -> SafeString:
    """Escape a ts_headline result, then turn its markers into <mark>."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def headline(expression: str, query: SearchQuery, *, highlight_all: bool = False) -> SearchHeadline:
    options = dict(start_sel=START, stop_sel=STOP, config="english")
    if highlight_all:
        options["highlight_all"] = True
    else:
        options.update(max_words=40, min_words=18, max_fragments=2, fragment_delimiter=" … ")
    return SearchHeadline(expression, query, **options)


CANDIDATES = 2000  # matches ranked per search: every search costs the same, however common

# A second, partial GIN index over the newest turns only (about RECENT_TURNS of them), made by
# `optimize_archive` and, when due, by ingest (refresh_recent_index). PostgreSQL builds the bitmap of every match before it reads any row, so a
# common word costs in proportion to the whole archive's matches (50 ms for 173,000 at 1.1
# million turns); searched first through this index, it costs what the newest part of the archive
# holds, however far back the archive goes. The older part is searched only for what is missing.
RECENT_INDEX = "turn_search_recent"
RECENT_TURNS = 100_000


def recent_cutoff() -> datetime.date | None:
    """The first date the recent-turns index holds, or None when there is no such index."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = to_regclass(%s)",
            [RECENT_INDEX],
        )
        row = cur.fetchone()
    m = re.search(r"'(\d{4}-\d{2}-\d{2})'", row[0] or "") if row else None
    return datetime.date.fromisoformat(m.group(1)) if m else None


def refresh_recent_index() -> datetime.date | None:
    """After an ingest: make the recent-turns index once the archive is large enough for one, and
    anew once the part it holds has grown past twice its size (new meetings enter it as they are
    ingested). Returns its first date, as rebuild_recent_index."""
    cutoff = recent_cutoff()
    table = Turn._meta.db_table
    with connection.cursor() as cur:
        if cutoff is None:
            cur.execute("SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", [table])
            row = cur.fetchone()
            if row is None or row[0] < 2 * RECENT_TURNS:  # the planner's estimate: no count of a large table
                cur.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT %s) AS t", [2 * RECENT_TURNS + 1]
                )
                if cur.fetchone()[0] <= 2 * RECENT_TURNS:
                    return None
        else:
            cur.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE date >= %s LIMIT %s) AS t",
                [cutoff, 2 * RECENT_TURNS + 1],
            )
            if cur.fetchone()[0] <= 2 * RECENT_TURNS:
                return cutoff
    return rebuild_recent_index()


def rebuild_recent_index(turns: int | None = None) -> datetime.date | None:
    """(Re)make the partial index over the newest `turns` turns (RECENT_TURNS by default); none
    at all when the archive holds fewer than twice as many (the whole index is small enough).
    Returns its first date. New turns of later dates enter it as they are ingested."""
    turns = RECENT_TURNS if turns is None else turns
    table = Turn._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT date FROM {table} WHERE date IS NOT NULL ORDER BY date DESC OFFSET %s LIMIT 1",
            [2 * turns],
        )
        big_enough = cur.fetchone() is not None
        cutoff = None
        if big_enough:
            cur.execute(
                f"SELECT date FROM {table} WHERE date IS NOT NULL ORDER BY date DESC OFFSET %s LIMIT 1",
                [turns],
            )
            cutoff = cur.fetchone()[0]
        # Deferred foreign-key checks pending in the caller's transaction would forbid the index work.
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        cur.execute(f"DROP INDEX IF EXISTS {RECENT_INDEX}")
        if cutoff is not None:
            cur.execute(
                f"CREATE INDEX {RECENT_INDEX} ON {table} USING gin (search_vector) "
                f"WHERE date >= '{cutoff.isoformat()}'::date"
            )
    return cutoff


@dataclass
class Hits:
    """One page of results and what is known of the whole result set."""

    page: list[Turn]  # the page's turns, each with .score, .in_meeting (hits in its meeting)
    total: int  # matching turns (or, when capped, at least this many)
    capped: bool  # more than CANDIDATES turns match: figures are over the most recent ones
    units: int  # results listed (meetings when grouped, else turns)
    grouped: bool
    candidates: list[tuple]  # (id, meeting_id, speaker_id, year) of every ranked candidate


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
    rows = rows[:CANDIDATES]
    scored = []
    for tid, mid, sid, date, pos, rank in rows:
        year = date.year if date else 1990
        scored.append((tid, mid, sid, date, pos, rank * (1.0 + 0.1 * (year - 1990) / 40.0)))
    per_meeting: dict[int, int] = {}
    for r in scored:
        per_meeting[r[1]] = per_meeting.get(r[1], 0) + 1
    if group:
        best: dict[int, tuple] = {}
        for r in scored:
            b = best.get(r[1])
            if b is None or (r[5], -r[4]) > (b[5], -b[4]):
                best[r[1]] = r
        listed = list(best.values())
    else:
        listed = scored
    if sort == "date":
        listed.sort(key=lambda r: (r[3] or datetime.date.min, -r[1], -r[4]), reverse=True)
    else:
        listed.sort(key=lambda r: (-r[5], -(r[3] or datetime.date.min).toordinal(), r[4]))
    chosen = listed[(page - 1) * per_page : page * per_page]
    objects = (
        Turn.objects.select_related("speaker", "meeting")
        .for_display("meeting")
        .in_bulk([r[0] for r in chosen])
    )
    page_turns = []
    for r in chosen:
        t = objects[r[0]]
        t.score, t.in_meeting = r[5], per_meeting[r[1]]
        page_turns.append(t)
    return Hits(
        page_turns,
        len(scored),
        capped,
        len(listed),
        group,
        [(r[0], r[1], r[2], r[3].year if r[3] else None) for r in scored],
    )


def with_snippets(turns: list[Turn], q: str) -> None:
    """Attach a highlighted snippet to each turn of a page of results (one query).

    ts_headline drops anything that looks like an HTML tag, so the text is escaped *before* it
    (a transcript's "<script>" or "<…>" survives as text), and only the markers become HTML."""
    if not turns:
        return
    query = ts_query(q)
    escaped = Replace(
        Replace(Replace(F("text"), Value("&"), Value("&amp;")), Value("<"), Value("&lt;")),
        Value(">"),
        Value("&gt;"),
    )
    snippets = dict(
        Turn.objects.filter(pk__in=[t.pk for t in turns])
        .annotate(snippet=headline(escaped, query))
        .values_list("pk", "snippet")
    )
    for t in turns:
        t.snippet = marked_escaped(snippets.get(t.pk, ""))


def marked_escaped(text: str) -> SafeString:
    """A headline of already escaped text: only the markers become HTML (and nothing else may)."""
    if "<" in text or ">" in text:  # cannot happen with escaped input; never trust it anyway
        return marked(text)
    return mark_safe(text.replace("\u00a0", " ").replace(START, "<mark>").replace(STOP, "</mark>"))


def facets(hits: Hits) -> dict:
    """Counts of matching remarks per speaker (top 12) and per year, over the ranked matches."""
    by_speaker = Counter(sid for _, _, sid, _ in hits.candidates if sid)
    by_year = Counter(year for _, _, _, year in hits.candidates if year)
    top = by_speaker.most_common(12)
    people = Participant.objects.in_bulk([pid for pid, _ in top])
    speakers = sorted(
        (
            {"speaker__slug": people[pid].slug, "speaker__name": people[pid].name, "n": n}
            for pid, n in top
            if pid in people
        ),
        key=lambda f: (-f["n"], f["speaker__name"]),
    )
    years = [{"year": y, "n": n} for y, n in sorted(by_year.items(), reverse=True)][:40]
    return {"speakers": speakers, "years": years, "capped": hits.capped}


def matching_people(q: str) -> list[Participant]:
    """Participants whose name the query is: 'Marina Akhmedova', 'akhmedova marina', '"Mr Putin"'."""
    bare = q.replace('"', " ").strip()
    words = bare.split()
    if not words or len(words) > 5:
        return []
    found = list(
        Participant.objects.filter(
            pk__in=ParticipantAlias.objects.filter(key=name_key(bare)).values("participant_id")
        )
    )
    if found:
        return found
    people = Participant.objects.all()
    for w in words:
        people = people.filter(name__icontains=w)
    return list(people[:3]) if len(words) >= 2 else list(people.filter(name__iendswith=words[0])[:3])


def matching_meetings(q: str, limit: int = 3) -> list[Meeting]:
    query = ts_query(q)
    return list(
        Meeting.objects.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query, weights=[0.1, 0.2, 0.4, 1.0]))
        .filter(rank__gte=0.3)
        .order_by("-rank", "-date")[:limit]
    )


_OPERATORS = {"or", "and", "not"}


def query_terms(q: str) -> list[str]:
    """The words of a query to highlight: no operators, no excluded words, no stop words."""
    from meetings.core.topics.phrases import STOP_WORDS

    terms = []
    for raw in re.findall(r"-?[\w\']+", q):
        if raw.startswith("-") or raw.lower() in _OPERATORS or raw.lower() in STOP_WORDS:
            continue
        terms.append(raw.strip("'"))
    return terms


def highlight_pattern(q: str) -> re.Pattern | None:
    """Each query word and its inflections ("agents" finds "agent", "agents", "agent's")."""
    stems = []
    for term in query_terms(q):
        stem = re.sub(r"(?:ies|es|s|ing|ed|y)$", "", term.lower()) if len(term) > 4 else term.lower()
        stems.append(re.escape(stem))
    if not stems:
        return None
    return re.compile(
        r"(?<!\w)(?:" + "|".join(sorted(set(stems), key=len, reverse=True)) + r")[\w'’]*", re.IGNORECASE
    )


def mark_text(text: str, pattern: re.Pattern) -> str:
    """The text with the pattern's matches between highlight markers (escaped later)."""
    return pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", text)
