"""Checks of turns under generic labels: long enough to have swallowed someone's speech."""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Sequence

from meetings.core.parser.vocabulary import (
    GENERIC_LABELS,
)

from .common import LONG_GENERIC_TURN, Finding, GenericTurn

# --- 4. long-generic-turn ---------------------------------------------------------------------------

_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def is_generic_label(label: str) -> bool:
    """ "Question", "Remark", "Question (retranslated)", "A voice from the audience" …"""
    core = _NOTE.sub("", label).strip().casefold().rstrip(":")
    core = re.sub(r"^(?:the|a|an|one|another) ", "", core)
    core = re.sub(r" (?:from|in) (?:the )?(?:audience|floor|hall|room|studio)$", "", core)
    return core in GENERIC_LABELS


def check_long_generic_turns(
    turns: Sequence[GenericTurn], max_chars: int = 3000, factor: float = 5.0, floor: int = 1000
) -> list[Finding]:
    """Generic-label turns longer than `max_chars`, or longer than `factor` times the median
    of the turns under the same label (and than `floor`): a "Question" that runs on for pages
    has usually swallowed the answer, a missed label in between."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for t in turns:
        by_label[_NOTE.sub("", t.label).strip().casefold()].append(t.length)
    medians = {k: statistics.median(v) for k, v in by_label.items()}
    out = []
    for t in turns:
        median = medians[_NOTE.sub("", t.label).strip().casefold()]
        over_median = t.length > factor * median and t.length > floor
        if t.length <= max_chars and not over_median:
            continue
        evidence = [f"{t.length:,} characters; the median {t.label.split(' (')[0]!r} turn has {median:,.0f}"]
        if t.before or t.after:
            evidence.append(f"between {t.before or '(start)'!s} and {t.after or '(end)'!s}")
        if t.opening:
            evidence.append(f"opens: {t.opening}")
        out.append(
            Finding(
                LONG_GENERIC_TURN,
                f"a {t.label!r} turn of {t.length:,} characters may hold someone else's speech",
                tuple(evidence),
                (t.url,),
                sort_key=(-t.length, t.url),
            )
        )
    return out
