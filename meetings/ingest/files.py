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
    skipped: bool = False  # the problem is a folder's: reported as skipped, not as a failed file


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
                yield FoundFile(path, None if _utf8(path.name) else NAME_NOT_UTF8)
            continue
        visited_dirs: set[str] = set()
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(path, followlinks=True, onerror=unreadable.append):
            while unreadable:  # a folder that cannot be listed ("Permission denied")
                err = unreadable.pop(0)
                yield FoundFile(
                    Path(err.filename or root), f"the folder cannot be read: {err.strerror}", True
                )
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
                yield FoundFile(p, None if _utf8(name) else NAME_NOT_UTF8)
        for err in unreadable:  # (the given folder itself)
            yield FoundFile(Path(err.filename or path), f"the folder cannot be read: {err.strerror}", True)


NAME_NOT_UTF8 = "its name is not valid UTF-8 (the archive stores file names as text): rename the file"


def _utf8(name: str) -> bool:
    """Can the name, as the file system gave it, be stored as text (no undecodable bytes)?"""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_path(path: str | Path) -> str:
    """A path as a message can print it: bytes a file name holds that are not UTF-8 as escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
