"""What ingest says about each file: its status and what an editor should check."""

from __future__ import annotations

from dataclasses import dataclass, field

from meetings.core.parser import GUESSES, RESOLUTIONS, ParsedTurn


@dataclass
class FileReport:
    path: str
    status: str  # new | updated | unchanged | duplicate | skipped | failed
    reason: str = ""
    meeting: str = ""
    turns: int = 0
    warnings: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # labels that name no person
    guesses: list[str] = field(default_factory=list)  # attributions an editor should check


def note_turn(report: FileReport, pt: ParsedTurn, speaker_name: str | None) -> None:
    """What an editor should check about one turn: a guessed attribution, a label with no person."""
    if pt.resolution in GUESSES:
        report.guesses.append(
            f"{pt.label or pt.written_name!r} → {'?' if speaker_name is None else speaker_name} ({RESOLUTIONS[pt.resolution]})"
        )
    elif speaker_name is None and pt.resolution in ("generic", "unresolved", "group", "none"):
        report.unresolved.append(pt.label or "(no label)")
