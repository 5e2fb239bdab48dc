"""Writing a dump (`manage.py export_archive OUT`): every table read once through a server-side
cursor and streamed into gzip files, the checksums computed on the way, in one read-only
snapshot. Memory stays flat whatever the archive's size: a few thousand rows at a time, never a
whole table.

The dump is written into a hidden folder beside OUT and renamed to OUT once complete, so OUT is
either absent or a whole dump (a crash or ^C leaves at most the hidden folder, removed when the
command fails normally).
"""

from __future__ import annotations

import csv
import datetime
import gzip
import hashlib
import io
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.urls import reverse

from meetings.http.origin import absolute_url, site_url
from meetings.opendata.credit import source_credit
from meetings.opendata.dump import format as fmt
from meetings.sql import dump as dump_sql

COMPRESSLEVEL = 6  # gzip's default trade-off is 9; 6 is about twice as fast for 2-3% more bytes


class _Hashing:
    """A binary file that counts and hashes what is written to it."""

    def __init__(self, path: Path):
        self.fh = path.open("wb")
        self.sha = hashlib.sha256()
        self.bytes = 0

    def write(self, data) -> int:
        self.sha.update(data)
        self.bytes += len(data)
        return self.fh.write(data)

    def flush(self) -> None:
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


def _plain_file(folder: Path, name: str, text: str) -> fmt.FileEntry:
    raw = _Hashing(folder / name)
    raw.write(text.encode("utf-8"))
    raw.close()
    return fmt.FileEntry(name, None, raw.bytes, raw.sha.hexdigest())


class _Output:
    """One gzip-compressed file of the dump, text written to it; its size and SHA-256 are
    those of the compressed bytes, computed as they are written."""

    def __init__(self, folder: Path, name: str):
        self.name = name
        self.raw = _Hashing(folder / name)
        # mtime=0: the same archive gives the same bytes (and checksums) whenever it is exported.
        self.gz = gzip.GzipFile(fileobj=self.raw, mode="wb", compresslevel=COMPRESSLEVEL, mtime=0)  # type: ignore[arg-type]
        self.text = io.TextIOWrapper(self.gz, encoding="utf-8", newline="")
        self.rows = 0

    def line(self, record: dict) -> None:
        self.text.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        self.text.write("\n")
        self.rows += 1

    def close(self) -> fmt.FileEntry:
        self.text.flush()
        self.text.detach()
        self.gz.close()
        self.raw.close()
        return fmt.FileEntry(self.name, self.rows, self.raw.bytes, self.raw.sha.hexdigest())


class _Csv(_Output):
    def __init__(self, folder: Path, name: str, columns: list[str]):
        super().__init__(folder, name)
        self.columns = columns
        self.writer = csv.writer(self.text, lineterminator="\r\n")
        self.writer.writerow(columns)

    def row(self, record: dict) -> None:
        self.writer.writerow(["" if record[c] is None else record[c] for c in self.columns])
        self.rows += 1


def _url_prefix(name: str) -> tuple[str, str]:
    """The absolute URL of a page of `name` cut around its slug: (before, after)."""
    url = absolute_url(reverse(name, kwargs={"slug": "SLUG"}))
    before, after = url.split("SLUG")
    return before, after


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


@dataclass
class ExportReport:
    folder: Path
    manifest: dict
    seconds: float
    files: list[fmt.FileEntry] = field(default_factory=list)


def export_archive(
    out: Path, licence: str = fmt.DEFAULT_LICENCE, say: Callable[[str], None] = lambda s: None
) -> ExportReport:
    """Write the whole archive as a dump in the new folder `out`."""
    started = time.monotonic()
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise fmt.DumpError(f"{out}: already exists (a dump is written into a new folder)")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.partial-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        manifest, entries = _write(tmp, licence, say)
        if out.exists():
            out.rmdir()  # an empty folder made for it
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return ExportReport(out, manifest, time.monotonic() - started, entries)


def _write(folder: Path, licence: str, say: Callable[[str], None]) -> tuple[dict, list[fmt.FileEntry]]:
    meeting_url = _url_prefix("meetings:meeting")
    speaker_url = _url_prefix("meetings:speaker")
    topic_url = _url_prefix("meetings:topic")
    created = _iso(datetime.datetime.now(datetime.UTC))
    entries: list[fmt.FileEntry] = []
    counts: dict[str, int] = {}
    with dump_sql.snapshot():
        # Meetings
        out, flat = (
            _Output(folder, fmt.MEETINGS),
            _Csv(folder, fmt.MEETINGS_CSV, fmt.CSV_COLUMNS[fmt.MEETINGS_CSV]),
        )
        for row in dump_sql.stream(dump_sql.meetings_sql(), "dump_meetings"):
            (slug, date, title, place, description, is_excerpt, identity, source_name, source_sha, ingested_at,
             turn_count, speaker_count, sources, retired, topics) = row  # fmt: skip
            record = {
                "slug": slug,
                "url": meeting_url[0] + slug + meeting_url[1],
                "date": date.isoformat(),
                "title": title,
                "place": place,
                "description": description,
                "is_excerpt": is_excerpt,
                "identity": identity,
                "source_name": source_name,
                "source_sha256": source_sha,
                "ingested_at": _iso(ingested_at),
                "turn_count": turn_count,
                "speaker_count": speaker_count,
                "sources": sources,
                "retired_keys": retired,
                "topics": list(topics),
            }
            out.line(record)
            flat.row(record)
        entries += [out.close(), flat.close()]
        counts["meetings"] = out.rows
        say(f"meetings: {out.rows:,}")

        # Participants
        out = _Output(folder, fmt.PARTICIPANTS)
        aliases = 0
        for (
            slug,
            name,
            sort_name,
            turn_count,
            meeting_count,
            forms,
            roles,
            old_slugs,
            topics,
        ) in dump_sql.stream(dump_sql.participants_sql(), "dump_participants"):
            out.line(
                {
                    "slug": slug,
                    "url": speaker_url[0] + slug + speaker_url[1],
                    "name": name,
                    "sort_name": sort_name,
                    "turn_count": turn_count,
                    "meeting_count": meeting_count,
                    "aliases": forms,
                    "roles": roles,
                    "old_slugs": list(old_slugs),
                    "topics": list(topics),
                }
            )
            aliases += len(forms)
        entries.append(out.close())
        counts["participants"] = out.rows
        counts["aliases"] = aliases
        say(f"participants: {out.rows:,} ({aliases:,} written forms)")

        # Turns
        out, flat = _Output(folder, fmt.TURNS), _Csv(folder, fmt.TURNS_CSV, fmt.CSV_COLUMNS[fmt.TURNS_CSV])
        for row in dump_sql.stream(dump_sql.turns_sql(), "dump_turns"):
            (meeting, key, position, date, speaker, label, role, kind, text, resolution, section, procedural,
             words, phrases, topics) = row  # fmt: skip
            record = {
                "meeting": meeting,
                "key": key,
                "url": f"{meeting_url[0]}{meeting}{meeting_url[1]}{key}/",
                "position": position,
                "date": date.isoformat() if date else None,
                "speaker": speaker,
                "speaker_label": label,
                "role": role,
                "kind": kind,
                "text": text,
                "resolution": resolution,
                "section": section,
                "is_procedural": procedural,
                "words": words,
                "phrases": json.loads(phrases) if isinstance(phrases, str) else phrases,  # jsonb: as text
                "topics": list(topics),
            }
            out.line(record)
            flat.row(record)
            if out.rows % 200_000 == 0:
                say(f"turns: {out.rows:,} …")
        entries += [out.close(), flat.close()]
        counts["turns"] = out.rows
        say(f"turns: {out.rows:,}")

        # Topics
        out = _Output(folder, fmt.TOPICS)
        for (
            slug,
            key,
            label,
            remarks,
            raised,
            people,
            profiles,
            featured,
            forms,
            form_labels,
            old_slugs,
        ) in dump_sql.stream(dump_sql.topics_sql(), "dump_topics"):
            out.line(
                {
                    "slug": slug,
                    "url": topic_url[0] + slug + topic_url[1],
                    "key": key,
                    "label": label,
                    "remark_count": remarks,
                    "raised_count": raised,
                    "people_count": people,
                    "profile_count": profiles,
                    "is_featured": featured,
                    "forms": forms,
                    "form_labels": form_labels,
                    "old_slugs": old_slugs,
                }
            )
        entries.append(out.close())
        counts["topics"] = out.rows
        say(f"topics: {out.rows:,}")

    origin = site_url()
    entries.append(_plain_file(folder, fmt.README, fmt.readme(origin, created or "", counts, licence)))
    credit = source_credit()
    if credit:
        licence = f"{licence.strip()}\n\nThe transcripts were {credit.sentence()}; credit them so wherever you reuse them.\n"
    entries.append(_plain_file(folder, fmt.LICENCE, licence.strip() + "\n"))
    manifest = {
        "format": fmt.FORMAT,
        "version": fmt.VERSION,
        "created_at": created,
        "site_url": origin,
        "counts": counts,
        "source": credit.as_data() if credit else None,
        "files": [{"name": e.name, "rows": e.rows, "bytes": e.bytes, "sha256": e.sha256} for e in entries],
    }
    (folder / fmt.MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (folder / fmt.CHECKSUMS).write_text("".join(f"{e.sha256}  {e.name}\n" for e in entries), encoding="utf-8")
    return manifest, entries
