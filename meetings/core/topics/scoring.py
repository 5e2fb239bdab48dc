"""Weighing phrases: how distinctive a phrase is for a remark, a person and a meeting.

Pure functions over plain data. A phrase's weight in a remark is its frequency there times its
inverse document frequency over every remark of the archive (TF-IDF), so a phrase that every
meeting uses weighs little; longer phrases and summaries (what the archive says someone raised)
weigh more. A person's topics are the phrases they use markedly more often than the archive
does — the rest of the archive (openparliament's ratio, with a floor of 2) — ranked by their total
weight, with the archive's idf softened and times how much the phrase clusters in the meetings
that speak of it (burstiness: a subject does, ordinary speech does not). A remark's topics are
its most distinctive phrases, its speaker's own topics that it speaks of and the listed topics it
comes back to.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain, compress, repeat, starmap
from operator import ge, not_

from .mentions import initials_of, words_of_a_name
from .phrases import (
    ALIAS,
    CAPITAL_USE,
    NAME_LINKS,
    NAME_RUN,
    NAME_USE,
    PARTICIPLE,
    USE_KEYS,
    is_name,
    parts_of_speech,
    phrase_key,
    singular,
    word_runs,
)
from .subjects import (
    DATING_ADJECTIVES,
    GRADING_ADJECTIVES,
    HEAD_KINDS,
    NAME_SHARE,
    TITLE_WORDS,
    common_weight,
    distinct_from_english,
    english_frequency,
    place_of_any,
    variants,
    zipf,
)

TOPICS_PER_TURN = 6
TOPICS_PER_PERSON = 10
MIN_TURNS_WITH_PHRASE = 2  # a topic recurs: at least two remarks of the archive carry it
MIN_RATIO = 2.0
SUMMARY_BOOST = 1.6
LENGTH_BOOST = {1: 0.8, 2: 1.6, 3: 1.9, 4: 2.0}
# A shorter phrase found inside one longer phrase in this share of the remarks that carry it, and
# of its uses, is a fragment of that phrase ("Russia party" of "United Russia party"), not a topic
# of its own.
FRAGMENT_SHARE = 0.8
# A person's topic weighs more the more uses each remark that carries it holds: times (uses /
# remarks) ** this. Chosen by measurement (docs/topics-rounds.md).
REPEAT_EXPONENT = 0.5
# A person's topic is weighed with the square root of the archive's idf (person_idf): the full idf
# ranks a phrase said in three remarks of the archive far above a subject the whole archive speaks
# of ("Syria", "coronavirus"); what tells a subject from ordinary speech is left to burstiness
# below. A one-word topic carried by at least ARCHIVE_WIDE remarks of the archive takes general
# English's idf where it is larger: a subject of the whole archive ("a pandemic") is still a subject
# of each person who speaks of it. Chosen by measurement (docs/topics-rounds.md).
ARCHIVE_IDF_EXPONENT = 0.5
ARCHIVE_WIDE = 10
# Burstiness (Church and Gale's observation behind residual idf): a subject clusters in the
# meetings that are about it, a word of ordinary speech ("conclusion", "citizens") falls in about as
# many meetings as chance would put it. A person's topic weighs times (the meetings chance would
# give it / the meetings it is in) ** BURST_EXPONENT, both counts with BURST_PRIOR meetings added
# (a phrase said a few times says little either way), at most BURST_CAP. Chosen by measurement.
# A topic a person says inside one longer phrase of theirs in this share of its uses or more is
# shown as that phrase ("stream" -> "Turkish Stream", "mainline" -> "Baikal-Amur Mainline" of
# someone who once says "mainline railways"); 0 turns this off. 0.8 against 1.0 on the dev
# archive: recall the same, strict recall and the seed set one subject more each; 0.7 lists
# topics a reader judged less often subjects (docs/topics-rounds.md).
OWN_FRAGMENT_SHARE = 0.8
# A one-word topic a person writes as a word of a name (phrases.NAME_USE: "Match" of "Match TV",
# "Boulevard" of "Gogolevsky Boulevard") in this share of its uses or more, and does not say
# inside one phrase of theirs that recurs (OWN_FRAGMENT_SHARE: shown as that phrase), is no
# subject of theirs: the name is what they spoke of. On the dev archive, against 0.8: at 0.9 or 1.0
# "sea" stands again for the "Northern Sea Route" on an oil company head's list; at 0.7 two
# profiles more change, at 0.6 thirteen and six meetings' lists, a deputy prime minister's
# "defence" among them becoming "Defence Ministry" (docs/topics-rounds.md).
NAME_WORD_SHARE = 0.8
# A one-word topic a person says after another word in this share of its uses or more is the head
# of the phrases they say: "station" of "polling station", "chamber" of "Accounts Chamber". It is
# shown as the phrase holding at least HEAD_PHRASE_SHARE of those uses; with no such phrase, it is
# no topic when it is said (HEAD_SHARE) after names, words the dictionary lacks (the "territories"
# of many regions), and stays when after words ("municipal", "household", "solid" waste: kinds of
# one subject). Chosen by two readers' audits and measurement (docs/topics-rounds.md).
HEAD_SHARE = 0.7
HEAD_PHRASE_SHARE = 0.5
BURST_EXPONENT = 2.0
# A meeting's list: its TOPICS_PER_MEETING best of MEETING_CANDIDATES phrases by weight, once
# burstiness is known for the whole archive (after every meeting is read).
TOPICS_PER_MEETING = 12
MEETING_CANDIDATES = 40
# ... of which a phrase said once in the meeting only among its MEETING_BEST first: once is too
# little evidence of what a meeting was about. On 40 meetings drawn at random, judged blind by a
# reader (tests/data/topics/dev_meeting_lists_verdicts.json), the lists' share of subjects goes
# from 0.372 (148 of 398 shown) to 0.500 (113 of 226); the top six alone would give 0.471 (113 of
# 240), every phrase said twice or more 0.533 (105 of 197). docs/topics-rounds.md.
MEETING_BEST = 3
# A single word on a meeting's list: said at least this many times in the meeting, and more often
# than English says it (subjects.distinct_from_english). Its uses are counted over all the
# meeting's remarks (a report of one remark that says "wildfires" seven times is about them). On
# the two samples of meetings' lists judged blind, 3 against 2: a share of subjects of 0.549
# against 0.536 and 0.488 against 0.470, with nine and two subjects fewer; a held-out sample of 25
# other lists the count changed: 0.529 before, 0.546 at 3 (docs/topics-rounds.md).
MEETING_MIN_USES = 3
# ... and a word rarer in English than this (Zipf) that the meeting says MEETING_MIN_USES times or
# more is a candidate even where no remark has it among its main topics (its weight the sum of its
# uses' in each remark): "VAT" of a tax service's report, "coronavirus" of an address, whose
# remarks' main topics are phrases. On the two samples above, judged blind, 229 of 440 shown
# topics subjects (0.520) -> 273 of 506 (0.540); held out, the word-uses sample and 25 other lists
# this changed, 171 of 307 (0.557) -> 201 of 362 (0.555). At 4.8 as many more subjects, and more
# generic words ("office", "law"): 0.534 on the two samples (docs/topics-rounds.md).
MEETING_WORD_ZIPF = 4.5
BURST_PRIOR = 6.0
BURST_CAP = 3.0
# A person's topic weighs more the more of their remarks in each meeting carry it: times
# (remarks / meetings) ** this: a subject is dwelt on where it comes up ("Syria" in a series of
# questions), a word of ordinary speech ("cooperation") is said once in each of many meetings.
# Only for phrases and words rarer in general English than SPREAD_ZIPF: dwelling on a common word
# ("organisation") makes it no subject. Chosen by measurement (docs/topics-rounds.md).
MEETING_EXPONENT = 0.5
# A person's topic that is on the lists of the meetings in whose remarks they say it (a
# chancellor's "Nord Stream" at the talks about it, not "Germany") is what they spoke of there
# rather than named in passing: its weight takes (1 + those meetings) to this power, times (1 - the
# person's share of the archive's words): the lists of the meetings of someone who is most of the
# archive are mostly their own words (the head of state's "defence" gave way to "Eurasia" without
# it). Chosen by measurement (docs/topics-rounds.md, thirty-fourth round: 0.15 to 0.35 alike; 0.5
# loses labelled subjects).
MEETING_LIST_EXPONENT = 0.25
# ... and this power for someone of fewer remarks than SINGLE_REMARK_FROM: their few remarks are in
# one or two meetings, whose lists say what they spoke of there better than their own few counts
# (a questioner's home town, a place a governor names in passing, against the subject of the
# meeting they spoke at). Chosen by measurement (docs/topics-rounds.md, thirty-fourth round: 141
# profiles changed; of the labels that went three blind readers called 44 of 161 subjects, of
# those that came 92 of 188).
FEW_REMARKS_MEETING_LIST_EXPONENT = 1.0
SPREAD_ZIPF = 4.8
# A topic of a person carried by only one of their remarks weighs this much: a subject recurs, a
# phrase said once (an interviewer's single question on it) is weaker evidence than one they come
# back to. Chosen by measurement (docs/topics-rounds.md).
SINGLE_REMARK = 0.35
SINGLE_REMARK_FROM = 10  # ... for a person with at least this many remarks to choose from
# For a person with fewer remarks, a single word as common in English as this (Zipf), said once, is
# chance, not a subject: not on their list ("trends", "solution", "value", or "China" and "trade"
# said in passing). The list is shorter rather than filled from further down. On the 39 small
# speakers a reader judged, the share of subjects shown goes from 0.435 to 0.514 (81 of the 108
# topics that go were judged no subject); on the 55 other people from 0.584 to 0.613; recall and
# the seed set as before. At 4.3 the seed set alone loses a subject ("monitoring", Zipf 4.34, said
# once), so not below. Chosen by measurement (docs/topics-rounds.md).
ONCE_COMMON_ZIPF = 4.5
# For a person who said this many words or more, a topic they named once only was named in passing
# (a place in a list, a body in an aside): not on their list, which is shorter rather than filled
# from further down. In four samples a reader judged, a topic its person said once was a subject
# 20-45% of the time, one said twice or more 68-72%. At 800 on the dev archive, 38 profiles lose
# 61 topics, judged blind: 48 passing, 8 subjects, 2 fragments, 2 duplicates, 1 name; the labelled
# sets' recall and the seed set are as before (below 600 the seed set loses a subject a speaker of
# eight remarks said once). Chosen by measurement (docs/topics-rounds.md).
ONCE_SAID_WORDS = 800
# For a person who is most of the archive, the rest of it is little reference (the bar against it
# falls with their share, above): how many of their remarks carry a topic tells their subjects
# instead. A person's topic weighs times remarks ** (this * their share of the archive's words):
# nothing for a minister (0.5% of the dev archive), remarks ** 0.3 for the head of state's 60%,
# so that what they come back to in a hundred remarks ("Syria") is not outranked by what they
# raised in twenty. Chosen by measurement (docs/topics-rounds.md: the same list from 0.35 to 0.55).
DOMINANCE_EXPONENT = 0.5
# A topic of a person that their office answers for (a minister's portfolio as their role names
# it, roles.portfolio: "environment" for a Minister of Natural Resources and Environment) weighs
# this much more: what a reader names for a minister first. Chosen by measurement (README
# "Topics": 1.5 finds one labelled subject more, 2 and 3 two).
PORTFOLIO_WEIGHT = 2.0
# A remark that uses a listed topic this many times speaks of it, whatever its main subjects.
DWELT_USES = 3
# wordfreq lists English words down to about this Zipf value (once in 100 million words); a word
# it does not know is at most that frequent.
UNKNOWN_ZIPF = 1.0
UNKNOWN_FREQUENCY = 10 ** (UNKNOWN_ZIPF - 9)
# At most about this many remarks are read for the uses of each key (subjects.modifiers).
MODIFIER_SAMPLE_TURNS = 100_000
# A word of subjects.HEAD_KINDS ("territory"), no subject alone, is carried under this mark
# ("#territory") so that a person's use of it is weighed like any word's: shown as the one phrase
# they say it in ("Stavropol Territory", _heads_as_phrases), never as itself, never a remark's or
# a meeting's topic.
KIND_USE = "#"

# A word that names gathers (scoring._name_ends): the names ending with it carry it in this share of
# its remarks or more ("Korea" of North and South Korea); two unknown words are a name where the
# first is said in it in NAME_FIRST_SHARE of its remarks ("Nizhny" of Nizhny Novgorod).
GATHERED_SHARE = 0.5
NAME_FIRST_SHARE = 1 / 3
# Prefixes a hyphen joins to a name ("non-OPEC", "anti-Russian", "pro-Western"): read as a word of
# their own, no dictionary knows them; before a name they are no name's word.
PREFIXES = frozenset(
    "non anti pro pre post ex co neo pan sub super ultra inter intra trans multi semi pseudo quasi".split()
)


class PhraseCounts(Mapping):
    """A turn's phrases and counts as two tuples: a third of the memory of a dict, for the million
    turns a rebuild holds at once. Read-only; iterates in the order it was given."""

    __slots__ = ("_counts", "_keys")

    def __init__(self, keys: tuple[str, ...], counts: tuple[int, ...]):
        self._keys, self._counts = keys, counts

    def keys(self):
        return self._keys

    def items(self):
        return zip(self._keys, self._counts)

    def values(self):
        return self._counts

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def used_at_least(self, n: int) -> set[str]:
        """The keys counted n times or more (in C: no lookup per key)."""
        return set(compress(self._keys, map(ge, self._counts, repeat(n))))

    def __getitem__(self, key: str) -> int:
        try:
            return self._counts[self._keys.index(key)]
        except ValueError:
            raise KeyError(key) from None


@dataclass(slots=True)
class TurnPhrases:
    turn_id: int
    meeting_id: int
    position: int
    speaker_id: int | None
    is_summary: bool
    phrases: Mapping[str, int]  # phrase key -> count (empty for procedural turns)
    words: int = 0


@dataclass
class Scored:
    """Everything the archive stores about topics."""

    turn_topics: dict[int, dict[str, float]] = field(default_factory=dict)  # turn -> phrase -> weight
    # (turn, topic): the first remark of its meeting to carry it as a topic (_raised)
    raised: set[tuple[int, str]] = field(default_factory=set)
    person_topics: dict[int, list[tuple[str, float, int]]] = field(
        default_factory=dict
    )  # person -> (phrase, score, remarks)
    meeting_topics: dict[int, list[tuple[str, float]]] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    # turn -> how many of its topics come before the first one it has only for coming back to it
    # (DWELT_USES); only turns that have such topics. Labels are read from the others.
    dwelt_from: dict[int, int] = field(default_factory=dict)
    # phrase -> the other keys shown under it (subjects.variants: another spelling, a place's
    # adjective, an acronym), sorted: where a remark mentions the topic (mentions.mention_spans).
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # phrase -> the participles' use keys shown under it ("~rolling~stock" under "rolling stock"):
    # counted with its forms where a remark names it (mentions.times_named).
    participle_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)


def canonical_turns(turns: list[TurnPhrases], names: Iterable[str] = ()) -> list[TurnPhrases]:
    """_canonical's turns."""
    return _canonical(turns, names)[0]


def _canonical(
    turns: list[TurnPhrases], names: Iterable[str] = ()
) -> tuple[list[TurnPhrases], dict[str, str | None], Counter, Counter]:
    """The turns with each phrase under the key of its subject (subjects.variants): names of
    people of the archive (`names`), verbs, titles and words that only qualify the next one
    dropped, variants of one subject as one key (counted once per remark: the larger count, as
    "President Trump" also counts as "Trump"); the use keys (phrases.VERB_USE, NOUN_USE) are read
    for that and dropped. Turns without such a phrase are the same objects. And the map from each
    key that changes to the key it is shown under (None: dropped), the uses of each key over
    the archive (a sample of its remarks when it is large: MODIFIER_SAMPLE_TURNS), and how many
    remarks each topic was taken out of as the end of a longer name (_without_name_ends)."""
    # How many remarks use each form, and how many times the archive uses it (both counted in C:
    # the passes over every phrase of the archive).
    remarks: Counter = Counter()
    for t in turns:
        remarks.update(t.phrases.keys())
    # Uses of each key, for the share of a word's uses that qualify the next word (a share, so
    # every k-th remark tells it as well as all of them: a large archive is sampled).
    step = max(1, len(turns) // MODIFIER_SAMPLE_TURNS)
    occurrences: Counter = Counter()
    occurrences.update(
        chain.from_iterable(starmap(repeat, chain.from_iterable(t.phrases.items() for t in turns[::step])))
    )
    parted: dict[str, list[str]] = {}
    vmap = variants(remarks, names, occurrences, parted)
    if parted:
        turns = _without_uses_inside(turns, parted)
    ends = _name_ends(remarks, vmap, occurrences)
    taken_from: Counter = Counter()  # the remarks each topic was taken out of, as the end of a name
    if ends:
        turns = _without_name_ends(turns, ends, _longer_by_a_word(remarks, ends), vmap, taken_from)
    _drop_pieces_of_renamed(vmap, remarks)
    if not vmap:
        return list(turns), vmap, occurrences, taken_from
    # A kind of place or body, no subject (None in vmap, which the callers read), is carried under
    # its mark (KIND_USE): a key no other is merged with, so renamed as the dropped keys are
    # filtered, in C.
    marks = {
        kind: KIND_USE + kind for kind in HEAD_KINDS.intersection(remarks) if vmap.get(kind, kind) is None
    }
    marked = marks.keys()
    mark = marks.get
    mapped = vmap.keys()
    # Most remarks only lose keys (the use keys are in nearly all of them): those are filtered in
    # C; a remark with a key shown under another is merged key by key.
    dropped = frozenset(k for k, q in vmap.items() if q is None) - marked
    renamed = mapped - dropped - marked
    is_dropped = dropped.__contains__
    out: list[TurnPhrases] = []
    append = out.append
    for t in turns:
        phrases = t.phrases
        keys = phrases.keys()
        if mapped.isdisjoint(keys):
            append(t)
            continue
        if renamed.isdisjoint(keys):
            gone = list(map(is_dropped, keys))
            left = tuple(_unless(keys, gone))
            if not marked.isdisjoint(keys):
                left = tuple(map(mark, left, left))
            kept = PhraseCounts(left, tuple(_unless(phrases.values(), gone)))
        else:
            merged: dict[str, int] = {}
            inside = _inside_other_names(phrases, vmap, renamed)
            for p, c in phrases.items():
                q = marks[p] if p in marks else vmap.get(p, p)
                if q is not None and c > merged.get(q, 0) and p not in inside:
                    merged[q] = c
            kept = PhraseCounts(tuple(merged), tuple(merged.values()))
        append(TurnPhrases(t.turn_id, t.meeting_id, t.position, t.speaker_id, t.is_summary, kept, t.words))
    return out, vmap, occurrences, taken_from


def _inside_other_names(phrases: Mapping[str, int], vmap: Mapping[str, str | None], renamed) -> set[str]:
    """The keys of a remark shown under another key (`renamed`: "larkovian" as the place
    "larkovia", "larkovian country" too) whose every use in it is inside longer keys of it that
    are shown as a different subject and are names: ones it ends ("North Larkovia", "Latin
    American", "Latin American countries"), each word before it a name's (mentions.words_of_a_name:
    not "the legitimate Larkovian government"), not a pair or a part "of" it ("Russia and
    America", "the north of America"), the key not the initials of what it is shown as ("Pregolskaya
    TPP" is a thermal power plant); or, for a one-word key, keys renamed too ("upper larkovian"
    as "upper larkovia") or whose last word the remark writes as a word of a name
    (phrases.NAME_USE: "Larkovian Economic Union"); several names may hold the uses between them.
    There the words are that name's, not the place's. A name holding the very word the key is
    shown as does not count ("olympics", shown as "olympic", in "Olympic Games": one subject). An
    adjective before a common noun ("Larkovian ferries") stays the place, as an unrenamed word
    inside a phrase stays itself (the remark's topics pick one of the two)."""
    out: set[str] = set()
    for p, c in phrases.items():
        if p not in renamed or (q := vmap[p]) is None:  # (a renamed key's is never None)
            continue
        one_word = " " not in p
        ending = " " + p
        names: dict[str, int] = {}  # the names holding it -> their uses
        for longer, n in phrases.items():
            if len(longer) <= len(p) or p not in longer or " " not in longer:  # (cheap first)
                continue
            words = longer.split(" ")
            if q in words or (shown := vmap.get(longer, longer)) == q:
                continue
            if (
                longer.endswith(ending)
                and NAME_LINKS.isdisjoint(words)
                and words_of_a_name(words[: len(words) - 1 - p.count(" ")])
                and not initials_of(p, q)
            ):
                names[longer] = n
            elif (
                one_word
                and p in words
                and shown is not None
                and (longer in renamed or phrases.get(NAME_USE + words[-1], 0) > 0)
            ):
                names[longer] = n
        # Every use inside one of the names ("Latin American" and "South American" both; the
        # Eurasian Economic Union, Council and Commission), each counted once (not again in a
        # longer name holding it).
        if names and sum(n for k, n in names.items() if not any(_holds(k, j) for j in names)) >= c:
            out.add(p)
    return out


def _holds(longer: str, key: str) -> bool:
    """Whether `longer` holds `key` as a run of its words, and is not it."""
    return longer != key and f" {key} " in f" {longer} "


def _without_uses_inside(turns: list[TurnPhrases], parted: Mapping[str, list[str]]) -> list[TurnPhrases]:
    """The turns with each key of `parted` (subjects.variants: a thing, "moon", parted from the
    title's forms of a person, "president moon"; the words after the short form a long one is
    shown as, "infection" of "coronavirus infection") counted less its uses inside those forms, which
    the extractor also counted as the key; a key left with none goes. The count inside is that
    of the forms no other form is the end of ("president moon", not "new president moon" again)."""
    inside = {
        word: [f for f in forms if not any(g != f and f.endswith(" " + g) for g in forms)]
        for word, forms in parted.items()
    }
    words = inside.keys()
    out = []
    for t in turns:
        phrases = t.phrases
        if words.isdisjoint(phrases.keys()):
            out.append(t)
            continue
        counts = dict(phrases.items())
        for word in words & counts.keys():
            left = counts[word] - sum(counts.get(f, 0) for f in inside[word])
            if left > 0:
                counts[word] = left
            else:
                del counts[word]
        kept = PhraseCounts(tuple(counts), tuple(counts.values()))
        out.append(
            TurnPhrases(t.turn_id, t.meeting_id, t.position, t.speaker_id, t.is_summary, kept, t.words)
        )
    return out


def _name_ends(
    remarks: Mapping[str, int], vmap: Mapping[str, str | None], occurrences: Mapping[str, int]
) -> dict[str, tuple[str, str, bool]]:
    """The keys of the archive that may be a name ending with a one-word name of the archive (a
    word no dictionary knows) that such names gather (GATHERED_SHARE of its remarks carry one of
    them), a different subject: "north korea" and "republic of korea" (-> "korea"), "nizhny
    novgorod" (-> "novgorod"); each -> (that word, the name's first word, whether it is a name
    however a remark writes it). A name of two words is one where a remark writes its first word
    capitalised inside a name (phrases.NAME_USE, read per remark: "North Korea", not "the north
    Korea"), or where both words are unknown to the dictionary and the first is said in this name
    in NAME_FIRST_SHARE of its remarks ("Nizhny Novgorod"; not "Moscow-Vladivostok"); a name with
    "of" ("Republic of Korea") is one however written (the extractor keys such phrases only as
    names). Not after a place's adjective, a prefix (PREFIXES: "non-OPEC") or a joiner; not an
    acronym the archive spells out; not a key shown as the same subject. (A word of the
    dictionary ending a name, "Chamber" of "Civic Chamber", is left to the lists' reading of name
    words: _names_for_name_words.)"""
    out: dict[str, tuple[str, str, bool]] = {}
    places: dict[str, bool] = {}
    # An acronym the archive spells out stands for a phrase, a kind of thing ("TPP": thermal power
    # plant), which "Talakhovskaya TPP" is one of (gathered in the same pass, left out at the end).
    spelled: set[str] = set()
    for key in remarks:
        if ALIAS in key:
            spelled.add(key.split(ALIAS, 1)[0])
            continue
        at = key.rfind(" ")
        if at < 0 or key.startswith(USE_KEYS):
            continue
        word = key[at + 1 :]
        if word not in remarks or parts_of_speech(word):
            continue
        first, _, link = key[:at].partition(" ")
        if link:
            if link not in ("of", "of the"):
                continue
            always = True  # "Republic of Korea"
        else:
            # Two words no dictionary knows are a name, where the first is said in this name in a
            # share of the remarks that write it ("Nizhny" of Nizhny Novgorod and Nizhny Tagil;
            # not "Moscow-Vladivostok", "Russia-China": two places said alone far more).
            always = not parts_of_speech(first) and remarks[key] >= NAME_FIRST_SHARE * remarks.get(first, 0)
            if not (always or occurrences.get(NAME_USE + first)):
                continue
        if first in NAME_LINKS or first in PREFIXES:
            continue
        if first not in places:
            places[first] = place_of_any(first, remarks) is not None
        if places[first]:
            continue
        shown, inside = vmap.get(key, key), vmap.get(word, word)
        if shown is None or inside is None or shown == inside:
            continue
        out[key] = (word, first, always)
    # Only a word that such names gather (GATHERED_SHARE): "Korea" of North and South Korea,
    # "Novgorod" of Nizhny Novgorod; not "Europe", said mostly alone and now and then as "Western
    # Europe", nor "Olympics" of "Winter Olympics", which are parts or kinds of the one subject.
    out = {key: v for key, v in out.items() if v[0] not in spelled}
    named: dict[str, int] = {}
    for key, (word, _, _) in out.items():
        named[word] = named.get(word, 0) + remarks[key]
    return {key: v for key, v in out.items() if named[v[0]] >= GATHERED_SHARE * remarks[v[0]]}


def _longer_by_a_word(keys: Collection[str], of: Collection[str]) -> dict[str, list[str]]:
    """Each key of `of` -> the keys of `keys` that are it after one more word ("russian federation
    armed forces" of "federation armed forces")."""
    out: dict[str, list[str]] = {}
    wanted = set(of)
    for key in keys:
        at = key.find(" ")
        if at > 0 and key[at + 1 :] in wanted:
            out.setdefault(key[at + 1 :], []).append(key)
    return out


def _without_name_ends(
    turns: list[TurnPhrases],
    ends: Mapping[str, tuple[str, str, bool]],
    longer: Mapping[str, list[str]],
    vmap: Mapping[str, str | None],
    taken: Counter,
) -> list[TurnPhrases]:
    """The turns without each key whose every use in the remark ends a name of `ends`
    (_name_ends) that the remark writes as a name (its first word capitalised inside a name in the
    remark, NAME_USE, where that is what tells); and a whole name, not the end
    of a longer one the remark writes as often (`longer`: "Federation Armed Forces" of "Russian
    Federation Armed Forces" is no name, and leaves "Armed Forces" be). `taken` counts, under the
    key each is shown as (`vmap`), the remarks it is taken out of that hold no other form of it."""
    names = frozenset(ends)
    out = []
    for t in turns:
        held = names.intersection(t.phrases.keys())
        if not held:
            out.append(t)
            continue
        counts = dict(t.phrases.items())
        inside: dict[str, int] = {}
        for name in held:
            rest, first, always = ends[name]
            n = counts[name]
            if rest in counts and (always or NAME_USE + first in counts):
                if not any(counts.get(k, 0) >= n for k in longer.get(name, ())):
                    inside[rest] = inside.get(rest, 0) + n
        gone = [k for k, n in inside.items() if n >= counts[k]]
        if not gone:
            out.append(t)
            continue
        for k in gone:
            del counts[k]
        for k in gone:
            shown = vmap.get(k, k)
            if shown is not None and not any(vmap.get(other, other) == shown for other in counts):
                taken[shown] += 1
        kept = PhraseCounts(tuple(counts), tuple(counts.values()))
        out.append(
            TurnPhrases(t.turn_id, t.meeting_id, t.position, t.speaker_id, t.is_summary, kept, t.words)
        )
    return out


def _drop_pieces_of_renamed(vmap: dict[str, str | None], remarks: Mapping[str, int]) -> None:
    """A piece of a phrase of three words or more that is shown under another key (a name under
    its acronym: "Shanghai Cooperation Organisation" under "SCO"), carried by few remarks besides
    the phrase's (the phrase is in FRAGMENT_SHARE of its remarks), is part of that topic and no
    topic of its own: `vmap` maps it to None. (_fragments, which reads the remarks once merged,
    sees the acronym in them, not the phrase: "Cooperation Organisation" stood alone.)"""
    targets = set(vmap.values())
    for key, shown_as in list(vmap.items()):
        if shown_as is None or key.count(" ") < 2:
            continue
        n = remarks.get(key, 0)
        for piece in _sub_phrases(key):
            if piece not in vmap and piece not in targets and 0 < remarks.get(piece, 0) <= n / FRAGMENT_SHARE:
                vmap[piece] = None


def _forms(vmap: Mapping[str, str | None], occurrences: Mapping[str, int]) -> dict[str, tuple[str, ...]]:
    """Each key shown in place of others -> those others that are words of a text (not the use
    keys nor the acronym statements), sorted; not a phrase the archive says (nearly:
    FRAGMENT_SHARE of its uses, `occurrences`) only inside a longer form of the same topic:
    "Republic of China" is a part of "the People's Republic of China", not a name of China of its
    own (to a reader, another state); "Donald Trump", said alone too, is a form beside "President
    Donald Trump". A word stays ("Saudi" of "Saudi Arabia" is said alone too)."""
    forms: dict[str, list[str]] = defaultdict(list)
    for k, q in vmap.items():
        if q is not None and not k.startswith(USE_KEYS) and ALIAS not in k:
            forms[q].append(k)
    out: dict[str, tuple[str, ...]] = {}
    for q, ks in forms.items():
        longer = [(_sub_phrases(g), occurrences.get(g, 0)) for g in (q, *ks) if " " in g]
        kept = tuple(
            sorted(
                k
                for k in ks
                if " " not in k
                or not (n := occurrences.get(k, 0))
                or not any(k in sub and m >= FRAGMENT_SHARE * n for sub, m in longer)
            )
        )
        if kept:
            out[q] = kept
    return out


def _participle_forms(vmap: Mapping[str, str | None]) -> dict[str, tuple[str, ...]]:
    """Each key shown in place of participles' use keys -> those keys, sorted."""
    forms: dict[str, list[str]] = defaultdict(list)
    for k, q in vmap.items():
        if q is not None and k.startswith(PARTICIPLE):
            forms[q].append(k)
    return {q: tuple(sorted(ks)) for q, ks in forms.items()}


def _unless(items, gone):
    """The items whose flag in `gone` is false (in C)."""
    return compress(items, map(not_, gone))


def score(
    turns: list[TurnPhrases],
    names: Iterable[str] = (),
    portfolios: Mapping[int, Collection[str]] | None = None,
    per_person: int = TOPICS_PER_PERSON,
) -> Scored:
    """Pure and deterministic. The arithmetic is written so that every weight is the same float
    whatever the archive's size: (1 + log c) * (idf * length boost), summed in turn order.
    `names`: the people of the archive, never topics (see canonical_turns). `portfolios`: person
    -> the phrase keys of what their office answers for (PORTFOLIO_WEIGHT). `per_person`: how
    many topics a person's list holds; a longer list (for analysis: bench/topics_ceiling.py) begins
    with the same TOPICS_PER_PERSON, and only the first 3 * TOPICS_PER_PERSON candidates are read."""
    portfolios = portfolios or {}
    out = Scored()
    written = turns
    turns, vmap, occurrences, taken_from = _canonical(turns, names)
    out.forms = _forms(vmap, occurrences)
    out.participle_forms = _participle_forms(vmap)
    person_name_uses, meeting_name_uses, archive_pieces = _name_uses(written, vmap, occurrences)
    words_shown_as = _WordsShownAs(vmap, written)
    n = max(1, len(turns))
    df: Counter = Counter()
    for t in turns:
        df.update(t.phrases.keys())
    # A word is as common as the remarks that write it, in a name or not: taken out of the remarks
    # that say it only inside names ("Korea" of "North Korea"), it would seem rarer than it is.
    for q, n_taken in taken_from.items():
        if q in df:
            df[q] += n_taken
    out.df = df

    # Per phrase, once: its idf, idf times its length boost (the weight of a single use), and the
    # shorter phrases it contains (word-aligned), so "contains" is a set lookup.
    idf: dict[str, float] = {}
    unit: dict[str, float] = {}
    subs: dict[str, frozenset[str]] = {}
    for p, d in df.items():
        i = idf[p] = math.log((n + 1) / (d + 0.5))
        unit[p] = (1.0 * i) * _length_boost(p)
        subs[p] = _sub_phrases(p)
    fragments = _fragments(turns, df, subs)
    log = math.log

    # Remarks: the most distinctive phrases, a longer phrase hiding the shorter ones it contains.
    # People: what they say, summed as we go (in turn order) rather than kept per remark. Uses are
    # counted only for phrases that can weigh in a remark (only those are ever looked up).
    person_words: dict[int, int] = {}
    person_uses: dict[int, dict[str, int]] = {}
    person_weight: dict[int, dict[str, float]] = {}
    person_remarks: dict[int, dict[str, int]] = {}
    # Meetings in which the person's remarks carry it (turns come grouped by meeting; otherwise
    # this counts runs of one meeting's remarks).
    person_meetings: dict[int, dict[str, int]] = {}
    person_last: dict[int, dict[str, int]] = {}
    person_turns: dict[int, int] = {}  # remarks of the person that carry a phrase
    phrase_uses: dict[str, int] = {}
    total_words = 0
    turn_topics = out.turn_topics
    for t in turns:
        sid = t.speaker_id
        total_words += t.words
        if sid is not None:
            if sid in person_words:
                person_words[sid] += t.words
            else:
                person_words[sid] = t.words
                person_uses[sid], person_weight[sid], person_remarks[sid] = {}, {}, {}
                person_meetings[sid], person_last[sid] = {}, {}
            pu, pw, pr = person_uses[sid], person_weight[sid], person_remarks[sid]
            pm, pl = person_meetings[sid], person_last[sid]
        mid = t.meeting_id
        phrases = t.phrases
        if not phrases:
            continue
        if sid is not None:
            person_turns[sid] = person_turns.get(sid, 0) + 1
        summary = t.is_summary
        weights: list[tuple[float, str]] = []
        for p, c in phrases.items():
            d = df[p]
            if p in fragments:
                continue
            if d < MIN_TURNS_WITH_PHRASE and not summary:
                if d > 1:  # it may weigh in another remark (a summary): count this use
                    phrase_uses[p] = phrase_uses.get(p, 0) + c
                    if sid is not None:
                        pu[p] = pu.get(p, 0) + c
                continue  # a summary is evidence enough on its own
            # (_remark_weight, written out on this path: it runs for every phrase of the archive)
            w = unit[p] if c == 1 else (1 + log(c)) * unit[p]
            if summary:
                w *= SUMMARY_BOOST
            weights.append((-w, p))
            phrase_uses[p] = phrase_uses.get(p, 0) + c
            if sid is not None:
                pu[p] = pu.get(p, 0) + c
                pw[p] = pw.get(p, 0) + w
                pr[p] = pr.get(p, 0) + 1
                if pl.get(p) != mid:
                    pl[p] = mid
                    pm[p] = pm.get(p, 0) + 1
        if not weights:
            continue
        weights.sort()
        chosen: dict[str, float] = {}
        hidden: set[str] = set()  # phrases contained in a chosen one
        for nw, p in weights:
            if p in hidden or not subs[p].isdisjoint(chosen) or p[0] == KIND_USE:
                continue  # (a kind of place or body is no remark's topic)
            chosen[p] = -nw
            if len(chosen) >= TOPICS_PER_TURN:
                break
            hidden |= subs[p]
        if chosen:
            turn_topics[t.turn_id] = chosen

    # Raised: the first remark of a meeting that carries the phrase at all.
    by_meeting: dict[int, list[TurnPhrases]] = defaultdict(list)
    for t in turns:
        by_meeting[t.meeting_id].append(t)
    empty: dict[str, float] = {}
    # The words that may be a meeting's topic for being said again and again (MEETING_WORD_ZIPF).
    rare_words = {
        p
        for p, d in df.items()
        if d >= MIN_TURNS_WITH_PHRASE
        and " " not in p
        and p[0] != KIND_USE
        and p not in fragments
        and zipf(p) < MEETING_WORD_ZIPF
    }
    meetings_carrying: Counter = Counter()  # phrase -> meetings whose remarks carry it
    meeting_words: list[int] = []
    meeting_said: dict[int, dict[str, int]] = {}  # meeting -> candidate -> times its remarks say it
    for meeting_id, mts in by_meeting.items():
        seen: set[str] = set()
        totals: dict[str, float] = defaultdict(float)
        m_words = 0
        mts.sort(key=lambda x: x.position)  # once: _listed_topics_in_remarks and _raised read them so too
        for t in mts:
            m_words += t.words
            for p, w in turn_topics.get(t.turn_id, empty).items():
                totals[p] += w
            seen.update(t.phrases.keys())
        meetings_carrying.update(seen)
        meeting_words.append(m_words)
        # A word the meeting says again and again is a candidate even where no remark has it
        # among its main topics (MEETING_WORD_ZIPF). A word common in general English weighs less
        # in a meeting's list too, and one the meeting uses (in all its remarks) no more often than
        # English does is left out (the index lists the topics of meetings' lists).
        candidate_words = {p for p in totals if " " not in p}
        m_uses: dict[str, int] = dict.fromkeys(candidate_words, 0)
        repeated: dict[str, float] = {}  # a rare word no remark has among its main topics -> weight
        for t in mts:
            phrases = t.phrases
            keys = phrases.keys()
            for p in candidate_words.intersection(keys):
                m_uses[p] += phrases[p]
            for p in rare_words.intersection(keys).difference(candidate_words):
                c = phrases[p]
                m_uses[p] = m_uses.get(p, 0) + c
                repeated[p] = repeated.get(p, 0.0) + _remark_weight(c, unit[p], t.is_summary)
        for p, w in repeated.items():
            if m_uses[p] >= MEETING_MIN_USES:
                totals[p] = w
        # A word the meeting writes as a word of a name (NAME_WORD_SHARE of its uses: "Crown" of
        # "the Crown Prince") is no topic of it.
        named = meeting_name_uses.get(meeting_id)
        if named:
            for p in [p for p in totals if " " not in p and named.get(p, 0) >= NAME_WORD_SHARE * m_uses[p]]:
                del totals[p]
            # And a phrase it writes as a piece of longer names (phrases.NAME_RUN) as often.
            pieces = {
                p for p in totals if " " in p and p in named and _a_piece(p, archive_pieces, phrase_uses)
            }
            if pieces:
                said = _uses_of(pieces | {w for p in pieces for w in p.split(" ")}, mts)
                pieces = {p for p in pieces if named[p] >= NAME_WORD_SHARE * said[p]}
                for p in _with_their_words(pieces, said):
                    totals.pop(p, None)
        ranked_m = sorted(
            (
                (p, w * common_weight(p))
                for p, w in totals.items()
                if " " in p or distinct_from_english(p, m_uses[p], m_words, min_uses=MEETING_MIN_USES)
            ),
            key=lambda kv: (-kv[1], kv[0]),
        )

        # A phrase the meeting says once keeps no other off its candidates: it leaves the list
        # unless it is among the MEETING_BEST first (_said_again), and its word must not go with it.
        said_here = _uses_of({p for p, _ in ranked_m}, mts)

        def once(p: str, said_here=said_here) -> bool:
            return said_here[p] < 2

        candidates = out.meeting_topics[meeting_id] = _dedupe(ranked_m, MEETING_CANDIDATES, subs, quiet=once)
        # (ranked again below; what the meeting says of them is kept for that, not of every phrase)
        meeting_said[meeting_id] = {p: said_here[p] for p, _ in candidates}

    # Chance, for burstiness (meetings' lists and people's).
    total_words = total_words or 1
    mean_words = total_words / n
    expected = ChanceMeetings(meeting_words, total_words)
    bursts: dict[str, float] = {}
    # Meetings: burstiness tells a subject from ordinary speech in a meeting's list too. The lists
    # are final before people's: a person's topic that the meetings they say it in are about
    # weighs more (MEETING_LIST_EXPONENT).
    for mid, candidates in out.meeting_topics.items():
        weighed = []
        for p, w in candidates:
            b = bursts.get(p)
            if b is None:
                b = bursts[p] = burstiness(expected(phrase_uses.get(p, 0)), meetings_carrying[p])
            weighed.append((p, w * b))
        out.meeting_topics[mid] = _said_again(weighed, meeting_said[mid], subs)
    on_lists = _on_meeting_lists(by_meeting, out.meeting_topics)
    # People: phrases they use markedly more than the archive does.
    for pid, weight in person_weight.items():
        words = person_words[pid] or 1
        uses, remarks, meetings = person_uses[pid], person_remarks[pid], person_meetings[pid]
        ranked = []
        others_words = max(1, total_words - words)
        # Against the rest of the archive, a person who is most of it (the head of state: 60% of
        # the dev archive's words) has no subject of their own: the others are the ministers who
        # report to them on the same subjects. The bar falls with the person's share of the
        # archive (2 for someone who says little, 0.8 at 60%); general English stays the reference
        # for single words (distinct_from_english).
        share = words / total_words
        bar = MIN_RATIO * (1.0 - share)
        many_remarks = person_turns.get(pid, 0) >= SINGLE_REMARK_FROM
        remit = portfolios.get(pid, ())
        on_list = on_lists.get(pid, {})
        listed_power = (MEETING_LIST_EXPONENT if many_remarks else FEW_REMARKS_MEETING_LIST_EXPONENT) * (
            1.0 - share
        )
        named = person_name_uses.get(pid, {})
        # A piece of longer names they say ("Guard Service"): the names are what they spoke of.
        pieces = _with_their_words(
            {
                p
                for p in weight
                if " " in p
                and named.get(p, 0) >= NAME_WORD_SHARE * uses[p]
                and p not in remit
                and _a_piece(p, archive_pieces, phrase_uses)
            },
            uses,
        ).difference(remit)
        for p, w in weight.items():
            if p in pieces:
                continue
            word = _without_use_mark(p)  # English knows "territory", not "#territory"
            w *= person_idf(word, idf[p], df[p], mean_words) / idf[p]
            # How much more often this person uses the phrase than everyone else does.
            u = uses[p]
            ratio = (u / words) / ((phrase_uses[p] - u + 0.5) / others_words)
            if ratio < bar or not distinct_from_english(word, u, words):
                continue
            # Said again and again within remarks (a minister's long report on vaccines) counts:
            # the weight sums (1 + log c) per remark, which alone flattens repetition.
            r = remarks[p]
            spread = (r / meetings[p]) ** MEETING_EXPONENT if " " in p or zipf(word) < SPREAD_ZIPF else 1.0
            if r < 2 and many_remarks:
                spread *= SINGLE_REMARK
            if p in remit:
                spread *= PORTFOLIO_WEIGHT
            b = bursts.get(p)
            if b is None:
                b = bursts[p] = burstiness(expected(phrase_uses[p]), meetings_carrying[p])
            listed_at = on_list.get(p)
            if listed_at:
                b *= (1 + listed_at) ** listed_power
            ranked.append(
                (
                    p,
                    w
                    * (u / r) ** REPEAT_EXPONENT
                    * spread
                    * min(ratio, 8.0) ** 0.5
                    * common_weight(word)
                    * b
                    * dominance(r, share),
                    r,
                )
            )
        ranked.sort(key=lambda x: (-x[1], x[0]))
        ranked = _heads_as_phrases(ranked, uses, remarks)
        if OWN_FRAGMENT_SHARE:
            ranked = _whole_phrases(ranked[: 3 * TOPICS_PER_PERSON], uses, remarks, subs, words_shown_as, pid)

        # What goes below (said once) keeps no phrase or word it overlaps off the list first.
        def goes(p: str, uses=uses, few=not many_remarks, much=words >= ONCE_SAID_WORDS) -> bool:
            return (few and _common_word_said_once(p, uses)) or (much and uses.get(p, 0) < 2)

        listed = [
            item
            for item in _dedupe(_one_per_doctrine(ranked), per_person, subs, quiet=goes)
            if not goes(item[0])
        ]
        if named:
            listed = _names_for_name_words(listed, uses, remarks, subs, named, remit)
        out.person_topics[pid] = listed
    _listed_topics_in_remarks(out, turns, by_meeting, unit)
    out.raised = _raised(out.turn_topics, by_meeting)
    return out


def _on_meeting_lists(
    by_meeting: Mapping[int, list[TurnPhrases]], meeting_topics: Mapping[int, list[tuple[str, float]]]
) -> dict[int, dict[str, int]]:
    """Person -> phrase -> in how many meetings the person says the phrase and the meeting's list
    (`meeting_topics`, final) holds it."""
    out: dict[int, dict[str, int]] = {}
    for mid, mlist in meeting_topics.items():
        listed = {p for p, _ in mlist}
        said: set[tuple[int, str]] = set()
        for t in by_meeting[mid]:
            if t.speaker_id is not None:
                # (a set against the turn's keys: one pass over them in C, no lookup per listed key)
                said.update((t.speaker_id, p) for p in listed.intersection(t.phrases.keys()))
        for sid, p in said:
            counts = out.setdefault(sid, {})
            counts[p] = counts.get(p, 0) + 1
    return out


def _raised(turn_topics: Mapping[int, Mapping[str, float]], by_meeting) -> set[tuple[int, str]]:
    """(turn, topic) for the first remark of each meeting (in position order: `by_meeting` holds
    them sorted) that carries the topic among its topics: of the remarks a topic page lists for
    that meeting, the one that raised it, and only it. An earlier remark that names it in passing
    (no topic of that remark) is not listed, so cannot be the one; the page never shows a
    meeting's remarks all "responded"."""
    raised: set[tuple[int, str]] = set()
    for mts in by_meeting.values():
        seen: set[str] = set()
        for t in mts:
            chosen = turn_topics.get(t.turn_id)
            if chosen:
                for p in chosen.keys() - seen:
                    raised.add((t.turn_id, p))
                seen.update(chosen)
    return raised


def _fragments(turns, df: Counter, subs: dict[str, frozenset[str]]) -> set[str]:
    """The phrases that are fragments of a longer one (FRAGMENT_SHARE): nearly every remark that
    carries them carries the longer phrase, and nearly every use of them is inside it ("sugar" is
    in few remarks without "sugar beet", but said alone far more often: no fragment). Of a name
    joined by "and", "of" or "for", most (NAME_SHARE): "Belt" of "Belt and Road", also met in "One
    Belt, One Road". And the rest of a name cut at its joiner: a phrase that starts with a name's
    last word, in nearly every remark (FRAGMENT_SHARE) with the name ("Road initiative" of "the Belt
    and Road initiative"). Uses are counted only for the pairs the remarks leave in doubt (few)."""
    pairs = [
        (s, p, share)
        for p, d in df.items()
        if d >= MIN_TURNS_WITH_PHRASE
        for share in (NAME_SHARE if is_name(p) else FRAGMENT_SHARE,)
        for s in subs[p]
        if d >= share * df[s]
    ]
    cut = _cut_names(df)
    if not pairs and not cut:
        return set()
    involved = {k for s, p, _ in pairs for k in (s, p)}
    uses: dict[str, int] = dict.fromkeys(involved, 0)
    names_of: dict[str, list[str]] = defaultdict(list)  # rest of a name -> the names it may be of
    for s, p in cut:
        names_of[s].append(p)
    rests = names_of.keys()
    together: Counter = Counter()  # (rest, name) -> remarks carrying both
    for t in turns:
        phrases = t.phrases
        for k in involved.intersection(phrases.keys()):
            uses[k] += phrases[k]
        for s in rests & phrases.keys():
            together.update((s, p) for p in names_of[s] if p in phrases)
    out = {s for s, p, share in pairs if uses[p] >= share * uses[s]}
    out.update(s for (s, p), n in together.items() if n >= FRAGMENT_SHARE * df[s])
    return out


def _cut_names(df: Counter) -> list[tuple[str, str]]:
    """(phrase, name) for each phrase of two or more words, no name itself, that starts with the
    last word of a name (is_name), both carried by MIN_TURNS_WITH_PHRASE remarks or more."""
    last_words: dict[str, list[str]] = defaultdict(list)
    for p, d in df.items():
        if d >= MIN_TURNS_WITH_PHRASE and is_name(p):
            last_words[p[p.rindex(" ") + 1 :]].append(p)
    if not last_words:
        return []
    return [
        (s, p)
        for s, d in df.items()
        if d >= MIN_TURNS_WITH_PHRASE and " " in s and not is_name(s)  # (one remark: chance)
        for p in last_words.get(s[: s.index(" ")], ())
    ]


def _length_boost(p: str) -> float:
    """LENGTH_BOOST for the words of a phrase, the joiners of a name not counted ("Orders of
    Courage" is two words)."""
    n = p.count(" ") + 1
    if is_name(p):
        n -= sum(w in NAME_LINKS for w in p.split(" "))
    return LENGTH_BOOST.get(n, 2.0)


def _remark_weight(uses: int, unit: float, summary: bool) -> float:
    """The weight of a phrase said `uses` times in a remark: (1 + log uses) times its `unit` (idf
    times length boost), SUMMARY_BOOST more in a summary."""
    w = unit if uses == 1 else (1 + math.log(uses)) * unit
    return w * SUMMARY_BOOST if summary else w


def _common_word_said_once(p: str, uses: Mapping[str, int]) -> bool:
    """Is `p` one word as common in English as ONCE_COMMON_ZIPF that a person (their `uses`) said
    once?"""
    return " " not in p and uses.get(p, 0) < 2 and zipf(_without_use_mark(p)) >= ONCE_COMMON_ZIPF


def _uses_of(keys: set[str], turns: list[TurnPhrases]) -> dict[str, int]:
    """How many times `turns` say each of `keys` (a set against each turn's keys: one pass over
    them in C, and a lookup only where the turn has the key)."""
    said = dict.fromkeys(keys, 0)
    for t in turns:
        phrases = t.phrases
        for k in keys.intersection(phrases.keys()):
            said[k] += phrases[k]
    return said


def _said_again(
    weighed: list[tuple[str, float]], said: Mapping[str, int], subs: dict[str, frozenset[str]]
) -> list[tuple[str, float]]:
    """A meeting's list from its candidates (`weighed`: in the order _dedupe kept them, with their
    final weights; `said`: how many times the meeting's remarks say each, _uses_of): by weight, the
    MEETING_BEST first, then those it says twice or more, TOPICS_PER_MEETING in all, none inside
    another. A phrase said once kept no other off the candidates (_dedupe's `quiet`): where it is
    listed, what it holds is not; where it is not, what it holds may be ("missiles", said three
    times, where "strategic missile carrier", said once, went)."""

    def pick(pool: list[tuple[str, float]]) -> list[tuple[str, float]]:
        ranked = sorted(pool, key=lambda kv: (-kv[1], kv[0]))
        return (ranked[:MEETING_BEST] + [kv for kv in ranked[MEETING_BEST:] if said[kv[0]] > 1])[
            :TOPICS_PER_MEETING
        ]

    listed = {p for p, _ in pick(_dedupe(weighed, None, subs))}
    return pick(_dedupe([kv for kv in weighed if said[kv[0]] > 1 or kv[0] in listed], None, subs))


def _listed_topics_in_remarks(out: Scored, turns, by_meeting, unit) -> None:
    """Besides its main topics, a remark carries every topic of its speaker's own list that it
    speaks of (a profile's "missile · 38 remarks" opens the 38 remarks, not the one in which
    "missile" was among the six most distinctive phrases), every listed topic (of anyone's or any
    meeting's list) that it comes back to, DWELT_USES times or more (the head of state's long
    answers, each on many subjects, count on the Syria page), and every topic of its meeting's list
    that it speaks of (a word the meeting says again and again, MEETING_WORD_ZIPF, may be no
    remark's main topic: its remarks are what the meeting's "wildfires" opens). Who raised each is
    read afterwards, from all of them (_raised)."""
    own = {pid: {p for p, _, _ in plist} for pid, plist in out.person_topics.items()}
    listed: set[str] = set().union(*own.values()) if own else set()
    for mlist in out.meeting_topics.values():
        listed.update(p for p, _ in mlist)
    if not listed:
        return
    added = False
    nobody: set[str] = set()
    for mid, mts in by_meeting.items():
        of_meeting = {p for p, _ in out.meeting_topics.get(mid, ())}
        for t in mts:
            carried = listed.intersection(t.phrases.keys())
            if not carried:
                continue
            chosen = out.turn_topics.get(t.turn_id)
            extra = carried.difference(chosen) if chosen is not None else carried
            mine = own.get(t.speaker_id, nobody)
            new_own = sorted(extra & mine)
            back_to = extra.intersection(_used_at_least(t.phrases, DWELT_USES))
            dwelt = sorted((back_to | (extra & of_meeting)) - mine)
            if new_own or dwelt:
                if chosen is None:
                    chosen = out.turn_topics[t.turn_id] = {}
                    added = True
                if dwelt:
                    out.dwelt_from[t.turn_id] = len(chosen) + len(new_own)
                for p in new_own + dwelt:
                    chosen[p] = _remark_weight(t.phrases[p], unit[p], t.is_summary)
    if added:  # keep the remarks in the archive's order (grouped by meeting)
        tt = out.turn_topics
        out.turn_topics = {t.turn_id: tt[t.turn_id] for t in turns if t.turn_id in tt}


def _used_at_least(phrases: Mapping[str, int], n: int) -> set[str]:
    if isinstance(phrases, PhraseCounts):
        return phrases.used_at_least(n)
    return {p for p, c in phrases.items() if c >= n}


def person_idf(key: str, archive_idf: float, remarks: int, mean_words: float) -> float:
    """The idf a person's topic is weighed with: the archive's to the power ARCHIVE_IDF_EXPONENT,
    or, for a one-word topic carried by ARCHIVE_WIDE or more of the archive's `remarks`, general
    English's where that is larger (english_idf): a word rare in English ("coronavirus") that the
    whole archive speaks of is still a subject of each person who speaks of it."""
    own = archive_idf**ARCHIVE_IDF_EXPONENT
    return max(own, english_idf(key, mean_words)) if remarks >= ARCHIVE_WIDE else own


def dominance(remarks: int, share: float) -> float:
    """The factor of a person's topic carried by `remarks` of theirs, for a person who says `share`
    of the archive's words (DOMINANCE_EXPONENT): 1 for a small share or a single remark."""
    return remarks ** (DOMINANCE_EXPONENT * share)


def english_idf(key: str, mean_words: float) -> float:
    """The idf of a one-word key over remarks of the archive's mean length drawn from general
    English (wordfreq); a word wordfreq does not know ("Akkuyu") is as rare as the rarest it lists
    (UNKNOWN_ZIPF); 0 for a phrase."""
    if " " in key:
        return 0.0
    f = english_frequency(key) or UNKNOWN_FREQUENCY
    return -math.log(-math.expm1(-f * max(1.0, mean_words)))


class ChanceMeetings:
    """How many meetings a phrase used `uses` times would be in by chance: if each word of the
    archive were it with the same probability (Poisson), meeting m of n_m words holds it with
    probability 1 - exp(-uses * n_m / total). Meetings are grouped by length (a quarter of e
    apart, each group at its mean length) and the answer is memoised per number of uses, so it costs little for a large archive."""

    def __init__(self, meeting_words: Iterable[int], total_words: int):
        count: Counter = Counter()
        words: Counter = Counter()
        for w in meeting_words:
            g = round(math.log(max(1, w)) * 4)
            count[g] += 1
            words[g] += w
        total = max(1, total_words)
        # Each group at its meetings' mean length: the shares add up to the archive's words.
        self._groups = [(words[g] / count[g] / total, count[g]) for g in sorted(count)]
        self._memo: dict[int, float] = {}

    def __call__(self, uses: int) -> float:
        e = self._memo.get(uses)
        if e is None:
            e = self._memo[uses] = sum(k * -math.expm1(-uses * share) for share, k in self._groups)
        return e


def burstiness(chance_meetings: float, meetings: int) -> float:
    """The factor of a topic that clusters in fewer meetings than chance would give it (see
    BURST_EXPONENT): 1 for a word of ordinary speech, up to BURST_CAP ** BURST_EXPONENT."""
    ratio = (chance_meetings + BURST_PRIOR) / (meetings + BURST_PRIOR)
    return min(BURST_CAP, max(1.0, ratio)) ** BURST_EXPONENT


class _WordsShownAs:
    """Phrase key -> the keys the words that qualify its last word are shown under where those
    differ (subjects.variants: "eurasian economic union" -> {"eurasia"}, the place its adjective
    names; not "intra syrian", whose adjective is what the phrase names), memoised. And who says
    such a key itself (`said_by`), from the remarks as written (`turns`, before variants merged
    "Syrian" into "Syria")."""

    def __init__(self, vmap: Mapping[str, str | None], turns: list[TurnPhrases]):
        self._vmap = vmap
        self._turns = turns
        self._memo: dict[str, frozenset[str]] = {}
        self._speakers: dict[str, set[int]] | None = None

    def said_by(self, key: str, speaker: int) -> bool:
        """Does `speaker` say `key` itself in some remark? (One pass over the archive, the first
        time it is asked, for every key a word is shown under.)"""
        if self._speakers is None:
            targets = {q for w, q in self._vmap.items() if q is not None and " " not in w and q != w}
            speakers: dict[str, set[int]] = defaultdict(set)
            for t in self._turns:
                if t.speaker_id is not None:
                    for k in targets.intersection(t.phrases.keys()):
                        speakers[k].add(t.speaker_id)
            self._speakers = speakers
        return speaker in self._speakers.get(key, ())

    def __call__(self, key: str) -> frozenset[str]:
        got = self._memo.get(key)
        if got is None:
            get = self._vmap.get
            got = self._memo[key] = frozenset(
                q for w in key.split(" ")[:-1] if (q := get(w)) is not None and q != w
            )
        return got


def _whole_phrases(ranked, uses, remarks, subs, words_shown_as, person):
    """A topic a person says (almost) only inside one longer phrase of theirs is shown as that
    phrase ("stream" -> "Turkish Stream"), at its own place. So is a topic a word of the phrase
    is shown under (`words_shown_as`, a _WordsShownAs), when the phrase is among the person's
    ranked topics too and the person never says the topic itself: "Eurasia" of someone who says
    "Eurasian" only in "the Eurasian Economic Union"."""
    head = {p for p, _, _ in ranked}
    whole: dict[str, str] = {}
    for q, uq in uses.items():
        if " " not in q or q not in remarks:
            continue
        inside = subs[q] & head
        if q in head:
            inside |= {k for k in words_shown_as(q) & head if not words_shown_as.said_by(k, person)}
        for s in inside:
            if uq >= OWN_FRAGMENT_SHARE * uses[s]:
                b = whole.get(s)
                if b is None or (uq, len(q), b) > (uses[b], len(b), q):
                    whole[s] = q
    if not whole:
        return ranked
    out, seen = [], set()
    for p, w, r in ranked:
        if p in whole:
            p = whole[p]
            r = remarks[p]
        if p not in seen:
            seen.add(p)
            out.append((p, w, r))
    return out


def _written_as_a_name(word: str, occurrences: Mapping[str, int]) -> bool:
    """Does the archive write this noun of the dictionary as a name: capitalised on its own inside
    a sentence (phrases.CAPITAL_USE) more often than in lower case (its uses less those
    capitalised, alone or in a name; a sentence's first word is read as lower case)? "Perm",
    "China", "Turkey", "Expo"; not "Chamber", "sea", "match". `occurrences`: uses over the archive
    (_canonical)."""
    alone = occurrences.get(CAPITAL_USE + word, 0)
    return 2 * alone > occurrences.get(word, 0) - occurrences.get(NAME_USE + word, 0)


def _name_uses(
    turns: list[TurnPhrases], vmap: Mapping[str, str | None], occurrences: Mapping[str, int]
) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]], dict[str, int]]:
    """(person -> word key -> their uses of it as a word of a name (phrases.NAME_USE), meeting ->
    the same for its remarks), read from the remarks as written (`turns`: _canonical drops the use
    keys) under the key each word is shown under (`vmap`); not of the words the archive writes as
    names (_written_as_a_name over `occurrences`), which a name's other words only place ("Perm
    Region"). And, under each phrase key, the uses of the phrase inside a longer name
    (phrases.NAME_RUN: _pieces_of_run): a one-word key counts name uses, a phrase pieces; and
    those of the whole archive (the third map)."""
    people: dict[int, dict[str, int]] = {}
    meetings: dict[int, dict[str, int]] = {}
    shown: dict[str, str | None] = {}  # name-use key -> the word it counts for (None: a name)
    held_by_run: dict[str, Counter] = {}  # name-run key -> the phrase keys it holds, each so many times
    archive: dict[str, int] = {}
    for t in turns:
        keys = t.phrases.keys()
        # NAME_USE and NAME_RUN sort before every letter and every use key but the kinds' (which
        # only _canonical adds): most remarks have neither.
        if not keys or min(keys)[0] not in _NAME_MARKS:
            continue
        theirs = people.setdefault(t.speaker_id, {}) if t.speaker_id is not None else {}
        meeting = meetings.setdefault(t.meeting_id, {})
        for k, c in t.phrases.items():
            mark = k[0]
            if mark == NAME_USE:
                if k not in shown:
                    w = k[1:]
                    shown[k] = None if _written_as_a_name(w, occurrences) else vmap.get(w, w)
                word = shown[k]
                if word is not None:
                    theirs[word] = theirs.get(word, 0) + c
                    meeting[word] = meeting.get(word, 0) + c
            elif mark == NAME_RUN:
                held = held_by_run.get(k)
                if held is None:
                    held = held_by_run[k] = _pieces_of_run(k[1:].split(" "), vmap, occurrences)
                for p, n in held.items():
                    theirs[p] = theirs.get(p, 0) + n * c
                    meeting[p] = meeting.get(p, 0) + n * c
                    archive[p] = archive.get(p, 0) + n * c
    return people, meetings, archive


_NAME_MARKS = (NAME_USE, NAME_RUN)


def _with_their_words(pieces: set[str], uses: Mapping[str, int]) -> set[str]:
    """The pieces of names a list leaves out, and the words of them it says (almost) only there
    (OWN_FRAGMENT_SHARE of their `uses`): "Parliamentarianism" goes with "Parliamentarianism Day"."""
    if not pieces:
        return pieces
    words = {w for p in pieces for w in p.split(" ") if w in uses and w not in NAME_LINKS}
    inside = {w: sum(uses[p] for p in pieces if w in p.split(" ")) for w in words}
    return pieces | {w for w in words if inside[w] >= OWN_FRAGMENT_SHARE * uses[w]}


def _a_piece(p: str, pieces: Mapping[str, int], uses: Mapping[str, int]) -> bool:
    """Does the archive write phrase `p` inside longer names (`pieces`: _name_uses) in
    NAME_WORD_SHARE of its `uses` or more? Then it is no name of its own ("Guard Service"); a name
    also written alone ("Saudi Arabia" of the Kingdom of Saudi Arabia, "World Cup" of the FIFA World
    Cup, "Central Bank") is one, whatever a list's remarks write."""
    return pieces.get(p, 0) >= NAME_WORD_SHARE * uses.get(p, 0)


def _pieces_of_run(
    words: list[str], vmap: Mapping[str, str | None], occurrences: Mapping[str, int]
) -> Counter:
    """The phrase keys a name (its words as phrases.name_runs counts them) holds as a shorter part
    of two words or more, as the extractor keys them, each under the key it is shown under
    (`vmap`), and how many times; not the name shown as the whole is, nor, if the variants drop a
    whole joined by "and", any ("Sea of Azov and Black Sea", read as two subjects; a title
    and a person's name, also dropped, have pieces: "President Moon"). An office "of the" the name
    and a place's adjective opening it are no words of it (`occurrences` say which words are
    places): "Chairman of the Eurasian Economic Commission Board" is the board's name, "Russian
    Parliamentarianism Day" holds no piece."""
    if "of" in words:  # "Chairman of the Eurasian Economic Commission Board": the board's name
        of = words.index("of")
        if 0 < of and all(w in TITLE_WORDS for w in words[:of]):
            words = words[of + 1 :]
            if words[:1] == ["the"]:
                words = words[1:]
    while len(words) > 2 and place_of_any(words[0], occurrences):
        words = words[1:]
    key = phrase_key(words)
    whole = vmap.get(key, key)
    out: Counter = Counter()
    if whole is None and "and" in words:
        return out  # no name to show ("Sea of Azov and Black Sea", read as two subjects)
    n = len(words)
    for i in range(n):
        if words[i] in NAME_LINKS:
            continue
        for j in range(i + 2, n + 1 if i else n):
            if words[j - 1] in NAME_LINKS:
                continue
            key = phrase_key(words[i:j])
            shown = vmap.get(key, key)
            if shown is not None and shown != whole and " " in shown:  # (a word counts name uses)
                out[shown] += 1
    return out


def _names_for_name_words(listed, uses, remarks, subs, named, office=()):
    """A person's list with each one-word topic they write as a word of a name in NAME_WORD_SHARE
    of their `uses` of it or more (`named`: their name uses, _name_uses) shown as the phrase of
    theirs that holds HEAD_PHRASE_SHARE of those uses, if they say it twice or more and it recurs
    in the archive (`remarks`: the person's remarks that weigh it), at the word's place ("sea" of
    someone who says "the Northern Sea Route" more than anything else with it, and "the Kara
    Sea"); else left out ("Match" of "Match TV", said once). A list holds each topic once. What
    the person's `office` answers for stays ("emergency" of the Emergencies Ministry's minister)."""
    names = {
        p
        for p, _, _ in listed
        if " " not in p and p not in office and named.get(p, 0) >= NAME_WORD_SHARE * uses.get(p, 0) > 0
    }
    if not names:
        return listed
    best: dict[str, tuple[int, int, str]] = {}  # word -> (uses, length, phrase) of its best phrase
    for q, uq in uses.items():
        if " " in q and q in remarks:
            for p in names.intersection(subs[q]):
                if (uq, len(q), q) > best.get(p, (0, 0, "")):
                    best[p] = (uq, len(q), q)
    out, seen = [], {p for p, _, _ in listed}
    for p, w, r in listed:
        if p in names:
            uq, _, q = best.get(p, (0, 0, ""))
            if q in seen or uq < max(2, HEAD_PHRASE_SHARE * uses[p]):
                continue
            seen.add(q)
            p, r = q, remarks[q]
        out.append((p, w, r))
    return out


def _heads_as_phrases(ranked, uses, remarks):
    """A one-word topic the person says mostly after another word (HEAD_SHARE) shown as the
    two-word phrase of theirs that holds most of those uses, if it holds HEAD_PHRASE_SHARE of them,
    at the word's place (unless its first word only dates or grades, "new energy", or is a topic of
    theirs already, "tax revenue" after "tax"); otherwise left out if said mostly after names,
    kept if after words. A kind of place or body (KIND_USE) is only ever shown as such a phrase.
    `uses`, `remarks`: the person's."""
    after: dict[str, int] = {}  # word -> its uses after another word
    after_names: dict[str, int] = {}  # word -> its uses after a word the dictionary lacks
    best: dict[str, tuple[int, str]] = {}  # word -> (uses, phrase) of its commonest such phrase
    for q, uq in uses.items():
        if q.count(" ") == 1:
            first, head = q.split(" ")
            after[head] = after.get(head, 0) + uq
            if not parts_of_speech(first):
                after_names[head] = after_names.get(head, 0) + uq
            if (uq, q) > best.get(head, (0, "")):
                best[head] = (uq, q)
    out, seen = [], set()
    for p, w, r in ranked:
        word = _without_use_mark(p)
        n = after.get(word, 0)
        if n and " " not in p and n >= HEAD_SHARE * uses[p]:
            uq, q = best[word]
            if uq >= HEAD_PHRASE_SHARE * n and q in remarks:
                first = q[: q.index(" ")]
                # Not "new energy", nor "tax revenue" below "tax": the word says it better.
                if first not in DATING_ADJECTIVES and first not in GRADING_ADJECTIVES and first not in seen:
                    p, r = q, remarks[q]
            elif after_names.get(word, 0) >= HEAD_SHARE * n:
                continue
        if p[0] == KIND_USE:
            continue  # not said as one phrase: no subject of its own
        if p not in seen:  # the phrase may be ranked on its own too: once, at the higher place
            seen.add(p)
            out.append((p, w, r))
    return out


def _without_use_mark(key: str) -> str:
    """The word a KIND_USE key marks ("#territory" -> "territory"); any other key as it is."""
    return key[1:] if key[0] == KIND_USE else key


# Endings that make, of a word, who does it or the doing of it ("farmer", "farming" of "farm";
# "transportation" of "transport"): on a person's list, one subject with the word (_one_per_doctrine).
DOER_ENDINGS = ("ation", "ing", "er")


def _one_per_doctrine(ranked):
    """An -ism and its -ists ("terrorism", "terrorists"; "tourism", "tourists") are one subject
    on a person's list, and so are a word and who does it or the doing of it (DOER_ENDINGS:
    "farm", "farmers", "farming"; "transport", "transportation") when both are on it: the one ranked
    higher is listed, the others not."""
    words = {item[0] for item in ranked if " " not in item[0]}
    made_of = {w: base for w in words if (base := _made_of(w, words)) is not None}
    bases = set(made_of.values())
    out, seen = [], set()
    for item in ranked:
        p = item[0]
        if p.endswith(("ism", "ist")) and len(p) > 5 and " " not in p:
            stem: str | None = p[:-3]
        else:
            stem = made_of.get(p) or (p if p in bases else None)
        if stem is not None:
            if stem in seen:
                continue
            seen.add(stem)
        out.append(item)
    return out


def _made_of(word: str, words: Collection[str]) -> str | None:
    """The word of `words` that an ending of DOER_ENDINGS makes `word` of, if any ("farming" ->
    "farm", "mining" -> "mine", "shipping" -> "ship")."""
    for ending in DOER_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            for base in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else None):
                if base and base in words:
                    return base
    return None


def _sub_phrases(p: str) -> frozenset[str]:
    """Every phrase p contains: the runs of whole words of p, other than p itself."""
    words = p.split(" ")
    k = len(words)
    if k == 1:
        return frozenset()
    runs = word_runs(words, k - 1)
    possessives = [j for j, w in enumerate(words[:-1]) if w.endswith("'s")]
    return frozenset(runs | _runs_ending_as_keys(words, possessives)) if possessives else frozenset(runs)


def _runs_as_keys(p: str, subs: dict[str, frozenset[str]]) -> frozenset[str]:
    """The runs of whole words of p (`subs[p]`) and, where a word inside p is a plural, the runs
    ending on it as their own key reads them (phrases.phrase_key singularises a key's last word
    only): "armed forces of the russian federation" holds "armed force", the key of "the Armed
    Forces" said alone; "paks nuclear power plant" holds "pak" ("Paks")."""
    words = p.split(" ")
    plurals = [j for j, w in enumerate(words[:-1]) if singular(w) != w]
    return subs[p] | _runs_ending_as_keys(words, plurals) if plurals else subs[p]


def _runs_ending_as_keys(words: list[str], inner: list[int]) -> set[str]:
    """The runs of a phrase's `words` that end on one of its `inner` words (never its last), that
    word singular as a key's last word is (phrases.singular: "forces" -> "force", "people's" ->
    "people")."""
    return {" ".join((*words[i:j], singular(words[j]))) for j in inner for i in range(j + 1)}


def _dedupe(items, limit: int | None, subs: dict[str, frozenset[str]], quiet=None) -> list:
    """The first `limit` (all if None) items (phrase first) that neither contain nor are contained
    in an earlier kept one; `subs`: each phrase's runs of whole words (_sub_phrases), read as keys
    (_runs_as_keys). A phrase `quiet` holds true of is kept, but keeps no later one off."""
    kept: list = []
    names: set[str] = set()
    inside: set[str] = set()  # every run of whole words of a kept phrase
    for item in items:
        p = item[0]
        runs = _runs_as_keys(p, subs) if " " in p else subs[p]
        if p in inside or not runs.isdisjoint(names):
            continue
        kept.append(item)
        if len(kept) == limit:
            break
        if quiet is None or not quiet(p):
            names.add(p)
            inside |= runs
    return kept
