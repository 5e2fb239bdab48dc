"""The head of a transcript page: title, date and place, and where the lead ends and the body
(the first speaker label or summary) begins."""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from . import chrome
from .inline import holds_omission
from .labels import common_word
from .names import clean_spaces
from .page import Page
from .structure import TranscriptError

# Long agenda titles are kept whole; a first paragraph longer than this is text, not a title.
# (800 characters are at most 2,400 bytes of UTF-8: within the 2,704 a B-tree index entry holds.)
MAX_TITLE_CHARS = 800


class Header(NamedTuple):
    title: str
    is_excerpt: bool  # the heading says "Excerpts from …"
    date: datetime.date
    place: str | None
    rest: list[str]  # the paragraphs after the title and the date line


SECTION_HEADING_WORDS = 40
TOPIC_HEADING_WORDS = 80  # a topic heading after an omission mark may be one long sentence
_TOPIC_HEADING = re.compile(r"^On (?:the |a |an )?[a-z]")  # "On amendments to …", "On the proposal to …"
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
# The page's own note handing over to the next speaker, in the passive and unpunctuated ("The floor
# is given to <Name>, <title>"): a speaker says "I give the floor to …".
_FLOOR_NOTE = re.compile(r"^The floor is (?:given|passed|handed) (?:over )?to [A-Z]")
# The page's own note between parts: one short statement of what happened ("… were discussed
# separately.", "The talks continued in a restricted format.")...
_PAGES_NOTE = re.compile(r"^[A-Z][^?!]*\b(?:was|were|took place|continued|followed)\b[^?!]*\.$")
PAGES_NOTE_WORDS = 20
# ... in which no one speaks: no word of the first or second person, of thanks or of greeting
# ("Thank you, colleagues, we can now move on." is a speaker's).
_SPEAKERS_WORD = re.compile(
    r"\b(?:I|me|my|we|us|our|you|your|let's|thanks?|congratulat\w*|colleagues|friends|please|welcome)\b",
    re.IGNORECASE,
)


def _section_headings(page: Page) -> dict[int, int | None]:
    """The paragraphs that head a later part of the page, before a labelled paragraph: page
    furniture, not the last speaker going on; each index -> the index of the labelled paragraph
    that opens the part (None for the note giving the floor: it introduces the next speaker and
    heads no part). After a remark and a divider ("* * *") or an omission mark ("<…>"): a
    short paragraph that is no sentence (no final punctuation, or a colon with nothing after it:
    "Statements following the talks:") or a topic heading of one sentence ("On the proposal to
    …."; TOPIC_HEADING_WORDS at most); after a divider, also a short statement of the page's own
    telling what happened, in which no one speaks (_PAGES_NOTE, _SPEAKERS_WORD), followed by an
    omission mark and a labelled paragraph ("Plans for the autumn were discussed separately."
    then "<…>"). Straight after a remark: only a topic heading with no final punctuation ("On
    amendments to the Constitution"), the heading of the excerpts that follow ("Excerpts from
    transcript of …") or the page's note giving the floor ("The floor is given to <Name>",
    _FLOOR_NOTE); a remark's own short last line ("Welcome to Larkspur") stays the speaker's."""
    cleaned = [page.clean(p) for p in page.raw]
    labelled = [page.label_of(p) is not None for p in page.raw]
    # After the first remark: the lead's headings are the lead's. The title is none, however like
    # a label it reads ("Opening the exhibition <Name>: <Place> – <Place>").
    title_at = next((i for i, c in enumerate(cleaned) if not chrome.is_chrome_clean(c)), 0)
    first_remark = next((i for i in range(title_at + 1, len(labelled)) if labelled[i]), len(labelled))
    out: dict[int, int | None] = {}
    for i in range(first_remark + 1, len(cleaned) - 1):
        cp = cleaned[i]
        if labelled[i] and _a_heading_like_a_label(page, page.raw[i], cleaned[i - 1]) and labelled[i + 1]:
            out[i] = i + 1  # "* * *", then "Answers to journalists' questions:" with no words after it
            continue
        if labelled[i] or (words := len(cp.split())) > TOPIC_HEADING_WORDS or chrome.OMISSION.match(cp):
            continue
        before = cleaned[i - 1]
        divided = bool(chrome.SEPARATOR.match(before))
        marked = divided or bool(chrome.OMISSION.match(before))
        short = words <= SECTION_HEADING_WORDS
        if labelled[i + 1]:
            heading = short and (chrome.is_heading(cp) or (cp.endswith(":") and chrome.is_heading(cp[:-1])))
            topic = bool(_TOPIC_HEADING.match(cp)) and not _SENTENCE_INSIDE.search(cp)
            unpunctuated = short and chrome.is_heading(cp)
            if (
                (marked and (heading or topic))
                or (topic and unpunctuated)
                or (unpunctuated and chrome.is_excerpt_heading(cp))
            ):
                out[i] = i + 1
            elif unpunctuated and _FLOOR_NOTE.match(cp):
                out[i] = None
                page.floor_notes.append(cp)
        elif (
            divided
            and i + 2 < len(cleaned)
            and chrome.OMISSION.match(cleaned[i + 1])
            and labelled[i + 2]
            and words <= PAGES_NOTE_WORDS
            and _PAGES_NOTE.match(cp)
            and not _SENTENCE_INSIDE.search(cp)
            and not _SPEAKERS_WORD.search(cp)
        ):
            out[i] = i + 2
    notes = sum(1 for opening in out.values() if opening is None)
    if len(out) > notes:
        page.warnings.append(f"{len(out) - notes} section heading(s) between remarks were read as headings")
    if notes:
        page.warnings.append(f"{notes} note(s) of the page giving the floor were left out of the remarks")
    return out


def _a_heading_like_a_label(page: Page, paragraph: str, before: str) -> bool:
    """Is a paragraph that reads as a label naming no one, with nothing after its colon, right
    after a divider, the heading of the part it opens ("Answers to journalists' questions:")?"""
    found = page.label_of(paragraph)
    if found is None or found[1] or not chrome.SEPARATOR.match(before):
        return False
    label = found[0]
    # Words of a heading, not a speaker's label alone on its line before their words ("Moderator:",
    # "President of the Chamber:", a title someone here may hold).
    return not label.name and not label.role and bool(label.generic) and len(label.text.split()) >= 3


def _from_the_title(page: Page, paras: list[str]) -> list[str]:
    """The page from its title on, the title first. The title is the heading right above the date
    line; lines a reposting site prints before it ("Skip to content", "Home » News", the site's
    name, "Posted on <date> by …") are left out, with a warning. A repost's own header line
    ("<SITE> TRANSCRIPT: <title>") is the title even with captions between it and the date. A date
    line above the title, with no other below it, is put after it."""
    if (
        len(paras) > 2
        and chrome.parse_date_line(paras[0], place_first=False)
        and _titles(paras[1])
        and not chrome.parse_date_line(paras[2])
    ):
        return [paras[1], paras[0], *paras[2:]]  # the date above the title
    at = next((i for i in range(1, min(len(paras), 7)) if chrome.parse_date_line(paras[i])), None)
    if at is None or at == 1 or chrome.is_repost_header(paras[0]):
        return paras
    if not _titles(paras[at - 1]):
        return paras
    page.warnings.append(f"{at - 1} line(s) of a reposting site before the title were left out")
    return paras[at - 1 :]


def _titles(paragraph: str) -> bool:
    """Can this paragraph be a page's title: a heading, also one ending in words in brackets
    ("<Subject> (interview to <Agency>)"), and no date line?"""
    return (chrome.is_heading(paragraph) or bool(_BRACKETS_AT_END.match(clean_spaces(paragraph)))) and not (
        chrome.parse_date_line(paragraph, place_first=False)
    )


# A heading whose last words are in brackets, no sentence's: "<Subject> (interview to <Agency>)".
_BRACKETS_AT_END = re.compile(r"^[^(\s][^.!?]{0,150}\([^().!?]{1,60}\)$")


def read_header(page: Page) -> Header:
    """Title, date and place; the paragraphs that follow. Raises TranscriptError when the page
    has no title or no date line."""
    headings = _section_headings(page)
    # The part a heading opens: every remark from the paragraph that opens it carries it
    # (ParsedTurn.section). That paragraph is known by identity, not by its words, which may open
    # another remark of the page too ("Thank you.").
    for i, opening in headings.items():
        if opening is not None:
            page.sections[id(page.raw[opening])] = page.clean(page.raw[i]).rstrip(":").strip()
    paras = [
        p for i, p in enumerate(page.raw) if i not in headings and not chrome.is_chrome_clean(page.clean(p))
    ]
    if not paras:
        raise TranscriptError("it holds only page chrome (menus, settings), no transcript")
    paras = _from_the_title(page, paras)
    title_para = paras[0]
    title, is_excerpt = chrome.clean_title(title_para)
    # A heading of the excerpts that follow, between remarks: the page is not the whole transcript.
    is_excerpt = is_excerpt or any(chrome.is_excerpt_heading(page.clean(page.raw[i])) for i in headings)
    if not title or chrome.parse_date_line(title_para, place_first=False):
        raise TranscriptError("it has no title line before the date")
    if len(title) > MAX_TITLE_CHARS:
        raise TranscriptError(
            f"its first paragraph, taken as the title, is {len(title):,} characters long (a title has at most "
            f"{MAX_TITLE_CHARS:,}): the title line seems to be missing"
        )
    rest = paras[1:]

    # Date and place: near the top, else (newer layout) near the end.
    date = place = None
    for i, p in enumerate(rest[:5]):
        parsed = chrome.parse_date_line(p)
        if parsed:
            date, place = parsed
            _warn_if_either_way(page, p, date)
            captions = rest[:i]
            if all(chrome.is_caption(c) for c in captions):
                rest = rest[i + 1 :]
                after = 0  # where the paragraph after the date line now is
            else:
                rest = rest[:i] + rest[i + 1 :]
                after = i
            if place is None and len(rest) > after + 1 and _names_a_place(rest[after]):
                place = clean_spaces(rest.pop(after))  # the place on a line of its own
            break
    # Trailing chrome, a reposting site's lines and a closing line that repeats the date.
    reposting = 0
    while rest:
        last = rest[-1]
        parsed = chrome.parse_date_line(last)
        if parsed:
            if date is None:
                date, place = parsed
                _warn_if_either_way(page, last, date)
            rest = rest[:-1]
            continue
        if chrome.SEPARATOR.match(page.clean(last)):
            rest = rest[:-1]
            continue
        if chrome.is_trailing_chrome(last):
            rest = rest[:-1]
            reposting += 1
            continue
        break
    if reposting:
        page.warnings.append(f"{reposting} line(s) of a reposting site after the last remark were left out")
    if date is None and (split := chrome.split_title_and_date(title_para)):
        title, date = split  # "<Title> (March 3, 2023)": the date in the title's line
        title, _ = chrome.clean_title(title)
    if date is None:
        raise TranscriptError("it has no date line (such as 'December 9, 2021, Moscow')")
    return Header(title, is_excerpt, date, place, rest)


PLACE_LINE_WORDS = 8
_PLACE_JOINERS = {"of", "the", "on", "upon", "de", "la", "am", "an", "der", "sur", "-"}


def _names_a_place(paragraph: str) -> bool:
    """Is this paragraph, right under a date line that names no place, the place ("Novo-<Name>,
    <Name> Region", "The <Name> Palace, <Town>", "<Town>")? A few capitalised words with no final
    punctuation, and a comma between them or mostly words rare in English: "Press Statements" is a
    heading, "Statements for the press" or a sentence no place."""
    p = clean_spaces(paragraph)
    words = p.replace(",", " ").split()
    if not words or len(words) > PLACE_LINE_WORDS or ":" in p or not chrome.is_heading(p):
        return False
    if not all(w[:1].isupper() or w in _PLACE_JOINERS for w in words):
        return False
    named = [w for w in words if w not in _PLACE_JOINERS]
    return "," in p or 2 * sum(1 for w in named if not common_word(w)) >= len(named)


def _warn_if_either_way(page: Page, line: str, date: datetime.date) -> None:
    """Name in the page's warnings a date in figures read day first that month first reads too."""
    if written := chrome.reads_either_way(line):
        page.warnings.append(
            f"the date {written} reads either way: read day first, as {date:%B} {date.day}, {date.year}"
        )


def starts_body(page: Page, p: str) -> bool:
    lab = page.label_of(p)
    if lab:
        # "Participants: members of the Government.": a line of the lead, as such a line is the
        # speaker's own inside a remark ("Question: at what cost?"); no remark opens so.
        return not (lab[0].generic and lab[1][:1].islower())
    s = page.summary_of(p)
    return bool(s and s[0].kind in ("name", "group"))


def split_lead(page: Page, paras: list[str]) -> tuple[list[str], list[str], bool]:
    """Lead paragraphs (the description), then the body; and whether a heading says 'excerpts' or
    the mark of words left out ("<…>") comes before the first remark."""
    lead: list[str] = []
    after_separator: list[str] = []
    seen_separator = False
    is_excerpt = False
    for i, p in enumerate(paras):
        cp = page.clean(p)
        if starts_body(page, p):
            body = paras[i:]
            if after_separator:
                page.warnings.append(
                    f"{len(after_separator)} paragraph(s) before the first speaker label are "
                    "attributed to no one"
                )
                body = after_separator + body
            return lead, body, is_excerpt
        if cp in ("* * *", "***") or chrome.SEPARATOR.match(cp):
            seen_separator = True
            continue
        if chrome.is_excerpt_heading(cp) and (seen_separator or chrome.is_heading(cp) or len(cp) < 200):
            is_excerpt = True
            continue
        if chrome.OMISSION.match(cp):
            # The page marks words left out before its first remark ("<…>", "[...]"; not "(…)",
            # which no remark's text counts either: inline.holds_omission).
            is_excerpt = is_excerpt or holds_omission(cp)
            if seen_separator:
                after_separator.append(p)
            continue
        if seen_separator:
            if chrome.is_heading(cp) and not after_separator:
                continue  # a sub-heading: "Speech at the event marking …"
            after_separator.append(p)
        else:
            lead.append(p)
    # No label at all: the caller reports that there are no turns.
    return lead, after_separator, is_excerpt


# --- the body -------------------------------------------------------------------------------
