"""Which topics of the index a topic's page points to: those whose names share a word with its
name. One subject written two ways ("global economy", "world economy"; "subsistence level",
"subsistence minimum") is two topics until a rule reads them as one; a reader on one page finds
the other here, and, on a broad topic's page ("economy"), the narrower ones ("digital economy").

Pure: keys in, keys out (the view reads the candidates from the index).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .phrases import GENERIC, NAME_LINKS, STOP_WORDS

RELATED_SHOWN = 8
MIN_WORD_LETTERS = 3  # shorter words ("oil" counts, "un" does not) tie too much together

_PLAIN = frozenset(STOP_WORDS) | NAME_LINKS | frozenset(GENERIC)


def shared_words(key: str) -> list[str]:
    """The words of a topic's key that can tie it to another topic: no stop word, joiner or
    word said of anything ("issue", "level"), none shorter than MIN_WORD_LETTERS; in order, once
    each."""
    out: list[str] = []
    for w in key.split(" "):
        if len(w) >= MIN_WORD_LETTERS and w not in _PLAIN and w not in out:
            out.append(w)
    return out


def words_pattern(words: Iterable[str]) -> str:
    """A PostgreSQL regular expression that finds a key holding any of `words` as a whole word."""
    return r"\m(" + "|".join(re.escape(w) for w in words) + r")\M"


def rank_related(key: str, candidates: Iterable[tuple[str, int]], shown: int = RELATED_SHOWN) -> list[str]:
    """The keys among `candidates` ((key, remarks) of topics of the index) to point to from the
    topic of `key`, best first: those sharing more of its words ("law enforcement" beside "law
    enforcement agencies"), then, of those sharing as many, those with the same last word (the
    thing named: "world economy" beside "global economy"), then those with more remarks; never the topic itself, nor one sharing no word (a candidate found by a word's
    other form)."""
    words = set(shared_words(key))
    if not words:
        return []
    head = key.rsplit(" ", 1)[-1]
    ranked = []
    for other, remarks in candidates:
        if other == key:
            continue
        theirs = shared_words(other)
        common = words.intersection(theirs)
        if not common:
            continue
        same_head = head in words and other.rsplit(" ", 1)[-1] == head
        ranked.append((-len(common), not same_head, -remarks, other))
    ranked.sort()
    return [other for *_, other in ranked[:shown]]
