"""Bytes to text to paragraphs: encodings, line ends, hard-wrapped blocks."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from html.parser import HTMLParser

from .structure import TranscriptError

# Control characters, and the invisible ones: zero-width space, byte-order mark, soft hyphen (a
# line-break hint no reader sees, which kept a name from being read as one).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b\ufeff]")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode a transcript file; returns the text and warnings. Raises TranscriptError."""
    warnings: list[str] = []
    if not data.strip():
        raise TranscriptError("the file is empty")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise TranscriptError(
                    f"it starts with a {codec} byte-order mark but is not valid {codec}: {exc}"
                ) from None
            if codec != "utf-8":
                warnings.append(f"decoded as {codec.upper()} (byte-order mark)")
            return normalise_text(text), warnings
    if b"\x00" in data[:65536]:
        raise TranscriptError("it is a binary file, not text (it contains NUL bytes)")
    try:
        return normalise_text(data.decode("utf-8")), warnings
    except UnicodeDecodeError:
        pass
    codec = _guess_single_byte(data)
    warnings.append(f"not valid UTF-8: decoded as {codec}")
    text = data.decode(codec, errors="replace")
    if "\ufffd" in text:
        warnings.append(f"some bytes are not {codec} and were replaced")
    return normalise_text(text), warnings


def _guess_single_byte(data: bytes) -> str:
    """cp1251 (Cyrillic) when high bytes come in runs that form words, else cp1252."""
    high = re.findall(rb"[\xc0-\xff]{3,}", data)
    letters = sum(len(run) for run in high)
    all_high = len(re.findall(rb"[\x80-\xff]", data))
    if letters >= 6 and letters >= 0.5 * all_high:
        return "cp1251"
    return "cp1252"


# Markup a scraped repost may keep: HTML's character references ("&nbsp;", "&#8217;") and its
# text tags. Blocks and line breaks end a paragraph; the other tags go. "<…>", the source's mark
# of words left out, is no tag.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# The elements that end a paragraph in a text with markup left in it; a whole page has more
# (_DocumentText.BLOCKS).
_BLOCK_ELEMENTS = tuple("p div li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table".split())
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(_BLOCK_ELEMENTS)})\b[^<>]{{0,300}}>|<br\s*/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:strong|b|i|em|u|span|a|font|small|sup|sub|td|th|tbody|thead)\b[^<>]{0,300}>", re.IGNORECASE
)


# A line opening in markdown's bold ("**Name:** text", "**Name**: text"): the marks go.
_BOLD_OPENING = re.compile(r"(?m)^([ \t]*)(\*\*|__)([^*_\n]{1,200}?)\2")


# A page saved whole ("<!DOCTYPE html>", "<html …>"), not a text with some markup left in it.
_HTML_DOCUMENT = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE\s+html\b|<html\b)", re.IGNORECASE)


class _DocumentText(HTMLParser):
    """The text a browser shows of a whole page: what the head, scripts, styles, navigation and
    footer hold is none of it; every block element ends a paragraph; inside one, any run of white
    space (line ends included) is one space."""

    HIDDEN = frozenset({"head", "title", "script", "style", "noscript", "template", "svg", "nav", "footer"})
    BLOCKS = frozenset(_BLOCK_ELEMENTS) | {
        "br", "hr", "dl", "dt", "dd", "pre", "article", "section", "main", "header", "aside", "figure",
        "figcaption", "address", "body", "html",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # the hidden elements open around the parser's place

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.HIDDEN:
            self.hidden.append(tag)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"[ \t\n\r\f]+", " ", data))

    def text(self) -> str:
        return re.sub(r" *\n\n[\n ]*", "\n\n", "".join(self.parts)).strip() + "\n"


def document_text(text: str) -> str:
    """The text of a page saved whole as HTML, as a browser shows it (`_DocumentText`)."""
    reader = _DocumentText()
    reader.feed(text)
    reader.close()
    return reader.text()


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # One spelling of every accented letter: "C" and a combining caron is "Č", as a name's
    # patterns and the lists of known names write it.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\uff1a" in text:  # a full-width colon, as East Asian keyboards type it after a label
        text = text.replace("\uff1a", ":")
    if _HTML_DOCUMENT.match(text):
        text = document_text(text)
    else:
        if "<" in text:
            text = _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n\n", text))
        if "&" in text and _ENTITY.search(text):
            text = html.unescape(text)
    if "**" in text or "__" in text:
        text = _BOLD_OPENING.sub(r"\1\3", text)
    return _CONTROL.sub("", text)


def split_paragraphs(text: str) -> list[str]:
    """One paragraph a line; hard-wrapped blocks (every line short, none ending a sentence)
    are joined back into one paragraph."""
    blocks = re.split(r"\n[ \t\u00a0]*\n", text)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    wrapped = (
        bool(lines)
        and len(lines) >= 20
        and max(len(ln) for ln in lines) <= 100
        and (sum(1 for b in blocks if b.count("\n") >= 2) >= max(2, len(blocks) // 4))
    )
    paragraphs: list[str] = []
    for block in blocks:
        block_lines = [ln.strip(" \t\u00a0") for ln in block.split("\n")]
        block_lines = [ln for ln in block_lines if ln]
        if not block_lines:
            continue
        if wrapped:
            paragraphs.append(" ".join(block_lines))
        else:
            paragraphs.extend(block_lines)
    return paragraphs
