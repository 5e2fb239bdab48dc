"""Editors' corrections of people (meetings/core/corrections.py), applied to the stored archive.

One mechanism for both entry points: `manage.py apply_people FILE` and every ingest given a
people file (`--people FILE` or the PEOPLE_FILE setting) call `apply_corrections`. It moves
turns between participants and never rewrites a turn's key, so every remark keeps its link; a
participant that goes away leaves a redirect (301) to the one who took their remarks. Applying
the same corrections twice changes nothing the second time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from meetings.core.corrections import CorrectionsError, PeopleCorrections, Split
from meetings.core.parser.names import name_key, sort_name
from meetings.derived import search
from meetings.ingest.people import merge_participant
from meetings.models import Meeting, Participant, ParticipantAlias, ParticipantRedirect, Turn
from meetings.sql.ingest import refresh_participant_counts

NOT_A_PERSON = "not-a-person"  # Turn.resolution of a label an editor said is no person


@dataclass
class CorrectionsReport:
    merged: list[str] = field(default_factory=list)  # "old name (slug) -> new name (slug)"
    split: list[str] = field(default_factory=list)  # "name: N remarks in M meetings -> slug"
    not_a_person: list[str] = field(default_factory=list)  # "label: N remarks"
    turns_moved: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.merged or self.split or self.not_a_person)

    def lines(self) -> list[str]:
        out = [f"merged: {m}" for m in self.merged]
        out += [f"split: {s}" for s in self.split]
        out += [f"not a person: {n}" for n in self.not_a_person]
        out.append(
            f"people corrections: {self.turns_moved} remark(s) re-attributed"
            if self.changed
            else "people corrections: nothing to change"
        )
        return out


def participants_named(name: str) -> list[Participant]:
    """The participants known under this written name (an alias with its key), oldest first."""
    key = name_key(name)
    ids = ParticipantAlias.objects.filter(key=key).values_list("participant_id", flat=True)
    return list(Participant.objects.filter(pk__in=ids).order_by("pk"))


def check_against_archive(corrections: PeopleCorrections) -> None:
    """Refuse (CorrectionsError, with the file's line) what only the archive shows wrong: a split
    answering with a slug that is someone else's (their remarks and the split's would be swapped)."""
    for split in corrections.splits:
        key = name_key(split.name)
        named = {p.pk for p in participants_named(split.name)}
        slugs = {p.slug: p for p in split.people}
        for other in Participant.objects.filter(slug__in=list(slugs)).exclude(pk__in=named):
            if name_key(other.name) != key:
                raise CorrectionsError(
                    corrections.source,
                    slugs[other.slug].line,
                    f"the slug {other.slug!r} is {other.name}'s, not a person named {split.name}: choose another",
                )


def apply_corrections(corrections: PeopleCorrections, dry_run: bool = False) -> CorrectionsReport:
    """Apply every correction to the stored archive in one transaction (CorrectionsError, and
    nothing changed, for what check_against_archive refuses)."""
    check_against_archive(corrections)
    report = CorrectionsReport()
    with transaction.atomic():
        touched: set[int] = set()
        _apply_not_a_person(corrections, report, touched)
        _apply_merges(corrections, report, touched)
        for split in corrections.splits:
            _apply_split(split, report, touched)
        if touched:
            refresh_participant_counts(touched)
            Participant.objects.filter(pk__in=touched, turn_count=0, redirects__isnull=True).exclude(
                slug__in=[p.slug for s in corrections.splits for p in s.people]
            ).delete()
        if dry_run:
            transaction.set_rollback(True)
    return report


def _apply_not_a_person(corrections: PeopleCorrections, report: CorrectionsReport, touched: set[int]) -> None:
    if not corrections.not_a_person:
        return
    for label in sorted(corrections.not_a_person):
        people = participants_named(label)
        turns = Turn.objects.filter(Q(speaker__in=people) | Q(speaker_label__iexact=label)).exclude(
            speaker=None, resolution=NOT_A_PERSON
        )
        meetings = list(turns.values_list("meeting_id", flat=True).distinct())
        n = turns.update(speaker=None, resolution=NOT_A_PERSON)
        if n:
            report.not_a_person.append(f"{label}: {n} remark(s)")
            report.turns_moved += n
            search.update_vectors(meetings)
            _recount_meetings(meetings)
        for p in people:
            touched.add(p.pk)
            ParticipantAlias.objects.filter(participant=p, key=name_key(label)).delete()


def _apply_merges(corrections: PeopleCorrections, report: CorrectionsReport, touched: set[int]) -> None:
    for merge in corrections.merges:
        targets = participants_named(merge.into)
        sources = [p for n in merge.names for p in participants_named(n)]
        if not targets and not sources:
            continue
        into = targets[0] if targets else sources.pop(0)
        if into.name != merge.into:
            report.merged.append(f"{into.name} ({into.slug}) shown as {merge.into}")
            Participant.objects.filter(pk=into.pk).update(name=merge.into, sort_name=sort_name(merge.into))
            search.update_speaker_vectors(into.pk)
        for other in [*targets[1:], *sources]:
            if other.pk == into.pk:
                continue
            moved = Turn.objects.filter(speaker=other).count()
            merge_participant(other, into.pk)
            report.merged.append(
                f"{other.name} ({other.slug}) -> {merge.into} ({into.slug}): {moved} remark(s)"
            )
            report.turns_moved += moved
        touched.add(into.pk)


def _apply_split(split: Split, report: CorrectionsReport, touched: set[int]) -> None:
    people = participants_named(split.name)
    by_slug = {p.slug: p for p in Participant.objects.filter(slug__in=[sp.slug for sp in split.people])}
    holders = {p.pk for p in people} | {p.pk for p in by_slug.values()}
    if not holders:
        return
    # Each meeting's remarks under this name go to one person, chosen from every role written
    # with the name in that meeting and the meeting's date.
    roles: dict[int, list[str]] = defaultdict(list)
    for meeting_id, role in Turn.objects.filter(speaker__in=holders).values_list("meeting_id", "role"):
        if role:
            roles[meeting_id].append(role)
    meeting_ids = set(Turn.objects.filter(speaker__in=holders).values_list("meeting_id", flat=True))
    dates = dict(Meeting.objects.filter(pk__in=meeting_ids).values_list("pk", "date"))
    moved_to: dict[str, int] = defaultdict(int)
    meetings_of: dict[str, set[int]] = defaultdict(set)
    changed_meetings: set[int] = set()
    for meeting_id in sorted(meeting_ids):
        person = split.person_for(" ; ".join(roles[meeting_id]) or None, dates[meeting_id])
        target = by_slug.get(person.slug)
        if target is None:
            target = by_slug[person.slug] = Participant.objects.create(
                name=split.name, slug=person.slug, sort_name=sort_name(split.name)
            )
            holders.add(target.pk)
        n = (
            Turn.objects.filter(meeting_id=meeting_id, speaker__in=holders)
            .exclude(speaker=target)
            .update(speaker=target)
        )
        if n:
            moved_to[person.slug] += n
            meetings_of[person.slug].add(meeting_id)
            changed_meetings.add(meeting_id)
    touched.update(holders)
    # A participant of that name whose slug is none of the split's answers with the default.
    default = by_slug.get(split.default.slug)
    for p in people:
        if p.slug not in by_slug and default is not None and not Turn.objects.filter(speaker=p).exists():
            ParticipantAlias.objects.filter(participant=p).update(participant=default)
            ParticipantRedirect.objects.filter(participant=p).update(participant=default)
            ParticipantRedirect.objects.update_or_create(old_slug=p.slug, defaults={"participant": default})
            p.delete()
            touched.discard(p.pk)
    for slug, n in sorted(moved_to.items()):
        report.split.append(f"{split.name}: {n} remark(s) in {len(meetings_of[slug])} meeting(s) -> {slug}")
        report.turns_moved += n
    if changed_meetings:
        search.update_vectors(sorted(changed_meetings))
        _recount_meetings(sorted(changed_meetings))


def _recount_meetings(meeting_ids: list[int]) -> None:
    """Each meeting's number of speakers, after remarks moved between people (one statement)."""
    speakers = (
        Turn.objects.filter(meeting=OuterRef("pk"))
        .exclude(speaker=None)
        .order_by()
        .values("meeting")
        .annotate(n=Count("speaker", distinct=True))
        .values("n")
    )
    Meeting.objects.filter(pk__in=meeting_ids).update(speaker_count=Coalesce(Subquery(speakers), 0))
