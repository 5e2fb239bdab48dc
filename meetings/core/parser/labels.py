"""Speaker labels ("Title Name (note): text") and summary subjects ("(Council member X spoke …)").

The rule of the convention: a label is a person, optionally with a title before the name or a
role after it, or a known generic label. A colon after any other phrase ("Once again:",
"So, the recommendations are the following:", "Photo:") is ordinary text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from wordfreq import zipf_frequency

from .given_names import begins_a_name
from .names import JOINED_PARTICLE, clean_spaces, is_initial, is_name_word, is_regnal, split_glued, tidy_name
from .vocabulary import (
    ADDRESS_TITLES,
    COMMON_WORDS,
    COUNTRIES,
    ENGLISH_OUTLET_WORDS,
    GENERIC_ACRONYMS,
    GENERIC_LABELS,
    GROUP_WORDS,
    HONORIFICS,
    NOT_IN_TITLE,
    ORDINAL_TITLES,
    OUTLET_OPENERS,
    OUTLET_WORDS,
    PARTICLES,
    PLACE_NAME_OPENERS,
    PLACE_WORDS,
    QUOTING_VERBS,
    REMARK_LABELS,
    SENTENCE_STARTERS,
    SINGLE_NAME_TITLES,
    SPEECH_VERBS,
    SURNAME_TITLE_WORDS,
    TITLE_WORDS,
)

_GENERIC_RE = re.compile(
    r"^(?:the |a |an |one |another )?(?P<head>"
    + "|".join(sorted((re.escape(g) for g in GENERIC_LABELS), key=len, reverse=True))
    + r")(?: (?:from|in|to) (?:the )?(?:audience|floor|hall|room|studio|[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}))?$",
    re.IGNORECASE,
)


# A generic label numbered as a written interview numbers its questions ("Question 1", "Question
# No. 2", "3. Question"): the label read without its number.
_NUMBERED = re.compile(
    r"^(?:\d{1,3}[.)]\s+(?P<before>.+)|(?P<after>.+?),?\s+(?:No\.?\s*|Number\s+|#)?\d{1,3})$", re.IGNORECASE
)


def _numbered_question(core: str) -> re.Match | None:
    """The generic label of a numbered question ("Question 1", "Question No. 2", "3. Question": a
    written interview's), without its number; None for any other label ("Remark 1" of a list)."""
    numbered = _NUMBERED.match(core)
    g = numbered and _GENERIC_RE.match(numbered.group("before") or numbered.group("after"))
    return g if g and "question" in g.group("head").casefold() else None


def is_numbered_question(label: str) -> bool:
    """Is this label, a note in brackets aside, a numbered question ("Question 3")?"""
    m = _NOTE_RE.match(label)
    return (
        _numbered_question(clean_spaces(m.group("core").strip() if m and m.group("core") else label))
        is not None
    )


_GLUED_INITIAL = re.compile(r"^((?:[A-Z]\.)+)(?=[A-Z](?:[a-z]|[A-Z]{2}))")
_NOTE_RE = re.compile(r"^(?P<core>.*?)\s*\((?P<note>[^()]{1,120})\)\s*$")
_BAD_PUNCT_RE = re.compile(r"[?!;“”\"«»]|\.\.\.|…|^\W|\.$")
_WORD_DOT = re.compile(r"(\w+)\.\s")
_CLAUSE_COMMA = re.compile(r",\s+([a-z][\w-]*)")
_APOSTROPHE = re.compile(r"[’']")
_QUOTED_NAME = re.compile(r"[“«\"][A-Z][^“”«»\"]{0,79}[”»\"]")  # an organisation's name in quotes
_QUOTED = re.compile(r"[“«\"][^“”«»\"]{1,80}[”»\"]")
_AND_ALL = re.compile(r"(\band) All(?= [A-Z])")
_OF_PLACE = re.compile(r"^(?P<head>.+\S) of (?P<place>[A-Z][\w’'-]*(?: (?:and )?[A-Z][\w’'-]*){0,4})$")
# A title on its own, in title case: capitalised words, joiners and years ("Winner of the Prize
# for Young Scientists for 2017"); a lower-case word would make it a sentence.
_TITLE_ONLY = re.compile(
    r"^[A-Z][\w’'-]*(?: (?:[A-Z][\w’'.-]*|of|the|and|for|in|on|at|\d{4}))"
    r"{0,15}$"
)
_THE_TITLE = re.compile(r"^the\s+(.{3,80})$", re.IGNORECASE)
_GLUED_CASE = re.compile(r"[a-z][A-Z]")
# Words in a title at most: two offices joined, each with its organisation's full name ("Co-chair
# of … campaign and General Director of the … Centre for …, … and …", 24 words).
TITLE_MAX_WORDS = 28
_ACRONYM = re.compile(r"^[A-Z]{2,}$")  # "US", "UN", "EU": a country or a body, not a word
_ABBREVIATIONS = {
    "mrs",
    "gen",
    "col",
    "jr",
    "sr",
    "dr",
    "st",
    "no",
    "prof",
    "rev",
    "hon",
    "lt",
    "sgt",
    "capt",
    "mr",
    "ms",
    "mt",
    "ft",
    "co",
    "inc",
    "ltd",
    "corp",
    "dept",
}


class _BadPunct:
    """Punctuation that a label never holds: a sentence break, a question, a quotation."""

    @staticmethod
    def search(text: str) -> bool:
        if _BAD_PUNCT_RE.search(text):
            return True
        for m in _WORD_DOT.finditer(text):
            word = m.group(1)
            if len(word) >= 2 and word.casefold() not in _ABBREVIATIONS:
                return True
        return False


_BAD_PUNCT = _BadPunct()


# A title word glued to the word after it, a typo of the source ("Presidentof", "Minister-Presidentof").
_GLUED_TITLE = re.compile(r"\b([A-Z][a-z]+)(of|for|and|the)\b")


# A military or a church's rank written after an office without a comma, before the name:
# "<Office> Lt-Gen <Name>", "<Office> Cardinal <Name>".
_RANKS = (
    r"(?:(?:Lieutenant|Colonel|Major|Army)[ -]General|General of the Army|"
    r"(?:Vice|Rear)[ -]Admiral|Admiral|(?:Lt|Col|Maj)\.?-Gen\.?|(?:Lieutenant )?Colonel|"
    r"Cardinal|Archbishop|Metropolitan|Bishop|Archimandrite|Archpriest)"
    r"(?: (?:1st|2nd|3rd) Rank)?"
)
_TRAILING_RANK = re.compile(r"(?<=[A-Za-z])\s+(" + _RANKS + r")$")
_RANK = re.compile(_RANKS)  # (a word that is one: fullmatch)


def tidy_title(title: str) -> str:
    """A title as stored and shown: a title word glued to its joiner split ("Presidentof
    Borduria" -> "President of Borduria"); a rank after an office set apart by a comma
    ("<Office> Lieutenant General" -> "<Office>, Lieutenant General"); anything else as written."""

    def split(m: re.Match) -> str:
        word = m.group(1)
        return f"{word} {m.group(2)}" if word.casefold() in TITLE_WORDS else m.group(0)

    title = _GLUED_TITLE.sub(split, title)
    rank = _TRAILING_RANK.search(title)
    if rank and " " in title[: rank.start()].strip():  # an office of two words or more before it
        title = f"{title[: rank.start()]}, {rank.group(1)}"
    return title


@dataclass(frozen=True)
class Label:
    """A parsed speaker label: a `name`, a `generic` label, or a title alone (`role` only:
    "The President:"), which the parser resolves to the person holding it in the meeting."""

    text: str  # the label as written, spaces cleaned ("President of Russia Vladimir Putin")
    name: str | None = None  # the person's name as written, tidied ("Vladimir Putin")
    role: str | None = None  # the title or position written with the name, tidied (tidy_title)
    note: str | None = None  # a bracketed note that is not part of the name ("retranslated")
    generic: str | None = None  # the generic label ("Remark", "Question")

    def __post_init__(self) -> None:
        if self.role:
            object.__setattr__(self, "role", tidy_title(self.role))


Attested = Callable[[str], bool]


def _never(_: str) -> bool:
    return False


_STYLE = re.compile(
    r"^(?:his|her|their|your) (?:royal |imperial |serene )?"
    r"(?:majesty|majesties|holiness|excellency|excellencies|highness|beatitude|eminence|grace)\b\s*",
    re.IGNORECASE,
)


def _title_ok(title: str) -> bool:
    title = _STYLE.sub("", title)
    if '"' in title or "“" in title or "«" in title:
        title = _QUOTED_NAME.sub("Q", title)  # "the “<Name>” company": a name, one word
    title = _AND_ALL.sub(r"\1", title)  # "of Moscow and All Russia": "All" of a title, not of a sentence
    if not title:
        return True
    if _BAD_PUNCT.search(title):
        return False
    written = [w for w in (w.strip(",()") for w in title.split()) if w]
    words = [_APOSTROPHE.split(w.casefold())[0] or w.casefold() for w in written]  # "let’s" is "let"
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    if words[0] == "the" and len(words) > 1 and any(w.strip("’'") in TITLE_WORDS for w in words[1:]):
        words, written = words[1:], written[1:]  # "The athlete’s father and coach <Name>"
    # "First Deputy Prime Minister", "Second Secretary": an ordinal before a title word is part of
    # the title, not a sentence's "First, …"; "US Secretary of State": an acronym, not "us".
    ordinal_title = words[0] in ORDINAL_TITLES and len(words) > 1 and words[1] in TITLE_WORDS
    if not (ordinal_title or _ACRONYM.match(written[0])) and (
        words[0] in SENTENCE_STARTERS or words[0] in NOT_IN_TITLE
    ):
        return False
    # A capitalised word inside the title (neither first nor last) is part of a name it holds
    # ("Head of the A Just Russia faction"); in lower case (or "I") it is a word of a sentence.
    last = len(words) - 1
    if any(
        w in NOT_IN_TITLE
        and not _ACRONYM.match(c)
        and (i in (0, last) or not c[:1].isupper() or c == "I")
        and not (w == "many" and i > 0 and words[i - 1] == "of")  # "Mother of many children"
        for i, (w, c) in enumerate(zip(words, written))
    ):
        return False
    # A comma inside a title joins parts of a title ("Civil Defence, Emergency Situations and
    # Disaster Relief Minister"); followed by a lower-case word it is a clause of a sentence.
    # A title word after it opens a second title ("…, veteran cosmonaut <Name>").
    if any(
        m.group(1) not in TITLE_WORDS and not _an_occupation(title[m.start(1) :])
        for m in _CLAUSE_COMMA.finditer(title)
    ):
        return False
    return True


# The last word of an occupation as a title gives it in lower case ("writer", "test pilot",
# "farmer", "conductor", "scientist", "milkmaid"): a person's word, no sentence's.
_OCCUPATION = re.compile(r"^(?:[a-z]+ ){0,2}(?:[a-z]+(?:er|or|ist|ian|man|woman|maid)|pilot|nurse)$")


def _an_occupation(words: str) -> bool:
    """Are the words after a title's comma, to its end, an occupation ("…, writer")?"""
    return bool(_OCCUPATION.match(words)) and not any(w in NOT_IN_TITLE for w in words.split())


def _names_an_office(text: str) -> bool:
    """Does the text hold a word of an office ("Governor", "CEO"), a place's word aside ("Region")?"""
    return any(
        w in TITLE_WORDS and w not in PLACE_WORDS for w in (w.casefold().strip(",") for w in text.split())
    )


def _looks_like_title(text: str) -> bool:
    """Does a note in brackets after a name give an office ("President of Russia")? One naming
    a place alone ("Tvorsk Region": where a questioner comes from) does not."""
    return text[:1].isupper() and _title_ok(text) and _names_an_office(text)


# Words that join a title to what it is the title of ("Minister of …", "Chairman of the …"): a
# name never follows one directly, so capitalised words after them belong to the title.
TITLE_JOINERS = {"of", "for", "the", "and", "on", "in", "at", "to", "with", "under", "&"}
_POSSESSIVE = re.compile(r"['’]s?$")
_HYPHENATED_PARTICLE = re.compile(rf"^{JOINED_PARTICLE}[A-Z]")


def _is_acronym(token: str) -> bool:
    """An organisation's or a title's letters ("UN", "JSC", "CEO"), not an initial or a name."""
    core = token.strip(".,")
    return len(core) >= 2 and core.isupper() and core.isalpha() and not is_regnal(core)


def _name_word(token: str, shouting: bool) -> bool:
    """Can this token be part of a personal name in this label? `shouting` is true when the
    label writes names in capitals ("VLADIMIR PUTIN"), where capitals are not acronyms."""
    if _HYPHENATED_PARTICLE.match(token):
        return True  # "al-Assad", "el-Sisi"
    if not is_name_word(token):
        return False
    if not shouting and _is_acronym(token):
        return False
    if "-" in token and any(part.casefold() in TITLE_WORDS for part in token.split("-")):
        return False  # "Secretary-General", "Editor-in-Chief"
    return True


def _named_before_the_comma(tokens: list[str], start: int, attested: Attested) -> bool:
    """In "<Words>, <Name>" read from the end, is the person the words before the comma ("<Given>
    <Surname>, <Paper>", "Reporter <Given> <Surname>, <Paper>"), not the name after it ("<Town>,
    <Given> <Surname>")? When they end in a name opening with a given name the list knows and the
    words after the comma open with none, or name a paper or a station ("<Name> Daily")."""
    if start < 2 or not tokens[start - 1].endswith(",") or begins_a_name(tokens[start]):
        return False
    before = [t.rstrip(",") for t in tokens[:start]]
    named = _walk_name(before, attested)
    after = tokens[start:]
    return 0 <= named <= len(before) - 2 and (
        begins_a_name(before[named]) or (len(after) == 2 and _a_town_or_an_outlet(after))
    )


def _opens_a_name(tokens: list[str], start: int) -> bool:
    """Can the word at `start`, before a middle initial, be a given name ("Adnan Z. Amin")? Not a
    common English word ("Minister of Economic Development A. <Surname>") nor what a title is of
    ("President of <Place> H. <Surname>"), unless the list knows it as a given name."""
    word = tokens[start]
    if begins_a_name(word):
        return True
    before = tokens[start - 1].casefold() if start > 0 else ""
    return not common_word(word) and before not in TITLE_JOINERS and not _POSSESSIVE.search(before)


# A patronymic, as a form of address writes it after a given name ("Pavel Ivanovich", "Ilya
# Ilyich", "Anna Ilyinichna"): never a name's first word. None ends in "-rich": German given names
# do ("Ulrich", "Friedrich", "Heinrich").
_PATRONYMIC = re.compile(r"[a-z](?:ovna|evna|ichna)$|[a-qs-z]ich$")


def _a_surname_of_a_title_word(tokens: list[str], at: int) -> bool:
    """Is the title's word that ends the label ("King", "Bishop", "Judge") a surname: does a given
    name the list knows come right before it ("Larry King", "Julie Bishop", "Harry King")? Not
    when that word is a common English one that qualifies a title, a people's or a faith's
    adjective ("German Chancellor", "Christian Bishop", "Roman"), nor a country's name: a title
    never comes after a person's given name."""
    word = tokens[at]
    low = word.casefold()
    if at < 1 or at != len(tokens) - 1 or not word.isalpha() or not word[:1].isupper():
        return False
    if low not in SURNAME_TITLE_WORDS:
        return False  # ("Svetlana Director", "Head of the Vera Foundation": no surnames)
    given = tokens[at - 1]
    before = tokens[at - 2].casefold() if at >= 2 else ""
    return (
        given.isalpha()
        and given[:1].isupper()
        and begins_a_name(given)
        and not (common_word(given) and given.casefold().endswith("an"))
        and given.casefold() not in COUNTRIES
        and before not in TITLE_JOINERS  # ("Director of Sofia <Title word>")
        and not _POSSESSIVE.search(before)
    )


def _a_persons_name(words: str, attested: Attested) -> bool:
    """Do these words read as a person's name alone ("Oskar Feld"), not a paper's or a town's
    ("Harbour Herald", "Tvorsk")?"""
    if begins_a_name(words.split()[0]):
        return True
    named = parse_label(words, attested)
    return (
        named is not None
        and named.name == words
        and not named.role
        and not _a_town_or_an_outlet(words.split())
    )


def _named_in_note(note: str, attested: Attested) -> Label | None:
    """The person a note in brackets names in full, opening with a given name the list knows
    ("Anna Lind", "Anna Lind, <Paper>"), or None ("retranslated", "<Paper>")."""
    parts = [part.strip() for part in note.split(",")]
    if len(parts) > 2 or any(part and _a_persons_name(part, attested) for part in parts[1:]):
        return None  # two people ("<Name>, <Name>"), or a list of them: the label is neither one's
    named = parse_label(parts[0], attested)
    if named is None or named.name != parts[0] or named.role or named.note:
        return None
    words = named.name.split()
    if not 2 <= len(words) <= 3 or not begins_a_name(words[0]):
        return None
    if any(common_word(w, BODY_WORD_ZIPF) for w in words[1:]):
        return None  # a body named after someone ("<Given> <Surname> Presidential Library")
    return Label(text=note, name=named.name, role=parts[1] if len(parts) == 2 and parts[1] else None)


def _a_given_name_of_common_words(token: str) -> bool:
    """Is this word, one that opens headings and sentences and so is no name's word ("Bill" of
    "Bill on …"), a given name before a surname ("Bill <Surname>")?"""
    return (
        token[:1].isupper() and token.isalpha() and token.casefold() in COMMON_WORDS and begins_a_name(token)
    )


def _walk_name(tokens: list[str], attested: Attested) -> int:
    """Index in `tokens` where the trailing personal name starts, or -1 when there is none.

    Two name words by default (Russian names: given name and surname). The name is longer when
    the longer form is written elsewhere in the same transcript (Recep Tayyip Erdogan), when a
    word before the default two is known to begin names, when the default would start with a
    middle initial or right after a particle ("Tamim bin Hamad Al Thani"). Capitalised words
    right after "of", "the", "and" or a possessive are what a title is of ("Minister of Foreign
    Affairs", "Chairman of the Accounts Chamber"), not a name.
    """
    shouting = all(not any(c.islower() for c in tok) for tok in tokens if tok[:1].isalpha())
    i = len(tokens)
    words = 0
    starts: list[int] = []
    while i > 0:
        tok = tokens[i - 1]
        low = tok.casefold()
        if words > 0 and low in PARTICLES and i < len(tokens):
            i -= 1
            continue
        # A surname may be written in capitals ("Sergei KOLMAR"): capitals are an acronym
        # ("UN Secretary-General …") only before it.
        if (
            (_name_word(tok, shouting or words == 0) and not (words == 0 and is_initial(tok)))
            or (words == 0 and _a_surname_of_a_title_word(tokens, i - 1))
            or (words == 1 and _a_given_name_of_common_words(tok))  # ("Bill <Surname>" only)
        ):
            i -= 1
            words += 1
            starts.append(i)
            if words >= 4:
                break
            continue
        break
    if words == 1 and i > 0 and tokens[i - 1].strip(".").casefold() in HONORIFICS:
        return i - 1  # "Mr Sokolov": a surname with an honorific
    if words == 1 and i > 0 and tokens[i - 1].casefold() in SINGLE_NAME_TITLES:
        return i - 1  # "Patriarch Kirill", "King Salman": known by one name and a title
    if words == 1 and i > 0 and tokens[i - 1].casefold() in ADDRESS_TITLES:
        return i  # "President Macron", "Deputy Prime Minister Golikova": a title and a surname
    if words < 2:
        return -1

    def start_at(n: int) -> int:
        return starts[n - 1]

    chosen = start_at(2)
    for n in (3, 4):
        if words < n:
            break
        first = tokens[start_at(n)]
        before = tokens[chosen - 1].casefold() if chosen > 0 else ""
        if (
            attested(" ".join(tokens[start_at(n) :]))
            or begins_a_name(first)
            or (is_initial(tokens[chosen]) and _opens_a_name(tokens, start_at(n)))  # "Adnan Z. Amin"
            or before in PARTICLES  # "Tamim bin Hamad …": not "Hamad …"
            or (_after_country(tokens, start_at(n)) and not common_word(first))
            or (n == 3 and _after_an_office(tokens, start_at(n), chosen))
            or (n == 3 and bool(_PATRONYMIC.search(tokens[chosen])))  # "<Given> <Patronymic> <Surname>"
        ):
            chosen = start_at(n)
    if chosen > 0:
        before = tokens[chosen - 1]
        if before.casefold() in TITLE_JOINERS or _POSSESSIVE.search(before):
            # The object of a title: "Minister of Economic Development"; also a body named after
            # someone, its last word an English noun ("Director of the <Given> Theatre").
            if (
                not begins_a_name(tokens[chosen]) or common_word(tokens[-1], BODY_WORD_ZIPF)
            ) and not attested(" ".join(tokens[chosen:])):
                return -1
        if (
            len(tokens) - chosen == 2
            and is_regnal(tokens[-1])
            and before.strip(",").casefold() in SINGLE_NAME_TITLES
        ):
            return chosen - 1  # "Pope <Name> II", as "Patriarch <Name>": known by one name and a title
    return chosen


def _addresses(tokens: list[str]) -> bool:
    """Is this name a form of address: a surname after "Mr"/"Ms", a given name and a patronymic?"""
    return tokens[0].strip(".").casefold() in HONORIFICS or (
        len(tokens) == 2 and begins_a_name(tokens[0]) and bool(_PATRONYMIC.search(tokens[1]))
    )


def _after_country(tokens: list[str], start: int) -> bool:
    """Do the tokens before `start` end with "of [the] <Country>" ("President of India")? Then the
    title ends there and what follows is the name, however many words."""
    low = [t.casefold().strip(",") for t in tokens[:start]]
    for k in range(len(low) - 1, -1, -1):
        if low[k] == "of":
            place = low[k + 1 :]
            if place[:1] == ["the"]:
                place = place[1:]
            if place[:2] == ["republic", "of"]:
                place = place[2:]
            return " ".join(place) in COUNTRIES
        if len(low) - k > 5:
            return False
    return False


def _a_town_or_an_outlet(words: list[str]) -> bool:
    """Is a name of two words a town's ("Nizhny <Name>", "St <Name>") or a newspaper's or a
    station's ("<Name> Pravda", "<Name> FM")?"""
    first, last = words[0].casefold(), words[-1].casefold()
    if first in PLACE_NAME_OPENERS or last in OUTLET_WORDS:
        return True
    return (first in OUTLET_OPENERS or last in ENGLISH_OUTLET_WORDS) and not begins_a_name(words[0])


def _after_an_office(tokens: list[str], start: int, name: int) -> bool:
    """Is the word at `start`, right before a two-word name at `name` whose first word is no given
    name the list knows, the first word of a longer name ("WHO Director-General <Given> <Given>
    <Surname>")? It is when it is a rare word (a name's, no word of English, no title's or rank's)
    and follows a title's own word ("Director-General", "Chairman"), a body's letters or a note in
    brackets; not what a title is of ("Head of <Company> <Name> <Surname>", "Director of the State
    <Museum> …"), nor the end of a place's name ("President of South <Region> …"), nor nothing (a
    label opening with it)."""
    word = tokens[start]
    if start == 0 or begins_a_name(tokens[name]) or common_word(word, RARE_WORD_ZIPF):
        return False
    low = word.casefold()
    if low in TITLE_WORDS or low in SINGLE_NAME_TITLES or low in HONORIFICS or _RANK.fullmatch(word):
        return False
    written = tokens[start - 1]
    if written.endswith(")") or _is_acronym(written):
        return True  # "(<Country>)", "President of <LETTERS>": a note or a body's letters end the title
    before = written.casefold()
    if not any(part in TITLE_WORDS for part in before.split("-")):
        return False
    # "the State <Name>": after a joiner the word is what the title is of, not the title's own.
    return start < 2 or tokens[start - 2].casefold() not in TITLE_JOINERS


# As common as this in general English, the last word of a given name's run after "of" is what
# the body is ("Theatre" 4.5, "Foundation" 4.8, "Group" 5.6), not a surname.
BODY_WORD_ZIPF = 4.0

# Rarer than this in general English (wordfreq's Zipf scale), a capitalised word is a name's, not
# a company's or a place's that English writes ("Shell" 4.4, "Bavaria" 3.2; "Tedros" 1.6).
RARE_WORD_ZIPF = 3.0

# A word this common in general English (wordfreq's Zipf scale) after a country is no given name
# ("Russia Post"); "Ram", "Juan", "Jose" are rarer.
COMMON_WORD_ZIPF = 4.5


def common_word(token: str, bar: float = COMMON_WORD_ZIPF) -> bool:
    """Is the word this common in general English (wordfreq's Zipf scale) or more?"""
    return zipf_frequency(token.casefold(), "en") >= bar


_GENERATION_WRITTEN = re.compile(r",? (Jr|Sr)\.?$")


def parse_label(prefix: str, attested: Attested = _never, ordinary: Attested = _never) -> Label | None:
    """Parse the text before a colon as a speaker label, or return None when it is not one.

    `attested(name)` says whether the transcript writes a longer name on its own elsewhere;
    `ordinary(word)` whether it writes this word in lower case, as an ordinary word: a bare
    "Young Scientists:" whose first word is an ordinary word is a heading, not a person.
    """
    text = clean_spaces(prefix)
    if not text or len(text) > 220:
        return None
    note = None
    core = text
    m = _NOTE_RE.match(text)
    if m and m.group("core"):
        core, note = m.group("core").strip(), clean_spaces(m.group("note"))
    g = _GENERIC_RE.match(core)
    if not g and (g := _numbered_question(core)):
        core = g.group(0)  # (Page.label_of keeps it only where an answer follows)
    if g:
        if core.isupper() and core not in GENERIC_ACRONYMS:
            core = core.casefold()  # "QUESTION": a word of the page's capitals, not a shout
        generic = core[:1].upper() + core[1:]
        if (
            note
            and g.group("head").casefold() not in GROUP_WORDS
            and (named := _named_in_note(note, attested))
        ):
            # "Moderator (<Name>)", "Question (<Name>, <Paper>)": the person the brackets name; a
            # person's label ("Moderator") is their role, a remark's ("Question") is none.
            held = named.role or (None if g.group("head").casefold() in REMARK_LABELS else generic)
            return Label(text=text, name=named.name, role=held)
        return Label(text=text, note=note, generic=generic)
    t = _THE_TITLE.match(core)
    if t and all(
        w.casefold() in TITLE_WORDS or w.casefold() in {"of", "the", "and", "for"} for w in t.group(1).split()
    ):
        return Label(text=text, note=note, role=t.group(1))  # "The President:", "THE CHAIRMAN:"
    # "<Name> Jr.", "<Name>, Sr": a son's or a father's name; the label is read without it (no name
    # word of its own, and its full stop made no label), then the name keeps it.
    if (generation := _GENERATION_WRITTEN.search(core)) and generation.start() > 0:
        bare = parse_label(core[: generation.start()], attested, ordinary)
        if bare is not None and bare.name:
            return replace(bare, text=text, name=f"{bare.name} {generation.group(1)}", note=note or bare.note)
    # "H.Marsh": an initial written without its space.
    tokens = core.split(" ")
    if "." in core:
        tokens = [part for tok in tokens for part in _GLUED_INITIAL.sub(r"\1 ", tok).split(" ")]
    if len(tokens) == 1 and _GLUED_CASE.search(tokens[0]):
        tokens = split_glued(tokens[0]).split(" ")
    elif _GLUED_CASE.search(tokens[-1]) and tokens[-1][:1].isupper():
        tokens = tokens[:-1] + split_glued(tokens[-1]).split(" ")
    if len(tokens) > 30:
        return None
    # "Title Name of <Place>" ("Crown Prince <Name> of <Emirate>", "Ruling Prince <Name> of
    # <Country>"): the place is part of the title, and the name comes before it.
    of_place = _OF_PLACE.match(" ".join(tokens))
    if of_place:
        walked = _walk_name(tokens, attested)
        if walked < 0 or tokens[walked - 1] == "of":
            inner = parse_label(of_place.group("head"), attested, ordinary)
            if inner is not None and inner.name:
                first = inner.name.split(" ", 1)[0]
                title = inner.role or (first if first.casefold() in SINGLE_NAME_TITLES else None)
                if title:
                    of_role = f"{title} of {of_place.group('place')}"
                    return Label(text=text, name=inner.name, role=of_role, note=note)
    # Shape A: "[title] Name Surname".
    shape_a = None
    start = _walk_name(tokens, attested)
    if start >= 0:
        # Honorifics directly before the name are no title: they stay with a surname alone ("Mr
        # Sokolov", resolved to the person), and go from a full name, which they only address
        # ("Ms <Given> <Surname>" is "<Given> <Surname>"; the label keeps them as written).
        named_at = start
        while start > 0 and tokens[start - 1].strip(".").casefold() in HONORIFICS:
            start -= 1
        title = " ".join(tokens[:start]).strip(" ,")
        if start < named_at and sum(1 for t in tokens[named_at:] if t.casefold() not in PARTICLES) >= 2:
            start_of_name = named_at  # a full name after its honorific: the honorific goes
        else:
            start_of_name = start
        name = " ".join(tokens[start_of_name:])
        if (
            start > 1
            and tokens[start - 1].casefold() in {"and", "&"}
            and _walk_name(tokens[: start - 1], attested) >= 0
        ):
            # "<Name> and <Name>:": both speak; the remark is neither one's alone.
            return Label(text=text, note=note, generic=core)
        if start == 0 and len(tokens) == 2 and _a_town_or_an_outlet(tokens):
            # "Nizhny Novgorod:", "Komsomolskaya Pravda:": a caller's town or a journalist's paper
            # with no name; the remark is someone's, no one the page names.
            return Label(text=text, note=note, generic=core)
        if _title_ok(title) and not _named_before_the_comma(tokens, start, attested):
            role: str | None = title or None
            if role is None and note and _looks_like_title(note):
                role, note = note, None  # "Vladimir Putin (President of Russia):"
            elif role and note is None and tokens[start - 1].endswith(",") and not _names_an_office(role):
                role, note = None, role  # "Lipetsk, <Name>:": where a caller is from, no office
            shape_a = Label(text=text, name=tidy_name(name), role=role, note=note)
            first = tokens[start]
            if (
                role is None
                and not begins_a_name(first)
                and first.casefold() not in SINGLE_NAME_TITLES  # "Patriarch Kirill:", "King Abdullah:"
                and ordinary(first.casefold())
            ):
                return None  # "Young Scientists:", "Modern Families:": a heading
            if "," not in title or tokens[start - 1].casefold().strip(",") in TITLE_WORDS:
                return shape_a  # "…, Emergencies and Disaster Relief Minister Vladimir Puchkov"
    if (
        shape_a is None
        and len(tokens) > 2
        and tokens[0].casefold() in SINGLE_NAME_TITLES
        and is_name_word(tokens[-1])
        and _title_ok(" ".join(tokens[:-1]))
    ):
        # "Patriarch of <See> <Name>": a person known by one name and a title, with the title's
        # place between them; named as elsewhere ("Patriarch <Name>").
        return Label(text=text, name=f"{tokens[0]} {tokens[-1]}", role=" ".join(tokens[:-1]), note=note)
    untitled = core[4:] if core.startswith("The ") else core  # "The Minister of Education:"
    if (
        shape_a is None
        and start < 0
        and _TITLE_ONLY.match(untitled)
        and untitled.split()[0].casefold() in TITLE_WORDS
    ):
        # A title with no name ("Winner of the Prize for Young Scientists:"): the person holding
        # it in this meeting, or someone unnamed; never the previous speaker going on.
        return Label(text=text, note=note, role=untitled)
    # Shape B: "Name Surname, position at …" (organisations in quotes included).
    if "," in core:
        left, right = core.split(",", 1)
        right = right.strip()
        ltoks = left.split()
        unquoted = _QUOTED.sub("Q", right)  # an organisation's name in quotation marks, as one word
        if 2 <= len(ltoks) <= 5 and _walk_name(ltoks, attested) == 0 and not _BAD_PUNCT.search(unquoted):
            role = right.strip()
            # After a form of address ("Mr <Surname>, the subject today is …:", "<Given>
            # <Patronymic>, let's …:"), a remark's paragraph addresses someone: a label only
            # when a title follows. After a full name, a few words on the speaker will do.
            if (
                role
                and not any(w.casefold() in NOT_IN_TITLE - {"at"} for w in role.split()[:1])
                and (_title_ok(unquoted) or not _addresses(ltoks))
                and not any(w.strip(",.").casefold() in QUOTING_VERBS for w in unquoted.split())
            ):
                return Label(text=text, name=tidy_name(left), role=role, note=note)
        # "Title Name, another title" ("Sports commentator <Name>, ceremony moderator"), or where
        # they work ("Reporter <Name>, <Paper>"): the name between its titles.
        titled = parse_label(left, attested, ordinary) if shape_a is None else None
        if (
            titled is not None
            and titled.name
            and titled.role
            and not titled.note
            and 0 < len(right.split()) <= 6
            and _title_ok(right)
            and (
                any(w.casefold() in TITLE_WORDS for w in right.split())
                or (len(right.split()) <= 4 and all(w[:1].isupper() for w in right.split()))
            )
        ):
            return Label(text=text, name=titled.name, role=f"{titled.role}, {right}", note=note)
    return shape_a


# --- Summaries -------------------------------------------------------------------------------

_VERB_RE = re.compile(
    r"\b(?:also |then |further |briefly |again |later |first |in turn |in particular |"
    r"subsequently |specifically |separately )?(?:"
    + "|".join(sorted({re.escape(v) for v in SPEECH_VERBS}, key=len, reverse=True))
    + r")\b"
)
_LEAD_CLAUSE = re.compile(
    r"^(?:"
    r"(?:in|during|at the (?:start|end|beginning) of|throughout|for|with|as (?:part of|for))\s+"
    r"(?:his|her|their|the|its|a|an)\b[^,]{0,60},\s*"
    # An opening phrase naming the subject matter: "With respect to the budget, …".
    r"|(?:with (?:respect|regard|reference) to|as (?:for|regards|to)|regarding|concerning|on the "
    r"(?:subject|issue|question|matter) of|speaking (?:of|about)|turning to)\s[^,()]{1,100},\s*"
    # A clause of what came before or what it answers: "Having described the fleet, …", "After
    # the report, …", "Answering a question from <Name>, the minister …".
    r"|(?:having|after(?! (?:that|this|which)\b)|following(?! (?:that|this)\b)|answering|replying to|"
    r"responding to|in (?:response|reply) to|"
    r"commenting on|summing up|when asked about|asked about)\s[^,()]{1,150},\s*"
    # An adverb of sequence: "Then the Chief of …", "Next, the minister …".
    r"|(?:then|next|after that|afterwards|later on|later|subsequently|finally|lastly|further on|further|also|"
    r"in (?:conclusion|turn|addition|response|reply))\b,?\s*"
    r")",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she"}
STAGE_DIRECTION_WORDS = 5
# What is presented at a ceremony, as the words after "presents" write it: an award, an order or
# a medal, its name's words in capitals or a few of its usual adjectives before it.
_AN_AWARD = re.compile(
    r"\s+(?i:the |a |an |his |her |their )?(?:(?:[A-Z][\w’'-]*|(?i:state|high|national|government|"
    r"presidential|of|the|and))\s+){0,6}?(?i:awards?|prizes?|medals?|orders?|decorations?|insignia|"
    r"certificates?|diplomas?|badges?|gifts?|flowers|bouquets?|keys|stars?)"
    # ... ending the object: not "award-winning", "Certificates programme".
    r"(?=\s+(?:to|of|for|in|on)\b|\s*[,.;)]|\s*$)"
)
_TWO_PEOPLE = re.compile(r",?\s+(?:and|&)\s+")


@dataclass(frozen=True)
class SummaryRef:
    """Who a bracketed summary is about, as written."""

    words: str  # the words that name the person there ("Council member Marina Akhmedova")
    kind: str  # "name" | "surname" | "role" | "pronoun" | "group"
    name: str | None = None  # for "name": the personal name; for "surname": the surname
    role: str | None = None  # for "name": the title written with it; for "role": the title


def parse_summary_subject(inner: str, attested: Attested = _never) -> SummaryRef | None:
    """The subject of a bracketed paragraph that reports what someone said, or None.

    `inner` is the paragraph without its brackets. A paragraph whose subject is not a person,
    a title held by a person, or a group ("(Laughter.)", "(The President handed over awards.)")
    is not a summary.
    """
    text = clean_spaces(inner)
    if len(text.split()) <= STAGE_DIRECTION_WORDS:
        return None  # "(<Name> presents the award.)": an action, not a report of speech
    text = _LEAD_CLAUSE.sub("", text, count=1)
    m = _VERB_RE.search(text)
    if not m or m.start() == 0:
        return None
    if (
        m.group().endswith(("presents", "presented"))
        and _AN_AWARD.match(text, m.end())
        and not _VERB_RE.search(text, m.end())  # ("… presented the prize nominees and said …")
    ):
        return None  # "(<Name> presents the Order of <…> to <Name>.)": handed over, not reported
    subject = text[: m.start()].strip(" ,")
    if not subject or len(subject) > 200 or _BAD_PUNCT.search(subject):
        return None
    words = subject.split()
    low = subject.casefold()
    if low in PRONOUNS:
        return SummaryRef(words=subject, kind="pronoun")
    first = words[0].casefold()
    if (
        low in GROUP_WORDS
        or first in GROUP_WORDS
        or (first == "the" and len(words) > 1 and words[1].casefold() in GROUP_WORDS)
    ):
        return SummaryRef(words=subject, kind="group")
    if first.strip(".") in HONORIFICS and 2 <= len(words) <= 4:
        rest = words[1:]
        if all(is_name_word(w) or w.casefold() in PARTICLES for w in rest):
            if len(rest) == 1:
                return SummaryRef(words=subject, kind="surname", name=tidy_name(rest[0]))
            return SummaryRef(words=subject, kind="name", name=tidy_name(" ".join(rest)))
    if first == "the" and len(words) >= 2:
        role = " ".join(words[1:])
        # An office ("the Minister", "the head of the region"), not what goes on ("the meeting").
        if _title_ok(role) and not re.search(r"\b(?:and|or)\b", role) and _names_an_office(role):
            return SummaryRef(words=subject, kind="role", role=role)
        return None
    both = _TWO_PEOPLE.split(subject)
    if len(both) == 2 and all((lab := parse_label(part, attested)) and lab.name for part in both):
        return SummaryRef(words=subject, kind="group")  # two people in one paragraph: no one person
    label = parse_label(subject, attested)
    if label and label.name:
        return SummaryRef(words=subject, kind="name", name=label.name, role=label.role)
    return None
