"""Weighing phrases: how distinctive a phrase is for a remark, a person and a meeting.

Pure functions over plain data. A phrase's weight in a remark is its frequency there times its
inverse document frequency over every remark of the archive (TF-IDF), so a phrase that every
meeting uses weighs little; longer phrases and summaries (what the archive says someone raised)
weigh more. A person's topics are the phrases they use markedly more often than the archive
does — the rest of the archive (openparliament's ratio, with a floor of 2) — ranked by their total
weight.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

TOPICS_PER_TURN = 6
TOPICS_PER_PERSON = 10
MIN_TURNS_WITH_PHRASE = 2  # a topic recurs: at least two remarks of the archive carry it
MIN_RATIO = 2.0
SUMMARY_BOOST = 1.6
LENGTH_BOOST = {1: 0.8, 2: 1.6, 3: 1.9, 4: 2.0}


@dataclass
class TurnPhrases:
    turn_id: int
    meeting_id: int
    position: int
    speaker_id: int | None
    is_summary: bool
    phrases: Counter  # phrase key -> count (empty for procedural turns)
    words: int = 0


@dataclass
class Scored:
    """Everything the archive stores about topics."""

    turn_topics: dict[int, dict[str, float]] = field(default_factory=dict)  # turn -> phrase -> weight
    raised: set[tuple[int, str]] = field(default_factory=set)  # (turn, phrase) that introduced it
    person_topics: dict[int, list[tuple[str, float, int]]] = field(default_factory=dict)  # person -> (phrase, score, remarks)
    meeting_topics: dict[int, list[tuple[str, float]]] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)


def score(turns: list[TurnPhrases]) -> Scored:
    out = Scored()
    n = max(1, len(turns))
    df: Counter = Counter()
    for t in turns:
        df.update(t.phrases.keys())
    out.df = df

    def idf(p: str) -> float:
        return math.log((n + 1) / (df[p] + 0.5))

    # Remarks: the most distinctive phrases, a longer phrase hiding the shorter ones it contains.
    full: dict[int, dict[str, float]] = {}
    for t in turns:
        weights: dict[str, float] = {}
        for p, c in t.phrases.items():
            if df[p] < MIN_TURNS_WITH_PHRASE and not t.is_summary:
                continue  # a summary is evidence enough on its own
            w = (1 + math.log(c)) * idf(p) * LENGTH_BOOST.get(p.count(" ") + 1, 2.0)
            if t.is_summary:
                w *= SUMMARY_BOOST
            weights[p] = w
        full[t.turn_id] = weights
        chosen: dict[str, float] = {}
        for p, w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(chosen) >= TOPICS_PER_TURN:
                break
            if any(_contains(q, p) or _contains(p, q) for q in chosen):
                continue
            chosen[p] = w
        if chosen:
            out.turn_topics[t.turn_id] = chosen

    # Raised: the first remark of a meeting that carries the phrase at all.
    by_meeting: dict[int, list[TurnPhrases]] = defaultdict(list)
    for t in turns:
        by_meeting[t.meeting_id].append(t)
    for meeting_id, mts in by_meeting.items():
        seen: set[str] = set()
        totals: Counter = Counter()
        for t in sorted(mts, key=lambda x: x.position):
            for p, w in out.turn_topics.get(t.turn_id, {}).items():
                totals[p] += w
                if p not in seen:
                    out.raised.add((t.turn_id, p))
            seen.update(t.phrases.keys())
        out.meeting_topics[meeting_id] = _dedupe(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))[:12]

    # People: phrases they use markedly more than the archive does.
    total_words = sum(t.words for t in turns) or 1
    phrase_uses: Counter = Counter()
    for t in turns:
        phrase_uses.update(t.phrases)
    by_person: dict[int, list[TurnPhrases]] = defaultdict(list)
    for t in turns:
        if t.speaker_id is not None:
            by_person[t.speaker_id].append(t)
    for pid, pts in by_person.items():
        words = sum(t.words for t in pts) or 1
        uses: Counter = Counter()
        weight: Counter = Counter()
        remarks: Counter = Counter()
        for t in pts:
            uses.update(t.phrases)
            for p, w in full.get(t.turn_id, {}).items():
                weight[p] += w
                remarks[p] += 1
        ranked = []
        others_words = max(1, total_words - words)
        for p, w in weight.items():
            # How much more often this person uses the phrase than everyone else does.
            ratio = (uses[p] / words) / ((phrase_uses[p] - uses[p] + 0.5) / others_words)
            if ratio < MIN_RATIO:
                continue
            ranked.append((p, w * min(ratio, 8.0) ** 0.5, remarks[p]))
        ranked.sort(key=lambda x: (-x[1], x[0]))
        out.person_topics[pid] = _dedupe_people(ranked)[:TOPICS_PER_PERSON]
    return out


def _contains(longer: str, shorter: str) -> bool:
    return longer != shorter and f" {shorter} " in f" {longer} "


def _dedupe(items: list[tuple[str, float]]) -> list[tuple[str, float]]:
    kept: list[tuple[str, float]] = []
    for p, w in items:
        if any(_contains(q, p) or _contains(p, q) for q, _ in kept):
            continue
        kept.append((p, w))
    return kept


def _dedupe_people(items):
    kept = []
    for p, w, r in items:
        if any(_contains(q, p) or _contains(p, q) for q, _, _ in kept):
            continue
        kept.append((p, w, r))
    return kept
