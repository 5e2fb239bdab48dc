"""Raw transcript text -> Transcript: the page read (page.py), its head (header.py), its body
(body.py) and who is who in it (attribution.py)."""

from __future__ import annotations

import re

from .attribution import GUESSES, RESOLUTIONS, resolve_people
from .body import join_split_labels, parse_body
from .header import read_header, split_lead
from .inline import holds_omission
from .interviewee import give_answers
from .introduced import give_titles
from .names import is_name_word
from .page import Page, words_before
from .reader import decode, normalise_text, split_paragraphs
from .structure import NotATranscript, Transcript, TranscriptError
from .vocabulary import GROUP_WORDS

__all__ = ["GUESSES", "RESOLUTIONS", "parse_transcript", "words_before"]


def parse_transcript(data: bytes | str) -> Transcript:
    """Parse one transcript file's contents. Raises TranscriptError for what is not one."""
    if isinstance(data, bytes):
        text, warnings = decode(data)
    else:
        text, warnings = normalise_text(data), []
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise TranscriptError("the file holds no text")
    page = Page(paragraphs, warnings)
    title, is_excerpt, date, place, rest = read_header(page)
    rest = join_split_labels(page, rest)
    lead, body, is_excerpt2 = split_lead(page, rest)
    page.set_heading([title, *lead])
    turns = parse_body(page, body)
    if not turns:
        raise NotATranscript("it has no speaker labels: no remark can be attributed")
    if all(not t.name and (t.generic or "").casefold() in GROUP_WORDS and _names_only(t.text) for t in turns):
        # "Members: <Name>, <Name>." closing a list of appointments: labels of groups whose
        # "remarks" are lists of names, and no one named.
        raise NotATranscript("it names no speaker, only groups: a list, not a transcript")
    resolve_people(page, turns)
    give_answers(page, title, turns)
    give_titles(page, title, turns)
    for t in turns:
        if not t.paragraphs:
            page.warnings.append(f"the label '{t.label}' has no text")
    return Transcript(
        title=title,
        date=date,
        place=place,
        description="\n\n".join(lead),
        # Excerpts where the page says so, or where its remarks hold the mark of words left out.
        is_excerpt=is_excerpt or is_excerpt2 or any(holds_omission(p) for t in turns for p in t.paragraphs),
        turns=turns,
        warnings=page.warnings,
    )


_LIST_ITEM = re.compile(r",\s*|\s+and\s+")


def _names_only(text: str) -> bool:
    """Is the text a list of people's names ("<Name>, <Name> and <Name>.") and nothing else?"""
    items = [item.strip() for item in _LIST_ITEM.split(text.strip().rstrip(".;")) if item.strip()]
    return bool(items) and all(
        2 <= len(words := item.split()) <= 4 and all(map(is_name_word, words)) for item in items
    )
