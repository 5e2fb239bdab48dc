from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCHIVE_SHARED_DIR", ROOT.parent / "shared"))
SAMPLE_DATA = ROOT / "sample_data"


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or skip the test when this clone has none."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the real sample transcripts are not in this clone")
    return path


@pytest.fixture
def write_transcript(tmp_path):
    """Write a transcript file and return its path."""

    def write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty page cache (archive versions restart with each test's data)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_addoption(parser):
    parser.addoption(
        "--regenerate-golden",
        action="store_true",
        help="rewrite the parser's expected-output files (tests/core/golden/*.json) from its output",
    )
