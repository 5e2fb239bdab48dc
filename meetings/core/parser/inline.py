"""Inside a paragraph: stage directions "(Laughter.)" and omissions "<…>" set apart for display."""

from __future__ import annotations

import re

TEXT = "text"
STAGE = "stage"
OMISSION = "omission"

_PAREN = re.compile(r"\(([^()]{1,600})\)")
_OMIT = re.compile(r"<\s*(?:…|\.\.\.)\s*>|\[\s*(?:…|\.\.\.)\s*\]")
# The editors' words inserted in a remark in square brackets ("Mr Miller [Gazprom CEO]"), an
# omission ("[…]") aside: a note, not what was said. Opening a word, not inside one ("<![CDATA[x]]>").
_INSERTION = re.compile(r"(?<![^\s(“\"'])\[(?!\s*(?:…|\.\.\.)\s*\])[^\[\]\n]{1,200}\](?![\w\]])")
_MARKS = re.compile(f"{_OMIT.pattern}|{_INSERTION.pattern}")
_DIRECTION_WORDS = re.compile(
    r"^(?:laughter|applause|laughs|laughing|inaudible|unintelligible|no microphone|"
    r"off[- ]mic(?:rophone)?|retranslated|in english|in russian|in german|in french|"
    r"speaking [a-z]+|pause|silence|interruption|noise|crosstalk|animation|"
    r"commenting|answering|addressing|speaking|pointing|referring|responding|turning|"
    r"gesturing|showing|continuing|reading|looking|smiling|addressed|after a pause)\b",
    re.IGNORECASE,
)


# A paragraph that only says what happens, without brackets: "A video is played.", "The National
# Anthem is played.", "Viewing a video about the oilfield.", "Broadcast of the train leaving …".
# One sentence of at most BARE_DIRECTION_WORDS words, its full stop may be missing (\s is a
# no-break space too).
_BARE_DIRECTION = re.compile(
    r"^(?:(?:an?|the)\s[^.!?]{1,80}?\s(?:is|are|was|were)\s(?:being\s)?"
    r"(?:played|shown|screened|sung|performed|broadcast)"
    r"|(?:viewing|watching)\s(?:an?|the)\s(?:video|film|presentation|documentary)\b[^.!?]{0,80}"
    # "Broadcast of the train leaving …", "Showing of film <Title>": what is shown, named by a
    # noun, with no one speaking and no verb of a sentence said about it
    r"|(?:live\s|video\s)?(?:broadcast|screening|demonstration|showing)\s(?:of|from)\s"
    r"(?![^.!?]*\b(?:i|we|you|me|us|my|our|your|is|are|was|were|will|would|has|have|had|can|could|must"
    r"|should|starts?|began|begins|ends?|ended)\b)[^.!?]{1,100}?"
    # "<Someone> joins the videoconference.": the page's note, not the words of whoever spoke
    # before it (nobody in it speaks: no "I", "we", "you", no "that" of a sentence said about it).
    r"|(?![^.!?]*\b(?:i|we|you|me|us|my|our|your|that)\b)(?P<joiner>[^.!?]{1,100}?)\s(?:joins?|joined)\s"
    r"(?:the\s)?(?P<joined>videoconference|video\sconference|video\slink|meeting|conversation)"
    r"(?:\s(?:via|by)\s(?:a\s)?(?:videoconference|video\sconference|video\slink))?)\.?$",
    re.IGNORECASE,
)
BARE_DIRECTION_WORDS = 12

# A whole paragraph in brackets that says what is done, without a full stop: "(The motorway is
# opened to traffic)", "(The flag is raised)": of BARE_DIRECTION_WORDS words at most, nobody in it
# speaking ("I", "we", "you"). A bracketed sentence of speech has no such verb, or a speaker.
_DONE = re.compile(
    r"^\((?![^()]*\b(?:i|we|you|me|us|my|our|your)\b)\s*(?:an?|the)\s[^()]{1,80}?\s(?:is|are|was|were)\s"
    r"(?:being\s)?(?:[a-z]{3,}ed|shown|sung|held|cut|laid|given|taken|played)\b[^()]{0,80}\)$",
    re.IGNORECASE,
)
# A note opening a remark on what it answers or what it is on, before words that begin a sentence:
# "(Replying to remarks by …) You are …", "(on the financial sector) We can see …". A topic in
# small letters ("(on average) prices rose") or a figure ("(About 15 million) was") is said.
_OPENING_NOTE = re.compile(r"^(?:(?i:replying|in\s(?:reply|response))\b|(?:on|about|regarding|concerning)\s)")
_SENTENCE_STARTS = re.compile(r"\s*[“\"«]?[A-Z]")


def who_joins_by_video(paragraph: str) -> str | None:
    """Who a paragraph that is only the page's note says joins by video ("<Title> <Name> joins the
    videoconference."), as written; None for any other paragraph."""
    if "join" not in paragraph:
        return None  # (nearly every paragraph)
    whole = paragraph.strip()
    m = _BARE_DIRECTION.match(whole)
    if m is None or m.group("joiner") is None or len(whole.split()) > BARE_DIRECTION_WORDS:
        return None
    return m.group("joiner") if m.group("joined").casefold().startswith("video") else None


# A whole paragraph in square brackets, no other bracket inside, as a repost may bracket the
# site's summaries ("[<Name> reported on …]").
_IN_SQUARE_BRACKETS = re.compile(r"^\s*\[(?P<inner>[^\[\]]+)\]\s*\.?\s*$")


def in_square_brackets(text: str) -> str | None:
    """The words of a paragraph wholly in square brackets, or None for any other."""
    m = _IN_SQUARE_BRACKETS.match(text)
    return m.group("inner") if m else None


def holds_omission(text: str) -> bool:
    """Does `text` hold the source's mark of words left out ("<…>", "[...]")?"""
    return _OMIT.search(text) is not None


def is_stage_direction(inner: str) -> bool:
    """Is the text inside brackets a note on what happened rather than words spoken?"""
    inner = inner.strip().replace("\u00a0", " ")
    if _DIRECTION_WORDS.match(inner):
        return True
    # A whole sentence in brackets: "(Mr Bobrov enumerated some of these issues …)".
    words = inner.split()
    return len(words) >= 2 and inner[:1].isupper() and inner.endswith((".", ".”", "!"))


def segments(paragraph: str, opening: bool = False) -> list[tuple[str, str]]:
    """Split a paragraph into (kind, text) runs: TEXT, STAGE (brackets kept) and OMISSION.
    `opening`: the paragraph opens a remark (a note on what the remark is on may stand first)."""
    whole = paragraph.strip()
    if _OMIT.fullmatch(whole):
        return [(OMISSION, whole)]
    if _BARE_DIRECTION.match(whole) and len(whole.split()) <= BARE_DIRECTION_WORDS:
        return [(STAGE, whole)]  # (the pattern fails at the first word of almost every paragraph)
    if _DONE.match(whole) and len(whole.split()) <= BARE_DIRECTION_WORDS:
        return [(STAGE, whole)]
    out: list[tuple[str, str]] = []
    pos = 0
    start = len(paragraph) - len(paragraph.lstrip())
    for m in _PAREN.finditer(paragraph):
        inner = m.group(1)
        note = (
            opening
            and m.start() == start
            and _OPENING_NOTE.match(inner.strip()) is not None
            and _SENTENCE_STARTS.match(paragraph, m.end()) is not None
        )
        if not (note or is_stage_direction(inner)):
            continue
        if m.start() > pos:
            out.append((TEXT, paragraph[pos : m.start()]))
        out.append((STAGE, m.group(0)))
        pos = m.end()
    if pos < len(paragraph):
        out.append((TEXT, paragraph[pos:]))
    # Omissions and the editors' insertions inside running text.
    result: list[tuple[str, str]] = []
    for kind, text in out:
        if kind != TEXT:
            result.append((kind, text))
            continue
        p = 0
        for m in _MARKS.finditer(text):
            if m.start() > p:
                result.append((TEXT, text[p : m.start()]))
            result.append((OMISSION if _OMIT.fullmatch(m.group(0)) else STAGE, m.group(0)))
            p = m.end()
        if p < len(text):
            result.append((TEXT, text[p:]))
    return result
