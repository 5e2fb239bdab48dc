"""The person a question-and-answer page interviews. A page that writes its interview as "Q:" and
"A:" (or "Question:" and "Answer:") names no one in the answers' labels; where its title or its
first paragraph names exactly one person interviewed ("Interview with <Title> <Name>", "<Name>'s
interview to …", "<Name> gave an interview …"), the answers are that person's, a guess listed for
checking. The questions stay no one's."""

from __future__ import annotations

import re

from .labels import Label, parse_label
from .page import Page
from .structure import SPEECH, ParsedTurn

ANSWER_LABELS = {"a", "answer"}

# Where a title or a first paragraph names who was interviewed; `who` runs to the end of the
# name and its title ("… to the Harbour Gazette", "… was published" follow it).
_INTERVIEWED = [
    re.compile(
        r"\binterview(?:ed)? (?:with|of) (?P<who>.+?)(?= (?:to|for|by|on|in|was|has|ahead|before|after)\b|[,.;:(]|$)",
        re.I,
    ),
    re.compile(r"^(?P<who>.+?)['’]s? interview\b", re.I),
    re.compile(
        r"^(?P<who>.+?) (?:gave|has given|gives|granted|has granted) (?:an? )?(?:exclusive )?interview\b",
        re.I,
    ),
    re.compile(r"^(?P<who>.+?) (?:was|has been|is) interviewed\b", re.I),
]


def _interviewee(page: Page, title: str) -> Label | None:
    """The one person the page's title, else its first paragraph, says was interviewed."""
    for text in (title, *page.heading[1:2]):
        for pattern in _INTERVIEWED:
            m = pattern.search(text)
            if not m:
                continue
            # Two people ("<Name> and <Name>") are a label of no one person: whose answer is it?
            # A surname alone names no one for certain.
            who = m.group("who").strip()
            for words in (who, who.rpartition(", ")[2]):  # (after an opening clause: "Ahead of …, <Name>")
                label = parse_label(words, page.attested, page.ordinary)
                if label is not None and label.name and not label.generic and " " in label.name:
                    return label
    return None


def give_answers(page: Page, title: str, turns: list[ParsedTurn]) -> None:
    """Give the answers of a question-and-answer page to the one person it says it interviews."""
    answers = [t for t in turns if t.kind == SPEECH and (t.generic or "").casefold() in ANSWER_LABELS]
    if not answers:
        return  # (nearly every page)
    person = _interviewee(page, title)
    if person is None:
        return
    # No office from here: the words before the name in a sentence need be none ("Ahead of his
    # visit, <Name> gave an interview"); the page's title gives one after "with" (introduced.py).
    for t in answers:
        t.name, t.written_name, t.generic, t.resolution = person.name, person.name, None, "interviewee"
