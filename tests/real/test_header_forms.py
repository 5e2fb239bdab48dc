"""The parser reads a real page the same however a repost writes its date or arranges its header
(skipped when ../shared is absent). Every page of the dump with two speakers or more is read again
with its date line written another way, or its title and date line arranged another way, and must
give the same title, date and remarks (who and what), and the place where the line still gives it.
"""

from __future__ import annotations

import re

import pytest

from meetings.core.parser import TranscriptError, parse_transcript
from tests.helpers import shared_dir

_MONTHS = "January February March April May June July August September October November December".split()
_DATE_LINE = re.compile(r"^\w+ \d{1,2}, \d{4}(?P<rest>.*)$", re.DOTALL)

DATES = {
    "day first": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    "ISO": lambda d: d.isoformat(),
    "figures with dots": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "figures with slashes": lambda d: f"{d.day}/{d.month}/{d.year}",
    "a weekday": lambda d: f"{d.strftime('%A')}, {_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "a short month": lambda d: f"{_MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
}
HEADERS = {
    "the date above the title": lambda title, date, rest: [date, title, *rest],
    "the title in capitals": lambda title, date, rest: [title.upper(), date, *rest],
    "no blank line after the title": lambda title, date, rest: [f"{title}\n{date}", *rest],
    "the place on a line of its own": lambda title, date, rest: [
        title,
        *_DATE_AND_PLACE.split(date, 1),
        *rest,
    ],
}
# "Month D, YYYY, Place": the date, then the place.
_DATE_AND_PLACE = re.compile(r"(?<=\d{4}), ")


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, list[str], object]]:
    """(file name, paragraphs, transcript) of every dump page with two speakers or more."""
    out = []
    for path in sorted(shared_dir("dump", "kremlin-en").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        try:
            transcript = parse_transcript(text)
        except TranscriptError:
            continue
        paragraphs = text.split("\n\n")
        if len({t.name for t in transcript.turns if t.name}) >= 2 and _DATE_LINE.match(paragraphs[1]):
            out.append((path.name, paragraphs, transcript))
    return out


def _differs(before, text: str, place: bool) -> str | None:
    try:
        after = parse_transcript(text)
    except TranscriptError as exc:
        return str(exc)
    if (after.title.casefold(), after.date) != (before.title.casefold(), before.date):
        return f"title and date read as {after.title!r}, {after.date}"
    if place and after.place != before.place:
        return f"place read as {after.place!r}"
    if [(t.name, t.text) for t in after.turns] != [(t.name, t.text) for t in before.turns]:
        return "remarks read otherwise"
    return None


@pytest.mark.parametrize("form", list(DATES))
def test_a_real_page_reads_the_same_with_its_date_written_otherwise(pages, form):
    assert len(pages) > 300
    differ = []
    for name, paragraphs, before in pages:
        line = DATES[form](before.date) + _DATE_LINE.match(paragraphs[1]).group("rest")
        why = _differs(before, "\n\n".join([paragraphs[0], line, *paragraphs[2:]]), place=True)
        if why:
            differ.append(f"{name}: {why}")
    assert differ == [], f"{form}: " + "; ".join(differ[:10])


@pytest.mark.parametrize("form", list(HEADERS))
def test_a_real_page_reads_the_same_with_its_header_arranged_otherwise(pages, form):
    differ = []
    for name, paragraphs, before in pages:
        text = "\n\n".join(HEADERS[form](paragraphs[0], paragraphs[1], paragraphs[2:]))
        why = _differs(before, text, place=True)
        if why:
            differ.append(f"{name}: {why}")
    assert differ == [], f"{form}: " + "; ".join(differ[:10])
