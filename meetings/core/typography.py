"""Spaces and cuts as a reader sees them: no-break spaces only where they bind, excerpts that end
on whole words.

Applied at render (the template filters in meetings/web/templatetags/transcript.py and the search
snippets): the stored text keeps the source's characters, so search, keys and exports are not
affected, and a change of these rules needs no re-ingest.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

# Words and symbols that a number binds to ("5 km", "12 %", "3 billion"). Lower case.
UNITS = frozenset(
    """% ‰ °c °f ° km km2 m m2 m3 cm mm kg g t mg l ml kw kwh mw mwh gw gwh mbps gb mb tb
    per percent cent hour hours hr h min minutes sec seconds s day days week weeks month months
    year years yr yrs km/h mph
    thousand million billion trillion bn mln tn tonnes tons tonne ton kilometres kilometers metres meters
    roubles rubles rouble ruble dollars dollar euros euro pounds yuan rupees
    people persons times""".split()
)
CURRENCY = frozenset("$ € £ ¥ ₽ rub usd eur".split())
NUMBER_SIGNS = frozenset("no. nos. № # p. pp. art. para. vol.".split())

_MARKERS = "\x02\x03"  # highlight markers (meetings.derived.search.START, STOP) are not part of a word
_TOKEN = re.compile(r"[^\s\u00a0\u202f]+")
_INITIAL = re.compile(r"^(?:[A-Z]\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]?\.)$")  # "A." "A.B." "Yu."


def _binds(before: str, after: str) -> bool:
    """Whether a no-break space between these two tokens keeps them together on purpose."""
    before, after = before.strip(_MARKERS), after.strip(_MARKERS)  # search highlights around a word
    if not before or not after:
        return False
    b, a = before.lower(), after.lower().rstrip(".,;:!?)»”\"'")
    if before[-1].isdigit() and (a in UNITS or a[:1].isdigit() or a in CURRENCY):
        return True  # 5 km, 4 870 (a digit group), 30 %
    if (b in CURRENCY or b in NUMBER_SIGNS) and after[:1].isdigit():
        return True  # $ 5, No. 12
    return bool(_INITIAL.match(before)) and after[:1].isupper()  # A. Smith, V. V. Smith


# A blank line between two paragraphs (a no-break space is text, not blank).
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# What a paragraph that ends a sentence, a clause, a quotation or a cut line ends with; one that
# ends otherwise is a heading or a sub-headline.
ENDS_PUNCTUATED = tuple(".!?,;:…)]”’\"'»–—-")


def tidy_spaces(text: str) -> str:
    """The text with each no-break space (U+00A0, U+202F) that binds nothing made an ordinary
    space, so lines break where a reader expects; between a number and its unit, digit groups,
    a currency or number sign and its figure, and initials and a surname, it stays."""
    if NBSP not in text and NARROW_NBSP not in text:
        return text
    out = []
    pos = 0
    for m in re.finditer(r"[\u00a0\u202f]+", text):
        before = _last_token(text, m.start())
        after = _first_token(text, m.end())
        out.append(text[pos : m.start()])
        out.append(NBSP if _binds(before, after) else " ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def paragraphs(text: str) -> list[str]:
    """A turn's paragraphs as pages show them (tidy_spaces), the empty ones left out."""
    return [p for p in tidy_spaces(text or "").split("\n\n") if p.strip()]


def _last_token(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _first_token(text: str, start: int) -> str:
    m = _TOKEN.match(text, start)
    return m.group(0) if m else ""


ELLIPSIS = "…"


def cut_at_word(text: str, length: int) -> str:
    """At most `length` characters of `text`, ending on a whole word, with "…" when cut."""
    if len(text) <= length:
        return text
    head = text[:length]
    if text[length] != " " and " " in head.strip():  # the cut falls inside a word (or a bound
        head = head.rsplit(" ", 1)[0]  # pair such as "5 km"): go back to its start
    return head.rstrip(" ,;:–—-") + ELLIPSIS


def whole_word_fragments(fragments: list[str], source: str, marks: str = "") -> list[str]:
    """Fragments of `source` (such as PostgreSQL's ts_headline gives, which may start or end
    inside a word: "sanction-free countr") trimmed to whole words, with "…" where the fragment
    starts after the beginning of the source or ends before its end. `marks` are characters that
    the fragments hold and the source does not (highlight markers); they are ignored for the
    comparison. A fragment not found in the source is returned unchanged."""
    drop = str.maketrans("", "", marks) if marks else None
    out = []
    for frag in _joined(fragments, source, drop):
        plain = frag.translate(drop) if drop else frag
        stripped = plain.strip()
        at = source.find(stripped) if stripped else -1
        if at < 0:
            out.append(frag)
            continue
        frag = frag.strip()
        end = at + len(stripped)
        if end < len(source) and source[end].isalnum() and stripped[-1].isalnum():
            frag = frag.rsplit(None, 1)[0] if len(frag.split()) > 1 else frag
        if at > 0 and source[at - 1].isalnum() and stripped[0].isalnum():
            frag = frag.split(None, 1)[1] if len(frag.split()) > 1 else frag
        frag = _balanced(frag, marks)
        if at > 0:
            frag = ELLIPSIS + " " + frag
        if end < len(source):
            frag = frag + " " + ELLIPSIS
        out.append(frag)
    return out


JOINED_GAP = 3  # words or fewer between two fragments: shown, not replaced by "…"


def _joined(fragments: list[str], source: str, drop: dict | None) -> list[str]:
    """The fragments, each that starts where the one before it ends in `source`, or a few words
    (JOINED_GAP) after it, joined to it with the source's text between them: ts_headline's
    passages may touch ("… Vladimir" and "Putin. …"), and an omission mark between them would
    stand where the text leaves nothing out (or only "of the", or a comma)."""
    out: list[str] = []
    end = -1  # where the last fragment found ends in the source
    for frag in fragments:
        stripped = (frag.translate(drop) if drop else frag).strip()
        at = source.find(stripped, max(end, 0)) if stripped else -1
        if at < 0 and stripped:
            at = source.find(stripped)
        if at >= 0 and out and 0 <= end <= at and len(source[end:at].split()) <= JOINED_GAP:
            out[-1] = out[-1].rstrip() + source[end:at] + frag.strip()
        else:
            out.append(frag)
        end = at + len(stripped) if at >= 0 else -1
    return out


def _balanced(frag: str, marks: str) -> str:
    """A start marker left open by a cut is closed (marks = start and stop characters)."""
    if len(marks) != 2:
        return frag
    start, stop = marks[0], marks[1]
    if frag.count(start) > frag.count(stop):
        frag += stop
    if frag.count(stop) > frag.count(start):
        frag = frag.replace(stop, "", frag.count(stop) - frag.count(start))
    return frag
