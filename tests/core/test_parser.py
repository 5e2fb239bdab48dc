"""The parser on small transcripts written for these tests, one convention at a time."""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest

from meetings.core.parser import SPEECH, SUMMARY, NotATranscript, TranscriptError, parse_transcript

NB = "\u00a0"

PAGE_DUMP = f"""Settings

View settings

Site colours:
Font size:
Images

Official website of the Civic Council

Document{NB} /

Meeting of{NB}the{NB}Council on{NB}Civic Affairs

March 14, 2023, City Hall, Larkspur

Mayor Helena Marsh held a{NB}meeting of{NB}the{NB}Council on{NB}Civic Affairs.

* * *

Excerpts from the transcript of the meeting

Chair of{NB}the{NB}Council on{NB}Civic Affairs Helena{NB}Marsh: Good afternoon, colleagues.

We have one goal: to{NB}keep the{NB}libraries open.

So, the proposals are the following: longer hours and{NB}more staff.

Ilya Brandt, please.

Deputy Mayor for{NB}Transport Ilya Brandt: Thank you. The{NB}tram line is late.

Deadline: the{NB}end of{NB}May.

(Council member Ada Lindqvist spoke about the{NB}shortage of{NB}school places in{NB}the{NB}north.)

Helena Marsh: Thank you, Ms{NB}Lindqvist. (Laughter.) We will look at{NB}it.

<…>

March 14, 2023, City Hall, Larkspur
"""


def test_page_dump_header_and_chrome():
    t = parse_transcript(PAGE_DUMP.encode())
    assert t.title == "Meeting of the Council on Civic Affairs"
    assert t.date == datetime.date(2023, 3, 14)
    assert t.place == "City Hall, Larkspur"
    assert t.description.startswith("Mayor Helena Marsh held")
    assert t.is_excerpt
    texts = " ".join(turn.text for turn in t.turns)
    for chrome in ("View settings", "Font size", "Official website", "Document", "* * *", "Excerpts from"):
        assert chrome not in texts


def test_page_dump_turns_and_colons_that_are_not_labels():
    t = parse_transcript(PAGE_DUMP.encode())
    assert [(x.kind, x.name) for x in t.turns] == [
        (SPEECH, "Helena Marsh"),
        (SPEECH, "Ilya Brandt"),
        (SUMMARY, "Ada Lindqvist"),
        (SPEECH, "Helena Marsh"),
    ]
    first = t.turns[0]
    assert first.role == "Chair of the Council on Civic Affairs"
    assert first.label == "Chair of the Council on Civic Affairs Helena Marsh"
    assert "We have one goal: to" in first.text.replace(NB, " ")
    assert "So, the proposals are the following" in first.text
    assert "Deadline: the" in t.turns[1].text
    assert t.turns[1].role == "Deputy Mayor for Transport"
    assert t.turns[2].label == "Council member Ada Lindqvist"
    assert t.turns[2].role == "Council member"
    # Stage directions and omissions stay in the turn's text; the closing date line does not.
    assert "(Laughter.)" in t.turns[3].text
    assert t.turns[3].paragraphs[-1] == "<…>"
    assert "March 14, 2023" not in t.turns[3].text


def test_paragraphs_are_preserved_with_no_break_spaces():
    t = parse_transcript(PAGE_DUMP.encode())
    assert t.turns[0].paragraphs[1] == f"We have one goal: to{NB}keep the{NB}libraries open."
    assert t.turns[0].text.count("\n\n") == len(t.turns[0].paragraphs) - 1


REPOST = """CIVICLINK TRANSCRIPT: [Helena Marsh and Tomas Reyes at] Meeting of the Harbour Board (transcript concluded)” – CivicRu

Harbour and cranes

( – October 3, 2022)

[Full transcript here]

Helena Marsh chaired a meeting of the Harbour Board ….

Tomas Reyes: Madam Chair, thank you for giving me the floor.

I have three points. Once again: the quay is old.

Helena Marsh: Thank you.

Remark: The cranes are idle.

Remark: And the ferry too.

Helena Marsh: Two good points.

To be continued.

Comment
"""


def test_repost_header_title_date_and_generic_labels():
    t = parse_transcript(REPOST)
    assert t.title == "Meeting of the Harbour Board"
    assert t.date == datetime.date(2022, 10, 3)
    assert t.place is None
    assert t.description == "Helena Marsh chaired a meeting of the Harbour Board …."
    labels = [(x.label, x.name, x.generic) for x in t.turns]
    assert labels == [
        ("Tomas Reyes", "Tomas Reyes", None),
        ("Helena Marsh", "Helena Marsh", None),
        ("Remark", None, "Remark"),
        ("Remark", None, "Remark"),  # two people, two turns
        ("Helena Marsh", "Helena Marsh", None),
    ]
    assert "Once again: the quay is old." in t.turns[0].text
    assert "To be continued" not in t.turns[-1].text and "Comment" not in t.turns[-1].text


NEW_LAYOUT = """Events /
Select font: Arial
Character spacing (Kerning): Standard
Working meeting with Governor Nadia Petrov
The Governor reported on the heat wave.
Governor of the Western Region Nadia Petrov: Good morning.
The reservoirs are at forty percent.
Helena Marsh: What about the hospitals?
Nadia Petrov: They have generators.
June 2, 2024, Larkspur
"""


def test_newer_layout_single_newlines_and_date_at_the_end():
    t = parse_transcript(NEW_LAYOUT)
    assert t.title == "Working meeting with Governor Nadia Petrov"
    assert t.date == datetime.date(2024, 6, 2)
    assert t.place == "Larkspur"
    assert t.description == "The Governor reported on the heat wave."
    assert [x.name for x in t.turns] == ["Nadia Petrov", "Helena Marsh", "Nadia Petrov"]
    assert t.turns[0].paragraphs == ["Good morning.", "The reservoirs are at forty percent."]


CLEAN = """Meeting on school meals
May 3, 2021, Larkspur
The Mayor discussed school meals with the education board.
* * *
Mayor of Larkspur Helena Marsh: Let us begin.
chairman of the Parents' Union Oleg Nystrom: Thank you.
The menus have not changed in ten years.
Helena Marsh (answering a question): We will change them.
Dara Quist, head of the library service: Reading rooms can host lunch clubs.
Minister of Education Pavel Orlov:
Here is the plan.
(The Minister went on to describe the funding of the new kitchens.)
The first kitchens open in September.
(In her remarks, Council member Priya Natarajan focused on allergies and labelling
(Participants in the round table discussed the cost of fresh produce.)
Question (retranslated): Who pays?
Inaudible remark.
SergeiKOLMAR: Nobody yet.
Sergei Kolmar: The budget is silent.
Helena Marsh: Thank you, Mr Kolmar.
(Mr Orlov listed the regions that already serve hot meals.)
Sergey Kolmar: One more point.
"""


def test_titles_roles_notes_and_name_forms():
    t = parse_transcript(CLEAN)
    by = [(x.kind, x.name, x.role, x.generic) for x in t.turns]
    assert by[1] == (SPEECH, "Oleg Nystrom", "chairman of the Parents' Union", None)
    assert by[2] == (SPEECH, "Helena Marsh", None, None)  # the note is not the name
    assert t.turns[2].label == "Helena Marsh (answering a question)"
    assert by[3] == (SPEECH, "Dara Quist", "head of the library service", None)
    # A label alone on its line: the text is the next paragraph.
    assert t.turns[4].name == "Pavel Orlov" and t.turns[4].paragraphs == ["Here is the plan."]


def test_a_place_in_brackets_after_a_name_is_a_note_not_an_office():
    """Where a questioner comes from, in brackets after the name ("Yara Olin (Tvorsk Region)"), is
    a note of the label as "(Tvorsk)" is, not the office a profile lists; a title in brackets
    ("(Governor of the Tvorsk Region)") stays the office."""
    t = parse_transcript(
        "Forum of local media\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Yara Olin (Tvorsk Region): My question is about the roads.\n"
        "Ivo Brant (Tvorsk): And mine about the ferries.\n"
        "Nils Aro (Governor of the Tvorsk Region): I will answer.\n"
    )
    assert [(x.name, x.role, x.label) for x in t.turns] == [
        ("Yara Olin", None, "Yara Olin (Tvorsk Region)"),
        ("Ivo Brant", None, "Ivo Brant (Tvorsk)"),
        ("Nils Aro", "Governor of the Tvorsk Region", "Nils Aro (Governor of the Tvorsk Region)"),
    ]


def test_a_place_set_off_by_a_comma_before_a_name_is_a_note_not_an_office():
    """A phone-in caller's town before the name ("Tvorsk, Yara Olin:") is where they call from,
    as "(Tvorsk)" after it is; a title set off the same way stays the office."""
    t = parse_transcript(
        "Direct line\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Nils Aro: Next caller.\n"
        "Tvorsk, Yara Olin: My question is about the roads.\n"
        "Port Azur, Ivo Brant: And mine about the ferries.\n"
        "Governor of the Tvorsk Region, Dara Quist: I will answer.\n"
    )
    assert [(x.name, x.role, x.label) for x in t.turns[1:]] == [
        ("Yara Olin", None, "Tvorsk, Yara Olin"),
        ("Ivo Brant", None, "Port Azur, Ivo Brant"),
        ("Dara Quist", "Governor of the Tvorsk Region", "Governor of the Tvorsk Region, Dara Quist"),
    ]


def test_summaries_by_title_group_and_unclosed_bracket():
    t = parse_transcript(CLEAN)
    minister = t.turns[5]
    assert (minister.kind, minister.name, minister.resolution) == (SUMMARY, "Pavel Orlov", "role")
    # Unlabelled text right after a summary: the same person speaking again.
    again = t.turns[6]
    assert (again.kind, again.name) == (SPEECH, "Pavel Orlov")
    assert again.paragraphs == ["The first kitchens open in September."]
    unclosed = t.turns[7]
    assert (unclosed.kind, unclosed.name) == (SUMMARY, "Priya Natarajan")
    group = t.turns[8]
    assert (group.kind, group.name, group.resolution) == (SUMMARY, None, "group")
    assert (t.turns[9].generic, t.turns[9].name) == ("Question", None)
    inaudible = t.turns[10]
    assert (inaudible.generic, inaudible.paragraphs) == ("Remark", ["Inaudible remark."])


@pytest.mark.parametrize(
    "note",
    [
        "(The meeting continued in a closed format, without the press.)",
        "(The discussion continued behind closed doors for an hour.)",
        "(The ceremony then continued in the harbour's great hall.)",
    ],
)
def test_a_note_that_the_meeting_went_on_is_a_stage_direction_not_a_summary(note):
    # What goes on is the meeting, no one holding an office: the note stays in the remark before,
    # as "(The talks continued …)" did (it had been a summary of no one, "The meeting").
    t = parse_transcript(
        f"Meeting\nMay 3, 2021, Larkspur\nLead.\nGovernor Tomas Reyes: Good afternoon.\n"
        f"Helena Marsh: Hello.\n{note}\nTomas Reyes: Thank you.\n"
    )
    assert [(x.kind, x.name) for x in t.turns] == [
        (SPEECH, "Tomas Reyes"),
        (SPEECH, "Helena Marsh"),
        (SPEECH, "Tomas Reyes"),
    ]
    assert t.turns[1].paragraphs == ["Hello.", note]


def test_a_lead_line_of_a_generic_word_and_words_in_lower_case_stays_in_the_lead():
    # "Participants: members of the Government." describes the meeting (it had opened the remarks,
    # the lead left empty); a page of such lines and no remark is no transcript.
    t = parse_transcript(
        "Meeting with members of the Government\nMay 3, 2021, Larkspur\n"
        "The Governor held a meeting with members of the Government.\n"
        "Participants: members of the Government and the heads of the harbour services.\n"
        "Governor Tomas Reyes: Colleagues, good afternoon.\n"
    )
    assert t.description.endswith(
        "Participants: members of the Government and the heads of the harbour services."
    )
    assert [(x.name, x.text) for x in t.turns] == [("Tomas Reyes", "Colleagues, good afternoon.")]
    with pytest.raises(NotATranscript):
        parse_transcript(
            "Telephone conversation with the President of Borduria\nMay 3, 2021\n"
            "The leaders discussed the harbour agreement.\n"
            "Question: the grain deal was also discussed in detail.\n"
        )


def test_glued_and_capitalised_names_and_spelling_variants_in_one_meeting():
    t = parse_transcript(CLEAN)
    kolmar = [x for x in t.turns if x.written_name and "Kolmar" in x.written_name]
    assert {x.name for x in kolmar} == {"Sergei Kolmar"}
    assert [x.written_name for x in kolmar] == ["Sergei Kolmar", "Sergei Kolmar", "Sergey Kolmar"]
    assert [x.resolution for x in kolmar] == ["label", "label", "variant"]
    mr = [x for x in t.turns if x.label == "Mr Orlov"]
    assert mr and mr[0].name == "Pavel Orlov" and mr[0].kind == SUMMARY


MISTYPED = """Meeting on sport
May 3, 2021, Larkspur
The lead.
Deputy Prime Minister Vitaly Morkin: We are ready.
Mayor Helena Marsh: Good.
Vladimir Morkin: Very ready indeed.
H. Marsh: Thank you.
A. Morkin: And we thank you.
"""


def test_mistyped_first_name_and_initials_resolve_within_the_meeting():
    t = parse_transcript(MISTYPED)
    assert [x.name for x in t.turns] == [
        "Vitaly Morkin",
        "Helena Marsh",
        "Vitaly Morkin",
        "Helena Marsh",
        "A. Morkin",
    ]
    assert [x.resolution for x in t.turns] == ["label", "label", "first-name", "initial", "label"]


def test_a_name_of_two_surnames_shortened_to_the_first_is_one_person():
    """ "<Given> <Surname> <Second surname>" labelled later without the second surname, as Spanish
    names are shortened, is the same person (it had been two); a "Jr" is a son, never the father
    shortened."""
    t = parse_transcript(
        "Talks with the Minister of Economy of Marvania\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Governor Tomas Reyes: Welcome.\n"
        "Minister of Economy of Marvania Carlos Vallejo Ibarra: Thank you.\n"
        "Tomas Reyes: Please go on.\n"
        "Carlos Vallejo: Our trade has grown.\n"
    )
    assert [(x.name, x.resolution) for x in t.turns] == [
        ("Tomas Reyes", "label"),
        ("Carlos Vallejo Ibarra", "label"),
        ("Tomas Reyes", "label"),
        ("Carlos Vallejo Ibarra", "variant"),
    ]
    t = parse_transcript(
        "Meeting with farmers\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Farmer Carlos Vallejo Jr: Welcome.\n"
        "Carlos Vallejo: My son runs the farm now.\n"
    )
    assert [x.name for x in t.turns] == ["Carlos Vallejo Jr", "Carlos Vallejo"]


def test_a_relative_with_another_initial_is_no_mistyped_first_name():
    """A plain label whose surname only a titled speaker bears is a mistyped first name when the
    initial is the same ("Vladimir" for "Vitaly"); with another initial it is someone else, the
    speaker's wife or son at a family's table (both had been made the titled speaker)."""
    t = parse_transcript(
        "Visit to a farming family\nMay 3, 2021, Larkspur\nThe Governor visited a family in Kelm.\n"
        "Governor Tomas Reyes: Good afternoon.\n"
        "Head of the Kelm farming cooperative Piotr Halvik: Welcome to our home.\n"
        "Maria Halvik: Please, have some tea.\n"
        "Mikael Halvik: I am his son, I drive the combine.\n"
    )
    assert [(x.name, x.resolution) for x in t.turns] == [
        ("Tomas Reyes", "label"),
        ("Piotr Halvik", "label"),
        ("Maria Halvik", "label"),
        ("Mikael Halvik", "label"),
    ]
    # A woman's form of the titled speaker's given name is someone else too.
    t = parse_transcript(
        "Visit to a farming family\nMay 3, 2021, Larkspur\nThe Governor visited a family in Kelm.\n"
        "Head of the Kelm farming cooperative Vladislav Halvik: Welcome to our home.\n"
        "Vladislava Halvik: Please, have some tea.\n"
    )
    assert [x.name for x in t.turns] == ["Vladislav Halvik", "Vladislava Halvik"]


def test_two_people_who_share_a_surname_stay_apart():
    text = """Cabinet meeting
May 3, 2021
Lead.
Prime Minister Dmitry Halvorsen: Good morning.
Gazprom Deputy Chairman Alexander Halvorsen: Good morning.
Dmitry Halvorsen: Let us start.
Alexander Halvorsen: Prices are up.
"""
    t = parse_transcript(text)
    assert [x.name for x in t.turns] == [
        "Dmitry Halvorsen",
        "Alexander Halvorsen",
        "Dmitry Halvorsen",
        "Alexander Halvorsen",
    ]


def test_pull_quote_repeating_a_sentence_is_left_out():
    sentence = "The river is the city's oldest road and its future as well."
    text = f"""Speech on the river
May 3, 2021
Lead.
Mayor Helena Marsh: Friends,
We gather today by the water. {sentence} Let us look after it.
“{sentence}”
Thank you.
"""
    t = parse_transcript(text)
    assert t.turns[0].paragraphs == [
        "Friends,",
        f"We gather today by the water. {sentence} Let us look after it.",
        "Thank you.",
    ]
    assert any("pull-quote" in w for w in t.warnings)


def test_a_short_pull_quote_of_one_sentence_is_left_out_and_a_short_repeat_of_the_speakers_stays():
    """Regression: a pull-quote of one sentence of eight or nine words, repeating a sentence of a
    paragraph further on, was kept as the speaker's words (the floor was ten words). A speaker's
    own short sentence said again ("Let us get to work.", five words) stays."""
    quote = "Harbour dues are a burden for every small boat."
    text = "\n".join(
        [
            "Meeting on the harbour works",
            "May 3, 2021",
            "The Mayor met the Harbour Board.",
            f"Mayor Helena Marsh: Colleagues, good afternoon. Let us get to work. {_HARBOUR[0]}",
            _HARBOUR[1],
            quote,
            _HARBOUR[2],
            "Let us get to work.",
            f"As I have said, harbour dues are a burden for every small boat, and we shall cut them. {_HARBOUR[3]}",
        ]
    )
    t = parse_transcript(text)
    said = t.turns[0].paragraphs
    assert quote not in said
    assert "Let us get to work." in said
    assert any("pull-quote" in w for w in t.warnings)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"View settings\n\nFont size:\n\nSite colours:\n", "chrome"),
        (
            b"Meeting of the Board\n\nMay 3, 2021\n\nNobody is named in this text at all.\n",
            "no speaker labels",
        ),
        (b"Meeting of the Board\n\nMrs Smith: We met.\n", "no date"),
        # A page whose title line is missing: its first paragraph of text is no title.
        (
            (
                "The board met in the long hall and went through the harbour accounts line by line. " * 15
                + "\n\nMay 3, 2021\n\nMrs Smith: We met.\n"
            ).encode(),
            "title line seems to be missing",
        ),
    ],
)
def test_what_is_not_a_transcript_raises_a_clear_error(data, reason):
    with pytest.raises(TranscriptError, match=reason):
        parse_transcript(data)


def test_encodings_bom_utf16_and_cp1252_fallback():
    text = "Meeting on caf\u00e9s\n\nMay 3, 2021\n\nLead.\n\nHelena Marsh: It\u2019s fine.\n"
    for data in (
        b"\xef\xbb\xbf" + text.encode(),
        text.encode("utf-16"),
        text.replace("\n", "\r\n").encode("cp1252"),
    ):
        t = parse_transcript(data)
        assert t.title == "Meeting on caf\u00e9s"
        assert t.turns[0].text == "It\u2019s fine."
    assert any("cp1252" in w for w in parse_transcript(text.encode("cp1252")).warnings)


def test_a_soft_hyphen_is_invisible_to_the_parser_and_gone_from_the_text():
    """A soft hyphen (U+00AD, a line-break hint no reader sees) inside a name kept the label from
    being read, and the remark went to the speaker before; in a remark it is dropped."""
    t = parse_transcript(
        "Meeting\nMay 3, 2021\nLead.\nHelena Marsh: Welcome.\n"
        "Tomas Reyes-\u00adOrlin: Thank you, we had good con\u00adtacts.\n"
    )
    assert [(x.name, x.text) for x in t.turns] == [
        ("Helena Marsh", "Welcome."),
        ("Tomas Reyes-Orlin", "Thank you, we had good contacts."),
    ]


def test_an_initial_written_without_its_space_is_an_initial():
    """An initial written without its space ("H.Marsh:") is an initial of the person the page labels in full."""
    t = parse_transcript(
        "Meeting\nMay 3, 2021\nLead.\nMayor of Larkspur Helena Marsh: Welcome.\n"
        "Tomas Reyes: Thank you.\nH.Marsh: Please begin.\nT.Reyes: The harbour is busy.\n"
    )
    assert [(x.name, x.resolution) for x in t.turns] == [
        ("Helena Marsh", "label"),
        ("Tomas Reyes", "label"),
        ("Helena Marsh", "initial"),
        ("Tomas Reyes", "initial"),
    ]
    assert [x.label for x in t.turns[2:]] == ["H.Marsh", "T.Reyes"]


def test_html_entities_and_tags_left_in_a_text_dump_are_read_as_the_page_shows_them():
    """A repost scraped with its markup ("Helena&nbsp;Marsh:", "<strong>Tomas Reyes:</strong>",
    "&#8217;"): the first remark was lost (its label unread, the text before the first label
    dropped) and the entities shown as written. The omission mark "<…>" is no tag."""
    t = parse_transcript(
        "Meeting of the Harbour Council\n\nMarch 3, 2023\n\nThe lead.\n\n"
        "<p>Helena&nbsp;Marsh: Good afternoon. It&#8217;s fine &amp; dry.</p>\n\n"
        "<p><strong>Tomas Reyes:</strong> Thank you.<br>The quay is finished.</p>\n\n<…>\n\n"
        "Helena Marsh: Good.\n"
    )
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Helena Marsh", ["Good afternoon. It\u2019s fine & dry."]),
        ("Tomas Reyes", ["Thank you.", "The quay is finished.", "<…>"]),
        ("Helena Marsh", ["Good."]),
    ]


def test_a_whole_html_document_is_read_as_its_page_shows_it():
    """A page saved whole from a browser: its head (title, styles, scripts), navigation and footer
    are no part of the text, every block element ends a paragraph, and a line break inside a paragraph is
    a space, as the page shows it. It had read "<!DOCTYPE html>" as the title and found no date."""
    t = parse_transcript(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        "<title>Harbour Council - Archive of Larkspur</title>\n"
        "<style>p { margin: 0 }</style><script>if (a < b && c) { go(); }</script></head>\n"
        '<body><nav><ul><li><a href="/">Home</a></li><li>Contacts</li></ul></nav>\n'
        "<main><article><h1>Meeting of the Harbour Council</h1>\n"
        '<div class="date">March 3, 2023</div>\n<section><p>The council met on the\n'
        "quay.</p>\n<p><b>Helena Marsh:</b> Good afternoon. It&rsquo;s fine.</p>\n"
        "<p>The dredging <…> starts in May.</p>\n"
        "<p><span>Tomas Reyes:</span> Thank you.<br/>The quay is finished.</p>\n"
        "<!-- <p>Helena Marsh: hidden.</p> --></section></article></main>\n"
        "<footer><p>All rights reserved</p></footer></body></html>\n"
    )
    assert t.title == "Meeting of the Harbour Council"
    assert t.date == datetime.date(2023, 3, 3)
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Helena Marsh", ["Good afternoon. It\u2019s fine.", "The dredging <…> starts in May."]),
        ("Tomas Reyes", ["Thank you.", "The quay is finished."]),
    ]


def test_letters_written_with_combining_accents_are_the_same_letters():
    """A page saved with its accents as combining marks (Unicode's decomposed form, as some
    systems write it): "C\u030ceferin" is "\u010ceferin"; the label had been no label and the
    remark went to the speaker before."""
    text = (
        "Meeting with Luka \u010ceferin\n\nMay 3, 2021\n\nLead.\n\n"
        "Helena Marsh: Mr \u010ceferin, welcome.\n\nLuka \u010ceferin: Thank you. Jos\u00e9 sends greetings.\n"
    )
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    t = parse_transcript(decomposed)
    assert [(x.name, x.text) for x in t.turns] == [
        ("Helena Marsh", "Mr \u010ceferin, welcome."),
        ("Luka \u010ceferin", "Thank you. Jos\u00e9 sends greetings."),
    ]


def test_label_with_no_text_is_a_warning():
    t = parse_transcript("Meeting\nMay 3, 2021\nLead.\nHelena Marsh:\nTomas Reyes: Yes.\n")
    assert t.turns[0].paragraphs == []
    assert any("no text" in w for w in t.warnings)


def test_people_known_by_one_name_and_a_title():
    t = parse_transcript(
        "Meeting\nMay 3, 2021\nLead.\nHelena Marsh: Welcome.\nPatriarch Kirill: Thank you.\n"
        "His Majesty King Harald: Good day.\n"
    )
    assert [x.name for x in t.turns] == ["Helena Marsh", "Patriarch Kirill", "King Harald"]


def test_a_paragraph_repeating_the_previous_remark_whole_is_kept():
    """Regression: a paragraph equal to the text of a labelled paragraph is not a pull-quote."""
    said = "The harbour needs dredging before the winter storms arrive again."
    t = parse_transcript(f"Meeting\nMay 3, 2021\nLead.\nMayor Helena Marsh: {said}\n{said}\n")
    assert t.turns[0].paragraphs == [said, said]


def test_title_and_surname_labels_and_title_only_labels():
    t = parse_transcript(
        "Joint news conference\nTuesday, May 4, 2021, Paris\nThe two presidents spoke to the press.\n"
        "President of Russia Vladimir Putin: Ladies and gentlemen.\n"
        "President Macron (retranslated): Thank you, Mr President.\n"
        "THE PRESIDENT: We agreed on three points.\n"
        "The Moderator: Two questions, please.\n"
    )
    assert str(t.date) == "2021-05-04" and t.place == "Paris"
    assert [(x.name, x.generic) for x in t.turns] == [
        ("Vladimir Putin", None),
        ("Macron", None),
        ("Vladimir Putin", None),
        (None, "The Moderator"),
    ]
    assert t.turns[1].role == "President"


def test_a_role_in_brackets_after_the_name_is_the_role():
    t = parse_transcript(
        "Meeting\nMay 3, 2021\nLead.\nHelena Marsh (Mayor of Larkspur): Welcome.\n"
        "Tomas Reyes (retranslated): Thank you.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", "Mayor of Larkspur"),
        ("Tomas Reyes", None),
    ]


def test_a_title_that_opens_with_first_or_second_is_a_label():
    """ "First Deputy Prime Minister …:" and "First Vice Premier of … (retranslated):" open a new
    remark: they were read as words of the remark before, which then held the whole report under
    its speaker's name. "First, …:" in a sentence is still no label."""
    t = parse_transcript(
        "Meeting with Government members\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Mayor Helena Marsh: Please, go ahead, Mr Reyes.\n"
        "First Deputy Mayor and Harbour Master Tomas Reyes: Thank you. The quay is ready.\n"
        "The trawlers are counted.\n"
        "First Vice Chair of the Harbour Board of Valdoria Ada Lindqvist (retranslated): We agree.\n"
        "Second Deputy Mayor Priya Natarajan: So do we.\n"
        "Helena Marsh: First, the quay: it opens in May. Thank you.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", "Mayor"),
        ("Tomas Reyes", "First Deputy Mayor and Harbour Master"),
        ("Ada Lindqvist", "First Vice Chair of the Harbour Board of Valdoria"),
        ("Priya Natarajan", "Second Deputy Mayor"),
        ("Helena Marsh", None),
    ]
    assert t.turns[1].paragraphs == ["Thank you. The quay is ready.", "The trawlers are counted."]
    assert t.turns[4].paragraphs == ["First, the quay: it opens in May. Thank you."]


def test_titles_with_acronyms_party_names_and_accented_names_are_labels():
    """Three labels that were read as words of the remark before: a title opening with a country's
    acronym ("US Secretary of …"), a title holding a party's name whose words are also ordinary
    words ("the A Just Harbour faction"), and a name whose capital carries a diacritic outside
    Latin-1 ("Čeferin", "Łukasz", "Şahin")."""
    t = parse_transcript(
        "Meeting\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Mayor Helena Marsh: Welcome to all of you.\n"
        "US Secretary of Fisheries Tomas Reyes: Thank you.\n"
        "Head of the A Just Harbour faction in the Town Council Ada Lindqvist: We thank you too.\n"
        "President of the Union of Harbour Masters (UHM) Aleksander Čeferin: And we.\n"
        "Mayor of Valdoria Łukasz Şahin: Me too.\n"
        "Helena Marsh: Then we begin. I would like to say to Mr Reyes: welcome.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", "Mayor"),
        ("Tomas Reyes", "US Secretary of Fisheries"),
        ("Ada Lindqvist", "Head of the A Just Harbour faction in the Town Council"),
        ("Aleksander Čeferin", "President of the Union of Harbour Masters (UHM)"),
        ("Łukasz Şahin", "Mayor of Valdoria"),
        ("Helena Marsh", None),
    ]
    assert t.turns[5].paragraphs == ["Then we begin. I would like to say to Mr Reyes: welcome."]


def test_a_one_name_title_label_opens_a_remark_where_the_text_uses_the_title_as_a_word():
    """ "Patriarch Tikhon:" is a label even where the remarks write "patriarch" in lower case ("the
    patriarchate", "the patriarch's blessing"): the ordinary-word test for headings ("Young
    Scientists:") took it for one, and his remark went to the speaker before."""
    t = parse_transcript(
        "Meeting with the Council of Bishops\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Mayor Helena Marsh: Your Holiness, the patriarch of Larkspur has our thanks. Thank you.\n"
        "Patriarch Tikhon: Madam Mayor, brethren. The patriarchate is grateful.\n"
        "Helena Marsh: Thank you.\n"
    )
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Helena Marsh", ["Your Holiness, the patriarch of Larkspur has our thanks. Thank you."]),
        ("Patriarch Tikhon", ["Madam Mayor, brethren. The patriarchate is grateful."]),
        ("Helena Marsh", ["Thank you."]),
    ]


def test_a_second_title_after_a_comma_in_lower_case_is_part_of_the_label():
    """ "Director of the Harbour Agency, veteran skipper Tomas Reyes:" holds two titles; a comma
    before a lower-case word that is no title word is still a sentence's clause."""
    t = parse_transcript(
        "Meeting\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Mayor Helena Marsh: Welcome.\n"
        "Executive Director of the Harbour Agency, veteran pilot Tomas Reyes: Thank you.\n"
        "Helena Marsh: In this harbour, we thank Mr Reyes: he came.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", "Mayor"),
        ("Tomas Reyes", "Executive Director of the Harbour Agency, veteran pilot"),
        ("Helena Marsh", None),
    ]
    assert t.turns[2].paragraphs == ["In this harbour, we thank Mr Reyes: he came."]


def test_a_long_title_and_a_title_after_the_name_are_labels():
    """A title of two offices runs past twenty words ("Co-chair of … and General Director of the …
    Centre for …, … and … <Name>:"); "Sports commentator <Name>, ceremony moderator:" names its
    speaker between two titles. Both were read as words of the remark before."""
    long_title = (
        "Co-chair of the Harbour Board election campaign and General Director of the Tomas Reyes "
        "National Research Centre for Marine Biology, Oceanography and Fisheries"
    )
    t = parse_transcript(
        "Meeting\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Mayor Helena Marsh: Welcome.\n"
        f"{long_title} Ada Lindqvist: Thank you.\n"
        "Sports commentator Priya Natarajan, ceremony moderator: Please present the prize.\n"
        "Helena Marsh: Gladly.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", "Mayor"),
        ("Ada Lindqvist", long_title),
        ("Priya Natarajan", "Sports commentator, ceremony moderator"),
        ("Helena Marsh", None),
    ]


def test_a_section_heading_after_a_divider_is_not_speech():
    """After "* * *" a page may head its next part ("<Name>'s comments to journalists after the
    meeting", "Statements following the talks:") before the next labelled remark: the heading is
    page furniture, not the last speaker going on. A paragraph after the divider that reads as
    speech (a sentence) is still the speaker's."""
    t = parse_transcript(
        "Working meeting with Mayor Helena Marsh\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Tomas Reyes: The quay is ready.\n"
        "Helena Marsh: Good.\n"
        "* * *\n"
        "Helena Marsh's comments to journalists following the working meeting\n"
        "Helena Marsh: We discussed the quay.\n"
        "* * *\n"
        "Statements following the meeting:\n"
        "Tomas Reyes: The quay opens in May.\n"
        "* * *\n"
        "And the ferry runs on Sundays.\n"
    )
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Tomas Reyes", ["The quay is ready."]),
        ("Helena Marsh", ["Good."]),
        ("Helena Marsh", ["We discussed the quay."]),
        ("Tomas Reyes", ["The quay opens in May.", "And the ferry runs on Sundays."]),
    ]


def test_a_section_heading_heads_the_remarks_after_it():
    """The heading of a later part of the page is not lost: every remark of the part carries it
    (`section`) until the next heading, so a reader sees that the statements to journalists after
    the meeting were not said in it. The colon closing a heading ("Statements following the
    meeting:") is left out; remarks before any heading carry none."""
    t = parse_transcript(
        "Working meeting with Mayor Helena Marsh\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Tomas Reyes: The quay is ready.\n"
        "Helena Marsh: Good.\n"
        "* * *\n"
        "Helena Marsh's comments to journalists following the working meeting\n"
        "Helena Marsh: We discussed the quay.\n"
        "Tomas Reyes: And the ferry.\n"
        "* * *\n"
        "Statements following the meeting:\n"
        "Tomas Reyes: The quay opens in May.\n"
    )
    comments = "Helena Marsh's comments to journalists following the working meeting"
    assert [(x.name, x.section) for x in t.turns] == [
        ("Tomas Reyes", None),
        ("Helena Marsh", None),
        ("Helena Marsh", comments),
        ("Tomas Reyes", comments),
        ("Tomas Reyes", "Statements following the meeting"),
    ]


def test_a_line_naming_a_part_of_talks_straight_after_a_remark_stays_the_speakers():
    """Without a divider, a line such as "<Country>-<Country> talks in expanded format" may be an
    item of the speaker's programme or a title they quote, so it stays theirs. (Read as the
    heading of the next part, it was tried and withdrawn: a programme's second item became a
    heading.)"""
    t = parse_transcript(
        "Meeting with the Government\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: What is the programme of the visit?\n"
        "Tomas Reyes: It is as follows.\n"
        "Larkspurian-Borduran talks in narrow format\n"
        "Larkspurian-Borduran talks in expanded format\n"
        "Helena Marsh: Good.\n"
    )
    assert [(x.name, len(x.paragraphs), x.section) for x in t.turns] == [
        ("Helena Marsh", 1, None),
        ("Tomas Reyes", 3, None),
        ("Helena Marsh", 1, None),
    ]


def test_a_part_opens_where_its_heading_stands_whatever_the_words_of_its_first_remark():
    """The remark that opens a part may say what a remark before it said ("Good afternoon,
    colleagues."), and two parts may open alike: each part starts at its own heading, not at the
    first remark with those words."""
    t = parse_transcript(
        "Working meeting with Mayor Helena Marsh\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: Good afternoon, colleagues.\n"
        "Tomas Reyes: The quay is ready.\n"
        "* * *\n"
        "Meeting with the Board of the Port\n"
        "Helena Marsh: Good afternoon, colleagues.\n"
        "Tomas Reyes: The ferry is ready.\n"
        "<…>\n"
        "On the ferry\n"
        "Helena Marsh: Good afternoon, colleagues.\n"
    )
    assert [x.section for x in t.turns] == [
        None,
        None,
        "Meeting with the Board of the Port",
        "Meeting with the Board of the Port",
        "On the ferry",
    ]


def test_the_pages_note_after_a_divider_before_a_cut_and_a_remark_is_not_speech():
    """After "* * *", a short statement of the page's own ("Plans for the harbour were discussed
    separately.") followed by the mark of words left out and a labelled remark opens the next part:
    it was kept as the last speaker's words. It heads the next part instead: the page tells what
    happened ("were discussed", "took place"). A question, a sentence in which someone speaks
    ("we", "you", "thanks") or one that tells nothing past stays the speaker's; so does a sentence
    after the divider that nothing labelled follows (the test above)."""
    t = parse_transcript(
        "Working meeting with Mayor Helena Marsh\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: The quay is ready.\n"
        "* * *\n"
        "Plans for the harbour were discussed separately.\n"
        "<…>\n"
        "Tomas Reyes: The ferry runs on Sundays.\n"
    )
    assert [(x.name, x.paragraphs, x.section) for x in t.turns] == [
        ("Helena Marsh", ["The quay is ready.", "<…>"], None),
        ("Tomas Reyes", ["The ferry runs on Sundays."], "Plans for the harbour were discussed separately."),
    ]
    for spoken in (
        "Any questions about the quay?",
        "Thank you, colleagues, we can now move on to the ferry.",
        "Thanks to all the participants.",
        "This is a very important decision for the harbour.",
        "Congratulations on the holiday.",
    ):
        t = parse_transcript(
            "Working meeting with Mayor Helena Marsh\nMay 3, 2021, Larkspur\nThe lead.\n"
            f"Helena Marsh: The quay is ready.\n* * *\n{spoken}\n<…>\nTomas Reyes: The ferry runs.\n"
        )
        assert [(x.paragraphs, x.section) for x in t.turns] == [
            (["The quay is ready.", spoken, "<…>"], None),
            (["The ferry runs."], None),
        ], spoken


def test_a_topic_heading_between_remarks_is_not_speech():
    """Excerpt pages head each part with its topic ("On the proposal to …", "On amendments to the
    charter") after an omission mark or straight after a remark, before the next labelled remark:
    page furniture, not the last speaker going on. A remark's own last paragraph stays."""
    t = parse_transcript(
        "Meeting with the working group\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: The quay needs a new wall.\n"
        "<…>\n"
        "On the proposal to enshrine in the harbour charter the duty of the Board to repair every quay "
        "wall within one year of a storm and to report on it to the Council.\n"
        "Helena Marsh: I believe this is important.\n"
        "Tomas Reyes: We agree with it.\n"
        "<…>\n"
        "<…>\n"
        "Tomas Reyes: And with the wall.\n"
        "On amendments to the harbour charter\n"
        "Helena Marsh: Now the charter.\n"
        "On the contrary, the ferry runs on Sundays\n"
        "and the quay opens in May.\n"
    )
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Helena Marsh", ["The quay needs a new wall.", "<…>"]),
        ("Helena Marsh", ["I believe this is important."]),
        ("Tomas Reyes", ["We agree with it.", "<…>", "<…>"]),
        ("Tomas Reyes", ["And with the wall."]),
        (
            "Helena Marsh",
            ["Now the charter.", "On the contrary, the ferry runs on Sundays", "and the quay opens in May."],
        ),
    ]


def test_a_given_name_in_another_transliteration_begins_a_name():
    """ "Viatcheslav" is "Vyacheslav", "Alexey" "Alexei", "Yuri" "Yury" written another way: it
    begins a name, so "<Title> Viatcheslav Moshe Kantor:" keeps all three words of the name (it
    gave "Moshe Kantor", the first word read as the title's last). Other words do not."""
    from meetings.core.parser.given_names import begins_a_name
    from meetings.core.parser.labels import parse_label

    for word in ("Viatcheslav", "Alexey", "Yuri", "Dmitri", "Sergey", "Aleksandr"):
        assert begins_a_name(word), word
    for word in ("Reconciliation", "Council", "Harbour", "Taxi", "Quay"):
        assert not begins_a_name(word), word
    label = parse_label("President of the Harbour Council on Fisheries and Trade Viatcheslav Moshe Navarov")
    assert label.name == "Viatcheslav Moshe Navarov"
    assert label.role == "President of the Harbour Council on Fisheries and Trade"


def test_an_excerpts_heading_a_long_topic_heading_and_a_note_giving_the_floor_are_not_speech():
    """Three more kinds of page furniture between remarks, before the next labelled remark: the
    heading of the excerpts that follow ("Excerpts from transcript of the meeting of the Harbour
    Board"), a topic heading of one long sentence after an omission mark (over forty words), and
    the page's note giving the floor ("The floor is given to Tomas Reyes, chairman of the Board").
    Each had been read as the last speaker going on. A remark's own short last line stays."""
    long_topic = (
        "On the proposal to enshrine in the harbour charter the duty of the Board to repair every quay "
        "wall and every mooring within one year of a storm, to report on the repairs to the Council and "
        "to the people of the town, and to publish the costs of each repair together with the name of "
        "the contractor and the date on which the work was accepted."
    )
    assert len(long_topic.split()) > 40
    t = parse_transcript(
        "Meeting of the Harbour Board\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: The quay needs a new wall.\n"
        "Thank you for your attention.\n"
        "Excerpts from transcript of the meeting of the Harbour Board and the Ferry League\n"
        "Tomas Reyes: Thank you, Madam Mayor.\n"
        "<…>\n"
        f"{long_topic}\n"
        "Helena Marsh: I believe this is important.\n"
        "I congratulate you all.\n"
        "The floor is given to Tomas Reyes, chairman of the Harbour Board\n"
        "Tomas Reyes: Madam Mayor, colleagues.\n"
        "Welcome to Larkspur\n"
        "Helena Marsh: Thank you.\n"
    )
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Helena Marsh", ["The quay needs a new wall.", "Thank you for your attention."]),
        ("Tomas Reyes", ["Thank you, Madam Mayor.", "<…>"]),
        ("Helena Marsh", ["I believe this is important.", "I congratulate you all."]),
        ("Tomas Reyes", ["Madam Mayor, colleagues.", "Welcome to Larkspur"]),
        ("Helena Marsh", ["Thank you."]),
    ]


def test_a_note_giving_the_floor_heads_no_part_of_the_page():
    """The page's note giving the floor ("The floor is given to Tomas Reyes, chairman of the
    Board") introduces the next speaker; it is no heading of what follows: the remarks after it,
    the chair's questions too, are not cited as said in a part of that name. A heading of the
    excerpts that follow does head a part."""
    t = parse_transcript(
        "Meeting of the Harbour Board\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: The quay needs a new wall.\n"
        "The floor is given to Tomas Reyes, chairman of the Harbour Board\n"
        "Tomas Reyes: Madam Mayor, colleagues.\n"
        "Helena Marsh: How long will it take?\n"
        "Excerpts from transcript of the meeting of the Harbour Board and the Ferry League\n"
        "Tomas Reyes: A year.\n"
    )
    assert [(x.name, x.paragraphs, x.section) for x in t.turns] == [
        ("Helena Marsh", ["The quay needs a new wall."], None),
        ("Tomas Reyes", ["Madam Mayor, colleagues."], None),
        ("Helena Marsh", ["How long will it take?"], None),
        (
            "Tomas Reyes",
            ["A year."],
            "Excerpts from transcript of the meeting of the Harbour Board and the Ferry League",
        ),
    ]


def test_a_title_with_a_colon_opens_no_remark_before_the_transcripts_heading():
    """A page whose title holds a colon ("Opening the exhibition Harbour Lights: Larkspur – Tvorsk")
    reads like a label; it is the title all the same, so the heading after the lead's divider is
    the transcript's (the lead's last line, core.leads), not a part holding every remark."""
    t = parse_transcript(
        "Opening the exhibition Harbour Lights: Larkspur – Tvorsk\nMay 3, 2021, Larkspur\n"
        "The Mayor and the Governor opened the exhibition.\n* * *\n"
        "Speeches at the opening of the Harbour Lights: Larkspur – Tvorsk exhibition\n"
        "Mayor of Larkspur Helena Marsh: Friends, welcome.\n"
        "Governor Tomas Reyes: Thank you.\n"
    )
    assert [(x.name, x.section) for x in t.turns] == [("Helena Marsh", None), ("Tomas Reyes", None)]
    assert t.description.endswith(
        "Speeches at the opening of the Harbour Lights: Larkspur – Tvorsk exhibition"
    )


def test_a_pull_quote_in_quotation_marks_is_left_out_wherever_its_text_stands():
    """A paragraph wholly in quotation marks (of any kind or order, ”…“ too) that repeats
    sentences of another paragraph of the page is a pull-quote, even where that paragraph is no
    longer than it (a sentence's opening word dropped: "First, we must …" quoted as "We must …"),
    or far from it (a caption of the first answer placed in the fifth). Had been kept as the
    speaker's words, said twice."""
    first = "The ferry is the town's oldest road. It must sail every day of the year."
    second = "First, we must rebuild the north quay. All moorings must be ready by May."
    filler = [
        f"Point {i}: the harbour board met and went through the accounts line by line." for i in range(20)
    ]
    body = "\n".join(filler)
    text = (
        "Interview to the Harbour Gazette\nMay 3, 2021\nLead.\n"
        f"Question: What matters most?\nHelena Marsh: {first}\n{body}\n"
        f"Question: And then?\nHelena Marsh: {second}\n”{first}“\n"
        "Something else entirely, said once.\n"
        f"“We must rebuild the north quay. All moorings must be ready by May.”\nThank you.\n"
    )
    t = parse_transcript(text)
    assert [p for x in t.turns for p in x.paragraphs if "ferry" in p or "moorings" in p] == [first, second]
    assert t.turns[-1].paragraphs == [second, "Something else entirely, said once.", "Thank you."]


# Edited pull-quotes: the page repeats the speech with words dropped, sentences joined, or a
# passage printed twice (a source defect). Sentences of a harbour speech, each said once.
_HARBOUR = [
    "However, the north quay has been rebuilt with granite from the old Larkspur quarry.",
    "Its moorings can take the winter ferries and the three new grain barges at once.",
    "Second, the tide gauges along the estuary will report every ten minutes from next spring.",
    "The pilots asked for this after the storm surge of the autumn closed the channel twice.",
    "We have also cleared the silt from the western basin, which had been neglected for years.",
    "The dredgers worked through the night shifts and finished a fortnight ahead of the plan.",
    "Finally, the fish market will move to the covered hall beside the lifeboat station.",
    "Traders have waited a decade for a roof over their stalls and a proper cold store.",
]


def _harbour_page(*middle: str) -> str:
    return "\n".join(
        [
            "Meeting on the harbour works",
            "May 3, 2021",
            "The Mayor met the Harbour Board.",
            f"Mayor Helena Marsh: Colleagues, good afternoon. {_HARBOUR[0]} {_HARBOUR[1]}",
            *middle,
            f"{_HARBOUR[2]} {_HARBOUR[3]}",
            f"{_HARBOUR[4]} {_HARBOUR[5]}",
            f"{_HARBOUR[6]} {_HARBOUR[7]}",
            "Port Director Tomas Reyes: Thank you. The board agrees with every point, and so do the pilots.",
        ]
    )


def test_an_edited_pull_quote_is_left_out():
    """Regression: a pull-quote the page edited (its opening word dropped, two sentences of
    paragraphs that follow each other joined) was kept as the speaker's words, said twice."""
    trimmed = _HARBOUR[0].removeprefix("However, ").capitalize()
    joined = f"{_HARBOUR[3]} {_HARBOUR[4].replace(', which had been neglected for years', '')}"
    for quote in (trimmed, f"“{trimmed}”", joined):
        t = parse_transcript(_harbour_page(quote))
        paragraphs = [p for turn in t.turns for p in turn.paragraphs]
        assert quote not in paragraphs, quote
        assert len(paragraphs) == 5
        assert any("pull-quote" in w for w in t.warnings)


def test_a_quoted_pull_quote_that_names_what_the_speech_calls_this_is_left_out():
    """Regression: a caption in quotation marks that names what its sentence says "this" of
    ("We expect this company …" quoted as "We expect the Larkspur Ferry Company …") was kept as
    the speaker's words, said twice: its sentence, a few words longer than its source, was no
    quote of it. The speaker's own sentence said again with more words still stays (above)."""
    source = (
        "We expect this board to act competently to modernise the harbour, to keep the moorings, "
        "the tide gauges and the ferry ramps in good order, and to cut the costs of every repair."
    )
    quote = "”" + source.replace("this board", "the Larkspur Harbour Board (the Board)") + "“"
    text = _harbour_page().replace(_HARBOUR[1], source) + f"\n{quote}"
    t = parse_transcript(text)
    paragraphs = [p for turn in t.turns for p in turn.paragraphs]
    assert quote not in paragraphs
    assert any("pull-quote" in w for w in t.warnings)


def test_a_pull_quote_in_the_next_remark_is_left_out():
    """Regression: a caption of the mayor's speech placed inside the next speaker's remark was
    kept as that speaker's words."""
    quote = (
        "The fish market will move to the covered hall by the lifeboat station. Traders have waited a decade."
    )
    text = _harbour_page() + f"\n{quote}\nThe pilots will meet the board on Friday to agree the new signals."
    t = parse_transcript(text)
    assert t.turns[-1].paragraphs[-1].startswith("The pilots will meet")
    assert quote not in t.turns[-1].paragraphs


def _passage_printed_twice(opening: str, closing: str) -> str:
    """A page printing a passage twice, a summary (in these brackets) and a remark, the copy
    without the remark's first paragraph."""
    passage = [
        f"{opening}The Port Director went on to report on the tonnage handled by the harbour this year.{closing}",
        f"Tomas Reyes: {_HARBOUR[4]} {_HARBOUR[5]}",
        f"{_HARBOUR[6]} {_HARBOUR[7]}",
    ]
    return "\n".join(
        [
            "Meeting on the harbour works",
            "May 3, 2021",
            "The Mayor met the Harbour Board.",
            f"Mayor Helena Marsh: {_HARBOUR[0]} {_HARBOUR[1]}",
            f"Port Director Tomas Reyes: {_HARBOUR[2]} {_HARBOUR[3]}",
            *passage,
            *passage[:1],
            passage[2],
            "Helena Marsh: Thank you, Mr Reyes. The board will meet again in the autumn.",
        ]
    )


def test_a_paragraph_or_passage_printed_twice_is_kept_once():
    """Regression: a page that printed a paragraph twice, or a whole passage of remarks and a
    summary twice, had it twice in the archive (a remark counted twice on a profile)."""
    para = f"{_HARBOUR[2]} {_HARBOUR[3]}"
    t = parse_transcript(_harbour_page(para))
    assert [p for turn in t.turns for p in turn.paragraphs].count(para) == 1
    t = parse_transcript(_passage_printed_twice("(", ")"))
    said = [p for turn in t.turns for p in turn.paragraphs]
    assert said.count(f"{_HARBOUR[6]} {_HARBOUR[7]}") == 1
    assert sum("went on to report" in p for p in said) == 1


def test_what_only_looks_like_a_pull_quote_is_kept():
    """Not pull-quotes: the speaker's sentence said again with more words (the longer stays),
    the same greeting from two speakers, sentences that stand in two paragraphs apart, and a
    paragraph that differs from another by its figures."""
    again = _HARBOUR[6].replace("Finally, the", "I say once again that the")
    t = parse_transcript(_harbour_page() + f"\n{again}")
    assert t.turns[-1].paragraphs[-1] == again
    apart = f"{_HARBOUR[1]} {_HARBOUR[5]}"
    t = parse_transcript(_harbour_page(apart))
    assert apart in t.turns[0].paragraphs
    greeting = (
        "Mr President, colleagues, friends, it is a great pleasure to welcome you all to the harbour today."
    )
    text = (
        _harbour_page().replace("Thank you. The board", f"{greeting} The board")
        + f"\nHelena Marsh: {greeting}"
    )
    t = parse_transcript(text)
    assert t.turns[-1].paragraphs == [greeting]
    first = "In 2019 the harbour handled 4 million tonnes of grain, coal and timber from the northern farms."
    second = first.replace("2019", "2020").replace("4 million", "5 million")
    t = parse_transcript(_harbour_page(first, second))
    assert first in t.turns[0].paragraphs and second in t.turns[0].paragraphs


def test_a_stage_direction_without_brackets_is_set_apart():
    """Regression: "A video is played." and "Viewing a video about the quay." as paragraphs of
    their own were shown as the speaker's words (and read for topics)."""
    from meetings.core.parser.inline import STAGE, TEXT, segments

    for note in (
        "A video is played.",
        "The anthem of Larkspur is played.",
        "A film about the harbour works was shown.",
        "Viewing a video about the north quay.",
        "Watching a presentation on the new ferries.",
        # A noun for what is shown, as the site writes it under a video link.
        "Broadcast of the\u00a0ferry leaving Larkspur for Tvorsk.",
        "Showing of film The Harbour Lights",
        "Screening of a video about the north quay.",
    ):
        assert segments(note) == [(STAGE, note)], note
    for said in (
        "The video is played every morning at the ferry terminal for the passengers waiting there.",
        "A new film is shown at the harbour cinema, and I recommend it to everyone who has not seen it.",
        "Viewing figures for the harbour channel have doubled.",
        "We are watching a video about the quay.",
        "Broadcast of the match starts at six, and I will watch it.",
        "Screening of the new film was a success.",
    ):
        assert segments(said) == [(TEXT, said)], said


def test_an_editors_insertion_in_square_brackets_is_set_apart():
    """Regression: "Mr Reyes [Harbour Master]" showed the editors' words as the speaker's, and the
    topics read them (a remark credited with raising a subject only its insertion named); an
    omission "[…]" stays an omission."""
    from meetings.core.parser.inline import OMISSION, STAGE, TEXT, segments

    said = "As Mr Reyes [Harbour Master] said, the quay [the north quay] is full […] and closed."
    assert segments(said) == [
        (TEXT, "As Mr Reyes "),
        (STAGE, "[Harbour Master]"),
        (TEXT, " said, the quay "),
        (STAGE, "[the north quay]"),
        (TEXT, " is full "),
        (OMISSION, "[…]"),
        (TEXT, " and closed."),
    ]
    from meetings.core.topics.extract import RemarkText, remark_phrases

    text = (
        "The ferries of Mr Reyes [Harbour Master] are late again, and the ferries need new engines this year."
    )
    phrases, _, _ = remark_phrases(RemarkText(text, "", False), set())
    assert "harbour master" not in phrases and "ferry" in phrases
    # No phrase across the insertion ("the Larkspur [Harbour] Forum" is no "Larkspur Forum").
    text = "We met at the Larkspur [Harbour] Forum, and the Larkspur ferries were late for the forum again."
    phrases, _, _ = remark_phrases(RemarkText(text, "", False), set())
    assert "larkspur forum" not in phrases and "harbour forum" not in phrases


def test_a_note_of_who_joins_a_videoconference_and_a_bracketed_note_without_a_stop_are_set_apart():
    """Regression: "<someone> joins the videoconference." as a paragraph of its own, and a
    bracketed sentence with no full stop ("(The motorway is opened to traffic)") were shown as the
    words of the speaker before them; a note in brackets opening a remark on what it answers or
    what it is on ("(Replying to …)", "(on the financial sector)") was shown as its first words."""
    from meetings.core.parser.inline import STAGE, TEXT, segments

    for note in (
        "Construction manager at the North Quay plant Tomas Reyes joins the videoconference.",
        "Harbour master Helena Marsh joined the video conference.",
        "The Governor of the Eastmarch Region joins the meeting via videoconference.",
        "Workers of the Larkspur shipyard join the videoconference.",
        "(The new bridge is opened to traffic)",
        "(The flag of the harbour is raised)",
    ):
        assert segments(note) == [(STAGE, note)], note
    for said in (
        "Tomas Reyes joins the videoconference from the harbour, and he will tell us about the quay.",
        "I am glad that Helena Marsh joins the videoconference.",
        "(The quay needs a new wall)",  # no verb of what happens: brackets of speech are kept as said
        "(and this is important) the quay needs a new wall.",
        # A reviewer's: a passive said in the speaker's own voice, a bracket inside a sentence.
        "(The budget was adopted last year, and I think it is working)",
        "(The old harbour wall that the council built in the hungry years was repaired by volunteers at night)",
        "Prices rose (in response to inflation) by two percent.",
    ):
        assert segments(said) == [(TEXT, said)], said
        assert segments(said, opening=True) == [(TEXT, said)], said
    for note, rest in (
        ("(Replying to remarks by Tomas Reyes, Larkspur Herald newspaper) ", "You are right about the quay."),
        ("(on the harbour budget) ", "We can see the costs rising."),
        ("(Responding to a question from the hall.) ", "The wall will be built."),
        ("(in\u00a0response to a speech by Tomas Reyes) ", "We will try to help."),  # a no-break space
    ):
        assert segments(note + rest, opening=True) == [(STAGE, note.strip()), (TEXT, " " + rest)], note
    # A note on what a remark is on opens the remark, and the words that follow it begin a sentence:
    # the same brackets elsewhere are said.
    for said, opening in (
        ("(on the harbour budget) We can see the costs rising.", False),
        ("(on average) prices rose by two percent.", True),
        ("(About 15 million) was allocated to the quay.", True),
    ):
        assert segments(said, opening=opening) == [(TEXT, said)], said


def test_a_passage_the_page_prints_twice_is_read_once():
    """Regression: a page that printed a remark twice over (its label, then the same paragraphs)
    had its second copy half kept: the repeated paragraph was dropped as a pull-quote, and the
    speaker seemed to say "Thank you" twice in a row. The whole copy is left out; the same words
    said again after someone else spoke, or a remark that only begins as the other did, stay."""
    thanks = "Thank you, Mr Reyes."
    ask = (
        "The dredging of the north channel has started. How far along is it, and when will the ships come in?"
    )
    page = (
        "Meeting with the Harbour Board\nMay 3, 2021, Larkspur\nThe Mayor met the Board.\n"
        f"Tomas Reyes: The quay wall is finished and the cranes are being tested this week.\n"
        f"Helena Marsh: {thanks}\n{ask}\n"
        f"Helena Marsh: {thanks}\n{ask}\n"
        "Tomas Reyes: The dredging is half done, and the first ships will come in by June.\n"
    )
    t = parse_transcript(page)
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Tomas Reyes", ["The quay wall is finished and the cranes are being tested this week."]),
        ("Helena Marsh", [thanks, ask]),
        ("Tomas Reyes", ["The dredging is half done, and the first ships will come in by June."]),
    ]
    again = page.replace(f"Helena Marsh: {thanks}\n{ask}\nTomas", f"Helena Marsh: {thanks}\nTomas")
    assert [len(x.paragraphs) for x in parse_transcript(again).turns] == [1, 2, 1, 1]


def test_a_mark_of_words_left_out_before_the_first_remark_marks_the_meeting_as_excerpts():
    """Regression: a page whose transcript opens with the source's mark of an omission, after a
    sub-heading and before the first label, was not marked as excerpts (the mark was dropped with
    the lead's headings)."""
    page = (
        "Visit to the Harbour Hospital\nMay 3, 2021, Larkspur\nThe Mayor toured the hospital.\n"
        "* * *\nConversation with the head physician Tomas Reyes\n{gap}\n"
        "Tomas Reyes: The new ward opened last week.\n"
        "Helena Marsh: How many beds does it have?\n"
    )
    assert parse_transcript(page.format(gap="<…>")).is_excerpt
    assert not parse_transcript(page.format(gap="")).is_excerpt
    assert not parse_transcript(page.format(gap="(…)")).is_excerpt  # no such mark inside a remark either


def test_a_heading_of_excerpts_between_remarks_marks_the_meeting_as_excerpts():
    """A page that gives a speech whole and then "Excerpts from transcript of …" the discussion
    is not the whole transcript: the meeting is marked as excerpts, as when the lead says so. A
    page whose only heading between remarks is of another kind is not."""
    page = (
        "Meeting of the Harbour Board\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: The quay needs a new wall.\n"
        "Thank you for your attention.\n"
        "{heading}\n"
        "Tomas Reyes: Thank you, Madam Mayor.\n"
    )
    excerpts = parse_transcript(
        page.format(heading="Excerpts from transcript of the meeting of the Harbour Board")
    )
    assert excerpts.is_excerpt
    assert [x.paragraphs for x in excerpts.turns] == [
        ["The quay needs a new wall.", "Thank you for your attention."],
        ["Thank you, Madam Mayor."],
    ]
    other = parse_transcript(page.format(heading="The floor is given to Tomas Reyes, chairman of the Board"))
    assert not other.is_excerpt


def test_a_title_naming_excerpts_of_a_thing_marks_no_excerpts():
    # Only "(excerpts)" after a title marks the page. (A title opening "Excerpts from the transcript
    # …" was tried as a mark and withdrawn: such a title may name a thing handed over.)
    for title, excerpt in (
        ("Meeting of the Harbour Board (excerpts)", True),
        ("Excerpts from the transcript of the conference handed over to the museum", False),
        ("Excerpts from the speech of Tomas Reyes handed over to the museum", False),
        (
            "Visit to the archive. Excerpts from the stenographic record of the conference go on display",
            False,
        ),
    ):
        t = parse_transcript(f"{title}\nMay 3, 2021, Larkspur\nThe lead.\nHelena Marsh: Let us start.\n")
        assert t.is_excerpt is excerpt, title


def test_a_mark_of_what_the_source_leaves_out_marks_the_meeting_as_excerpts():
    """A page whose remarks hold the source's mark of an omission ("<…>", "[...]") gives parts of
    the meeting, not the whole transcript, whether or not a heading says so: the meeting is marked
    as excerpts (the page says so; a reader took "1 participant" for all who spoke). A bracketed
    ellipsis of another kind ("(...)", a quotation cut short "…") is no such mark."""
    page = (
        "Meeting of the Harbour Board\nMay 3, 2021, Larkspur\nThe Mayor met the Board.\n"
        "Helena Marsh: The quay needs a new wall. {gap}\n"
        "Tomas Reyes: Thank you, Madam Mayor.\n"
    )
    for gap in ("<…>", "<...>", "[…]"):
        assert parse_transcript(page.format(gap=gap)).is_excerpt, gap
    for gap in ("(...)", "And so on…", ""):
        assert not parse_transcript(page.format(gap=gap)).is_excerpt, gap


@pytest.mark.parametrize(
    ("name", "sorted_as"),
    [
        ("Helena Marsh", "Marsh, Helena"),
        # A capitalised particle is part of the surname it is filed under.
        ("Alexander Van der Bellen", "Van der Bellen, Alexander"),
        # A particle in lower case is not: "van Dorn", "al-Rashid", "de Lune" are filed under the
        # name after it (one A-Z heading per letter: "al-" had made a second "A" after "Z").
        ("Pieter van Dorn", "Dorn, Pieter van"),
        ("Karim al-Rashid", "Rashid, Karim al-"),
        ("Omar el-Nour", "Nour, Omar el-"),
        ("Jean-Luc de Lune", "Lune, Jean-Luc de"),
        # A family name written first (Chinese, Korean, Vietnamese) is the name filed under.
        ("Zhou Mingyuan", "Zhou Mingyuan"),
        ("Li Haoran", "Li Haoran"),
        ("Wang Bo", "Wang Bo"),
        ("Moon Ha-eun", "Moon Ha-eun"),
        ("Lee Soo-min", "Lee Soo-min"),
        ("Nguyen Van Minh", "Nguyen Van Minh"),
        # Not without the given name's shape: an English "Lee", a Spanish "Juan".
        ("Lee Harvey", "Harvey, Lee"),
        ("Juan Sun", "Sun, Juan"),
        ("Anna Li", "Li, Anna"),
        # A name that ends with a father's ("<Name> bin <Name>") has no surname: filed as written;
        # one that ends with a family's name after it is filed under that name.
        ("Khalid bin Tariq", "Khalid bin Tariq"),
        ("Tamim bin Hamad Al Khalid", "Al Khalid, Tamim bin Hamad"),
        # A regnal number is no surname ("II, Rudolf" had been filed under "I"): a monarch is
        # filed by name and number, and a one-name title with them as written, as "Patriarch
        # <Name>" is.
        ("Rudolf II", "Rudolf II"),
        ("Pope Tikhon III", "Pope Tikhon III"),
        ("Patriarch Tikhon", "Patriarch Tikhon"),
    ],
)
def test_the_name_a_person_is_filed_under(name, sorted_as):
    from meetings.core.parser.names import sort_name

    assert sort_name(name) == sorted_as


def test_a_note_that_a_titled_speaker_joins_the_videoconference_gives_them_that_title():
    """The page's note "<Title> <Name> joins the videoconference." before that person's first
    remark, whose label writes no title, gives the remark that office, as a note giving the floor
    does (the two site managers of a plant's launch had no office anywhere). The note stays a stage
    direction of the remark before; a note naming no speaker of the page gives no one anything."""
    t = parse_transcript(
        "Launch of the north quay\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: Go ahead.\n"
        "Works manager at the North Quay Tomas Reyes joins the videoconference.\n"
        "Tomas Reyes: The quay is ready.\n"
        "Helena Marsh: Thank you.\n"
        "Harbour Master Vera Lind joins the videoconference.\n"
        "Ivo Brant: The ferries are waiting.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", None),
        ("Tomas Reyes", "Works manager at the North Quay"),
        ("Helena Marsh", None),
        ("Ivo Brant", None),
    ]
    assert (
        t.turns[0].paragraphs[-1] == "Works manager at the North Quay Tomas Reyes joins the videoconference."
    )


def test_the_page_title_and_a_note_giving_the_floor_give_a_speaker_the_title_no_label_writes():
    """A page titled "Meeting with Head of the Harbour Agency Tomas Reyes" whose labels say only
    "Tomas Reyes:" gives him that office, on his first remark, as a first label writing it
    would; so does the note giving the floor ("The floor is given to Vera Lind, chairwoman of
    the Ferry League"). A title a label writes is kept, and a title naming two people ("… with
    Mayor <Name> and Governor <Name>") gives each their own."""
    t = parse_transcript(
        "Meeting with Head of the Harbour Agency Tomas Reyes\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: Mr Reyes, how is the harbour?\n"
        "Tomas Reyes: Busy, Madam Mayor.\n"
        "The floor is given to Vera Lind, chairwoman of the Ferry League\n"
        "Vera Lind: The ferries are full.\n"
        "Tomas Reyes: And the quays too.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", None),
        ("Tomas Reyes", "Head of the Harbour Agency"),
        ("Vera Lind", "chairwoman of the Ferry League"),
        ("Tomas Reyes", None),
    ]
    t = parse_transcript(
        "Meeting with Mayor of Larkspur Helena Marsh and Governor of Tvorsk Tomas Reyes\n"
        "May 3, 2021, Larkspur\nThe lead.\n"
        "Ivo Brant: Welcome.\n"
        "Helena Marsh: Thank you.\n"
        "Tomas Reyes: Thank you.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Ivo Brant", None),
        ("Helena Marsh", "Mayor of Larkspur"),
        ("Tomas Reyes", "Governor of Tvorsk"),
    ]
    # A group named before the person is no part of their title; a title holding a second "with"
    # is not read at all.
    t = parse_transcript(
        "Meeting with winners of the regatta and Governor of Tvorsk Tomas Reyes\nMay 3, 2021, Larkspur\n"
        "The lead.\nIvo Brant: Welcome.\nTomas Reyes: Thank you.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [("Ivo Brant", None), ("Tomas Reyes", "Governor of Tvorsk")]
    t = parse_transcript(
        "Meeting with students of the Harbour School with Rector Tomas Reyes\nMay 3, 2021, Larkspur\n"
        "The lead.\nIvo Brant: Welcome.\nTomas Reyes: Thank you.\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [("Ivo Brant", None), ("Tomas Reyes", None)]
    t = parse_transcript(
        "Meeting with Minister of Industry and Trade Tomas Reyes\nMay 3, 2021, Larkspur\nThe lead.\n"
        "Helena Marsh: Welcome.\n"
        "Industry Minister Tomas Reyes: Thank you.\n"
        "Tomas Reyes: Shall I begin?\n"
    )
    assert [(x.name, x.role) for x in t.turns] == [
        ("Helena Marsh", None),
        ("Tomas Reyes", "Industry Minister"),
        ("Tomas Reyes", None),
    ]


def test_a_page_with_its_labels_on_their_own_lines_reads_as_with_them_inline():
    """Regression: with each label on a line of its own (as a repost may lay a bold label out),
    a remark's first paragraph that the speaker repeats later was left out as a pull-quote, and
    a remark the page printed twice was read twice."""
    wish = "I would like to wish the harbour pilots good health and calm seas."
    inline = "\n\n".join(
        [
            "Meeting on the harbour works",
            "May 3, 2021",
            "The Mayor met the Harbour Board.",
            f"Mayor Helena Marsh: {_HARBOUR[0]} {_HARBOUR[1]}",
            f"Tomas Reyes: {wish}",
            "Helena Marsh: But what is your question?",
            f"Tomas Reyes: {_HARBOUR[2]} {wish} {_HARBOUR[3]}",
            f"Helena Marsh: {_HARBOUR[4]}",
            f"Helena Marsh: {_HARBOUR[4]}",
            f"Tomas Reyes: {_HARBOUR[6]}",
        ]
    )
    own_lines = re.sub(r"(?m)^((?:Mayor )?(?:Helena Marsh|Tomas Reyes)):\s", r"\1:\n\n", inline)
    assert own_lines != inline

    def reading(text):
        return [(t.name, t.paragraphs) for t in parse_transcript(text).turns]

    assert reading(own_lines) == reading(inline)
    assert [name for name, _ in reading(inline)] == ["Helena Marsh", "Tomas Reyes"] * 3


def test_a_label_on_its_own_line_keeps_the_note_that_opens_the_next():
    """Regression: "<Name>:" on a line of its own, then "(retranslated): <text>", kept the note
    as the remark's first words, as "<Name>: (retranslated): <text>" does not."""
    inline = "\n\n".join(
        [
            "Meeting on the harbour works",
            "May 3, 2021",
            "The Mayor met the Harbour Board.",
            f"Mayor Helena Marsh: {_HARBOUR[0]}",
            f"Port Director Tomas Reyes: (retranslated): {_HARBOUR[2]}",
        ]
    )
    own_line = inline.replace("Reyes: (retranslated)", "Reyes:\n\n(retranslated)")
    assert own_line != inline
    for text in (inline, own_line):
        turns = parse_transcript(text).turns
        assert [(t.name, t.paragraphs) for t in turns] == [
            ("Helena Marsh", [_HARBOUR[0]]),
            ("Tomas Reyes", [_HARBOUR[2]]),
        ]


def test_a_generic_label_on_its_own_line_before_a_quotation_is_the_speakers_rhetoric():
    """As "Question: “How much is needed?” …" in a remark is the speaker asking it, so is
    "Question:" on a line of its own with the quotation opening the next."""
    for asked in ("Question: “How much is needed?” “A lot.”", "Question:\n\n“How much is needed?” “A lot.”"):
        text = "\n\n".join(
            [
                "Meeting on the harbour works",
                "May 3, 2021",
                "The Mayor met the Harbour Board.",
                f"Mayor Helena Marsh: {_HARBOUR[0]}",
                asked,
                "So we must count every coin.",
                f"Port Director Tomas Reyes: {_HARBOUR[2]}",
            ]
        )
        turns = parse_transcript(text).turns
        assert [t.name for t in turns] == ["Helena Marsh", "Tomas Reyes"]
        assert "“How much is needed?”" in turns[0].text


def test_a_summary_in_square_brackets_reads_as_one_in_round_ones():
    """Regression: a repost's "[<Name> reported on …]" was no summary: it and the words after
    it went to the speaker before."""
    round_ = "\n\n".join(
        [
            "Meeting on the harbour works",
            "May 3, 2021",
            "The Mayor met the Harbour Board.",
            f"Mayor Helena Marsh: {_HARBOUR[0]}",
            "Port Director Tomas Reyes: Thank you.",
            "(Tomas Reyes reported on the dredging of the western basin and the new tide gauges.)",
            f"{_HARBOUR[4]}",
            f"Helena Marsh: {_HARBOUR[6]}",
            "[Full transcript here]",
        ]
    )
    square = round_.replace("(Tomas Reyes reported", "[Tomas Reyes reported").replace("gauges.)", "gauges.]")
    assert square != round_
    readings = [
        [(t.kind, t.name, t.paragraphs) for t in parse_transcript(text).turns] for text in (round_, square)
    ]
    assert readings[1] == readings[0]
    assert [(kind, name) for kind, name, _ in readings[0]] == [
        (SPEECH, "Helena Marsh"),
        (SPEECH, "Tomas Reyes"),
        (SUMMARY, "Tomas Reyes"),
        (SPEECH, "Tomas Reyes"),
        (SPEECH, "Helena Marsh"),
    ]


def test_a_passage_printed_twice_with_its_summary_in_square_brackets_is_kept_once():
    """Regression: a summary in square brackets was read as an editor's insertion, with no words:
    of a passage printed twice, the first copy of the summary went as a pull-quote and the second
    stayed, out of its place."""
    turns = parse_transcript(_passage_printed_twice("[", "]")).turns
    assert [(t.kind, t.name) for t in turns] == [
        (SPEECH, "Helena Marsh"),
        (SPEECH, "Tomas Reyes"),
        (SUMMARY, "Tomas Reyes"),
        (SPEECH, "Tomas Reyes"),
        (SPEECH, "Helena Marsh"),
    ]
