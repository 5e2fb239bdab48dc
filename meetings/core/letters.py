"""Latin letters with marks ("é", "ü", "Č", "ł") and the plain letter each is read as.

One table for every reader of the text that must not tell "Čeferin" from "Ceferin": the topic
extractor (meetings.core.topics.phrases), search (the SQL function archive_unmarked, whose
translate() holds the same two strings: a test compares them) and the highlights of a search.
Each letter is read as one letter, so a span of the unmarked text is the same span of the text.
"""

from __future__ import annotations

import re

from meetings.core.parser.names import PLAIN_LETTERS, strip_accents


def _unmarked_letters() -> dict[str, str]:
    """Each Latin letter with a mark (U+00C0 to U+024F) and the letter the parser's strip_accents
    makes of it; the few that Unicode does not make of another ("ł", "ø", "ı") with theirs."""
    letters = {chr(code): plain for code, plain in PLAIN_LETTERS.items()}
    for letter in map(chr, range(0xC0, 0x250)):
        base = strip_accents(letter)[:1]  # ("ĳ" is "ij": its first letter)
        if base != letter and base.isascii() and base.isalpha():
            letters[letter] = base
    return letters


def _marked_forms(unmarked_letters: dict[str, str]) -> dict[str, str]:
    """Each plain letter and its letters with marks: "c" -> "çćĉċč"."""
    forms: dict[str, str] = {}
    for letter, plain in sorted(unmarked_letters.items()):
        forms[plain] = forms.get(plain, "") + letter
    return forms


UNMARKED = _unmarked_letters()
MARKED = re.compile("[" + "".join(sorted(UNMARKED)) + "]")
_MARKED_FORMS = _marked_forms(UNMARKED)


def unmarked(text: str) -> str:
    """`text` with each letter with a mark as its plain letter, one for one (`text` itself, the
    same object, when it has none)."""
    if text.isascii():
        return text
    # (str.translate with a table of 269 letters reads every character of a long remark through
    # it: far slower than finding the few letters with marks a remark holds)
    return MARKED.sub(_plain_letter, text) if MARKED.search(text) else text


def _plain_letter(match: re.Match) -> str:
    return UNMARKED[match.group()]


def any_marks_pattern(plain: str) -> str:
    """A regular expression of `plain` (already escaped) in which each letter also matches its
    letters with marks, in both cases ("ceferin" matches "Čeferin"); other characters as given."""
    out = []
    for ch in plain:
        forms = _MARKED_FORMS.get(ch.lower(), "") + _MARKED_FORMS.get(ch.upper(), "")
        out.append(f"[{ch}{forms}]" if forms else ch)
    return "".join(out)
