"""The small inline SVG chart of counts per year (a topic's remarks, the archive's meetings):
bars computed here, drawn by templates/meetings/_year_chart.html, each bar a link to that year."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from statistics import median
from typing import NamedTuple

CHART_HEIGHT = 96  # px of the tallest bar, in the SVG's own units
CHART_WIDTH = 360  # the viewBox width: about the width of a phone, so the text is read at ~1:1
CHART_LABELS = 6  # at most this many year labels under the bars
THIN_YEAR = 5  # a year of fewer meetings than the archive's median year over this is a thin one


class Bar(NamedTuple):
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float
    cx: float  # the bar's middle, where its year is written
    label: bool  # the year is written under this bar


def year_chart(counts: Iterable[tuple[int, int]]) -> dict | None:
    """Bars of a count per year, every year from the first to the last (a year with none is a
    gap, not a missing bar); None when there is nothing to draw. `counts`: (year, n), any order."""
    by_year = {year: n for year, n in counts if n}
    if not by_year:
        return None
    first, last = min(by_year), max(by_year)
    span = list(range(first, last + 1))
    top = max(by_year.values())
    slot = CHART_WIDTH / len(span)
    width = max(1.0, slot * 0.8)
    every = max(1, -(-len(span) // CHART_LABELS))  # label every n-th year, the last always
    bars = []
    for i, year in enumerate(span):
        n = by_year.get(year, 0)
        height = round(max(2.0, CHART_HEIGHT * n / top), 1) if n else 0  # a year of one shows
        x = i * slot + (slot - width) / 2
        bars.append(
            Bar(
                year,
                n,
                round(x, 1),
                round(CHART_HEIGHT - height, 1),
                round(width, 1),
                height,
                round(x + width / 2, 1),
                (len(span) - 1 - i) % every == 0,
            )
        )
    return {
        "bars": bars,
        "top": top,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "first": first,
        "last": last,
    }


def thin_years(held: Mapping[int, int], first: int, last: int) -> list[tuple[int, int]]:
    """(year, meetings) of the years from `first` to `last` of which the archive (`held`: its
    meetings per year) holds few meetings, fewer than its median year's over THIN_YEAR (none
    counts too): a low bar there tells of the archive as much as of the topic."""
    if not held:
        return []
    bar = median(held.values()) / THIN_YEAR
    return [(year, held.get(year, 0)) for year in range(first, last + 1) if held.get(year, 0) < bar]
