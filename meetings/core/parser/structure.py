"""The transcript structure the parser produces: plain data, no Django."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

SPEECH = "speech"
SUMMARY = "summary"


class TranscriptError(ValueError):
    """The file cannot be read as a transcript; the message says why."""


class NotATranscript(TranscriptError):
    """A readable page that is not a transcript: it has no speaker labels (a news item, an
    order, a list of appointments or awards). Ingest skips it rather than failing it."""


@dataclass
class ParsedTurn:
    kind: str  # SPEECH or SUMMARY
    label: str | None  # the label as written; for a summary, the words that name the person
    paragraphs: list[str] = field(default_factory=list)
    name: str | None = None  # the person, as named in this transcript (canonical within it)
    written_name: str | None = None  # the name exactly as this label wrote it
    role: str | None = None  # the title written with the name
    generic: str | None = None  # a generic label ("Remark", "Question"): no person
    resolution: str = "label"  # how the person was found (see parser.RESOLUTIONS)
    section: str | None = None  # the heading of the part of the page this turn is in, if headed

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Transcript:
    title: str
    date: datetime.date
    place: str | None
    description: str
    is_excerpt: bool
    turns: list[ParsedTurn]
    warnings: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """Every person speaking or summarised, in order of first appearance."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.name:
                seen.setdefault(turn.name, None)
        return list(seen)
