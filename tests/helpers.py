"""Constants and plain helpers shared by several test modules (fixtures are in conftest.py).

Test modules import from here, never from one another or from conftest.py.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent  # the repository (tests/ is one of its folders)
SHARED = Path(os.environ.get("ARCHIVE_SHARED_DIR", ROOT.parent / "shared"))
SAMPLE_DATA = ROOT / "sample_data"
DATA = ROOT / "tests" / "data"  # files the tests read: topic labels, the attribution gold set

# An invented transcript: one meeting, two people, a label with no person ("Remark").
MEETING = """Meeting of the Harbour Board

October 3, 2022, Harbour Hall, Larkspur

Helena Marsh chaired a meeting of the Harbour Board.

Chair of the Harbour Board Helena Marsh: Good morning.

Port Director Tomas Reyes: The quay needs repairs.

Helena Marsh: How much will it cost?

Tomas Reyes: Two million.

Remark: Too much.

Helena Marsh: Thank you all.
"""


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or skip the test when this clone has none."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the real sample transcripts are not in this clone")
    return path


def ingest(*paths, **kwargs) -> str:
    """Run ingest_transcripts on the paths; its output (stdout then stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest_transcripts", *map(str, paths), stdout=out, stderr=err, **kwargs)
    return out.getvalue() + err.getvalue()


# Invented people, far enough apart that no two are taken for one person.
GIVEN = ["Ines", "Piotr", "Mara", "Tobias", "Lena", "Oskar", "Wanda", "Felix", "Greta", "Hugo"]
SURNAMES = [
    "Abernathy",
    "Brightwater",
    "Castellan",
    "Dunmore",
    "Everleigh",
    "Fairbanks",
    "Gallowglass",
    "Hawthorne",
    "Ironside",
    "Jessamine",
    "Kettleby",
    "Lockhart",
    "Merriweather",
    "Northcott",
    "Oakenshield",
    "Pemberton",
    "Quenby",
    "Ravenscroft",
    "Stillwater",
    "Thistlewood",
]


def press_conference(
    questions: int = 20, lead: str = "The Mayor answered questions from journalists."
) -> str:
    """An invented news conference of 2 × `questions` + 2 remarks: journalists ask, the mayor
    answers (at most 20 distinct journalists, then they ask again)."""
    lines = [
        "Annual news conference of the Mayor of Larkspur",
        "",
        "January 25, 2024, City Hall, Larkspur",
        "",
        lead,
        "",
        "Mayor of Larkspur Helena Marsh: Good afternoon, colleagues. Let us begin.",
        "",
    ]
    for i in range(questions):
        first, last = GIVEN[i % len(GIVEN)], SURNAMES[i % len(SURNAMES)]
        lines += [
            f"{first} {last}: Good afternoon, Larkspur Gazette. When will ferry line {i} reopen for the winter?",
            "",
            f"Helena Marsh: Ferry line {i} reopens in March, after the repairs. " * 4,
            "",
        ]
    lines += ["Helena Marsh: Thank you, everyone.", ""]
    return "\n".join(lines)
