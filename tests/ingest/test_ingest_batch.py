"""Batched ingest: new meetings written many files to a transaction, with the same result as
ingesting the files one at a time."""

from __future__ import annotations

import io
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from meetings.core.generator import generate
from meetings.ingest.run import write_prepared
from meetings.ingest.single import Ingester
from meetings.models import Meeting, MeetingSource, Participant, ParticipantAlias, ParticipantRedirect, Turn
from tests.helpers import MEETING, SAMPLE_DATA

# Every table ingest writes, with the ids replaced by the slugs and names they stand for.
DUMP = {
    "participant": "SELECT slug, name, sort_name, turn_count, meeting_count FROM meetings_participant ORDER BY slug",
    "alias": """SELECT a.key, a.folded, a.surname, a.initial, a.written, a.how, p.slug
                  FROM meetings_participantalias a JOIN meetings_participant p ON p.id = a.participant_id
                 ORDER BY a.key""",
    "redirect": """SELECT r.old_slug, p.slug FROM meetings_participantredirect r
                     JOIN meetings_participant p ON p.id = r.participant_id ORDER BY 1""",
    "meeting": """SELECT slug, identity, title, date, place, description, is_excerpt, source_name, source_sha256,
                         search_vector::text, turn_count, speaker_count FROM meetings_meeting ORDER BY slug""",
    "source": """SELECT s.name, m.slug, s.sha256, s.size, s.turn_count, s.is_primary
                   FROM meetings_meetingsource s JOIN meetings_meeting m ON m.id = s.meeting_id ORDER BY 1""",
    "turn": """SELECT m.slug, t.position, p.slug, t.date, t.speaker_label, t.role, t.kind, t.text, t.key,
                      t.resolution, t.section, t.is_procedural, t.words, t.phrases::text, t.search_vector::text
                 FROM meetings_turn t JOIN meetings_meeting m ON m.id = t.meeting_id
                 LEFT JOIN meetings_participant p ON p.id = t.speaker_id ORDER BY 1, 2""",
    "retired": """SELECT m.slug, r.key FROM meetings_retiredturnkey r
                    JOIN meetings_meeting m ON m.id = r.meeting_id ORDER BY 1, 2""",
}


def dump() -> dict[str, list]:
    out = {}
    with connection.cursor() as cur:
        for name, sql in DUMP.items():
            cur.execute(sql)
            out[name] = cur.fetchall()
    # The order of the turn rows is the order they were written in.
    out["turn order"] = list(Turn.objects.order_by("id").values_list("meeting__slug", "position"))
    return out


def empty_archive() -> None:
    Turn.objects.all().delete()
    Meeting.objects.all().delete()
    ParticipantRedirect.objects.all().delete()
    ParticipantAlias.objects.all().delete()
    Participant.objects.all().delete()


def ingest(*paths, batch_size, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(
            "ingest_transcripts",
            *map(str, paths),
            stdout=out,
            stderr=err,
            no_topics=True,
            no_progress=True,
            batch_size=batch_size,
            **kwargs,
        )
        code = 0
    except CommandError as exc:
        code = exc.returncode
    lines = [
        ln for ln in (out.getvalue() + err.getvalue()).splitlines() if " in " not in ln or "files:" not in ln
    ]
    return code, lines


def meeting_text(title: str, date: str, *turns: str) -> str:
    return f"{title}\n\n{date}, City Hall, Larkspur\n\nThe lead paragraph.\n\n" + "\n\n".join(turns) + "\n"


@pytest.fixture
def corpus(tmp_path):
    """Invented transcripts in the layouts of sample_data/, with every case batching must get
    right, followed by generated ones."""
    d = tmp_path / "in"
    shutil.copytree(SAMPLE_DATA, d / "a-samples", ignore=shutil.ignore_patterns("*.md"))

    def w(name, text):
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        (d / name).write_text(text, encoding="utf-8")

    # A new person in two files; the same title twice on one date (one meeting, a repost with fewer turns).
    w(
        "b/01-quell.txt",
        meeting_text(
            "Meeting on tram lines",
            "March 1, 2021",
            "Mayor Nadia Quell: Good morning.",
            "Council member Oskar Lind: Hello.",
            "Nadia Quell: Let us begin.",
            "Remark: Too slow.",
        ),
    )
    w(
        "b/02-quell-again.txt",
        meeting_text(
            "Meeting on bus timetables",
            "March 2, 2021",
            "Mayor Nadia QUELL: Good morning again.",
            "Question: When?",
            "Nadia Quell: Soon.",
        ),
    )
    w(
        "b/03-repost.txt",
        meeting_text(
            "Meeting on the tram lines",
            "March 1, 2021",
            "Mayor Nadia Quell: Good morning.",
            "Oskar Lind: Hello.",
        ),
    )
    w(
        "b/04-fuller-repost.txt",
        meeting_text(
            "Meeting on tram lines",
            "March 1, 2021",
            "Mayor Nadia Quell: Good morning.",
            "Council member Oskar Lind: Hello.",
            "Nadia Quell: Let us begin.",
            "Remark: Too slow.",
            "Oskar Lind: Agreed.",
            "Nadia Quell: Thank you.",
        ),
    )
    # Initials first, the full name later in the same run: the person is taken over.
    w(
        "b/05-initials.txt",
        meeting_text(
            "Round table on ferries",
            "April 4, 2021",
            "Chair Helena Marsh: Welcome.",
            "P. Varga: The ferries are late.",
            "Helena Marsh: Why?",
        ),
    )
    w(
        "b/06-variant.txt",
        meeting_text(
            "Round table on harbours",
            "April 5, 2021",
            "Chair Helena Marsh: Welcome.",
            "Sergey Kolmar: The harbour is full.",
            "Sergei Kolmar: And the quay is old.",
        ),
    )
    w(
        "b/07-full-name.txt",
        meeting_text(
            "Round table on quays",
            "April 6, 2021",
            "Harbour master Piotr Varga: The quays need money.",
            "Helena Marsh: How much?",
        ),
    )
    # Same slug base, different meetings (the title differs only in punctuation kept by the identity).
    w(
        "b/08-slug.txt",
        meeting_text("Press conference", "May 1, 2021", "Press secretary Ines Moor: Questions?"),
    )
    w("b/09-slug.txt", meeting_text("Press conference!", "May 1, 2021", "Press secretary Ines Moor: Next."))
    w(
        "b/10-slug.txt",
        meeting_text("Press conference?", "May 1, 2021", "Press secretary Ines Moor: Last one."),
    )
    # The same file name in two folders: the second is an edit of the first.
    w(
        "c/same-name.txt",
        meeting_text(
            "Meeting on lighting", "June 1, 2021", "Mayor Nadia Quell: Lights.", "Oskar Lind: Dark."
        ),
    )
    w(
        "d/same-name.txt",
        meeting_text(
            "Meeting on lighting",
            "June 1, 2021",
            "Mayor Nadia Quell: Lights.",
            "Oskar Lind: Dark streets.",
            "Nadia Quell: Agreed.",
        ),
    )
    w("d/harbour.txt", MEETING)
    generate(d / "e-generated", 40, seed=5)
    return d


@pytest.mark.django_db
def test_batched_ingest_gives_the_same_archive_as_file_by_file(corpus, monkeypatch):
    code, one_by_one = ingest(corpus, batch_size=1)
    assert code == 0
    expected = dump()
    assert len(expected["meeting"]) > 50 and expected["redirect"]  # the corpus exercises the cases
    empty_archive()

    calls = []
    real = Ingester.ingest_prepared
    monkeypatch.setattr(
        Ingester, "ingest_prepared", lambda self, prep: calls.append(prep.name) or real(self, prep)
    )
    code, batched = ingest(corpus, batch_size=200)
    assert code == 0
    assert dump() == expected
    assert batched == one_by_one  # the same reports, guesses and labels, in the same order
    assert len(calls) < 10, calls  # most of the 59 files were written in batches


@pytest.mark.django_db
@pytest.mark.parametrize("batch_size", [2, 3, 7])
def test_any_batch_size_gives_the_same_archive(corpus, batch_size):
    ingest(corpus, batch_size=1)
    expected = dump()
    empty_archive()
    ingest(corpus, batch_size=batch_size)
    assert dump() == expected


@pytest.mark.django_db
def test_a_new_person_in_two_files_of_one_batch_is_one_participant(corpus, monkeypatch):
    calls = []
    real = Ingester.ingest_prepared
    monkeypatch.setattr(
        Ingester, "ingest_prepared", lambda self, prep: calls.append(prep.name) or real(self, prep)
    )
    code, _ = ingest(corpus / "b" / "01-quell.txt", corpus / "b" / "02-quell-again.txt", batch_size=200)
    assert code == 0 and not calls  # both in one batch
    quell = Participant.objects.get(name__iexact="Nadia Quell")
    assert (quell.slug, quell.turn_count, quell.meeting_count) == ("nadia-quell", 4, 2)
    assert sorted(quell.aliases.values_list("key", flat=True)) == ["nadia quell"]
    assert list(quell.turns.order_by("meeting__date", "position").values_list("key", flat=True)) == [
        "nadia-quell-1",
        "nadia-quell-2",
        "nadia-quell-1",
        "nadia-quell-2",
    ]


@pytest.mark.django_db
def test_two_files_of_one_meeting_in_one_batch_give_what_file_by_file_gives(corpus):
    files = [corpus / "b" / n for n in ("01-quell.txt", "03-repost.txt", "04-fuller-repost.txt")]
    _, one_by_one = ingest(*files, batch_size=1)
    expected = dump()
    empty_archive()
    _, batched = ingest(*files, batch_size=200)
    assert dump() == expected and batched == one_by_one
    assert Meeting.objects.count() == 1
    assert set(MeetingSource.objects.values_list("name", "is_primary")) == {
        ("01-quell.txt", False),
        ("03-repost.txt", False),
        ("04-fuller-repost.txt", True),
    }
    assert [line.split()[0] for line in batched[:3]] == ["new", "duplicate", "updated"]


@pytest.mark.django_db
def test_a_database_error_in_one_file_of_a_batch_fails_that_file_alone(corpus, tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    for name in ("01-quell.txt", "02-quell-again.txt", "05-initials.txt", "08-slug.txt"):
        shutil.copy(corpus / "b" / name, d / name)
    # The database refuses this file's meeting (a trigger stands in for any error PostgreSQL may raise).
    with connection.cursor() as cur:
        cur.execute(
            "CREATE FUNCTION refuse_meeting() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
        )
        cur.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON meetings_meeting FOR EACH ROW "
            "WHEN (NEW.title LIKE '%refused titles%') EXECUTE FUNCTION refuse_meeting()"
        )
    (d / "03-refused.txt").write_text(
        meeting_text(
            "Meeting on refused titles",
            "March 3, 2021",
            "Mayor Nadia Quell: Hello.",
            "Newcomer Vera Long: Hi.",
        ),
        encoding="utf-8",
    )
    code, lines = ingest(d, batch_size=200)
    assert code == 1
    failed = [line for line in lines if line.startswith("FAILED")]
    assert len(failed) == 1 and "03-refused.txt: database error" in failed[0]
    assert Meeting.objects.count() == 4
    assert not Participant.objects.filter(name="Vera Long").exists()  # nothing of it half-written
    assert Participant.objects.get(name="Nadia Quell").turn_count == 4
    for source in MeetingSource.objects.select_related("meeting"):
        assert source.meeting.turns.count() == source.turn_count


def test_fresh_keys_are_the_keys_assign_keys_gives_a_new_meeting():
    import random

    from meetings.core.permalinks import NewTurn, assign_keys
    from meetings.ingest.batch import fresh_keys

    rng = random.Random(4)
    for _ in range(50):
        turns = [
            NewTurn(prefix=rng.choice(["helena-marsh", "remark", "summary", "a-b-2"]), text=rng.choice("xyz"))
            for _ in range(rng.randint(0, 30))
        ]
        assert fresh_keys(turns) == assign_keys(turns, [], [])[0]


@pytest.mark.django_db
def test_reports_of_unchanged_files_do_not_wait_for_a_batch_to_fill(tmp_path):
    from meetings.ingest.prepare import prepare

    generate(tmp_path / "old", 30, seed=2)
    ingest(tmp_path / "old", batch_size=200)
    (tmp_path / "fresh.txt").write_text(MEETING, encoding="utf-8")
    old = sorted((tmp_path / "old").glob("*.txt"))
    known = dict(MeetingSource.objects.values_list("name", "sha256"))
    consumed = []

    def stream():
        yield prepare(tmp_path / "fresh.txt")
        for _ in range(10):  # the same unchanged files, over and over
            for path in old:
                consumed.append(path)
                yield prepare(path, known[path.name])

    reports = write_prepared(stream(), Ingester(), batch_size=20)
    first = next(reports)
    assert first.status == "new" and len(consumed) <= 20
    assert {r.status for r in reports} == {"unchanged"}


@pytest.mark.django_db
def test_slugs_taken_in_the_archive_and_in_the_batch_are_skipped_as_file_by_file(tmp_path):
    # Titles that differ only after the tenth word: one slug base, different meetings.
    title = "Press conference on the budget of the city for the coming year, part {}"
    for n in range(1, 8):
        (tmp_path / f"part-{n}.txt").write_text(
            meeting_text(title.format(n), "May 1, 2021", f"Press secretary Ines Moor: Part {n}."),
            encoding="utf-8",
        )
    first = [tmp_path / "part-1.txt", tmp_path / "part-2.txt"]
    ingest(*first, batch_size=1)
    ingest(tmp_path, batch_size=1)
    expected = dump()
    empty_archive()
    ingest(*first, batch_size=1)
    ingest(tmp_path, batch_size=200)
    assert dump() == expected
    base = "2021-05-01-press-conference-on-budget-of-city-for-coming-year-part"
    assert sorted(Meeting.objects.values_list("slug", flat=True)) == [base] + [
        f"{base}-{n}" for n in range(2, 8)
    ]


def assert_counts_exact():
    """Every participant's remark and meeting counts are those of the turns table."""
    with connection.cursor() as cur:
        cur.execute("""
            SELECT p.slug, p.turn_count, p.meeting_count, count(t.id), count(DISTINCT t.meeting_id)
              FROM meetings_participant p LEFT JOIN meetings_turn t ON t.speaker_id = p.id
             GROUP BY p.id HAVING p.turn_count <> count(t.id) OR p.meeting_count <> count(DISTINCT t.meeting_id)""")
        assert cur.fetchall() == []


@pytest.mark.django_db
@pytest.mark.parametrize("batch_size", [1, 200])
def test_counts_stay_exact_through_new_files_edits_reposts_and_merges(corpus, batch_size):
    ingest(corpus, batch_size=batch_size)
    assert_counts_exact()
    assert Participant.objects.filter(turn_count__gt=0).count() > 20


@pytest.mark.django_db
def test_an_edit_does_not_recount_every_remark_of_its_speakers(write_transcript):
    """A chair who speaks in most meetings: an edited file must not count all of their turns."""
    from django.test.utils import CaptureQueriesContext

    path = write_transcript("harbour.txt", MEETING)
    ingest(path, batch_size=1)
    path.write_text(MEETING.replace("Two million.", "Three million."), encoding="utf-8")
    with CaptureQueriesContext(connection) as queries:
        _, lines = ingest(path, batch_size=1)
    assert any(line.startswith("updated") for line in lines)
    assert not [q["sql"] for q in queries if "count(DISTINCT meeting_id)" in q["sql"]]
    assert_counts_exact()
