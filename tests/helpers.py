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
