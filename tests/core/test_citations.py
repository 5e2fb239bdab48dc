"""Citations of a remark: plain text, BibTeX and CSL-JSON name the same facts."""

from __future__ import annotations

import dataclasses
import datetime
import json

from meetings.core import citations

REMARK = citations.Remark(
    archive="Harbour Records",
    speaker="Helena Marsh",
    role="Chair of the Harbour Board",
    meeting="Meeting of the Harbour Board",
    date=datetime.date(2022, 10, 3),
    place="Harbour Hall, Larkspur",
    url="https://archive.example/meetings/2022-10-03-meeting-of-harbour-board/helena-marsh-2/",
    key="helena-marsh-2",
    meeting_slug="2022-10-03-meeting-of-harbour-board",
    accessed=datetime.date(2026, 12, 3),
    summary=False,
)


def test_plain_text_names_archive_speaker_role_meeting_date_place_url_and_access_date():
    text = citations.plain(REMARK)
    assert text == (
        "Helena Marsh (Chair of the Harbour Board), “Meeting of the Harbour Board”, 3 October 2022, "
        "Harbour Hall, Larkspur. Harbour Records. "
        "https://archive.example/meetings/2022-10-03-meeting-of-harbour-board/helena-marsh-2/ "
        "(accessed 3 December 2026)."
    )


def test_a_summary_says_so_in_every_form():
    summary = citations.Remark(**{**REMARK.__dict__, "summary": True})
    assert "3 October 2022, Harbour Hall, Larkspur (summary)." in citations.plain(summary)
    assert "not a verbatim quotation" in citations.bibtex(summary)
    assert citations.csl(summary)["genre"] == "summary"
    assert "(summary)" not in citations.plain(REMARK)


def test_the_source_is_named_when_set_and_place_and_role_left_out_when_unknown():
    bare = citations.Remark(
        **{**REMARK.__dict__, "role": "", "place": "", "source": "Harbour Board Press Office"}
    )
    text = citations.plain(bare)
    assert text.startswith("Helena Marsh, “Meeting of the Harbour Board”, 3 October 2022. ")
    assert "Harbour Records, from Harbour Board Press Office." in text
    assert "address" not in citations.bibtex(bare)
    assert "event-place" not in citations.csl(bare)
    assert citations.csl(bare)["publisher"] == "Harbour Board Press Office"


def test_bibtex_entry_is_balanced_and_escapes_special_characters():
    odd = citations.Remark(**{**REMARK.__dict__, "meeting": "Budget 100% & Tax_Rates {draft} #2"})
    entry = citations.bibtex(odd)
    assert entry.startswith("@misc{2022-10-03-meeting-of-harbour-board:helena-marsh-2,\n")
    assert entry.count("{") == entry.count("}")
    assert r"100\% \& Tax\_Rates (draft) \#2" in entry
    assert "  author = {{Helena Marsh}},\n" in entry
    assert "  month = oct,\n" in entry
    assert "  urldate = {2026-12-03},\n" in entry
    assert f"  url = {{{REMARK.url}}},\n" in entry


def test_csl_json_is_one_speech_item_with_dates_as_date_parts():
    items = json.loads(citations.csl_json(REMARK))
    assert len(items) == 1
    item = items[0]
    assert item["type"] == "speech"
    assert item["id"] == "2022-10-03-meeting-of-harbour-board:helena-marsh-2"
    assert item["author"] == [{"literal": "Helena Marsh"}]
    assert item["issued"] == {"date-parts": [[2022, 10, 3]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 3]]}
    assert item["container-title"] == "Harbour Records"
    assert item["URL"] == REMARK.url
    assert item["event-place"] == "Harbour Hall, Larkspur"
    assert "Chair of the Harbour Board" in item["note"]


def test_a_remark_in_a_headed_part_of_the_page_is_cited_with_the_part():
    """Said to journalists after the meeting, not in it: every form names the part of the page the
    remark is in, after the meeting; a remark in no part names none."""
    part = "Helena Marsh's comments to journalists following the meeting"
    r = dataclasses.replace(REMARK, part=part)
    assert citations.plain(r).startswith(
        f"Helena Marsh (Chair of the Harbour Board), “Meeting of the Harbour Board”, part “{part}”, "
        "3 October 2022, "
    )
    assert f"in “Meeting of the Harbour Board”, part “{part}”" in citations.bibtex(r)
    item = citations.csl(r)
    assert item["section"] == part and item["title"].endswith(
        f"in “Meeting of the Harbour Board”, part “{part}”"
    )
    assert "part" not in citations.plain(REMARK) and "section" not in citations.csl(REMARK)
