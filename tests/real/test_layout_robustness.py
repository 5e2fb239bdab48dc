"""The parser reads a real page the same however a dump or a repost lays its text out (skipped
when ../shared is absent): line ends, spaces, blank lines, a byte-order mark, HTML's no-break
space, markup a scrape keeps, a label on a line of its own. Every turn is compared: kind, label, name, role, part and text."""

from __future__ import annotations

import re

import pytest

from meetings.core.parser import TranscriptError, parse_transcript
from tests.helpers import shared_dir

# A label at a paragraph's start: a capitalised prefix and a colon (enough to place the markup).
_LABEL = re.compile(r"^([A-Z][^:\n]{2,80}):[ ]", re.MULTILINE)

LAYOUTS = {
    "CRLF line ends": lambda s: s.replace("\n", "\r\n"),
    "trailing spaces": lambda s: s.replace("\n", " \n"),
    "doubled blank lines": lambda s: s.replace("\n\n", "\n\n\n"),
    "single line breaks": lambda s: s.replace("\n\n", "\n"),
    "indented paragraphs": lambda s: s.replace("\n\n", "\n\n\t"),
    "a byte-order mark": lambda s: "\ufeff" + s,
    "a no-break space inside labels": lambda s: _LABEL.sub(
        lambda m: m.group(1).replace(" ", "\u00a0") + ": ", s
    ),
    "HTML paragraphs and entities": lambda s: "\n".join(
        f"<p>{p.replace('’', '&#8217;')}</p>" for p in s.split("\n\n")
    ),
    "labels in bold": lambda s: _LABEL.sub(lambda m: f"<strong>{m.group(1)}:</strong> ", s),
    "labels on their own lines": lambda s: _LABEL.sub(lambda m: f"{m.group(1)}:\n\n", s),
}


def _pages() -> list[str]:
    """Every page of the dump and the corpus with two speakers or more."""
    paths = sorted(shared_dir("dump", "kremlin-en").glob("*.txt")) + sorted(
        shared_dir("corpus", "kremlin-en").glob("*.txt")
    )
    texts = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            transcript = parse_transcript(text)
        except TranscriptError:
            continue
        if len({t.name for t in transcript.turns if t.name}) >= 2:
            texts.append(text)
    return texts


def _reading(text: str) -> list[tuple]:
    transcript = parse_transcript(text)
    return [
        (t.kind, t.name, t.role, t.generic, t.section, " ".join(t.text.split())) for t in transcript.turns
    ]


@pytest.fixture(scope="module")
def pages() -> list[str]:
    return _pages()


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_real_page_reads_the_same_in_every_layout(pages, layout):
    assert len(pages) >= 50
    rewrite = LAYOUTS[layout]
    differ = [i for i, text in enumerate(pages) if _reading(rewrite(text)) != _reading(text)]
    assert differ == [], f"{layout}: {len(differ)} of {len(pages)} pages read otherwise"


_WHOLE_IN_BRACKETS = re.compile(r"(?m)^\(([^()\n]*)\)$")


def test_a_real_page_reads_the_same_with_square_brackets(pages):
    # A repost may bracket the site's summaries and notes in square brackets: every remark goes
    # to the same person, and every summary stays one.
    rebracketed = 0
    differ = []
    for text in pages:
        squared = _WHOLE_IN_BRACKETS.sub(r"[\1]", text)
        if squared == text:
            continue
        rebracketed += 1
        before = [(t.kind, t.name, t.generic) for t in parse_transcript(text).turns]
        if [(t.kind, t.name, t.generic) for t in parse_transcript(squared).turns] != before:
            differ.append(text.split("\n", 1)[0])
    assert rebracketed >= 20
    assert differ == [], f"{len(differ)} of {rebracketed} pages read otherwise: {differ}"
