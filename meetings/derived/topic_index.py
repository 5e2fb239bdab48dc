"""Writing topics to the database: the whole archive is re-scored at once, because a phrase's
weight depends on every remark (deterministic: the same archive gives the same topics).

The rows are written with COPY into new copies of the topic tables (`_Shadows`), their indexes
and constraints built once after the load, while pages go on reading the old tables; in the same
transaction the old tables are dropped and the new ones renamed into their place, so readers
wait only for that last step (milliseconds), never for the load, and never see a half-written
table. TopicSpeaker and TopicMeeting, what a topic's page lists, are grouped from TurnTopic in
SQL in the same transaction."""

from __future__ import annotations

import gc
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from django.db import connection, transaction

from meetings.core.permalinks import slugify, unique_slug
from meetings.core.topics.extract import RemarkText, meeting_exclusions, remark_phrases
from meetings.core.topics.phrases import display_label
from meetings.core.topics.scoring import PhraseCounts, TurnPhrases, score
from meetings.models import (
    Meeting,
    MeetingTopic,
    ParticipantTopic,
    Topic,
    TopicMeeting,
    TopicSpeaker,
    Turn,
    TurnTopic,
)


@dataclass
class RebuildReport:
    turns: int
    topics: int
    turn_topics: int
    seconds: float


def extract_meeting(meeting: Meeting) -> None:
    """Recompute the candidate phrases of every turn of a meeting from its text."""
    turns = list(meeting.turns.select_related("speaker"))
    names = sorted({t.speaker.name for t in turns if t.speaker})
    exclude = meeting_exclusions(names)
    for t in turns:
        phrases, words, procedural = remark_phrases(
            RemarkText(t.text, t.speaker_label, t.is_summary), exclude
        )
        t.phrases, t.words, t.is_procedural = dict(phrases), words, procedural
    Turn.objects.bulk_update(turns, ["phrases", "words", "is_procedural"], batch_size=500)


def rebuild(reextract: bool = False) -> RebuildReport:
    started = time.monotonic()
    if reextract:
        for m in Meeting.objects.all().iterator():
            extract_meeting(m)
    # Millions of small tuples and objects, none in a reference cycle: the cyclic garbage collector
    # would only rescan them again and again as they accumulate.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _rebuild(started)
    finally:
        if collecting:
            gc.enable()


def _rebuild(started: float) -> RebuildReport:
    turns, meeting_dates = _load_turns()
    scored = score(turns)
    info = {t.turn_id: t for t in turns}

    keys: set[str] = set()
    for chosen in scored.turn_topics.values():
        keys.update(chosen)
    for plist in scored.person_topics.values():
        keys.update(p for p, _, _ in plist)
    for mlist in scored.meeting_topics.values():
        keys.update(p for p, _ in mlist)

    # Counts per topic, computed before writing so every Topic row is written once.
    raised_by_person: Counter = Counter()
    raised_meetings: dict[str, set[int]] = defaultdict(set)
    remark_counts: Counter = Counter()
    people: dict[str, set[int]] = defaultdict(set)
    raiser: dict[tuple[int, str], int | None] = {}
    raised = scored.raised
    for tid, chosen in scored.turn_topics.items():
        t = info[tid]
        for p in chosen:
            remark_counts[p] += 1
            if t.speaker_id:
                people[p].add(t.speaker_id)
            if (tid, p) in raised:
                raised_meetings[p].add(t.meeting_id)
                raiser.setdefault((t.meeting_id, p), t.speaker_id)
                if t.speaker_id:
                    raised_by_person[(t.speaker_id, p)] += 1
    featured = {p for plist in scored.person_topics.values() for p, _, _ in plist}
    featured |= {p for mlist in scored.meeting_topics.values() for p, _ in mlist[:6]}
    texts = _label_texts(scored, keys)
    ordered = sorted(keys)
    topic_id = {key: i for i, key in enumerate(ordered, start=1)}

    # Evidence: per (person, meeting, topic) the remark with the highest weight (the first of
    # equals), found meeting by meeting as the TurnTopic rows are written; kept beyond its meeting
    # only for the topics a person's or a meeting's list shows.
    turn_topics = scored.turn_topics
    want_person = {(pid, p) for pid, plist in scored.person_topics.items() for p, _, _ in plist}
    want_meeting = {(mid, p) for mid, mlist in scored.meeting_topics.items() for p, _ in mlist}
    best_for_person: dict[tuple, tuple[float, int]] = {}
    best_for_meeting: dict[tuple, tuple[float, int]] = {}

    def meeting_evidence(mid: int, tids: list[int]) -> dict[tuple, tuple[float, int]]:
        best: dict[tuple, tuple[float, int]] = {}
        for tid in tids:
            sp = info[tid].speaker_id
            for p, w in turn_topics[tid].items():
                k = (sp, p)
                if k not in best or w > best[k][0]:
                    best[k] = (w, tid)
        for (sp, p), wt in best.items():
            if (
                sp is not None
                and (k := (sp, p)) in want_person
                and (k not in best_for_person or wt > best_for_person[k])
            ):
                best_for_person[k] = wt
            k = (mid, p)
            if k in want_meeting and (k not in best_for_meeting or wt > best_for_meeting[k]):
                best_for_meeting[k] = wt
        return best

    def turn_topic_lines() -> Iterator[str]:
        """COPY text lines (the bulk of the rows: formatted here rather than row by row by psycopg;
        repr() of a float is the shortest text that reads back as the same float)."""
        n = 0
        dates = {mid: d.isoformat() for mid, d in meeting_dates.items()}
        done: set[int] = set()
        for mid, group in groupby(turn_topics, key=lambda tid: info[tid].meeting_id):
            if mid in done:
                raise RuntimeError("the turns of a meeting must come together (ordered by meeting)")
            done.add(mid)
            tids = list(group)
            best = meeting_evidence(mid, tids)
            for tid in tids:
                t = info[tid]
                sp = t.speaker_id
                tail = f"{mid}\t{dates[mid]}\t{t.position}\t{'\\N' if sp is None else sp}\n"
                for p, w in turn_topics[tid].items():
                    n += 1
                    yield (
                        f"{n}\t{tid}\t{topic_id[p]}\t{w!r}\t{'t' if (tid, p) in raised else 'f'}\t"
                        f"{'t' if best[(sp, p)][1] == tid else 'f'}\t{tail}"
                    )

    def participant_topic_rows() -> Iterator[tuple]:
        n = 0
        for pid, plist in scored.person_topics.items():
            for rank, (p, s, remarks) in enumerate(plist, start=1):
                n += 1
                yield (
                    n,
                    pid,
                    topic_id[p],
                    rank,
                    s,
                    remarks,
                    raised_by_person[(pid, p)],
                    best_for_person.get((pid, p), (0, None))[1],
                )

    def meeting_topic_rows() -> Iterator[tuple]:
        n = 0
        for mid, mlist in scored.meeting_topics.items():
            for rank, (p, s) in enumerate(mlist, start=1):
                n += 1
                yield (
                    n,
                    mid,
                    topic_id[p],
                    rank,
                    s,
                    raiser.get((mid, p)),
                    best_for_meeting.get((mid, p), (0, None))[1],
                )

    with transaction.atomic(), connection.cursor() as wrapper:
        cur = wrapper.cursor  # the psycopg cursor: COPY
        # Topic ids are internal; slugs are public and carried over by key.
        old_slugs = dict(Topic.objects.values_list("key", "slug"))
        # Deferred foreign-key checks still pending in this transaction (turns just ingested) would
        # forbid adding and dropping the foreign keys below: run them now, then defer again.
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        # Index builds and the grouping of TopicSpeaker and TopicMeeting sort and hash in memory.
        cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cur.execute("SET LOCAL work_mem = '128MB'")
        shadows = _Shadows(cur, TOPIC_MODELS)
        taken = {old_slugs[k] for k in keys if k in old_slugs}
        topic_rows = []
        for key in ordered:
            slug = old_slugs.get(key)
            if slug is None:
                slug = unique_slug(slugify(key)[:190] or "topic", taken.__contains__)
                taken.add(slug)
            topic_rows.append(
                (
                    topic_id[key],
                    key,
                    display_label(key, texts.get(key, "")),
                    slug,
                    remark_counts[key],
                    len(raised_meetings[key]),
                    len(people[key]),
                    key in featured,
                )
            )
        _copy(
            cur,
            shadows[Topic],
            ["id", "key", "label", "slug", "remark_count", "raised_count", "people_count", "is_featured"],
            topic_rows,
        )
        n_turn_topics = _copy(
            cur,
            shadows[TurnTopic],
            [
                "id",
                "turn_id",
                "topic_id",
                "weight",
                "raised",
                "is_evidence",
                "meeting_id",
                "date",
                "position",
                "speaker_id",
            ],
            turn_topic_lines(),
        )
        _copy(
            cur,
            shadows[ParticipantTopic],
            ["id", "participant_id", "topic_id", "rank", "score", "remarks", "raised", "evidence_id"],
            participant_topic_rows(),
        )
        _copy(
            cur,
            shadows[MeetingTopic],
            ["id", "meeting_id", "topic_id", "rank", "score", "raised_by_id", "evidence_id"],
            meeting_topic_rows(),
        )
        names = {m._meta.model_name: shadows[m] for m in TOPIC_MODELS}
        cur.execute(TOPIC_SPEAKERS_SQL.format(**names))
        cur.execute(TOPIC_MEETINGS_SQL.format(**names))
        shadows.finish()  # indexes, constraints, identities and statistics, all off the live tables
        shadows.swap()  # the only moment readers wait: a few renames

    return RebuildReport(len(turns), len(keys), n_turn_topics, time.monotonic() - started)


# Who carried each topic, ranked as the topic page lists them: most meetings where they raised it,
# then by name. A raised remark is the first of its meeting to carry the topic, so counting a
# person's raised remarks counts the meetings where they raised it.
TOPIC_SPEAKERS_SQL = """
INSERT INTO {topicspeaker} (topic_id, participant_id, rank, raised, remarks)
SELECT s.topic_id, s.speaker_id,
       row_number() OVER (PARTITION BY s.topic_id ORDER BY s.raised DESC, p.sort_name, p.name, p.id),
       s.raised, s.remarks
FROM (SELECT topic_id, speaker_id, count(*) FILTER (WHERE raised) AS raised, count(*) AS remarks
      FROM {turntopic} WHERE speaker_id IS NOT NULL GROUP BY topic_id, speaker_id) s
JOIN meetings_participant p ON p.id = s.speaker_id
"""

# The meetings where each topic came up, newest first, and where each starts in the topic's remark
# list (newest first by date, then meeting id: TurnTopic's order).
TOPIC_MEETINGS_SQL = """
INSERT INTO {topicmeeting} (topic_id, meeting_id, rank, remarks, remarks_before)
SELECT c.topic_id, c.meeting_id,
       row_number() OVER (PARTITION BY c.topic_id ORDER BY m.date DESC, m.title, m.id), c.remarks,
       coalesce(sum(c.remarks) OVER (PARTITION BY c.topic_id ORDER BY m.date DESC, c.meeting_id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
FROM (SELECT topic_id, meeting_id, count(*) AS remarks FROM {turntopic}
      GROUP BY topic_id, meeting_id) c
JOIN meetings_meeting m ON m.id = c.meeting_id
"""


def _load_turns() -> tuple[list[TurnPhrases], dict[int, object]]:
    """Every turn's phrases, streamed from a server-side cursor in (meeting, position) order, kept
    compact: two tuples per turn, and the same phrase in many remarks as one string object (the
    JSON decoder would make one per remark)."""
    canon: dict[str, str] = {}
    intern = canon.setdefault

    def phrase_counts(pairs):
        return PhraseCounts(tuple(intern(k, k) for k, _ in pairs), tuple(v for _, v in pairs))

    decode = json.JSONDecoder(object_pairs_hook=phrase_counts).decode
    empty = PhraseCounts((), ())
    meeting_dates = dict(Meeting.objects.values_list("id", "date"))
    turns: list[TurnPhrases] = []
    append = turns.append
    summary = Turn.SUMMARY
    with transaction.atomic(), connection.chunked_cursor() as cur:
        cur.execute(
            "SELECT id, meeting_id, position, speaker_id, kind, phrases::text, words FROM meetings_turn"
            " ORDER BY meeting_id, position"
        )
        while rows := cur.fetchmany(10000):
            for tid, mid, pos, sid, kind, phrases, words in rows:
                append(
                    TurnPhrases(
                        tid, mid, pos, sid, kind == summary, decode(phrases) if phrases else empty, words
                    )
                )
    return turns, meeting_dates


def _copy(cur, table: str, columns: list[str], rows: Iterable[tuple] | Iterable[str]) -> int:
    """COPY rows (tuples, or lines already in COPY's text format) into a table (a shadow table,
    without indexes yet)."""
    n = 0
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        batch: list[str] = []
        for row in rows:
            n += 1
            if isinstance(row, str):
                batch.append(row)
                if len(batch) >= 20000:
                    copy.write("".join(batch))
                    batch.clear()
            else:
                copy.write_row(row)
        if batch:
            copy.write("".join(batch))
    return n


TOPIC_MODELS = (Topic, TurnTopic, ParticipantTopic, MeetingTopic, TopicSpeaker, TopicMeeting)
SHADOW = "__next"


class _Shadows:
    """A new copy of each topic table, filled while readers go on reading the old one, then put
    in its place in one short step.

    Each shadow table starts as `CREATE TABLE … (LIKE …)`: columns, defaults, identity, NOT NULL
    and CHECK constraints. After the load it gets the live table's primary key, unique
    constraints and indexes (same definitions, temporary names) and foreign keys (same names;
    those between topic tables point at the shadows). `swap` drops the live tables and renames
    the shadows and their indexes to the live names, so the schema ends as the migrations left it.
    """

    def __init__(self, cur, models):
        self.cur = cur
        self.tables = [m._meta.db_table for m in models]
        self.by_model = {m: m._meta.db_table + SHADOW for m in models}
        self.renames: list[tuple[str, str]] = []  # (temporary index name, live name)
        self.schema: dict[str, tuple] = {}
        for table in self.tables:
            cur.execute(
                "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype DESC, conname",
                [table],
            )
            constraints = cur.fetchall()
            cur.execute(
                "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                " WHERE i.indrelid = %s::regclass"
                " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY c.relname",
                [table],
            )
            self.schema[table] = (constraints, cur.fetchall())
            shadow = table + SHADOW
            cur.execute(f"DROP TABLE IF EXISTS {shadow}")
            cur.execute(
                f"CREATE TABLE {shadow} (LIKE {table} INCLUDING DEFAULTS INCLUDING IDENTITY "
                "INCLUDING CONSTRAINTS INCLUDING STORAGE)"
            )

    def __getitem__(self, model) -> str:
        return self.by_model[model]

    def _temporary(self, name: str) -> str:
        return name[: 63 - len(SHADOW)] + SHADOW

    def _retarget(self, definition: str) -> str:
        """A foreign key's definition, pointing at the shadow when it names another topic table."""
        return re.sub(
            r"REFERENCES (\w+)\(",
            lambda m: f"REFERENCES {m.group(1) + SHADOW if m.group(1) in self.tables else m.group(1)}(",
            definition,
        )

    def finish(self) -> None:
        cur = self.cur
        for table in self.tables:
            shadow = table + SHADOW
            constraints, indexes = self.schema[table]
            for name, kind, definition in constraints:  # unique ones ('u', 'p') before foreign keys
                if kind in ("p", "u"):
                    temporary = self._temporary(name)
                    cur.execute(f'ALTER TABLE {shadow} ADD CONSTRAINT "{temporary}" {definition}')
                    self.renames.append((temporary, name))
            for name, definition in indexes:
                temporary = self._temporary(name)
                head = re.match(r"CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ ", definition)
                if head is None:
                    raise RuntimeError(f"unexpected index definition: {definition}")
                cur.execute(
                    f'CREATE {head.group(1) or ""}INDEX "{temporary}" ON {shadow} {definition[head.end() :]}'
                )
                self.renames.append((temporary, name))
        for table in self.tables:  # every shadow has its keys by now
            for name, kind, definition in self.schema[table][0]:
                if kind == "f":
                    cur.execute(
                        f'ALTER TABLE {table + SHADOW} ADD CONSTRAINT "{name}" {self._retarget(definition)}'
                    )
        for table in self.tables:
            shadow = table + SHADOW
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{shadow}', 'id'), "
                f"coalesce((SELECT max(id) FROM {shadow}), 0) + 1, false)"
            )
            cur.execute(f"ANALYZE {shadow}")

    def swap(self) -> None:
        cur = self.cur
        # Tables that others refer to go last (the topics).
        for table in sorted(self.tables, key=lambda t: t == Topic._meta.db_table):
            cur.execute(f"DROP TABLE {table}")
        for table in self.tables:
            shadow = table + SHADOW
            cur.execute(f"ALTER TABLE {shadow} RENAME TO {table}")
            cur.execute(f"SELECT pg_get_serial_sequence('{table}', 'id')")
            sequence = cur.fetchone()[0]
            if sequence:
                cur.execute(f"ALTER SEQUENCE {sequence} RENAME TO {table}_id_seq")
        for temporary, name in self.renames:
            cur.execute(f'ALTER INDEX "{temporary}" RENAME TO "{name}"')


def _label_texts(scored, keys: set[str]) -> dict[str, str]:
    """For each phrase, the text of one remark that carries it (to show the phrase as written)."""
    want: dict[str, int] = {}
    for tid, chosen in scored.turn_topics.items():
        for p in chosen:
            want.setdefault(p, tid)
    texts = dict(Turn.objects.filter(id__in=set(want.values())).values_list("id", "text"))
    return {p: texts.get(tid, "") for p, tid in want.items()}
