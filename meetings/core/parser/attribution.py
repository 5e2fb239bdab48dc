"""Who is who within one meeting: each labelled or summarised person found once, however the
page writes them (titles, variants, initials, one name inside another, a slip of the keyboard),
and each turn pointed at its person."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .given_names import begins_a_name, is_patronymic
from .names import (
    PATRONYMIC_PARTICLES,
    bare_surname,
    clean_spaces,
    first_initial,
    fold_token,
    folded_key,
    has_initial_only,
    in_order,
    is_name_word,
    man_and_woman,
    name_key,
    name_tokens,
    one_letter_off,
    one_name_inside,
    surname_key,
    tells_a_generation,
    written_family_name_first,
)
from .page import Page
from .structure import SPEECH, SUMMARY, ParsedTurn
from .vocabulary import HONORIFICS, PARTICLES

RESOLUTIONS = {
    "label": "named in the label",
    "variant": "a spelling variant of a name in this meeting",
    "initial": "initials matched a name in this meeting (a guess)",
    "first-name": "surname matched a person in this meeting, first name differs (a guess)",
    "typo": "a surname one letter away from a person in this meeting (a guess)",
    "surname": "'Mr/Ms Surname' matched a person in this meeting",
    "address": "a given name and patronymic that the page writes in full with a surname",
    "named-in-text": "a surname (or an initial and a surname) no label gives in full, matched to the one "
    "person the page's text names in full with it (a guess)",
    "role": "a title matched a person in this meeting (a guess)",
    "pronoun": "'he/she' taken as the current speaker (a guess)",
    "interviewee": "an answer ('A:') of the one person the page says it interviews (a guess)",
    "continuation": "unlabelled text after a summary of the same person",
    "generic": "a generic label: no person",
    "group": "a summary of a group: no person",
    "unresolved": "a reference that matched no one in this meeting",
    "none": "text before the first label: no person",
}
GUESSES = {"initial", "first-name", "typo", "role", "pronoun", "interviewee", "named-in-text"}
_PARTICLE_RE = "|".join(sorted(PARTICLES, key=len, reverse=True))


def _mistyped(written: str, bearer: _Person, page: Page) -> bool:
    """Is `written`, a name whose surname only `bearer` has here, the bearer's name with its first
    name mistyped ("Vladimir <Surname>" for "Vitaly <Surname>")? Only with the same initial, and
    when the page's text names no one so: another initial is a relative ("Maria <Surname>"), and so
    is a woman's form of his name ("Vladislava" beside "Vladislav")."""
    return (
        first_initial(written) == first_initial(bearer.name)
        and not written_family_name_first(written)  # "Liu Wei", "Lu Wei": two families
        and not man_and_woman(name_tokens(written)[0], name_tokens(bearer.name)[0])
        and not page.named_elsewhere(written)
    )


def _role_words(role: str) -> str:
    """A title as compared within a meeting: case, spacing and articles folded ("Chief of the
    General Staff" is "the Chief of General Staff")."""
    words = clean_spaces(role).casefold().split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def _an_address(name: str) -> bool:
    """Is the name a given name and a patronymic ("Pavel Ivanovich"): a form of address?"""
    tokens = name.split()
    return len(tokens) == 2 and is_patronymic(tokens[1])


def _named_with_patronymic(page: Page, address: str) -> str | None:
    """The one full name "<Given> <Patronymic> <Surname>" the page's title, lead or labels write
    for this form of address ("Pavel Ivanovich Grushin" for "Pavel Ivanovich"), or None. Not a
    remark's words: a teacher "Alexander Sergeyevich" speaks of "Alexander Sergeyevich Pushkin"."""
    if not _an_address(address):
        return None
    pattern = re.compile(rf"\b{re.escape(address)} ([A-Z][\w’'-]+)\b")
    found = {
        f"{address} {m.group(1)}"
        for text in (*page.heading, *page.label_prefixes)
        for m in pattern.finditer(text)
        if is_name_word(m.group(1)) and not is_patronymic(m.group(1))
    }
    if not found:
        # Spelled otherwise, as transliterations differ ("Anna Sergeyevna <Surname>" in the lead
        # for "Anna Sergeevna:"): the page's own spelling of the whole name.
        folded = folded_key(address)
        found = {
            " ".join(m.groups())
            for text in (*page.heading, *page.label_prefixes)
            for m in _THREE_NAME_WORDS.finditer(text)
            if folded_key(f"{m.group(1)} {m.group(2)}") == folded
            and is_name_word(m.group(3))
            and not is_patronymic(m.group(3))
        }
    return found.pop() if len(found) == 1 else None


_THREE_NAME_WORDS = re.compile(r"(?=\b([A-Z][\w’'-]+) ([A-Z][\w’'-]+) ([A-Z][\w’'-]+)\b)")


_TITLE_JOINERS = frozenset({"of", "for", "and", "on", "in", "at", "to", "with", "&"})


def _title_words(role: str) -> set[str]:
    """A title's words as a set, its joiners and articles aside and plurals folded: "Transport
    Minister" and "Minister of Transport" hold the same words."""
    return {w.rstrip("s") for w in _role_words(role).replace(",", " ").split() if w not in _TITLE_JOINERS}


# Words that make a title another office than the one it names: "Deputy Governor" is not "Governor".
_RANK_WORDS = frozenset({"deputy", "vice", "first", "acting", "assistant", "former", "co-chair", "honorary"})


def _holds_title(person: _Person, role: str) -> bool:
    """Does one of the person's titles on this page hold every word of `role`, and no word that
    makes it another office ("Deputy", "Vice")?"""
    want = _title_words(role)
    return bool(want) and any(
        want <= (held := _title_words(r)) and not (_RANK_WORDS & (held - want)) for r in person.roles
    )


@dataclass
class _Person:
    name: str
    key: str
    fkey: str
    surname: str
    roles: list[str] = field(default_factory=list)
    titled: bool = False


def fuller_in_heading(page: Page, name: str) -> str | None:
    """A longer form of `name` in the title or a lead paragraph: the same first and last
    words with a patronymic, a father's name or particles between them; exactly one."""
    words = name.split()
    if len(words) < 2:
        return None
    first, last = re.escape(words[0]), re.escape(words[-1])
    pattern = re.compile(rf"\b{first}(?: (?:[A-Z][\w’'-]*|{_PARTICLE_RE})){{1,4}} {last}\b")
    found = {m.group(0) for paragraph in page.heading for m in pattern.finditer(paragraph)}

    def plausible(candidate: str) -> bool:
        tokens = candidate.split()
        added = [(before, w) for before, w in pairwise(tokens[:-1]) if w not in words]
        return (
            len(tokens) > len(words)
            and in_order(words, tokens)
            and words[0] not in tokens[1:]
            and words[-1] not in tokens[:-1]
            # Not an honorific; a given name only as a father's ("bin <Given>"): otherwise it
            # would be another person.
            and all(
                w.casefold() in PARTICLES
                or (
                    is_name_word(w)
                    and w.strip(".").casefold() not in HONORIFICS
                    and (not begins_a_name(w) or before.casefold() in PATRONYMIC_PARTICLES)
                )
                for before, w in added
            )
        )

    longer = [f for f in found if plausible(f)]
    return longer[0] if len(longer) == 1 else None


def resolve_people(page: Page, turns: list[ParsedTurn]) -> None:
    people: list[_Person] = []
    by_key: dict[str, _Person] = {}
    by_fkey: dict[str, _Person] = {}

    def add(name: str, role: str | None) -> _Person:
        person = _Person(name=name, key=name_key(name), fkey=folded_key(name), surname=surname_key(name))
        people.append(person)
        by_key[person.key] = person
        by_fkey.setdefault(person.fkey, person)
        return person

    def find(name: str) -> tuple[_Person | None, str]:
        key, fkey = name_key(name), folded_key(name)
        if key in by_key:
            return by_key[key], "label"
        if fkey in by_fkey:
            return by_fkey[fkey], "variant"
        tokens = name_tokens(name)
        if not tokens:
            return None, "unresolved"
        surname = fold_token(tokens[-1])
        if len(tokens) == 1:  # "Mr Sokolov", "Assad" of "<Given> al-Assad"
            bare = bare_surname(surname)
            bearers = [p for p in people if bare_surname(p.surname) == bare]
            return (bearers[-1], "surname") if len({p.key for p in bearers}) == 1 else (None, "unresolved")
        same = [p for p in people if p.surname == surname]
        if has_initial_only(name):
            initial = first_initial(name)
            match = [p for p in same if first_initial(p.name) == initial]
            return (match[0], "initial") if len(match) == 1 else (None, "unresolved")
        # One name inside the other ("Adnan Amin" and "Adnan Z. Amin", "Tayyip Erdogan" and
        # "Recep Tayyip Erdogan"): the same person when only one fits.
        given = [fold_token(x) for x in tokens[:-1]]
        inside = [
            p for p in same if one_name_inside(given, [fold_token(x) for x in name_tokens(p.name)[:-1]])
        ]
        if len(inside) == 1:
            return inside[0], "variant"
        # A name of two surnames shortened to the first ("<Given> <Surname>" of "<Given> <Surname>
        # <Second>"), never a son's "Jr" or a regnal number dropped.
        folded = [fold_token(x) for x in tokens]
        longer = [
            p
            for p in people
            if len(full := name_tokens(p.name)) > len(tokens) >= 2
            and [fold_token(x) for x in full[: len(tokens)]] == folded
            and not any(tells_a_generation(x) for x in full[len(tokens) :])
        ]
        if len(longer) == 1:
            return longer[0], "variant"
        # A surname one letter off ("Angela Markel" beside "Angela Merkel"), same given names.
        slips = [
            p
            for p in people
            if [fold_token(x) for x in name_tokens(p.name)[:-1]] == given
            and one_letter_off(p.surname, surname)
        ]
        if len(slips) == 1:
            return slips[0], "typo"
        return None, "unresolved"

    # Pass 1: everyone introduced with a title, then everyone named plainly.
    for titled in (True, False):
        for t in turns:
            if not t.written_name or t.resolution not in ("label",):
                continue
            if (t.role is not None) != titled or (
                not titled and _named_with_patronymic(page, t.written_name)
            ):
                continue  # (a form of address the page writes in full is read in pass 2)
            person, how = find(t.written_name)
            if (
                person is None
                and len(name_tokens(t.written_name)) >= 2
                and not has_initial_only(t.written_name)
            ):
                if not titled:
                    # A plain name whose surname belongs to exactly one titled person here
                    # and nobody else: a mistyped first name ("Vladimir Mutko").
                    same = [p for p in people if p.surname == surname_key(t.written_name)]
                    if len(same) == 1 and same[0].titled and _mistyped(t.written_name, same[0], page):
                        continue
                person = add(t.written_name, t.role)
                person.titled = titled
            if person and t.role and t.role not in person.roles:
                person.roles.append(t.role)

    # A name the heading or lead writes more fully ("Crown Prince <Given> bin <Father> <Surname>"
    # where the labels say "<Given> <Surname>") is the person's name here.
    for person in people:
        fuller = fuller_in_heading(page, person.name)
        if fuller:
            person.name = fuller

    # Pass 2: resolve every turn.
    last_person: _Person | None = None
    for t in turns:
        person = None
        if t.resolution == "label" and t.written_name:
            person, how = find(t.written_name)
            if person is None:
                same = [p for p in people if p.surname == surname_key(t.written_name)]
                if (
                    len(same) == 1
                    and not t.role
                    and not has_initial_only(t.written_name)
                    and _mistyped(t.written_name, same[0], page)
                ):
                    person, how = same[0], "first-name"
            tokens = name_tokens(t.written_name)
            if person is None and not t.role and (full := _named_with_patronymic(page, t.written_name)):
                # "Pavel Ivanovich:", how the page addresses someone: the person it names in full
                # with that given name and patronymic. Not the one speaker of that given name: a
                # teacher "Anton Pavlovich" is not the minister "Anton <Surname>".
                person, how = find(full)[0] or add(full, None), "address"
            if person is None and len(tokens) == 1:
                # "Transport Minister <Surname>:" where two people of the page have that surname:
                # the one whose title holds its words; where both or neither do, no one.
                bare = bare_surname(fold_token(tokens[0]))
                bearers = {p.key: p for p in people if bare_surname(p.surname) == bare}
                if len(bearers) > 1:
                    holders = [p for p in bearers.values() if t.role and _holds_title(p, t.role)]
                    # (only where every bearer's title is known here: the lead may give one's)
                    if len(holders) == 1 and all(p.roles for p in bearers.values()):
                        person, how = holders[0], "role"
                    else:
                        t.name, t.generic, t.resolution = None, t.label, "generic"
                        last_person = None
                        continue
            if person is None and (len(tokens) == 1 or has_initial_only(t.written_name)):
                # "Mr <Surname>:", "Governor <Surname>:", "<I.> <Surname>:" where no label names
                # them in full: the one person the page's text names in full with that surname
                # (and that initial).
                full = page.named_in_full(tokens[-1])
                written = t.written_name.split()[-1]  # ("Sørlie", where the token is "sorlie")
                if full is None and written.casefold() != tokens[-1]:
                    full = page.named_in_full(written)
                if full is None:  # ("Dorofeyeva" in the lead for "Ms Dorofeeva:")
                    full = page.named_in_full_spelled_otherwise(written)
                if full is not None and (
                    len(tokens) == 1 or first_initial(full) == first_initial(t.written_name)
                ):
                    person, how = find(full)[0] or add(full, None), "named-in-text"
            if person is None:
                person, how = add(t.written_name, t.role), "label"
            t.resolution = how
        elif t.resolution == "surname" and t.written_name:
            same = [p for p in people if p.surname == surname_key(t.written_name)]
            if len({p.key for p in same}) == 1:
                person = same[0]
            else:
                t.resolution = "unresolved"
        elif t.resolution == "role" and (ref_role := getattr(t, "ref_role", None)):
            # A summary continues about the current speaker; a label names someone new.
            person = by_role(ref_role, people, last_person, prefer_current=t.kind == SUMMARY)
            if person is None and t.kind == SPEECH:
                t.resolution, t.generic = "generic", t.label  # nobody holds it here: no person
            elif person is None:
                t.resolution = "unresolved"
        elif t.resolution == "pronoun":
            person = last_person
            if person is None:
                t.resolution = "unresolved"
        elif t.resolution == "continuation":
            source = getattr(t, "summary_of", None)
            if source is not None and source.name:
                t.name = source.name
                t.written_name = None
                t.role = None
                t.label = None
                last_person = next((p for p in people if p.name == source.name), last_person)
            else:
                t.resolution = "none"
            continue
        if person is not None:
            t.name = person.name
            last_person = person
        elif t.kind == SPEECH and t.generic:
            last_person = None
    for t in turns:
        for attr in ("summary_of", "ref_role"):
            if hasattr(t, attr):
                delattr(t, attr)


def by_role(
    role: str, people: list[_Person], current: _Person | None, prefer_current: bool = True
) -> _Person | None:
    want = _role_words(role)

    def matches(p: _Person) -> bool:
        for r in p.roles:
            r = _role_words(r)
            if (
                r == want
                or r.startswith(want + " ")
                or (r.endswith(" " + want) and not r.startswith(("deputy", "first deputy", "vice")))
            ):
                return True
        return False

    if prefer_current and current is not None and matches(current):
        return current
    found = [p for p in people if matches(p)]
    if not prefer_current and len(found) > 1 and current in found:
        found.remove(current)
    if len(found) == 1:
        return found[0]
    exact = [p for p in people if any(_role_words(r) == want for r in p.roles)]
    return exact[0] if len(exact) == 1 else None
