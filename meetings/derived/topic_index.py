"""Writing topics to the database: the whole archive is re-scored at once, because a phrase's
weight depends on every remark (deterministic: the same archive gives the same topics).

The rows are written with COPY into new copies of the topic tables (meetings.sql.swap), their
indexes and constraints built once after the load, while pages go on reading the old tables; in
the same transaction the old tables are dropped and the new ones renamed into their place, so
readers wait only for that last step, never for the load, and never see a half-written table.
TopicSpeaker and TopicMeeting, what a topic's page lists, are grouped from TurnTopic in SQL in
the same transaction."""

from __future__ import annotations

import datetime
import gc
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby

from django.db import connection, transaction

from meetings.core.permalinks import slugify, unique_slug
from meetings.core.topics.extract import RemarkText, meeting_exclusions, meeting_phrases, portfolio_keys
from meetings.core.topics.mentions import other_names, times_marked, times_named
from meetings.core.topics.phrases import common_label, form_label
from meetings.core.topics.scoring import TOPICS_PER_PERSON, PhraseCounts, Scored, TurnPhrases, score
from meetings.core.topics.subjects import english_frequency, zipf
from meetings.models import (
    Appearance,
    Meeting,
    MeetingTopic,
    Participant,
    ParticipantTopic,
    Topic,
    TopicMeeting,
    TopicRedirect,
    TopicSpeaker,
    Turn,
    TurnTopic,
)
from meetings.sql import topics as topic_sql
from meetings.sql.swap import ShadowTables

# Evidence a listed topic needs: raised in at least this many meetings and carried by at least
# this many remarks. Fewer is a phrase someone happened to use, not a subject of the archive; such
# topics still show on the profile or meeting that has them, not in the index, sitemap or API list.
MIN_MEETINGS = 2
MIN_REMARKS = 3
# A meeting's topics the index may list: its first few (featured_keys).
MEETING_LIST_FIRST = 6
# A single word as common in English as this (Zipf) that only one meeting's list shows (among its
# six first), and no profile, is listed only if its label is a name (featured_keys): out of its
# meeting, "order" or "protection" says not what. On the dev archive 25 words leave the index; a
# reader of their meetings judged 14 of them no subject there ("money", "faith", "soul",
# "information"), 11 a subject named by a vague word ("protection" of personal data, "order" for
# pipes, "health"). They stay on their meeting's list (docs/topics-rounds.md). 4.8 is where
# scoring.SPREAD_ZIPF sets a common word.
INDEX_COMMON_ZIPF = 4.8
# An archive this small (a new one, a test's) lists what it has: one meeting is all the evidence
# it can give, and an empty index would say nothing.
SMALL_ARCHIVE = 10
# A profile counts towards a topic's place in the index (Topic.profile_count, the index's first
# order) when the person's topic list shows it with at least this many of their remarks: a subject
# they came back to, not a word one remark of theirs said in passing.
PROFILE_REMARKS = 2


def enough_evidence(raised_meetings: int, remarks: int, archive_meetings: int) -> bool:
    if archive_meetings < SMALL_ARCHIVE:
        return raised_meetings >= 1
    return raised_meetings >= MIN_MEETINGS and remarks >= MIN_REMARKS


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
    remarks = [RemarkText(t.text, t.speaker_label, t.is_summary) for t in turns]
    for t, (phrases, words, procedural) in zip(turns, meeting_phrases(remarks, exclude), strict=True):
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


MARKED_BATCH = 500  # remark texts read at a time to count their marks


def _times_marked(
    turn_topics: Mapping[int, Mapping[str, float]],
    info: Mapping[int, TurnPhrases],
    named_by: Mapping[str, tuple[str, ...]],
) -> dict[tuple[int, str], int]:
    """(turn, topic) -> how many times the remark names the topic as its page marks it, for the
    remarks whose counts hold another name ending in a form of it (mentions.other_names: "Latin
    America" under the United States), read from their texts MARKED_BATCH at a time."""
    wanted: dict[int, list[str]] = {}  # turn -> its topics to count so
    for tid, chosen in turn_topics.items():
        for p in chosen:
            if p in named_by and other_names(info[tid].phrases, named_by[p], p):
                wanted.setdefault(tid, []).append(p)
    out: dict[tuple[int, str], int] = {}
    ids = sorted(wanted)
    for i in range(0, len(ids), MARKED_BATCH):  # (a batch of texts in memory at a time)
        texts = Turn.objects.filter(id__in=ids[i : i + MARKED_BATCH]).values_list("id", "text")
        for tid, text in texts:
            out.update({(tid, p): times_marked(text, named_by[p], p) for p in wanted[tid]})
    return out


def _rebuild(started: float) -> RebuildReport:
    turns, meeting_dates = load_turns()
    scored = score_archive(turns)
    info = {t.turn_id: t for t in turns}

    keys: set[str] = set()
    for chosen in scored.turn_topics.values():
        keys.update(chosen)
    for plist in scored.person_topics.values():
        keys.update(p for p, _, _ in plist)
    for mlist in scored.meeting_topics.values():
        keys.update(p for p, _ in mlist)

    # Counts per topic, computed before writing so every Topic row is written once.
    want_person = {(pid, p) for pid, plist in scored.person_topics.items() for p, _, _ in plist}
    shown: Counter = Counter()  # (person, topic of their list) -> their remarks that carry it
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
                if (k := (t.speaker_id, p)) in want_person:
                    shown[k] += 1
            if (tid, p) in raised:
                raised_meetings[p].add(t.meeting_id)
                raiser.setdefault((t.meeting_id, p), t.speaker_id)
                if t.speaker_id:
                    raised_by_person[(t.speaker_id, p)] += 1
    profiles: Counter = Counter(p for (_, p), n in shown.items() if n >= PROFILE_REMARKS)
    featured, once_common = featured_keys(scored)
    # The texts labels are read from, the keys' and their forms', in one query.
    texts, form_texts = _texts_of(*_label_remarks(turns, scored, keys))
    ordered = sorted(keys)
    topic_id = {key: i for i, key in enumerate(ordered, start=1)}

    # Evidence: per (person, meeting, topic) the remark with the highest weight (the first of
    # equals), found meeting by meeting as the TurnTopic rows are written; kept beyond its meeting
    # only for the topics a person's or a meeting's list shows.
    turn_topics = scored.turn_topics
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

    # The keys a remark may name each topic by, for a topic with forms ("names it N times"); the
    # remarks where a form may be the end of another name are counted from their text.
    named_by = {
        p: (p, *scored.forms.get(p, ()), *scored.participle_forms.get(p, ()))
        for p in keys
        if p in scored.forms or p in scored.participle_forms
    }
    marked = _times_marked(turn_topics, info, named_by)

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
                    forms = named_by.get(p)
                    uses = (
                        t.phrases.get(p, 1)
                        if forms is None
                        else marked.get((tid, p)) or times_named(t.phrases, forms)
                    )
                    yield (
                        f"{n}\t{tid}\t{topic_id[p]}\t{w!r}\t{'t' if (tid, p) in raised else 'f'}\t"
                        f"{'t' if best[(sp, p)][1] == tid else 'f'}\t{uses}\t{tail}"
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
        topic_sql.prepare_rebuild(cur)
        shadows = ShadowTables(cur, [m._meta.db_table for m in TOPIC_MODELS])
        taken = {old_slugs[k] for k in keys if k in old_slugs}
        topic_rows = []
        slugs: dict[str, str] = {}  # key -> its slug after this rebuild
        for key in ordered:
            label = common_label(key, texts.get(key, []), scored.forms.get(key, ()))
            # The slug is made from the label readers see ("united-states", not the key's
            # "united-state"); an old slug is kept (links stay) unless it was made from the key
            # and the label now reads otherwise (the wrongly singular "united-state").
            base = slugify(label)[:190] or "topic"
            slug = old_slugs.get(key)
            if slug is None or (
                slug == slugify(key)[:190]
                and slug != base
                and not re.fullmatch(re.escape(base) + r"-\d+", slug)
            ):
                slug = unique_slug(base, lambda s: s in taken)
                taken.add(slug)
            slugs[key] = slug
            topic_rows.append(
                (
                    topic_id[key],
                    key,
                    label,
                    slug,
                    remark_counts[key],
                    len(raised_meetings[key]),
                    len(people[key]),
                    profiles[key],
                    key in featured
                    and (key not in once_common or label[:1].isupper())
                    and enough_evidence(len(raised_meetings[key]), remark_counts[key], len(meeting_dates)),
                    list(scored.forms.get(key, ())),
                    [form_label(f, form_texts.get(f, [])) for f in scored.forms.get(key, ())],
                )
            )
        topic_sql.copy_rows(
            cur,
            shadows[Topic._meta.db_table],
            ["id", *topic_sql.TOPIC_COLUMNS],
            topic_rows,
        )
        n_turn_topics = topic_sql.copy_rows(
            cur,
            shadows[TurnTopic._meta.db_table],
            [
                "id",
                "turn_id",
                "topic_id",
                "weight",
                "raised",
                "is_evidence",
                "uses",
                "meeting_id",
                "date",
                "position",
                "speaker_id",
            ],
            turn_topic_lines(),
        )
        topic_sql.copy_rows(
            cur,
            shadows[ParticipantTopic._meta.db_table],
            ["id", "participant_id", "topic_id", "rank", "score", "remarks", "raised", "evidence_id"],
            participant_topic_rows(),
        )
        topic_sql.copy_rows(
            cur,
            shadows[MeetingTopic._meta.db_table],
            ["id", "meeting_id", "topic_id", "rank", "score", "raised_by_id", "evidence_id"],
            meeting_topic_rows(),
        )
        turn_topic_shadow = shadows[TurnTopic._meta.db_table]
        topic_sql.group_topic_speakers(cur, shadows[TopicSpeaker._meta.db_table], turn_topic_shadow)
        topic_sql.group_topic_meetings(cur, shadows[TopicMeeting._meta.db_table], turn_topic_shadow)
        shadows.finish()  # indexes, constraints, identities and statistics, all off the live tables
        shadows.swap()  # the only moment readers wait: a few renames
        _keep_moved_slugs(cur, old_slugs, slugs)

    return RebuildReport(len(turns), len(keys), n_turn_topics, time.monotonic() - started)


def _keep_moved_slugs(cur, old: dict[str, str], new: dict[str, str]) -> None:
    """Links keep working: each slug a topic had before this rebuild and has no more (its label
    reads otherwise, or its key is now counted under another topic's) answers 301 to the topic
    that holds its key now (TopicRedirect, TopicQuerySet.resolve); a slug a topic has again is
    that topic's own."""
    moved = [TopicRedirect(old_slug=slug, key=key) for key, slug in old.items() if new.get(key) != slug]
    TopicRedirect.objects.bulk_create(
        moved, batch_size=5000, update_conflicts=True, unique_fields=["old_slug"], update_fields=["key"]
    )
    topic_sql.drop_redirects_in_use(cur)


def score_archive(turns: list[TurnPhrases], per_person: int = TOPICS_PER_PERSON) -> Scored:
    """The archive's turns scored as the rebuild scores them (`per_person`: a longer list for
    analysis, bench/topics_ceiling.py). Everyone who ever spoke is never a topic on anyone's
    profile; each person's offices say what their portfolio is."""
    return score(
        turns,
        names=list(Participant.objects.values_list("name", flat=True)),
        portfolios=_portfolios(),
        per_person=per_person,
    )


def load_turns() -> tuple[list[TurnPhrases], dict[int, datetime.date]]:
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
    for tid, mid, pos, sid, kind, phrases, words in topic_sql.turn_phrase_rows():
        append(TurnPhrases(tid, mid, pos, sid, kind == summary, decode(phrases) if phrases else empty, words))
    return turns, meeting_dates


def _portfolios() -> dict[int, set[str]]:
    """Person -> the phrase keys of what their offices answer for, from every role they spoke
    under (roles.portfolio: "Minister of Energy" -> "energy")."""
    roles: dict[int, set[str]] = defaultdict(set)
    for pid, role in Appearance.objects.exclude(role=None).values_list("participant_id", "role").distinct():
        roles[pid].add(role)
    return {pid: keys for pid, written in roles.items() if (keys := portfolio_keys(written))}


TOPIC_MODELS = (Topic, TurnTopic, ParticipantTopic, MeetingTopic, TopicSpeaker, TopicMeeting)


# Remarks read per topic to find the form readers meet most: the first the topic's page lists. With
# 5, 57 of the dev archive's 1,462 listed topics read otherwise than most of the remarks their page
# lists write them ("vegetable" beside "vegetables" eight times in ten); with 25, 26 (25 of 1,372
# in the twentieth round); 50 changes nothing more. Read instead from the first 25 remarks that
# write the phrase anywhere, labels would not move with the scoring, but 83 of the 1,372 would read
# otherwise than their page ("Tyumen regions" for "Tyumen Region"): not kept (docs/topics-rounds.md).
LABEL_TEXTS = 25


def featured_keys(scored: Scored) -> tuple[set[str], set[str]]:
    """(The keys the index may list, those of them it lists only if their label is a name.) The
    index lists what someone's or some meeting's list shows: a common English word from a person's
    list only if more than one of their remarks carries it (one is chance, not a subject); the six
    first of each meeting's list, a word common in English (INDEX_COMMON_ZIPF) only if two
    meetings' lists show it, or a profile, or its label is a name: one meeting that dwells on
    "money" or "faith" makes it no subject of the archive (it stays on that meeting's list)."""
    person_listed = {
        p
        for plist in scored.person_topics.values()
        for p, _, remarks in plist
        if remarks >= 2 or not english_frequency(p)
    }
    on_meeting_lists = Counter(
        p for mlist in scored.meeting_topics.values() for p, _ in mlist[:MEETING_LIST_FIRST]
    )
    once_common = {
        p
        for p, n in on_meeting_lists.items()
        if n < 2 and " " not in p and p not in person_listed and zipf(p) >= INDEX_COMMON_ZIPF
    }
    return person_listed | on_meeting_lists.keys(), once_common


def _label_remarks(
    turns: list[TurnPhrases], scored: Scored, keys: set[str]
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """(key -> the remarks its label is read from, form -> the remarks its label is read from), for
    the topics' `keys` and the forms shown under them (Scored.forms). A topic's label is the form
    the remarks its page lists write most (_label_turns); a form's, how the remarks that write that
    form write it (_form_turns: the remarks listed under a topic may all write another form)."""
    forms = {f for key in keys for f in scored.forms.get(key, ())}
    return _label_turns(scored, keys), _form_turns(turns, forms)


def _label_turns(scored, keys: set[str]) -> dict[str, list[int]]:
    """For each of `keys`, its first few remarks (LABEL_TEXTS) that have it as a main topic or as a
    topic of their speaker's, the remarks its page lists first (to show the phrase as they write it
    most); not those that only come back to it or to a topic of their meeting's list
    (Scored.dwelt_from), so its label does not change with the lists of others. A key no remark has
    so (a word a meeting says again and again, never a remark's main topic) is read from those."""
    want: dict[str, list[int]] = {}
    back: dict[str, list[int]] = {}  # the remarks that only come back to it
    dwelt_from = scored.dwelt_from
    for tid, chosen in scored.turn_topics.items():
        until = dwelt_from.get(tid, len(chosen))
        for i, p in enumerate(chosen):
            if p in keys:
                tids = (want if i < until else back).setdefault(p, [])
                if len(tids) < LABEL_TEXTS:
                    tids.append(tid)
    for p in back.keys() - want.keys():
        want[p] = back[p]
    return want


def _form_turns(turns: list[TurnPhrases], forms: set[str]) -> dict[str, list[int]]:
    """For each form (a key shown under a topic: Scored.forms), the first few remarks whose own
    phrases have it (LABEL_TEXTS), to show it as they write it: the remarks listed under a topic
    may all write another of its forms."""
    want: dict[str, list[int]] = {}
    pending = set(forms)
    for t in turns:
        if not pending:
            break
        for f in pending.intersection(t.phrases.keys()):
            tids = want.setdefault(f, [])
            tids.append(t.turn_id)
            if len(tids) == LABEL_TEXTS:
                pending.discard(f)
    return want


def _texts_of(*groups: dict[str, list[int]]) -> tuple[dict[str, list[str]], ...]:
    """Each group of key -> remarks with the remarks' texts in their place, read in one query."""
    ids = {tid for group in groups for tids in group.values() for tid in tids}
    texts = dict(Turn.objects.filter(id__in=ids).values_list("id", "text"))
    return tuple({k: [texts.get(tid, "") for tid in tids] for k, tids in group.items()} for group in groups)
