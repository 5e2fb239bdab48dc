"""The whole archive as one download: export_archive writes a complete, checksummed dump; a
database loaded from it (import_archive) serves the same pages and permalinks; /downloads/ offers
the newest dump."""

from __future__ import annotations

import csv
import difflib
import gzip
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from meetings.models import (
    Meeting,
    Participant,
    ParticipantRedirect,
    RetiredTurnKey,
    Topic,
    TopicRedirect,
    Turn,
)
from meetings.opendata.dump.export import export_archive
from meetings.opendata.dump.format import FIELDS, DumpError
from tests.helpers import MEETING, SAMPLE_DATA, ingest

FILES = [
    "meetings.jsonl.gz",
    "meetings.csv.gz",
    "participants.jsonl.gz",
    "turns.jsonl.gz",
    "turns.csv.gz",
    "topics.jsonl.gz",
    "README.md",
    "LICENCE.txt",
]


@pytest.fixture
def archive(write_transcript):
    """The sample transcripts, one meeting edited after its first ingest (a retired permalink), and
    a person merged into another (an old slug that answers 301)."""
    ingest(SAMPLE_DATA)
    path = write_transcript("harbour.txt", MEETING)
    ingest(path)
    path.write_text(
        MEETING.replace("Remark: Too much.\n\n", "").replace(
            "Helena Marsh: Thank you all.", "Helena Marsh: Thank you all. We meet again in spring."
        ),
        encoding="utf-8",
    )
    ingest(path)
    assert RetiredTurnKey.objects.exists()
    ParticipantRedirect.objects.create(
        old_slug="t-reyes", participant=Participant.objects.get(slug="tomas-reyes")
    )


def export(tmp_path, name="dump") -> Path:
    out = tmp_path / name
    call_command("export_archive", str(out), stdout=io.StringIO())
    return out


def lines(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def empty_the_database() -> None:
    """What a fresh database holds: the app's tables empty, their ids starting again at 1."""
    tables = [m._meta.db_table for m in apps.get_app_config("meetings").get_models()]
    with connection.cursor() as cur:
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # (the test's transaction defers them)
        cur.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    from django.core.cache import cache

    cache.clear()


def urls() -> list[str]:
    """Every kind of page and document, each meeting's and each remark's permalink among them."""
    found = ["/", "/meetings/", "/meetings/?page=1", "/speakers/", "/topics/", "/topics/?sort=az"]
    for m in Meeting.objects.order_by("slug"):
        found += [m.get_absolute_url(), f"/meetings/{m.slug}.txt", f"/meetings/{m.slug}.json"]
        found += [f"/meetings/{m.slug}.akn.xml", f"/api/meetings/{m.slug}/"]
    found += [
        t.get_absolute_url() for t in Turn.objects.select_related("meeting").order_by("meeting__slug", "key")
    ]
    found += [
        f"/meetings/{r.meeting.slug}/{r.key}/" for r in RetiredTurnKey.objects.select_related("meeting")
    ]
    for p in Participant.objects.order_by("slug"):
        found += [p.get_absolute_url(), f"/feeds/speakers/{p.slug}.atom", f"/speakers/{p.slug}.popolo.json"]
    found += ["/speakers/t-reyes/", "/feeds/speakers/t-reyes.atom"]
    for t in Topic.objects.order_by("slug"):
        found += [t.get_absolute_url(), f"/feeds/topics/{t.slug}.atom"]
    found += ["/feeds/meetings.atom", "/sitemap.xml", "/sitemap-meetings.xml", "/sitemap-remarks.xml"]
    found += ["/sitemap-speakers.xml", "/sitemap-topics.xml", "/speakers.popolo.json"]
    found += ["/search/?q=library", "/search/?q=harbour+repairs", "/api/turns/", "/api/participants/"]
    found += ["/api/topics/", "/api/search/?q=budget", "/api/meetings/?year=2023"]
    return found


def responses(client, paths: list[str]) -> dict[str, tuple[int, str, bytes]]:
    got = {}
    for path in paths:
        r = client.get(path)
        body = b"".join(r.streaming_content) if r.streaming else r.content
        got[path] = (r.status_code, r.get("Location", ""), body)
    return got


@pytest.mark.django_db
def test_a_database_loaded_from_a_dump_serves_the_same_pages_and_permalinks(client, archive, tmp_path):
    topic = Topic.objects.order_by("slug").first()
    TopicRedirect.objects.create(old_slug=f"{topic.slug}-before", key=topic.key)  # a moved slug
    paths = [*urls(), f"/topics/{topic.slug}-before/"]
    assert len(paths) > 400
    before = responses(client, paths)
    assert {status for status, _, _ in before.values()} == {200, 301, 410}
    counts = {m: m.objects.count() for m in (Meeting, Participant, Turn, Topic)}
    forms = sorted(Topic.objects.values_list("key", "forms", "form_labels"))
    dump = export(tmp_path)

    empty_the_database()
    assert Meeting.objects.count() == Turn.objects.count() == 0
    out = io.StringIO()
    call_command("import_archive", str(dump), stdout=out)
    assert "loaded" in out.getvalue()
    assert {m: m.objects.count() for m in counts} == counts
    assert (
        sorted(Topic.objects.values_list("key", "forms", "form_labels")) == forms
    )  # what a topic page marks and shows
    assert client.get(f"/topics/{topic.slug}-before/")["Location"] == topic.get_absolute_url()

    after = responses(client, paths)
    differ = [p for p in paths if before[p] != after[p]]
    if differ:  # the first difference, to see what changed
        first = [before[differ[0]][2].decode(), after[differ[0]][2].decode()]
        print("\n".join(difflib.unified_diff(*(f.splitlines() for f in first), lineterm="")))
    assert differ == [], differ
    # ... and a dump of the loaded archive is the same dump, byte for byte.
    again = export(tmp_path, "again")
    for name in FILES[:-2]:
        assert (again / name).read_bytes() == (dump / name).read_bytes(), name


@pytest.mark.django_db
def test_the_dump_holds_every_record_with_a_readme_licence_and_checksums(archive, tmp_path):
    dump = export(tmp_path)
    manifest = json.loads((dump / "manifest.json").read_text())
    assert manifest["format"] == "transcript-archive-dump" and manifest["version"] == 1
    assert [f["name"] for f in manifest["files"]] == FILES
    for f in manifest["files"]:
        data = (dump / f["name"]).read_bytes()
        assert len(data) == f["bytes"] and hashlib.sha256(data).hexdigest() == f["sha256"], f["name"]
    sums = (dump / "SHA256SUMS").read_text().splitlines()
    assert sums == [f"{f['sha256']}  {f['name']}" for f in manifest["files"]]
    assert sorted(p.name for p in dump.iterdir()) == sorted([*FILES, "manifest.json", "SHA256SUMS"])
    assert not list(tmp_path.glob(".*"))  # no temporary folder left

    meetings = lines(dump / "meetings.jsonl.gz")
    turns = lines(dump / "turns.jsonl.gz")
    people = lines(dump / "participants.jsonl.gz")
    topics = lines(dump / "topics.jsonl.gz")
    assert manifest["counts"] == {
        "meetings": len(meetings),
        "participants": len(people),
        "aliases": sum(len(p["aliases"]) for p in people),
        "turns": len(turns),
        "topics": len(topics),
    }
    assert (len(meetings), len(people), len(turns), len(topics)) == (
        Meeting.objects.count(),
        Participant.objects.count(),
        Turn.objects.count(),
        Topic.objects.count(),
    )
    for name, records in (
        ("meetings.jsonl.gz", meetings),
        ("turns.jsonl.gz", turns),
        ("participants.jsonl.gz", people),
        ("topics.jsonl.gz", topics),
    ):
        assert {f["rows"] for f in manifest["files"] if f["name"] == name} == {len(records)}
        assert all(list(r) == list(FIELDS[name]) for r in records), name
    # Public identifiers only: permalinks, slugs; aliases and roles with each person.
    marsh = next(p for p in people if p["slug"] == "helena-marsh")
    assert marsh["url"] == "http://testserver/speakers/helena-marsh/"
    assert {a["written"] for a in marsh["aliases"]} >= {"Helena Marsh"}
    assert marsh["roles"] and all(set(r) == {"role", "meetings", "first", "last"} for r in marsh["roles"])
    reyes = next(p for p in people if p["slug"] == "tomas-reyes")
    assert reyes["old_slugs"] == ["t-reyes"]
    harbour = next(m for m in meetings if m["slug"] == "2022-10-03-meeting-of-harbour-board")
    retired = RetiredTurnKey.objects.filter(meeting__slug=harbour["slug"]).order_by("key")
    assert [k["key"] for k in harbour["retired_keys"]] == [r.key for r in retired]
    assert "remark-1" in [r.key for r in retired]
    assert harbour["sources"][0]["name"] == "harbour.txt"
    turn = Turn.objects.select_related("meeting", "speaker").filter(speaker__isnull=False).first()
    record = next(t for t in turns if t["meeting"] == turn.meeting.slug and t["key"] == turn.key)
    assert record["url"] == f"http://testserver{turn.get_absolute_url()}"
    assert record["speaker"] == turn.speaker.slug and record["text"] == turn.text
    assert not any("id" in r for r in [*meetings, *turns, *people, *topics])

    # The CSV: the same turns, one row each, text with its newlines intact.
    with gzip.open(dump / "turns.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(turns)
    assert [(r["meeting"], r["key"], r["text"]) for r in rows] == [
        (t["meeting"], t["key"], t["text"]) for t in turns
    ]
    with gzip.open(dump / "meetings.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        assert [r["slug"] for r in csv.DictReader(fh)] == [m["slug"] for m in meetings]

    readme = (dump / "README.md").read_text()
    for name, fields in FIELDS.items():
        assert f"## {name}" in readme
        assert all(f"| `{field}` |" in readme for field in fields)
    assert "CC BY 4.0" in readme and "CC BY 4.0" in (dump / "LICENCE.txt").read_text()


@pytest.mark.django_db
def test_export_never_leaves_half_a_dump(archive, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "dump"
    with pytest.raises(AttributeError):
        export_archive(out, licence=None)  # fails once the data files are written
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    # An existing folder with something in it is never written into.
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(DumpError, match="already exists"):
        export_archive(out)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    # An empty folder made for it is fine.
    empty = tmp_path / "empty"
    empty.mkdir()
    export_archive(empty)
    assert (empty / "manifest.json").exists()


# ---------------------------------------------------------------------------- /downloads/


@pytest.mark.django_db
def test_downloads_says_so_when_nothing_is_published(client, tmp_path):
    with override_settings(DUMPS_DIR=tmp_path / "none"):
        r = client.get("/downloads/")
    assert r.status_code == 200
    assert "No download has been published yet" in r.content.decode()


@pytest.mark.django_db
def test_downloads_links_the_newest_dump_with_size_date_and_checksums(client, archive, tmp_path):
    dumps = tmp_path / "dumps"
    old = export(dumps, "archive-old")
    new = export(dumps, "archive-new")
    manifest = json.loads((old / "manifest.json").read_text())
    manifest["created_at"] = "2020-01-01T00:00:00Z"  # the older one, whatever the names say
    (old / "manifest.json").write_text(json.dumps(manifest))
    (dumps / ".archive-x.partial-1").mkdir()  # an export still being written: never offered
    with override_settings(DUMPS_DIR=dumps):
        html = client.get("/downloads/").content.decode()
        newest = json.loads((new / "manifest.json").read_text())
        for f in newest["files"]:
            assert f'href="/downloads/archive-new/{f["name"]}"' in html
            assert f["sha256"] in html
        assert "archive-old" not in html
        assert 'href="/downloads/archive-new/SHA256SUMS"' in html
        assert re.search(r"\d+(\.\d+)?\s(KB|bytes|MB)", html)
        assert "UTC" in html and f"{newest['counts']['turns']:,}" in html

        r = client.get("/downloads/archive-new/turns.jsonl.gz")
        assert r.status_code == 200 and r["Content-Type"] == "application/gzip"
        assert b"".join(r.streaming_content) == (new / "turns.jsonl.gz").read_bytes()
        assert client.get("/downloads/archive-new/SHA256SUMS").status_code == 200
        assert client.get("/downloads/archive-old/README.md").status_code == 200  # older dumps stay
        (new / "stray.txt").write_text("not listed")
        for bad in (
            "/downloads/archive-new/stray.txt",  # not in the manifest
            "/downloads/archive-new/..%2Fmanifest.json",
            "/downloads/..%2F..%2Fetc/passwd",
            "/downloads/.archive-x.partial-1/manifest.json",
            "/downloads/nothing/manifest.json",
        ):
            assert client.get(bad).status_code == 404, bad
        assert client.post("/downloads/").status_code == 405
