"""import_archive refuses what it cannot load whole: a database with data in it, a dump whose
manifest or checksums do not hold, a record it cannot read. The error names the file and the
reason, and nothing is written."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.models import Meeting, MeetingSource, Participant, ParticipantAlias, Topic, Turn
from tests.helpers import MEETING, ingest


@pytest.fixture
def dump(tmp_path, write_transcript) -> Path:
    """A dump of a one-meeting archive, and the database emptied again."""
    ingest(write_transcript("harbour.txt", MEETING))
    out = tmp_path / "dump"
    call_command("export_archive", str(out), stdout=io.StringIO())
    for model in (Turn, MeetingSource, Meeting, ParticipantAlias, Participant, Topic):
        model.objects.all().delete()
    return out


def load(folder: Path) -> str:
    out = io.StringIO()
    call_command("import_archive", str(folder), stdout=out)
    return out.getvalue()


def nothing_written() -> bool:
    return not any(m.objects.exists() for m in (Meeting, Participant, ParticipantAlias, Turn, Topic))


def rewrite(folder: Path, name: str, change) -> None:
    """Change a file of the dump and give the manifest its new size and checksum (a dump that is
    whole, with a bad record in it)."""
    path = folder / name
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    text = change(records)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(text)
    manifest = json.loads((folder / "manifest.json").read_text())
    for f in manifest["files"]:
        if f["name"] == name:
            data = path.read_bytes()
            f["bytes"], f["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.django_db
def test_a_dump_loads_into_an_empty_database(dump):
    assert nothing_written()
    out = load(dump)
    assert "loaded 1 meetings, 2 participants" in out
    assert Turn.objects.count() == 6
    assert Meeting.objects.get().search_vector is not None
    assert Participant.objects.get(slug="helena-marsh").turn_count == 3


@pytest.mark.django_db
def test_an_older_dumps_aliases_are_keyed_by_the_folding_of_this_version(dump):
    """A dump keeps each alias's folded key as the version that wrote it folded names; loaded, the
    key is this version's, so that the next ingest finds the person under any spelling."""

    def older(records):
        for r in records:
            for a in r["aliases"]:
                a["folded"], a["surname"] = "stale " + a["folded"], "stale"
        return "".join(json.dumps(r) + "\n" for r in records)

    rewrite(dump, "participants.jsonl.gz", older)
    load(dump)
    alias = ParticipantAlias.objects.get(key="helena marsh")
    assert (alias.folded, alias.surname) == ("helena marsh", "marsh")


@pytest.mark.django_db
def test_a_database_with_data_is_refused(dump):
    load(dump)
    before = Turn.objects.count()
    with pytest.raises(CommandError, match="the database is not empty"):
        load(dump)
    assert Turn.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda d: (d / "manifest.json").unlink(), "manifest.json: missing"),
        (lambda d: (d / "manifest.json").write_text("{not json"), "manifest.json: unreadable"),
        (
            lambda d: (d / "manifest.json").write_text(
                (d / "manifest.json").read_text().replace('"version": 1', '"version": 9')
            ),
            "format version 9",
        ),
        (lambda d: (d / "topics.jsonl.gz").unlink(), "topics.jsonl.gz: missing"),
        (
            lambda d: (d / "turns.jsonl.gz").write_bytes((d / "turns.jsonl.gz").read_bytes()[:-20]),
            "turns.jsonl.gz: .* bytes, the manifest says",
        ),
        (
            lambda d: (d / "participants.jsonl.gz").write_bytes(
                bytes(
                    b ^ 0xFF if i == 40 else b
                    for i, b in enumerate((d / "participants.jsonl.gz").read_bytes())
                )
            ),
            "participants.jsonl.gz: its SHA-256 is not the manifest's",
        ),
    ],
)
def test_a_dump_whose_manifest_or_checksums_fail_is_refused(dump, damage, message):
    damage(dump)
    with pytest.raises(CommandError, match=message):
        load(dump)
    assert nothing_written()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, change, message",
    [
        (
            "turns.jsonl.gz",
            lambda rs: "".join(json.dumps(r) + "\n" for r in rs) + "{oops\n",
            r"turns.jsonl.gz: line 7: not JSON",
        ),
        (
            "turns.jsonl.gz",
            lambda rs: "".join(
                json.dumps({**r, "speaker": "nobody"} if i == 2 else r) + "\n" for i, r in enumerate(rs)
            ),
            r"turns.jsonl.gz: line 3: the speaker 'nobody' is not in participants.jsonl.gz",
        ),
        (
            "turns.jsonl.gz",
            lambda rs: "".join(json.dumps({**r, "key": rs[0]["key"]}) + "\n" for r in rs),
            r"turns.jsonl.gz: .*turn_key_unique",
        ),
        (
            "meetings.jsonl.gz",
            lambda rs: "".join(json.dumps({k: v for k, v in r.items() if k != "title"}) + "\n" for r in rs),
            r"meetings.jsonl.gz: line 1: the field 'title' is missing",
        ),
        (
            "participants.jsonl.gz",
            lambda rs: "".join(json.dumps({**r, "turn_count": "3"}) + "\n" for r in rs),
            r"participants.jsonl.gz: line 1: 'turn_count' should be int, not str",
        ),
        (
            "meetings.jsonl.gz",
            lambda rs: "".join(json.dumps({**r, "date": "3 October"}) + "\n" for r in rs),
            r"meetings.jsonl.gz: line 1: 'date' is not a date",
        ),
    ],
)
def test_a_bad_record_is_named_and_nothing_is_half_written(dump, name, change, message):
    """The turns come after the people and the meeting: a bad turn rolls those back too."""
    rewrite(dump, name, change)
    with pytest.raises(CommandError, match=message):
        load(dump)
    assert nothing_written()


@pytest.mark.django_db
def test_a_record_count_other_than_the_manifests_is_refused(dump):
    rewrite(dump, "turns.jsonl.gz", lambda rs: "".join(json.dumps(r) + "\n" for r in rs[:-1]))
    with pytest.raises(CommandError, match=r"turns.jsonl.gz: 5 records, the manifest says 6"):
        load(dump)
    assert nothing_written()


@pytest.mark.django_db
def test_not_a_dump(tmp_path):
    with pytest.raises(CommandError, match="not a folder"):
        load(tmp_path / "nowhere")
    with pytest.raises(CommandError, match=r"manifest\.json: missing"):
        load(tmp_path)
