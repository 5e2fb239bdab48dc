"""The faster ways of the topic rebuild read as what they replace: the literal search for where a
text writes a label's form (phrases._form_spans) finds what the form's regular expression finds
(phrases._form_pattern), and merging acronyms with their names (subjects._merge_acronyms) ends as
the merge that read the whole map at each step ended."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from meetings.core.topics.phrases import (
    _CASE_BLIND_STRAYS,
    _form_pattern,
    _form_spans,
    _literal_form,
)
from meetings.core.topics.subjects import (
    _merge_acronyms,
    _pair_merges,
    _part_pieces,
    _spelled_out,
    _under_commonest,
)

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))
NON_ASCII = EVERY_CHARACTER[128:]
# The characters of the words _form_spans searches literally (phrases._LITERAL_WORD).
KEY_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789'"


def pattern_spans(key: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _form_pattern(key).finditer(text)]


def test_only_the_strays_are_non_ascii_characters_the_pattern_reads_as_a_key_character():
    read_as_key_characters = set()
    for c in KEY_CHARACTERS:
        read_as_key_characters.update(re.findall(re.escape(c), NON_ASCII, re.IGNORECASE))
    # (?<=s) of a plural's apostrophe: the characters it looks back on.
    read_as_key_characters.update(NON_ASCII[m.start() - 1] for m in re.finditer("(?<=s)", NON_ASCII, re.I))
    assert read_as_key_characters == set(_CASE_BLIND_STRAYS)


def test_lower_case_keeps_each_character_one_and_makes_no_other_character_ascii():
    others = "".join(c for c in NON_ASCII if c not in _CASE_BLIND_STRAYS)
    lowered = others.lower()
    assert len(lowered) == len(others)
    assert re.search("[\x00-\x7f]", lowered) is None
    ascii_characters = EVERY_CHARACTER[:128]
    assert ascii_characters.lower() == "".join(c.lower() for c in ascii_characters)


def test_word_characters_and_separators_read_as_the_pattern_reads_them():
    """What _word_boundary takes for a word character is \\w; what _after_separator takes for a
    space or hyphen is [\\s\\-]."""
    assert "".join(re.findall(r"\w", EVERY_CHARACTER)) == "".join(
        c for c in EVERY_CHARACTER if c.isalnum() or c == "_"
    )
    assert "".join(re.findall(r"[\s\-]", EVERY_CHARACTER)) == "".join(
        c for c in EVERY_CHARACTER if c.isspace() or c == "-"
    )


def test_the_literal_search_finds_what_the_pattern_finds():
    cases = [
        ("united states withdrawal", "Since the United States' withdrawal, the United States withdrawal..."),
        ("united state", "The UNITED STATES replied; the United-States, the united  state."),
        ("r d project", "Our R&D projects, R & D projects and R-D projects."),
        ("child", "Children and a child; childhood is no child's play (the children's library)."),
        ("meet", "We meet at the meeting; meets, meetings, MEET."),
        ("city", "Cities, a city, citizens, the CITY's walls."),
        ("economy", "Economies of the economy; economic ties."),
        ("state", "\u212aelvin state; \u0130stanbul states; \u017ftate; \u0131state; Staté."),
        ("bus", "Buses, busses, a bus_stop, the bus1, bus."),
        ("woman", "Women and a woman; womanhood."),
    ]
    for key, text in cases:
        assert _literal_form(key) is not None  # the literal search, not its fallback
        assert _form_spans(key, text) == pattern_spans(key, text), (key, text)
    assert _form_spans("united state", "the United States") == [(4, 17)]


KEY_WORDS = st.sampled_from(
    ["states", "state", "united", "bus", "s", "child", "r", "d", "city", "y", "k", "i", "o'"]
)
# Mostly words of keys; now and then what no key holds (the pattern is then searched with).
KEYS = st.lists(
    st.one_of(KEY_WORDS, KEY_WORDS, KEY_WORDS, st.text(alphabet="aeiksy'-&_ ", max_size=4)),
    min_size=1,
    max_size=3,
).map(" ".join)
SEPARATORS = st.sampled_from(
    [
        "", " ", "  ", "-", " - ", "&", " & ", "'", "' ", "s' ", "\t", "\n", "_", ".", "1", "\u00e9", "\u0436",
        "\u00a0", "\u2019", "\u03a3",
    ]
)  # fmt: skip
# Between the words of a phrase: the pattern's separators, and what is almost one.
PHRASE_SEPARATORS = st.sampled_from([" ", "  ", "-", " - ", "&", "' ", "'-", "'", " '", "\t", ""])
# Letters as the pattern may read them though they are other characters (_CASE_BLIND_STRAYS).
STRAY_OF = {"i": "\u0131", "s": "\u017f", "k": "\u212a"}


@st.composite
def written(draw, word: str) -> str:
    """`word` with each letter as it is, in capitals or as a stray; a plural's ending after it."""
    letters = []
    for c in word:
        way = draw(st.sampled_from(["as it is", "capital", "stray"]))
        letters.append(c.upper() if way == "capital" else STRAY_OF.get(c, c) if way == "stray" else c)
    return "".join(letters) + draw(st.sampled_from(["", "", "s", "es", "ies", "ren", "S", "ing"]))


@st.composite
def phrase(draw, words: list[str]) -> str:
    """The words in their order, each written in any way, any separators between them."""
    return "".join(draw(written(w)) + draw(PHRASE_SEPARATORS) for w in words)


@st.composite
def keys_and_texts(draw) -> tuple[str, str]:
    """A key and a text of its words, written in any way, other words and any separators."""
    key = draw(KEYS)
    words = key.split(" ")
    pieces = st.one_of(
        phrase(words),
        st.sampled_from(words).flatmap(written),
        st.sampled_from(words),
        KEY_WORDS,
        SEPARATORS,
        st.text(max_size=2),
    )
    return key, "".join(draw(st.lists(pieces, max_size=20)))


@settings(max_examples=600, deadline=None)
@given(keys_and_texts())
@example(("bus city", "Bus' city, bus'city, bus' - city, bus'' city, BUS\u2019 city"))
@example(("state", "_state 1state a_state state_ State1 STATE"))
@example(("state", "\u017ftate \u0131 STATE\u0130 st\u212aate"))
@example(("i k", "\u0131 \u212a, I-K, i&k, i & k"))
def test_the_literal_search_finds_what_the_pattern_finds_in_any_text(key_and_text):
    key, text = key_and_text
    assert _form_spans(key, text) == pattern_spans(key, text)


def merge_by_scanning(aliases, uses, out, parted) -> None:
    """_merge_acronyms as it was written before it kept the keys shown under each key: each merge
    reads the whole map for the keys shown under the form that gives way (what it reads of the
    aliases, which pairs merge and the pieces it leaves to `parted` are the merge's own:
    _spelled_out, _pair_merges, _part_pieces)."""
    pairs, heads, holders = _spelled_out(aliases, uses)
    for short, long, best, other in _pair_merges(pairs, heads, uses, out):
        for k, target in list(out.items()):
            if target == other:
                out[k] = best
        out[other] = best
        for key in holders.get(long, ()):
            twin = key[: -len(long)] + short
            if twin in uses and key not in out and out.get(twin, twin) == twin:
                _under_commonest((key, twin), uses, out)
        if parted is not None and " " in other and " " not in best:
            _part_pieces(other, parted)


VOCABULARY = [
    "eu", "eec", "cis", "european union", "economic council", "economic commission",
    "independent state", "commonwealth of independent state", "big european union", "big eu",
    "small eec", "small economic council", "union", "council",
]  # fmt: skip
ALIASES = [
    "eu=european union", "eec=economic council", "eec=economic commission",
    "cis=commonwealth of independent state", "eu=economic union",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(st.sampled_from(VOCABULARY), st.integers(1, 4)),
    st.dictionaries(st.sampled_from(VOCABULARY), st.sampled_from([None, *VOCABULARY])),
    st.lists(st.sampled_from(ALIASES), unique=True),
)
def test_merging_acronyms_ends_as_the_merge_that_read_the_whole_map(uses, out, aliases):
    expected_out, expected_parted = dict(out), {}
    merge_by_scanning(aliases, uses, expected_out, expected_parted)
    parted: dict[str, list[str]] = {}
    _merge_acronyms(aliases, uses, out, parted)
    assert list(out.items()) == list(expected_out.items())
    assert parted == expected_parted
