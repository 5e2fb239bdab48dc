"""Bad input and faults during ingest: clear per-file messages, nothing half-written."""

from __future__ import annotations

import io
import os
import threading
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from meetings.ingest.prepare import MAX_FILE_BYTES
from meetings.models import Meeting, Participant, Turn
from meetings.sql.locks import acquire_ingest_lock, release_ingest_lock
from tests.helpers import MEETING


def run(*paths, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest_transcripts", *map(str, paths), stdout=out, stderr=err, **kwargs)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_each_kind_of_bad_file_is_reported_and_the_good_one_still_ingests(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(MEETING, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (d / "chrome.txt").write_text("View settings\n\nFont size:\n\nSite colours:\n", encoding="utf-8")
    (d / "nolabels.txt").write_text(
        "A meeting\n\nMay 3, 2021\n\nIt was held. Nobody is quoted.\n", encoding="utf-8"
    )
    with open(d / "huge.txt", "wb") as f:  # 200 MB, sparse
        f.truncate(200 * 1024 * 1024)
    (d / "dangling.txt").symlink_to(d / "missing-target.txt")
    os.mkfifo(d / "pipe.txt")
    code, out, err = run(d)
    assert code == 1
    assert "1 new" in out and "1 skipped, 6 failed" in out
    # A page with no speaker labels is not a transcript: skipped with its reason, not failed.
    assert "nolabels.txt" not in err
    assert "skipped: 1 file(s), not a transcript: it has no speaker labels" in out
    for name, reason in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("chrome.txt", "only page chrome"),
        ("huge.txt", f"larger than the {MAX_FILE_BYTES // 1048576} MB"),
        ("dangling.txt", "cannot read it"),
        ("pipe.txt", "not a regular file"),
    ]:
        line = next((ln for ln in err.splitlines() if ln.endswith(name) or name + ":" in ln), "")
        assert reason in line, (name, err)
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_legacy_encodings_ingest_with_a_warning(tmp_path):
    text = MEETING.replace("Port Director", "Port Director Café").replace("Tomas Reyes", "Tomás Reyes")
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.replace("Harbour Board", "Harbour Board (2)").encode("utf-16"))
    cyr = "Заседание совета\n\nMay 3, 2021\n\nВведение.\n\nHelena Marsh: Добрый день, коллеги, начнём заседание.\n"
    (tmp_path / "cp1251.txt").write_bytes(cyr.encode("cp1251"))
    code, out, _ = run(tmp_path, verbosity=2)
    assert code == 0, out
    assert "decoded as cp1252" in out and "decoded as cp1251" in out
    assert Participant.objects.filter(name="Tomás Reyes").exists()
    assert Meeting.objects.filter(title="Заседание совета").exists()


@pytest.mark.django_db
def test_symlink_loops_and_many_files(tmp_path):
    d = tmp_path / "tree"
    (d / "a" / "b").mkdir(parents=True)
    (d / "a" / "b" / "loop").symlink_to(d / "a")
    (d / "a" / "good.txt").write_text(MEETING, encoding="utf-8")
    for i in range(1500):
        (d / "a" / "b" / f"chrome-{i:04d}.txt").write_text("View settings\n", encoding="utf-8")
    started = time.monotonic()
    code, out, _ = run(d, no_topics=True)
    assert code == 1 and "1 new" in out and "1500 failed" in out
    assert time.monotonic() - started < 120


@pytest.mark.django_db
def test_absurd_lines_and_a_label_with_no_text(tmp_path):
    long_line = "word " * 200_000
    text = MEETING.replace("Tomas Reyes: Two million.", f"Tomas Reyes: {long_line}\n\nHelena Marsh:")
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(tmp_path, verbosity=2)
    assert code == 0
    assert "has no text" in out
    assert len(Turn.objects.get(key="tomas-reyes-2").text) > 900_000


@pytest.mark.django_db
@pytest.mark.parametrize("batch_size", [1, 200])
def test_a_crash_midway_leaves_the_file_unwritten(tmp_path, monkeypatch, batch_size):
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MEETING.replace("Harbour Board", "Ferry Board"), encoding="utf-8")
    from meetings.ingest import batch as bulk_ingest
    from meetings.ingest import single as ingest

    def crash_batch(rows):  # a batch dies after its people and meetings were written
        raise RuntimeError("killed")

    monkeypatch.setattr(bulk_ingest, "write_turns", crash_batch)  # then its files go one by one

    real = ingest.Turn.objects.bulk_create
    calls = {"n": 0}

    def crash(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the second file dies after its meeting row was written
            raise RuntimeError("killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest.Turn.objects, "bulk_create", crash)
    code, _out, err = run(tmp_path, no_topics=True, batch_size=batch_size)
    assert code == 1 and "b.txt: database error" in err
    assert list(Meeting.objects.values_list("title", flat=True)) == ["Meeting of the Harbour Board"]
    assert Turn.objects.count() == 6


@pytest.mark.django_db(transaction=True)
def test_two_ingests_cannot_interleave(tmp_path):
    """A second ingest waits on the advisory lock until the first one finishes."""
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    acquire_ingest_lock()  # this connection plays the first ingest
    finished = threading.Event()

    def second():
        try:
            run(tmp_path, no_topics=True)
        finally:
            from django.db import connection as c

            c.close()
            finished.set()

    t = threading.Thread(target=second)
    t.start()
    time.sleep(1.5)
    assert not finished.is_set() and Meeting.objects.count() == 0  # blocked
    release_ingest_lock()
    t.join(timeout=30)
    assert finished.is_set() and Meeting.objects.count() == 1
    connection.close()


@pytest.mark.django_db(transaction=True)
def test_killing_an_ingest_leaves_only_whole_files(tmp_path):
    """SIGKILL an ingest midway: every meeting written is complete, nothing else is."""
    import signal
    import subprocess
    import sys

    from meetings.core.generator import generate
    from meetings.models import MeetingSource
    from tests.helpers import ROOT

    generate(tmp_path / "in", 150, seed=9)
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "ingest_transcripts",
            "--no-progress",
            "--no-topics",
            str(tmp_path / "in"),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while Meeting.objects.count() < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    connection.close()
    written = Meeting.objects.count()
    assert 5 <= written < 150
    for source in MeetingSource.objects.select_related("meeting"):
        assert source.meeting.turns.count() == source.turn_count > 0
    assert not Participant.objects.filter(turns=None).exists()
    # Running it again completes the archive.
    code, _out, _ = run(tmp_path / "in", no_topics=True)
    assert code == 0 and Meeting.objects.count() == 150


@pytest.mark.django_db
def test_derived_data_a_stopped_ingest_left_undone_is_rebuilt_by_the_next_run(tmp_path, monkeypatch):
    """Files written, then the run stopped before the profiles' figures, topics and search words
    were rebuilt (a kill, Ctrl-C, a crash): the next run of the same files, all unchanged, rebuilds
    them (it had said "unchanged" and left the profiles empty for good)."""
    from meetings.ingest import run as ingest_run
    from meetings.models import Appearance

    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_run, "rebuild_aggregates", stopped)
    with pytest.raises(CommandError, match="stopped before"):
        call_command("ingest_transcripts", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Turn.objects.count() == 6 and not Appearance.objects.exists()
    monkeypatch.undo()
    # A run that leaves topics for later rebuilds the rest and leaves the mark for the topics.
    code, out, _err = run(tmp_path, no_topics=True)
    assert code == 0 and "left undone" in out and "topics:" not in out
    code, out, _err = run(tmp_path)
    assert code == 0 and "1 unchanged" in out and "left undone" in out and "topics:" in out
    assert Appearance.objects.exists()
    reyes = Participant.objects.get(name="Tomas Reyes")
    assert reyes.turn_count == Turn.objects.filter(speaker=reyes).count() > 0
    # ... and once done, a run with nothing new does nothing more.
    code, out, _err = run(tmp_path)
    assert code == 0 and "left undone" not in out


@pytest.mark.django_db
def test_a_file_name_that_is_not_utf8_is_reported_and_the_others_ingest(tmp_path):
    """A name of Latin-1 bytes (a zip unpacked from another system) had stopped the whole run
    with a traceback naming no file, the files after it never ingested."""
    bad = os.path.join(os.fsencode(tmp_path), b"2015-01-20_r\xe9union.txt")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(MEETING)
    (tmp_path / "b.txt").write_text(MEETING.replace("Harbour Board", "Ferry Board"), encoding="utf-8")
    code, out, err = run(tmp_path, no_topics=True)
    assert code == 1
    assert "2015-01-20_r\\xe9union.txt: its name is not valid UTF-8" in err
    assert "1 new" in out and "1 failed" in out
    assert list(Meeting.objects.values_list("title", flat=True)) == ["Meeting of the Ferry Board"]


OTHER_MEETING = """Meeting on the ferries

October 3, 2022, Ferry Terminal, Larkspur

Helena Marsh met ferry captains at the terminal.

Helena Marsh: Captains, how many crossings did you make this summer?

Captain Ivo Drach: Four hundred, more than ever before, and the boats are full.

Helena Marsh: And the new timetable for the winter months?

Captain Ivo Drach: It starts in November, with two night crossings a week.
"""


@pytest.mark.django_db
def test_a_file_of_a_known_name_holding_another_page_is_refused(tmp_path):
    """A mirror's "<id>/index.html": the second page of one name had replaced the first's meeting
    ("1 new, 1 updated"), its remarks lost without a word; in one run or a later one, of another
    date or the same."""
    (tmp_path / "70000").mkdir()
    (tmp_path / "70001").mkdir()
    (tmp_path / "70000" / "index.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "70001" / "index.txt").write_text(OTHER_MEETING, encoding="utf-8")
    for batch_size in (1, 200):
        code, out, err = run(tmp_path, no_topics=True, batch_size=batch_size)
        assert code == 1 and "1 failed" in out
        assert (
            "70001/index.txt: the archive holds a file of this name as 'Meeting of the Harbour Board'" in err
        )
        assert "and this one shares 0% of its wording ('Meeting on the ferries', October 3, 2022)" in err
        assert list(Meeting.objects.values_list("title", flat=True)) == ["Meeting of the Harbour Board"]
        assert Turn.objects.count() == 6


@pytest.mark.django_db
def test_a_page_whose_date_the_site_corrected_updates_its_meeting(tmp_path):
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    run(tmp_path, no_topics=True)
    (tmp_path / "a.txt").write_text(MEETING.replace("October 3, 2022", "October 4, 2022"), encoding="utf-8")
    code, out, _err = run(tmp_path, no_topics=True)
    assert code == 0 and "1 updated" in out
    assert [str(d) for d in Meeting.objects.values_list("date", flat=True)] == ["2022-10-04"]


@pytest.mark.django_db
def test_an_update_with_fewer_remarks_says_so_on_its_line(tmp_path):
    """A download cut short under the same name replaces the fuller meeting, as a changed file
    does; its line had said only "updated"."""
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    run(tmp_path, no_topics=True)
    cut = MEETING[: MEETING.index("Helena Marsh: How much")]
    (tmp_path / "a.txt").write_text(cut, encoding="utf-8")
    code, out, _err = run(tmp_path, no_topics=True)
    assert code == 0 and "1 updated" in out
    assert "a.txt -> " in out and "(2 turns): 4 remark(s) fewer than the archive held (6)" in out
