"""The source files the archive holds, as an ingest run first finds them."""

from __future__ import annotations

from typing import NamedTuple

from meetings.models import MeetingSource


class KnownSource(NamedTuple):
    sha256: str
    meeting: str  # the slug of its meeting
    turns: int


class RunSources:
    """Every source file the archive held when the run first asked (one query), and the names
    the run has written (or tried to) since: both writers of one run share it."""

    def __init__(self) -> None:
        self.touched: set[str] = set()
        self._known: dict[str, KnownSource] | None = None

    def known(self) -> dict[str, KnownSource]:
        """Source name -> what the archive held under it when this run first asked."""
        if self._known is None:
            self._known = {
                name: KnownSource(sha, slug, turns)
                for name, sha, slug, turns in MeetingSource.objects.values_list(
                    "name", "sha256", "meeting__slug", "turn_count"
                )
            }
        return self._known
