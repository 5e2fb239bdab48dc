"""The transcript parser: raw text in, a Transcript out. Pure Python, no Django."""

from .parse import GUESSES, RESOLUTIONS, parse_transcript
from .structure import SPEECH, SUMMARY, NotATranscript, ParsedTurn, Transcript, TranscriptError

__all__ = [
    "GUESSES",
    "RESOLUTIONS",
    "SPEECH",
    "SUMMARY",
    "NotATranscript",
    "ParsedTurn",
    "Transcript",
    "TranscriptError",
    "parse_transcript",
]
