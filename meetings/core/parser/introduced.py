"""Titles the page gives its speakers outside their labels: the page's title ("Meeting with
<Title> <Name>"), its note giving the floor ("The floor is given to <Name>, <title>") and its note
that someone joins ("<Title> <Name> joins the videoconference."). A speaker whom no label of the
page gives a title takes that one on their first remark, as a first label writing it would."""

from __future__ import annotations

import re
from functools import cache

from .inline import who_joins_by_video
from .labels import Label, parse_label
from .names import folded_key
from .page import Page
from .structure import SPEECH, ParsedTurn

# The people a page's title says the meeting was with: "Meeting with …", "Talks with …",
# "Telephone conversation with …", "News conference following talks with …".
_WITH = re.compile(r"\bwith (?P<who>.+)$")
_FLOOR = re.compile(r"^The floor is (?:given|passed|handed) (?:over )?to (?P<who>.+?)\.?$")


def _phrases(page: Page, title: str, turns: list[ParsedTurn]) -> list[str]:
    """What the page's title says the meeting was with, whom its notes give the floor to, and who
    its notes say joins the videoconference."""
    phrases = []
    if (m := _WITH.search(title)) and not _WITH.search(m.group("who")):
        phrases.append(m.group("who"))  # (a second "with" leaves it unclear whose title is whose)
    phrases += [m.group("who") for note in page.floor_notes if (m := _FLOOR.match(note))]
    phrases += [who for t in turns for p in t.paragraphs if (who := who_joins_by_video(p))]
    return phrases


def _people(page: Page, phrase: str, speakers: set[str]) -> list[Label]:
    """The titled speakers a phrase names, one or several joined by "and": the phrase is cut at
    "and" into as many pieces as there are speakers it names, each piece ending with a speaker's
    name ("Mayor of Larkspur <Name> and Governor of Tvorsk <Name>"); never inside a title
    ("Minister of Industry and Trade <Name>", "Patriarch <Name> of <See> and All <Land>"). A piece
    in lower case names a group, not a person, and is passed over ("winners of the regatta and
    Governor <Name>")."""
    pieces = phrase.split(" and ")
    if len(pieces) > 8:
        return []

    @cache
    def speaker(start: int, end: int) -> Label | None:
        label = parse_label(" and ".join(pieces[start:end]), page.attested, page.ordinary)
        if label is not None and label.name and not label.generic and folded_key(label.name) in speakers:
            return label
        return None

    @cache
    def cut(start: int) -> tuple[Label, ...] | None:
        """The most speakers pieces[start:] name, cut into pieces that each name one; None when
        they cannot be."""
        if start == len(pieces):
            return ()
        best = cut(start + 1) if pieces[start][:1].islower() else None
        for end in range(start + 1, len(pieces) + 1):
            label = speaker(start, end)
            rest = cut(end) if label is not None else None
            if label is not None and rest is not None and (best is None or len(rest) + 1 > len(best)):
                best = (label, *rest)
        return best

    return list(cut(0) or ())


def give_titles(page: Page, title: str, turns: list[ParsedTurn]) -> None:
    """Give the first remark of each speaker whom no label titles the title the page's title or
    a note giving the floor writes with their name."""
    phrases = _phrases(page, title, turns)
    if not phrases:
        return  # (most pages: nothing introduces anyone)
    titled = {t.name for t in turns if t.role}
    first_remarks: dict[str, ParsedTurn] = {}  # folded name -> the speaker's first remark
    for t in turns:
        if t.kind == SPEECH and t.name and not t.generic:
            first_remarks.setdefault(folded_key(t.name), t)
    for phrase in phrases:
        for label in _people(page, phrase, set(first_remarks)):
            first = first_remarks.get(folded_key(label.name or ""))
            if label.role and first is not None and first.name not in titled:
                first.role = label.role
                titled.add(first.name)
