"""Scoring a topic method against a labelled set: for each person, the share of the issues a
reader says they raised that appear among the person's top ten topics."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from meetings.core.parser import parse_transcript

from .extract import meeting_exclusions, portfolio_keys, transcript_phrases
from .scoring import TurnPhrases, score

TopTopics = Callable[[list[Path]], dict[str, list[str]]]


def load_labels(path: Path) -> dict[str, list[list[str]]]:
    """person -> issues; an issue is a list of stems, any of which in a topic matches it."""
    return json.loads(path.read_text(encoding="utf-8"))["people"]


def recall(top: dict[str, list[str]], labels: dict[str, list[list[str]]], k: int = 10) -> tuple[float, dict]:
    found = total = 0
    detail = {}
    for person, issues in labels.items():
        topics = [t.lower() for t in top.get(person, [])[:k]]
        hits = [any(any(stem in t for t in topics) for stem in issue) for issue in issues]
        found += sum(hits)
        total += len(issues)
        detail[person] = (sum(hits), len(issues), topics)
    return (found / total if total else 0.0), detail


def own_method(paths: list[Path]) -> dict[str, list[str]]:
    """The archive's own extractor and scorer, run on parsed files (no database)."""
    turns: list[TurnPhrases] = []
    person_ids: dict[str, int] = {}
    roles: dict[int, set[str]] = {}
    tid = 0
    for mid, path in enumerate(paths):
        t = parse_transcript(path.read_bytes())
        exclude = meeting_exclusions(t.names)
        for pos, (turn, (phrases, words, _)) in enumerate(
            zip(t.turns, transcript_phrases(t.turns, exclude), strict=True), start=1
        ):
            tid += 1
            pid = person_ids.setdefault(turn.name, len(person_ids) + 1) if turn.name else None
            if pid is not None and turn.role:
                roles.setdefault(pid, set()).add(turn.role)
            turns.append(TurnPhrases(tid, mid, pos, pid, turn.kind == "summary", phrases, words))
    portfolios = {pid: portfolio_keys(written) for pid, written in roles.items()}
    scored = score(turns, names=list(person_ids), portfolios=portfolios)
    names = {v: k for k, v in person_ids.items()}
    return {names[pid]: [p for p, _, _ in topics] for pid, topics in scored.person_topics.items()}
