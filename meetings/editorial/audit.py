"""The attribution audit over the database: reads what the pure checks need, in a few queries.

Three reads, none of them over turn texts except their length and first words: the
participants, the turns spoken under a role, and the turns under a generic label. The checks
themselves are in meetings/core/audit.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Length, Substr

from meetings.core.audit import (
    LONG_GENERIC_TURN,
    Finding,
    GenericTurn,
    Person,
    RoleUse,
    audit,
    is_generic_label,
    summary,
)
from meetings.core.corrections import PeopleCorrections
from meetings.models import Meeting, Participant, Turn

OPENING_CHARS = 120


@dataclass
class Report:
    findings: list[Finding]

    @property
    def summary(self) -> dict[str, int]:
        return summary(self.findings)

    def filtered(self, kinds: set[str] | None = None, limit: int | None = None) -> Report:
        """Only the given kinds, and at most `limit` findings of each kind."""
        out, seen = [], {}
        for f in self.findings:
            if kinds and f.kind not in kinds:
                continue
            seen[f.kind] = seen.get(f.kind, 0) + 1
            if limit is None or seen[f.kind] <= limit:
                out.append(f)
        return Report(out)

    def without_decided(self, corrections: PeopleCorrections | None) -> Report:
        """Leave out what the editors' people file already decided: namesakes it split."""
        if corrections is None:
            return self
        split_sets = [{p.slug for p in s.people} for s in corrections.splits]

        def decided(f: Finding) -> bool:
            slugs = {link.split("/")[2] for link in f.links if link.startswith("/speakers/")}
            return f.kind == "may-be-one-person" and any(slugs and slugs <= chosen for chosen in split_sets)

        return Report([f for f in self.findings if not decided(f)])

    def as_dict(self, totals: dict[str, int] | None = None) -> dict:
        return {"summary": totals or self.summary, "findings": [f.as_dict() for f in self.findings]}


class _MeetingUrls(dict):
    """Meeting id -> its path, one reverse() per meeting rather than one per turn."""

    def __init__(self, meetings):
        super().__init__((m.id, m.get_absolute_url()) for m in meetings)

    def turn(self, meeting_id: int, key: str) -> str:
        # What Turn.get_absolute_url() gives: the meeting's path and the turn's key.
        return f"{self[meeting_id]}{key}/"


def _people() -> list[Person]:
    return [
        Person(p.id, p.name, p.get_absolute_url(), p.turn_count, p.meeting_count)
        for p in Participant.objects.only("id", "name", "slug", "turn_count", "meeting_count").order_by("id")
    ]


def _role_uses(urls: _MeetingUrls) -> list[RoleUse]:
    rows = (
        Turn.objects.filter(speaker__isnull=False, role__isnull=False)
        .exclude(role="")
        .order_by("meeting__date", "meeting_id", "position")
        .values_list("speaker_id", "role", "meeting__date", "meeting_id", "key")
    )
    return [RoleUse(pid, role, day, mid, urls.turn(mid, key)) for pid, role, day, mid, key in rows]


def _generic_turns(urls: _MeetingUrls) -> list[GenericTurn]:
    rows = list(
        Turn.objects.filter(speaker__isnull=True)
        .filter(Q(resolution="generic") | ~Q(speaker_label=""))
        .order_by("meeting_id", "position")
        .annotate(length=Length("text"), opening=Substr("text", 1, OPENING_CHARS))
        .values_list("meeting_id", "position", "speaker_label", "resolution", "key", "length", "opening")
    )
    rows = [r for r in rows if r[3] == "generic" or is_generic_label(r[2])]
    return [
        GenericTurn(label, length, urls.turn(mid, key), _opening(opening), "", "")
        for mid, _pos, label, _res, key, length, opening in rows
    ]


def _opening(text: str) -> str:
    text = " ".join(text.split())
    if len(text) >= OPENING_CHARS - 1:
        text = text[: text.rfind(" ")] + " …"
    return repr(text)


def _with_neighbours(findings: list[Finding], urls: _MeetingUrls) -> list[Finding]:
    """Who spoke before and after each long generic turn: read for those few turns only."""
    wanted = [f for f in findings if f.kind == LONG_GENERIC_TURN]
    if not wanted:
        return findings
    by_path = {path: mid for mid, path in urls.items()}
    out = []
    for f in findings:
        if f.kind != LONG_GENERIC_TURN:
            out.append(f)
            continue
        path = f.links[0]
        meeting_path, key = path.rstrip("/").rsplit("/", 1)
        mid = by_path[meeting_path + "/"]
        pos = Turn.objects.filter(meeting_id=mid, key=key).values_list("position", flat=True).first()
        around = {
            t.position: t.display_label
            for t in Turn.objects.filter(meeting_id=mid, position__in=(pos - 1, pos + 1))
            .select_related("speaker")
            .only("position", "speaker_label", "speaker__name")
        }
        before, after = around.get(pos - 1), around.get(pos + 1)
        line = f"spoken after {before!r}" if before else "the meeting's first turn"
        line += f", before {after!r}" if after else ", its last turn"
        evidence = (f.evidence[0], line, *f.evidence[1:])
        out.append(type(f)(f.kind, f.summary, evidence, f.links, f.sort_key))
    return out


def build_report(careers: bool = False) -> Report:
    urls = _MeetingUrls(Meeting.objects.only("id", "slug"))
    people = _people()
    findings = audit(people, _role_uses(urls), _generic_turns(urls), careers=careers)
    return Report(_with_neighbours(findings, urls))
