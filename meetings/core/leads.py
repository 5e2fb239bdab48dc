"""A meeting's lead and the heading of its transcript that a page writes as the lead's last line
("… made statements for the press." then "Press statements following the talks"): pure, no Django.

The source keeps both in one block of text before the first label; a reader wants the lead to
introduce the meeting and the heading to head the remarks it names."""

from __future__ import annotations

import re

# A heading: one line of a few words, opening with a capital, with no punctuation that ends a
# sentence, a clause, a list's introduction or a quotation.
MAX_HEADING_WORDS = 20
_NOT_A_HEADING_END = tuple(".!?…,;:)]”’\"'»")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def split_lead(description: str) -> tuple[str, str | None]:
    """(the lead, the transcript's heading) when the description's last paragraph is a heading
    after at least one paragraph of lead; else (the description, None)."""
    paragraphs = _PARAGRAPH_BREAK.split(description.strip()) if description else []
    if len(paragraphs) < 2:
        return description, None
    last = " ".join(paragraphs[-1].split())
    words = last.split(" ")
    if (
        not last[:1].isupper()
        or len(words) > MAX_HEADING_WORDS
        or last.endswith(_NOT_A_HEADING_END)
        or last.startswith(("“", '"', "«", "‘", "'"))
    ):
        return description, None
    return "\n\n".join(paragraphs[:-1]).rstrip(), last
