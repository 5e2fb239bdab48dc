"""What every export format shares: text made safe for all of them, and the archive's URLs.

Builders in text.py, json_format.py, akn.py and popolo.py are pure: each takes objects already
loaded by the view (a meeting and its turns with their speakers; people with their aliases and
roles) and an `absolute` function that turns a path into an absolute URL, and returns the
document. No queries are made there, so a view's query count does not grow with the size of a
meeting or of a page of people.

Every piece of transcript text goes through `clean()`: characters that XML 1.0 cannot carry
(control characters, lone surrogates, U+FFFE/U+FFFF) are removed, so that all formats carry the
same text and the XML is always well formed. Markup in the text ("<script>") is text: lxml escapes
it in XML, and the JSON escapes "<", ">" and "&" as \\u003c, \\u003e and \\u0026.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.urls import reverse

Absolute = Callable[[str], str]

# C0 controls but tab and newline, DEL, C1 controls, surrogates and the two non-characters XML 1.0
# forbids. (CR never reaches the archive: ingest turns CRLF and CR into LF.)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Text safe for every export format: no control characters, nothing XML 1.0 forbids."""
    return _UNSAFE.sub("", text or "")


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a turn or lead (blank-line separated), cleaned, empty ones dropped."""
    return [p.strip() for p in clean(text).split("\n\n") if p.strip()]


def human_date(value) -> str:
    return f"{value.day} {value:%B %Y}"


def speaker_name(turn) -> str:
    """The person's archive name, else the label as written ("Remark", "Question")."""
    if turn.speaker_id and turn.speaker is not None:
        return clean(turn.speaker.name)
    return clean(turn.speaker_label) or ("Participants" if turn.kind == "summary" else "Unattributed")


def export_urls(meeting, absolute: Absolute) -> dict[str, str]:
    slug = {"slug": meeting.slug}
    return {
        "html": absolute(meeting.get_absolute_url()),
        "text": absolute(reverse("export_meeting_text", kwargs=slug)),
        "json": absolute(reverse("export_meeting_json", kwargs=slug)),
        "akn": absolute(reverse("export_meeting_akn", kwargs=slug)),
    }


def turn_url(meeting, turn) -> str:
    return reverse("meetings:turn", kwargs={"slug": meeting.slug, "key": turn.key})
