"""The parser reads a real page the same however a dump or a repost lays its text out (skipped
when ../shared is absent): line ends, spaces, blank lines, a byte-order mark, HTML's no-break
space, markup a scrape keeps, a label on a line of its own, lines wrapped short, accents written
as combining marks, the page saved whole as HTML, long paragraphs split in two; and its typography (quotes, dashes, dots). Every turn is compared: kind, label, name, role, part and text."""

from __future__ import annotations

import re
import textwrap
import unicodedata

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
    "lines wrapped at 72 characters": lambda s: "\n\n".join(
        "\n".join(textwrap.wrap(p, 72, break_on_hyphens=False, break_long_words=False))
        for p in s.split("\n\n")
    ),
    "accents as combining marks": lambda s: unicodedata.normalize("NFD", s),
    "a page saved whole as HTML": lambda s: _html_document(s),
    "long paragraphs split in two": lambda s: "\n\n".join(_split_long(p) for p in s.split("\n\n")),
}

# A sentence's end inside a paragraph: a repost may break a long paragraph there.
_SENTENCE_END = re.compile(r"(?<=[a-z]{3}[.!?]) (?=[A-Z][a-z])")


def _split_long(paragraph: str) -> str:
    """A long paragraph of four sentences or more as two, split at the middle sentence's end."""
    sentences = _SENTENCE_END.split(paragraph)
    if len(paragraph) < 400 or len(sentences) < 4:
        return paragraph
    half = len(sentences) // 2
    return " ".join(sentences[:half]) + "\n\n" + " ".join(sentences[half:])


# Typography a repost may change: the page's words are the same but for these characters, so the
# reading must be the same once its own text is changed alike.
TYPOGRAPHY = {
    "straight quotes": lambda s: s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"'),
    "dashes as hyphens": lambda s: s.replace("—", "--").replace("–", "-"),
    "three dots for an ellipsis": lambda s: s.replace("…", "..."),
    "a full stop after Mr and Dr": lambda s: re.sub(r"\b(Mr|Mrs|Ms|Dr)(?= [A-Z])", r"\1.", s),
}


def _html_document(text: str) -> str:
    """The page as a browser saves it: a head with its title, style and script, navigation, the
    title as a heading, each paragraph an element with its apostrophes as entities, a footer."""
    title, _, rest = text.partition("\n\n")
    body = "\n".join(f'<p class="text">{p.replace("’", "&rsquo;")}</p>' for p in rest.split("\n\n"))
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        "<style>\np { margin: 0 }\n</style>\n<script>\nif (a < b) { go(); }\n</script>\n</head>\n<body>\n"
        '<nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav>\n<main><article>\n'
        f"<h1>{title}</h1>\n{body}\n</article></main>\n<footer><p>Contacts</p></footer>\n</body>\n</html>\n"
    )


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


@pytest.mark.parametrize("typography", list(TYPOGRAPHY))
def test_a_real_page_reads_the_same_in_other_typography(pages, typography):
    rewrite = TYPOGRAPHY[typography]
    differ = [
        i
        for i, text in enumerate(pages)
        if _reading(rewrite(text))
        != [tuple(rewrite(v) if isinstance(v, str) else v for v in t) for t in _reading(text)]
    ]
    assert differ == [], f"{typography}: {len(differ)} of {len(pages)} pages read otherwise"


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
