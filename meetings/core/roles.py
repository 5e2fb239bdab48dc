"""Roles as a reader sees them: an office written several ways is one office, and a fragment of
a sentence that a label happened to carry is no office at all.

Pure functions, no Django. A *role key* folds what does not change the office: case, spacing,
articles, apostrophes, and the two English word orders of a national office ("Russian
President" is "President of Russia").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from meetings.core.parser.labels import tidy_title
from meetings.core.parser.names import clean_spaces
from meetings.core.parser.vocabulary import NOT_IN_TITLE, PLACE_WORDS, TITLE_WORDS

_ARTICLES = {"the", "a", "an"}
# Words naming the office itself (not the body it belongs to): "<Domain> <Office>" turns round.
OFFICE_WORDS = {
    "president",
    "minister",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "head",
    "director",
    "governor",
    "mayor",
    "secretary",
    "ceo",
    "commissioner",
    "ambassador",
    "speaker",
    "prosecutor",
    "rector",
    "chief",
    "editor",
    "envoy",
    "spokesman",
    "spokeswoman",
    "premier",
    "chancellor",
}
_ENDS_UNFINISHED = {"of", "for", "and", "the", "to", "at", "in", "on", "with", "a", "an", "or"}
_POSSESSIVE_END = re.compile(r"['’]s?$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_WORD = re.compile(r"[\w'-]+")
# Words of a role that are not the office itself: a fragment holding them is a sentence.
_SENTENCE_WORDS = NOT_IN_TITLE - {"no", "first", "general", "head", "state", "member", "all"}
# Words that qualify an office rather than name its domain ("Deputy Prime Minister").
_MODIFIERS = {
    "prime",
    "deputy",
    "first",
    "vice",
    "acting",
    "former",
    "chief",
    "senior",
    "general",
    "executive",
    "federal",
}
MAX_ROLE_WORDS = 30
# The organs of a body that an office may be of: "the Board of <Body>", "<Body> Board".
_ORGANS = {"board", "council", "committee", "presidium", "commission", "collegium", "bureau", "directorate"}
# Adjectives of place that stand for the place in an office: "Russian President" is the
# "President of Russia". A handful of general forms; the rule below catches most "-ian" ones.
DEMONYMS = {
    "chinese": "china",
    "french": "france",
    "german": "germany",
    "turkish": "turkey",
    "japanese": "japan",
    "british": "britain",
    "american": "america",
    "us": "america",
    "united": "united",
    "korean": "korea",
    "israeli": "israel",
    "kazakh": "kazakhstan",
    "uzbek": "uzbekistan",
    "kyrgyz": "kyrgyzstan",
    "tajik": "tajikistan",
    "turkmen": "turkmenistan",
    "belarusian": "belarus",
    "slovak": "slovakia",
    "czech": "czechia",
    "greek": "greece",
    "finnish": "finland",
    "swiss": "switzerland",
    "vietnamese": "vietnam",
    "egyptian": "egypt",
    "iranian": "iran",
    "moscow": "moscow",
}
# A place adjective that makes an office's state: "Kyrgyz President", "the Slovak Republic".
_STATE_ADJECTIVES = {a: place for a, place in DEMONYMS.items() if a != place and a != "us"}
_NOTE = re.compile(r"\s*\([^()]*\)")


def strip_notes(role: str) -> str:
    """A role without its notes in brackets ("(VEB)", "(2012–2017)"): a note is not the office."""
    return _NOTE.sub("", role)


def singular(word: str) -> str:
    """A word's plural folded for comparing offices: "sports" / "sport", "affairs" / "affair"."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Words that make a role an office or an occupation: the parser's title words without the
# organisation and place words among them ("Larkspur Territory" is where someone is from), and
# ranks, clergy and occupations the parser does not need to read a label.
PLACE_OR_ORGANISATION_WORDS = PLACE_WORDS | frozenset(
    {
        "russia",
        "russian",
        "national",
        "federal",
        "regional",
        "state",
        "capital",
        "news",
        "plant",
        "works",
        "factory",
    }
)
OCCUPATION_WORDS = (TITLE_WORDS - PLACE_OR_ORGANISATION_WORDS) | {
    "producer",
    "researcher",
    "scientist",
    "professor",
    "rabbi",
    "mufti",
    "imam",
    "pope",
    "cardinal",
    "major",
    "lieutenant-general",
    "colonel-general",
    "lt-gen",
    "private",
    "corporal",
    "author",
    "writer",
    "artist",
    "actor",
    "actress",
    "director-general",
    "secretary-general",
    "vice-rector",
    "instructor",
    "test-cosmonaut",
    "physician",
    "surgeon",
    "economist",
    "lawyer",
    "farmer",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "blogger",
    "activist",
    "expert",
    "analyst",
    "chairman",
    "mariner",
}
# The endings of occupations written in lower case ("welding technician", "machine operator").
_OCCUPATION_ENDINGS = ("er", "or", "ist", "ian")


def as_sentence_word(position: int, written: str) -> bool:
    """Does a word of a role's sentence vocabulary ("just", "today", "our") at this position, as
    written, read as a sentence's? In lower case, opening the role, or "I"; capitalised inside a
    title it is part of a name ("Head of the A Just Borduria faction"); in capitals, an acronym."""
    if len(written) > 1 and written.isupper():
        return False  # an acronym: "US Secretary of State" (the country, not "us")
    return position == 0 or not written[:1].isupper() or written == "I"


def names_an_occupation(words: Iterable[str]) -> bool:
    """Does one of these words (as written, after labels.tidy_title) name an office, a rank or an
    occupation? A town ("Tvorsk, <Name>:" of a phone-in), a territory or a lone name does not."""
    for written in words:
        w = written.casefold()
        if {w, *w.split("-")} & OCCUPATION_WORDS:
            return True
        if written[:1].islower() and w.endswith(_OCCUPATION_ENDINGS):
            return True
    return False


def is_office(role: str | None) -> bool:
    """Does this role read as an office or occupation ("Minister of Finance", "welding engineer
    at a plant") rather than a fragment of a sentence ("pensioners are worried") or a place
    ("Larkspur Territory")? A word of a sentence counts in lower case or opening the role: inside
    a title, capitalised, it is part of a name ("Head of the A Just Borduria faction")."""
    if not role:
        return False
    text = tidy_title(clean_spaces(role).strip(" ,.;:"))  # "Presidentof" of a role stored before
    words = _WORD.findall(text.translate(_APOSTROPHES))
    if not words or len(words) > MAX_ROLE_WORDS:
        return False
    low = [w.casefold() for w in words]
    if any(w in _SENTENCE_WORDS and as_sentence_word(i, c) for i, (w, c) in enumerate(zip(low, words))):
        return False
    if low[-1] in _ENDS_UNFINISHED or _POSSESSIVE_END.search(text):
        return False
    return names_an_occupation(words)


def role_key(role: str) -> str:
    """The identity of an office however it is written: case, spacing, articles, apostrophes
    folded; "Russian President" and "President of Russia" are one key."""
    words = _folded_words(role)
    words = _synonyms([w for w in words if w not in _ARTICLES])
    # Two offices held together, in either order: "<Company> CEO and Chairman of the Board" is
    # "Chairman of the Board and CEO of <Company>".
    parts = _offices_held_together(words)
    if len(parts) > 1:
        return " and ".join(sorted(_singular_words(_one_office_key(p)) for p in parts))
    return _singular_words(_one_office_key(words))


def _folded_words(role: str) -> list[str]:
    """A role's words as its office is compared: notes in brackets gone, spaces, apostrophes and
    case folded (role_key, portfolio)."""
    return clean_spaces(strip_notes(role)).translate(_APOSTROPHES).casefold().strip(" ,.;:").split()


def _singular_words(key: str) -> str:
    """Singular and plural are one office: "Sports Minister", "Minister of Sport"."""
    return " ".join(singular(w) for w in key.split(" "))


def _offices_held_together(words: list[str]) -> list[list[str]]:
    """The words of a role cut at each "and" that starts another office ("… and Chairman of …"),
    not at one inside a name ("Minister of Industry and Trade")."""
    parts: list[list[str]] = [[]]
    for i, w in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if w == "and" and parts[-1] and (following in OFFICE_WORDS or following in _MODIFIERS):
            parts.append([])
            continue
        parts[-1].append(w)
    return [p for p in parts if p]


def _one_office_key(words: list[str]) -> str:
    # "<Nation>n <Office>" -> "<office> of <nation>": Russian, Bolivian, Austrian, Korean …
    if (
        len(words) >= 2
        and words[0].endswith("n")
        and len(words[0]) > 4
        and "of" not in words
        and (words[1] in OFFICE_WORDS or words[1] in _MODIFIERS)
    ):
        nation = words[0][:-1]
        if nation.endswith(("ia", "a")):
            words = [*words[1:], "of", nation]
    # "<State adjective> <Office>" -> "<office> of <state>": "Kyrgyz President".
    if (
        len(words) >= 2
        and words[0] in _STATE_ADJECTIVES
        and "of" not in words
        and (words[1] in OFFICE_WORDS or words[1] in _MODIFIERS)
    ):
        words = [*words[1:], "of", _STATE_ADJECTIVES[words[0]]]
    # "<Domain> <Office>" -> "<office> of <domain>": "Industry and Trade Minister", "Central
    # Election Commission Chairperson"; with the office's qualifiers: "<Company> General Director"
    # -> "general director of <company>".
    if len(words) >= 2 and "of" not in words and words[-1] in OFFICE_WORDS:
        lead = len(words) - 1
        while lead > 0 and words[lead - 1] in _MODIFIERS:
            lead -= 1
        if lead > 0 and not any(w in OFFICE_WORDS or w in _MODIFIERS for w in words[:lead]):
            words = [*words[lead:], "of", *words[:lead]]
    text = " ".join(words)
    # A state by its short name: "of the Republic of Serbia", "of the Russian Federation".
    text = re.sub(
        r"\bof (?:republic|kingdom|state|commonwealth|federal republic|islamic republic) of ", "of ", text
    )
    text = text.replace("russian federation", "russia")
    # "of the Slovak Republic" is "of Slovakia".
    text = re.sub(
        r"\bof (\w+) republic\b",
        lambda m: f"of {_STATE_ADJECTIVES[m.group(1)]}" if m.group(1) in _STATE_ADJECTIVES else m.group(0),
        text,
    )
    # "of <Body> Board" is "of the Board of <Body>": an organ after the body it belongs to.
    head, sep, domain = text.partition(" of ")
    body, _, organ = domain.rpartition(" ")
    if sep and body and organ in _ORGANS and " of " not in domain and " and " not in domain:
        text = f"{head} of {organ} of {body}"
    # "Minister of Trade and Industry" is "Minister of Industry and Trade".
    head, sep, domain = text.partition(" of ")
    if sep and " and " in domain and "," not in domain and " of " not in domain:
        text = head + sep + " and ".join(sorted(domain.split(" and ")))
    return text


# Two spellings of one office word, folded to one: "Director General" is "General Director".
_SAME_OFFICE = {
    ("director", "general"): ("general", "director"),
    ("chief", "executive", "officer"): ("ceo",),
    ("chairwoman",): ("chairperson",),
    ("chairman",): ("chairperson",),
    ("chair",): ("chairperson",),
}


def _synonyms(words: list[str]) -> list[str]:
    """The words of a role with each spelling of an office word in `_SAME_OFFICE` folded to one."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for form, same in _SAME_OFFICE.items():
            if tuple(words[i : i + len(form)]) == form:
                out.extend(same)
                i += len(form)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def variants(forms: Iterable[str]) -> dict[str, list[str]]:
    """The offices among written roles, each as its preferred form -> the other ways it is written
    (sorted; empty when written one way only), fragments of sentences left out."""
    out: dict[str, list[str]] = {}
    for written in group_roles(forms).values():
        shown = preferred_form(written)
        out[shown] = sorted(set(written) - {shown})
    return out


def preferred_form(forms: Iterable[str] | Counter[str]) -> str:
    """The written form to show for one office: the most used, then one not in capitals, then
    the first in alphabetical order (so the choice does not depend on reading order)."""
    counts = forms if isinstance(forms, Counter) else Counter(forms)

    def rank(form: str) -> tuple[int, bool, str]:
        shouting = sum(c.isupper() for c in form) > sum(c.islower() for c in form)
        return (-counts[form], shouting, form)

    return min(counts, key=rank)


def group_roles(forms: Iterable[str]) -> dict[str, list[str]]:
    """Offices among written roles: role key -> the written forms of it, fragments left out."""
    grouped: dict[str, list[str]] = {}
    for form in forms:
        if is_office(form):
            grouped.setdefault(role_key(form), []).append(form)
    return grouped


# Offices that answer for a domain the role names: "Minister of Energy", "Commissioner for
# Children's Rights". (A prime minister's is the whole country; a governor's, mayor's or chief
# executive's role names a place or a body, not a subject.)
PORTFOLIO_OFFICES = {"minister", "commissioner", "ombudsman"}
_PORTFOLIO_JOINERS = re.compile(r",\s*|\s+and\s+")


def portfolio(role: str | None) -> list[str]:
    """The domains the offices of a role answer for, lower case, one per domain the role joins
    with "and" or a comma: "Minister of Natural Resources and Environment" -> ["environment",
    "natural resources"], "Minister for the Development of the Far East" -> ["far east"]; [] for
    an office without one ("Prime Minister of Borduria", "Governor of Tarnwick")."""
    if not role or not is_office(role):
        return []
    words = _folded_words(role)
    out: list[str] = []
    for part in _offices_held_together(_synonyms([w for w in words if w not in _ARTICLES])):
        key = _one_office_key(part).split()
        at = next((i for i, w in enumerate(key) if w in PORTFOLIO_OFFICES), None)
        if at is None or "prime" in key[:at]:
            continue
        if at + 1 < len(key) and key[at + 1] in ("of", "for", "on"):
            domain = key[at + 2 :]
        elif at == len(key) - 1:
            domain = [w for w in key[:at] if w not in _MODIFIERS and w != "presidential"]
        else:
            continue
        # "development of the Far East": what is developed is the subject.
        text = " ".join(domain).rpartition(" of ")[2]
        out.extend(d for d in _PORTFOLIO_JOINERS.split(text) if d)
    return out
