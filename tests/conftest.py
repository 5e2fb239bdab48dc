"""Fixtures shared by the test modules; shared constants and plain helpers are in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest


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
