"""One person, one Participant: resolving the names of a transcript against the archive.

Pure logic over an `AliasIndex` (what the archive already knows); the ingest layer feeds it from
the database and writes back what it decides. Order of evidence, strongest first:

1. an exact alias: the same written name (case, spacing, honorifics, accents folded) seen before;
2. a spelling variant: the same name after transliteration folding (Sergey/Sergei, Tatiana/Tatyana);
3. one name inside another: "Tayyip Erdogan" and "Recep Tayyip Erdogan", when exactly one known
   person with that surname has a name that contains this one or is contained in it (a guess);
4. a mistyped given name: the same surname and a given name one or two letters away from the one
   known person's ("Tatayana"/"Tatyana"), unless both given names are real, different names
   (Maria and Marina are two people) (a guess);
5. initials: "A. Repik" when exactly one known person has that surname and first initial;
6. otherwise a new person.

Different people who share a surname (Dmitry and Alexander Medvedev) stay apart: their folded
names differ, and only an initials-only label is matched by surname.

`plan_people` applies these rules to every person of a transcript and returns a `PeoplePlan`:
which known participant each person is, who is new (and under what name), which written forms
become aliases, what an editor should check. Both ingest writers (one file at a time, and in
batches) read the index from the database, call it, and write what it decided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA

from meetings.core.parser import GUESSES, Transcript
from meetings.core.parser.given_names import begins_a_name
from meetings.core.parser.names import (
    first_initial,
    fold_token,
    folded_key,
    has_initial_only,
    man_and_woman,
    name_key,
    name_tokens,
    one_name_inside,
    surname_key,
    tidy_name,
    written_family_name_first,
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

    def by_surname(self, surname: str) -> list[KnownAlias]:
        return [a for a in self.aliases if a.surname == surname and not a.initial_only]

    def by_surname_initial(self, surname: str, initial: str) -> set[int]:
        return {a.participant_id for a in self.aliases if a.surname == surname and a.initial == initial}


@dataclass
class Resolution:
    participant_id: int | None  # None: a new participant must be created
    how: str  # "exact" | "variant" | "initial" | "new"
    names: list[str]  # every written form to record as an alias

    @property
    def is_guess(self) -> bool:
        return self.how in GUESSED


def lookup_keys(names: Iterable[str]) -> dict[str, set[str]]:
    """The keys, folded keys and surnames to fetch from the archive for these names."""
    out: dict[str, set[str]] = {"key": set(), "folded": set(), "surname": set()}
    for n in names:
        fields = alias_fields(n)
        for column, values in out.items():
            values.add(fields[column])
    return out


GUESSED = {"initial", "contained", "typo"}


def _given(key: str) -> list[str]:
    """The folded given names (every token but the surname) of a name key."""
    return [fold_token(t) for t in key.split()[:-1]]


def _typo_apart(a: str, b: str) -> bool:
    """Are two given names a slip of the keyboard apart (optimal string alignment distance:
    1, or 2 for names of seven letters or more), and not two real names?"""
    if a == b or a[:1] != b[:1] or (begins_a_name(a) and begins_a_name(b)):
        return False
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    if abs(len(a) - len(b)) > limit:
        return False
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def _by_name_shape(name: str, index: AliasIndex) -> Resolution | None:
    """A known person whose name contains this one (or the reverse), else one whose given name
    differs by a typo: each only when exactly one known person fits."""
    key = name_key(name)
    given = _given(key)
    if not given or has_initial_only(name) or written_family_name_first(name):
        return None  # ("Liu Wei" and "Lu Wei": the family names differ, not given names)
    known = [a for a in index.by_surname(surname_key(name)) if len(a.key.split()) >= 2]
    givens = [(a.participant_id, _given(a.key)) for a in known]
    contained = {pid for pid, g in givens if one_name_inside(g, given)}
    # Not a person also known by given names this one neither holds nor is held in ("Robert T."
    # is not who is known as "Robert" and "Robert J.": the middle names differ).
    contained -= {pid for pid, g in givens if g != given and not one_name_inside(g, given)}
    if len(contained) == 1:
        return Resolution(contained.pop(), "contained", [name])
    if len(given) == 1:
        typos = {
            a.participant_id
            for a in known
            if len(a.key.split()) == 2
            and _typo_apart(given[0], fold_token(a.key.split()[0]))
            and not man_and_woman(key.split()[0], a.key.split()[0])  # as written: "-ndr", "-ndra"
        }
        if len(typos) == 1:
            return Resolution(typos.pop(), "typo", [name])
    return None


def _known_by_other_names(name: str, pid: int, index: AliasIndex) -> bool:
    """Is the person `pid` also known by given names that differ from this name's, neither held in
    the other ("Ivan Petrovich <Surname>" against "Ivan Sergeyevich <Surname>")?"""
    given = _given(name_key(name))
    return any(
        a.participant_id == pid and (g := _given(a.key)) and not _given_names_fit(g, given)
        for a in index.by_surname(surname_key(name))
    )


def _given_names_fit(a: list[str], b: list[str]) -> bool:
    """Can two lists of given names be one person's: the same, one inside the other, or the same
    but for an initial standing for a name ("Ivan S." and "Ivan Sergeyevich")?"""
    if a == b or one_name_inside(a, b):
        return True
    return len(a) == len(b) and all(
        x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(a, b)
    )


def _form_may_find(names: list[str], n: str, pid: int, index: AliasIndex) -> bool:
    """May the form `n` of a person named `names` (canonical first) find the person `pid`? The
    canonical name always may; another form only if `pid` is known by no given names that differ
    from the canonical name's."""
    canonical = names[0]
    return n == canonical or has_initial_only(canonical) or not _known_by_other_names(canonical, pid, index)


def _resolve_certain(names: list[str], index: AliasIndex) -> Resolution | None:
    """The known person of one of `names` exactly or as a transliteration variant, no guess. A
    shorter form the page also writes ("Ivan <Surname>" of "Ivan Sergeyevich <Surname>") finds no
    one also known by other given names than the page's name in full."""
    for n in names:
        pid = index.by_key(name_key(n))
        if pid is not None and _form_may_find(names, n, pid, index):
            return Resolution(pid, "exact", names)
    for n in names:
        if has_initial_only(n):
            continue
        found = index.by_folded(folded_key(n))
        if len(found) == 1 and _form_may_find(names, n, pid := found.pop(), index):
            return Resolution(pid, "variant", names)
    return None


def resolve(names: list[str], index: AliasIndex) -> Resolution:
    """Resolve one person of a transcript, known there under `names` (canonical first)."""
    if (certain := _resolve_certain(names, index)) is not None:
        return certain
    for n in names:
        shaped = _by_name_shape(n, index)
        if (
            shaped is not None
            and (pid := shaped.participant_id) is not None
            and _form_may_find(names, n, pid, index)
        ):
            return Resolution(pid, shaped.how, names)
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


def shown_spelling(
    current: str, labels_using: Mapping[str, int], last_written: Mapping[str, Any] | None = None
) -> str:
    """The spelling to show a person under: of the ways of writing the name shown that differ
    only as transliterations do ("Aleksey" and "Alexei <Surname>"), the one most of the person's
    remarks are labelled with (`labels_using`: written form -> labels that write it); of spellings
    used as often, the one written last (`last_written`: written form -> the latest date a label
    writes it), so that the name shown does not depend on the order of ingest; the name shown
    where nothing tells them apart."""
    folded, key = folded_key(current), name_key(current)
    last_written = last_written or {}
    uses: dict[str, int] = defaultdict(int)
    last: dict[str, Any] = {}
    spelled: dict[str, str] = {}
    for written, n in labels_using.items():
        if folded_key(written) == folded:
            k = name_key(written)
            uses[k] = max(uses[k], n)  # the same spelling in capitals is the same spelling
            if (when := last_written.get(written)) is not None and (k not in last or when > last[k]):
                last[k] = when
            if k not in spelled or spelled[k].isupper():
                spelled[k] = written  # ... shown as written in upper and lower case
    if not uses:
        return current
    most = max(uses.values())
    best = sorted(k for k in uses if uses[k] == most)
    if dated := [k for k in best if k in last]:
        latest = max(last[k] for k in dated)
        # (written as often and last on the same day: the first in the alphabet, not whichever
        # was stored first)
        best = [k for k in dated if last[k] == latest]
    elif key in best:
        return current
    return current if best[0] == key else tidy_name(spelled[best[0]])


def alias_fields(name: str) -> dict[str, str]:
    """The stored form of one alias."""
    return dict(_alias_fields(name))


@lru_cache(maxsize=65536)
def _alias_fields(name: str) -> tuple[tuple[str, str], ...]:
    # Remembered: a batch of transcripts looks at the same names many times.
    return (
        ("key", name_key(name)),
        ("folded", folded_key(name)),
        ("surname", surname_key(name)),
        ("initial", first_initial(name)),
    )


def people_forms(t: Transcript) -> dict[str, list[str]]:
    """Each person of a transcript (by local canonical name) with the written forms of their name
    worth recording as aliases."""
    written: dict[str, list[str]] = defaultdict(list)
    for pt in t.turns:
        if not pt.name:
            continue
        forms = written[pt.name]
        # A form the parser matched by a guess ("Vlaidmir Putin" for the titled Vladimir Putin)
        # is not recorded: as an alias it would take that spelling for this person for good.
        trusted = pt.written_name if pt.resolution not in GUESSES else None
        for n in (pt.name, trusted):
            # Two words of a name, not an honorific's: "Mr <Surname>" alone tells no one apart.
            if n and n not in forms and len(name_tokens(n)) >= 2:
                forms.append(n)
    return written


@dataclass(frozen=True)
class NewAlias:
    """A written form of a person's name that the archive does not know yet."""

    participant_id: int  # a known participant, or a new person's provisional id (< 0)
    written: str  # as the transcript writes it
    how: str  # how the person was resolved: "exact" | "variant" | "initial" | "new"
    key: str
    folded: str
    surname: str
    initial: str

    @property
    def fields(self) -> dict[str, str]:
        """The stored form (see `alias_fields`)."""
        return {"key": self.key, "folded": self.folded, "surname": self.surname, "initial": self.initial}

    def as_known(self) -> KnownAlias:
        return KnownAlias(
            participant_id=self.participant_id, initial_only=has_initial_only(self.written), **self.fields
        )


@dataclass(frozen=True)
class PersonPlan:
    """What becomes of one person of a transcript."""

    local: str  # the transcript's canonical name for them
    participant_id: int  # a known participant, or a provisional id (< 0) for a person new to the archive
    how: str  # "exact" | "variant" | "initial" | "new"
    new_name: str  # the name a new participant is created with; "" for a known one
    aliases: tuple[NewAlias, ...]  # written forms to record, in the order of the transcript
    guess: str  # what an editor should check about this match; "" when it is certain
    absorbs: bool  # a full name that fits someone known so far only by initials ("A. Repnin")
    fuller_name: str = ""  # a known person now named more fully ("Recep Tayyip Erdogan"): show that

    @property
    def is_new(self) -> bool:
        return self.how == "new"


@dataclass
class PeoplePlan:
    """The people of a transcript resolved against the archive, in order of first appearance."""

    people: list[PersonPlan] = field(default_factory=list)

    @property
    def ids(self) -> dict[str, int]:
        """Local name -> participant id (provisional when < 0)."""
        return {p.local: p.participant_id for p in self.people}

    @property
    def new(self) -> list[PersonPlan]:
        return [p for p in self.people if p.is_new]

    @property
    def aliases(self) -> list[NewAlias]:
        return [a for p in self.people for a in p.aliases]

    @property
    def absorbs(self) -> bool:
        return any(p.absorbs for p in self.people)


def known_person_guess(local: str, how: str) -> str:
    """The note for an editor when a person is taken as someone known by a guess; "" otherwise."""
    reasons = {
        "variant": "spelling variant",
        "initial": "initials, a guess",
        "contained": "one name inside the other, a guess",
        "typo": "a given name a typo apart, a guess",
    }
    if how not in reasons:
        return ""
    return f"{local!r} taken as an already known person ({reasons[how]})"


def plan_people(people: Mapping[str, Sequence[str]], index: AliasIndex, first_new_id: int = -1) -> PeoplePlan:
    """Resolve each person of a transcript (local canonical name -> written forms, canonical
    first, as `people_forms` gives them) against `index`, in order: a person new to the archive
    gets a provisional id (`first_new_id`, then one less for each next one), and the aliases an
    earlier person adds are known to the later ones. `index` itself is left as it is."""
    index = AliasIndex(list(index.aliases))
    plan = PeoplePlan()
    next_new = first_new_id
    # The people this transcript names as known ones for certain (by a name of theirs), and those
    # it has resolved so far: no guess makes another of its people one of them.
    taken = {res.participant_id for forms in people.values() if (res := _resolve_certain(list(forms), index))}
    for local, forms in people.items():
        res = resolve(list(forms), index)
        if res.participant_id in taken and res.how in GUESSED:
            # The page keeps them apart ("Jo Martin" and "Joe Martin" under two titles): a guess
            # never makes two of its people one.
            res = Resolution(None, "new", res.names)
        if res.participant_id is None:
            pid, next_new = next_new, next_new - 1
            new_name, guess = tidy_name(local), ""
        else:
            pid, new_name, guess = res.participant_id, "", known_person_guess(local, res.how)
        # The longest name this person was known under before this transcript.
        longest = max((len(a.key.split()) for a in index.aliases if a.participant_id == pid), default=0)
        known = {a.key for a in index.aliases}
        aliases = []
        for form in forms:
            fields = alias_fields(form)
            if fields["key"] in known or not fields["key"]:
                continue
            known.add(fields["key"])
            alias = NewAlias(participant_id=pid, written=form, how=res.how, **fields)
            aliases.append(alias)
            index.aliases.append(alias.as_known())
        absorbs = not has_initial_only(local) and may_absorb(index, local, pid)
        fuller = tidy_name(local) if res.how == "contained" and len(name_key(local).split()) > longest else ""
        taken.add(pid)
        plan.people.append(PersonPlan(local, pid, res.how, new_name, tuple(aliases), guess, absorbs, fuller))
    return plan
