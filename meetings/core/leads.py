"""A meeting's lead and the heading of its transcript that a page writes as the lead's last line
("… made statements for the press." then "Press statements following the talks"): pure, no Django.

The source keeps both in one block of text before the first label; a reader wants the lead to
introduce the meeting and the heading to head the remarks it names."""

from __future__ import annotations

from .typography import ENDS_PUNCTUATED, PARAGRAPH_BREAK

# A heading: one line of a few words, opening with a capital, not ending as a sentence, a clause,
# a list's introduction or a quotation does (typography.ENDS_PUNCTUATED), nor opening a quotation.
MAX_HEADING_WORDS = 20


def split_lead(description: str) -> tuple[str, str | None]:
    """(the lead, the transcript's heading) when the description's last paragraph is a heading
    after at least one paragraph of lead; else (the description, None)."""
    paragraphs = PARAGRAPH_BREAK.split(description.strip()) if description else []
    if len(paragraphs) < 2:
        return description, None
    last = " ".join(paragraphs[-1].split())
    words = last.split(" ")
    if (
        not last[:1].isupper()
        or len(words) > MAX_HEADING_WORDS
        or last.endswith(ENDS_PUNCTUATED)
        or last.startswith(("“", '"', "«", "‘", "'"))
    ):
        return description, None
    return "\n\n".join(paragraphs[:-1]).rstrip(), last
