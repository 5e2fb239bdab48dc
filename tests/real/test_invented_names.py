"""The parser reads a real page by the site's conventions, not by the names it knows (skipped when
../shared is absent): every page of the dump, the corpus and the seeds is read again with each
speaker's name replaced everywhere on the page by an invented one, which no list of given names
knows and no English dictionary holds, and every turn must read as before (kind, generic label,
name and office, paragraphs), the names replaced alike.

Spellings of one name that the identity folding joins ("Sergei"/"Sergey") take one invented name;
a name's first letter is kept (an initial, "V. <Surname>", must still point at it) and, for words
of more than four letters, its last two (the "-ov", "-ova", "-sky" of names the site writes). Where
the parser needs the given-name list (a third word before a name after an organisation: "… Council
on Tolerance and Reconciliation <Given> <Middle> <Surname>") it loses the longer form: a budget of
one turn in a thousand, and every turn that differs is listed.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace
from functools import cache

import pytest
from wordfreq import zipf_frequency

from meetings.core.identity import AliasIndex, people_forms, plan_people
from meetings.core.parser import Transcript, TranscriptError, parse_transcript
from meetings.core.parser.given_names import begins_a_name
from meetings.core.parser.names import folded_key, is_regnal
from meetings.core.parser.vocabulary import HONORIFICS, PARTICLES, SINGLE_NAME_TITLES, TITLE_WORDS
from tests.helpers import shared_dir

# Words of a name that are a title's, a particle or a form of address: kept as written.
_KEPT = TITLE_WORDS | SINGLE_NAME_TITLES | PARTICLES | HONORIFICS | {"cardinal", "lord", "dame"}
_CONSONANTS, _VOWELS = "bdgklmnprstvz", "aeiou"
_WORD = re.compile(r"[A-Z][a-zà-ÿ]+|[A-Z]{2,}")


@cache
def _invented(folded: str) -> str:
    """A name word nobody has: its first letter, syllables from a hash, its last two letters."""
    seed = int(hashlib.sha1(folded.encode()).hexdigest(), 16)
    for attempt in range(100):
        x = seed + attempt * 7919
        word = folded[0] if folded[0] not in _VOWELS else folded[0] + "r"
        for _ in range(max(2, (len(folded) + 1) // 2 - 1)):
            word += _VOWELS[(x // 13) % 5] + _CONSONANTS[x % 13]
            x //= 65
        if len(folded) > 4:
            word = word[:-1] + folded[-2:]
        if word != folded and not begins_a_name(word) and zipf_frequency(word, "en") == 0:
            return word
    raise AssertionError(f"no invented word for {folded!r}")  # pragma: no cover


def _renaming(names: set[str], text: str):
    """A function replacing every word of these names on the page (in any spelling the folding
    joins, in capitals too) by its invented word."""
    folds = {
        folded_key(word)
        for name in names
        for word in re.findall(r"[A-Za-zÀ-ÿ]+", name)
        if len(word) > 1 and word[0].isupper() and word.casefold() not in _KEPT and not is_regnal(word)
    }
    table = {}
    for word in set(_WORD.findall(text)):
        folded = folded_key(word)
        if folded in folds:
            new = _invented(folded)
            table[word] = new.upper() if word.isupper() else new.capitalize()
    if not table:
        return lambda s: s
    pattern = re.compile(
        r"(?<![A-Z])(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")(?![a-z])"
    )
    return lambda s: pattern.sub(lambda m: table[m.group(1)], s) if s else s


def _reading(turns, rename=lambda s: s) -> list[tuple]:
    return [(t.kind, t.generic, rename(t.name), rename(t.role), len(t.paragraphs)) for t in turns]


def _pages():
    for folder in (("seeds",), ("corpus", "kremlin-en"), ("dump", "kremlin-en")):
        yield from sorted(shared_dir(*folder).glob("*.txt"))


@pytest.fixture(scope="module")
def readings() -> list[tuple[str, Transcript, Transcript, object]]:
    """Every transcript of ../shared: (file name, it as read, it read with invented names, the
    renaming)."""
    out = []
    for path in _pages():
        text = path.read_text(encoding="utf-8-sig")
        try:
            before = parse_transcript(text)
        except TranscriptError:
            continue
        rename = _renaming(set(before.names), text)
        out.append((path.name, before, parse_transcript(rename(text)), rename))
    return out


def test_a_real_page_reads_the_same_with_invented_names(readings):
    turns = 0
    differ: list[str] = []
    for name, before, after, rename in readings:
        expected, got = _reading(before.turns, rename), _reading(after.turns)
        turns += len(expected)
        if len(got) != len(expected):
            differ.append(f"{name}: {len(expected)} turns read as {len(got)}")
            continue
        differ += [
            f"{name} turn {i}: {a} read as {b}" for i, (a, b) in enumerate(zip(expected, got)) if a != b
        ]
    assert turns > 5000
    assert len(differ) <= turns // 1000, "\n".join(differ)


def _people(transcripts) -> list[frozenset]:
    """The archive's people as ingest would make them from these transcripts, in this order (the
    identity rules, an alias index built as it goes): each a set of (transcript, turn) places."""
    index = AliasIndex()
    next_id = 1
    places: dict[int, set] = defaultdict(set)
    for n, transcript in enumerate(transcripts):
        ids = {}
        for person in plan_people(people_forms(transcript), index).people:
            pid = person.participant_id
            if pid < 0:  # a new person's provisional id
                pid, next_id = next_id, next_id + 1
            ids[person.local] = pid
            index.aliases += [replace(alias.as_known(), participant_id=pid) for alias in person.aliases]
        for i, turn in enumerate(transcript.turns):
            if turn.name:
                places[ids[turn.name]].add((n, i))
    return [frozenset(p) for p in places.values()]


def test_the_archive_knows_the_same_people_with_invented_names(readings):
    # One person, one participant, by the identity rules over the whole of ../shared: with every
    # name invented the same people come out, none split in two and none merged, but where the
    # page itself misspells a name the renaming cannot follow (a budget of one in two hundred).
    real = _people(before for _, before, _, _ in readings)
    invented = _people(after for _, _, after, _ in readings)
    assert len(real) > 500
    differ = set(real) - set(invented)
    assert len(differ) <= len(real) // 200, f"{len(differ)} of {len(real)} people come out otherwise"
