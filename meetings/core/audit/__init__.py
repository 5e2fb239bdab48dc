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

from collections.abc import Iterable, Sequence

from .careers import check_may_be_two_people
from .common import (
    KINDS,
    LONG_GENERIC_TURN,
    MAY_BE_ONE_PERSON,
    MAY_BE_TWO_PEOPLE,
    NOT_A_PERSON,
    ROLE_NOT_AN_OFFICE,
    Finding,
    GenericTurn,
    Person,
    RoleUse,
    career_words,
    office_key,
)
from .generic import check_long_generic_turns, is_generic_label
from .people import (
    check_may_be_one_person,
    check_not_a_person,
    edit_distance,
    not_a_person_reasons,
    role_tail_name,
)
from .roles import check_roles, role_reasons

__all__ = [
    "KINDS",
    "LONG_GENERIC_TURN",
    "MAY_BE_ONE_PERSON",
    "MAY_BE_TWO_PEOPLE",
    "NOT_A_PERSON",
    "ROLE_NOT_AN_OFFICE",
    "Finding",
    "GenericTurn",
    "Person",
    "RoleUse",
    "audit",
    "career_words",
    "check_long_generic_turns",
    "check_may_be_one_person",
    "check_may_be_two_people",
    "check_not_a_person",
    "check_roles",
    "edit_distance",
    "is_generic_label",
    "not_a_person_reasons",
    "office_key",
    "role_reasons",
    "role_tail_name",
    "summary",
]


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
