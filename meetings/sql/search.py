"""The statements of full-text search (meetings.derived.search): the stored vectors, the query
parsing the ORM has no word for, and the partial index over the newest turns."""

from __future__ import annotations

import datetime

from django.db import connection

from meetings.sql import table

# A turn's vector: its speaker's name (A), role and label (B), then its text (C and D, from
# archive_text_vector, and the small words it writes in capitals, from archive_acronym_vector:
# sql/functions/). Over `t` (the turn's columns) and `p` (its speaker, NULL for none); shared by
# turn_vector_sql and by the batched ingest's INSERT.
TURN_VECTOR_EXPR = """(
    setweight(to_tsvector('english', archive_search_text(p.name)), 'A')
 || setweight(to_tsvector('simple', archive_search_text(p.name)), 'A')
 || setweight(to_tsvector('english', archive_search_text(coalesce(t.role, '') || ' ' || t.speaker_label)), 'B')
) || archive_text_vector(t.text) || archive_acronym_vector(t.text)"""


def turn_vector_sql() -> str:
    """UPDATE of the vectors of the turns of the meetings `%s` (an array of ids)."""
    return f"""
UPDATE {table("Turn")} AS t SET search_vector = {TURN_VECTOR_EXPR}
FROM {table("Turn")} AS t2 LEFT JOIN {table("Participant")} AS p ON p.id = t2.speaker_id
WHERE t2.id = t.id AND t.meeting_id = ANY(%s)
"""


def meeting_vector_sql() -> str:
    """UPDATE of the vectors of the meetings `%s` (an array of ids): title and the headings of the
    page's parts (A: a part's title; Turn.section, each once, in the page's order, so the turns are
    written first), place and description (B)."""
    return f"""
WITH h AS MATERIALIZED (  -- (once per meeting: the vector reads it twice)
    SELECT m2.id, m2.title || coalesce(' ' || (
        SELECT string_agg(p.section, ' ' ORDER BY p.first) FROM (
            SELECT section, min(position) AS first FROM {table("Turn")}
            WHERE meeting_id = m2.id AND section <> '' GROUP BY section
        ) AS p
    ), '') AS titles
    FROM {table("Meeting")} AS m2 WHERE m2.id = ANY(%s)
)
UPDATE {table("Meeting")} AS m SET search_vector =
    setweight(to_tsvector('english', archive_search_text(h.titles)), 'A')
 || setweight(to_tsvector('simple', archive_search_text(h.titles)), 'A')
 || setweight(to_tsvector('english', archive_search_text(coalesce(m.place, '') || ' ' || m.description)), 'B')
FROM h
WHERE m.id = h.id
"""


def update_vectors(meeting_ids: list[int]) -> None:
    """Recompute the stored vectors of these meetings and their turns."""
    with connection.cursor() as cur:
        cur.execute(turn_vector_sql(), [list(meeting_ids)])
        cur.execute(meeting_vector_sql(), [list(meeting_ids)])


def parsed_query(q: str) -> tuple[str, str]:
    """The query as PostgreSQL parses it, stemmed in English and as written ('' when nothing is
    left: stop words and operators only)."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT websearch_to_tsquery('english', %s)::text, websearch_to_tsquery('simple', %s)::text",
            [q, q],
        )
        return cur.fetchone()


def english_lexemes(text: str) -> str:
    """The text's English tsvector as text ('' when it holds stop words only)."""
    with connection.cursor() as cur:
        cur.execute("SELECT to_tsvector('english', %s)::text", [text])
        return cur.fetchone()[0]


def index_predicate(index: str) -> str | None:
    """The WHERE clause of a partial index, as PostgreSQL prints it; None when there is no such
    index (or it is not partial)."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = to_regclass(%s)",
            [index],
        )
        row = cur.fetchone()
    return row[0] if row else None


def estimated_turns() -> float | None:
    """The planner's estimate of the turns table's rows (no count of a large table)."""
    with connection.cursor() as cur:
        cur.execute("SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", [table("Turn")])
        row = cur.fetchone()
    return row[0] if row else None


def turns_up_to(limit: int, since: datetime.date | None = None) -> int:
    """How many turns there are (of dates from `since` on), counting no further than `limit`."""
    where, params = ("WHERE date >= %s", [since]) if since else ("", [])
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {table('Turn')} {where} LIMIT %s) AS t", [*params, limit]
        )
        return cur.fetchone()[0]


def date_of_newest(n: int) -> datetime.date | None:
    """The date of the turn with `n` newer ones before it; None when there are not that many."""
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT date FROM {table('Turn')} WHERE date IS NOT NULL ORDER BY date DESC OFFSET %s LIMIT 1",
            [n],
        )
        row = cur.fetchone()
    return row[0] if row else None


def replace_recent_index(index: str, cutoff: datetime.date | None) -> None:
    """Drop the partial GIN index `index`, and make it anew over the turns from `cutoff` on
    (none when `cutoff` is None)."""
    with connection.cursor() as cur:
        # Deferred foreign-key checks pending in the caller's transaction would forbid the index work.
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        cur.execute(f"DROP INDEX IF EXISTS {index}")
        if cutoff is not None:
            cur.execute(
                f"CREATE INDEX {index} ON {table('Turn')} USING gin (search_vector) "
                f"WHERE date >= '{cutoff.isoformat()}'::date"
            )


def rebuild_vocabulary() -> int:
    """The archive's words as written (the unstemmed part of the turns' vectors, weight D) and in
    how many remarks each is, and the words of people's names, into SearchWord: no digits, 3 to
    60 characters. Returns how many words."""
    words = table("SearchWord")
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {words}")
        cur.execute(
            f"""
INSERT INTO {words} (word, remarks)
SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM {table("Turn")}', 'D')
WHERE length(word) BETWEEN 3 AND 60 AND word !~ '[0-9_]'
"""
        )
        # The words of people's names, as many times as they spoke: a misspelt name is corrected
        # even when nobody says it in a remark.
        cur.execute(
            f"""
INSERT INTO {words} (word, remarks)
SELECT w.word, sum(p.turn_count) FROM {table("Participant")} AS p,
     unnest(tsvector_to_array(to_tsvector('simple', archive_search_text(p.name)))) AS w(word)
WHERE length(w.word) BETWEEN 3 AND 60 AND w.word !~ '[0-9_]'
GROUP BY w.word
ON CONFLICT (word) DO UPDATE SET remarks = {words}.remarks + excluded.remarks
"""
        )
        cur.execute(f"SELECT count(*) FROM {words}")
        return cur.fetchone()[0]


def known_words(words: list[str]) -> dict[str, int]:
    """Which of these (lower-case) words the vocabulary holds, and in how many remarks."""
    with connection.cursor() as cur:
        cur.execute(f"SELECT word, remarks FROM {table('SearchWord')} WHERE word = ANY(%s)", [words])
        return dict(cur.fetchall())


def similar_words(word: str, limit: int = 5) -> list[tuple[str, int, float]]:
    """Words of the vocabulary that look like `word` (pg_trgm similarity, at least 0.4), most
    alike first, then the commonest: (word, remarks, similarity)."""
    with connection.cursor() as cur:
        cur.execute(
            f"""
SELECT word, remarks, similarity(word, %s) AS sim FROM {table("SearchWord")}
WHERE word %% %s AND similarity(word, %s) >= 0.4
ORDER BY sim DESC, remarks DESC, word LIMIT %s
""",
            [word, word, word, limit],
        )
        return cur.fetchall()
