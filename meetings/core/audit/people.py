"""Checks of participants: names that may not be people, two names of one person, one name of two
people."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from meetings.core.parser.given_names import GIVEN_NAMES, begins_a_name
from meetings.core.parser.names import (
    first_initial,
    fold_token,
    folded_key,
    has_initial_only,
    in_order,
    is_regnal,
    name_tokens,
    surname_key,
    tells_a_generation,
    written_family_name_first,
)
from meetings.core.parser.vocabulary import (
    COMMON_WORDS,
    OUTLET_WORDS,
    PARTICLES,
    PLACE_NAME_OPENERS,
    SINGLE_NAME_TITLES,
    TITLE_WORDS,
)
from meetings.core.roles import strip_notes

from .common import (
    _JOINER_END,
    MAY_BE_ONE_PERSON,
    NOT_A_PERSON,
    Finding,
    Person,
    RoleUse,
    _activity,
    _plain,
    _words,
)

# --- 1. not-a-person ----------------------------------------------------------------------------------

# Words of offices, organisations, places and headings that no personal name carries, beyond the
# parser's TITLE_WORDS (which already covers minister, council, region, republic, federation …).
INSTITUTION_WORDS = {
    "ministry",
    "affairs",
    "relief",
    "chamber",
    "education",
    "development",
    "victory",
    "team",
    "magazine",
    "newspaper",
    "infrastructure",
    "congress",
    "senate",
    "cabinet",
    "administration",
    "directorate",
    "secretariat",
    "headquarters",
    "committee",
    "commission",
    "embassy",
    "province",
    "oblast",
    "krai",
    "county",
    "municipality",
    "town",
    "village",
    "museum",
    "theatre",
    "theater",
    "library",
    "hospital",
    "church",
    "diocese",
    "army",
    "navy",
    "fleet",
    "brigade",
    "regiment",
    "battalion",
    "police",
    "guard",
    "channel",
    "television",
    "radio",
    "agency",
    "press",
    "media",
    "journal",
    "gazette",
    "herald",
    "times",
    "post",
    "airlines",
    "railways",
    "energy",
    "oil",
    "gas",
    "industry",
    "industries",
    "trade",
    "economy",
    "economic",
    "finance",
    "financial",
    "culture",
    "science",
    "sciences",
    "health",
    "healthcare",
    "defence",
    "defense",
    "security",
    "justice",
    "rights",
    "protection",
    "welfare",
    "labour",
    "labor",
    "transport",
    "sport",
    "sports",
    "youth",
    "tourism",
    "emergencies",
    "emergency",
    "interior",
    "foreign",
    "international",
    "global",
    "world",
    "public",
    "social",
    "civil",
    "project",
    "programme",
    "initiative",
    "award",
    "prize",
    "festival",
    "olympiad",
    "olympics",
    "championship",
    "cup",
    "exhibition",
    "frontier",
    "border",
    "capitals",
    "families",
}

# Ordinary English words that open headings and captions ("Young Scientists", "Modern
# Families") and never open a personal name. Only the first word is tested against them.
ORDINARY_FIRST_WORDS = COMMON_WORDS | {
    "young",
    "old",
    "new",
    "modern",
    "imperial",
    "great",
    "grand",
    "big",
    "small",
    "little",
    "human",
    "future",
    "digital",
    "active",
    "open",
    "free",
    "united",
    "independent",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "ground-based",
    "space",
    "women",
    "men",
    "children",
    "family",
    "best",
    "top",
    "special",
    "main",
    "general",
    "joint",
    "local",
    "rural",
    "historical",
    "cultural",
    "scientific",
    "technical",
    "medical",
    "military",
    "professional",
    "volunteer",
    "volunteers",
    "bandy",
    "hockey",
    "football",
    "chess",
    "ice",
    "winter",
    "summer",
    "spring",
    "autumn",
}

# Endings of English plural nouns (Scientists, Families, Capitals, Relations …); surnames and
# given names rarely end so, and a known given name is never tested.
_PLURAL = re.compile(r"(?:ies|ists|ions|ments|ances|ences|ities|ials|als|ures|ships|eers)$")


def not_a_person_reasons(name: str) -> list[str]:
    """Why a participant's name may not be a person's, or [] when it reads as a name."""
    words = name.split()
    reasons: list[str] = []
    if any(ch.isdigit() for ch in name):
        reasons.append("the name has digits")
    if "," in name:
        reasons.append("the name has a comma")
    if len(words) == 1:
        reasons.append("a one-word name: no given name")
    if not words:
        return ["an empty name"]
    first = words[0].strip(".,")
    # "Patriarch Kirill", "Emir Tamim": titles of people known by one name belong to the name.
    single_name = first.casefold() in SINGLE_NAME_TITLES and len(words) == 2
    parts = [p.casefold() for w in words for p in _plain(w).strip(".,()").split("-") if p]
    # The title of a one-name person ("Patriarch") is part of the name, not an office word.
    parts = parts[1:] if single_name else parts
    # A word that is also a given name ("Rosa", "Victor") is not an office word here.
    office = sorted(
        {p for p in parts if (p in TITLE_WORDS or p in INSTITUTION_WORDS) and p not in GIVEN_NAMES}
    )
    if office:
        reasons.append("office, organisation or place words: " + ", ".join(office))
    if len(words) == 2 and words[0].casefold() in PLACE_NAME_OPENERS:
        reasons.append(f"a town's name: {first!r} opens the names of places, not given names")
    if len(words) >= 2 and words[-1].casefold() in OUTLET_WORDS:
        reasons.append(f"a newspaper's or a station's name: {words[-1]!r}")
    if first[:1].islower() and first.casefold() not in PARTICLES:
        reasons.append(f"the first word {first!r} is not capitalised")
    elif (
        len(words) > 1
        and not single_name
        and not begins_a_name(first)
        and first.casefold() in ORDINARY_FIRST_WORDS
        and first.casefold() not in office
    ):
        reasons.append(f"the first word {first!r} is an ordinary English word, not a given name")
    plurals = [
        w
        for w in words
        if _PLURAL.search(w.casefold().strip(".,")) and not begins_a_name(w) and not is_regnal(w)
    ]
    if plurals and len(words) <= 3:
        reasons.append("plural nouns: " + ", ".join(plurals))
    return reasons


def _cut_before_name(role: str) -> bool:
    """A role that ends mid-title ("Crown Prince … of", "Commissioner for Children's"): the
    label's name is then the title's last words, a place or an organisation."""
    text = _plain(strip_notes(role)).strip()
    words = text.split()
    return bool(words) and (words[-1].casefold() in _JOINER_END or bool(re.search(r"'s?$", text)))


def check_not_a_person(people: Iterable[Person], roles: Iterable[RoleUse] = ()) -> list[Finding]:
    cut: dict[int, str] = {}
    for r in roles:
        if r.participant_id not in cut and _cut_before_name(r.role):
            cut[r.participant_id] = r.role
    out = []
    for p in people:
        reasons = not_a_person_reasons(p.name)
        if p.id in cut:
            reasons.append(f"speaks under the role {cut[p.id]!r}, cut mid-title: the name may be its end")
        if reasons:
            out.append(
                Finding(
                    NOT_A_PERSON,
                    f"{p.name!r} may not be a person",
                    (*reasons, _activity(p)),
                    (p.url,),
                    sort_key=(-len(reasons), p.name.casefold(), p.id),
                )
            )
    return out


# --- 2. may-be-one-person ---------------------------------------------------------------------------


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    if tuple(longer[:n]) == tuple(shorter) and all(tells_a_generation(w) for w in longer[n:]):
        return False  # "Ivan Orlov Jr", "Albert II": another person
    return len(longer) > n and any(
        tuple(longer[i : i + n]) == tuple(shorter) for i in range(len(longer) - n + 1)
    )


def _within(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """The shorter name's words in the longer's order, the same first and last word: "Adnan Amin"
    within "Adnan Z. Amin"."""
    if len(shorter) < 2 or shorter[0] != longer[0] or shorter[-1] != longer[-1]:
        return False
    return in_order(shorter, longer)


def role_tail_name(role: str) -> list[str]:
    """Given names a role ends with: the start of a name the label cut ("President of Turkey
    Recep" for "Recep Tayyip Erdogan"). A trailing particle ("Emir of Qatar Tamim bin") goes
    with them."""
    words = _words(role)
    tail: list[str] = []
    i = len(words)
    while i > 0 and words[i - 1].casefold() in PARTICLES and words[i - 1][:1].islower():
        i -= 1
    start = i
    while i > 0 and begins_a_name(words[i - 1]) and words[i - 1][:1].isupper():
        i -= 1
    if i == start or i == 0:  # a role that is nothing but a name is reported as such elsewhere
        return []
    tail = words[i:]
    return tail


def _distinct_folded(a: str, b: str) -> bool:
    return fold_token(a) != fold_token(b)


def check_may_be_one_person(people: Sequence[Person], roles: Iterable[RoleUse] = ()) -> list[Finding]:
    """Pairs of participants whose names may be one person's."""
    by_id = {p.id: p for p in people}
    tokens = {p.id: tuple(name_tokens(p.name)) for p in people}
    # The fuller names that roles ending in a given name suggest ("Recep" + "Tayyip Erdogan").
    fuller: dict[int, tuple[tuple[str, ...], str]] = {}
    for r in roles:
        tail = role_tail_name(r.role)
        if tail and r.participant_id in tokens and r.participant_id not in fuller:
            words = tuple(t.casefold() for t in tail) + tokens[r.participant_id]
            fuller[r.participant_id] = (words, r.role)

    by_token: dict[str, set[int]] = defaultdict(set)
    by_surname: dict[str, list[int]] = defaultdict(list)
    by_given: dict[str, list[int]] = defaultdict(list)
    by_folded: dict[str, list[int]] = defaultdict(list)
    for pid, toks in tokens.items():
        for t in toks:
            by_token[t].add(pid)
        if len(toks) >= 2:
            by_surname[surname_key(by_id[pid].name)].append(pid)
            by_given[fold_token(toks[0])].append(pid)
            by_folded[folded_key(by_id[pid].name)].append(pid)

    found: dict[tuple[int, int], list[str]] = defaultdict(list)

    def note(a: int, b: int, why: str) -> None:
        key = (min(a, b), max(a, b))
        if why not in found[key]:
            found[key].append(why)

    for pid, toks in tokens.items():
        if len(toks) < 2:
            continue
        # One name inside another: "Tayyip Erdogan" in "Recep Tayyip Erdogan".
        for other in by_token.get(toks[-1], ()):
            if other != pid and _contains(tokens[other], toks):
                note(pid, other, f"{by_id[pid].name!r} is inside {by_id[other].name!r}")
        # The same name once the cut given name in the role is put back.
        if pid in fuller:
            words, role = fuller[pid]
            for other in by_token.get(toks[-1], ()):
                if other != pid and (tokens[other] == words or _within(words, tokens[other])):
                    note(
                        pid,
                        other,
                        f"{by_id[pid].name!r} speaks under the role {role!r}, which ends with the "
                        f"start of the name: {' '.join(w.capitalize() for w in words)!r}",
                    )
    for group in by_folded.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                note(a, b, "the same name once transliteration variants are folded")
    for group in by_surname.values():
        if len(group) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                na, nb = by_id[a].name, by_id[b].name
                ia, ib = has_initial_only(na), has_initial_only(nb)
                if ia != ib and first_initial(na) == first_initial(nb):
                    short, full = (na, nb) if ia else (nb, na)
                    note(a, b, f"the initial of {short!r} fits {full!r}")
                    continue
                if ia or ib:
                    continue
                ga, gb = fold_token(tokens[a][0]), fold_token(tokens[b][0])
                if (
                    ga != gb
                    and len(tokens[a]) == len(tokens[b])
                    and not any(written_family_name_first(by_id[x].name) for x in (a, b))
                    and edit_distance(ga, gb, 2) <= min(2, min(len(ga), len(gb)) // 3)
                ):
                    note(
                        a,
                        b,
                        f"the same surname; the given names {tokens[a][0]!r} and {tokens[b][0]!r} are a typo apart",
                    )
    # The same given name and a surname a typo apart ("Angela Markel" / "Angela Merkel").
    for group in by_given.values():
        if len(group) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if len(tokens[a]) != len(tokens[b]) or tokens[a][:-1] != tokens[b][:-1]:
                    continue
                sa, sb = fold_token(tokens[a][-1]), fold_token(tokens[b][-1])
                if sa == sb or min(len(sa), len(sb)) < 5:
                    continue
                # A final -a is the feminine form of the same surname: a relative, not a typo.
                if sa.rstrip("a") == sb.rstrip("a"):
                    continue
                if edit_distance(sa, sb, 1) <= 1:
                    note(
                        a,
                        b,
                        f"the same given name; the surnames {tokens[a][-1]!r} and {tokens[b][-1]!r} are a typo apart",
                    )

    out = []
    for (a, b), reasons in found.items():
        pa, pb = by_id[a], by_id[b]
        # The participant with fewer remarks is the likelier stray: named first.
        first, second = sorted((pa, pb), key=lambda p: (p.turns, p.name.casefold(), p.id))
        out.append(
            Finding(
                MAY_BE_ONE_PERSON,
                f"{first.name!r} and {second.name!r} may be one person",
                (
                    *reasons,
                    f"{first.name}: {_activity(first)}",
                    f"{second.name}: {_activity(second)}",
                ),
                (first.url, second.url),
                sort_key=(first.name.casefold(), second.name.casefold()),
            )
        )
    return out
