"""Expected-output ("golden") files for the parser: each invented transcript in golden/ and in
sample_data/ beside its expected structure as JSON.

After a deliberate change to the parser, regenerate them and review the diff like code:

    make golden          # or: pytest tests/core/test_golden.py --regenerate-golden
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetings.core.parser import TranscriptError, parse_transcript

HERE = Path(__file__).resolve().parent / "golden"
SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"
INPUTS = sorted(HERE.glob("*.txt")) + sorted(SAMPLE_DATA.glob("*.txt"))


def expected_path(source: Path) -> Path:
    prefix = "" if source.parent == HERE else "sample-"
    return HERE / f"{prefix}{source.stem}.json"


def structure(source: Path) -> dict:
    """What the parser makes of a file, as plain JSON data."""
    try:
        t = parse_transcript(source.read_bytes())
    except TranscriptError as e:
        return {"error": type(e).__name__, "reason": str(e)}
    return {
        "title": t.title,
        "date": t.date.isoformat(),
        "place": t.place,
        "description": t.description,
        "is_excerpt": t.is_excerpt,
        "warnings": t.warnings,
        "turns": [
            {
                "kind": turn.kind,
                "name": turn.name,
                "generic": turn.generic,
                "role": turn.role,
                "label": turn.label,
                "resolution": turn.resolution,
                "paragraphs": turn.paragraphs,
            }
            for turn in t.turns
        ],
    }


def test_every_input_has_a_golden_file_and_no_golden_file_is_orphaned():
    wanted = {expected_path(p).name for p in INPUTS}
    present = {p.name for p in HERE.glob("*.json")}
    assert len(INPUTS) >= 8
    assert present == wanted


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_the_parser_output_matches_its_golden_file(source, request):
    got = structure(source)
    path = expected_path(source)
    if request.config.getoption("--regenerate-golden"):
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.exists(), f"{path.name} is missing: run `make golden` and review it"
    assert got == json.loads(path.read_text(encoding="utf-8"))
