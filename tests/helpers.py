"""Constants and plain helpers shared by several test modules (fixtures are in conftest.py).

Test modules import from here, never from one another or from conftest.py.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import warnings
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent  # the repository (tests/ is one of its folders)
SHARED = Path(os.environ.get("ARCHIVE_SHARED_DIR", ROOT.parent / "shared"))
SAMPLE_DATA = ROOT / "sample_data"
# Debian's chromium, the only browser the tests use (playwright never downloads one).
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
NEEDS_CHROMIUM = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (apt-get install chromium); .ci/run installs it",
)
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


# --- the JSON API as a strict OpenAPI client reads it -----------------------------------------------


class StrictApi:
    """GET requests to the JSON API, each response checked by openapi-core against the schema the
    app serves (/api/schema/): OpenAPI 3.1, JSON Schema 2020-12 with formats, no leniency about
    null. Failures are collected (URL, status, reason) rather than raised, so a test reports how
    many responses of how many fail, and which.

    `crawl` follows the API's own links (`api_url`, `next`, …) breadth first, at most `limit`
    responses per endpoint (URL name), so a sample reaches every endpoint."""

    def __init__(self, client):
        from openapi_core import OpenAPI

        self.client = client
        self.openapi = OpenAPI.from_dict(json.loads(client.get("/api/schema/?format=json").content))
        self.checked: Counter[str] = Counter()  # URL name -> responses validated
        self.failures: list[tuple[str, int, str]] = []
        self.null_speakers: Counter[str] = Counter()  # turn kind -> turns seen with speaker null
        self.null_raisers = 0  # meeting topics seen with raised_by null

    def get(self, url: str):
        from django.urls import resolve
        from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse

        response = self.client.get(url)
        request = DjangoOpenAPIRequest(response.wsgi_request)
        try:
            # The schema says an empty query parameter is one not given (`allowEmptyValue`, which
            # 3.1 keeps but no longer recommends): openapi-core warns on each, and reads it.
            warnings.filterwarnings("ignore", "Use of allowEmptyValue", DeprecationWarning)
            if response.status_code == 200:
                self.openapi.validate_request(request)
            self.openapi.validate_response(request, DjangoOpenAPIResponse(response))
        except Exception as exc:  # openapi-core's errors carry the schema errors as their cause
            cause = getattr(exc, "__cause__", None)
            detail = getattr(cause, "schema_errors", None) or [cause or exc]
            self.failures.append((url, response.status_code, "; ".join(str(e)[:300] for e in detail)))
        self.checked[resolve(urlsplit(url).path).url_name] += 1
        if response["Content-Type"] == "application/json":
            self._count_nulls(response.json())
        return response

    def _count_nulls(self, node) -> None:
        if isinstance(node, dict):
            if "speaker" in node and node["speaker"] is None:
                self.null_speakers[node.get("kind", "")] += 1
            if "raised_by" in node and node["raised_by"] is None:
                self.null_raisers += 1
            for value in node.values():
                self._count_nulls(value)
        elif isinstance(node, list):
            for value in node:
                self._count_nulls(value)

    def crawl(self, start: list[str], limit: int, limits: dict[str, int] | None = None) -> None:
        from django.urls import Resolver404, resolve

        limits = limits or {}
        queue, queued = list(start), set(start)
        while queue:
            url = queue.pop(0)
            name = resolve(urlsplit(url).path).url_name
            if self.checked[name] >= limits.get(name, limit):
                continue
            response = self.get(url)
            if response.status_code != 200:
                continue
            for link in _api_links(response.json()):
                try:
                    resolve(urlsplit(link).path)
                except Resolver404:
                    continue
                if link not in queued:
                    queued.add(link)
                    queue.append(link)


def _api_links(node):
    """Paths (with query) of the API's URLs in a response body."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _api_links(value)
    elif isinstance(node, list):
        for value in node:
            yield from _api_links(value)
    elif isinstance(node, str) and node.startswith(("http://", "https://")):
        parts = urlsplit(node)
        if parts.path.startswith("/api/") and not parts.path.startswith("/api/schema/"):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def ingest_namesakes(
    write_transcript, yard_words: str, call_words: str, mayor_words: str = "Good afternoon."
) -> None:
    """Two people called Pavel Drozd, an editor's split: a welder at the shipyard (March 3, 2023)
    and a caller to the Mayor's phone-in (May 9, 2024), each saying the words given."""
    yard = "Visit to the Larkspur shipyard\n\nMarch 3, 2023, Larkspur\n\nThe Mayor visited the yard.\n\n"
    yard += f"Mayor of Larkspur Helena Marsh: {mayor_words}\n\nPavel Drozd: {yard_words}\n"
    call = "Phone-in with the Mayor\n\nMay 9, 2024, Larkspur\n\nThe Mayor answered callers.\n\n"
    call += f"Mayor of Larkspur Helena Marsh: Next caller.\n\nPavel Drozd: {call_words}\n"
    people = write_transcript(
        "people.toml",
        '[[split]]\nname = "Pavel Drozd"\npeople = [\n'
        '  { slug = "pavel-drozd", from = "2023-03-03", until = "2023-03-03", default = true },\n'
        '  { slug = "pavel-drozd-caller", from = "2024-05-09", until = "2024-05-09" },\n]\n',
    )
    call_command(
        "ingest_transcripts",
        "--people",
        str(people),
        str(write_transcript("yard.txt", yard)),
        str(write_transcript("call.txt", call)),
        stdout=io.StringIO(),
    )


def search_count_line(html: str) -> str:
    """The search page's line of how many remarks match, as text."""
    m = re.search(r'<p class="count" role="status">(.*?)</p>', html, re.S)
    assert m
    return re.sub(r"<[^>]+>", "", m.group(1))
