"""The fast paths of ingest preparation give what the plain definitions give.

Each fast function is compared with a slow reference written the obvious way (the way the code
read before it was optimised), on invented inputs and on random mixtures of tricky tokens.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from meetings.core.parser import parse_transcript
from meetings.core.parser.names import clean_spaces, name_key, name_tokens, strip_accents
from meetings.core.parser.page import words_before
from meetings.core.topics.extract import RemarkText, remark_phrases
from meetings.core.topics.phrases import (
    ADJECTIVES,
    DETERMINERS,
    GENERIC,
    GENERIC_PHRASES,
    ING_ED_NOUNS,
    LY_NOUNS,
    MAX_WORDS,
    NUMBER_WORDS,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    STOP_WORDS,
    TWO_LETTER_NAMES,
    VERBS,
    candidates,
    is_procedural,
    normalise,
    parts_of_speech,
    phrase_key,
    singular,
)

# The plain definitions of phrases.py, written out here so that the reference does not borrow the
# module's private names: how a text splits into chunks and words, which words are content words,
# and how a run of content words gives its phrases.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”«»„…/<>|]|\s[-–—]\s|\d")


_SAID_ALOUD = frozenset("mr mrs ms dr sir okay ok oh eh ah um yeah hello goodbye thanks thank".split())


def _content(word: str) -> bool:
    low = word.lower()
    if low in STOP_WORDS or low in VERBS or low in NUMBER_WORDS:
        # In capitals, an acronym ("US", "IT"), unless said aloud ("OK", "MR").
        return len(word) > 1 and word.isupper() and low not in _SAID_ALOUD
    if len(low) < 3 and not word.isupper():
        return False
    if low.endswith("ly") and len(low) > 4 and low not in LY_NOUNS:
        return False
    if low.endswith(("ing", "ed")) and len(low) > 4 and low not in ING_ED_NOUNS and not word[:1].isupper():
        return False
    return True


def _generic(key: str) -> bool:
    if key in GENERIC_PHRASES:
        return True
    parts = key.split(" ")
    if len(parts) == 1:
        return key in GENERIC or singular(key) in GENERIC or (len(key) < 3 and key not in TWO_LETTER_NAMES)
    return all(p in GENERIC or singular(p) in GENERIC for p in parts) or (
        parts[0] in GENERIC and parts[-1] in GENERIC
    )


def _emit(run: list[str], counts: Counter) -> None:
    n = len(run)
    for size in range(1, MAX_WORDS + 1):
        for i in range(n - size + 1):
            words = run[i : i + size]
            last = words[-1].lower()
            if last in ADJECTIVES or ("-" in last and last.split("-")[0] in ADJECTIVES):
                continue  # an adjective, or a modifier starting with one ("large-scale")
            if size > 1 and words[0].lower().endswith("'s"):
                continue  # a phrase does not start with a possessive
            key = phrase_key(words)
            if not key or _generic(key):
                continue
            counts[key] += 1


def slow_candidates(text: str, exclude=frozenset()) -> Counter:
    counts: Counter = Counter()
    for chunk in _BREAK.split(normalise(text)):
        run: list[str] = []
        seen: list[str] = []  # the chunk's words so far
        start = 0  # where the run began in `seen`
        for m in _WORD.finditer(chunk):
            w = m.group(0).strip("'")
            if _content(w) and w.lower() not in exclude and w.lower().rstrip("s") not in exclude:
                if run in (["New"], ["new"]) and w[0].islower():
                    run = [w]  # "new school buses", "New hospitals were opened" (the run's start stays)
                    seen.append(w)
                    continue
                if not run:
                    start = len(seen)
                run.append(w)
                seen.append(w)
                continue
            if run and w.lower() in OBJECT_DETERMINERS and _verb_before_its_object(run, seen[:start]):
                run.pop()
            _emit(run, counts)
            run = []
            seen.append(w)
        _emit(run, counts)
    return counts


def _verb_before_its_object(run: list[str], before: list[str]) -> bool:
    """The rule as written: the run's last word is in lower case and a verb to the dictionary, the
    run did not open after a preposition (determiners between), and a single word did not open
    right after a determiner."""
    back = len(before)
    while back and before[back - 1].lower() in DETERMINERS:
        back -= 1
    after_preposition = back > 0 and before[back - 1].lower() in PREPOSITIONS
    after_determiner = bool(before) and before[-1].lower() in DETERMINERS
    last = run[-1]
    return (
        not after_preposition
        and (len(run) > 1 or not after_determiner)
        and last.islower()
        and "VERB" in parts_of_speech(last.replace("-", " ").rsplit(" ", 1)[-1])
    )


SENTENCES = [
    "The QR-codes for the ferry timetables and the QR codes on bus stops are one system.",
    "Mr President, thank you. The state system of grain silos in the valley needs new roofs.",
    "Policies on river dredging, bridge repairs and ferry-crossings were listed (in 2019) for the delta.",
    "We discussed – at length – the personal data of pensioners; foreign data centres; data personal.",
    "Heating plants, heating-plant boilers and district heating: the boilers’ age is a worry.",
    "“Well-being” of well-being centres — no one’s well-being is guaranteed by the cold storage depots.",
    "Colleagues, the issue of the issues is this year's budget for the Larkspur orchard cooperatives.",
    "e-mail, x-ray, AI, EU, UK, an ok ABC: short words, acronyms and hyphens in 12 places.",
    "Sokolov's plan for the Sokolov lighthouse and Ivanova's plans for the marsh boardwalks.",
    "The US and the UN, IT firms, the WHO and New START: OK, let us see what MR Smith and the II said.",
    "The harbour board plays a part of the quay board marks its year after the floods the work began.",
]
TOKENS = (
    "QR-codes codes state system issues issue - — – ’s policies data personal foreign Mr President thank "
    "you 12 a, b. c: x-ray e-mail well-being State-run ministry's it's AI EU ok heating boilers "
    "boxes churches glasses bus crisis economics watches ferries colleagues orchard . ; ( ) “ ” "
    "Sokolov sokolovs Ivanova the a its of after The plays sign marks this board contacts"
).split()


def test_candidates_match_the_plain_definition():
    exclude = {"sokolov", "ivanova"}
    texts = list(SENTENCES)
    rng = random.Random(20240611)
    for _ in range(3000):
        texts.append(" ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 25))))
    for text in texts:
        for ex in (frozenset(), exclude):
            fast, slow = candidates(text, ex), slow_candidates(text, ex)
            assert isinstance(fast, Counter)
            assert list(fast.items()) == list(slow.items()), text  # same keys, counts and order


def test_candidates_examples():
    got = candidates(SENTENCES[0])
    assert got["qr code"] == 2
    assert "ferry timetable" in got
    assert "state system" not in candidates(SENTENCES[1])  # generic words only
    assert "grain silo" in candidates(SENTENCES[1])
    named = candidates(SENTENCES[8], {"sokolov", "ivanova"})
    assert "sokolov lighthouse" not in named and "lighthouse" in named


def test_remark_phrases_and_procedural():
    short = RemarkText("Thank you. Go ahead, please.", "Chair", False)
    assert remark_phrases(short, set()) == (Counter(), 5, True)
    assert is_procedural(short.text)
    text = "(Applause.) The ferry timetables for the winter season change in November. " * 3
    counts, words, procedural = remark_phrases(RemarkText(text, "Chair", False), set())
    assert not procedural and counts == slow_candidates(text.replace("(Applause.)", ""))
    assert words == len(text.replace("(Applause.)", "").split())


def testwords_before_matches_the_regex():
    rng = random.Random(7)
    pieces = ["a", "b", "ab", " ", " ", "Ab", "B", "_", "1", ".", "é", "\u00a0", "\n", "of", "the", "-"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        for cand in ("Ab B", "ab", "B.", "Ab Ab", "a b", ".B", "B_"):
            expected = [m.group(1) for m in re.finditer(r"\b([a-z]+) " + re.escape(cand) + r"\b", text)]
            assert list(words_before(text, cand)) == expected, (text, cand)


def test_clean_spaces_and_strip_accents_match_their_definitions():
    ws = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")
    rng = random.Random(3)
    pieces = ["a", "Bé", " ", "\t", "\n", "\u00a0", "\u2007", "\u202f", "\u200b", "\u2028", "x", "ñ", ""]
    import unicodedata

    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert clean_spaces(text) == ws.sub(" ", text).strip()
        decomposed = unicodedata.normalize("NFKD", text)
        assert strip_accents(text) == "".join(c for c in decomposed if not unicodedata.combining(c))


def test_name_tokens_are_fresh_lists():
    first = name_tokens("Mr  Ivan\u00a0PETROVSKY")
    assert first == ["ivan", "petrovsky"]
    first.append("changed")
    assert name_tokens("Mr  Ivan\u00a0PETROVSKY") == ["ivan", "petrovsky"]
    assert name_key("Mr  Ivan\u00a0PETROVSKY") == "ivan petrovsky"


TRANSCRIPT = """Meeting on orchard irrigation

March 3, 2023, Larkspur

The council discussed the irrigation of the hill orchards.

Chair Marta Quill: Good afternoon. Let us begin with the reservoir levels and the pumps.

Engineer Tobias Wren: The reservoir is at half its usual level. The old pumps lose a third of the water through cracked seals. New seals would cost less than new pumps and could be fitted before the summer.

“The old pumps lose a third of the water through cracked seals.”

Marta Quill: Thank you. What would the seals cost, and who would fit them before the summer?

Tobias Wren: Our own crew can fit them. The seals themselves cost about the same as one season of lost water.
"""


def test_pull_quote_left_out():
    t = parse_transcript(TRANSCRIPT)
    assert any("pull-quote" in w for w in t.warnings)
    assert [x.name for x in t.turns] == ["Marta Quill", "Tobias Wren", "Marta Quill", "Tobias Wren"]
    assert all("“The old pumps" not in x.text for x in t.turns)
