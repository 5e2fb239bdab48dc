"""Check of one name held by two people: roles from unrelated careers at the same time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from .common import (
    MAY_BE_TWO_PEOPLE,
    Finding,
    Person,
    RoleUse,
    _n,
    _words,
    career_words,
    office_key,
)

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


# Words of a role held at the start of a life ("student of <University>", "schoolgirl"): after an
# office held earlier, the same name is someone else (a career never goes that way).
STUDENT_WORDS = frozenset(
    {
        "student",
        "students",
        "pupil",
        "pupils",
        "schoolchild",
        "schoolboy",
        "schoolgirl",
        "cadet",
        "undergraduate",
    }
)


def _all_students(uses: Iterable[RoleUse]) -> bool:
    return all(STUDENT_WORDS & set(_words(r.role)) for r in uses)


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
                if (
                    _all_students(spans[y][3])
                    and not _all_students(spans[x][3])
                    and spans[y][0] > spans[x][1]
                ):
                    why.append("a student after an office: a career never goes that way")
                elif _all_short(spans[x][3]) or _all_short(spans[y][3]):
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
