"""A questioner's self-introduction: who is asking, not what they ask about.

At news conferences, phone-ins and forums a questioner opens with their name, where they come from
and whom they work for ("My name is Vera Lis, I represent the Lakeside Herald, Ozersk. I work there
as a photographer."), and then asks. The outlet, the employer and the home town are
said once, at the start, by convention; on the questioner's profile and the meeting's list they
stood as topics beside what was asked. `introduction_spans` finds those opening sentences, and
`split_spans` takes them out of the text topics are read from (the remark itself is untouched);
extract.meeting_phrases counts what they name only where the meeting speaks of it elsewhere.

An introduction is found only at a remark's opening (its first OPENING_SENTENCES sentences):
- a sentence naming the speaker: "My name is " and a capitalised word, or the speaker's own name as
  their label writes it ("Vera Lis, Lakeside Herald." "I am Vera Lis, from Ozersk.": the
  convention of news conferences);
- the sentences right after it that say where the speaker is from or works (they open with one of
  AFFILIATION_OPENINGS: "I represent", "I am from", "I work", "I am a …"), and short verbless
  fragments beside it ("Riverside Gazette." "Ozersk."), greetings aside;
- with no name, a short first or second sentence of that kind ("I represent Northwind Partners.").
Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from meetings.core.parser.labels import parse_label

from .phrases import plain_characters
from .subjects import zipf

OPENING_SENTENCES = 4
OPENING_CHARACTERS = 4000  # (the first sentences of any remark lie well within this)
# A sentence saying where the speaker is from or works opens with one of these (after an address).
AFFILIATION_OPENINGS = re.compile(
    r"(?:and )?I(?:'m| am)?\s+(?:represent|from|with|come from|came here from|work|worked|working|study|studying|live|an?|the)\b",
    re.IGNORECASE,
)
# With no name, only these say where the speaker is from ("I work", "I am a" open other sentences).
NAMELESS_OPENINGS = re.compile(r"I(?:'m| am)?\s+(?:represent|from|come from)\b", re.IGNORECASE)
# ... within the first two sentences, which lie within this many characters when one is that short.
NAMELESS_CHARACTERS = 1000
_NAMELESS_CUE = re.compile(r"\bI(?:'m| am)? (?:represent|from|come from)\b")
# A sentence after the name saying where the speaker works is short; a longer one goes on to the
# question ("I come from the north, and so my question is about the winter roads there, …").
AFFILIATION_WORDS = 20
_NAMING = re.compile(r"\b[Mm]y name(?: is|'s)\s+[A-Z]")
# A sentence with no name that only says where the speaker is from is short.
NAMELESS_WORDS = 12
# A verbless fragment beside the name (an outlet, a town) is short, and holds a capitalised word
# after its first, or opens with a word rarer in English than this (Zipf: a name, not "Quite").
FRAGMENT_WORDS = 6
COMMON_OPENING_ZIPF = 4.0
# A sentence ends at . ! ? (and any closing quote or bracket) before a space, not inside
# "news.ru"; or at a line's end.
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?\"”’'»)\]]))+(?:[.!?]+[\"”’'»)\]]*|\n|$)")
_ADDRESS = re.compile(
    r"^\s*(?:(?:good (?:afternoon|morning|evening)|hello|hi|dear|thank you(?: very much)?|thanks|yes|"
    r"(?:Mr|Mrs|Ms)\.? ?[A-Z][a-z]+|President|colleagues|friends)\b\s*[,!]?\s*)+",
    re.IGNORECASE,
)
_GREETING_WORDS = frozenset(
    "good afternoon morning evening hello hi dear mr mrs ms president colleagues friends thank thanks "
    "you very much yes again everyone".split()
)
# Words that make a fragment a clause, not an outlet's or a town's name.
_CLAUSE_WORDS = frozenset(
    "i we you he she they it is are am was were be been have has had do does did will would can "
    "could should may might must this that these those there here".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")  # (in plain_characters: one apostrophe)
_ABBREVIATION = re.compile(r"\b(Mr|Mrs|Ms|Dr|St)\.")


def word_count(text: str) -> int:
    """How many words `text` (in plain_characters) holds."""
    return len(_WORD.findall(text))


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of `text`'s sentences ("Mr." ends none: it is read as "Mr ", the same length)."""
    masked = _ABBREVIATION.sub(r"\1 ", text)
    return ((m.start(), m.end()) for m in _SENTENCE.finditer(masked) if m.group().strip())


def _opens_with(sentence: str, opening: re.Pattern, most_words: int) -> bool:
    """Does `sentence`, its address aside ("Mr President, …"), open with `opening` and hold at
    most `most_words` words?"""
    body = _ADDRESS.sub("", sentence).lstrip()
    return opening.match(body) is not None and word_count(body) <= most_words


def _fragment(sentence: str) -> bool:
    """A short verbless piece that names something: an outlet, a town; not a greeting, nor a
    phrase of English capitalised only as it opens the sentence ("Quite a surprise.")."""
    words = _WORD.findall(_ADDRESS.sub("", sentence))
    low = [w.lower() for w in words]
    return (
        0 < len(words) <= FRAGMENT_WORDS
        and not _CLAUSE_WORDS.intersection(low)
        and any(
            w[0].isupper() and (i > 0 or zipf(lw) < COMMON_OPENING_ZIPF)
            for i, (w, lw) in enumerate(zip(words, low, strict=True))
            if lw not in _GREETING_WORDS
        )
    )


@lru_cache(maxsize=4096)
def _own_name(label: str) -> str | None:
    """The speaker's name as their label writes it, when it is a name of two words or more
    ("Editor Vera Lis" -> "Vera Lis"; not "Question", "Remark", "The Chairman")."""
    parsed = parse_label(label) if label else None
    name = " ".join(plain_characters(parsed.name).split()) if parsed is not None and parsed.name else ""
    return name if len(name.split()) >= 2 else None


def introduction_spans(text: str, label: str = "") -> list[tuple[int, int]]:
    """The (start, end) character spans of `text` that introduce its speaker, whose label (as
    written) is `label` (see the module)."""
    plain = plain_characters(text[:OPENING_CHARACTERS])
    own = _own_name(label)
    if own is not None and own not in plain:
        own = None
    if own is None and "name" not in plain and _NAMELESS_CUE.search(plain, 0, NAMELESS_CHARACTERS) is None:
        return []  # (most remarks: found in C, before any sentence is read)
    spans = list(islice(sentence_spans(plain), 2 * OPENING_SENTENCES))
    if not spans:
        return []
    pieces = [plain[a:b] for a, b in spans]
    named = next(
        (i for i, s in enumerate(pieces[:OPENING_SENTENCES]) if _NAMING.search(s) or (own and own in s)),
        None,
    )
    if named is None:
        for i, s in enumerate(pieces[:2]):
            if _opens_with(s, NAMELESS_OPENINGS, NAMELESS_WORDS):
                return [spans[i]]
        return []
    chosen = {named}
    i = named - 1
    while i >= 0 and _fragment(pieces[i]):
        chosen.add(i)
        i -= 1
    i = named + 1
    while i < len(pieces) and (
        _opens_with(pieces[i], AFFILIATION_OPENINGS, AFFILIATION_WORDS) or _fragment(pieces[i])
    ):
        chosen.add(i)
        i += 1
    return [spans[i] for i in sorted(chosen)]


def split_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """(`text` without the character `spans`, the pieces they hold): each piece taken out leaves a
    sentence break, so no phrase runs across the gap; (`text`, "") where there are none.
    Overlapping spans are taken out once."""
    if not spans:
        return text, ""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, at = [], 0
    for a, b in merged:
        out.append(text[at:a])
        out.append(" . ")
        at = b
    out.append(text[at:])
    return "".join(out), " . ".join(text[a:b].strip() for a, b in merged)
