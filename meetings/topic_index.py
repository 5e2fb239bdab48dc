"""Writing topics to the database: the whole archive is re-scored at once, because a phrase's
weight depends on every remark (deterministic: the same archive gives the same topics)."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import transaction

from meetings.models import Meeting, MeetingTopic, ParticipantTopic, Topic, Turn, TurnTopic
from meetings.permalinks import slugify, unique_slug
from meetings.topics.extract import RemarkText, meeting_exclusions, remark_phrases
from meetings.topics.phrases import display_label
from meetings.topics.scoring import TurnPhrases, score


@dataclass
class RebuildReport:
    turns: int
    topics: int
    turn_topics: int
    seconds: float


def extract_meeting(meeting: Meeting) -> None:
    """Recompute the candidate phrases of every turn of a meeting from its text."""
    turns = list(meeting.turns.select_related("speaker"))
    names = sorted({t.speaker.name for t in turns if t.speaker})
    exclude = meeting_exclusions(names)
    for t in turns:
        phrases, words, procedural = remark_phrases(RemarkText(t.text, t.speaker_label, t.is_summary), exclude)
        t.phrases, t.words, t.is_procedural = dict(phrases), words, procedural
    Turn.objects.bulk_update(turns, ["phrases", "words", "is_procedural"], batch_size=500)


def rebuild(reextract: bool = False) -> RebuildReport:
    started = time.monotonic()
    if reextract:
        for m in Meeting.objects.all().iterator():
            extract_meeting(m)
    rows = list(
        Turn.objects.values_list("id", "meeting_id", "position", "speaker_id", "kind", "phrases", "words")
        .order_by("meeting_id", "position")
        .iterator(chunk_size=5000)
    )
    turns = [
        TurnPhrases(tid, mid, pos, sid, kind == Turn.SUMMARY, Counter(phrases or {}), words)
        for tid, mid, pos, sid, kind, phrases, words in rows
    ]
    scored = score(turns)
    info = {t.turn_id: t for t in turns}

    keys: set[str] = set()
    for chosen in scored.turn_topics.values():
        keys.update(chosen)
    for plist in scored.person_topics.values():
        keys.update(p for p, _, _ in plist)
    for mlist in scored.meeting_topics.values():
        keys.update(p for p, _ in mlist)

    # Evidence: per (person, meeting, topic) the remark with the highest weight.
    best: dict[tuple, tuple[float, int]] = {}
    for tid, chosen in scored.turn_topics.items():
        t = info[tid]
        for p, w in chosen.items():
            k = (t.speaker_id, t.meeting_id, p)
            if k not in best or w > best[k][0]:
                best[k] = (w, tid)
    evidence_turns = {tid for _, tid in best.values()}
    best_for_person: dict[tuple, tuple[float, int]] = {}
    best_for_meeting: dict[tuple, tuple[float, int]] = {}
    for (sp, mid, p), wt in best.items():
        if sp is not None and (k := (sp, p)) and (k not in best_for_person or wt > best_for_person[k]):
            best_for_person[k] = wt
        k = (mid, p)
        if k not in best_for_meeting or wt > best_for_meeting[k]:
            best_for_meeting[k] = wt

    # Counts per topic, computed before writing so every Topic row is written once.
    raised_by_person: Counter = Counter()
    raised_meetings: dict[str, set[int]] = defaultdict(set)
    remark_counts: Counter = Counter()
    people: dict[str, set[int]] = defaultdict(set)
    raiser: dict[tuple[int, str], int | None] = {}
    for tid, chosen in scored.turn_topics.items():
        t = info[tid]
        for p in chosen:
            remark_counts[p] += 1
            if t.speaker_id:
                people[p].add(t.speaker_id)
            if (tid, p) in scored.raised:
                raised_meetings[p].add(t.meeting_id)
                raiser.setdefault((t.meeting_id, p), t.speaker_id)
                if t.speaker_id:
                    raised_by_person[(t.speaker_id, p)] += 1
    featured = {p for plist in scored.person_topics.values() for p, _, _ in plist}
    featured |= {p for mlist in scored.meeting_topics.values() for p, _ in mlist[:6]}

    with transaction.atomic():
        # Topic ids are internal; slugs are public and carried over by key.
        old_slugs = dict(Topic.objects.values_list("key", "slug"))
        TurnTopic.objects.all().delete()
        ParticipantTopic.objects.all().delete()
        MeetingTopic.objects.all().delete()
        Topic.objects.all().delete()
        texts = _label_texts(scored, keys)
        taken = {old_slugs[k] for k in keys if k in old_slugs}
        rows = []
        for key in sorted(keys):
            slug = old_slugs.get(key)
            if slug is None:
                slug = unique_slug(slugify(key)[:190] or "topic", taken.__contains__)
                taken.add(slug)
            rows.append(Topic(
                key=key, label=display_label(key, texts.get(key, "")), slug=slug,
                remark_count=remark_counts[key], raised_count=len(raised_meetings[key]),
                people_count=len(people[key]), is_featured=key in featured,
            ))
        Topic.objects.bulk_create(rows, batch_size=2000)
        topic_id = dict(Topic.objects.values_list("key", "id"))

        tt_rows = []
        for tid, chosen in scored.turn_topics.items():
            for p, w in chosen.items():
                tt_rows.append(TurnTopic(turn_id=tid, topic_id=topic_id[p], weight=w,
                                         raised=(tid, p) in scored.raised,
                                         is_evidence=tid in evidence_turns and best[(info[tid].speaker_id, info[tid].meeting_id, p)][1] == tid))
        TurnTopic.objects.bulk_create(tt_rows, batch_size=5000)

        pt_rows = []
        for pid, plist in scored.person_topics.items():
            for rank, (p, s, remarks) in enumerate(plist, start=1):
                ev = best_for_person.get((pid, p), (0, None))[1]
                pt_rows.append(ParticipantTopic(participant_id=pid, topic_id=topic_id[p], rank=rank, score=s,
                                                remarks=remarks, raised=raised_by_person[(pid, p)], evidence_id=ev))
        ParticipantTopic.objects.bulk_create(pt_rows, batch_size=5000)

        mt_rows = []
        for mid, mlist in scored.meeting_topics.items():
            for rank, (p, s) in enumerate(mlist, start=1):
                ev = best_for_meeting.get((mid, p), (0, None))[1]
                mt_rows.append(MeetingTopic(meeting_id=mid, topic_id=topic_id[p], rank=rank, score=s,
                                            raised_by_id=raiser.get((mid, p)), evidence_id=ev))
        MeetingTopic.objects.bulk_create(mt_rows, batch_size=5000)

    return RebuildReport(len(turns), len(keys), len(tt_rows), time.monotonic() - started)


def _label_texts(scored, keys: set[str]) -> dict[str, str]:
    """For each phrase, the text of one remark that carries it (to show the phrase as written)."""
    want: dict[str, int] = {}
    for tid, chosen in scored.turn_topics.items():
        for p in chosen:
            want.setdefault(p, tid)
    texts = dict(Turn.objects.filter(id__in=set(want.values())).values_list("id", "text"))
    return {p: texts.get(tid, "") for p, tid in want.items()}
