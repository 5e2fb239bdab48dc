"""A meeting's table of contents, as a reader of a news conference or a council meeting wants it:
the parts its page heads, or for a long meeting the questions asked, each with who asked it, or
else the speakers in the order they spoke.

Pure functions, no Django: the page passes the meeting's turns as `Remark`s and renders what comes
back, each entry with the key of the remark it jumps to.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

# Meetings shorter than this are read without a table of contents ...
MIN_REMARKS = 30
# ... unless the page heads this many parts of itself or more.
MIN_PARTS = 2
# Questions: at least this many turns of people other than the main speaker hold one, and at
# least this share of those people's turns do.
MIN_QUESTIONS = 5
QUESTION_SHARE = 0.25
SNIPPET = 140
# Follow-ups are folded into the question before only when this many people ask.
MIN_ASKERS_TO_MERGE = 3
# A question shorter than this ("Shall we start?", "What do you think?") is chairing, not a subject.
MIN_QUESTION_WORDS = 5

_SENTENCE = re.compile(r"[^.!?…]*[?]", re.S)
_FIRST_SENTENCE = re.compile(r".+?[.!?…](?=\s|$)", re.S)


@dataclass(frozen=True)
class Remark:
    """One turn as the contents read it."""

    key: str
    who: str  # the speaker's name, or the transcript's label ("Question")
    speaker: int | None  # the participant's id; None for a turn with no person
    text: str
    is_summary: bool = False
    section: str = ""  # the heading of the part of the page this remark is in


@dataclass(frozen=True)
class Entry:
    """A line of the contents: the remark it opens, who spoke, and what about."""

    key: str
    who: str
    text: str


@dataclass(frozen=True)
class Contents:
    kind: str  # "parts", "questions" or "speakers"
    entries: list[Entry]

    @property
    def heading(self) -> str:
        return {"parts": "Parts of the page", "questions": "Questions"}.get(self.kind, "Speakers in order")


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def cut(text: str, length: int = SNIPPET) -> str:
    """At most `length` characters, cut at a word, with an ellipsis when cut."""
    if len(text) <= length:
        return text
    head = text[: length + 1].rsplit(" ", 1)[0] if " " in text[:length] else text[:length]
    return head.rstrip(",;:—–- ") + "…"


def paired_marks(entry: str) -> str:
    """An entry with its quotation marks in pairs: no closing mark of the sentence before opening
    it ("” Is that …?"), and a quotation it opens closed at its end ("… “Will there be …?”")."""
    entry = entry.lstrip('”’»" ') if entry[:1] in "”’»" or entry.startswith('" ') else entry
    if entry.count("“") > entry.count("”"):
        entry += "”"
    if entry.count("«") > entry.count("»"):
        entry += "»"
    if entry.count('"') % 2:
        entry += '"'
    return entry


def question_of(text: str) -> str | None:
    """The first question a remark asks (a sentence of a few words ending in "?"), or None when it
    asks none."""
    flat = _flat(text)
    if "?" not in flat:
        return None
    for m in _SENTENCE.finditer(flat):
        sentence = m.group(0).strip()
        if len(sentence.split()) >= MIN_QUESTION_WORDS:
            return paired_marks(cut(sentence.lstrip("”’» ")))
    return None


def first_words(text: str) -> str:
    flat = _flat(text)
    m = _FIRST_SENTENCE.match(flat)
    return paired_marks(cut(m.group(0) if m else flat))


def main_speaker(remarks: Sequence[Remark]) -> int | None:
    """The person who says the most (by characters): the chair, or who answers the questions."""
    spoken: Counter[int] = Counter()
    for r in remarks:
        if r.speaker is not None:
            spoken[r.speaker] += len(r.text)
    if not spoken:
        return None
    return min(spoken, key=lambda s: (-spoken[s], s))


def parts_opened(sections: Iterable[str | None]) -> Iterator[str]:
    """For each remark, in the page's order, given the heading of the part it is in (Turn.section;
    "" or None for none): the heading of the part it opens, "" when it opens none (the page shows
    a heading once, above the first remark of its part)."""
    part: str | None = ""
    for section in sections:
        yield section if section and section != part else ""
        part = section


def contents(remarks: Sequence[Remark], min_remarks: int = MIN_REMARKS) -> Contents | None:
    """The contents of a meeting: its headed parts, or for a meeting of at least `min_remarks`
    remarks its questions or its speakers; None when it has none of these.

    A page that heads MIN_PARTS parts of itself or more, whatever its length, is read by them: each
    heading with the remark that opens its part. Otherwise, when enough of the turns of people
    other than the main speaker ask something, the contents are the questions (at a news
    conference a follow-up by the same person is not a new entry); otherwise they are the speakers
    in order: each time someone other than the main speaker takes the floor, their exchange with
    the main speaker being one entry."""
    parts = [
        Entry(r.key, r.who, cut(_flat(opened)))
        for r, opened in zip(remarks, parts_opened(r.section for r in remarks), strict=True)
        if opened
    ]
    if len(parts) >= MIN_PARTS:
        return Contents("parts", parts)
    if len(remarks) < min_remarks:
        return None
    chair = main_speaker(remarks)
    others = [r for r in remarks if r.speaker is None or r.speaker != chair]
    questions = [(r, q) for r in others if not r.is_summary and (q := question_of(r.text))]
    if len(questions) >= MIN_QUESTIONS and len(questions) >= QUESTION_SHARE * len(others):
        asked = {id(r): q for r, q in questions}
        # A follow-up (the same person asking again with only the answer between) is not a new
        # entry at a news conference; in an interview, where one person asks everything, it is.
        askers = {(r.speaker, r.who) for r, _ in questions}
        merge = len(askers) >= MIN_ASKERS_TO_MERGE
        entries: list[Entry] = []
        last_who = None
        for r in remarks:
            if r.speaker is not None and r.speaker == chair:
                continue
            q = asked.get(id(r))
            who = (r.speaker, r.who)
            if q is None:
                last_who = None  # someone else spoke: what follows is not a follow-up
                continue
            if merge and who == last_who and r.speaker is not None:
                continue
            last_who = who
            entries.append(Entry(r.key, r.who, q))
        return Contents("questions", entries)
    # A person's exchange with the main speaker is one section: it starts when they take the
    # floor and ends when someone else than the main speaker does.
    entries, previous = [], None
    for r in remarks:
        if r.speaker is not None and r.speaker == chair:
            continue
        who = (r.speaker, r.who)
        if who != previous or r.speaker is None:
            entries.append(Entry(r.key, r.who, first_words(r.text)))
        previous = who
    if not entries:
        return None
    return Contents("speakers", entries)
