"""The editor's audit: pure checks over plain rows that point at attributions worth a human look.

No Django here. The editorial layer (meetings/editorial/audit.py) reads the archive and passes
rows in; each check returns `Finding`s: a kind, one line, the evidence an editor reads before
opening the pages, and the paths of those pages. Every check is a heuristic tuned to raise few
false alarms: a finding is a question to an editor, never a correction.

Kinds:
  not-a-person        a participant's name reads as an office, organisation, place or heading
  may-be-one-person   two participants whose names may be one person's
  may-be-two-people   one participant whose roles belong to unrelated careers at the same time
  long-generic-turn   a "Question"/"Remark" turn long enough to have swallowed someone's speech
  role-not-an-office  a role that is a sentence fragment, a cut name or a place, or one office
                      written several ways for the same person
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from meetings.core.parser.given_names import GIVEN_NAMES, begins_a_name
from meetings.core.parser.names import (
    first_initial,
    fold_token,
    folded_key,
    has_initial_only,
    name_tokens,
    surname_key,
)
from meetings.core.parser.vocabulary import (
    COMMON_WORDS,
    GENERIC_LABELS,
    NOT_IN_TITLE,
    PARTICLES,
    SINGLE_NAME_TITLES,
    TITLE_WORDS,
)
from meetings.core.roles import is_office, role_key

NOT_A_PERSON = "not-a-person"
MAY_BE_ONE_PERSON = "may-be-one-person"
MAY_BE_TWO_PEOPLE = "may-be-two-people"
LONG_GENERIC_TURN = "long-generic-turn"
ROLE_NOT_AN_OFFICE = "role-not-an-office"
KINDS = (NOT_A_PERSON, MAY_BE_ONE_PERSON, MAY_BE_TWO_PEOPLE, LONG_GENERIC_TURN, ROLE_NOT_AN_OFFICE)


@dataclass(frozen=True)
class Finding:
    kind: str
    summary: str
    evidence: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    # Orders findings within a kind: (strength first, then a stable text key).
    sort_key: tuple = field(default=(), compare=False)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "summary": self.summary,
            "evidence": list(self.evidence),
            "links": list(self.links),
        }


# --- Rows the editorial layer passes in ------------------------------------------------------------


class Person(NamedTuple):
    id: int
    name: str
    url: str
    turns: int = 0
    meetings: int = 0


class RoleUse(NamedTuple):
    """One turn spoken under a role: who, the role as written, when, in which meeting, where."""

    participant_id: int
    role: str
    date: date
    meeting_id: int
    turn_url: str


class GenericTurn(NamedTuple):
    label: str
    length: int  # characters of text
    url: str
    opening: str = ""  # the first words, for the evidence
    before: str = ""  # who spoke just before and after (label or name), when known
    after: str = ""


# --- Shared word handling ----------------------------------------------------------------------------

_APOSTROPHES = "\u2019\u2018\u02bc`´"
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _activity(p: Person) -> str:
    return f"{_n(p.turns, 'remark')} in {_n(p.meetings, 'meeting')}"


def _plain(text: str) -> str:
    for a in _APOSTROPHES:
        text = text.replace(a, "'")
    return text


def _words(text: str) -> list[str]:
    return _WORD.findall(_plain(text))


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


def _place(word: str) -> str:
    w = word.casefold()
    if w in DEMONYMS:
        return DEMONYMS[w]
    if len(w) > 5 and w.endswith("ian"):  # russian -> russia, armenian -> armenia
        return w[:-1]
    return w


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
_ROMAN = re.compile(r"^[IVX]+$")


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
        if _PLURAL.search(w.casefold().strip(".,")) and not begins_a_name(w) and not _ROMAN.match(w)
    ]
    if plurals and len(words) <= 3:
        reasons.append("plural nouns: " + ", ".join(plurals))
    return reasons


def _cut_before_name(role: str) -> bool:
    """A role that ends mid-title ("Crown Prince … of", "Commissioner for Children's"): the
    label's name is then the title's last words, a place or an organisation."""
    text = _plain(_strip_notes(role)).strip()
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
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(
        tuple(longer[i : i + n]) == tuple(shorter) for i in range(len(longer) - n + 1)
    )


def _within(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """The shorter name's words in the longer's order, the same first and last word: "Adnan Amin"
    within "Adnan Z. Amin"."""
    if len(shorter) < 2 or shorter[0] != longer[0] or shorter[-1] != longer[-1]:
        return False
    rest = iter(longer)
    return all(any(w == x for x in rest) for w in shorter)


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
                    and edit_distance(ga, gb, 2) <= min(2, len(ga) // 3)
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


# --- Role words shared by checks 3 and 5 ----------------------------------------------------------

_FILLER = {
    "of",
    "the",
    "a",
    "an",
    "and",
    "for",
    "in",
    "at",
    "on",
    "to",
    "with",
    "by",
    "from",
    "&",
    "republic",
}

# Ranks within an organisation: sharing one of them says nothing about sharing a career.
_RANKS = {
    "acting",
    "deputy",
    "first",
    "head",
    "chief",
    "chairman",
    "chairperson",
    "chairwoman",
    "chair",
    "co-chair",
    "co-chairman",
    "co-chairperson",
    "director",
    "general",
    "director-general",
    "ceo",
    "executive",
    "officer",
    "board",
    "member",
    "senior",
    "management",
    "managing",
    "vice",
    "honorary",
    "interim",
    "former",
    "state",
    "federal",
    "national",
    "secretary",
    "president",
    "vice-president",
    "leader",
    "main",
}


def _stem(word: str) -> str:
    w = _place(word)
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]  # sports / sport, affairs / affair
    return w


def _strip_notes(role: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", role)


def office_key(role: str) -> frozenset[str]:
    """The words of an office, whatever order, case, articles or place form it is written in:
    "President of Russia", "Russian President" and "President OF THE Russia" share one key."""
    return frozenset(_stem(w) for w in _words(_strip_notes(role)) if w.casefold() not in _FILLER)


def career_words(role: str) -> frozenset[str]:
    """The words that tie a role to an organisation, a place or a field (ranks left out)."""
    return frozenset(w for w in office_key(role) if w not in _RANKS)


# --- 3. may-be-two-people ---------------------------------------------------------------------------


def _clusters(roles: Sequence[str]) -> list[list[str]]:
    """Roles joined when they share a career word (or are the same office)."""
    parent = list(range(len(roles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [career_words(r) for r in roles]
    for i in range(len(roles)):
        for j in range(i + 1, len(roles)):
            if (
                words[i] & words[j]
                or office_key(roles[i]) == office_key(roles[j])
                or not words[i]
                or not words[j]
            ):
                parent[find(i)] = find(j)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, r in enumerate(roles):
        groups[find(i)].append(r)
    return list(groups.values())


def _all_short(uses: Iterable[RoleUse]) -> bool:
    return all(len(career_words(r.role)) == 1 and len(_words(r.role)) <= 3 for r in uses)


def check_may_be_two_people(
    people: Sequence[Person], roles: Iterable[RoleUse], careers: bool = False
) -> list[Finding]:
    """Participants whose roles fall into unrelated groups held at the same time: the same
    meeting, or periods that overlap or alternate (A, then B, then A again). A move from one
    organisation to another (minister, then company head) is an ordinary career and is left
    out unless `careers` asks for it."""
    by_id = {p.id: p for p in people}
    uses: dict[int, list[RoleUse]] = defaultdict(list)
    for r in roles:
        if r.role.strip():
            uses[r.participant_id].append(r)
    out = []
    for pid, rs in uses.items():
        distinct = sorted({r.role for r in rs})
        if len(distinct) < 2 or pid not in by_id:
            continue
        groups = _clusters(distinct)
        if len(groups) < 2:
            continue
        group_of = {role: i for i, g in enumerate(groups) for role in g}
        spans = []
        for i in range(len(groups)):
            mine = sorted((r for r in rs if group_of[r.role] == i), key=lambda r: (r.date, r.turn_url))
            spans.append((mine[0].date, mine[-1].date, i, mine))
        spans.sort()
        meetings_of = [{r.meeting_id for r in s[3]} for s in spans]
        why: list[str] = []
        weak: list[str] = []
        for x in range(len(spans)):
            for y in range(x + 1, len(spans)):
                # "Rospotrebnadzor Head" beside "Head of the Federal Service for …": a one-word
                # organisation may be the short name of the other; held together, no evidence.
                if _all_short(spans[x][3]) or _all_short(spans[y][3]):
                    weak.append("held together, but a one-word organisation may be the other's short name")
                elif meetings_of[x] & meetings_of[y]:
                    why.append("both spoken under in the same meeting")
                elif spans[y][0] <= spans[x][1]:
                    why.append("the periods overlap or alternate")
        strong = bool(why)
        if not strong and not careers:
            continue
        if not strong:
            why = weak or ["one after the other: a career change, or two people of one name"]
        p = by_id[pid]
        evidence = [why[0]]
        links = [p.url]
        for first, last, _, mine in spans:
            counts: dict[str, int] = defaultdict(int)
            for r in mine:
                counts[r.role] += 1
            written = "; ".join(
                f"{role!r} ×{n}" if n > 1 else repr(role) for role, n in sorted(counts.items())
            )
            evidence.append(
                f"{first:%Y-%m-%d} … {last:%Y-%m-%d}: {written} ({_n(len({r.meeting_id for r in mine}), 'meeting')})"
            )
            links.append(mine[0].turn_url)
        out.append(
            Finding(
                MAY_BE_TWO_PEOPLE,
                f"{p.name!r} speaks under unrelated roles: may be two people",
                tuple(evidence),
                tuple(links),
                sort_key=(not strong, p.name.casefold(), p.id),
            )
        )
    return out


# --- 4. long-generic-turn ---------------------------------------------------------------------------

_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def is_generic_label(label: str) -> bool:
    """ "Question", "Remark", "Question (retranslated)", "A voice from the audience" …"""
    core = _NOTE.sub("", label).strip().casefold().rstrip(":")
    core = re.sub(r"^(?:the|a|an|one|another) ", "", core)
    core = re.sub(r" (?:from|in) (?:the )?(?:audience|floor|hall|room|studio)$", "", core)
    return core in GENERIC_LABELS


def check_long_generic_turns(
    turns: Sequence[GenericTurn], max_chars: int = 3000, factor: float = 5.0, floor: int = 1000
) -> list[Finding]:
    """Generic-label turns longer than `max_chars`, or longer than `factor` times the median
    of the turns under the same label (and than `floor`): a "Question" that runs on for pages
    has usually swallowed the answer, a missed label in between."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for t in turns:
        by_label[_NOTE.sub("", t.label).strip().casefold()].append(t.length)
    medians = {k: statistics.median(v) for k, v in by_label.items()}
    out = []
    for t in turns:
        median = medians[_NOTE.sub("", t.label).strip().casefold()]
        over_median = t.length > factor * median and t.length > floor
        if t.length <= max_chars and not over_median:
            continue
        evidence = [f"{t.length:,} characters; the median {t.label.split(' (')[0]!r} turn has {median:,.0f}"]
        if t.before or t.after:
            evidence.append(f"between {t.before or '(start)'!s} and {t.after or '(end)'!s}")
        if t.opening:
            evidence.append(f"opens: {t.opening}")
        out.append(
            Finding(
                LONG_GENERIC_TURN,
                f"a {t.label!r} turn of {t.length:,} characters may hold someone else's speech",
                tuple(evidence),
                (t.url,),
                sort_key=(-t.length, t.url),
            )
        )
    return out


# --- 5. role-not-an-office --------------------------------------------------------------------------

_JOINER_END = {"of", "for", "and", "the", "in", "at", "on", "to", "with", "by", "from", "a", "an", "or", "&"}
_PRONOUNS = {
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "it",
    "me",
    "us",
    "him",
    "them",
    "his",
    "her",
    "our",
    "their",
    "my",
}
_VERBS = (NOT_IN_TITLE - _PRONOUNS - {"first", "head", "state"}) | {
    "sent",
    "sends",
    "spoke",
    "speaks",
    "met",
    "meets",
}
# Words that make a role an office or an occupation: the parser's title words without the
# organisation and place words among them, and some occupations it does not need.
_PLACE_OR_ORG = {
    "region",
    "territory",
    "republic",
    "federation",
    "district",
    "city",
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
OFFICE_WORDS = (TITLE_WORDS - _PLACE_OR_ORG) | {
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
MAX_ROLE_WORDS = 24


def role_reasons(role: str) -> list[str]:
    """Why a role reads as something other than an office, or [] when it reads as one."""
    text = _plain(role).strip()
    words = _words(_strip_notes(text))
    if not words:
        return []
    low = [w.casefold() for w in words]
    reasons = []
    if text[:1].islower() and not is_office(text):  # "welding engineer at …" is an occupation
        reasons.append("starts in lower case")
    if low[-1] in _JOINER_END:
        reasons.append(f"ends with {words[-1]!r}: cut off")
    if re.search(r"'s?$", _strip_notes(text)):
        reasons.append("ends with a possessive: cut off")
    verbs = [w for w in words if w.casefold() in _VERBS and not (w.casefold() == "all" and is_office(text))]
    if verbs:
        reasons.append("reads as a sentence: " + ", ".join(dict.fromkeys(verbs)))
    pronouns = [w for w in words if w.casefold() in _PRONOUNS and w.casefold() not in {"us"}]
    if pronouns:
        reasons.append("has pronouns: " + ", ".join(dict.fromkeys(pronouns)))
    if len(words) > MAX_ROLE_WORDS:
        reasons.append(f"{len(words)} words: a sentence rather than a title")
    tail = role_tail_name(text)
    if tail:
        reasons.append(f"ends with {' '.join(tail)!r}, the start of a name the label cut")
    parts = {p for w in low for p in w.split("-")} | set(low)
    if not parts & OFFICE_WORDS and not tail:
        if all(begins_a_name(w) or w.casefold() in PARTICLES for w in words):
            reasons.append("a name, not an office")
        else:
            reasons.append("no word of an office: a place or an organisation?")
    # A glued word ("Presidentof") is a typo an editor fixes in the source.
    glued = [
        w
        for w in words
        if re.fullmatch(r"[A-Z][a-z]+(?:of|for|and|the)", w)
        and w[:-2].casefold() in OFFICE_WORDS | {"presiden"}
    ]
    if glued:
        reasons.append("glued words: " + ", ".join(glued))
    return reasons


def check_roles(people: Sequence[Person], roles: Iterable[RoleUse]) -> list[Finding]:
    """Roles that are not offices (one finding per role as written), and one office written
    several ways for one participant (one finding per participant)."""
    by_id = {p.id: p for p in people}
    uses_by_role: dict[str, list[RoleUse]] = defaultdict(list)
    by_person: dict[int, list[RoleUse]] = defaultdict(list)
    for r in roles:
        if r.role.strip():
            uses_by_role[r.role].append(r)
            by_person[r.participant_id].append(r)
    out = []
    for role, uses in uses_by_role.items():
        reasons = role_reasons(role)
        if not reasons:
            continue
        uses = sorted(uses, key=lambda r: (r.date, r.turn_url))
        who = sorted({by_id[r.participant_id].name for r in uses if r.participant_id in by_id})
        people_links = sorted({by_id[r.participant_id].url for r in uses if r.participant_id in by_id})
        out.append(
            Finding(
                ROLE_NOT_AN_OFFICE,
                f"the role {role!r} may not be an office",
                (*reasons, f"{_n(len(uses), 'remark')} by {', '.join(who)}"),
                (*people_links, *[r.turn_url for r in uses[:3]]),
                sort_key=(0, role.casefold()),
            )
        )
    for pid, uses in by_person.items():
        if pid not in by_id:
            continue
        forms: dict[frozenset[str], dict[str, list[RoleUse]]] = defaultdict(lambda: defaultdict(list))
        for r in uses:
            forms[office_key(r.role)][r.role].append(r)
        p = by_id[pid]
        for written in forms.values():
            # Forms that differ only in a parenthetical note or the kind of apostrophe are one
            # spelling; case, word order, articles and place forms are what an editor evens out.
            if len({_plain(_strip_notes(r)).strip() for r in written}) < 2:
                continue
            # Profiles already show forms with one role key as one office (meetings.core.roles):
            # only what they still show apart is worth an editor's look.
            if len({role_key(r) for r in written if is_office(r)}) < 2:
                continue
            evidence, links = [], [p.url]
            for role, rs in sorted(written.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                rs = sorted(rs, key=lambda r: (r.date, r.turn_url))
                evidence.append(
                    f"{role!r}: {_n(len(rs), 'remark')}, {rs[0].date:%Y-%m-%d} … {rs[-1].date:%Y-%m-%d}"
                )
                links.append(rs[0].turn_url)
            out.append(
                Finding(
                    ROLE_NOT_AN_OFFICE,
                    f"{p.name!r}: one office written {len(written)} ways",
                    tuple(evidence),
                    tuple(links),
                    sort_key=(1, p.name.casefold(), sorted(written)[0]),
                )
            )
    return out


# --- All of them ------------------------------------------------------------------------------------


def audit(
    people: Sequence[Person],
    roles: Sequence[RoleUse],
    generic_turns: Sequence[GenericTurn],
    careers: bool = False,
) -> list[Finding]:
    """Every finding, grouped by kind in KINDS order, in a stable order within each kind."""
    findings = [
        *check_not_a_person(people, roles),
        *check_may_be_one_person(people, roles),
        *check_may_be_two_people(people, roles, careers=careers),
        *check_long_generic_turns(generic_turns),
        *check_roles(people, roles),
    ]
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(findings, key=lambda f: (order[f.kind], f.sort_key, f.summary))


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(KINDS, 0)
    for f in findings:
        counts[f.kind] += 1
    return counts
