"""Which candidate phrases are subjects, and which are one subject under several names.

Candidates (phrases.py) are cut from the text without a tagger, so some are words rather than
subjects: verbs and adverbs ("congratulate", "abide", "ahead"), fragments of titles ("deputy
prime") and names of people. And one subject comes under several names: "President Trump",
"Mr Trump" and "Donald Trump". These rules decide on the keys of the whole archive at once,
before scoring, so every remark, profile and meeting sees the same topics.

Pure: lemminflect and wordfreq ship their data inside the packages (nothing is downloaded).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import lru_cache

from lemminflect import getLemma
from wordfreq import word_frequency, zipf_frequency

from meetings.core.parser.given_names import begins_a_name
from meetings.core.parser.names import name_tokens

from .phrases import (
    ADJECTIVES,
    ALIAS,
    ARTICLE_USE,
    CAPITAL_USE,
    FIGURE_WORDS,
    GENERIC,
    GENERIC_PHRASES,
    ING_ED_NOUNS,
    NAME_LINKS,
    NOUN_USE,
    NUMBER_WORDS,
    PARTICIPLE,
    QUALIFIER_USE,
    TWO_LETTER_NAMES,
    USE_KEYS,
    VERB_USE,
    not_a_noun,
    only_a_verb,
    phrase_key,
    word_runs,
)
from .phrases import parts_of_speech as _pos

# Words of offices and forms of address: a phrase made only of them is a title ("deputy prime"),
# one that starts with them and ends with a name is the person ("President Trump").
TITLE_WORDS = frozenset(
    """
president vice deputy prime minister ministers governor mayor chairman chairwoman chair head
director secretary general ambassador chancellor king queen prince princess emir sheikh patriarch
mr mrs ms dr professor senator commissioner colonel speaker premier first acting former
his her excellency majesty highness holiness mister madam sir lord lady comrade supreme commander
chief envoy ombudsman executive presidential
""".split()
)
# Offices: a phrase that ends with one names whoever holds it ("Russian President", "Moscow mayor",
# "State Duma speaker"), not what anyone spoke of.
OFFICE_WORDS = frozenset(
    """
president minister ministers governor mayor chairman chairwoman chair head director secretary general
ambassador chancellor king queen prince princess emir sheikh patriarch senator commissioner colonel
speaker premier commander chief deputy envoy ombudsman
""".split()
)
# Words a hyphenated title holds ("commander-in-chief", "editor-in-chief"): they keep a run of title
# words a title.
TITLE_JOINERS = frozenset("in of the and".split())
# Titles that go before a person's surname ("President Trump", "Chancellor Merkel").
ADDRESS_WORDS = frozenset(
    """
president minister governor mayor chancellor king queen prince princess emir sheikh patriarch mr
mrs ms dr professor senator premier mister madam excellency holiness chairman chairwoman secretary
ambassador
""".split()
)
# A word this frequent in general English (Zipf scale: 5 = once in 100,000 words), alone, says
# little about what someone raised ("mind", "head", "power"): its weight on a profile is lowered,
# the more the more common it is. Measured by wordfreq over general English, so the reference
# holds for a person who is most of the archive (against whom "the rest of the archive" is little).
COMMON_ZIPF = 5.0
VAGUE_HEAD_ZIPF = 4.5  # a word this common after a grading adjective names no subject
SURNAME_ZIPF = 5.0  # a word after a title is a surname unless it is commoner than this


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


# A one-word topic of a person or a meeting must be used this many times more often there than in
# general English (wordfreq): "chance" or "forward" twice in a meeting is how people talk, "grain"
# twice is what they talk about. The reference is the same for everyone, so it holds for a person
# who is most of the archive, against whom the rest of the archive is no reference.
MIN_RATIO_ENGLISH = 5.0


@lru_cache(maxsize=65536)
def english_frequency(key: str) -> float:
    """How often a one-word key occurs in general English (a share of all words); 0 for a phrase
    or a word wordfreq does not know (names, rare terms: no reference, no test)."""
    if " " in key:
        return 0.0
    return word_frequency(key, "en")


def distinct_from_english(key: str, uses: int, words: int, min_uses: int = 1) -> bool:
    """Is a key used `uses` times in `words` words distinctive against general English? (A word
    wordfreq does not know, and any phrase, is.)"""
    en = english_frequency(key)
    # `min_uses`: once is little evidence for an English word (in a short text any noun is
    # "distinctive"); a meeting's list asks for two, a person's does not (the labelled seed
    # speakers often said what they raised once).
    return not en or (uses >= min_uses and uses / max(1, words) >= MIN_RATIO_ENGLISH * en)


# Adjectives that grade what they qualify rather than name a kind of it: "special attention",
# "recent years", "real problem" are ways of speaking; "small business" or "key rate" are subjects.
GRADING_ADJECTIVES = frozenset(
    """special recent different real certain major various several particular current previous past
    whole same other own necessary possible serious significant important huge enormous actual
    better overwhelming entire"""
    # Words that only praise or judge what follows ("tremendous responsibility", "positive
    # dynamics", "busy schedule", "fruitful cooperation"): none also makes a term, as "great"
    # ("Great Patriotic War", "Great Britain"), "high" ("high technology") or "main" do.
    """ tremendous wonderful excellent remarkable magnificent splendid marvellous marvelous fantastic
    superb terrific brilliant impressive exceptional extraordinary incredible amazing considerable
    substantial notable tangible immense colossal vast profound positive negative busy heroic unique
    constructive fruitful productive successful interesting beautiful dear utmost memorable energetic
    optimal competent paramount ambitious intelligent businesslike warm warmest ultimate constant"""
    # ... or say how many, which or how well suited of it ("numerous occasions", "relevant
    # agencies", "respective regions", "drastic changes", "appropriate conclusions"), or rank it by
    # size ("biggest investors", "highest state decorations"; not "best": "best practices").
    """ numerous relevant respective corresponding appropriate adequate proper drastic continuous
    influential biggest largest highest greatest smallest lowest""".split()
)
# A phrase that opens with one names no subject of its own ("different legal realities", "certain
# elements", "particular citizens"): the words after it are a candidate themselves. Except "real",
# which also names a kind ("real wages").
OPENING_GRADES = GRADING_ADJECTIVES - {"real"}
# Compound adjectives (hyphenated, read as words: "long-term" is "long term") that only say how
# long, how large or how well of what follows ("long-term programme", "large-scale effort",
# "in-depth discussion") or of nothing ("up-to-date", "one-on-one"): like GRADING_ADJECTIVES, what
# follows them is the candidate. "Long-range aviation" and "medium-sized businesses" name kinds.
GRADING_COMPOUNDS = (
    "long term",
    "short term",
    "medium term",
    "mid term",
    "cutting edge",
    "business like",
    "large scale",
    "full scale",
    "well deserved",
    "well thought out",
    "thought out",
    "top priority",
    "in depth",
    "up to date",
    "one on one",
    "one of a kind",
    "state of the art",
    "well known",
    "all time",
    "all round",
)
# Each compound's words, under its first word (_opens_with_compound reads a phrase once).
_COMPOUNDS_BY_FIRST_WORD: dict[str, list[list[str]]] = {
    first: [c.split(" ") for c in GRADING_COMPOUNDS if c.split(" ")[0] == first]
    for first in {c.split(" ")[0] for c in GRADING_COMPOUNDS}
}
# Before a common word these only grade it ("good sign", "good relations", "real problem"); before
# a rarer one they may name a kind ("good harvest", "good governance", "real wages"). Not in
# GRADING_ADJECTIVES: "goods" is a noun ("consumer goods").
KIND_GRADES = frozenset({"good"})
# Before a title they only date its holder: "new prime minister", "former governor".
DATING_ADJECTIVES = frozenset("new former future next previous current last".split())


# Words that are no subject alone, whatever the archive: units of measure, of time and currencies
# (what a figure counts: "tonnes", "rubles", "hours", the "cent" of "per cent"), shell nouns (the
# kind of thing, not what it is about: "the programme", "the project", "the facility") and nouns of
# quantity ("factor", "figure", "rate"). In a phrase they stay ("investment programme", "interest
# rate"); alone they fill a profile's list.
UNITS = frozenset(
    """ruble rouble dollar euro yuan cent tonne ton centner kilometre kilometer metre meter hectare
    litre liter kilogram gallon barrel megawatt kilowatt gigawatt hour minute""".split()
)
# Words that only measure a unit ("cubic metres", "metric tonnes"); with a number the same
# ("three-year"). Units of time, besides UNITS, that GENERIC keeps out alone.
MEASURES = frozenset("cubic square metric".split()) | NUMBER_WORDS
TIME_UNITS = frozenset("year month week day".split())
# The months: when, not what ("in January"); "September elections" is a subject.
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
# A body or a document of any kind: which commission, which agreement is the subject.
BODY_KINDS = frozenset("commission committee agreement".split())
SHELL_NOUNS = BODY_KINDS | frozenset(
    """programme project facility enterprise delegation organisation sector unit product production
    document authority department participant initiative implementation accordance request
    invitation conversation representative ministry federation republic corporation company
    institution agency""".split()
)
QUANTITY_NOUNS = frozenset("factor figure activity rate amount pace dynamics indicator range".split())
# The occasion rather than what was said at it: "the forum", "the summit", "the visit"; how it is
# held ("the studio", "our panel", "viewers" of a broadcast).
OCCASION_NOUNS = frozenset(
    "forum summit visit talk ceremony event congress plenary studio panel broadcast viewer audience".split()
)
# ... and the words for any occasion: a phrase of these and of OCCASION_NOUNS alone ("summit
# meeting", "roundtable discussion", "plenary session") names the occasion, no subject.
MEETING_WORDS = frozenset("meeting discussion session roundtable".split())
# The last word of a body's occasion ("Security Council meeting", "autumn session": variants).
OCCASION_HEADS = frozenset("meeting session".split())
# How parties stand to each other, whoever they are: alone, no subject ("cooperation", "relations",
# "friendship" fill a foreign leader's list); with what the relation is in or between ("energy
# cooperation", "Russian-Chinese relations") a phrase still names one.
RELATION_NOUNS = frozenset(
    "cooperation relation relationship friendship dialogue partnership tie interaction contact".split()
)
# Words that say only that a relation runs between the parties present ("bilateral relations",
# "good bilateral relations", "bilateral interstate ties"): with them alone a relation noun still
# names no subject. Readers of people's and of meetings' lists called every such phrase generic;
# "strategic partnership" and "practical cooperation" they judged both ways, so they stay.
BETWEEN_THE_PARTIES = frozenset("bilateral interstate mutual".split())
# What parties feel for or share with each other: after BETWEEN_THE_PARTIES alone, a formula of
# goodwill ("mutual respect", "mutual trust", "mutual benefit"), which readers of meetings' lists
# judged generic every time; alone or qualified otherwise ("social benefits") it may name one.
STANDING_NOUNS = frozenset("respect trust interest benefit understanding".split())
# The kind of place, not which: "the regions", "the territory", "the centre" (of any training,
# research or cancer centre) fill the lists of everyone who governs or runs one; "Zelvan Region",
# "federal district", "training centre" name one (the place counterpart of SHELL_NOUNS).
PLACE_KINDS = frozenset("region territory district centre".split())
# The kinds of place and body are weighed as words all the same (scoring.KIND_USE), so that a
# person who says one nearly always as one place or body of theirs ("Stavropol Territory", "the
# constitutional committee") has that phrase at the word's rank (scoring._heads_as_phrases).
HEAD_KINDS = PLACE_KINDS | BODY_KINDS
# What a ceremony praises or feels ("the courage of our soldiers", "their glory", "with love",
# "good deeds"): readers judged them alone generic on meetings' lists and profiles (of the 17 such
# labels this rule took off, a majority of three readers called 16 generic and 1 passing). In a
# name they stay ("Order of Courage", "labour glory"). Not "Fatherland" or "Motherland", which the
# same readers called the country, named in passing, and twice a speech's subject.
SENTIMENT_NOUNS = frozenset("courage glory feat heroism valour bravery kindness love soul deed".split())
# How things go or what they rest on, said of any subject ("the development of the region", "steady
# progress", "a solid foundation", "new impetus", "peace and prosperity"): alone, no subject; in a
# phrase they may name one ("sustainable development"). Not "stability", which readers called a
# leader's subject as often as not ("stability in the region", "oil market stability").
COURSE_NOUNS = frozenset(
    "development progress potential foundation contribution impetus momentum headway boost prosperity".split()
)
NOT_ALONE = (
    UNITS
    | SHELL_NOUNS
    | QUANTITY_NOUNS
    | OCCASION_NOUNS
    | MONTHS
    | RELATION_NOUNS
    | PLACE_KINDS
    | SENTIMENT_NOUNS
    | COURSE_NOUNS
)


# Nouns of what is said about any subject (its level, its issues, the next step, a good
# opportunity, our dear friend): after adjectives alone ("high level", "key issue", "right
# direction", "difficult economic situation") they name no subject. Words of the meeting itself
# (phrases.GENERIC) that do name one with an adjective ("financial system", "social sphere",
# "public support") are not here.
VAGUE_NOUNS = frozenset(
    """issue question problem matter thing way time point level area side place result situation
    opportunity attention step stage task decision idea view goal priority direction position option
    possibility condition aspect detail sense reason purpose friend colleague partner success effort
    plan job moment period news event meeting conversation course approach understanding factor kind
    type agenda challenge country range prospect remark significance importance part reception
    schedule number amount date outcome case interest""".split()
)
# Words that say how much or which of a vague noun, not what kind ("the entire range", "opening
# remarks"), besides the extractor's adjectives and the comparatives and superlatives of any.
VAGUE_QUALIFIERS = (
    ADJECTIVES
    | GRADING_ADJECTIVES
    | DATING_ADJECTIVES
    | frozenset("wide broad opening concluding closing".split())
    | BETWEEN_THE_PARTIES  # "bilateral issues", "bilateral agenda": of any two parties
)

# What is said to people, however it is qualified ("warmest greetings", "sincere gratitude"), and
# what a guest thanks the hosts for ("the warm hospitality": 23 of the dev archive's 25 uses).
COURTESY_NOUNS = frozenset(
    """greeting gratitude congratulation congratulations wish thanks regard condolence appreciation
    hospitality""".split()
)


def is_subject(key: str, nouns: Collection[str] = ()) -> bool:
    """Can a phrase key be a topic at all? Not if it ends with a word that is never a noun
    ("state announces", "abide"), if it is a unit, a shell noun, a quantity or a vague noun alone
    (NOT_ALONE, VAGUE_NOUNS: "importance", "prospects"),
    if it is adjectives before a vague noun ("high level", VAGUE_NOUNS) or ends with a courtesy,
    if it is a unit with its measure ("cubic metre", "three year"),
    if it opens with a grading adjective ("certain elements"), if it is only words of titles ("deputy prime"), if it is a
    grading adjective before a common word or a title ("special attention", "new prime minister"),
    or a given name alone ("donald"). `nouns`: words the archive uses as nouns whatever the
    dictionary says (named_words)."""
    words = key.split(" ")
    if (not_a_noun(words[-1]) and words[-1] not in nouns) or key in NOT_ALONE or key in VAGUE_NOUNS:
        return False
    if key == "st":  # of a name ("St Petersburg"), never alone
        return False
    if _opens_with_compound(words):
        return False
    if (
        (words[-1] in RELATION_NOUNS or words[-1] in STANDING_NOUNS)
        and any(w in BETWEEN_THE_PARTIES for w in words[:-1])
        and all(w in BETWEEN_THE_PARTIES or _vague_qualifier(w) for w in words[:-1])
    ):
        return False  # "bilateral relations", "good bilateral relations", "mutual respect"
    if all(w in NUMBER_WORDS for w in words):
        return False  # "one-fourth", "one-tenth": a share of whatever it is
    if len(words) > 1 and all(w in OCCASION_NOUNS or w in MEETING_WORDS for w in words):
        return False  # "summit meeting", "roundtable discussion": the occasion, told twice
    if len(words) > 1 and words[-1] in OFFICE_WORDS:
        return False  # "Moscow mayor"
    if "of" in words and words[words.index("of") - 1] in OFFICE_WORDS:
        return False  # "President of Turkey", "Federal Chancellor of Austria"
    if len(words) > 1 and words[-1] in VAGUE_NOUNS and all(_vague_qualifier(w) for w in words[:-1]):
        return False
    if len(words) > 1 and words[-1] in SHELL_NOUNS and all(w in DATING_ADJECTIVES for w in words[:-1]):
        return False  # "new project", "former company"
    if (words[-1] in UNITS or words[-1] in TIME_UNITS) and all(w in MEASURES for w in words[:-1]):
        return False
    if words[-1] in COURTESY_NOUNS or _greeting(words):
        return False
    if len(words) == 1 and begins_a_name(words[0]) and zipf(words[0]) < VAGUE_HEAD_ZIPF:
        return False  # a first name alone; "bill" or "mark", common words too, stay
    if len(words) > 1 and (words[0] in OPENING_GRADES or words[0] in FIGURE_WORDS):
        return False
    graded = [w for w in words if w not in GRADING_ADJECTIVES]
    if len(words) == 2 and words[0] in KIND_GRADES:
        graded = words[1:]
    if len(graded) == 1 < len(words) and (zipf(graded[0]) >= VAGUE_HEAD_ZIPF or graded[0] in NOT_ALONE):
        return False
    dated = [w for w in words if w not in DATING_ADJECTIVES and w not in GRADING_ADJECTIVES]
    if dated and len(dated) < len(words) and all(w in TITLE_WORDS for w in dated):
        return False
    return not all(
        w in TITLE_WORDS or (w in TITLE_JOINERS and 0 < i < len(words) - 1) for i, w in enumerate(words)
    )


# Prefixes a hyphen sets apart that the dictionary knows as verbs ("inter-parliamentary").
VERB_LIKE_PREFIXES = frozenset({"inter"})


def _present_verb_lemma(word: str) -> str | None:
    """The verb's lemma of a word the dictionary knows only as a verb, in its base or third-person
    form ("restore", "creates" -> "create"); None for any other word, a participle among them
    ("rolling stock", "proven reserves", "fighting terrorism")."""
    if word in VERB_LIKE_PREFIXES or not only_a_verb(word):
        return None
    lemma = getLemma(word, upos="VERB")[0]
    return lemma if word in (lemma, lemma + "s", lemma + "es") else None


def _opens_with_compound(words: list[str]) -> bool:
    """Does the phrase open with one of GRADING_COMPOUNDS, after words that only date or grade
    ("new up-to-date")?"""
    for i, w in enumerate(words):
        for parts in _COMPOUNDS_BY_FIRST_WORD.get(w, ()):
            if words[i : i + len(parts)] == parts:
                return True
        if w not in DATING_ADJECTIVES and w not in GRADING_ADJECTIVES:
            return False
    return False


def _greeting(words: list[str]) -> bool:
    """A greeting or courtesy of the meeting (phrases.GENERIC_PHRASES) and then only words of the
    meeting: "good afternoon colleague", "good morning friend"."""
    return any(
        " ".join(words[:i]) in GENERIC_PHRASES and all(w in GENERIC for w in words[i:])
        for i in range(2, len(words))
    )


def _vague_qualifier(word: str) -> bool:
    if word in VAGUE_QUALIFIERS:
        return True
    # A comparative or superlative ("highest", "wider"): the dictionary's adjective lemma differs.
    return word.endswith(("est", "er")) and "ADJ" in _pos(word) and getLemma(word, upos="ADJ")[:1] != (word,)


def common_weight(key: str) -> float:
    """The factor a one-word topic's profile score takes for being frequent in general English:
    1 below COMMON_ZIPF, down to 0.25 for the commonest nouns ("time", "way" are GENERIC anyway)."""
    if " " in key:
        return 1.0
    z = zipf(key)
    if z <= COMMON_ZIPF:
        return 1.0
    return max(0.25, 1.0 - (z - COMMON_ZIPF) / 1.0)


def name_keys(names: Iterable[str]) -> set[str]:
    """The phrase keys that are people of the archive: full name, surname, first name and surname,
    and the first two names of a longer name ("tatyana alexeyevna golikova", "golikova", "tatyana
    golikova", "tatyana alexeyevna") and the surname with its particles, read as phrase keys are
    (a hyphen is a space, the last word singular): "Bashar al-Assad" is "bashar al assad", "al
    assad" and "assad"."""
    return {key for n in names for key in _name_forms(n)}


def full_name_keys(names: Iterable[str]) -> set[str]:
    """The full names of people of the archive as phrase keys, those of two words or more."""
    return {full for n in names if " " in (full := _name_forms(n)[0])}


@lru_cache(maxsize=65536)
def _name_forms(name: str) -> tuple[str, ...]:
    """A name's keys (see name_keys), the full name first; () for a name without letters."""
    toks = [p for t in name_tokens(name) for p in t.split("-") if p]
    if not toks:
        return ()
    forms = [" ".join(toks), phrase_key(toks)]
    if len(toks[-1]) > 2:
        forms += [toks[-1], phrase_key(toks[-1:])]
    if len(toks) > 2:
        forms += [f"{toks[0]} {toks[-1]}", phrase_key([toks[0], toks[-1]]), f"{toks[0]} {toks[1]}"]
        if len(toks[-2]) <= 3:  # the surname with its particles: "al assad", "van der bellen"
            at = -3 if len(toks) > 3 and len(toks[-3]) <= 3 else -2
            forms.append(phrase_key(toks[at:]))
    return tuple(dict.fromkeys(forms))


def _strip_address(words: list[str]) -> list[str]:
    """ "president trump" -> ["trump"], "deputy prime minister golikova" -> ["golikova"],
    "turkish president recep tayyip" -> ["recep", "tayyip"]: titles (after at most one word, a
    country's adjective) before one to three words that are not common nouns (a name), else the
    words unchanged."""
    start = (
        1
        if len(words) > 2
        and words[0] not in TITLE_WORDS
        and words[1] in ADDRESS_WORDS
        and not only_a_verb(words[0])  # "involve President Trump"
        else 0
    )
    i = start
    while i < len(words) and words[i] in TITLE_WORDS:
        i += 1
    rest = words[i:]
    if (
        start < i < len(words)
        and any(w in ADDRESS_WORDS for w in words[start:i])
        and len(rest) <= 3
        and not any(w in ADJECTIVES or w in GENERIC for w in rest)
        and zipf(rest[-1]) < SURNAME_ZIPF
    ):
        return rest
    return words


# A word after a title that this many other words (neither titles nor given names) stand
# before, in two-word keys, is a common noun ("prize": "Nobel", "top", "monetary").
COMMON_NOUN_MODIFIERS = 2


def _common_nouns(uses: Mapping[str, int], words: set[str]) -> set[str]:
    """Those of `words` (met after a title) that COMMON_NOUN_MODIFIERS or more other words stand
    before in two-word keys: a surname follows titles and given names ("president trump",
    "donald trump"), a common noun all kinds of words ("nobel prize", "top prize")."""
    if not words:
        return set()
    before: dict[str, set[str]] = {}
    for key in uses:
        first, _, last = key.partition(" ")
        if last in words and first not in TITLE_WORDS and not begins_a_name(first):
            before.setdefault(last, set()).add(first)
    return {w for w, firsts in before.items() if len(firsts) >= COMMON_NOUN_MODIFIERS}


# A word after a title that this many remarks, and this share of those carrying it, write
# capitalised right after "the" at the end of its phrase (phrases.ARTICLE_USE: "to the Moon.") is
# a thing or a place, not the surname the title stood before ("President Moon"). Two remarks at
# least: one is a slip or a headline's "the".
ARTICLE_MIN_REMARKS = 2
ARTICLE_SHARE = 0.1


def _written_with_the_article(word: str, remarks: Mapping[str, int]) -> bool:
    """Does the archive write `word` as a thing, after "the" (ARTICLE_MIN_REMARKS, ARTICLE_SHARE)?"""
    n = remarks.get(ARTICLE_USE + word, 0)
    return n >= max(ARTICLE_MIN_REMARKS, ARTICLE_SHARE * remarks.get(word, 0))


def _ends_with_one_of(words: list[str], full_names: set[str]) -> bool:
    """Do the last two or more words make one of the full names ("larkspuria arvo lindqvist",
    from "the President of Larkspuria Arvo Lindqvist")?"""
    return any(" ".join(words[i:]) in full_names for i in range(len(words) - 1))


def _can_be_given_name(word: str, uses: Mapping[str, int], phrase: str) -> bool:
    """Can a word before a surname (`phrase`: the two) be that person's first name: a given name
    of the list, a word the dictionary does not know ("Petro"), or a noun the archive (almost) only
    says there ("Jack", "Mike": carried alone by no more remarks than the phrase)? Not a verb, an
    adjective or an adverb ("recognise Bush", "near moon"), nor a common noun said alone ("fruit
    bush")."""
    if begins_a_name(word):
        return True
    pos = _pos(word)
    if not pos:
        return True
    if pos == {"VERB"} or "ADJ" in pos or "ADV" in pos:
        return False
    return uses.get(word, 0) <= uses.get(phrase, 0)


def _first_name_too(key: str, uses: Mapping[str, int], out: dict[str, str | None]) -> None:
    """ "donald trump" dropped or merged: "donald" alone, used (almost) only there, is the same
    person's first name, not a topic."""
    words = key.split(" ")
    if len(words) == 2 and words[0] in uses and uses[words[0]] <= 1.25 * uses[key]:
        out[words[0]] = None


def variants(
    uses: Mapping[str, int],
    names: Iterable[str] = (),
    occurrences: Mapping[str, int] | None = None,
    parted: dict[str, list[str]] | None = None,
) -> dict[str, str | None]:
    """key -> the key it is shown under, or None (not a subject: a person of the archive, a verb, a
    title). Only keys that change are in the map.

    - Titles before a name go ("President Trump", "Mr Trump" -> "trump").
    - A first name before a surname met after a title goes too ("Donald Trump" -> "trump"), so
      one person not in the archive is one topic.
    - A person of the archive (any of `names`) is not a topic at all, with or without title.
    - Of the forms left together, the one used most is the key (ties: the shorter, then A-Z).
    - An acronym and the name a remark spelled it out as (an ALIAS key, "eaeu=eurasian economic
      union", from phrases.acronym_aliases) are one topic.
    - A phrase written with a hyphen, a space or as one word is one topic ("roadmap", "road map").
    - A word the archive uses (almost) only before another word of a phrase is no topic alone
      (`modifiers`, judged on `occurrences`, the keys' uses over the archive, when given), nor is
      one most remarks carrying it use as a verb (`verbs`, judged on `uses`).
    - A word after a title that the archive writes after "the" is a thing ("President Moon", "the
      Moon"): the title's forms are one topic, the word another; `parted`, when given, is
      filled with each such word and its title's forms (a title's form also counts as the word),
      and with the words after a short form a long one is shown as ("infection" of "coronavirus
      infection" shown as "coronavirus", "game" of "Olympic Games") and those long forms.
    Singular and plural and case are already one key (phrases.singular, lower case)."""
    names = list(names)
    people = name_keys(names)
    full_names = full_name_keys(names)
    out: dict[str, str | None] = {}
    stripped: dict[str, str] = {}
    surnames: set[str] = set()
    aliases = [key for key in uses if ALIAS in key]
    for key in aliases:
        out[key] = None  # a statement about two keys, never a topic
    nouns = named_words(uses)
    for key in uses:
        if key in out:
            continue
        # Nor is a count of uses.
        if key.startswith(USE_KEYS) or not is_subject(key, nouns):
            out[key] = None
            continue
        words = key.split(" ")
        rest = _strip_address(words)
        if len(rest) < len(words):
            stripped[key] = " ".join(rest)
            if len(rest) == 1:
                surnames.add(rest[0])
    # A word no dictionary knows after a given name of the list is a surname ("Sergei Skripal"):
    # its case is that person's ("the Skripal case", below). The first name and the surname said
    # alone are not merged for it: the surname alone may be anyone's ("Lebedev" the boxer,
    # "Vyacheslav Lebedev" the judge).
    after_given_names = {
        last
        for first, _, last in (key.partition(" ") for key in uses)
        if last and " " not in last and begins_a_name(first) and not _pos(last)
    }
    # A word many other words stand before is a common noun, not a surname after a title:
    # "patriarch prize" beside "Nobel prize", "top prize".
    nouns_after_titles = _common_nouns(
        uses, {w for w in surnames if w not in people and not begins_a_name(w)}
    )
    surnames -= nouns_after_titles
    # A word the archive writes after "the" is a thing or a place, not the surname a title stood
    # before: "President Moon" and "the Moon" stay two topics (_written_with_the_article).
    things = {w for w in surnames if _written_with_the_article(w, uses)}
    groups: dict[str, list[str]] = {}
    for key in uses:
        if key in out:
            continue
        base = stripped.get(key, key)
        words = base.split(" ")
        if (
            len(words) == 2
            and words[1] in surnames
            and words[0] not in ADJECTIVES
            and words[0] not in GENERIC
            and (
                _can_be_given_name(words[0], uses, base) or begins_a_name(words[1]) or words[0] in TITLE_WORDS
            )
        ):
            base = words[1]  # "donald trump": the surname of someone addressed by title
        elif len(words) == 2 and words[1] in surnames and only_a_verb(words[0]):
            out[key] = None  # "criticise Trump": what is done to a person, no subject
            continue
        if base in people or key in people or _ends_with_one_of(words, full_names):
            out[key] = None
            _first_name_too(key, uses, out)
            continue
        if base in nouns_after_titles:
            continue  # "patriarch prize" stays as it is
        if key in stripped and base in out and out[base] is None:
            out[key] = None  # a title before no subject ("minister sergei": a given name alone)
            continue
        if base != key:
            _first_name_too(key, uses, out)
        if base != key or (base in surnames and base not in things):
            groups.setdefault(base, []).append(key)
    # "The Skripal case": the matter of the person (or family) it names, one topic with the
    # surname said alone ("coronavirus cases" are no person's).
    for key in uses:
        name, _, head = key.rpartition(" ")
        if (
            head in MATTER_NOUNS
            and (name in surnames or name in after_given_names)
            and key not in out
            and name not in out
        ):
            groups.setdefault(name, []).append(key)
    for base, members in groups.items():
        if base in things:
            if parted is not None:
                parted[base] = members
        elif base in uses and base not in members:
            members.append(base)
        _under_commonest(members, uses, out)
    _merge_acronyms(aliases, uses, out, parted)
    # A plural in -ics (the singular rule keeps it: "physics") and its singular are one subject
    # ("Olympics", "Olympic"), under the form more remarks use.
    for key in uses:
        stem = key[:-1]
        if key.endswith("ics") and stem in uses and key not in out and stem not in out:
            _under_commonest((key, stem), uses, out)
    # A place's adjective alone ("Syrian", "Crimean", "Ukrainian") is the place: the subject a
    # reader names. Phrases keep theirs ("Crimean bridge").
    # So is its people ("the Chinese people", "our Turkish partners"): how a nation is praised or
    # addressed, which readers of meetings' lists judged no subject of its own (NATION_NOUNS).
    # The people of a place the archive's words never name as a subject (GENERIC: "Russia", where
    # the archive is) are no subject either: "the Russian people", "our Russian partners".
    for key in uses:
        demonym, _, head = key.partition(" ")
        if (not head or head in NATION_NOUNS) and key not in out:
            if head and demonym in TWO_LETTER_NAMES and demonym in uses:
                out[key] = demonym  # "our US partners": the country, shown under its name below
            elif place := place_of(demonym, uses):
                out[key] = out.get(place, place)
            elif head and place_of(demonym, GENERIC):
                out[key] = None
    adjective = adjectives(uses) - nouns  # ("Arctic" is a name here)
    named = participle_names(uses, occurrences if occurrences is not None else uses, adjective)
    for key, phrase in named.items():
        out[key] = out.get(phrase, phrase)  # "~rolling~stock" is the subject "rolling stock"
    verb = verbs(uses)
    # The verbs of the archive and the words its remarks use as verbs at least once ("problems that
    # require …" after "will require"), not written as a name's last word ("Shanghai"): a word only
    # ever a verb among them opens no subject.
    said_as_verbs = verb | ({k[len(VERB_USE) :] for k in uses if k.startswith(VERB_USE)} - nouns)
    # Phrases ending with an adjective of the archive ("agro-industrial") or opening with a verb of
    # it before an adjective or words of the meeting ("produce results").
    not_subjects = []
    pairs: dict[str, int] = {}  # part with "and" of a pair -> remarks of the pair
    continued = _name_heads(uses)
    divided = _divided_places(uses)
    own = _own_places(uses)
    for key in uses:
        if " " not in key:
            continue
        words = key.split(" ")
        if (adjective and words[-1] in adjective) or (
            verb and _verb_phrase(words, verb, adjective, said_as_verbs)
        ):
            not_subjects.append(key)
        if key in out:
            continue
        if " and " in key and not _one_name(key, uses):
            out[key] = None  # "Russia and China": two subjects named together
            for part in _and_parts(key):
                pairs[part] = max(pairs.get(part, 0), uses[key])
        elif " of " in key:
            if _cut_name(key, uses, continued):
                out[key] = None  # "Day of National" of "Day of National Unity"
            else:
                _name_with_of(key, uses, out, divided, own)
    for part, n in pairs.items():
        if part in uses and part not in out and n >= NAME_SHARE * uses[part]:
            out[part] = None  # "Civil Society and Human" of "Civil Society and Human Rights"
    targets = set(out.values())
    dropped = verb | adjective | (modifiers(occurrences) if occurrences is not None else set())
    dropped.update(not_subjects)
    if occurrences is not None:
        dropped.update(_compass_in_names(occurrences))
    for key in dropped:
        if key not in out and key not in targets:
            out[key] = None
    for key in uses:
        if " " not in key or key in out:
            continue
        words = key.split(" ")
        # One topic under the short form: "Russian Armed Forces", "coronavirus infection", "BRICS
        # countries", "Olympic Games"; not where the short form is no subject itself
        # ("anti-doping" of "Russian Anti-Doping Agency").
        institution = _of_own_adjective(words, uses, own)
        opening = None
        if institution is None:
            opening = _disease_of(words, uses) or _group_of(words, uses) or _games_of(words, uses)
        short = institution or opening
        if short is not None and out.get(short, short) is not None:
            out[key] = out.get(short, short)
            if opening is not None and parted is not None:
                # The words after it ("infection", "member state") are no topic of its remarks.
                for piece in word_runs(words[opening.count(" ") + 1 :]):
                    parted.setdefault(piece, []).append(key)
    # A place of several words and its adjective ("North Korean"), both still subjects; a state's
    # formal name, its adjective before a state form ("Syrian Arab Republic"), is the state.
    for key in uses:
        if " " not in key or key in out:
            continue
        words = key.split(" ")
        if (
            not NAME_LINKS.intersection(words)
            and (place := place_of(key, uses)) is not None
            and place not in out
        ):
            out[key] = place
        elif (
            words[-1] in STATE_FORMS
            and FORMAL_WORDS.issuperset(words[1:-1])
            and (place := place_of(words[0], uses)) is not None
        ):
            out[key] = out.get(place, place)
    _merge_country_names(uses, out)
    _merge_two_letter_names(uses, out)
    # The meeting of a body, or a session of it, is the occasion ("Security Council meeting",
    # "autumn session"): the body, said in the same words, is counted as itself.
    for key in uses:
        body, _, head = key.rpartition(" ")
        if head in OCCASION_HEADS and body in uses and key not in out:
            out[key] = None
    _merge_spellings(uses, out)
    _resolve_chains(out)
    return out


def _commonest(keys: Collection[str], uses: Mapping[str, int]) -> str:
    """The key more remarks use; on a tie the shorter, then the first A-Z."""
    return min(keys, key=lambda k: (-uses.get(k, 0), len(k), k))


def _under_commonest(keys: Collection[str], uses: Mapping[str, int], out: dict[str, str | None]) -> None:
    """Each of `keys` shown under the commonest of them (_commonest): one topic."""
    best = _commonest(keys, uses)
    for k in keys:
        if k != best:
            out[k] = best


def _resolve_chains(out: dict[str, str | None]) -> None:
    """Every key to a key shown as itself, or None: a key shown under one that is itself shown
    under another, or dropped ("duma sergei" under the given name "sergei", no subject), follows
    it (canonical_turns looks a key up once)."""
    for key, target in out.items():
        hops = 0
        while target is not None and target in out and hops < 8:
            target = out[target]
            hops += 1
        out[key] = target


# American spellings and the British ones the archive mostly writes: -ize/-ization, -yze, -er
# and -or of a closed list of words, -se of "defense", "program", -og ("catalog").
_AMERICAN = re.compile(
    r"(?P<a>[a-z]{2})iz(?=e|es|ed|ing|ation|er)|(?P<b>[a-z]{2})yz(?=e|ed|ing|ation)"
    r"|\b(?P<c>cent|theat|met|lit|fib)er\b"
    r"|\b(?P<d>lab|hon|col|harb|behavi|neighb|fav|flav|hum|rum|vig|endeav|arm|rig|vap|parl)or\b"
    r"|\b(?P<e>defen|offen|licen|preten)se\b|\b(?P<f>program)\b|\b(?P<g>catal|anal|dial)og\b"
)
_AMERICAN_HINT = re.compile(r"[iy]z|(?:er|or|se|og|am)\b")  # what every match holds, found faster
_BRITISH = {"a": "is", "b": "ys", "c": "re", "d": "our", "e": "ce", "f": "me", "g": "ogue"}


def _british(m: re.Match) -> str:
    group = m.lastgroup or ""
    return m.group(group) + _BRITISH[group]


def british_spelling(key: str) -> str:
    """A key in British spelling ("privatization" -> "privatisation", "defense" -> "defence",
    "labor market" -> "labour market", "program" -> "programme"); other keys as they are."""
    return _AMERICAN.sub(_british, key) if _AMERICAN_HINT.search(key) else key


def _merge_spellings(remarks: Mapping[str, int], out: dict[str, str | None]) -> None:
    """A phrase written with a hyphen, a space or as one word ("inter-regional cooperation",
    "interregional cooperation"; "road map", "roadmap"), with "Saint" or "St", in American and
    British spelling ("privatization", "privatisation"), or with the qualifiers of its last word in
    another order ("Russian-Chinese relations", "Chinese-Russian relations"), or, before a relation
    noun, with places for their adjectives ("China-Russia relations") is one subject, under the form
    more remarks use (ties: the shorter). Only forms still shown under their own key are merged."""
    first: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for key in remarks:
        if key in out:
            continue
        words = ["st" if w == "saint" else w for w in british_spelling(key).split(" ")]
        if len(words) > 2 and not NAME_LINKS.intersection(words):
            if words[-1] in RELATION_NOUNS:  # "China-Russia relations": the places' adjectives
                words[:-1] = [place_of_any(w, remarks) or w for w in words[:-1]]
            words[:-1] = sorted(words[:-1])  # the qualifiers of one head in either order
        compact = "".join(words)
        seen = first.setdefault(compact, key)
        if seen != key:
            groups.setdefault(compact, [seen]).append(key)
    for members in groups.values():
        _under_commonest(members, remarks, out)


def _verb_phrase(
    words: list[str], verb: set[str], adjective: set[str], said_as_verbs: Collection[str]
) -> bool:
    """Does a phrase open with a verb of the archive (`verb`: subjects.verbs) before an adjective
    (`adjective`: those of the archive, subjects.adjectives, or the extractor's) or only words of
    the meeting ("maintain regular contacts", "produce results"), or with one the dictionary knows
    only as a verb, in its base or third-person form, before anything ("restore peace")? A noun
    follows a noun of a compound instead ("launch vehicle"); a verb to the dictionary that the
    archive does not use as one is a name ("Shanghai Cooperation Organisation"). For a word only
    ever a verb, one use as a verb is enough (`said_as_verbs`, which holds `verb` too: "problems
    that require special attention" seldom gives the cue "to", "will" or "we" that `verb` counts)."""
    if (lemma := _present_verb_lemma(words[0])) is not None:
        # "restore peace", "creates conditions": a word only ever a verb is no modifier.
        return lemma in said_as_verbs or words[0] in said_as_verbs
    if words[0] not in verb:
        return False
    rest = words[1:]
    return rest[0] in adjective or _vague_qualifier(rest[0]) or all(w in GENERIC for w in rest)


# Capitalised words joined by "and" (phrases.name_phrases) are one name when the remarks seldom say a
# part without the rest: the pair carries this share or more of the remarks that carry some part
# ("Belt" of "Belt and Road"); "Russia and China" are two. (Joined by "of" or "for" they are a
# name whatever the archive: "Bank of Russia", "Power of Siberia".)
NAME_SHARE = 0.5


def _one_name(key: str, remarks: Mapping[str, int]) -> bool:
    n = remarks[key]
    if any((m := remarks.get(part)) and n >= NAME_SHARE * m for part in _NAME_LINK.split(key)):
        return True
    # The words on one side of the "and", said in other remarks too and seldom without the rest:
    # "Chamber of Commerce" of "Chamber of Commerce and Industry" (its "commerce" alone is also
    # the word of other chambers and of trade).
    return any(
        " " in side and (m := remarks.get(side, 0)) >= 2 and n >= NAME_SHARE * m
        for side in key.split(" and ")
    )


_NAME_LINK = re.compile(r" (?:and|of|for)(?: the)? ")  # phrases.NAME_JOINERS, "the" after one


# What a state is called by its form ("People's Republic of China", "Kingdom of Saudi Arabia"):
# where the archive also names the place alone, the place is the topic.
STATE_FORMS = frozenset("republic kingdom emirate principality sultanate".split())
# Words between a place's adjective and the state form in a state's formal name ("Syrian Arab
# Republic", "Islamic Republic").
FORMAL_WORDS = frozenset("arab islamic federal democratic socialist people's".split())


def _and_parts(key: str) -> list[str]:
    """The runs of words of a key that hold its "and", other than the key itself."""
    words = key.split(" ")
    at = words.index("and")
    return [
        " ".join(words[i:j])
        for i in range(at)
        for j in range(at + 2, len(words) + 1)
        if (i, j) != (0, len(words))
    ]


# Points of the compass: before a place's name ("South Africa"), never its last word.
COMPASS = frozenset("north south east west northern southern eastern western".split())


# What a name's matter is called ("the Skripal case", "the Yukos affair").
MATTER_NOUNS = frozenset("case affair".split())
COMPASS_IN_NAMES_SHARE = 0.8


def _compass_in_names(occurrences: Mapping[str, int]) -> set[str]:
    """The points of the compass the archive says (almost: COMPASS_IN_NAMES_SHARE of their uses)
    only as a word of longer names, whichever ("Far East", "Middle East", "North Caucasus"): alone
    they would put unrelated regions under one topic. "The West" said alone stays."""
    inside: dict[str, int] = {}
    for key, n in occurrences.items():
        if " " in key and ALIAS not in key:
            for word in set(key.split(" ")) & COMPASS:
                inside[word] = inside.get(word, 0) + n
    return {
        word
        for word, n in inside.items()
        if (alone := occurrences.get(word, 0)) and n >= COMPASS_IN_NAMES_SHARE * alone
    }


def _cut_name(key: str, uses: Mapping[str, int], continued: set[str]) -> bool:
    """Is a name with "of" the opening of a longer name of the archive (`continued`: _name_heads)
    cut after a word that qualifies the next one: one of the extractor's adjectives, a point of the
    compass, a place's adjective ("Day of National" of "Day of National Unity", "Republic of
    South" of "Republic of South Africa", "Government of the Russian")? The extractor counts every
    part of a name run; such a part is no name, and the short form it would be ("national day")
    is not it."""
    last = key.rsplit(" ", 1)[-1]
    return key in continued and (last in ADJECTIVES or last in COMPASS or place_of(last, uses) is not None)


def _name_heads(uses: Mapping[str, int]) -> set[str]:
    """The openings of the names with "of" of the archive that go on after their "of": each
    run of their first words that ends after the word following "of" (or "of the") and before
    their last word ("day of national" of "day of national unity")."""
    heads: set[str] = set()
    for key in uses:
        at = key.find(" of ")
        if at < 0:
            continue
        words = key.split(" ")
        first = key[:at].count(" ") + 2  # the index of the word after "of"
        if first < len(words) and words[first] == "the":
            first += 1
        heads.update(" ".join(words[:n]) for n in range(first + 1, len(words)))
    return heads


# A place the archive names with a point of the compass ("North Korea", "South Korea") in this share
# of the remarks that name it alone, or more, is more than one state: a state's form ("Republic of
# Korea") is not the bare place. A region or two ("western China") are far rarer than the place.
DIVIDED_SHARE = 0.5


def _divided_places(uses: Mapping[str, int]) -> set[str]:
    """The one-word places (keys) that the archive divides by points of the compass (DIVIDED_SHARE)."""
    compass: dict[str, int] = {}
    for key, n in uses.items():
        first, space, place = key.partition(" ")
        if space and first in COMPASS and " " not in place and place in uses:
            compass[place] = compass.get(place, 0) + n
    return {place for place, n in compass.items() if n >= DIVIDED_SHARE * uses[place]}


def _own_places(uses: Collection[str]) -> set[str]:
    """The places among the archive's words for the meeting (GENERIC: "russia", the country the
    archive is in) that its keys name by adjective too ("russian")."""
    return {place for key in uses if " " not in key and (place := place_of(key, GENERIC)) is not None}


def _of_own_state(head: str, state: str, own: Collection[str]) -> bool:
    """Is "<head> of <state>" an institution of the archive's own state, which it always means:
    "Armed Forces of the Russian Federation", "Central Bank of Russia"? `own`: the places of the
    archive's words for the meeting (GENERIC: "russia") that it names by adjective too. The state
    by its plain name or its formal one (that adjective and "federation" or a STATE_FORMS word),
    after a name of several words, not all of them words of the meeting: "Bank of Russia" is no
    "bank", "Hero of the Russian Federation" no "heroes", "Government of the Russian Federation"
    no subject."""
    if " " not in head or all(w in GENERIC for w in head.split(" ")):
        return False
    if state in own:
        return True
    adjective, _, form = state.partition(" ")
    return (form in STATE_FORMS or form == "federation") and place_of(adjective, GENERIC) in own


def _of_own_adjective(words: list[str], uses: Mapping[str, int], own: Collection[str]) -> str | None:
    """The institution a key names after the adjective of the archive's own state (`own`:
    _own_places), which it always means ("Russian Armed Forces", "Russian Defence Ministry"), as
    "of the Russian Federation" after it (_of_own_state): its key said alone, when the archive says
    it so as often (_said_alone_as_often), it is a name of several words and not all of them words
    of the meeting; else None. "Russian Popular Front", said more often than
    "Popular Front" alone, is the name; "Russian language" is no "language"."""
    if len(words) < 3 or place_of(words[0], GENERIC) not in own or all(w in GENERIC for w in words[1:]):
        return None
    institution = " ".join(words[1:])
    return institution if _said_alone_as_often(institution, " ".join(words), uses) else None


# What a disease's spread is called ("coronavirus infection", "the flu epidemic"): the disease, to a
# reader (variants).
EPIDEMIC_HEADS = frozenset("infection pandemic epidemic outbreak".split())


def _disease_of(words: list[str], uses: Mapping[str, int]) -> str | None:
    """The disease a key of EPIDEMIC_HEADS names ("coronavirus infection" -> "coronavirus"), when
    the archive says it alone as often; else None."""
    if words[-1] not in EPIDEMIC_HEADS:
        return None
    disease = " ".join(words[:-1])
    return disease if _said_alone_as_often(disease, " ".join(words), uses) else None


# What a group of states is said with ("BRICS countries", "OPEC members", "EAEU member states"):
# the group, to a reader (variants).
MEMBER_HEADS = ("member country", "member state", "country", "member")
_MEMBER_LAST_WORDS = frozenset(head.rsplit(" ", 1)[-1] for head in MEMBER_HEADS)


def _group_of(words: list[str], uses: Mapping[str, int]) -> str | None:
    """The group of states a key's `words` name with MEMBER_HEADS ("brics country" -> "brics"):
    one word no dictionary knows (a name, an acronym) or a two-letter name ("EU countries"), said
    alone as often; else None. "Family members" are no family."""
    if words[-1] not in _MEMBER_LAST_WORDS:  # (most keys: read no further)
        return None
    key = " ".join(words)
    for head in MEMBER_HEADS:
        if key.endswith(" " + head):
            group = key[: -len(head) - 1]
            if " " not in group and (group in TWO_LETTER_NAMES or not _pos(group)) and group in uses:
                return group if _said_alone_as_often(group, key, uses) else None
            return None
    return None


def _games_of(words: list[str], uses: Mapping[str, int]) -> str | None:
    """The games a key names by their adjective ("olympic game" -> "olympic", the key the
    Olympics are shown under: variants' -ics rule), when the archive says that plural; else None."""
    if len(words) == 2 and words[1] == "game" and words[0].endswith("ic") and words[0] + "s" in uses:
        return words[0]
    return None


def _said_alone_as_often(short: str, key: str, uses: Mapping[str, int]) -> bool:
    """Does the archive say `short` without the rest of `key` (which holds it) in as many remarks as
    it says `key`? The key of a phrase's part is carried by every remark that carries the phrase:
    the difference of their remarks says it alone."""
    return uses.get(short, 0) - uses[key] >= uses[key]


def _name_with_of(
    key: str,
    uses: Mapping[str, int],
    out: dict[str, str | None],
    divided: Collection[str] = (),
    own: Collection[str] = (),
) -> None:
    """An institution of the archive's own state (`own`) is the institution, under its short name
    if the archive says it on its own as often (_of_own_state). A state named by its form is the place
    ("People's Republic of China": STATE_FORMS) unless the archive divides the place by points of
    the compass (`divided`: "Republic of Korea" is not "Korea"), and "Ministry of Finance" and
    "Finance Ministry" are one topic, under the form more remarks use (and so are "Ministry of
    Foreign Affairs" and "Foreign Ministry")."""
    head, _, rest = key.partition(" of ")
    rest = rest.removeprefix("the ")
    institution = phrase_key(head.split(" "))  # its key said alone: "armed force"
    if institution in uses and uses[institution] >= uses[key] and _of_own_state(institution, rest, own):
        out[key] = out.get(institution, institution)  # "Armed Forces of the Russian Federation"
        return
    if head.rsplit(" ", 1)[-1] in STATE_FORMS and rest in uses:
        if rest not in divided:
            out[key] = out.get(rest, rest)
        return
    short = f"{rest.removesuffix(' affair')} {head}"  # "Ministry of Foreign Affairs": "Foreign Ministry"
    if short not in uses:
        short = f"{rest} {head}"
    if " " in head or short not in uses or short in out:
        return
    if (uses[short], key) > (uses[key], short):
        out[key] = short
    else:
        out[short] = key


# A participle used before one noun in this share or more of its uses (phrases.PARTICIPLE), in at
# least PARTICIPLE_MIN_REMARKS remarks, names a subject with it: "rolling stock", "dilapidated
# housing", "nursing homes"; "growing demand" is ordinary speech ("growing" qualifies anything).
# Chosen by measurement (docs/topics-rounds.md).
PARTICIPLE_SHARE = 0.5
PARTICIPLE_MIN_REMARKS = 3


def participle_names(
    remarks: Mapping[str, int],
    occurrences: Mapping[str, int],
    adjective: set[str] | frozenset[str] = frozenset(),
) -> dict[str, str]:
    """The participle keys ("~rolling~stock") that name a subject (see PARTICIPLE_SHARE) -> that
    subject's phrase key ("rolling stock"), from the remarks and the uses of each key; never one
    ending with an adjective (the extractor's or `adjective`, the archive's: "liquefied natural")."""
    out = {}
    for key, n in remarks.items():
        if not key.startswith(PARTICIPLE) or n < PARTICIPLE_MIN_REMARKS:
            continue
        word, link, rest = key[len(PARTICIPLE) :].partition(PARTICIPLE)
        last = rest.rsplit(" ", 1)[-1]
        if not link or all(w in GENERIC for w in rest.split(" ")) or last in adjective or last in ADJECTIVES:
            continue  # the participle alone; before words of the meeting ("exchanged views")
        phrase = f"{word} {rest}"
        if occurrences.get(key, 0) >= PARTICIPLE_SHARE * occurrences.get(PARTICIPLE + word, 0) and is_subject(
            phrase
        ):
            out[key] = phrase
    return out


# A word that this share or more of the remarks carrying it use as a verb ("we must preserve",
# "to finish": phrases.word_uses) is no subject, though the dictionary knows it as a noun too;
# judged only on words carried by at least VERB_MIN_REMARKS remarks. Chosen by measurement
# (docs/topics-rounds.md).
VERB_SHARE = 0.5
VERB_MIN_REMARKS = 5


def verbs(remarks: Mapping[str, int]) -> set[str]:
    """The one-word keys the archive mostly uses as verbs (see VERB_SHARE), from the remarks that
    carry each key and each verb-use key."""
    out = set()
    for key, n in remarks.items():
        if key.startswith(VERB_USE):
            word = key[len(VERB_USE) :]
            total = remarks.get(word, 0)
            if total >= VERB_MIN_REMARKS and n >= VERB_SHARE * total:
                out.add(word)
    return out


# A word the dictionary knows only as a verb that this share or more of the remarks carrying it
# write as the end of a name (phrases.word_uses: "the Baikal-Amur Mainline", "in Shanghai") is a
# noun of the archive: it and the phrases it ends can be subjects. Chosen by reading the dev
# archive's words (docs/topics-rounds.md).
NAMED_SHARE = 0.3
# So is a word the dictionary knows as an adjective or adverb and never a noun that this share or
# more of the remarks carrying it, NAMED_ALONE_REMARKS at least, write capitalised alone at the
# end of its phrase (phrases.CAPITAL_USE: "in the Arctic", "to Kemerovo"): a name of its own, not
# the adjective of a name ("Orthodox Church", "Southern Federal District"). Chosen by reading the
# dev archive's words (docs/topics-rounds.md).
NAMED_ALONE_SHARE = 0.15
NAMED_ALONE_REMARKS = 2


def named_words(remarks: Mapping[str, int]) -> set[str]:
    """The words the dictionary knows as no noun that the archive writes as names (see NAMED_SHARE
    and NAMED_ALONE_SHARE), from the remarks that carry each key and each noun-use and capital-use
    key."""
    out = set()
    for key, n in remarks.items():
        if key.startswith(NOUN_USE):
            word = key[len(NOUN_USE) :]
            if n >= NAMED_SHARE * remarks.get(word, 0) and _pos(word) == {"VERB"}:
                out.add(word)
        elif key.startswith(CAPITAL_USE):
            word = key[len(CAPITAL_USE) :]
            if n >= max(NAMED_ALONE_REMARKS, NAMED_ALONE_SHARE * remarks.get(word, 0)) and not_a_noun(word):
                out.add(word)
    return out


# A word the dictionary knows as an adjective or adverb that fewer than this share of the remarks
# carrying it use as a noun of its own (phrases.word_uses: "the military", "officials") is an
# adjective here: "stable", "closer", "industrial", "annual", "forward" are no subject alone; the
# phrases they open are. Judged only on words carried by at least ADJECTIVE_MIN_REMARKS remarks,
# and only in an archive whose remarks were read for noun uses. Chosen by measurement (README
# "Topics").
NOUN_SHARE = 0.06
ADJECTIVE_MIN_REMARKS = 5


def adjectives(remarks: Mapping[str, int]) -> set[str]:
    """The one-word keys the archive uses as adjectives, not nouns (see NOUN_SHARE), from the
    remarks that carry each key and each noun-use key."""
    noun_uses = {k[len(NOUN_USE) :]: n for k, n in remarks.items() if k.startswith(NOUN_USE)}
    if not noun_uses:
        return set()  # read before noun uses were counted: no evidence either way
    return {
        key
        for key, n in remarks.items()
        if n >= ADJECTIVE_MIN_REMARKS
        and " " not in key
        and key not in ING_ED_NOUNS
        and noun_uses.get(key, 0) < NOUN_SHARE * n
        and {"ADJ", "ADV"} & _pos(key)
    }


# A key used this share of its uses directly before another word of a phrase (the keys one word
# longer that it opens) qualifies a subject rather than naming one: "clinical" (trials),
# "epidemiological" (situation), "Great Patriotic" (War). Not a topic alone; its longer phrases
# are. Judged on the archive's own uses, so a noun that also stands alone ("oil", "gas": about half
# their uses) stays, and only on keys used at least MODIFIER_MIN_USES times. Chosen by measurement
# (docs/topics-rounds.md).
MODIFIER_SHARE = 0.9
MODIFIER_MIN_USES = 5


def modifiers(occurrences: Mapping[str, int]) -> set[str]:
    """The keys that (almost) only qualify the next word (see MODIFIER_SHARE), from the uses of
    every key over the archive: a key one word longer counts a use of its head before another
    word ("clinical trial" of "clinical", "medium term plan" of the hyphenated "medium term"); for
    a word the dictionary does not know, its qualifier-use key counts them all, the phrases that
    are no key included ("archival work": phrases.QUALIFIER_USE)."""
    before: dict[str, int] = {}
    qualifying: dict[str, int] = {}
    for key, n in occurrences.items():
        if key.startswith(QUALIFIER_USE):
            qualifying[key[len(QUALIFIER_USE) :].replace("-", " ")] = n
        elif " " in key and ALIAS not in key:
            head = key[: key.rindex(" ")]
            before[head] = before.get(head, 0) + n
    for word, n in qualifying.items():  # every use before another word, kept as a phrase or not
        before[word] = max(before.get(word, 0), n)
    return {
        w
        for w, n in before.items()
        if (u := occurrences.get(w, 0)) >= MODIFIER_MIN_USES and n >= MODIFIER_SHARE * u
    }


# Adjectives of countries that the -an rule below cannot find (general knowledge, as the title
# words are): "French" alone is France to a reader.
DEMONYMS = {
    "french": "france", "british": "britain", "dutch": "netherland", "swiss": "switzerland",
    "greek": "greece", "spanish": "spain", "portuguese": "portugal", "irish": "ireland",
    "danish": "denmark", "finnish": "finland", "swedish": "sweden", "norwegian": "norway",
    "polish": "poland", "turkish": "turkey", "chinese": "china", "japanese": "japan",
    "vietnamese": "vietnam", "lebanese": "lebanon", "german": "germany", "israeli": "israel",
    "iraqi": "iraq", "pakistani": "pakistan", "saudi": "saudi arabia", "kazakh": "kazakhstan",
    "uzbek": "uzbekistan", "tajik": "tajikistan", "kyrgyz": "kyrgyzstan", "turkmen": "turkmenistan",
    "afghan": "afghanistan", "azerbaijani": "azerbaijan", "chechen": "chechnya",
}  # fmt: skip


# What a place's adjective names the people, the envoys or the countries of (variants: "Serbian
# people", "our Turkish partners", "my Chinese counterpart", "African countries" are Serbia,
# Turkey, China and Africa).
NATION_NOUNS = frozenset("people partner friend colleague counterpart country".split())


# Countries readers know under several names, as phrase keys: one subject, shown under the name
# the archive's remarks use most ("America" and "the USA" are the United States; "Latin America"
# is another key).
COUNTRY_NAMES = (
    ("united state", "america", "usa", "united states of america"),
    ("united kingdom", "britain", "great britain"),
    ("netherland", "holland"),
    ("north korea", "democratic people's republic of korea", "dprk"),
    ("south korea", "republic of korea"),
)


def _merge_country_names(uses: Mapping[str, int], out: dict[str, str | None]) -> None:
    for names in COUNTRY_NAMES:
        said = [k for k in names if k in uses and out.get(k, k) == k]
        if len(said) > 1:
            _under_commonest(said, uses, out)


def _merge_two_letter_names(uses: Mapping[str, int], out: dict[str, str | None]) -> None:
    """An acronym of TWO_LETTER_NAMES is its name's topic, shown under the name (two letters tell a
    reader too little on their own); one whose name the archive never writes is its own topic."""
    for acronym, name in TWO_LETTER_NAMES.items():
        if acronym not in uses or out.get(acronym, acronym) != acronym:
            continue
        # The name, or another name of the same country the archive writes ("the UK": Britain).
        names = next((group for group in COUNTRY_NAMES if name in group), (name,))
        said = next((k for k in (name, *names) if k in uses), None)
        if said is not None and (target := out.get(said, said)) is not None:
            out[acronym] = target


def _merge_acronyms(
    aliases: list[str],
    uses: Mapping[str, int],
    out: dict[str, str | None],
    parted: dict[str, list[str]] | None,
) -> None:
    """An acronym and the name it was spelled out as somewhere in the archive ("EAEU", "Eurasian
    Economic Union") are one topic, under the form used in more remarks (ties: the shorter). An
    acronym the archive gives names of two things ("EEC": a council and a commission, names
    ending in different words) joins neither; two spellings of one name ("East Siberia" and
    "Eastern Siberia Pacific Ocean") join as one. A name shown as its acronym leaves the phrases
    inside it ("independent state" of "Commonwealth of Independent States", shown as "CIS") to
    `parted`, when given: their uses inside it are the acronym's (they were fragments of the name,
    which the remarks, once merged, no longer carry)."""
    pairs, heads, holders = _spelled_out(aliases, uses)
    # The keys shown under each key (or None), kept in step with `out` by every write below: a
    # merge finds the keys shown under the form that gives way without reading the whole map.
    shown_under: dict[str | None, set[str]] = {}
    for k, target in out.items():
        shown_under.setdefault(target, set()).add(k)

    def show_under(key: str, target: str) -> None:
        if key in out:
            shown_under[out[key]].discard(key)
        out[key] = target
        shown_under.setdefault(target, set()).add(key)

    for short, long, best, other in _pair_merges(pairs, heads, uses, out):
        moved = shown_under.pop(other, set())  # every key shown under `other`
        for k in moved:
            out[k] = best
        shown_under.setdefault(best, set()).update(moved)
        show_under(other, best)
        # A name that holds one form holds the other: "Mayakovskaya TPP", "Mayakovskaya Thermal
        # Power Plant".
        for key in holders.get(long, ()):
            twin = key[: -len(long)] + short
            if twin in uses and key not in out and out.get(twin, twin) == twin:
                commoner = _commonest((key, twin), uses)  # (_under_commonest, with shown_under)
                for k in (key, twin):
                    if k != commoner:
                        show_under(k, commoner)
        if parted is not None and " " in other and " " not in best:
            _part_pieces(other, parted)


def _spelled_out(
    aliases: list[str], uses: Mapping[str, int]
) -> tuple[list[list[str]], dict[str, set[str]], dict[str, list[str]]]:
    """What _merge_acronyms reads of its aliases, once: the (acronym, name) pairs in order; each
    acronym's last words of the names it was spelled out as; and, under each name, the keys of
    the archive (`uses`) that end with it after other words ("mayakovskaya thermal power plant"),
    only keys ending with a name's last word read further (every key of the archive passes here)."""
    pairs = [alias.split(ALIAS, 1) for alias in sorted(aliases)]
    heads: dict[str, set[str]] = {}
    for short, long in pairs:
        heads.setdefault(short, set()).add(long.rsplit(" ", 1)[-1])
    longs = {long for _, long in pairs}
    last_words = set().union(*heads.values())
    holders: dict[str, list[str]] = {}
    for key in uses:
        if key[key.rfind(" ") + 1 :] not in last_words:
            continue
        at = key.find(" ")
        while at > 0:
            if key[at + 1 :] in longs:
                holders.setdefault(key[at + 1 :], []).append(key)
            at = key.find(" ", at + 1)
    return pairs, heads, holders


def _pair_merges(
    pairs: list[list[str]],
    heads: Mapping[str, set[str]],
    uses: Mapping[str, int],
    out: Mapping[str, str | None],
) -> Iterator[tuple[str, str, str, str]]:
    """The (acronym, name) pairs that merge, in order, each with (the form kept, the form that
    gives way), as `out` stands when the pair is reached (the merge writes it in between): not an
    acronym spelled out as names of two things, nor a pair already one or dropped."""
    for short, long in pairs:
        if len(heads[short]) > 1:
            continue
        a, b = out.get(short, short), out.get(long, long)
        if a is None or b is None or a == b or a not in uses or b not in uses:
            continue
        best = _commonest((a, b), uses)
        yield short, long, best, b if best == a else a


def _part_pieces(name: str, parted: dict[str, list[str]]) -> None:
    """Leave the phrases inside a name shown as its acronym to `parted` (_merge_acronyms). Its
    phrases, not its words: "Donetsk" of "Donetsk People's Republic" (shown as "DPR") is said
    alone too, and a word no name holds alone is no fragment of it."""
    for piece in word_runs(name.split(" ")):
        ends = piece.split(" ")
        if 1 < len(ends) and piece != name and not NAME_LINKS.intersection((ends[0], ends[-1])):
            parted.setdefault(piece, []).append(name)


def place_of(key: str, uses: Collection[str]) -> str | None:
    """The place a word is the adjective of ("syrian" -> "syria", "ukrainian" -> "ukraine",
    "european" -> "europe", "french" -> "france", "hungarian" -> "hungary"), when both are keys of the archive and (outside
    DEMONYMS) neither is a word lemminflect knows (names of places are not in its dictionary;
    "musician" and "music" are); of a key of several words, its last word's place after the same
    words ("north korean" -> "north korea", "latin american" -> "latin america")."""
    before, _, word = key.rpartition(" ")
    prefix = before + " " if before else ""
    if (place := DEMONYMS.get(word)) is not None:
        return prefix + place if prefix + place in uses else None
    if len(word) < 6 or not word.endswith("an") or _pos(word):  # not a surname ("Kalinin", "Kalin")
        return None
    stem = word[:-3] if word.endswith("ian") else None
    for place in (word[:-1], word[:-2], stem, stem and stem + "e", stem and stem + "a", stem and stem + "y"):
        if place and len(place) >= 4 and prefix + place in uses and not _pos(place):
            return prefix + place
    return None


def place_of_any(word: str, uses: Collection[str]) -> str | None:
    """place_of among the archive's keys (`uses`), else among the words for the archive's own
    country (GENERIC: "russian" -> "russia")."""
    return place_of(word, uses) or place_of(word, GENERIC)
