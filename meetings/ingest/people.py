"""The database side of resolving people (the rules are in meetings.core.identity): the aliases
the archive knows for a set of names, new participants and aliases written, and a person known
only by initials taken over by their full name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import repeat

from django.db.models import Count, Q

from meetings.core import identity as ident
from meetings.core.parser.names import (
    first_initial,
    folded_key,
    has_initial_only,
    name_tokens,
    sort_name,
    surname_key,
)
from meetings.core.permalinks import participant_slug, unique_slug
from meetings.derived import search
from meetings.ingest.report import FileReport
from meetings.models import Participant, ParticipantAlias, ParticipantRedirect, Turn
from meetings.sql.ingest import refresh_participant_counts


def known_aliases(names: Iterable[str]) -> list[ident.KnownAlias]:
    """The aliases the archive holds that could matter for these names (same key, folded key or
    surname), in the order they were recorded; one query, none for no names."""
    wanted = ident.lookup_keys(names)
    if not wanted["key"]:
        return []
    rows = (
        ParticipantAlias.objects.filter(
            Q(key__in=wanted["key"]) | Q(folded__in=wanted["folded"]) | Q(surname__in=wanted["surname"])
        )
        .order_by("id")
        .values_list("key", "folded", "surname", "initial", "participant_id", "written")
    )
    return [
        ident.KnownAlias(key, folded, surname, initial, pid, initial_only=has_initial_only(written))
        for key, folded, surname, initial, pid, written in rows
    ]


def create_participant(name: str) -> Participant:
    """A new participant under this name, with a slug no other participant has."""
    return Participant.objects.create(
        name=name,
        slug=unique_slug(participant_slug(name), lambda s: Participant.objects.filter(slug=s).exists()),
    )


def rename_participant(pid: int, name: str) -> None:
    """Show a known person under the fuller name a transcript gives; the slug, and with it
    every link, stays."""
    Participant.objects.filter(pk=pid).update(name=name, sort_name=sort_name(name))


def add_aliases(aliases: Iterable[ident.NewAlias], real_ids: Mapping[int, int]) -> None:
    """Record these aliases; `real_ids` maps the provisional ids of new people to their ids."""
    ParticipantAlias.objects.bulk_create(
        [
            ParticipantAlias(
                participant_id=real_ids.get(a.participant_id, a.participant_id),
                written=a.written[:200],
                how=a.how,
                **a.fields,
            )
            for a in aliases
        ],
        ignore_conflicts=True,
    )


def merge_participant(other: Participant, into_id: int) -> None:
    """`other` is the same person as participant `into_id`: their remarks (each keeping its key),
    written names and old links go to that person, and `other`'s page answers 301 there."""
    Turn.objects.filter(speaker_id=other.pk).update(speaker_id=into_id)
    ParticipantAlias.objects.filter(participant_id=other.pk).update(participant_id=into_id)
    ParticipantRedirect.objects.filter(participant_id=other.pk).update(participant_id=into_id)
    ParticipantRedirect.objects.update_or_create(old_slug=other.slug, defaults={"participant_id": into_id})
    other.delete()
    search.update_speaker_vectors(into_id)
    refresh_participant_counts([into_id])


def absorb_initials_only(pid: int, name: str, report: FileReport) -> None:
    """A person known so far only by initials ("A. Repnin") whose full name has now appeared
    ("Anton Repnin") becomes that person; the old profile link redirects."""
    aliases = (
        ParticipantAlias.objects.filter(surname=surname_key(name), initial=first_initial(name))
        .exclude(participant_id=pid)
        .select_related("participant")
    )
    by_person: dict[int, list[ParticipantAlias]] = defaultdict(list)
    for a in aliases:
        by_person[a.participant_id].append(a)
    for other_id, found in by_person.items():
        every = ParticipantAlias.objects.filter(participant_id=other_id)
        if not all(has_initial_only(a.written) for a in every):
            continue
        other = found[0].participant
        every.update(how="initial")
        merge_participant(other, pid)
        report.guesses.append(f"{other.name!r} (known until now by initials only) taken as {name!r}")


def settle_shown_spellings() -> int:
    """Show each person written several ways (transliterations: "Aleksey", "Alexei") under the
    spelling most of their remarks' labels write (core.identity.shown_spelling), not the first
    one ingested; the slug, a permanent link, stays. The people with two such spellings are
    found by their aliases' stored folded keys (one query); only their labels are read. How many
    were renamed."""
    twice = (
        ParticipantAlias.objects.order_by()
        .values("participant_id", "folded")
        .annotate(spellings=Count("key"))
        .filter(spellings__gt=1)
        .values_list("participant_id", "folded")
    )
    folds = defaultdict(set)
    for pid, folded in twice:
        folds[pid].add(folded)
    if not folds:
        return 0
    shown = dict(Participant.objects.filter(pk__in=list(folds)).values_list("id", "name"))
    several: dict[int, list[str]] = defaultdict(list)
    for pid, folded, written in ParticipantAlias.objects.filter(participant_id__in=list(folds)).values_list(
        "participant_id", "folded", "written"
    ):
        if folded in folds[pid] and folded == folded_key(shown[pid]):
            several[pid].append(written)
    labels: dict[int, list[str]] = defaultdict(list)
    dates: dict[int, list] = defaultdict(list)
    rows = Turn.objects.filter(speaker_id__in=list(several)).values_list(
        "speaker_id", "speaker_label", "date"
    )
    for pid, label, date in rows:
        labels[pid].append(label or "")
        dates[pid].append(date)
    renamed = 0
    for pid, forms in several.items():
        uses, last = labels_writing(forms, labels[pid]), last_written(forms, labels[pid], dates[pid])
        name = ident.shown_spelling(shown[pid], uses, last)
        if name != shown[pid]:
            rename_participant(pid, name)
            search.update_speaker_vectors(pid)  # their remarks' search vectors name them anew
            renamed += 1
    return renamed


def labels_writing(forms: Iterable[str], labels: Iterable[str]) -> dict[str, int]:
    """For each written form of a name, how many of the labels write it, as whole words read as
    names are keyed (names.name_tokens: case, accents and honorifics aside; "Evgeny <Surname>" is
    not written in "Yevgeny <Surname>")."""
    counts = dict.fromkeys(forms, 0)
    for form, _ in _writing(counts, labels):
        counts[form] += 1
    return counts


def last_written(forms: Iterable[str], labels: Iterable[str], dates: Iterable) -> dict[str, object]:
    """For each written form of a name, the latest of `dates` (one per label) a label writes it."""
    last: dict[str, object] = {}
    for form, date in _writing(list(forms), labels, dates):
        if date is not None and (form not in last or date > last[form]):
            last[form] = date
    return last


def _writing(forms: Iterable[str], labels: Iterable[str], dates: Iterable | None = None):
    """(form, the label's date) for every label and every form it writes (labels_writing)."""
    wanted = {form: tuple(name_tokens(form)) for form in forms}
    for label, date in zip(labels, repeat(None) if dates is None else dates):
        said = tuple(name_tokens(label))
        for form, w in wanted.items():
            if w and any(said[i : i + len(w)] == w for i in range(len(said) - len(w) + 1)):
                yield form, date
