"""The plain-text export of a meeting."""

from __future__ import annotations

from collections.abc import Sequence

from meetings.core.contents import parts_opened
from meetings.core.leads import split_lead

from ..credit import SourceCredit
from .shared import Absolute, clean, human_date, paragraphs, speaker_name


def meeting_text(meeting, turns: Sequence, absolute: Absolute, credit: SourceCredit | None = None) -> str:
    """Title, date, place, the source's credit (when known), lead, then each turn as
    "Name (role): text", paragraphs kept. The page's own heading of the transcript, written as the
    lead's last line (core.leads), heads the remarks after the divider, as the meeting page shows it."""
    head = [clean(meeting.title), human_date(meeting.date)]
    if meeting.place:
        head.append(clean(meeting.place))
    if meeting.is_excerpt:
        head.append("Excerpts from the transcript")
    head.append(absolute(meeting.get_absolute_url()))
    if credit:
        head.append(clean(f"Source: {credit.sentence()}"))
    blocks = ["\n".join(head)]
    lead, transcript_heading = split_lead(meeting.description)
    blocks.extend(paragraphs(lead))
    blocks.append("* * *")
    if transcript_heading:
        blocks.append(clean(transcript_heading))
    for turn, opened in zip(turns, parts_opened(t.section for t in turns), strict=True):
        if opened:  # the remark opens a part of the page: its heading first
            blocks.extend(["* * *", clean(opened)] if blocks[-1] != "* * *" else [clean(opened)])
        who = speaker_name(turn)
        role = clean(turn.role)
        if role:
            who = f"{who} ({role})"
        if turn.kind == "summary":
            who = f"[Summary, not a verbatim quotation] {who}"
        paras = paragraphs(turn.text) or [""]
        blocks.append(f"{who}: {paras[0]}".rstrip())
        blocks.extend(paras[1:])
    return "\n\n".join(blocks) + "\n"
