"""Where a text mentions a topic: the spans whose words the extractor reads as the topic's key or
as one of the keys the archive shows under it (Topic.forms: "privatization" under "privatisation",
"Syrian" under "Syria", an acronym under the name it stands for, "road map" under "roadmap").

Words are read as phrases.candidates reads them (any case; hyphens, U+00A0 and typographic
apostrophes as plain characters; "St." before a name as "St"; the last word singular, so
"women" is "woman" and "economic" is not "economy"); a phrase never runs across a sentence, a
comma or a number. Where two forms overlap, the one starting first and then the longer is marked.
Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from .phrases import _BREAK, _WORD, _plurals, phrase_key, plain_characters

_TOKEN = re.compile("(" + _WORD.pattern + ")|" + _BREAK.pattern)
_SAINT = re.compile(r"(?<=\bSt)\.(?= [A-Z])")  # the full stop of "St. Petersburg" ends nothing
_OPENING = 3  # letters of a key's first word that every form of it written in a text starts with


def mention_spans(text: str, keys: Collection[str]) -> list[tuple[int, int]]:
    """(start, end) of every mention in `text` of any of `keys` (phrase keys), in text order."""
    if not text or not keys:
        return []
    finder, most = _finder(frozenset(keys))
    plain = plain_characters(text)  # one for one: its spans are the text's
    spans: list[tuple[int, int]] = []
    done = 0
    # Only where a word opens as a key's first word can (a few places in a long remark): the run of
    # words from there, tried longest first.
    for m in finder.finditer(plain):
        if m.start() < done:
            continue
        run = _run(plain, m.start(), most)
        if not run:
            continue
        for n in range(len(run), 1, -1):
            if phrase_key([w for _, _, w in run[:n]]) in keys:
                spans.append((run[0][0], run[n - 1][1]))
                done = run[n - 1][1]
                break
        else:
            if _word_key(run[0][2]) in keys:
                spans.append((run[0][0], run[0][1]))
                done = run[0][1]
    return spans


@lru_cache(maxsize=256)
def _finder(keys: frozenset[str]) -> tuple[re.Pattern, int]:
    """A pattern for where a word may open a mention of one of `keys` (the first letters of its
    first word, or of a plural of a one-word key: "wom" of "women"), and the most words of a key."""
    openings: set[str] = set()
    for key in keys:
        words = key.split(" ")
        openings.add(words[0][:_OPENING])
        if len(words) == 1:
            openings.update(p[:_OPENING] for p in _plurals(words[0]))
    alternatives = "|".join(re.escape(o) for o in sorted(openings, key=lambda o: (-len(o), o)) if o)
    most = max(len(k.split(" ")) for k in keys)
    return re.compile(
        r"(?<![A-Za-z])(?<![A-Za-z]['\-])(?:" + (alternatives or r"(?!)") + ")", re.IGNORECASE
    ), most


def _run(plain: str, start: int, most: int) -> list[tuple[int, int, str]]:
    """Up to `most` words from `start` (a word's first letter) to the next break: (start, end,
    word) each."""
    run: list[tuple[int, int, str]] = []
    pos = start
    while len(run) < most:
        m = _TOKEN.search(plain, pos)
        if m is None:
            break
        word = m.group(1)
        if word is None:
            if not (m.group(0) == "." and _SAINT.match(plain, m.start())):
                break
        elif not run and m.start() != start:
            break
        else:
            run.append((m.start(), m.end(), word))
        pos = m.end()
    return run


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return phrase_key([word])
