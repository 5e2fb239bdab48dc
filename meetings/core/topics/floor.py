"""A chair giving the floor: who speaks next, not what about.

At news conferences and forums a moderator calls on the next questioner by their outlet or name
("Let us start with Harbour Radio." "Next is the Valley Courier, a question about ferries. Go
ahead, please." "I suggest a question from Coast TV."); the outlet, the name and the chair's
word for the questioner ("a journalist", "the radio station") are said to hand over the
microphone, and stood as topics on the chair's profile. `floor_spans` finds those sentences;
extract.meeting_phrases reads them apart as it reads a questioner's introduction: what they name
counts only where the meeting speaks of it elsewhere (the ferries the question is about stay).

A sentence gives the floor when it is short (FLOOR_WORDS) and holds one of FLOOR_CUES: "the
floor" or "the microphone" given, passed or had, or the chance to ask; "go ahead" said to someone
(opening the sentence or after a name or "please"); a question "from" someone; "next" opening the
sentence before "is" or a name; "let us start (begin) with" or "now over to" before a capitalised
word; a questioner picked out by the poster, banner or flag they hold up ("I can see another
banner", "a flag with “…” written on it"). Pure: no Django.
"""

from __future__ import annotations

import re

from .introductions import sentence_spans, word_count
from .phrases import plain_characters

# A sentence that gives the floor is short; a longer one says more than who speaks next.
FLOOR_WORDS = 25
# (Case matters only where a cue asks for a capital: "Next, Harbour Radio", not "Next, we will".)
FLOOR_CUES = re.compile(
    r"(?i:\b(?:give|gives|giving|pass|passing|hand|handing|turn|turning|offer)\b[^.!?]{0,30}"
    r"\b(?:the floor|the microphone)\b"
    r"|\bthe floor (?:is yours|goes to)\b|\byou have the (?:floor|microphone)\b"
    r"|\bgive (?:the |an? )?(?:opportunity|chance) to ask\b"
    r"|(?:^|,|(?<![a-z])please,?)\s*go ahead(?:\s*[.!?]|\s*$|,?\s*please\b|\s+with your question\b|,)"
    r"|\b(?:a|the|one more|another|next) question from\b"
    # A questioner picked out by the sign they hold up: "I can see another banner, “…”", "they
    # have a flag with “…” written on it" (what the sign says is theirs, not the chair's).
    r"|\bI (?:can |could )?(?:see|saw|notice|noticed)\b[^.!?]{0,50}?\b(?:a|an|another|the|this|that)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:poster|banner|placard|flag)s?\b"
    r"|\b(?:poster|banner|placard|flag)s?\b[^.!?]{0,40}[”\"»]\s*written on (?:it|them)\b)"
    r"|^(?i:(?:and |so |now |then )*next)(?: is\b|, (?:please,? )?[A-Z][a-z])"
    r"|(?i:\blet(?:'s| us) (?:start|begin) with (?:the )?)[A-Z]"
    r"|^(?i:(?:and |so )?now over to )(?:you\b|[A-Z])"
)
# Words one of FLOOR_CUES holds (lower case; "Next" opens its sentence): most remarks hold none,
# and are passed over before any sentence is read.
_CUE_WORDS = (
    "floor",
    "microphone",
    "go ahead",
    "question from",
    "start with",
    "begin with",
    "over to",
    "to ask",
    "poster",
    "banner",
    "placard",
    "flag",
)


def floor_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of the sentences of `text` that give the floor. Only the
    paragraphs that hold one of _CUE_WORDS are read sentence by sentence (a sentence ends at a
    line's end: read alone, a paragraph has the sentences it has in the text)."""
    plain = plain_characters(text)
    low = plain.lower()
    out: list[tuple[int, int]] = []
    read = -1  # the end of the last paragraph read
    for at in _cue_positions(plain, low):
        if at < read:
            continue
        start = plain.rfind("\n", 0, at) + 1
        read = plain.find("\n", at)
        if read < 0:
            read = len(plain)
        for a, b in sentence_spans(plain[start:read]):
            sentence = plain[start + a : start + b].strip()
            if word_count(sentence) <= FLOOR_WORDS and FLOOR_CUES.search(sentence):
                out.append((start + a, start + b))
    return out


def _cue_positions(plain: str, low: str) -> list[int]:
    """Where `plain` (and `low`, the same in lower case) hold one of _CUE_WORDS or "Next", in
    order (found in C: most texts hold none)."""
    found = []
    for word, within in (*((w, low) for w in _CUE_WORDS), ("Next", plain)):
        at = within.find(word)
        while at >= 0:
            found.append(at)
            at = within.find(word, at + 1)
    return sorted(found)
