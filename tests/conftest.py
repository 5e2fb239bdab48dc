"""Fixtures shared by the test modules; shared constants and plain helpers are in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def browser():
    """A headless Debian chromium for the module's browser tests (they mark themselves with
    tests.helpers.NEEDS_CHROMIUM); closed when the module is done."""
    import os

    from tests.helpers import CHROMIUM

    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield b
        b.close()


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
