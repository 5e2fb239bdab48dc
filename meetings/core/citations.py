"""How to cite one remark: plain text, BibTeX and CSL-JSON, from the same facts.

Pure Python: the page (meetings/web/) gathers the facts, this module only writes them out. Every
form names the archive, the speaker and the role they spoke in, the meeting, its date and place,
the permanent URL and the date it was read, the part of the meeting's page the remark is in when
the page heads one ("… comments to journalists following the meeting"), and says "(summary)"
when the text is a summary of what was said rather than the words themselves.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Remark:
    """The facts a citation of one remark needs."""

    archive: str  # the archive's name (settings.ARCHIVE_NAME)
    speaker: str  # the person's name, or the transcript's label ("Question") when there is none
    role: str  # the role written with the name in this meeting ('' when none)
    meeting: str  # the meeting's title
    date: datetime.date  # the meeting's date
    place: str  # '' when the transcript gives none
    url: str  # the remark's permanent URL, absolute
    key: str  # the remark's key in its meeting (the last part of the URL)
    meeting_slug: str
    accessed: datetime.date  # when the reader read it
    summary: bool  # a summary of what was said, not a verbatim quotation
    source: str = ""  # who published the transcript (settings.SOURCE_ATTRIBUTION), when known
    part: str = ""  # the heading of the part of the page the remark is in (Turn.section), if any
    named: bool = True  # a person is named; else `speaker` is the transcript's label ("Question"), or


def long_date(d: datetime.date) -> str:
    """'3 October 2022' (no leading zero, English month names, whatever the locale)."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


_MONTHS = "January February March April May June July August September October November December".split()


def plain(r: Remark) -> str:
    """Helena Marsh (Chair of the Harbour Board), “Meeting of the Harbour Board”, 3 October 2022,
    Larkspur (summary). Transcript Archive. https://… (accessed 3 December 2026)."""
    who = (
        r.speaker + (f" ({r.role})" if r.role else "")
        if r.named
        else "Unattributed remark" + _labelled(r, " (", ")")
    )
    where = f", {r.place}" if r.place else ""
    summary = " (summary)" if r.summary else ""
    source = f", from {r.source}" if r.source else ""
    return (
        f"{who}, “{r.meeting}”{_part(r)}, {long_date(r.date)}{where}{summary}. "
        f"{r.archive}{source}. {r.url} (accessed {long_date(r.accessed)})."
    )


def _part(r: Remark) -> str:
    """', part “<heading>”' for a remark in a headed part of the page; '' otherwise."""
    return f", part “{r.part}”" if r.part else ""


def _labelled(r: Remark, before: str, after: str = "") -> str:
    """'labelled “Question”' for a remark no one is named for, with what goes around it; '' when
    the transcript gave it no label either."""
    return f"{before}labelled “{r.speaker}”{after}" if r.speaker else ""


def citation_id(r: Remark) -> str:
    """One key for BibTeX and CSL-JSON: the meeting's slug and the remark's key, both permanent."""
    return f"{r.meeting_slug}:{r.key}"


_BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


def bibtex_text(value: str) -> str:
    """A value safe inside BibTeX braces: its special characters escaped, braces and backslashes
    (which would unbalance the entry) turned into their plain look-alikes."""
    value = value.replace("\\", "/").replace("{", "(").replace("}", ")")
    value = _BIBTEX_SPECIAL.sub(r"\\\1", value)
    return value.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def bibtex(r: Remark) -> str:
    """A @misc entry (biblatex reads date and urldate; classic BibTeX year, month, howpublished)."""
    kind = "Summary of remarks" if r.summary else "Remarks"
    by = (f" by {r.speaker}" + (f", {r.role}" if r.role else "")) if r.named else _labelled(r, " ")
    title = f"{kind}{by}, in “{r.meeting}”{_part(r)}"
    note = f"Accessed {long_date(r.accessed)}"
    if r.summary:
        note += "; a summary, not a verbatim quotation"
    fields = [
        # One literal name, not split by BibTeX; none for a label that names no one ("Question").
        ("author", "{{" + bibtex_text(r.speaker) + "}}" if r.named else ""),
        ("title", "{" + bibtex_text(title) + "}"),
        ("howpublished", "{" + bibtex_text(r.archive) + "}"),
        ("organization", "{" + bibtex_text(r.source) + "}" if r.source else ""),
        ("address", "{" + bibtex_text(r.place) + "}" if r.place else ""),
        ("date", "{" + r.date.isoformat() + "}"),
        ("year", "{" + str(r.date.year) + "}"),
        ("month", _MONTHS[r.date.month - 1][:3].lower()),  # unbraced: BibTeX's month macro
        ("url", "{" + r.url + "}"),
        ("urldate", "{" + r.accessed.isoformat() + "}"),
        ("note", "{" + bibtex_text(note) + "}"),
    ]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields if value)
    return f"@misc{{{citation_id(r)},\n{body}\n}}"


def _date_parts(d: datetime.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[d.year, d.month, d.day]]}


def csl(r: Remark) -> dict[str, object]:
    """A CSL-JSON item of type "speech" (CSL 1.0.2): what Zotero, Pandoc and citeproc read."""
    item: dict[str, object] = {
        "id": citation_id(r),
        "type": "speech",
        "title": ("Summary of remarks" if r.summary else "Remarks")
        + ("" if r.named else _labelled(r, " "))
        + f" in “{r.meeting}”{_part(r)}",
        "event-title": r.meeting,
        "issued": _date_parts(r.date),
        "accessed": _date_parts(r.accessed),
        "URL": r.url,
        "container-title": r.archive,
        "genre": "summary" if r.summary else "transcript",
    }
    if r.named:
        item["author"] = [{"literal": r.speaker}]
    if r.part:
        item["section"] = r.part
    if r.place:
        item["event-place"] = r.place
    if r.source:
        item["publisher"] = r.source
    notes = [f"Role: {r.role}"] if r.role else []
    if r.summary:
        notes.append("A summary of what was said, not a verbatim quotation")
    if notes:
        item["note"] = "; ".join(notes)
    return item


def csl_json(r: Remark) -> str:
    """The CSL-JSON file: a list of one item, readable (indented, non-ASCII kept)."""
    return json.dumps([csl(r)], ensure_ascii=False, indent=2)
