"""A long meeting's table of contents: the questions and who asked them, or the speakers in order."""

from __future__ import annotations

from meetings.core.contents import Remark, contents, cut, parts_opened, question_of

CHAIR = 1


def press_conference(questions: int = 14) -> list[Remark]:
    remarks = [Remark("helena-marsh-1", "Helena Marsh", CHAIR, "Good afternoon. Shall we start?")]
    for i in range(questions):
        asker = 10 + i
        remarks.append(
            Remark(
                f"journalist-{i}-1",
                f"Journalist {i}",
                asker,
                f"Good afternoon, I write for paper {i}. Will the new quay number {i} open this year? Thank you.",
            )
        )
        remarks.append(Remark(f"helena-marsh-{i + 2}", "Helena Marsh", CHAIR, "It will open in spring. " * 5))
    # A follow-up by the last journalist is not a new entry; a generic "Question" label is.
    remarks.append(
        Remark(
            "journalist-x-2", f"Journalist {questions - 1}", 9 + questions, "And what about the cost of it?"
        )
    )
    remarks.append(Remark("question-1", "Question", None, "What will happen to the old ferry terminal now?"))
    remarks.append(Remark("helena-marsh-99", "Helena Marsh", CHAIR, "It stays."))
    return remarks


def test_a_short_meeting_has_no_contents():
    assert contents(press_conference(3)) is None
    assert contents(press_conference(3), min_remarks=5) is not None


def test_a_news_conference_lists_its_questions_with_who_asked():
    toc = contents(press_conference())
    assert toc is not None and toc.kind == "questions" and toc.heading == "Questions"
    assert [e.key for e in toc.entries][:2] == ["journalist-0-1", "journalist-1-1"]
    first = toc.entries[0]
    assert first.who == "Journalist 0"
    assert first.text == "Will the new quay number 0 open this year?"  # the question, not the greeting
    keys = [e.key for e in toc.entries]
    assert "journalist-x-2" not in keys  # a follow-up of the same person
    assert keys[-1] == "question-1"  # someone unnamed asking is an entry
    assert not any(k.startswith("helena-marsh") for k in keys)  # who answers is not an asker


def test_a_council_meeting_lists_its_speakers_in_order():
    remarks = []
    for i in range(16):
        remarks.append(Remark(f"chair-{i}", "Helena Marsh", CHAIR, "Thank you. Go ahead, please."))
        remarks.append(
            Remark(f"member-{i}-1", f"Member {i}", 100 + i, f"On item {i}. We need a report. " * 8)
        )
        if i == 3:
            remarks.append(Remark(f"member-{i}-2", f"Member {i}", 100 + i, "One more thing."))
    toc = contents(remarks)
    assert toc is not None and toc.kind == "speakers"
    assert [e.key for e in toc.entries] == [f"member-{i}-1" for i in range(16)]
    assert toc.entries[0].text == "On item 0."


def test_chairing_questions_are_not_subjects():
    assert question_of("Shall we start?") is None
    assert (
        question_of("Thank you. Where will the new school be built?") == "Where will the new school be built?"
    )
    assert question_of("No question here.") is None


def test_cut_at_a_word():
    assert cut("one two three four", 9) == "one two…"
    assert cut("short", 9) == "short"


def test_an_interview_lists_every_question_of_its_one_interviewer():
    remarks = []
    for i in range(16):
        remarks.append(
            Remark(f"ada-{i}", "Ada Quell", 2, f"Thank you. What will happen to the harbour number {i}?")
        )
        remarks.append(Remark(f"chair-{i}", "Helena Marsh", CHAIR, "A long answer follows here. " * 6))
    toc = contents(remarks)
    assert toc is not None and [e.key for e in toc.entries] == [f"ada-{i}" for i in range(16)]


def test_a_moderator_asking_a_panel_is_listed_at_each_question():
    remarks = []
    for i in range(11):
        remarks.append(
            Remark(f"mod-{i}", "Moderator Vale", 2, f"A question for the panel: is plan {i} still alive?")
        )
        remarks.append(Remark(f"panel-{i}", "Panellist Rook", 3 + i % 3, "It is, and here is why. " * 3))
        remarks.append(Remark(f"chair-{i}", "Helena Marsh", CHAIR, "Let me add something. " * 8))
    toc = contents(remarks)
    assert toc is not None and toc.kind == "questions"
    assert [e.key for e in toc.entries] == [f"mod-{i}" for i in range(11)]


def test_an_exchange_with_the_main_speaker_is_one_section():
    remarks = []
    for person in range(8):
        for i in range(4):  # each guest talks with the chair four times in a row
            remarks.append(Remark(f"guest-{person}-{i}", f"Guest {person}", 50 + person, "Yes, indeed. " * 3))
            remarks.append(Remark(f"chair-{person}-{i}", "Helena Marsh", CHAIR, "I see, go on please. " * 10))
    toc = contents(remarks)
    assert toc is not None and toc.kind == "speakers"
    assert [e.key for e in toc.entries] == [f"guest-{p}-0" for p in range(8)]


def test_an_entry_opens_and_closes_its_quotation_marks():
    """Regression: 8 of 478 entries of the longest meetings' contents opened with the closing mark
    of the sentence before ("” Is that the Valdorian position?") or left a quotation open ("…on
    the subject “Will there be a third ferry?"); an entry's marks come in pairs."""
    assert question_of("They said: “We will wait.” Is that the Valdorian position of today?") == (
        "Is that the Valdorian position of today?"
    )
    assert question_of("I am writing on the subject “Will there be a third ferry line soon?") == (
        "I am writing on the subject “Will there be a third ferry line soon?”"
    )
    assert question_of('He asked, "Will the quay walls hold this winter?') == (
        'He asked, "Will the quay walls hold this winter?"'
    )
    long = "On the subject “" + "very " * 40 + "long matter?”"
    entry = question_of(long)
    assert entry.endswith("…”") and entry.count("“") == entry.count("”")
    assert (
        question_of("Is the “quay” ready for the ferries now?") == "Is the “quay” ready for the ferries now?"
    )


def test_a_page_in_parts_lists_its_parts_whatever_its_length():
    """A page that heads two parts or more ("On amendments to the charter", "Statements following
    the meeting") is read by them: the contents are the parts, each with the remark that opens it,
    even for a meeting too short for the other contents. One heading is no contents."""
    remarks = [
        Remark("helena-marsh-1", "Helena Marsh", CHAIR, "Good morning."),
        Remark("helena-marsh-2", "Helena Marsh", CHAIR, "The charter first.", section="On the charter"),
        Remark("tomas-reyes-1", "Tomas Reyes", 2, "We agree."),
        Remark(
            "tomas-reyes-2", "Tomas Reyes", 2, "The quay opens in May.", section="Statements to the press"
        ),
    ]
    toc = contents(remarks)
    assert toc is not None and toc.kind == "parts" and toc.heading == "Parts of the page"
    assert [(e.key, e.who, e.text) for e in toc.entries] == [
        ("helena-marsh-2", "Helena Marsh", "On the charter"),
        ("tomas-reyes-2", "Tomas Reyes", "Statements to the press"),
    ]
    assert contents(remarks[:3]) is None
    assert contents(press_conference()).kind == "questions"


def test_a_remark_opens_a_part_where_its_heading_changes():
    """The heading is shown once, above the first remark of its part: the page's (and the
    exports') one reading of which remark opens a part."""
    sections = ["", "On the quay", "On the quay", "", "Statements", "Statements", "On the quay"]
    assert list(parts_opened(sections)) == ["", "On the quay", "", "", "Statements", "", "On the quay"]
    assert list(parts_opened([None, None])) == ["", ""]
