"""One person, one Participant: resolving the names of a transcript against the archive.

Pure logic over an `AliasIndex` (what the archive already knows); the ingest layer feeds it from
the database and writes back what it decides. Order of evidence, strongest first:

1. an exact alias: the same written name (case, spacing, honorifics, accents folded) seen before;
2. a spelling variant: the same name after transliteration folding (Sergey/Sergei, Tatiana/Tatyana);
3. initials: "A. Repik" when exactly one known person has that surname and first initial;
4. otherwise a new person.

Different people who share a surname (Dmitry and Alexander Medvedev) stay apart: their folded
names differ, and only an initials-only label is matched by surname.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from meetings.core.parser.names import (
    first_initial,
    folded_key,
    has_initial_only,
    name_key,
    surname_key,
)


@dataclass(frozen=True)
class KnownAlias:
    key: str
    folded: str
    surname: str
    initial: str
    participant_id: int
    initial_only: bool = False  # written with initials only ("A. Repnin")


@dataclass
class AliasIndex:
    """The aliases the archive holds that could matter for a set of names."""

    aliases: list[KnownAlias] = field(default_factory=list)

    def by_key(self, key: str) -> int | None:
        for a in self.aliases:
            if a.key == key:
                return a.participant_id
        return None

    def by_folded(self, folded: str) -> set[int]:
        return {a.participant_id for a in self.aliases if a.folded == folded}

    def by_surname_initial(self, surname: str, initial: str) -> set[int]:
        return {a.participant_id for a in self.aliases if a.surname == surname and a.initial == initial}


@dataclass
class Resolution:
    participant_id: int | None  # None: a new participant must be created
    how: str  # "exact" | "variant" | "initial" | "new"
    names: list[str]  # every written form to record as an alias

    @property
    def is_guess(self) -> bool:
        return self.how in ("initial",)


def lookup_keys(names: Iterable[str]) -> dict[str, set[str]]:
    """The keys, folded keys and surnames to fetch from the archive for these names."""
    out: dict[str, set[str]] = {"key": set(), "folded": set(), "surname": set()}
    for n in names:
        out["key"].add(name_key(n))
        out["folded"].add(folded_key(n))
        out["surname"].add(surname_key(n))
    return out


def resolve(names: list[str], index: AliasIndex) -> Resolution:
    """Resolve one person of a transcript, known there under `names` (canonical first)."""
    for n in names:
        pid = index.by_key(name_key(n))
        if pid is not None:
            return Resolution(pid, "exact", names)
    for n in names:
        if has_initial_only(n):
            continue
        found = index.by_folded(folded_key(n))
        if len(found) == 1:
            return Resolution(found.pop(), "variant", names)
    for n in names:
        if has_initial_only(n):
            found = index.by_surname_initial(surname_key(n), first_initial(n))
            if len(found) == 1:
                return Resolution(found.pop(), "initial", names)
    return Resolution(None, "new", names)


def may_absorb(index: AliasIndex, name: str, participant_id: int) -> bool:
    """Is some other person known only by initials that fit this full name ("A. Repnin")?"""
    surname, initial = surname_key(name), first_initial(name)
    return any(
        a.initial_only
        and a.surname == surname
        and a.initial == initial
        and a.participant_id != participant_id
        for a in index.aliases
    )


def alias_fields(name: str) -> dict[str, str]:
    """The stored form of one alias."""
    return {
        "key": name_key(name),
        "folded": folded_key(name),
        "surname": surname_key(name),
        "initial": first_initial(name),
    }
