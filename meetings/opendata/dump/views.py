"""/downloads/: the newest dump in settings.DUMPS_DIR (a folder written by `export_archive`), with
its date, size and checksums, and its files served from there.

A dump is published by exporting it into DUMPS_DIR (`manage.py export_archive $DUMPS_DIR/<name>`):
the export appears there whole (it is renamed into place once complete), and the page lists the
newest one by the date of its manifest. Only the files a manifest lists are ever served, from a
folder directly inside DUMPS_DIR; the page is not kept in the page cache (it changes with the
folder, not with the archive).
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from meetings.opendata.dump import format as fmt

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
CONTENT_TYPES = {
    ".gz": "application/gzip",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass
class PublishedFile:
    name: str
    bytes: int
    sha256: str
    rows: int | None
    url: str


@dataclass
class PublishedDump:
    name: str
    created_at: datetime.datetime
    counts: dict
    files: list[PublishedFile]
    manifest_url: str
    checksums_url: str

    @property
    def bytes(self) -> int:
        return sum(f.bytes for f in self.files)


def _manifest(folder: Path) -> dict | None:
    try:
        manifest = json.loads((folder / fmt.MANIFEST).read_text(encoding="utf-8"))
        datetime.datetime.fromisoformat(manifest["created_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == fmt.FORMAT else None


def latest_dump(root: Path | None = None) -> PublishedDump | None:
    """The newest dump directly inside DUMPS_DIR (by its manifest's date), or None."""
    root = Path(settings.DUMPS_DIR if root is None else root)
    found: list[tuple[datetime.datetime, str, dict]] = []
    try:
        folders = [p for p in root.iterdir() if p.is_dir() and _NAME.fullmatch(p.name)]
    except OSError:
        return None
    for folder in folders:
        manifest = _manifest(folder)
        if manifest is not None:
            found.append((datetime.datetime.fromisoformat(manifest["created_at"]), folder.name, manifest))
    if not found:
        return None
    created, name, manifest = max(found, key=lambda f: (f[0], f[1]))

    def url(file: str) -> str:
        return reverse("download_file", kwargs={"dump": name, "name": file})

    files = [
        PublishedFile(f["name"], int(f["bytes"]), f["sha256"], f.get("rows"), url(f["name"]))
        for f in manifest.get("files", [])
        if isinstance(f, dict) and _NAME.fullmatch(str(f.get("name", "")))
    ]
    return PublishedDump(
        name, created, manifest.get("counts", {}), files, url(fmt.MANIFEST), url(fmt.CHECKSUMS)
    )


@require_safe
def downloads(request):
    dump = latest_dump()
    response = render(request, "meetings/downloads.html", {"dump": dump})
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def download_file(request, dump: str, name: str):
    """A file of a published dump: one its manifest lists, the manifest, or SHA256SUMS."""
    if not (_NAME.fullmatch(dump) and _NAME.fullmatch(name)):
        raise Http404("No such file")
    folder = Path(settings.DUMPS_DIR) / dump
    manifest = _manifest(folder)
    if manifest is None:
        raise Http404("No such download")
    listed = {f.get("name") for f in manifest.get("files", []) if isinstance(f, dict)}
    if name not in listed | {fmt.MANIFEST, fmt.CHECKSUMS}:
        raise Http404("No such file in this download")
    path = folder / name
    if not path.is_file():
        raise Http404("No such file in this download")
    response = FileResponse(
        path.open("rb"),
        as_attachment=name.endswith(".gz"),
        filename=name,
        content_type=CONTENT_TYPES.get(path.suffix, "application/octet-stream"),
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=86400, immutable"  # a dump's files never change
    return response
