"""Page chrome, headers, date lines and other paragraphs that are not what anyone said."""

from __future__ import annotations

import datetime
import re

from .names import clean_spaces

CHROME_EXACT = {
    "view settings",
    "font size:",
    "font size",
    "site colours:",
    "site colors:",
    "site colours",
    "images",
    "images:",
    "settings",
    "official website of the president of russia",
    "[full transcript here]",
    "full transcript here",
    "* * *",
    "***",
    "* * * *",
    "*",
    "* *",
    "to be continued.",
    "to be continued",
    "to be continued…",
    "comment",
    "comments",
    "print",
    "print version",
    "text version",
    "share",
    "back",
    "top",
    "menu",
    "search",
    "version for print",
    "versions for print",
    "english",
    "русский",
    "на русском языке",
    "in russian",
    "document",
    "документ",
    "events",
    "news",
    "photos",
    "videos",
    "video",
    "audio",
    "transcripts",
    "select font",
    "character spacing",
    "colour scheme",
    "color scheme",
    "standard",
    "reset settings",
    "reset",
    "on",
    "off",
}
CHROME_PREFIXES = (
    "select font",
    "character spacing",
    "font size:",
    "site colours:",
    "site colors:",
    "images:",
    "publication date",
    "direct link",
    "text version",
    "published in sections",
    "published in section",
    "geography:",
    "persons:",
    "topics:",
    "official website of",
    "kremlin.ru address",
    "all content on this site",
    "licensed under",
    "copy link",
    "share this",
    "subscribe",
    "rss",
    "last modified",
    "permalink",
)
_CREDIT = re.compile(
    r"\b(?:adapted from images|images? (?:courtesy|source)|photo(?:graph)? (?:by|courtesy|credit)|"
    r"source of (?:the )?image)\b",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^(?:[^/\s][^/]{0,40}\s*/\s*){1,5}(?:[^/.!?]{0,40})?$")
SEPARATOR = re.compile(r"^(?:\*\s*){3,}$|^\*\s\*\s\*$")
OMISSION = re.compile(r"^\s*(?:<\s*(?:…|\.\.\.)\s*>|\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))\s*$")

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
_ANY_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + _ANY_MONTH + r")\.?"
# The days after the first of a meeting of several ("March 14–15", "March 30 – April 1", "14–15
# March"): the meeting is dated by its first.
_LATER_DAY = r"(?:\s*[–—-]\s*(?:(?:" + _ANY_MONTH + r")\.?\s+)?\d{1,2}(?:st|nd|rd|th)?)?"
_DATE = (
    r"(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _LATER_DAY + r",?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
    + _LATER_DAY
    + r"\s+(?P<month2>"
    + _ANY_MONTH
    + r")\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})"  # ISO, as a dump may write it
    r"|(?P<day4>\d{1,2})(?P<mark>[./])(?P<month4>\d{1,2})(?P=mark)(?P<year4>\d{4}))"  # figures: day first
)
_WEEKDAY = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
# "…, 2023, 14:00", "… 2023 14:00", "…, 3:30 pm", "…, 10:00–12:00": no part of the place.
_CLOCK = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
_TIME = r"(?:\s*,?\s*" + _CLOCK + r"(?:\s*[–—-]\s*" + _CLOCK + r")?)?"
DATE_LINE = re.compile(
    # A word before the date ("Kremlin.ru", "Published:") never ends in a digit: "30 October" is
    # no "3" and the 0th.
    r"^\(?\s*(?:[\w.]{0,29}[^\W\d]:?\s*)?(?:[–—-]\s*)?"
    + _WEEKDAY
    + _DATE
    + _TIME
    + r"(?:\s*,\s*(?P<place>(?:[^()]|\([^()]{1,60}\)){1,120}?))?\s*\)?\.?$",
    re.IGNORECASE,
)


def is_chrome(paragraph: str) -> bool:
    """A paragraph that belongs to the page, not to the transcript."""
    return is_chrome_clean(clean_spaces(paragraph))


def is_chrome_clean(p: str) -> bool:
    """`is_chrome` of a paragraph whose spaces are already cleaned (clean_spaces)."""
    low = p.casefold()
    if low in CHROME_EXACT or SEPARATOR.match(p):
        return True
    if len(p) <= 160 and low.startswith(CHROME_PREFIXES):
        return True
    if len(p) <= 200 and _CREDIT.search(p):
        return True
    if len(p) <= 80 and p.endswith("/") and _BREADCRUMB.match(p):
        return True
    if len(p) <= 80 and " / " in p and _BREADCRUMB.match(p) and not re.search(r"[.!?:,]$", p):
        return True
    return False


# A reposting site's furniture after the transcript: its link to the source, sharing and comment
# widgets, tags, a translator's credit, an end mark. Read only after the last remark, where no
# speaker's words follow (header.read_header), and whole paragraphs only.
_TRAILING_CHROME = re.compile(
    r"^(?:"
    r"(?:source|original|read more|read the original|link|tags?|tagged|categor(?:y|ies)|filed under|"
    r"share(?: this)?|like this|translation|photos?|photograph|images?)\s*:.{0,300}"
    r"|(?:print|share|tweet)(?:\s+(?:print|share|tweet))+"
    r"|(?:translated by|posted (?:in|on|by)|leave a (?:reply|comment)|cancel reply)\b.{0,300}"
    r"|(?:©|\(c\)|copyright\b)(?=.{0,60}(?:\b(?:19|20)\d\d\b|all rights reserved|\b[\w-]+\.[a-z]{2,}\b)).{0,200}"
    r"|twitter|tweet|facebook|telegram|vk|vkontakte|whatsapp|reddit|linkedin|tumblr|pinterest|email|e-mail|"
    r"print|more|like|(?:like )?loading\s*(?:\.\.\.|…)?|related(?: posts| articles| stories)?|"
    r"\d+ comments?|comments?|no comments(?: yet)?"
    r"|https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?"
    r"|[\[(](?:ends?|end of (?:the )?transcript|the end)[\])]\.?"
    r")$",
    re.IGNORECASE,
)


def is_trailing_chrome(paragraph: str) -> bool:
    """A reposting site's line after the transcript ended ("Source: <link>", "Share this:",
    "Tags: …", a bare link, "[Ends]")."""
    p = clean_spaces(paragraph)
    return len(p) <= 320 and bool(_TRAILING_CHROME.match(p))


# A dateline as news agencies and reposts write it, the place first: "Larkspur, March 3, 2023".
_PLACE_FIRST = re.compile(
    r"^(?P<place>[A-Z][^\d,()]{0,60}(?:,\s*[A-Z][^\d,()]{0,60}){0,2}),\s*"
    + _WEEKDAY
    + _DATE
    + _TIME
    + r"\.?$",
    re.IGNORECASE,
)
# A title with its date in the same line: "<Title> (March 3, 2023)", "<Title> – 3 March 2023".
_TITLE_AND_DATE = re.compile(
    r"^(?P<title>.{3,}?)\s*(?:[–—|-]|,|\()\s*" + _WEEKDAY + _DATE + r"\s*\)?\.?$",
    re.IGNORECASE,
)


_A_YEAR = re.compile(r"\d{4}")


def parse_date_line(paragraph: str, place_first: bool = True) -> tuple[datetime.date, str | None] | None:
    """'December 9, 2021, Novo-Ogaryovo, Moscow Region' -> (date, place); None if not a date line.
    The place may come first, as in a dateline ("Moscow, December 9, 2021"), unless `place_first`
    is false (a page's first line: "<Title>, 3 March 2023" is a title and its date)."""
    p = clean_spaces(paragraph)
    if len(p) > 160 or not _A_YEAR.search(p):
        return None  # (most paragraphs: no year, so no date)
    m = DATE_LINE.match(p) or (_PLACE_FIRST.match(p) if place_first else None)
    if not m:
        return None
    return _date_of(m)


def reads_either_way(paragraph: str) -> str | None:
    """The date of a date line written in figures that makes a date day first and month first
    ("03/10/2017"), as written; None for any other line. The parser reads it day first, as Russian
    sites write dates, and says so in the page's warnings."""
    m = DATE_LINE.match(clean_spaces(paragraph))
    if not m or not m.group("year4"):
        return None
    day, month = int(m.group("day4")), int(m.group("month4"))
    if day == month or day > 12 or month > 12:
        return None
    return f"{m.group('day4')}{m.group('mark')}{m.group('month4')}{m.group('mark')}{m.group('year4')}"


def split_title_and_date(paragraph: str) -> tuple[str, datetime.date] | None:
    """A title line that ends with its date ("<Title> (March 3, 2023)"): the title and the date."""
    p = clean_spaces(paragraph)
    m = _TITLE_AND_DATE.match(p) if len(p) <= 400 else None
    found = _date_of(m) if m else None
    return (m.group("title").strip(" ,–—-|"), found[0]) if m and found else None


def _date_of(m: re.Match) -> tuple[datetime.date, str | None] | None:
    if m.group("year3"):
        year, number, day = int(m.group("year3")), int(m.group("month3")), int(m.group("day3"))
    elif m.group("year4"):
        year, number, day = int(m.group("year4")), int(m.group("month4")), int(m.group("day4"))
        if number > 12 >= day:
            number, day = day, number  # "10/30/2017": only month first makes a date
    else:
        number = MONTHS[(m.group("month") or m.group("month2")).casefold().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        year = int(m.group("year") or m.group("year2"))
    try:
        date = datetime.date(year, number, day)
    except ValueError:
        return None
    place = m.groupdict().get("place")
    if place:
        place = place.strip(" ,.")
    return date, place or None


_REPOST_PREFIX = re.compile(r"^[\"“”«]?\s*(?:[A-Z][A-Z.]*\s+)*TRANSCRIPT\s*:\s*", re.IGNORECASE)
_LEADING_BRACKET = re.compile(r"^\[[^\]]{0,200}\]\s*")
_SUFFIXES = re.compile(
    r"\s*[”\"»]\s*[–—-]\s*[\w.][\w. ]{0,40}$"  # a closing quote, a dash, the reposting site
    r"|\s*[–—-]\s*Kremlin\s?(?:\.?ru)?\s*$"
    r"|\s*[”\"»]+\s*$"
    r"|\s*\((?:transcript[^)]*|excerpts?|part \d+[^)]*|continued|concluded|full text|video)\)\s*$",
    re.IGNORECASE,
)


def clean_title(paragraph: str) -> tuple[str, bool]:
    """A page heading or repost header as a title; also whether it says the text is excerpts."""
    title = clean_spaces(paragraph)
    excerpt = bool(re.search(r"\(excerpts?\)", title, re.IGNORECASE))
    title = _REPOST_PREFIX.sub("", title)
    title = _LEADING_BRACKET.sub("", title)
    previous = None
    while previous != title:
        previous = title
        title = _SUFFIXES.sub("", title).strip()
    title = title.strip(' "“”«»')
    return title, excerpt


def is_repost_header(paragraph: str) -> bool:
    return bool(_REPOST_PREFIX.match(clean_spaces(paragraph)))


_EXCERPT_HEADING = re.compile(r"\b(?:excerpts?|abridged|extracts?)\b", re.IGNORECASE)


def is_excerpt_heading(paragraph: str) -> bool:
    p = clean_spaces(paragraph)
    return len(p) <= 300 and bool(_EXCERPT_HEADING.search(p)) and not p.endswith("?")


def is_heading(paragraph: str) -> bool:
    """A short line without final punctuation ('Speech at the event …', a caption)."""
    p = clean_spaces(paragraph)
    return len(p) <= 200 and not re.search(r"[.!?:;,…)\"”’]$", p)


def is_caption(paragraph: str) -> bool:
    p = clean_spaces(paragraph)
    return len(p.split()) <= 10 and is_heading(p)
