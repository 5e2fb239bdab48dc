"""Where a text mentions a topic: the spans whose words the extractor reads as the topic's key or
as one of the keys the archive shows under it (Topic.forms: "privatization" under "privatisation",
"Syrian" under "Syria", an acronym under the name it stands for, "road map" under "roadmap").

Words are read as phrases.candidates reads them (any case; hyphens, U+00A0 and typographic
apostrophes as plain characters; "St." before a name as "St"; the last word singular, so
"women" is "woman" and "economic" is not "economy"); a phrase never runs across a sentence, a
comma, a number or an idiom ("in order to"), and a stop word, verb or short word is one of its
words only written in capitals ("the US", not "let us"). Where two forms overlap, the one starting
first and then the longer is marked. Given the topic's own key, a form of it written inside another
name ("America" of "Latin America" under the United States: `other_names`) is that name's, as the
scoring reads it, and is not marked; nor is a word of a stage direction or an editors' note
(`spoken_spans`). `times_named` counts a remark's mentions from the extractor's counts, as many
as the marks; `times_marked` counts the marks of a remark whose counts cannot tell (one with
other names).
Pure: no Django.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping
from functools import lru_cache

from lemminflect import getInflection

from meetings.core.parser.inline import TEXT, segments
from meetings.core.typography import paragraphs

from .phrases import (
    _BREAK,
    _CUE_KINDS,
    _OBJECT,
    _PREPOSITION,
    _VERB_AS_WRITTEN,
    _WORD,
    IDIOMS,
    MAX_WORDS,
    NAME_LINKS,
    NAME_USE,
    PARTICIPLE,
    _cached_info,
    _plurals,
    candidates,
    parts_of_speech,
    phrase_key,
    plain_characters,
    singular,
    small_word,
    word_runs,
    word_uses,
)
from .subjects import COMPASS, zipf

_TOKEN = re.compile("(" + _WORD.pattern + ")|" + _BREAK.pattern)
_SAINT = re.compile(r"(?<=\bSt)\.(?= [A-Z])")  # the full stop of "St. Petersburg" ends nothing
_ACRONYM = re.compile(r"(?:[A-Z][a-z]?){1,5}[A-Z]s?")  # "NPP", "NPPs", "PhD", "PhDs"
WRITTEN_ZIPF = 2.5  # wordfreq's Zipf frequency of a plural or singular that English writes
_OPENING = 3  # letters of a key's first word that every form of it written in a text starts with


def mention_spans(text: str, keys: Collection[str], key: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every mention in `text` of any of `keys` (phrase keys), in text order; with
    the topic's own `key`, none of a form inside another name (`other_names`)."""
    if not text or not keys:
        return []
    keys = frozenset(keys)
    ends = _name_ends(keys, key) if key is not None else frozenset()
    names: frozenset[str] | None = None  # the text's other names, read where a form may be in one
    finder, most = _finder(keys)
    plain = plain_characters(text)  # one for one: its spans are the text's
    # An idiom is a break to the extractor ("in order to": no "order" there), blanked letter for
    # letter.
    plain = IDIOMS.sub(_blank, plain)
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
        end = _mention_end(plain, run, keys)
        if end is None:
            continue
        first = run[0]
        words = [w for a, _, w in run if a < end]
        if key is not None and ends and (phrase_key(words) in ends or _word_key(first[2]) in ends):
            # A form inside another name, or a form opening with a word that ends one ("Latin
            # America", "Latin American countries", "Western European partner", "Free Syrian
            # Army"): that name's, as the scoring reads it.
            if names is None:
                names = other_names(_counts_of(text), keys, key)
            if names and _inside_a_name(plain, first[0], words, names):
                continue
        spans.append((first[0], end))
        done = end
    return spans


def _mention_end(plain: str, run: list[tuple[int, int, str]], keys: Collection[str]) -> int | None:
    """Where the longest mention of one of `keys` opening `run` ends, if one does."""
    for n in range(len(run), 1, -1):
        words = [w for _, _, w in run[:n]]
        if (
            phrase_key(words) in keys
            and _read_as_a_phrase(words)
            and not _verb_before_its_object(plain, run[n - 1])
        ):
            return run[n - 1][1]
    first = run[0]
    if not small_word(first[2]) and _word_key(first[2]) in keys and not _verb_before_its_object(plain, first):
        return first[1]
    return None


def _inside_a_name(plain: str, start: int, words: list[str], names: Collection[str]) -> bool:
    """Whether a mention (`words`, from `start`), or its first word, is inside one of `names` with
    the words right before it, or a one-word mention with the words right after it too."""
    before = _words_before(plain, start)
    after = [w for _, _, w in _run(plain, start, MAX_WORDS)][len(words) :] if len(words) == 1 else []
    for n in range(len(before) + 1):
        head = before[len(before) - n :]
        if n and any(phrase_key([*head, *end]) in names for end in (words, words[:1])):
            return True
        if any(phrase_key([*head, *words, *after[:m]]) in names for m in range(1, len(after) + 1)):
            return True
    return False


def _counts_of(text: str) -> Counter:
    """The extractor's counts of a text with the use keys `other_names` reads (NAME_USE)."""
    counts = candidates(text)
    counts.update({k: n for k, n in word_uses(text).items() if k[0] == NAME_USE})
    return counts


def _words_before(plain: str, start: int) -> list[str]:
    """The words right before `start` in `plain` with no break between (as many as a longer key may
    hold before a last word)."""
    words = [m.group(1) for m in _TOKEN.finditer(plain, max(0, start - 40 * MAX_WORDS), start)]
    out: list[str] = []
    for w in reversed(words[1:] if start > 40 * MAX_WORDS else words):  # (the first may be cut)
        if w is None or len(out) == MAX_WORDS - 1:
            break
        out.append(w)
    return out[::-1]


@lru_cache(maxsize=4096)
def _name_ends(keys: Collection[str], key: str) -> frozenset[str]:
    """A topic's forms other than its own key: those another name may end with."""
    return frozenset(k for k in keys if k != key and k[:1].isalpha())


def words_of_a_name(words: list[str]) -> bool:
    """Whether words before a form of a topic make a name with it: each unknown to the dictionary
    ("Latin", "Melania") or a point of the compass ("North America"); not "legitimate" of "the
    legitimate Syrian government" nor "hack" of "hack America" (the scoring reads it so too)."""
    return all(w in COMPASS or not parts_of_speech(w) for w in words)


def initials_of(form: str, key: str) -> bool:
    """Whether a one-word form is the initials of the key it is shown under ("tpp" of "thermal
    power plant"): a named one ("Pregolskaya TPP") is one of the things the key names, no other
    name."""
    words = key.split(" ")
    return (
        " " not in form
        and len(words) == len(form) > 1
        and all(w[:1] == c for w, c in zip(words, form, strict=True))
    )


def other_names(counts: Mapping[str, int], keys: Collection[str], key: str) -> frozenset[str]:
    """The keys of a remark (`counts`, the extractor's, its use keys among them) that are other
    names holding a form of a topic other than its own `key`, as the scoring reads them
    (scoring._inside_other_names): ending in it, "latin america" of "america" under the United
    States, "latin american country" of "american country", "melania tarnov" of "tarnov" under
    President Tarnov, each word before it a name's (`words_of_a_name`), not a pair or a part "of"
    a name ("russia and america"), written as words apart as the remark's keys tell ("latin"
    beside "latin america"; "intra-Syrian", one word, leaves no count of "syrian" to take from),
    the form not the key's initials; or holding a one-word form before the last word, which the
    remark writes as a word of a name ("free syrian army": phrases.NAME_USE). None is a form of
    the topic or holds its key as a word. A use of the form there is that name's: not marked,
    not counted."""
    ends = _name_ends(frozenset(keys), key)
    written = [w for w in ends if counts.get(w) and not initials_of(w, key)]
    if not written:
        return frozenset()
    tails = tuple(" " + w for w in written)
    singles = {w for w in written if " " not in w}
    out = set()
    for p in counts:
        if not p[:1].isalpha() or " " not in p or p in keys:
            continue
        words = p.split(" ")
        if key in words:
            continue
        if p.endswith(tails) and NAME_LINKS.isdisjoint(words):
            for w in written:
                before = words[: -1 - w.count(" ")]
                if p.endswith(" " + w) and phrase_key(before) in counts and words_of_a_name(before):
                    out.add(p)
                    break
        if not singles.isdisjoint(words[:-1]) and counts.get(NAME_USE + words[-1], 0) > 0:
            out.add(p)
    return frozenset(out)


def _verb_before_its_object(plain: str, word: tuple[int, int, str]) -> bool:
    """Is `word` ((start, end, word) in `plain`) one the extractor reads as a verb opening its
    object, and so as no word of a phrase (phrases.candidates: "Russia reserves the right", "to
    export their products")? A word it may read as a verb as written, right before a word opening
    an object ("the", "their": phrases.OBJECT_DETERMINERS), at the end of a run of two content
    words or more or of one after no determiner, the run not opened by a preposition ("after the
    spring floods the …")."""
    start, end, w = word
    after = _TOKEN.search(plain, end)
    if after is None or after.group(1) is None or _CUE_KINDS.get(after.group(1)) != _OBJECT:
        return False  # (most mentions: one lookup)
    info = _cached_info(w)
    if info is None or not info[_VERB_AS_WRITTEN]:
        return False
    before = [m.group(1) for m in _TOKEN.finditer(plain, 0, start)]  # words, None for breaks
    i = len(before) - 1
    while i >= 0 and before[i] is not None and _cached_info(before[i]) is not None:
        i -= 1
    run = len(before) - i  # the word and the content words right before it
    cue = _CUE_KINDS.get(before[i], 0) if i >= 0 and before[i] is not None else 0
    # Opened by a preposition, through any determiners after it ("after the spring floods")?
    j = i
    while j >= 0 and before[j] is not None and _CUE_KINDS.get(before[j], 0) >= _OBJECT:
        j -= 1
    opened = j >= 0 and before[j] is not None and _CUE_KINDS.get(before[j], 0) == _PREPOSITION
    return not opened and (run > 1 or cue < _OBJECT)


def _blank(m: re.Match) -> str:
    return "," * len(m.group(0))


def _read_as_a_phrase(words: list[str]) -> bool:
    """Whether the extractor reads these words as one phrase: no word of it a small word
    (phrases.small_word: the pronoun "us" is not the US), but for the links inside a name ("of",
    "and", "the")."""
    last = len(words) - 1
    return not any(
        small_word(w) and not (0 < i < last and w.lower() in NAME_LINKS) for i, w in enumerate(words)
    )


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


def searched_forms(label: str, forms: Collection[str]) -> list[str]:
    """The phrases a search for every mention of a topic asks for: its label, then each form
    counted with it that no phrase already asked for holds ("American partners" is found by
    "American"), each with its other number where the search's stemmer does not make one of the
    other ("child" beside "children", "crises" beside "crisis"; "loan" and "loans" are one)."""
    asked: list[str] = []
    for form in [label, *forms]:
        for variant in [form, *_other_numbers(form)]:
            words = _search_words(variant)
            if words and not any(_holds(words, _search_words(a)) for a in asked):
                asked = [a for a in asked if a == label or not _holds(_search_words(a), words)]
                asked.append(variant)
    return asked


def _search_words(phrase: str) -> tuple[str, ...]:
    return tuple(plain_characters(phrase).casefold().replace("-", " ").split())


def _holds(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether `part` is a run of `words` (a phrase search for `part` finds `words`)."""
    n = len(part)
    return 0 < n <= len(words) and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _other_numbers(phrase: str) -> list[str]:
    """The phrase with its last word in the other number, where the two are not one word plus "s"
    or "es" (or "y" and "ies"), which the search's stemmer reads as one, and where English writes
    that form at all ("crises", "lives"; not "momenta" or "beeves")."""
    head, _, last = phrase.rpartition(" ")
    prefix = head + " " if head else ""
    if _ACRONYM.fullmatch(last):
        # The stemmer leaves "TPPs" as it is. An acronym's plural as the label: its singular too;
        # a singular's plural where English writes it ("PhDs", "NGOs"; "NATOs" hardly ever; not
        # of two letters, whose plural would be read as a word: "ITs", "LIs").
        if last.endswith("s"):
            return [prefix + last[:-1]]
        plural = last + "s"
        return [prefix + plural] if len(last) > 2 and zipf(plural.lower()) >= WRITTEN_ZIPF else []
    word = last.lower()
    if not word.isalpha():
        return []
    one = singular(word)
    others = {one, *_first_plural(one)} - {word}
    return [
        prefix + _like(other, last)
        for other in sorted(others)
        if not _regular_pair(word, other) and zipf(other) >= WRITTEN_ZIPF
    ]


def _first_plural(word: str) -> list[str]:
    """The dictionary's usual plural of a noun ("forums", not "fora"), none for another word."""
    if "NOUN" not in parts_of_speech(word):
        return []
    return [p.lower() for p in getInflection(word, tag="NNS")[:1]]


def _regular_pair(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es") or (short.endswith("y") and long == short[:-1] + "ies")


def _like(word: str, written: str) -> str:
    """`word` (lower case) with the capital `written` opens with."""
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def times_named(counts: Mapping[str, int], keys: Collection[str]) -> int:
    """How many times a remark names a topic, read from the extractor's counts of its phrases
    (`counts`) under the topic's key and forms (`keys`, a participle's use key among them:
    "~rolling~stock"): the forms it writes that hold no other summed ("Syria" and "Syrian",
    "United States" and "US"), since the extractor counts a form inside a longer one too
    ("President Trump" is also "Trump"); a longer form holding two of them ("United States of
    America": "United States", "America") is one mention. At least 1: a remark carries its topics.
    (A remark with `other_names` is counted from its text: `times_marked`.)"""
    present = {k for k in keys if counts.get(k)}
    if len(present) < 2:
        return max(1, counts.get(next(iter(present)), 0) if present else 1)
    holds = _forms_held(tuple(keys))
    held = {k: inside for k in present if (inside := holds[k] & present)}  # a form -> those it holds
    named = sum(counts[k] for k in present if k not in held)
    for k, parts in held.items():
        shortest = parts - held.keys()
        if len(shortest) > 1 and not any(k in others for others in held.values()):
            named -= counts[k] * (len(shortest) - 1)
    return max(1, named)


def spoken_spans(
    paragraph: str, keys: Collection[str], key: str | None = None, *, opening: bool = False
) -> list[tuple[int, int]]:
    """`mention_spans` of a paragraph's spoken words only, as the extractor reads it: none inside
    a stage direction or an editors' note (parser.inline.segments; `opening`: the paragraph opens
    its remark, where a note on what the remark answers may stand)."""
    spans = mention_spans(paragraph, keys, key)
    if not spans:
        return spans
    spoken: list[tuple[int, int]] = []
    pos = 0
    for kind, chunk in segments(paragraph, opening=opening):
        at = paragraph.find(chunk, pos)
        if at < 0:
            continue
        pos = at + len(chunk)
        if kind == TEXT:
            spoken.append((at, pos))
    return [(a, b) for a, b in spans if any(start <= a and b <= end for start, end in spoken)]


def times_marked(text: str, keys: Collection[str], key: str) -> int:
    """How many times a remark names a topic, as its page marks it (`spoken_spans` over its
    paragraphs): for a remark where a form of it may be the end of another name (`other_names`),
    which the extractor's counts do not tell apart ("Western European partner": "western european"
    and "european partner" both hold its one "European"). At least 1, as `times_named`."""
    return max(
        1, sum(len(spoken_spans(p, keys, key, opening=i == 0)) for i, p in enumerate(paragraphs(text)))
    )


@lru_cache(maxsize=4096)
def _forms_held(keys: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each of a topic's keys -> the others it holds as a run of its words ("president tarnov"
    holds "tarnov"; a participle's use key the phrase it marks)."""
    known = set(keys)
    out = {}
    for k in keys:
        runs = word_runs(_words_of_key(k))
        out[k] = frozenset(
            part for run in runs if (part := phrase_key(run.split(" "))) != k and part in known
        )
    return out


def _words_of_key(key: str) -> list[str]:
    """A key's words, a participle's use key read as the phrase it marks ("~rolling~stock")."""
    return key.replace(PARTICIPLE, " ").split()
