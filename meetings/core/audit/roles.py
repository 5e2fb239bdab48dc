"""Checks of roles: fragments, places and cut names, and one office written several ways."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from meetings.core.parser.given_names import begins_a_name
from meetings.core.parser.labels import tidy_title
from meetings.core.parser.vocabulary import (
    NOT_IN_TITLE,
    PARTICLES,
    PRONOUNS,
)
from meetings.core.roles import (
    OCCUPATION_WORDS,
    as_sentence_word,
    is_office,
    names_an_occupation,
    role_key,
    strip_notes,
)

from .common import (
    _JOINER_END,
    ROLE_NOT_AN_OFFICE,
    Finding,
    Person,
    RoleUse,
    _n,
    _plain,
    _words,
    office_key,
)
from .people import role_tail_name

# --- 5. role-not-an-office --------------------------------------------------------------------------

_PRONOUNS = PRONOUNS
_VERBS = (NOT_IN_TITLE - _PRONOUNS - {"first", "head", "state", "all"}) | {
    "sent",
    "sends",
    "spoke",
    "speaks",
    "met",
    "meets",
}
MAX_ROLE_WORDS = 24


def role_reasons(role: str) -> list[str]:
    """Why a role reads as something other than an office, or [] when it reads as one."""
    text = _plain(role).strip()
    words = _words(strip_notes(text))
    if not words:
        return []
    low = [w.casefold() for w in words]
    reasons = []
    if text[:1].islower() and not is_office(text):  # "welding engineer at …" is an occupation
        reasons.append("starts in lower case")
    if low[-1] in _JOINER_END:
        reasons.append(f"ends with {words[-1]!r}: cut off")
    if re.search(r"'s?$", strip_notes(text)):
        reasons.append("ends with a possessive: cut off")
    verbs = [w for i, w in enumerate(words) if w.casefold() in _VERBS and as_sentence_word(i, w)]
    if verbs:
        reasons.append("reads as a sentence: " + ", ".join(dict.fromkeys(verbs)))
    pronouns = [
        w
        for i, w in enumerate(words)
        if w.casefold() in _PRONOUNS and w.casefold() not in {"us"} and as_sentence_word(i, w)
    ]
    if pronouns:
        reasons.append("has pronouns: " + ", ".join(dict.fromkeys(pronouns)))
    if len(words) > MAX_ROLE_WORDS:
        reasons.append(f"{len(words)} words: a sentence rather than a title")
    tail = role_tail_name(text)
    if tail:
        reasons.append(f"ends with {' '.join(tail)!r}, the start of a name the label cut")
    if not names_an_occupation(_words(tidy_title(strip_notes(text)))) and not tail:
        if all(begins_a_name(w) or w.casefold() in PARTICLES for w in words):
            reasons.append("a name, not an office")
        else:
            reasons.append("no word of an office: a place or an organisation?")
    # A glued word ("Presidentof") is a typo an editor fixes in the source.
    glued = [
        w
        for w in words
        if re.fullmatch(r"[A-Z][a-z]+(?:of|for|and|the)", w)
        and w[:-2].casefold() in OCCUPATION_WORDS | {"presiden"}
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
            if len({_plain(strip_notes(r)).strip() for r in written}) < 2:
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
