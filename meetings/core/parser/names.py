"""Personal names: splitting a label into title and name, and the keys used to match names.

Pure functions, no Django. A *key* is the exact identity of a written name (case, spacing,
honorifics and accents folded); a *folded key* also folds the transliteration variants that
English renderings of the same Russian name carry (Sergei/Sergey, Tatyana/Tatiana, Brilyov/Brilev).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .vocabulary import (
    CHINESE_FAMILY_NAMES,
    COMMON_WORDS,
    HONORIFICS,
    KOREAN_FAMILY_NAMES,
    PARTICLES,
    TITLE_WORDS,
    VIETNAMESE_FAMILY_NAMES,
)

# Particles that join a person's name to a parent's ("Tamim bin Hamad"): the part after them
# names someone else, so a shorter name inside such a name is not the same person.
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "ben", "ould"})


HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4"

_WS = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")
# Words glued by a typo ("VladimirPutin"); not a surname's own capital after "Mc", "Mac", "De",
# "Di", "Da", "Du", "La", "Le" ("McAllister", "MacLeod", "DeVries").
_GLUED = re.compile(
    r"(?<=[a-z])(?<!\bMc)(?<!\bMac)(?<!\bDe)(?<!\bDi)(?<!\bDa)(?<!\bDu)(?<!\bLa)(?<!\bLe)(?=[A-Z])"
)
_INITIAL = re.compile(r"[A-Z]\.?(-[A-Z]\.?)?")


def clean_spaces(text: str) -> str:
    """Collapse every kind of white space (U+00A0 included) to one ordinary space."""
    # str.split() and \s both take white space as str.isspace() does; U+200B is not such a
    # character, so it becomes a space first. The same result as _WS.sub(" ", text).strip().
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    return " ".join(text.split())


# Letters that no accent stripping reaches (letters of their own, not a letter and a mark), one
# for one: the Latin letter their languages write for them without marks (core.letters reads the
# same table).
PLAIN_LETTERS = str.maketrans(dict(zip("ıłŁđĐøØħ", "ilLdDoOh")))


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # NFKD leaves ASCII as it is, and it has no combining marks
    decomposed = unicodedata.normalize("NFKD", text.translate(PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def split_glued(token: str) -> str:
    """'VladimirPutin' -> 'Vladimir Putin', 'VladimirPUTIN' -> 'Vladimir PUTIN'."""
    return _GLUED.sub(" ", token)


_ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def is_regnal(token: str) -> bool:
    """A regnal number ("Albert II", "Rudolf XIV"): part of the name, no acronym, no surname in
    capitals."""
    return bool(token) and _ROMAN_NUMERAL.fullmatch(token) is not None


def display_case(token: str) -> str:
    """An all-capitals surname ('PUTIN') is shown in title case; other tokens keep their case."""
    if len(token) > 2 and token.isupper() and token.isalpha() and not is_regnal(token):
        return token.capitalize()
    if "-" in token and token.replace("-", "").isupper() and len(token) > 3:
        return "-".join(part.capitalize() for part in token.split("-"))
    return token


@lru_cache(maxsize=8192)
def tidy_name(name: str) -> str:
    """The display form of a written name: spaces cleaned, glued words split, capitals tamed."""
    name = clean_spaces(name)
    name = " ".join(split_glued(tok) for tok in name.split(" "))
    for h in HYPHENS:
        name = name.replace(h, "-")
    return " ".join(display_case(tok) for tok in name.split(" "))


# Letters that a name and an address both write as two ("ß" "ss", "æ" "ae").
WRITTEN_AS_TWO = {"ß": "ss", "æ": "ae", "Æ": "Ae"}
# ... and as a name's words read them ("Đukić" is "Djukic"; an address writes "đ" as "d").
_NAME_LETTERS_AS_TWO = str.maketrans({**WRITTEN_AS_TWO, "đ": "dj", "Đ": "Dj"})


def name_tokens(name: str) -> list[str]:
    """Lower-case tokens of a name without honorifics, accents, dots or apostrophes."""
    return list(_name_tokens(name))


@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> tuple[str, ...]:
    name = tidy_name(name)
    if not name.isascii():  # letters that name words write as two ("Đukić" is "Djukic")
        name = name.translate(_NAME_LETTERS_AS_TWO)
    name = strip_accents(name).casefold()
    for a in APOSTROPHES + "'":
        name = name.replace(a, "")
    name = re.sub(r"[^\w\s-]", " ", name)
    tokens = [t for t in name.split() if t]
    while tokens and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    return tuple(tokens)


def name_key(name: str) -> str:
    """Exact identity of a written name: 'Mr  VladimirPUTIN' -> 'vladimir putin'."""
    return " ".join(_name_tokens(name))


_FOLDS = [
    ("shch", "sch"),  # "Shchukina", the German "Schukina": one name ("Shukina" another)
    ("yo", "e"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("ye", "e"),
    ("je", "e"),
    # "Dzhaparov", "Japarov", after "je" ("Dzhemilev" is not "Emilev"; the Serbian "Đ" is "dj":
    # "Đukić", "Djukic", not "Jukić")
    ("dzh", "j"),
    ("ks", "x"),
    ("kh", "h"),
    ("iy", "i"),
    ("yi", "i"),
    ("y", "i"),
    ("ii", "i"),
    ("ie", "e"),
    ("ph", "f"),
    ("w", "v"),
    ("ck", "k"),
    ("ё", "е"),
]


# A name ending in "-ndr" written from the Russian is the "-nder" of English ("Aleksandr").
_ENDING_NDR = re.compile(r"ndr$")
# A surname's "ё" after "ch" is written "o" as well as "e" or "yo" ("Grachov", "Grachev",
# "Grachyov"; "Gorbachov"): its ending "-chov", "-chova" is "-chev", "-cheva". Not after "sh" or
# "zh", where the Russian is as often a plain "o" ("Lapshov" and "Lapshev" are two surnames).
_ENDING_SIBILANT_O = re.compile(r"(?<=ch)o(?=va?$)")
# "Lyudmila", "Liudmila" and "Ludmila", "Lyubov" and "Lubov", "Lyuba" and "Luba": the Russian
# given names whose "лю" some write "lu", as a name's first word (no other word: "Lyubin" and
# "Lubin", a surname "Lyubov" and "Lubov", the Chinese "Liu", "Liuqing", "Liubo" stay two).
_L_IU = re.compile(r"^liu(?=(?:dmila|bov|ba)$)")


@lru_cache(maxsize=8192)
def fold_token(token: str) -> str:
    """Fold transliteration variants: sergey/sergei, tatyana/tatiana, brilyov/brilev."""
    t = token
    for a, b in _FOLDS:
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)  # doubled letters: Alla/Ala, Filippov/Filipov
    t = _ENDING_SIBILANT_O.sub("e", t)  # Grachov/Grachev
    return _ENDING_NDR.sub("nder", t)  # Aleksandr/Alexandr/Alexander


@lru_cache(maxsize=8192)
def folded_key(name: str) -> str:
    """A name as transliterations and ways of writing it meet: each word folded (fold_token), a
    hyphen a space ("Jean-Baptiste", "al-<Name>") and "el" the particle "al"."""
    parts = [part for token in _name_tokens(name) for part in token.split("-") if part]
    folded = ["al" if part == "el" else fold_token(part) for part in parts]
    if len(folded) > 1:
        folded[0] = _L_IU.sub("lu", folded[0])  # the given name's "lyu" ("Lyudmila", "Ludmila")
    return " ".join(folded)


# A name's last word telling a son from his father ("<Name> Jr"): no second surname.
_GENERATIONS = frozenset({"jr", "sr", "junior", "senior"})


def tells_a_generation(token: str) -> bool:
    """Is this word of a name key one that tells a son from his father ("jr") or a regnal number
    ("ii")? A name with it added is another person's."""
    return token in _GENERATIONS or is_regnal(token.upper())


def surname_key(name: str) -> str:
    tokens = _name_tokens(name)
    return fold_token(tokens[-1]) if tokens else ""


# The particles a name joins to its surname with a hyphen ("al-Assad", "el-Sisi").
JOINED_PARTICLE = r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu|ben|ould|ter|van|von|de|da|di|du|le|la)-"
_JOINED_PARTICLE_KEY = re.compile(rf"^{JOINED_PARTICLE}(?=\w)")


def bare_surname(key: str) -> str:
    """A surname key without a particle joined to it: "al-assad" is "assad", as the labels of a
    page may write it after the first."""
    return _JOINED_PARTICLE_KEY.sub("", key)


def is_initial(token: str) -> bool:
    return bool(_INITIAL.fullmatch(token))


def first_initial(name: str) -> str:
    tokens = _name_tokens(name)
    return tokens[0][:1] if len(tokens) > 1 else ""


def has_initial_only(name: str) -> bool:
    parts = tidy_name(name).split(" ")
    return len(parts) >= 2 and all(is_initial(p) for p in parts[:-1])


# A word of letters (any script: "Čeferin", "Łukasz", "Şahin"), apostrophes and hyphens, or an
# initial; is_name_word checks that its first letter is a capital.
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*|[A-Z]\.(?:-?[A-Z]\.)?)$")


def is_name_word(token: str) -> bool:
    """A capitalised word that can be part of a personal name (or an initial like 'A.')."""
    if not token[:1].isupper() or not _NAME_WORD.match(token):
        return False
    if is_initial(token):
        return True
    low = token.casefold().strip(".")
    return low not in TITLE_WORDS and low not in COMMON_WORDS


def sort_name(name: str) -> str:
    """The name an A-Z index files a person under, surname first, accents folded: "Alexander Van
    der Bellen" -> "Van der Bellen, Alexander"; a particle in lower case goes after the given
    name ("Pieter van Dorn" -> "Dorn, Pieter van", "Karim al-Rashid" -> "Rashid, Karim al-"); a
    name whose family name is written first ("Wang Bo", family_name_first) or that has no surname
    ("Khalid bin Tariq": it ends with a father's name; "Patriarch Mikhail"; "Albert II", a
    name and a regnal number) stays as written.
    "Tamim bin Hamad Al Khalid" is filed under "Al Khalid", the name of his house."""
    parts = tidy_name(name).split(" ")
    if (
        len(parts) < 2
        or family_name_first(parts)
        or parts[-2].casefold() in PATRONYMIC_PARTICLES
        or is_regnal(parts[-1])  # "Albert II": a name and a number, no surname
    ):
        return strip_accents(name)
    i = len(parts) - 1
    while i > 1 and parts[i - 1].casefold() in PARTICLES:
        i -= 1
    surname, given = parts[i:], " ".join(parts[:i])
    if given.casefold() in {t for t in ("patriarch", "pope", "king", "queen", "prince", "princess")}:
        return strip_accents(name)
    after = []  # lower-case particles: "van", "de", "al-"
    while len(surname) > 1 and surname[0] in PARTICLES:
        after.append(surname.pop(0))
    if m := _PARTICLE_PREFIX.match(surname[0]):
        after.append(m.group(0))
        surname[0] = surname[0][m.end() :]
    filed = f"{' '.join(surname)}, {given}"
    if after:
        filed += " " + " ".join(after).replace("- ", "-")
    return strip_accents(filed)


# "al-", "el-", "ad-" before a capital: an article joined to a surname, not filed under.
_PARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}-(?=[A-Z])")
# A syllable of Hanyu Pinyin without tone marks (an initial, then a final).
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo"
    r"|ui|un|ue|a|o|e|i|u|v))+"
)
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]{1,4}-[a-z]{1,4}$")  # "Ha-eun", "Soo-min"


@lru_cache(maxsize=8192)
def written_family_name_first(name: str) -> bool:
    """`family_name_first` for a name as written ("Liu Wei")."""
    return family_name_first(tidy_name(name).split(" "))


def family_name_first(parts: Sequence[str]) -> bool:
    """Is this name (its words, as tidy_name writes them) one written family name first, as
    English texts write Chinese, Korean and Vietnamese names? A common family name of the
    language, then a given name of its shape: Pinyin syllables ("Wang Bo", "Zhou Mingyuan"), two
    syllables joined by a hyphen ("Moon Ha-eun"), two short words ("Nguyen Van Minh"). "Lee
    Harvey", "Juan Sun" and "Anna Li" are not."""
    if not parts or not parts[0][:1].isupper():
        return False
    family = parts[0].casefold()
    if len(parts) == 2:
        given = parts[1]
        if family in KOREAN_FAMILY_NAMES and _KOREAN_GIVEN.match(given):
            return True
        return (
            family in CHINESE_FAMILY_NAMES
            and given[:1].isupper()
            and given[1:].islower()
            and bool(_PINYIN.fullmatch(given.casefold()))
        )
    return (
        len(parts) == 3
        and family in VIETNAMESE_FAMILY_NAMES
        and all(p[:1].isupper() and p[1:].islower() and len(p) <= 5 for p in parts[1:])
    )


def in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    """Are the words of `short` all in `long`, in the same order (others may come between)?"""
    rest = iter(long)
    return all(any(word == other for other in rest) for word in short)


def one_name_inside(a: Sequence[str], b: Sequence[str]) -> bool:
    """Is one list of given names a proper, ordered part of the other ("Tayyip" of "Recep
    Tayyip", "Adnan" of "Adnan Z.")? Never across "bin"/"ibn": "X bin Y Z" names X, son of Y,
    so "Y Z" may be the father; but "X Z" is X, his father's name left out (one "bin <Father>")."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not short or len(short) == len(long):
        return False
    if PATRONYMIC_PARTICLES & set(long):
        # One "bin <Father>" left out, no more ("bin <Father> bin <Grandfather>": the shorter
        # may be the father), and not "Ben", a surname's word too ("Karim Ben Salem").
        at = [i for i, t in enumerate(long) if t in PATRONYMIC_PARTICLES]
        return (
            len(at) == 1
            and at[0] >= 1
            and long[at[0]] in _SON_OF
            and list(short) == [*long[: at[0]], *long[at[0] + 2 :]]
        )
    return in_order(short, long)


_SON_OF = frozenset({"bin", "ibn", "bint"})


def one_letter_off(a: str, b: str) -> bool:
    """Two surname keys of five letters or more that differ in exactly one letter, in place (a
    slip of the keyboard; an added letter often makes another name: Ivanov, Ivanova; two letters
    side by side swapped, another too: Kaprin, Karpin)."""
    return len(a) == len(b) >= 5 and sum(x != y for x, y in zip(a, b)) == 1


def man_and_woman(a: str, b: str) -> bool:
    """Are two given names (lower case) a man's and a woman's forms of one name ("vladislav" and
    "vladislava", "dario" and "daria")? Two people, never one name mistyped."""
    short, long = sorted((a, b), key=len)
    return long == short + "a" or (len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"})
