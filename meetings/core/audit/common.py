"""What the audit's checks share: the kinds, the finding, the rows passed in, and the handling of
words and roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from meetings.core.roles import DEMONYMS, singular, strip_notes

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


def _place(word: str) -> str:
    w = word.casefold()
    if w in DEMONYMS:
        return DEMONYMS[w]
    if len(w) > 5 and w.endswith("ian"):  # russian -> russia, armenian -> armenia
        return w[:-1]
    return w


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
    return singular(_place(word))


def office_key(role: str) -> frozenset[str]:
    """The words of an office, whatever order, case, articles or place form it is written in:
    "President of Russia", "Russian President" and "President OF THE Russia" share one key."""
    return frozenset(_stem(w) for w in _words(strip_notes(role)) if w.casefold() not in _FILLER)


def career_words(role: str) -> frozenset[str]:
    """The words that tie a role to an organisation, a place or a field (ranks left out)."""
    return frozenset(w for w in office_key(role) if w not in _RANKS)


_JOINER_END = {"of", "for", "and", "the", "in", "at", "on", "to", "with", "by", "from", "a", "an", "or", "&"}
