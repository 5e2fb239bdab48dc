"""The dump's format: its files, the fields of each record, the README written with it, the
manifest, and the checks import_archive makes of a dump before it loads anything.

A dump is a folder:

    manifest.json        format, version, date, site, counts, and per file its rows, bytes, sha256
    SHA256SUMS           the same checksums, for `sha256sum -c SHA256SUMS`
    README.md            the fields of every file, and the licence
    LICENCE.txt          the licence text alone
    meetings.jsonl.gz    one JSON object a line (gzip)      meetings.csv.gz   the same, flat
    participants.jsonl.gz                                   turns.csv.gz      turns, flat
    turns.jsonl.gz
    topics.jsonl.gz

Records name each other by public identifiers only (slugs and keys, never database ids): a turn
names its meeting by slug and its speaker by participant slug.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

FORMAT = "transcript-archive-dump"
VERSION = 1
MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS"
README = "README.md"
LICENCE = "LICENCE.txt"

MEETINGS = "meetings.jsonl.gz"
MEETINGS_CSV = "meetings.csv.gz"
PARTICIPANTS = "participants.jsonl.gz"
TURNS = "turns.jsonl.gz"
TURNS_CSV = "turns.csv.gz"
TOPICS = "topics.jsonl.gz"
DATA_FILES = [MEETINGS, MEETINGS_CSV, PARTICIPANTS, TURNS, TURNS_CSV, TOPICS]
ALL_FILES = [*DATA_FILES, README, LICENCE]  # every file the manifest lists (not itself)

# The fields of each JSON Lines record: name -> (types allowed, description). import_archive
# checks every record against them; README.md is written from them.
_S, _I, _B, _N, _L, _D = (str,), (int,), (bool,), (type(None),), (list,), (dict,)
FIELDS: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    MEETINGS: {
        "slug": (_S, "permanent identifier; the page is /meetings/<slug>/"),
        "url": (_S, "the meeting's page on the archive"),
        "date": (_S, "YYYY-MM-DD"),
        "title": (_S, "as the source page gives it"),
        "place": (_S + _N, "where it took place, when the page says"),
        "description": (_S, "the lead paragraph(s) of the page; paragraphs separated by a blank line"),
        "is_excerpt": (_B, "the page says it gives excerpts only, or marks words it leaves out (<…>)"),
        "identity": (
            _S,
            "date and normalised title: how the archive knows one meeting reached through two files",
        ),
        "source_name": (_S, "the file the turns come from"),
        "source_sha256": (_S, "its SHA-256"),
        "ingested_at": (_S, "when the archive last wrote the meeting (ISO 8601, UTC)"),
        "turn_count": (_I, "turns (remarks) in the meeting"),
        "speaker_count": (_I, "distinct named participants who spoke"),
        "sources": (
            _L,
            "every file that reached this meeting: name, sha256, size, turn_count, is_primary, ingested_at",
        ),
        "retired_keys": (
            _L,
            "permalinks of remarks removed by a later edit of the source (answer 410): key, retired_at",
        ),
        "topics": (_L, "slugs of the meeting's topics, best first (see topics.jsonl.gz)"),
    },
    PARTICIPANTS: {
        "slug": (_S, "permanent identifier; the profile is /speakers/<slug>/"),
        "url": (_S, "the profile page"),
        "name": (_S, "the name the archive shows"),
        "sort_name": (_S, "surname first, for A-Z lists"),
        "turn_count": (_I, "remarks"),
        "meeting_count": (_I, "meetings spoken in"),
        "aliases": (
            _L,
            "every written form of the name, oldest first: written (as first written), key "
            "(normalised), folded (transliteration-folded), surname, initial, how (how it was "
            "matched: exact, variant, initial, new ...), created_at",
        ),
        "roles": (
            _L,
            "titles the person spoke under, as the profile shows them: role, meetings, first, last (dates)",
        ),
        "old_slugs": (_L, "slugs of people merged into this one (their pages answer 301 here)"),
        "topics": (_L, "slugs of the person's topics, best first"),
    },
    TURNS: {
        "meeting": (_S, "the meeting's slug"),
        "key": (_S, "permanent key within the meeting; the remark is /meetings/<meeting>/<key>/"),
        "url": (_S, "the remark's permalink"),
        "position": (_I, "1-based order in the meeting"),
        "date": (_S + _N, "the meeting's date"),
        "speaker": (
            _S + _N,
            "the participant's slug; null for a generic label (Question, Remark) or a group",
        ),
        "speaker_label": (_S, "the label as the transcript writes it"),
        "role": (_S + _N, "the title written with the name"),
        "kind": (_S, "speech, or summary (a report of what was said, not a quotation)"),
        "text": (_S, "the remark; paragraphs separated by a blank line"),
        "resolution": (_S, "how the speaker was found: label, guess, ..."),
        "section": (
            _S,
            "the heading of the part of the page the remark is in ('Statements following the talks'); "
            "empty where the page heads none (a dump made before it was exported has none: read as empty)",
        ),
        "is_procedural": (_B, "a short chairing line (left out of topics)"),
        "words": (_I, "words in the text"),
        "phrases": (
            _D,
            "candidate topic phrases and their counts, what the topic index weighs; a key with '=' says an "
            "acronym and a name are one ('eaeu=eurasian economic union'), one starting '^' counts a word "
            "used as a verb ('^preserve'), one starting '+' a word also known as an adjective used as a "
            "noun of its own ('+military') or a word known only as a verb written as the end of a name "
            "('+mainline'), one starting '~' an -ing or -ed word ('~rolling') or it and "
            "the noun it qualifies ('~rolling~stock')",
        ),
        "topics": (_L, "slugs of the remark's topics, weightiest first"),
    },
    TOPICS: {
        "slug": (_S, "permanent identifier; the page is /topics/<slug>/"),
        "url": (_S, "the topic's page"),
        "key": (_S, "the normalised phrase"),
        "label": (_S, "the phrase as readers see it"),
        "remark_count": (_I, "remarks that carry it"),
        "raised_count": (_I, "meetings in which someone raised it"),
        "people_count": (_I, "people who spoke on it"),
        "profile_count": (_I, "people whose profile lists it, carried by two or more of their remarks"),
        "is_featured": (_B, "listed in the topic index (evidence enough)"),
        "forms": (
            _L,
            "the other keys shown under this one: another spelling, a place's adjective, an acronym",
        ),
        "form_labels": (_L, "each of forms as the remarks that use it write it most, in the same order"),
        "old_slugs": (
            _L,
            "slugs it had before (its label read otherwise, or it was counted apart): they answer 301",
        ),
    },
}
# Fields added after version 1 was first written: a dump without them reads as having these.
ADDED_FIELDS: dict[str, dict[str, object]] = {TURNS: {"section": ""}}
CSV_COLUMNS = {
    MEETINGS_CSV: [
        "slug",
        "url",
        "date",
        "title",
        "place",
        "is_excerpt",
        "turn_count",
        "speaker_count",
        "source_name",
    ],
    TURNS_CSV: [
        "meeting",
        "key",
        "url",
        "position",
        "date",
        "speaker",
        "speaker_label",
        "role",
        "kind",
        "text",
        "section",
    ],
}

DEFAULT_LICENCE = """\
Licence

The archive's data — the structure of each meeting, who said what, the participants and their
written names, the permanent identifiers and the topics — is made available under the Creative
Commons Attribution 4.0 International licence (CC BY 4.0):
https://creativecommons.org/licenses/by/4.0/legalcode

You may share and adapt it for any purpose, provided you give appropriate credit (name the
archive and link to it), indicate whether changes were made, and do not suggest that the
archive endorses you or your use.

The words of the transcripts remain under the terms of the publisher of each source page; every
meeting names the file its text came from (source_name, sources).
"""


class DumpError(Exception):
    """A dump that cannot be loaded; the message names the file and the reason."""


@dataclass(frozen=True)
class FileEntry:
    name: str
    rows: int | None
    bytes: int
    sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def readme(site_url: str, created_at: str, counts: dict[str, int], licence: str) -> str:
    """README.md of a dump: what it holds, the fields of every file, the licence."""
    lines = [
        "# Transcript Archive: the whole archive as one download",
        "",
        f"Exported {created_at} from {site_url} (format `{FORMAT}`, version {VERSION}).",
        "",
        ", ".join(f"{n:,} {what}" for what, n in counts.items()) + ".",
        "",
        "Each `.jsonl.gz` file holds one JSON object a line, gzip-compressed (`zcat FILE | head`); the",
        "`.csv.gz` files give the same meetings and turns as flat tables (RFC 4180, UTF-8, a header row).",
        "Records name each other by slug and key, never by a database id. `manifest.json` gives each",
        "file's rows, size and SHA-256 (`sha256sum -c SHA256SUMS` checks them).",
        "`manage.py import_archive DIR` loads a dump into a fresh database of the archive's software.",
        "",
    ]
    for name, fields in FIELDS.items():
        lines += [f"## {name}", "", "| field | meaning |", "| --- | --- |"]
        lines += [f"| `{field}` | {text} |" for field, (_types, text) in fields.items()]
        lines.append("")
    for name, columns in CSV_COLUMNS.items():
        lines += [
            f"## {name}",
            "",
            "Columns: " + ", ".join(f"`{c}`" for c in columns) + " (as in the JSON).",
            "",
        ]
    lines += ["## Licence", "", licence.strip(), ""]
    return "\n".join(lines)


def check_record(name: str, lineno: int, record) -> dict:
    """The record, or DumpError naming the file, the line and the field at fault."""
    if not isinstance(record, dict):
        raise DumpError(f"{name}: line {lineno}: not a JSON object")
    added = ADDED_FIELDS.get(name, {})
    for field, (types, _text) in FIELDS[name].items():
        if field not in record and field in added:
            record[field] = added[field]
        elif field not in record:
            raise DumpError(f"{name}: line {lineno}: the field '{field}' is missing")
        value = record[field]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            want = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            raise DumpError(f"{name}: line {lineno}: '{field}' should be {want}, not {type(value).__name__}")
    return record


def read_manifest(folder: Path) -> tuple[dict, list[FileEntry]]:
    """The manifest of the dump in `folder`, checked: its format and version, every file it
    must list present with the size and SHA-256 it gives. Raises DumpError naming the file."""
    if not folder.is_dir():
        raise DumpError(f"{folder}: not a folder")
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DumpError(f"{MANIFEST}: missing (is {folder} a dump made by export_archive?)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DumpError(f"{MANIFEST}: unreadable: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise DumpError(f"{MANIFEST}: not a manifest of the format '{FORMAT}'")
    if manifest.get("version") != VERSION:
        raise DumpError(
            f"{MANIFEST}: format version {manifest.get('version')!r}; this software reads {VERSION}"
        )
    entries: dict[str, FileEntry] = {}
    for item in manifest.get("files") or []:
        try:
            entry = FileEntry(item["name"], item.get("rows"), int(item["bytes"]), str(item["sha256"]))
        except (KeyError, TypeError, ValueError):
            raise DumpError(f"{MANIFEST}: a file entry without name, bytes and sha256: {item!r}") from None
        if "/" in entry.name or "\\" in entry.name or entry.name.startswith("."):
            raise DumpError(f"{MANIFEST}: a file name outside the dump: {entry.name!r}")
        entries[entry.name] = entry
    for name in ALL_FILES:
        if name not in entries:
            raise DumpError(f"{MANIFEST}: does not list {name}")
    for entry in entries.values():
        file = folder / entry.name
        if not file.is_file():
            raise DumpError(f"{entry.name}: missing")
        size = file.stat().st_size
        if size != entry.bytes:
            raise DumpError(
                f"{entry.name}: {size:,} bytes, the manifest says {entry.bytes:,} (truncated or changed)"
            )
        if sha256_of(file) != entry.sha256:
            raise DumpError(
                f"{entry.name}: its SHA-256 is not the manifest's (the file is corrupt or was changed)"
            )
    return manifest, [entries[n] for n in ALL_FILES]
