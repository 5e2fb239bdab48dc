"""From parsed remarks to scored topics: the one path used by ingest, rebuild and evaluation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from meetings.core.parser.inline import TEXT, segments
from meetings.core.parser.names import name_tokens
from meetings.core.parser.structure import SUMMARY
from meetings.core.roles import portfolio

from .floor import floor_spans
from .introductions import introduction_spans, split_spans
from .phrases import (
    NAME_USE,
    _procedural,
    acronym_aliases,
    candidates,
    longest_keys,
    name_phrases,
    normalise,
    word_uses,
)


@dataclass
class RemarkText:
    """What topic extraction needs to know of one remark."""

    text: str
    label: str  # the label as written (for a summary, the words naming the person)
    is_summary: bool


def meeting_exclusions(names: list[str]) -> set[str]:
    """Words never used as topics in a meeting: the names of the people present."""
    out: set[str] = set()
    for n in names:
        out.update(t for t in name_tokens(n) if len(t) > 2)
    return out


def portfolio_keys(roles: Iterable[str | None]) -> set[str]:
    """The phrase keys of what the offices among `roles` answer for (roles.portfolio: "Minister of
    Energy" -> "energy"; "Minister of Natural Resources" -> "natural resource"), for
    scoring.score's `portfolios`."""
    return {key for role in roles for domain in portfolio(role) for key in longest_keys(domain)}


# What an introduction, or a chair giving the floor, names counts where this many remarks of the
# meeting say it beyond them (a topic recurs). On the dev archive, judged blind on the lists that
# change: at 2 against 1, 50 more topics go (36 passing, 4 fragments, 4 generic, 1 name, 5
# subjects) and 25 come in (8 subjects) (docs/topics-rounds.md).
INTRODUCED_AND_SAID = 2


def remark_phrases(remark: RemarkText, exclude: set[str]) -> tuple[Counter, int, bool]:
    """(phrase counts, word count, procedural?) for one remark, read as a meeting of its own
    (meeting_phrases)."""
    return meeting_phrases([remark], exclude)[0]


def meeting_phrases(remarks: list[RemarkText], exclude: set[str]) -> list[tuple[Counter, int, bool]]:
    """(phrase counts, word count, procedural?) for each remark of one meeting. What a questioner
    says introducing themselves (introductions.py: their name, home town, employer), and what a
    chair says giving the floor (floor.py: the outlet called on next), counts only where
    INTRODUCED_AND_SAID remarks of the meeting speak of it beyond them: the village a resident
    asks about and the answer names stays a topic, the newspaper a journalist writes for does not."""
    out: list[tuple[Counter, int, bool]] = []
    who_speaks: list[tuple[Counter, Counter]] = []  # (a remark's counts, its who-speaks phrases)
    for remark in remarks:
        counts, words, procedural, apart = _remark_phrases(remark, exclude)
        out.append((counts, words, procedural))
        if apart:
            who_speaks.append((counts, apart))
    if who_speaks:
        said: Counter = Counter()  # key -> remarks of the meeting that say it beyond those
        for counts, _, _ in out:
            said.update(counts.keys())
        for counts, apart in who_speaks:
            for key, c in apart.items():
                if key[0] != NAME_USE and said[key] >= INTRODUCED_AND_SAID:
                    counts[key] += c
                    # ... and its uses as a word of a name there, which tell how it was said.
                    if named := apart.get(NAME_USE + key):
                        counts[NAME_USE + key] += named
    return out


def transcript_phrases(turns: Iterable, exclude: set[str]) -> list[tuple[Counter, int, bool]]:
    """meeting_phrases for the turns of a parsed transcript (parser.Transcript.turns), in order."""
    return meeting_phrases(
        [RemarkText(turn.text, turn.label or "", turn.kind == SUMMARY) for turn in turns], exclude
    )


def _remark_phrases(remark: RemarkText, exclude: set[str]) -> tuple[Counter, int, bool, Counter]:
    """(phrase counts, word count, procedural?, the phrases of the sentences that say who speaks:
    the speaker's introduction, the floor given) for one remark; the counts leave those out."""
    text = remark.text
    aliases = acronym_aliases(text)  # before the brackets go with the stage directions
    if remark.is_summary and remark.label:
        # "(Council member X spoke about …)": the words naming the person are not the topic.
        text = re.sub(re.escape(normalise(remark.label)), " ", normalise(text), flags=re.IGNORECASE)
        text = re.sub(r"^\s*(?:in (?:his|her|their) [a-z ]{1,30},)", " ", text, flags=re.IGNORECASE)
    # Stage directions ("(Laughter.)", "(Applause.)", "Viewing a video about …") and the editors'
    # insertions ("St Petersburg [International Economic] Forum") are not what anyone said, and
    # no phrase runs across one (a comma where it stood).
    spoken = [
        [chunk for kind, chunk in segments(para, opening=i == 0) if kind == TEXT]
        for i, para in enumerate(text.split("\n\n"))
    ]
    text = "\n\n".join(" , ".join(chunks) for chunks in spoken)
    words = sum(len(normalise(chunk).split()) for chunks in spoken for chunk in chunks)
    if not remark.is_summary and _procedural(text, words):
        return Counter(), words, True, Counter()
    apart: Counter = Counter()
    if not remark.is_summary:
        # A questioner's name, home town and employer, and the outlet a chair calls on next, say
        # who asks, not what about.
        text, said = split_spans(text, introduction_spans(text, remark.label) + floor_spans(text))
        if said:
            apart = candidates(said, exclude)
            apart.update(name_phrases(said, exclude))
            apart.update({k: n for k, n in word_uses(said).items() if k[0] == NAME_USE})
    counts = candidates(text, exclude)
    counts.update(aliases)
    counts.update(name_phrases(text, exclude, runs=True))
    counts.update(word_uses(text))
    return counts, words, False, apart
