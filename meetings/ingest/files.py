"""Finding the transcript files under the paths an ingest is given."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

# Text dumps, and pages saved whole from a browser (read as the page shows them: parser.reader).
TRANSCRIPT_SUFFIXES = {".txt", ".text", ".html", ".htm"}


class FoundFile(NamedTuple):
    path: Path
    problem: str | None  # why the path cannot be read; None when it can


def find_transcripts(paths: Iterable[str | Path]) -> Iterator[FoundFile]:
    """Every transcript file under the given files and directories (recursively), in a stable
    order, each with the problem that keeps it from being read, if any."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield FoundFile(path, "no such file or directory")
            continue
        if not path.is_dir():
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield FoundFile(path, None)
            continue
        visited_dirs: set[str] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            real_root = os.path.realpath(root)
            if real_root in visited_dirs:
                dirs[:] = []
                continue  # a symlink loop
            visited_dirs.add(real_root)
            dirs.sort()
            for name in sorted(files):
                p = Path(root) / name
                if p.suffix.lower() not in TRANSCRIPT_SUFFIXES:
                    continue
                real = os.path.realpath(p)
                if real in seen:
                    continue
                seen.add(real)
                yield FoundFile(p, None)
