"""Figures for a speaker's profile, each one query whatever the archive's size."""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, Max, Min, Q

from meetings.models import Meeting, Participant, Turn

RECENT_MEETINGS = 12
TOP_PARTNERS = 8


MEETINGS_PER_ROLE = 5


def roles(person: Participant) -> list[dict]:
    """Each title the person appeared under, with how many meetings, when, and the most recent
    of those meetings (two queries, bounded)."""
    found = list(
        Turn.objects.filter(speaker=person).exclude(role=None)
        .values("role")
        .annotate(meetings=Count("meeting", distinct=True), first=Min("meeting__date"), last=Max("meeting__date"))
        .order_by("-meetings", "role")[:30]
    )
    by_role = {r["role"]: r for r in found}
    for r in found:
        r["recent"] = []
    rows = (
        Turn.objects.filter(speaker=person, role__in=list(by_role))
        .values("role", "meeting__slug", "meeting__title", "meeting__date")
        .distinct().order_by("role", "-meeting__date")[: 30 * MEETINGS_PER_ROLE * 4]
    )
    for row in rows:
        recent = by_role[row["role"]]["recent"]
        if len(recent) < MEETINGS_PER_ROLE:
            recent.append(row)
    return found


def recent_meetings(person: Participant) -> list[Meeting]:
    return list(
        Meeting.objects.filter(pk__in=Turn.objects.filter(speaker=person).values("meeting_id"))
        .annotate(remarks=Count("turns", filter=Q(turns__speaker=person)))
        .order_by("-date", "title")[:RECENT_MEETINGS]
    )


def exchanged_with(person: Participant, limit: int = TOP_PARTNERS) -> list[tuple[Participant, int]]:
    """The people who most often spoke right before or right after this person."""
    table = Turn._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"""
            SELECT other.speaker_id, COUNT(*) AS n
            FROM {table} t
            JOIN {table} other
              ON other.meeting_id = t.meeting_id
             AND other.position IN (t.position - 1, t.position + 1)
            WHERE t.speaker_id = %s
              AND other.speaker_id IS NOT NULL
              AND other.speaker_id <> %s
            GROUP BY other.speaker_id
            ORDER BY n DESC, other.speaker_id
            LIMIT %s
            """,
            [person.pk, person.pk, limit],
        )
        rows = cur.fetchall()
    people = Participant.objects.in_bulk([r[0] for r in rows])
    return [(people[pid], n) for pid, n in rows if pid in people]


def meeting_participants(meeting: Meeting, turns: list[Turn]) -> list[dict]:
    """The people of a meeting in speaking order, from its loaded turns (no query): each with the
    roles they spoke under there, their number of turns, and their first turn. Also points every
    turn at the loaded meeting, so permalinks cost no query."""
    people: dict[int, dict] = {}
    for t in turns:
        t.meeting = meeting
        if t.speaker_id is None:
            continue
        entry = people.setdefault(t.speaker_id, {"participant": t.speaker, "roles": [], "count": 0, "first": t})
        entry["count"] += 1
        if t.role and t.role not in entry["roles"]:
            entry["roles"].append(t.role)
    return list(people.values())
