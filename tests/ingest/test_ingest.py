"""ingest_transcripts: one transaction per file, idempotent, keys carried over, clear failures."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.models import Meeting, MeetingSource, Participant, ParticipantAlias, RetiredTurnKey, Turn
from tests.helpers import MEETING, ingest


def keys(meeting=None):
    meeting = meeting or Meeting.objects.get()
    return list(meeting.turns.order_by("position").values_list("key", flat=True))


@pytest.mark.django_db
def test_ingest_writes_meeting_participants_turns_and_keys(write_transcript):
    out = ingest(write_transcript("harbour.txt", MEETING))
    m = Meeting.objects.get()
    assert (m.title, str(m.date), m.place) == (
        "Meeting of the Harbour Board",
        "2022-10-03",
        "Harbour Hall, Larkspur",
    )
    assert m.slug == "2022-10-03-meeting-of-harbour-board"
    assert m.source_name == "harbour.txt" and len(m.source_sha256) == 64
    assert keys() == [
        "helena-marsh-1",
        "tomas-reyes-1",
        "helena-marsh-2",
        "tomas-reyes-2",
        "remark-1",
        "helena-marsh-3",
    ]
    first = m.turns.get(position=1)
    assert (first.speaker.name, first.role, first.speaker_label) == (
        "Helena Marsh",
        "Chair of the Harbour Board",
        "Chair of the Harbour Board Helena Marsh",
    )
    assert first.get_absolute_url() == "/meetings/2022-10-03-meeting-of-harbour-board/helena-marsh-1/"
    assert m.turns.get(key="remark-1").speaker is None
    assert "1 new" in out and "Remark" in out  # the summary lists labels with no person


@pytest.mark.django_db
def test_unchanged_files_write_nothing(write_transcript, django_assert_max_num_queries):
    path = write_transcript("harbour.txt", MEETING)
    ingest(path)
    ids = list(Turn.objects.values_list("id", flat=True))
    out = ingest(path)
    assert "1 unchanged" in out
    assert list(Turn.objects.values_list("id", flat=True)) == ids


@pytest.mark.django_db
def test_edited_file_keeps_keys_of_unchanged_turns_and_retires_removed_ones(write_transcript):
    path = write_transcript("harbour.txt", MEETING)
    ingest(path)
    edited = MEETING.replace(
        "Chair of the Harbour Board Helena Marsh: Good morning.\n",
        "Chair of the Harbour Board Helena Marsh: Good morning.\n\nTomas Reyes: Good morning, Madam Chair.\n",
    ).replace("Remark: Too much.\n\n", "")
    path.write_text(edited, encoding="utf-8")
    out = ingest(path)
    assert "1 updated" in out
    assert keys() == [
        "helena-marsh-1",
        "tomas-reyes-3",
        "tomas-reyes-1",
        "helena-marsh-2",
        "tomas-reyes-2",
        "helena-marsh-3",
    ]
    assert list(RetiredTurnKey.objects.values_list("key", flat=True)) == ["remark-1"]
    assert Meeting.objects.get().slug == "2022-10-03-meeting-of-harbour-board"


@pytest.mark.django_db
def test_identical_input_gives_identical_urls_in_a_fresh_archive(write_transcript):
    path = write_transcript("harbour.txt", MEETING)
    ingest(path)
    first = [t.get_absolute_url() for t in Turn.objects.select_related("meeting").order_by("position")]
    Turn.objects.all().delete()
    MeetingSource.objects.all().delete()
    Meeting.objects.all().delete()
    ParticipantAlias.objects.all().delete()
    Participant.objects.all().delete()
    ingest(path)
    assert [
        t.get_absolute_url() for t in Turn.objects.select_related("meeting").order_by("position")
    ] == first


@pytest.mark.django_db
def test_a_page_saved_whole_as_html_is_found_and_read(write_transcript):
    """A page saved from a browser ("<name>.html" or ".htm") is a transcript file like a text dump:
    it was passed over in a directory, and its remarks are the page's as a browser shows them."""
    paragraphs = [p for p in MEETING.split("\n\n") if p.strip()]
    page = (
        "<!DOCTYPE html><html><head><title>Harbour</title></head><body><h1>"
        + paragraphs[0]
        + "</h1>"
        + "".join(f"<p>{p}</p>\n" for p in paragraphs[1:])
        + "</body></html>"
    )
    write_transcript("d/harbour.html", page)
    write_transcript("d/other/harbour-board.HTM", page.replace("October 3", "October 4"))
    ingest(write_transcript("d/notes.md", "not a transcript").parent)
    assert sorted(str(m.date) for m in Meeting.objects.all()) == ["2022-10-03", "2022-10-04"]
    assert [
        (t.speaker.name if t.speaker else None, t.text)
        for t in Turn.objects.filter(meeting__date="2022-10-03")
        .select_related("speaker")
        .order_by("position")
    ][:2] == [
        ("Helena Marsh", "Good morning."),
        ("Tomas Reyes", "The quay needs repairs."),
    ]


@pytest.mark.django_db
def test_a_bad_file_fails_alone_with_its_name_and_reason(write_transcript):
    good = write_transcript("d/good.txt", MEETING)
    write_transcript("d/empty.txt", "")
    write_transcript("d/nolabels.txt", "A title\n\nMay 3, 2021\n\nNobody speaks here.\n")
    write_transcript("d/notes.md", "ignored: not a transcript file")
    # A page with no speaker labels is not a transcript: skipped and counted, not a failure.
    with pytest.raises(CommandError, match="1 of 3 file"):
        ingest(good.parent)
    assert Meeting.objects.count() == 1
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest_transcripts", str(good.parent), "--no-progress", stdout=out, stderr=err)
    assert "empty.txt: the file is empty" in err.getvalue()
    assert "nolabels.txt" not in err.getvalue()
    assert (
        "skipped   " in out.getvalue()
        and "nolabels.txt (not a transcript: it has no speaker labels" in out.getvalue()
    )
    assert "1 skipped, 1 failed" in out.getvalue()
    assert "skipped: 1 file(s), not a transcript: it has no speaker labels" in out.getvalue()
    # --strict: a skipped page is a failure too.
    with pytest.raises(CommandError, match="2 of 3 file"):
        ingest(good.parent, strict=True)


@pytest.mark.django_db
def test_pages_that_are_not_transcripts_are_skipped_and_the_run_succeeds(write_transcript):
    good = write_transcript("d/good.txt", MEETING)
    write_transcript(
        "d/appointments.txt",
        "Executive Order on the Cabinet\n\nJune 2, 2023\n\nThe Governor appointed the Cabinet.\n\n"
        "Minister of Foreign Affairs: Ilona Vance.\n\nMinister of Science and Higher Education: Pavel Orlin.\n",
    )
    write_transcript("d/news.txt", "A title\n\nMay 3, 2021\n\nThe Governor visited the port.\n")
    out = ingest(good.parent)
    assert "files: 1 new, 0 updated, 0 unchanged, 0 duplicate, 2 skipped, 0 failed" in out
    assert Meeting.objects.count() == 1
    assert not Participant.objects.filter(name__icontains="affairs").exists()


@pytest.mark.django_db
def test_reparse_rewrites_unchanged_files_and_keeps_every_link(write_transcript):
    path = write_transcript("m.txt", MEETING)
    ingest(path)
    before = {t.key: t.text for t in Turn.objects.all()}
    out = ingest(path)
    assert "1 unchanged" in out
    out = ingest(path, reparse=True)
    assert "1 updated" in out
    assert {t.key: t.text for t in Turn.objects.all()} == before


@pytest.mark.django_db
def test_missing_path_is_reported(tmp_path):
    with pytest.raises(CommandError):
        ingest(tmp_path / "nothing-here")


@pytest.mark.django_db
def test_dry_run_writes_nothing(write_transcript):
    out = ingest(write_transcript("harbour.txt", MEETING), dry_run=True)
    assert "Dry run" in out and "1 new" in out
    assert Meeting.objects.count() == 0 and Participant.objects.count() == 0


@pytest.mark.django_db
def test_a_repost_of_the_same_meeting_is_one_meeting(write_transcript):
    ingest(write_transcript("page.txt", MEETING))
    repost = (
        "NEWSLINK TRANSCRIPT: [Helena Marsh at] Meeting of Harbour Board (transcript concluded)” – NewsLink\n\n( – October 3, 2022)\n\n"
        + MEETING.split("\n\n", 3)[3]
    )
    out = ingest(write_transcript("repost.txt", repost))
    assert "1 duplicate" in out
    # As many remarks: the line does not call the kept text the fuller one (it had).
    assert "the same meeting as page.txt, whose text is kept (as many remarks" in out
    assert Meeting.objects.count() == 1
    assert set(MeetingSource.objects.values_list("name", "is_primary")) == {
        ("page.txt", True),
        ("repost.txt", False),
    }


@pytest.mark.django_db
def test_one_person_across_meetings_spellings_and_initials(write_transcript):
    a = "Meeting one\n\nMay 3, 2021\n\nLead.\n\nMayor Sergei Kolmar: Hello.\n\nCouncil member Anton Repnin: Hi.\n\nPrime Minister Dmitry Halvorsen: Yes.\n"
    b = "Meeting two\n\nMay 4, 2021\n\nLead.\n\nMayor Sergey KOLMAR: Hello again.\n\nA. Repnin: Hi again.\n\nGas company chief Alexander Halvorsen: No.\n"
    ingest(write_transcript("a.txt", a))
    out = ingest(write_transcript("b.txt", b))
    names = sorted(Participant.objects.values_list("name", flat=True))
    # (one label each way: the spelling of the later meeting is shown)
    assert names == ["Alexander Halvorsen", "Anton Repnin", "Dmitry Halvorsen", "Sergey Kolmar"]
    assert "A. Repnin" in out  # a guess, listed for an editor
    # The aliases are kept: the variant resolves the same way next time.
    assert ParticipantAlias.objects.get(key="sergei kolmar").participant.name == "Sergey Kolmar"


@pytest.mark.django_db
@pytest.mark.parametrize("order", ["rare spelling first", "rare spelling last"])
def test_a_person_is_shown_under_the_spelling_most_of_their_remarks_write(write_transcript, order):
    """ "Aleksey Tikhonin" in one meeting and "Alexei Tikhonin" in two: the person is shown as
    "Alexei", whichever came first (the first spelling ingested had been shown for good); the
    slug, a permanent link, stays the first one's."""
    pages = [
        (
            "a.txt",
            "Meeting one\n\nMay 3, 2021\n\nLead.\n\nMayor Aleksey Tikhonin: Hello.\n\nAnton Repnin: Hi.\n",
        ),
        (
            "b.txt",
            "Meeting two\n\nMay 4, 2021\n\nLead.\n\nMayor Alexei Tikhonin: Again.\n\nAnton Repnin: Hi.\n",
        ),
        (
            "c.txt",
            "Meeting three\n\nMay 5, 2021\n\nLead.\n\nAlexei Tikhonin: Once more.\n\nAnton Repnin: Hi.\n",
        ),
    ]
    if order == "rare spelling last":
        pages = pages[1:] + pages[:1]
    for name, text in pages:
        ingest(write_transcript(name, text))
    person = Participant.objects.get(slug__in=["aleksey-tikhonin", "alexei-tikhonin"])
    assert (person.name, person.sort_name) == ("Alexei Tikhonin", "Tikhonin, Alexei")
    assert person.slug == ("aleksey-tikhonin" if order == "rare spelling first" else "alexei-tikhonin")
    assert Participant.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("order", ["older spelling first", "newer spelling first"])
def test_of_two_spellings_written_as_often_the_later_is_shown_whatever_the_order(write_transcript, order):
    """ "Aleksey Tikhonin" twice in 2013, "Alexei Tikhonin" twice in 2020: shown as "Alexei" in
    either order of ingest (a tie had kept whichever spelling was stored first)."""
    pages = [
        (f"{y}{i}.txt", f"Meeting {y} {i}\n\nMay {i}, {y}\n\nLead.\n\n{name}: Hello.\n\nAnton Repnin: Hi.\n")
        for y, name in ((2013, "Mayor Aleksey Tikhonin"), (2020, "Mayor Alexei Tikhonin"))
        for i in (3, 4)
    ]
    if order == "newer spelling first":
        pages = pages[2:] + pages[:2]
    for name, text in pages:
        ingest(write_transcript(name, text))
    person = Participant.objects.get(slug__in=["aleksey-tikhonin", "alexei-tikhonin"])
    assert person.name == "Alexei Tikhonin"


@pytest.mark.django_db
def test_a_spelling_inside_another_is_not_counted_as_it():
    """ "Evgeny Kaltsov" is written inside "Yevgeny Kaltsov": counted as text, every label of
    "Yevgeny" had counted for "Evgeny" too, and the rarer spelling was shown."""
    from meetings.ingest.people import labels_writing

    labels = ["Director of the Terminal Yevgeny Kaltsov", "Yevgeny Kaltsov", "Yevgeny Kaltsov (retranslated)"]
    assert labels_writing(["Yevgeny Kaltsov", "Evgeny Kaltsov"], [*labels, "Evgeny Kaltsov"]) == {
        "Yevgeny Kaltsov": 3,
        "Evgeny Kaltsov": 1,
    }


@pytest.mark.django_db
def test_a_given_name_spelt_from_the_russian_is_the_known_person_also_in_an_older_archive(write_transcript):
    """ "Aleksandr Kolmar" of one page and "Alexander Kolmar" of another are one person; an archive
    whose aliases were keyed before the folding knew the ending finds them so after its migration."""
    from importlib import import_module

    from django.apps import apps
    from django.db import connection

    a = "Meeting one\n\nMay 3, 2021\n\nLead.\n\nMayor Aleksandr Kolmar: Hello.\n\nAnton Repnin: Hi.\n"
    b = "Meeting two\n\nMay 4, 2021\n\nLead.\n\nMayor Alexander Kolmar: Hello again.\n\nAnton Repnin: Hi.\n"
    c = "Meeting three\n\nMay 5, 2021\n\nLead.\n\nMayor Alexandr Kolmar: Once more.\n\nAnton Repnin: Hi.\n"
    ingest(write_transcript("a.txt", a))
    ParticipantAlias.objects.filter(key="aleksandr kolmar").update(
        folded="alexandr kolmar"
    )  # as keyed before
    with connection.schema_editor() as editor:
        import_module("meetings.migrations.0018_alias_folds_refiled").refold(apps, editor)
    assert ParticipantAlias.objects.get(key="aleksandr kolmar").folded == "alexander kolmar"
    ingest(write_transcript("b.txt", b))
    ingest(write_transcript("c.txt", c))
    # (one person, shown under the spelling of the latest of three meetings, each written once)
    assert sorted(Participant.objects.values_list("name", flat=True)) == ["Alexandr Kolmar", "Anton Repnin"]


@pytest.mark.django_db
def test_a_surname_in_chov_is_the_known_chev_also_in_an_older_archive(write_transcript):
    """ "Oleg Grachov" of one page and "Oleg Grachev" of another are one person; an archive whose
    aliases were keyed before "-chov" folded as "-chev" finds them so after its migration."""
    from importlib import import_module

    from django.apps import apps
    from django.db import connection

    a = "Meeting one\n\nMay 3, 2021\n\nLead.\n\nMayor Oleg Grachov: Hello.\n\nAnton Repnin: Hi.\n"
    b = "Meeting two\n\nMay 4, 2021\n\nLead.\n\nMayor Oleg Grachev: Hello again.\n\nAnton Repnin: Hi.\n"
    ingest(write_transcript("a.txt", a))
    ParticipantAlias.objects.filter(written="Oleg Grachov").update(folded="oleg grachov", surname="grachov")
    with connection.schema_editor() as editor:
        import_module("meetings.migrations.0022_alias_sibilant_o").rekey(apps, editor)
    assert ParticipantAlias.objects.get(written="Oleg Grachov").folded == "oleg grachev"
    ingest(write_transcript("b.txt", b))
    # (one person, shown under the later meeting's spelling)
    assert sorted(Participant.objects.values_list("name", flat=True)) == ["Anton Repnin", "Oleg Grachev"]


@pytest.mark.django_db
def test_a_name_with_a_letter_of_its_own_is_its_plain_spelling_also_in_an_older_archive(write_transcript):
    """ "Łukasz Wałecki" of one page and "Lukasz Walecki" of another are one person; an archive whose
    aliases were keyed when "ł" stayed as written finds them so after its migration."""
    from importlib import import_module

    from django.apps import apps
    from django.db import connection

    a = "Meeting one\n\nMay 3, 2021\n\nLead.\n\nMayor Łukasz Wałecki: Hello.\n\nAnton Repnin: Hi.\n"
    b = "Meeting two\n\nMay 4, 2021\n\nLead.\n\nMayor Lukasz Walecki: Hello again.\n\nAnton Repnin: Hi.\n"
    ingest(write_transcript("a.txt", a))
    ParticipantAlias.objects.filter(written="Łukasz Wałecki").update(
        key="łukasz wałecki", folded="łukasz vałecki", surname="vałecki"
    )  # as keyed before
    with connection.schema_editor() as editor:
        import_module("meetings.migrations.0020_alias_plain_letters").rekey(apps, editor)
    alias = ParticipantAlias.objects.get(written="Łukasz Wałecki")
    assert (alias.key, alias.surname) == ("lukasz walecki", "valeki")
    ingest(write_transcript("b.txt", b))
    assert sorted(Participant.objects.values_list("name", flat=True)) == ["Anton Repnin", "Łukasz Wałecki"]


@pytest.mark.django_db
def test_the_answers_of_a_question_and_answer_page_go_to_its_interviewee_listed_for_checking(
    write_transcript,
):
    text = (
        "Interview with Harbour Master Tomas Orlin\n\nMay 3, 2021\n\nThe paper spoke to him.\n\n"
        "Q: When will the quay be finished?\n\nA: In May.\n\nQ: And the ferries?\n\nA: In June.\n"
    )
    out = ingest(write_transcript("qa.txt", text))
    orlin = Participant.objects.get()
    assert (orlin.name, orlin.turn_count) == ("Tomas Orlin", 2)
    assert (
        "'A' → Tomas Orlin (an answer ('A:') of the one person the page says it interviews (a guess))" in out
    )


@pytest.mark.django_db
def test_a_name_with_a_regnal_number_is_filed_under_the_name_also_in_an_older_archive(
    write_transcript, client
):
    from importlib import import_module

    from django.apps import apps
    from django.db import connection

    text = "Talks\n\nMay 3, 2021\n\nLead.\n\nRuling Prince of Sylvania Rudolf II: Welcome.\n\nHelena Marsh: Thank you.\n"
    ingest(write_transcript("talks.txt", text))
    assert Participant.objects.get(name="Rudolf II").sort_name == "Rudolf II"
    Participant.objects.filter(name="Rudolf II").update(sort_name="II, Rudolf")  # as filed before
    with connection.schema_editor() as editor:
        import_module("meetings.migrations.0019_participant_sort_name_regnal").refile(apps, editor)
    assert Participant.objects.get(name="Rudolf II").sort_name == "Rudolf II"


@pytest.mark.django_db
def test_initials_seen_before_the_full_name_become_that_person(write_transcript, client):
    ingest(
        write_transcript(
            "a.txt", "Meeting one\n\nMay 3, 2021\n\nLead.\n\nMayor Helena Marsh: Hello.\n\nA. Repnin: Hi.\n"
        )
    )
    assert Participant.objects.filter(name="A. Repnin").exists()
    out = ingest(
        write_transcript("b.txt", "Meeting two\n\nMay 4, 2021\n\nLead.\n\nDean Anton Repnin: Hello.\n")
    )
    assert "known until now by initials only" in out
    repnin = Participant.objects.get(name__endswith="Repnin")
    assert repnin.name == "Anton Repnin"
    assert repnin.turns.count() == 2
    r = client.get("/speakers/a-repnin/")
    assert (r.status_code, r["Location"]) == (301, "/speakers/anton-repnin/")


@pytest.mark.django_db
def test_a_very_long_title_is_kept_whole(write_transcript):
    # Some agendas are one long sentence: the archive keeps it, the slug takes its first words.
    title = "Joint sitting on " + ", ".join(
        f"the second reading of amendment {n} to the harbour dues bill" for n in range(1, 13)
    )
    assert len(title) > 700
    out = ingest(
        write_transcript("long-title.txt", MEETING.replace("Meeting of the Harbour Board\n", title + "\n", 1))
    )
    m = Meeting.objects.get()
    assert "1 new" in out and "0 failed" in out
    assert m.title == title
    assert len(m.slug) <= 120 and m.slug.startswith("2022-10-03-joint-sitting-on-second-reading")
    assert m.turns.count() == 6


@pytest.mark.django_db
def test_reingesting_unchanged_files_costs_the_same_few_queries_for_5_or_25_files(tmp_path):
    # 30,000 unchanged files took 31 s: one query per file to report its meeting.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.core.generator import generate

    files = generate(tmp_path / "corpus", 25, seed=3)
    ingest(*files, no_progress=True)

    def queries(paths):
        with CaptureQueriesContext(connection) as ctx:
            out = ingest(*paths, no_progress=True)
        assert f"{len(paths)} unchanged" in out and "0 new" in out
        return len(ctx.captured_queries)

    assert queries(files[:5]) == queries(files) <= 12


@pytest.mark.django_db
def test_a_file_edited_earlier_in_the_same_run_is_not_taken_as_unchanged(tmp_path, write_transcript):
    # The same name twice in one run: the second copy is compared with what the first just wrote.
    first = write_transcript("a/harbour.txt", MEETING)
    ingest(first)
    edited = write_transcript("b/harbour.txt", MEETING.replace("Two million.", "Three million."))
    again = write_transcript("c/harbour.txt", MEETING)  # as the archive had it before this run
    out = ingest(edited, again)
    assert "0 unchanged" in out and "2 updated" in out
    assert Meeting.objects.get().turns.filter(text="Two million.").exists()
