"""The CPU-bound half of ingest, without Django: read a file, hash it, parse it, extract the
candidate topic phrases of its remarks. Runs in worker processes, in parallel with the writes."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from meetings.core.parser import NotATranscript, Transcript, TranscriptError, parse_transcript
from meetings.core.topics.extract import meeting_exclusions, transcript_phrases

MAX_FILE_BYTES = 50 * 1024 * 1024


class IngestError(Exception):
    """A file that could not be ingested; the message names the reason."""


class TurnPhrases(NamedTuple):
    """What topic scoring needs of one turn, worked out with the parse."""

    counts: dict[str, int]  # candidate topic phrase -> occurrences
    words: int
    procedural: bool  # chairing and formalities, no topic of its own


@dataclass
class PreparedFile:
    path: str
    name: str
    sha: str = ""
    size: int = 0
    unchanged: bool = False
    error: str = ""
    skipped: str = ""  # why a readable page is not a transcript (a news item, an order, a list)
    transcript: Transcript | None = None
    phrases: list[TurnPhrases] = field(default_factory=list)  # one per turn


def read_file(path: Path) -> bytes:
    try:
        st = path.stat()
    except OSError as exc:
        raise IngestError(f"cannot read it: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise IngestError("it is not a regular file (a device, a pipe or a socket)")
    if st.st_size > MAX_FILE_BYTES:
        raise IngestError(
            f"it is {st.st_size / 1048576:.0f} MB, larger than the {MAX_FILE_BYTES // 1048576} MB a transcript may be"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read it: {exc.strerror or exc}") from None


def prepare(path: Path, known_sha: str | None = None) -> PreparedFile:
    """Everything about one file that needs no database; never raises."""
    out = PreparedFile(str(path), path.name)
    try:
        data = read_file(path)
    except IngestError as exc:
        out.error = str(exc)
        return out
    out.sha, out.size = hashlib.sha256(data).hexdigest(), len(data)
    if known_sha == out.sha:
        out.unchanged = True
        return out
    try:
        t = parse_transcript(data)
    except NotATranscript as exc:
        out.skipped = f"not a transcript: {exc}"
        return out
    except TranscriptError as exc:
        out.error = str(exc)
        return out
    exclude = meeting_exclusions(t.names + [x.written_name for x in t.turns if x.written_name])
    for counts, words, procedural in transcript_phrases(t.turns, exclude):
        out.phrases.append(TurnPhrases(dict(counts), words, procedural))
    out.transcript = t
    return out


class PrepareJob(NamedTuple):
    """One file for a worker process: its path and the checksum the archive holds under its name."""

    path: str
    known_sha: str | None


def prepare_job(job: PrepareJob) -> PreparedFile:
    return prepare(Path(job.path), job.known_sha)
