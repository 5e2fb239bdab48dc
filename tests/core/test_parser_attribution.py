"""Attribution faults found on a real site dump, one class at a time, on invented transcripts."""

from __future__ import annotations

import datetime

import pytest

from meetings.core.parser import GUESSES, SPEECH, SUMMARY, NotATranscript, TranscriptError, parse_transcript
from meetings.core.parser.labels import parse_label


def page(body: str, title: str = "Meeting of the Harbour Council", lead: str = "") -> str:
    lead = lead or "The Governor held a meeting of the Harbour Council."
    return f"{title}\n\nMarch 3, 2023, Larkspur\n\n{lead}\n\n{body.strip()}\n"


def speakers(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(t.name, t.generic, t.kind) for t in parse_transcript(text).turns]


# --- generic labels inside one speaker's address ----------------------------------------------


def test_a_rhetorical_question_inside_an_address_is_part_of_the_speech():
    text = page(
        """
Helena Marsh: Good afternoon, members of the assembly.

We shall build the new quay this year.

Question: at what cost? Where shall we find the money? We have found it in savings.

And another one: Question: “Who will build it?” Reply: “Our own yards.”

Question: “Who will pay for it?” Reply: “Nobody but the port.”

Thank you.
""",
        title="Address to the Harbour Assembly",
    )
    assert speakers(text) == [("Helena Marsh", None, SPEECH)]
    assert "at what cost?" in parse_transcript(text).turns[0].text


def test_a_question_in_dialogue_is_still_a_turn_of_someone_else():
    text = page(
        """
Helena Marsh: Good afternoon. Questions, please.

Question: When will the quay open?

Helena Marsh: Next spring.
"""
    )
    assert speakers(text) == [
        ("Helena Marsh", None, SPEECH),
        (None, "Question", SPEECH),
        ("Helena Marsh", None, SPEECH),
    ]


# --- places, ministries and titles are not people ---------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Minister of Foreign Affairs",
        "Minister of Economic Development",
        "Minister of Science and Higher Education",
        "Minister of Civil Defence, Emergencies and Disaster Relief",
        "Chairman of the Accounts Chamber",
        "Anniversary of the Great Victory",
        "Larkspur, Northern Region",
        # A body named after someone is no one: its last word is a body's ("Foundation", "Bank")
        # or an English noun ("Theatre"), and what a title is of ("of the <Given> …").
        "Head of the Vera Foundation",
        "Chairman of Sofia Bank",
        "Director of the Felipe Theatre",
        "Head of the Marina Club",
        # A title no English surname is ("Director") after a given name is no one either, nor an
        # office named by a town that is a given name too.
        "Svetlana Director",
        "Vladimir Mayor",
        "Sofia Mayor",
        # A title after a word that is also a given name stays a title when the word is a common
        # English one ("German", "Christian") or a country's name.
        "German Chancellor",
        "Christian Bishop",
        "Roman Bishop",
        "Jordan King",
        "King",
        "Mr President",
    ],
)
def test_an_office_or_a_place_is_never_a_name(label):
    parsed = parse_label(label)
    assert parsed is None or parsed.name is None


def test_a_role_after_the_name_that_names_an_organisation():
    label = parse_label("Tomas Reyes, Chairman of the Accounts Chamber")
    assert (label.name, label.role) == ("Tomas Reyes", "Chairman of the Accounts Chamber")
    label = parse_label("Pavel Orlin, welding engineer at a branch of JSC “Harbour-Works” NORDYARD")
    assert (label.name, label.role[:15]) == ("Pavel Orlin", "welding enginee")


def test_a_list_of_appointments_is_not_a_transcript():
    text = page(
        """
Minister of Civil Defence, Emergencies and Disaster Relief: Tomas Reyes.

Minister of Foreign Affairs: Ilona Vance.

Minister of Science and Higher Education: Pavel Orlin.
""",
        title="Executive Order on the Cabinet",
        lead="The Governor signed an executive order on the members of the Cabinet.",
    )
    with pytest.raises(NotATranscript, match="no speaker labels"):
        parse_transcript(text)
    assert issubclass(NotATranscript, TranscriptError)
    # A list whose last line names a group ("Members: <Name>, <Name>.") had been a transcript of
    # one remark by no one.
    text = page(
        """
Chairman of the Council: Tomas Reyes.

Secretary: Pavel Orlin.

Members: Ilona Vance, Helena Marsh, Otto Kessel.
""",
        title="Executive Order on the Harbour Council",
        lead="The Governor approved the members of the Harbour Council.",
    )
    with pytest.raises(NotATranscript, match="names no speaker, only groups"):
        parse_transcript(text)
    # Groups that speak are a transcript, if of no one named: the ingest drops none on a guess.
    for body in (
        "Journalists: When will the ferry sail?\n\nIn May, and the second one in June.",
        "Students: Thank you!\n\nPupils: Thank you very much!",
    ):
        assert parse_transcript(page(body)).turns


def test_short_remarks_are_still_a_transcript():
    for body in (
        "Helena Marsh: Good afternoon.\n\nTomas Reyes: Thank you, Madam Mayor.",
        "Helena Marsh: Welcome!\n\nTomas Reyes: Hello, Helena Marsh.",
        "Helena Marsh: Yes.\n\nTomas Reyes: No.",
    ):
        assert len(parse_transcript(page(body)).turns) == 2, body
    # Greetings in capitals, on pages of awards too (a list of names and awards skipped as no
    # transcript was tried and withdrawn: these had been skipped).
    for body in (
        "Helena Marsh: Happy New Year, Comrade Colonel.\n\nTomas Reyes: Happy New Year, Comrade Mayor.",
        "Helena Marsh: Larkspur, Good Evening.\n\nTomas Reyes: Russia Is Proud of You.",
        "Helena Marsh: Let Us Begin.\n\nTomas Reyes: Start the Traffic.",
    ):
        text = page(body, title="Meeting with recipients of state awards", lead="The Mayor signed an order.")
        assert len(parse_transcript(text).turns) == 2, body


def test_a_heading_with_a_colon_is_not_a_person():
    text = page(
        """
Helena Marsh: Good afternoon. We open a forum on modern harbours and young sailors.

Modern Harbours: the forum's second day

Helena Marsh: The second day begins.
"""
    )
    assert {name for name, _, _ in speakers(text)} == {"Helena Marsh"}


# --- titles glued to names --------------------------------------------------------------------


def test_a_longer_name_is_attested_by_a_title_holding_an_acronym_in_brackets():
    # "… Forum (HEF) Seyed Omid Karimi Vand:" and later "Seyed Omid Karimi Vand:": the page
    # writes the four words as the name on their own and after a title; the bracketed acronym
    # inside the title does not hide that, so "Seyed" is not left in the office.
    text = page(
        """
Chair of the Harbour Exporters Forum (HEF) Seyed Omid Karimi Vand: Thank you for the invitation.

Helena Marsh: Please go on.

Seyed Omid Karimi Vand: The quay needs dredging.

Vladimir Marek (retranslated): We agree.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.role) for t in turns] == [
        ("Seyed Omid Karimi Vand", "Chair of the Harbour Exporters Forum (HEF)"),
        ("Helena Marsh", None),
        ("Seyed Omid Karimi Vand", None),
        ("Vladimir Marek", None),
    ]


def test_a_title_word_glued_to_its_joiner_is_two_words_in_the_role():
    # "Presidentof": a typo of the source. The office is stored, shown and matched as
    # "President of …"; the label as written stays as it was.
    text = page(
        """
Presidentof Borduria Ivo Marek: Good afternoon.

Minister-Presidentof the Larkspur Province Dana Vrba: Thank you.

Chairman of the Harbour Board Emil Sova: We begin.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.role) for t in turns] == [
        ("Ivo Marek", "President of Borduria"),
        ("Dana Vrba", "Minister-President of the Larkspur Province"),
        ("Emil Sova", "Chairman of the Harbour Board"),
    ]
    assert turns[0].label.startswith("Presidentof")


def test_a_rank_between_a_title_and_the_name_is_set_apart_in_the_role():
    # "<Office> Lt-Gen <Name>:": the rank is the person's, not the last words of the office.
    text = page(
        """
Head of the Harbour Engineers Lieutenant General Pavel Orlin: Good afternoon.

Commander of the Larkspur Flotilla Vice Admiral Ada Lind: Thank you.

Chief of the Coast Guard Lt-Gen Ivo Marek: We begin.

Commander of the Larkspur Garrison, Colonel General Emil Sova: Ready.

Colonel General Dana Vrba: Yes.

Secretary of State of the Holy See of Larkspur Cardinal Piet Orlan: Amen.

Rector of the Harbour Seminary Archbishop Ivo Senn: Amen.
"""
    )
    assert [(t.name, t.role) for t in parse_transcript(text).turns] == [
        ("Pavel Orlin", "Head of the Harbour Engineers, Lieutenant General"),
        ("Ada Lind", "Commander of the Larkspur Flotilla, Vice Admiral"),
        ("Ivo Marek", "Chief of the Coast Guard, Lt-Gen"),
        ("Emil Sova", "Commander of the Larkspur Garrison, Colonel General"),
        ("Dana Vrba", "Colonel General"),
        # A church's rank likewise ("<Office> Cardinal <Name>").
        ("Piet Orlan", "Secretary of State of the Holy See of Larkspur, Cardinal"),
        ("Ivo Senn", "Rector of the Harbour Seminary, Archbishop"),
    ]


def test_a_possessive_or_hyphenated_title_stays_out_of_the_name():
    text = page(
        """
Commissioner for Children’s Rights Anna Kovalenko: Good afternoon.

Harbour Gazette magazine Editor-in-Chief Pavel Orlin: Thank you.

UN Secretary-General Tomas Reyes: Thank you, colleagues.

Head Coach of Larkspur’s Rowing Team Ilona Vance: We won.
""",
        lead="The Governor met the Commissioner for Children’s Rights Anna Kovalenko, "
        "spoke with UN Secretary-General Tomas Reyes and congratulated Larkspur’s Rowing Team Ilona Vance.",
    )
    assert [name for name, _, _ in speakers(text)] == [
        "Anna Kovalenko",
        "Pavel Orlin",
        "Tomas Reyes",
        "Ilona Vance",
    ]


# --- names the parser did not read ------------------------------------------------------------


def test_name_particles_and_longer_names():
    text = page(
        """
President of Freedonia Khalid bin Omar Al Rashidi (re-translated): Thank you.

President of Sylvania Bashir al-Hakim: Good afternoon.

President of Borduria Yelena Ivanovna Kostrova: Welcome.

Secretary General of the Harbour Council Adnan Z. Orlin: Thank you.

Helena Marsh: Thank you all.
"""
    )
    assert [name for name, _, _ in speakers(text)] == [
        "Khalid bin Omar Al Rashidi",
        "Bashir al-Hakim",
        "Yelena Ivanovna Kostrova",
        "Adnan Z. Orlin",
        "Helena Marsh",
    ]


def test_a_label_with_its_note_on_the_next_line():
    text = page(
        """
Helena Marsh: Welcome, Mr Reyes.

Tomas Reyes

(retranslated): Thank you for the invitation.

Helena Marsh: Please.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Helena Marsh", "Tomas Reyes", "Helena Marsh"]
    assert turns[1].text == "Thank you for the invitation."


def test_a_note_written_after_the_labels_colon_is_the_labels_note_not_its_text():
    """ "Title Name: (retranslated): text": the note between two colons is the label's, as in
    "Name (retranslated): text"; a bracket that is the remark's own words stays."""
    text = page(
        """
Helena Marsh: Welcome, Prime Minister.

Prime Minister of Valdoria Tomas Reyes: (retranslated): Madam Governor, friends.

We thank you.

Helena Marsh: (Laughs.) Thank you.

Tomas Reyes: (In English): One more word. (Applause.)

Helena Marsh: (The harbour's new quay): this is what we discuss today.

Tomas Reyes (retranslated): (In English): A last word.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == [
        "Helena Marsh",
        "Tomas Reyes",
        "Helena Marsh",
        "Tomas Reyes",
        "Helena Marsh",
        "Tomas Reyes",
    ]
    assert turns[1].paragraphs[0] == "Madam Governor, friends."
    assert turns[1].label == "Prime Minister of Valdoria Tomas Reyes (retranslated)"
    assert turns[2].paragraphs[0] == "(Laughs.) Thank you."
    assert turns[3].paragraphs[0] == "One more word. (Applause.)"
    assert turns[4].paragraphs[0] == "(The harbour's new quay): this is what we discuss today."
    # A label with a note of its own and a second note after the colon is still that label.
    assert turns[5].paragraphs[0].endswith("A last word.")


# --- summaries --------------------------------------------------------------------------------


def test_summaries_that_open_with_a_phrase_or_name_a_title_differently():
    text = page(
        """
Helena Marsh: Colleagues, the Chief of Harbour Staff will report first.

Chief of the Harbour Staff Pavel Orlin: Thank you.

(Then the Chief of Harbour Staff gave a detailed report on the state of the quays.)

The quays are in order.

Minister of Ports Ilona Vance: I shall be brief.

(Next, the minister touched on the timetable of the ferries and the new piers.)

(With respect to the ferries, Tomas Reyes said that two more will be bought next year.)

(Tomas Reyes and Ilona Vance reported on the budget of the port for the coming year.)
"""
    )
    got = speakers(text)
    assert got == [
        ("Helena Marsh", None, SPEECH),
        ("Pavel Orlin", None, SPEECH),
        ("Pavel Orlin", None, SUMMARY),
        ("Pavel Orlin", None, SPEECH),
        ("Ilona Vance", None, SPEECH),
        ("Ilona Vance", None, SUMMARY),
        ("Tomas Reyes", None, SUMMARY),
        (None, None, SUMMARY),  # two people in one paragraph: a group, no one person
    ]


def test_summaries_opening_with_a_clause_of_what_came_before():
    # "(Having described …, <Name> turned to …)", "(Answering a question from <Name>, the
    # minister said …)", "(After the report, <Name> spoke …)": they had been no summary, and the
    # words went into the previous speaker's remark as theirs.
    text = page(
        """
Helena Marsh: Colleagues, let us begin.

Minister of Ports Ilona Vance: The quays are ready.

Tomas Reyes: Thank you.

(Having described the fleet, Ilona Vance turned to the timetable of the ferries for the winter.)

(Answering a question from Tomas Reyes, the minister said that two more ferries will be bought.)

(After the report, Pavel Orlin spoke about the state of the north quay and its repair.)

(Following the discussion, Helena Marsh thanked the participants and closed the meeting.)

(After that Minister of Ports Ilona Vance spoke about the new piers, the fares and the repairs.)

The two southern piers will be finished by June.
"""
    )
    assert speakers(text)[3:] == [
        ("Ilona Vance", None, SUMMARY),
        ("Ilona Vance", None, SUMMARY),
        ("Pavel Orlin", None, SUMMARY),
        ("Helena Marsh", None, SUMMARY),
        # "After that" with no comma is the adverb of sequence it was: the clause had run on to
        # the summary's first comma, and the summary and the words after it become the speaker's.
        ("Ilona Vance", None, SUMMARY),
        ("Ilona Vance", None, SPEECH),
    ]


def test_a_date_line_whose_place_holds_brackets():
    text = page("Helena Marsh: Good afternoon.").replace(
        "Larkspur\n", "Larkspur (Northern Region) Air Base\n", 1
    )
    assert parse_transcript(text).place == "Larkspur (Northern Region) Air Base"


@pytest.mark.parametrize(
    ("head", "place"),
    [
        ("March 3, 2023\n\nMeeting of the Harbour Council", None),  # the date above the title
        ("Meeting of the Harbour Council (March 3, 2023)", None),  # the date in the title's line
        ("Meeting of the Harbour Council – March 3, 2023", None),
        ("Meeting of the Harbour Council, 3 March 2023", None),
        ("Meeting of the Harbour Council\n\nLarkspur, March 3, 2023", "Larkspur"),  # a dateline
        ("Meeting of the Harbour Council\n\nCity Hall, Larkspur, 3 March 2023", "City Hall, Larkspur"),
    ],
)
def test_a_title_and_a_date_as_reposts_arrange_them(head, place):
    # Each of these had the page refused ("no date line", "no title line before the date").
    lead = "The Governor held a meeting of the Harbour Council."
    t = parse_transcript(f"{head}\n\n{lead}\n\nHelena Marsh: Good afternoon.\n")
    assert (t.title, t.date, t.place, t.description) == (
        "Meeting of the Harbour Council",
        datetime.date(2023, 3, 3),
        place,
        lead,
    )


@pytest.mark.parametrize(
    "head",
    [
        "Skip to content",
        "Home » News » Transcripts",
        "Harbour Blog\n\nNews and analysis from Larkspur",
        "Posted on March 4, 2023 by editor",
        "Published: March 4, 2023",
        "#15",
    ],
)
def test_a_reposting_sites_lines_before_the_title_are_not_the_title(head):
    # The title is the heading right above the date line; what a site prints before it is its own.
    text = head + "\n\n" + page("Helena Marsh: Good afternoon.\n\nTomas Reyes: The quay is finished.")
    t = parse_transcript(text)
    assert (t.title, t.description) == (
        "Meeting of the Harbour Council",
        "The Governor held a meeting of the Harbour Council.",
    )
    assert [x.name for x in t.turns] == ["Helena Marsh", "Tomas Reyes"]


@pytest.mark.parametrize(
    "tail",
    [
        "Source: http://harbour.example/news/55930",
        "http://harbour.example/news/55930",
        "Share this:\n\nTwitter\n\nFacebook",
        "Like this:\n\nLike Loading...",
        "Related\n\nLeave a Reply Cancel reply",
        "Tags: harbour, quay, dredging",
        "Posted in Larkspur | Tagged harbour | Leave a comment",
        "[Ends]",
        "(End of transcript)",
        "* * *\n\nharbour.example",
        "Translated by the Harbour Gazette",
        "Read more: http://harbour.example/x",
        # A news site's own buttons and photo credit ("Print   Share" on one line, "Photo: …").
        "Print   Share\n\nPhoto: harbour.example",
        "Photos: Larkspur press office",
        # A copyright line last (it had kept every line above it in the last remark).
        "Tags: harbour\n\n© 2019 harbour.example",
        "Copyright © Harbour Gazette 2019. All rights reserved.",
        "(c) 2019 Harbour Gazette",
        "Share\n\nTweet\n\nPrint\n\nCopyright © Harbour Office. All rights reserved.",
        "(c) harbour.example",
    ],
)
def test_a_reposting_sites_furniture_after_the_last_remark_is_not_the_speakers(tail):
    # A blog's or a news site's lines after the transcript ended had been read as the last
    # speaker's words.
    text = page("Helena Marsh: Good afternoon.\n\nTomas Reyes: The quay is finished.\n\n" + tail)
    t = parse_transcript(text)
    assert t.turns[-1].text == "The quay is finished."
    assert any("after the last remark" in w for w in t.warnings)


@pytest.mark.parametrize(
    "last",
    [
        # A speaker's last words about copyright, a list's last point: not the site's line.
        "Copyright is property, and we shall protect it.",
        "(c) to report on the quays by September 1.",
    ],
)
def test_a_last_remark_on_copyright_or_a_lists_point_stays_whole(last):
    text = page(f"Helena Marsh: Good afternoon.\n\nTomas Reyes: The quay is finished.\n\n{last}")
    assert parse_transcript(text).turns[-1].text == f"The quay is finished.\n\n{last}"


def test_a_last_remark_that_names_a_website_stays_whole():
    text = page("Helena Marsh: Where can people read it?\n\nTomas Reyes: On our website.\n\nThank you.")
    assert parse_transcript(text).turns[-1].text == "On our website.\n\nThank you."


@pytest.mark.parametrize(
    ("line", "date", "place"),
    [
        # Day first, as a repost may write it: "30 October" was read as the 0th (no date: the
        # page refused) and "12 October" as the 2nd.
        ("30 October 2017", datetime.date(2017, 10, 30), None),
        ("12 October 2017, Larkspur", datetime.date(2017, 10, 12), "Larkspur"),
        ("5 Oct 2017", datetime.date(2017, 10, 5), None),
        ("2017-10-30", datetime.date(2017, 10, 30), None),
        ("2017-10-30, Larkspur", datetime.date(2017, 10, 30), "Larkspur"),
        ("October 30, 2017 14:00", datetime.date(2017, 10, 30), None),
        ("Published: October 30, 2017", datetime.date(2017, 10, 30), None),
        ("October 30, 2017, 14:00, Larkspur", datetime.date(2017, 10, 30), "Larkspur"),
        # Day, month and year in figures with dots, day first, as Russian sites write them: the
        # page had been refused for want of a date line.
        ("30.10.2017", datetime.date(2017, 10, 30), None),
        ("03.10.2017, Larkspur", datetime.date(2017, 10, 3), "Larkspur"),
        ("3.10.2017 14:00", datetime.date(2017, 10, 3), None),
        # A time with "am"/"pm" or a span of hours is no place (it had been read as one).
        ("March 14, 2017, 3:30 pm, Larkspur", datetime.date(2017, 3, 14), "Larkspur"),
        ("March 14, 2017, 10:00–12:00, Larkspur", datetime.date(2017, 3, 14), "Larkspur"),
        # A meeting of several days is dated by its first (the page had been refused: no date line).
        ("March 14–15, 2017, Larkspur", datetime.date(2017, 3, 14), "Larkspur"),
        ("March 14-15, 2017", datetime.date(2017, 3, 14), None),
        ("March 30 – April 1, 2017, Larkspur", datetime.date(2017, 3, 30), "Larkspur"),
        ("14–15 March 2017", datetime.date(2017, 3, 14), None),
        # With slashes: day first, as with dots, unless only the other way makes a date.
        ("30/10/2017", datetime.date(2017, 10, 30), None),
        ("10/30/2017, Larkspur", datetime.date(2017, 10, 30), "Larkspur"),
        ("03/10/2017", datetime.date(2017, 10, 3), None),
    ],
)
def test_date_lines_as_reposts_write_them(line, date, place):
    text = page("Helena Marsh: Good afternoon.").replace("March 3, 2023, Larkspur\n", line + "\n", 1)
    t = parse_transcript(text)
    assert (t.date, t.place) == (date, place)
    # A date in figures that reads either way is named in the page's warnings, with how it was read.
    either_way = [w for w in t.warnings if "day first" in w]
    if line.startswith(("03/10", "03.10", "3.10")):
        assert either_way == [
            f"the date {line.split(',')[0].split(' ')[0]} reads either way: read day first, as October 3, 2017"
        ]
    else:
        assert either_way == []


@pytest.mark.parametrize(
    ("line", "place"),
    [
        # The place on a line of its own under the date, as a page saved from the site lays them
        # out: the place (it had been the lead's first paragraph, and the meeting had no place).
        ("Novo-Larkovo, Larkspur Region", "Novo-Larkovo, Larkspur Region"),
        ("The Harbour Palace, Larkspur", "The Harbour Palace, Larkspur"),
        ("Larkspur", "Larkspur"),
        # A heading or a sentence is no place.
        ("Press Statements", None),
        ("Statements for the press", None),
        ("Helena Marsh met the harbour workers.", None),
    ],
)
def test_a_place_on_its_own_line_under_the_date(line, place):
    lead = "Helena Marsh met the workers of the harbour."
    t = parse_transcript(
        f"Meeting with workers\n\nMarch 3, 2023\n\n{line}\n\n{lead}\n\nHelena Marsh: Good afternoon.\n"
    )
    assert t.place == place
    assert t.description == (lead if place else f"{line}\n\n{lead}")


@pytest.mark.parametrize(
    ("label", "name", "role"),
    [
        ("Crown Prince Omar Al Rashidi of Port Azur", "Omar Al Rashidi", "Crown Prince of Port Azur"),
        (
            "Patriarch Tikhon of Larkspur and All Borduria",
            "Patriarch Tikhon",
            "Patriarch of Larkspur and All Borduria",
        ),
        ("Ruling Prince of Sylvania Rudolf II", "Rudolf II", "Ruling Prince of Sylvania"),
        # A country ends the title: a name of three words after it is whole, whatever its first
        # word (it had lost it to the title: "President of India <Given>"); a common English word
        # after the country is no name ("Russia Post"); a name of two words stays two.
        ("President of India Ravo Nath Kovar", "Ravo Nath Kovar", "President of India"),
        # Countries by the names their titles use too (the first word had gone to the title).
        ("President of Cabo Verde Ravo Nath Kovar", "Ravo Nath Kovar", "President of Cabo Verde"),
        ("President of Côte d’Ivoire Ravo Nath Kovar", "Ravo Nath Kovar", "President of Côte d’Ivoire"),
        (
            "Prime Minister of the Republic of Türkiye Ravo Nath Kovar",
            "Ravo Nath Kovar",
            "Prime Minister of the Republic of Türkiye",
        ),
        ("Prime Minister of Ethiopia Tesfa Alem Girma", "Tesfa Alem Girma", "Prime Minister of Ethiopia"),
        (
            "President of the Republic of Mozambique Ilo Jacinto Nuvi",
            "Ilo Jacinto Nuvi",
            "President of the Republic of Mozambique",
        ),
        ("President of South Africa Thabo Nkosi", "Thabo Nkosi", "President of South Africa"),
        ("Director General of Russia Post Vera Lind", "Vera Lind", "Director General of Russia Post"),
        ("Ambassador of Peru Carlos Valdez", "Carlos Valdez", "Ambassador of Peru"),
        (
            "Chairman of the Federation of Independent Harbour Unions of Borduria Pavel Orlin",
            "Pavel Orlin",
            "Chairman of the Federation of Independent Harbour Unions of Borduria",
        ),
        # A name of three words right after an office, whose first word is neither a given name
        # the list knows nor a word of English, is whole (it had lost that word to the title).
        ("WHO Director-General Tesfa Alem Girma", "Tesfa Alem Girma", "WHO Director-General"),
        ("Harbour Fund Director Bintu Alem Sall", "Bintu Alem Sall", "Harbour Fund Director"),
        # A body's letters or a note in brackets end a title as its own word does.
        ("President of HFTB Tesfa Alem Girma", "Tesfa Alem Girma", "President of HFTB"),
        (
            "Professor at the University of Granlo (Borduria) Bintu Alem Sall",
            "Bintu Alem Sall",
            "Professor at the University of Granlo (Borduria)",
        ),
        # Only right after the title's own word: after a place's or a body's name, a rare word
        # ends that name ("North <Region>", "State <Museum>") when the given name is one the
        # list does not know. A longer name written elsewhere on the page is still taken whole.
        (
            "Head of the Republic of North Ossovia Ruslo Tagirov",
            "Ruslo Tagirov",
            "Head of the Republic of North Ossovia",
        ),
        ("President of South Ossovia Anvar Bibaev", "Anvar Bibaev", "President of South Ossovia"),
        (
            "Director of the State Vardagium Mirel Ostrovsky",
            "Mirel Ostrovsky",
            "Director of the State Vardagium",
        ),
        # What a title is "of" stays the title's; a given name the list knows begins the name;
        # a label with no title before the words keeps two of them as the name.
        ("Head of Tarvex Ilo Nuvi", "Ilo Nuvi", "Head of Tarvex"),
        ("Director General Tarvex Igor Orlin", "Igor Orlin", "Director General Tarvex"),
        ("Tarvex Ilo Nuvi", "Ilo Nuvi", "Tarvex"),
        # A patronymic in the middle follows a given name, whatever the list knows of it: the
        # word before it is the name's, not the company's or the place's (it had gone to the title).
        ("Head of Tarvex Zorvan Ivanovich Kettlebey", "Zorvan Ivanovich Kettlebey", "Head of Tarvex"),
        (
            "Mayor of Nizhny Granlo Zorvan Ilyich Kettlebey",
            "Zorvan Ilyich Kettlebey",
            "Mayor of Nizhny Granlo",
        ),
        (
            "Director of the Vardagium Mirela Lukinichna Sall",
            "Mirela Lukinichna Sall",
            "Director of the Vardagium",
        ),
        # German given names end in "-rich" ("Ulrich", "Friedrich"), no Russian patronymic does:
        # the word before such a name is the company's (it had opened the name: "Bahn Ulrich …").
        (
            "Chairman of the Board of Tarvex Bahn Ulrich Kessling",
            "Ulrich Kessling",
            "Chairman of the Board of Tarvex Bahn",
        ),
        ("CEO of Vardag Werke Friedrich Hollen", "Friedrich Hollen", "CEO of Vardag Werke"),
        ("Harbour Board Chairman Ilo Nuvi", "Ilo Nuvi", "Harbour Board Chairman"),
        # An initial and a surname after an office: the word before the initial is the office's
        # place or subject, not a given name ("Development A. Orlin" had been the name, and
        # "President of Larkspur H. Marsh" a title with no one holding it); a rare word not after
        # "of" still opens a name with a middle initial.
        ("President of Larkspur H. Marsh", "H. Marsh", "President of Larkspur"),
        ("Minister of Economic Development A. Orlin", "A. Orlin", "Minister of Economic Development"),
        ("Head of Tarvex Ilo Z. Nuvi", "Ilo Z. Nuvi", "Head of Tarvex"),
        # An occupation after a title's comma, in lower case, as titles give it ("Member of the
        # Council, writer <Name>"): it had been no label, its remark the speaker's before.
        (
            "Member of the Harbour Council, writer Boris Tamm",
            "Boris Tamm",
            "Member of the Harbour Council, writer",
        ),
        ("Hero of Borduria, test pilot Andrei Koss", "Andrei Koss", "Hero of Borduria, test pilot"),
        ("Father of eight children, farmer Ivan Gaal", "Ivan Gaal", "Father of eight children, farmer"),
        ("Mother of many children Olga Bern", "Olga Bern", "Mother of many children"),
        # A title, the name and where they work: the paper is the title's.
        ("Reporter Marina Sobel, Larkspur Herald", "Marina Sobel", "Reporter, Larkspur Herald"),
        # A title with no name and its article is the title ("The Minister:" was; with more words
        # after the title's own it had been no label).
        ("The Minister of Education", None, "Minister of Education"),
        ("The Governor of Larkspur Region", None, "Governor of Larkspur Region"),
        # An organisation's name in quotation marks inside a title before the name, as after it
        # (the label had been no label, its remark the speaker's before).
        (
            "General Director of the “Northline Rail” company Pavel Drozd",
            "Pavel Drozd",
            "General Director of the “Northline Rail” company",
        ),
        (
            'Chairman of the Board of "Kelm Grain" Ada Kiel',
            "Ada Kiel",
            'Chairman of the Board of "Kelm Grain"',
        ),
        (
            "Head of the «Harbour Lights» foundation Oskar Vellen",
            "Oskar Vellen",
            "Head of the «Harbour Lights» foundation",
        ),
        # "<Name>, <two capitalised words>": the name is the side that opens with a given name,
        # the other where the caller is from or the paper they write for ("<Town>, <Name>" as
        # before; "<Name>, <Paper>" had made the paper the person). Both or neither: as before.
        ("Anna Lind, Larkspur Herald", "Anna Lind", "Larkspur Herald"),
        # A generic label with the person's name in brackets: the person, the label their role
        # (the name had been a note, the remark no one's).
        ("Moderator (Anna Lind)", "Anna Lind", "Moderator"),
        ("Question (Anna Lind, Larkspur Herald)", "Anna Lind", "Larkspur Herald"),
        ("Question (retranslated)", None, None),
        ("Students (Anna Lind, Oskar Feld)", None, None),
        ("Question (Anna Lind, Oskar Feld)", None, None),
        ("Question (Maria Holt, Tatiana Bell)", None, None),
        ("Question (Anna Lind, Tvorsk, Pavel Orlin, Omsk)", None, None),
        ("Question (Pavel Orlin, 12, Ivan Holt, 13)", None, None),
        ("Question (Boris Tamm Presidential Library)", None, None),
        ("Question (Larkspur Herald)", None, None),
        ("Pavel Drozd, Northline Rail", "Pavel Drozd", "Northline Rail"),
        ("Tvorsk, Pavel Drozd", "Pavel Drozd", None),
        # Given names of foreign journalists and Russian ones the list lacked ("Kevin", "Polina").
        ("Kevin Marsh, Daily Courier", "Kevin Marsh", "Daily Courier"),
        # ... and of the peoples of Russia and its neighbours ("Zalina", "Bair", "Nurlan").
        ("Zalina Drozd, Tvorsk Vecherny", "Zalina Drozd", "Tvorsk Vecherny"),
        ("Bair Tsydenov, Ulgen Unen", "Bair Tsydenov", "Ulgen Unen"),
        # ... or when the words after the comma name a paper or a station by its kind.
        ("Nora Ellison, Veldmark Daily", "Nora Ellison", "Veldmark Daily"),
        ("Nora Ellison, Channel Nine", "Nora Ellison", "Channel Nine"),
        # ... the commonest English words for a paper's kind included ("Times", "News", "Post"):
        # with a given name the list lacks, the paper had been the person.
        ("Tumi Valde, Veldmark Times", "Tumi Valde", "Veldmark Times"),
        ("Tumi Valde, Tvorsk News", "Tumi Valde", "Tvorsk News"),
        ("Tumi Valde, Harbour Post", "Tumi Valde", "Harbour Post"),
        ("Tumi Valde, Northern Chronicle", "Tumi Valde", "Northern Chronicle"),
        ("Polina Drozd, Tvorsk Evening", "Polina Drozd", "Tvorsk Evening"),
        # ... and the words other languages' papers end or open with ("Zeitung", "Rundschau",
        # "Shimbun", "Corriere"): the paper had been the person.
        ("Tumi Valde, Tvorsker Zeitung", "Tumi Valde", "Tvorsker Zeitung"),
        ("Tumi Valde, Harbour Rundschau", "Tumi Valde", "Harbour Rundschau"),
        ("Tumi Valde, Larkspur Shimbun", "Tumi Valde", "Larkspur Shimbun"),
        ("Tumi Valde, Corriere Tvorskese", "Tumi Valde", "Corriere Tvorskese"),
        # German, Scandinavian, Dutch and other European given names the list lacked ("Paula",
        # "Otto"): the first of two given names had gone to the title.
        ("Paula Drozd, Tvorsk Rundbrief", "Paula Drozd", "Tvorsk Rundbrief"),
        ("Otto Friedrich Kessling", "Otto Friedrich Kessling", None),
        # A given name written with its accents is the list's as without ("María José", "Luisa
        # Fernanda"): the first had gone to the title.
        ("Minister of Trade María José Ruiz Castro", "María José Ruiz Castro", "Minister of Trade"),
        ("Minister of Ports Luisa Fernanda de la Vega", "Luisa Fernanda de la Vega", "Minister of Ports"),
        # "Bill", a word that opens headings ("Bill on …"), is a given name before a surname: the
        # label had been no label (its remark the previous speaker's), or a title with no one.
        ("Bill Kessling", "Bill Kessling", None),
        ("BILL KESSLING", "Bill Kessling", None),
        ("President of Borduria Bill Kessling", "Bill Kessling", "President of Borduria"),
        # ... only right before the surname: a bill in a title stays the title's.
        ("Author of the Port Bill Anna Lind", "Anna Lind", "Author of the Port Bill"),
        ("Bill Rapporteur Anna Lind", "Anna Lind", "Bill Rapporteur"),
        ("Sofia, Pavel Drozd", "Pavel Drozd", None),
        # A capital inside a surname after "Mc", "Mac", "De", "Di", "La" is the surname's own
        # ("McAllister", "MacLeod"): they had been split as words glued by a typo ("Mc Allister",
        # with the given name taken into the title).
        ("Consul General Fiona McAllister", "Fiona McAllister", "Consul General"),
        ("Ewan MacLeod", "Ewan MacLeod", None),
        ("Nora DeVries", "Nora DeVries", None),
        ("Ambassador Leon DiNapoli", "Leon DiNapoli", "Ambassador"),
        # One name and a regnal number after a title known with one name are named with it, as
        # "Patriarch Tikhon" is (the title had gone to the role, after the office's comma).
        ("Head of the Harbour Church, Pope Tikhon III", "Pope Tikhon III", "Head of the Harbour Church"),
        ("King Ivo II", "King Ivo II", None),
        # A title of a place before the name stays the role; a regnal number of three letters is
        # no surname in capitals ("III" had been shown "Iii").
        ("Ruling Prince of Sylvania Rudolf XIV", "Rudolf XIV", "Ruling Prince of Sylvania"),
        # A surname that is a title's word ("King", "Bishop", "Judge") after a given name the list
        # knows: the label had been no label, the interviewer's questions the answerer's.
        ("Larry King", "Larry King", None),
        ("LARRY KING", "Larry King", None),
        ("Julie Bishop", "Julie Bishop", None),
        ("Gary Judge, Harbour Post", "Gary Judge", "Harbour Post"),
        ("Anchor Larry King", "Larry King", "Anchor"),
        # So after a given name that is a common English word too, unless it is one a title is
        # qualified by, a people's or a faith's ("German", "Christian"): "Harry King:" and "Frank
        # Dean:" had been no labels, their words the chair's.
        ("Harry King", "Harry King", None),
        ("Frank Dean", "Frank Dean", None),
        ("George Judge", "George Judge", None),
        # A town's, a museum's or a firm's word that is also a given name stays the title's
        # (given names the list took in once made "Regina Tom Kessler" a person).
        ("Mayor of Regina Tom Kessler", "Tom Kessler", "Mayor of Regina"),
        ("Director of the Amir Temur Museum Akmal Nurov", "Akmal Nurov", "Director of the Amir Temur Museum"),
        ("Head of Levent Holding Burak Ozdemir", "Burak Ozdemir", "Head of Levent Holding"),
        ("Director of Ada Shipyard Marko Petrovic", "Marko Petrovic", "Director of Ada Shipyard"),
    ],
)
def test_a_label_gives_a_name_and_a_title(label, name, role):
    parsed = parse_label(label)
    assert (parsed.name, parsed.role) == (name, role)


def test_a_title_with_its_article_a_title_with_no_name_and_an_action_in_brackets():
    text = page(
        """
Helena Marsh: Good afternoon. Let me present the awards.

(Helena Marsh presents the award.)

The rower’s father and coach Omar Kostrov: Thank you for my son.

Winner of the Harbour Prize for Young Engineers for 2022: I am grateful to my teachers.

(Further on, the Governor spoke about the new quay and the ferries of the coming year.)
""",
        title="Meeting with Ivan Kostrov and his father",
        lead="The Governor met the rowing champion Ivan Kostrov and his father and coach Omar Kostrov.",
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.generic, t.kind) for t in turns] == [
        ("Helena Marsh", None, SPEECH),  # the stage direction stays in her turn
        ("Omar Kostrov", None, SPEECH),
        (None, "Winner of the Harbour Prize for Young Engineers for 2022", SPEECH),
        (None, None, SUMMARY),  # nobody here holds the title "the Governor": unresolved, not the winner
    ]
    assert "(Helena Marsh presents the award.)" in turns[0].text


def test_presenting_an_award_to_someone_named_is_an_action_not_a_summary():
    # "(<Name> presents the award to <Name>.)" between the chair's words had been a summary of
    # the chair's, his one remark cut in three; an award, an order or a medal is handed over, not
    # reported. A report presented stays a summary.
    text = page(
        """
Helena Marsh: Friends, let us begin.

(Helena Marsh presents the award to Omar Kostrov.)

Congratulations.

(Helena Marsh presents the Order of the Harbour, Second Class, to Vera Lind.)

Thank you for your work.

Omar Kostrov: Thank you.

(Omar Kostrov presented a report on the state of the harbour and the quays.)

(Omar Kostrov presented the award-winning design of the new quay and the plans for it.)

(Omar Kostrov presented the Harbour Prize nominees and said each had earned a place.)
""",
        title="Presentation of state decorations",
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.kind, len(t.paragraphs)) for t in turns] == [
        ("Helena Marsh", SPEECH, 5),
        ("Omar Kostrov", SPEECH, 1),
        ("Omar Kostrov", SUMMARY, 1),
        ("Omar Kostrov", SUMMARY, 1),
        ("Omar Kostrov", SUMMARY, 1),
    ]


def test_a_son_and_his_father_named_in_the_page_are_two_people():
    text = page(
        """
Father and coach Omar Kostrov: Thank you.

Ivan Kostrov: I thank my father.

Omar Kostrov: And I thank you.
""",
        lead="The Governor met the rowing champion Ivan Kostrov and his father and coach Omar Kostrov.",
    )
    assert [name for name, _, _ in speakers(text)] == ["Omar Kostrov", "Ivan Kostrov", "Omar Kostrov"]


def test_a_slip_in_a_first_name_is_still_the_one_titled_person():
    text = page(
        """
Minister of Ports Vitaly Mutkin: Good afternoon.

Helena Marsh: Go on.

Vladimir Mutkin: The quays are ready.
"""
    )
    assert [name for name, _, _ in speakers(text)] == ["Vitaly Mutkin", "Helena Marsh", "Vitaly Mutkin"]


def test_a_name_inside_a_longer_one_in_the_same_meeting():
    text = page(
        """
Secretary General of the Harbour Council Adnan Z. Orlin: Thank you.

Helena Marsh: Welcome.

Adnan Orlin: We shall begin.
"""
    )
    assert [name for name, _, _ in speakers(text)] == ["Adnan Z. Orlin", "Helena Marsh", "Adnan Z. Orlin"]


def test_a_surname_one_letter_off_is_the_person_in_the_meeting():
    text = page(
        """
Chancellor of Borduria Angela Merkova: Thank you.

Helena Marsh: Welcome.

Angela Markova: We agree.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Angela Merkova", "Helena Marsh", "Angela Merkova"]
    assert turns[2].resolution == "typo"
    # Two letters changed are another name, and so are two letters side by side swapped ("Kaprin"
    # and "Karpin" are two surnames; read as a slip, it was tried and withdrawn).
    other = parse_transcript(text.replace("Angela Markova", "Angela Mirkava")).turns
    assert [t.name for t in other] == ["Angela Merkova", "Helena Marsh", "Angela Mirkava"]
    swapped = parse_transcript(text.replace("Angela Markova", "Angela Mekrova")).turns
    assert [t.name for t in swapped] == ["Angela Merkova", "Helena Marsh", "Angela Mekrova"]


def test_the_heading_gives_the_fuller_name_that_labels_shorten():
    text = page(
        """
Helena Marsh: Welcome, Your Highness.

Crown Prince Omar Al Rashidi of Port Azur: Thank you for the invitation.

Helena Marsh: Mr Reyes, please.

Tomas Reyes: Thank you.
""",
        title="Meeting with Crown Prince of Port Azur Omar bin Khalid Al Rashidi",
        lead="The Governor met Omar bin Khalid Al Rashidi and Mr Tomas Reyes. Tomas Reyes Marsh was absent.",
    )
    assert [name for name, _, _ in speakers(text)] == [
        "Helena Marsh",
        "Omar bin Khalid Al Rashidi",
        "Helena Marsh",
        "Tomas Reyes",
    ]


def test_a_title_with_its_place_before_a_single_name():
    label = parse_label("Patriarch of Larkspur and All Borduria Tikhon")
    assert (label.name, label.role) == ("Patriarch Tikhon", "Patriarch of Larkspur and All Borduria")
    assert parse_label("We all agree") is None


# --- a speaker's label written without its colon -----------------------------------------------


def test_a_speakers_name_without_its_colon_opens_their_turn():
    """A page that labels a speaker "Name:" now and then drops the colon ("Name. Thank you.",
    "Name Yes. Quite so."): the paragraph is that speaker's turn, not the previous speaker's (an
    answer had been shown under the question before it, a reply inside the host's remark)."""
    text = page(
        """
Helena Marsh: Good afternoon. Let us start with the ferries.

Question: My question is for both of you. When will the new ferry sail?

Arvo Lindqvist. Thank you for your question.

The ferry sails in May, once the quay is ready.

Helena Marsh: I agree with my colleague.

Arvo Lindqvist Yes. And the second ferry follows in June.

Helena Marsh: Thank you.

Arvo Lindqvist: Thank you, colleagues.
""",
        title="News conference on the harbour ferries",
    )
    titled = text.replace("Arvo Lindqvist:", "Harbour Master Arvo Lindqvist:")
    got = parse_transcript(text)
    assert [(t.name, t.generic) for t in got.turns] == [
        ("Helena Marsh", None),
        (None, "Question"),
        ("Arvo Lindqvist", None),
        ("Helena Marsh", None),
        ("Arvo Lindqvist", None),
        ("Helena Marsh", None),
        ("Arvo Lindqvist", None),
    ]
    assert got.turns[2].paragraphs[0].startswith("Thank you for your question")
    assert got.turns[4].paragraphs[0].startswith("Yes. And the second ferry")
    # The same where the page's label writes a title before the name.
    assert [(t.name, t.generic) for t in parse_transcript(titled).turns] == [
        (t.name, t.generic) for t in got.turns
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Arvo Lindqvist thanked the council for its work.",  # prose about the speaker
        "Arvo Lindqvist’s ferry sails in May.",
        "Arvo Lindqvist, the harbour master, spoke next.",
        "Arvo Lindqvist Harbour Foundation will pay for it.",  # a name that goes on
    ],
)
def test_a_paragraph_opening_with_a_speakers_name_in_prose_stays_speech(paragraph):
    text = page(
        f"""
Helena Marsh: Good afternoon.

{paragraph}

Arvo Lindqvist: Thank you.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Arvo Lindqvist"]


# --- a stage direction written inside a label ---------------------------------------------------


def test_a_stage_direction_inside_a_label_is_the_remarks_not_the_labels():
    """ "Name (Noise in the audience): …" and "Volunteer (Hands the chair a letter.): …": what
    happened is a stage direction of the remark, not part of the label shown as the speaker (the
    page had shown a speaker "Volunteer (Hands the chair a letter.)"). A translation note, or how
    the speaker spoke, stays the label's ("Name (retranslated): …", "Name (answering a
    question): …")."""
    text = page(
        """
Helena Marsh: Good afternoon.

Question: When will the ferry sail?

Helena Marsh (Noise in the audience): Hold on, colleagues. Let me answer.

Volunteer (Hands the chair a letter.): This is the question most people sent in.

Arvo Lindqvist (retranslated): The ferry sails in May.
""",
        title="News conference on the harbour ferries",
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.generic, t.label) for t in turns] == [
        ("Helena Marsh", None, "Helena Marsh"),
        (None, "Question", "Question"),
        ("Helena Marsh", None, "Helena Marsh"),
        (None, "Volunteer", "Volunteer"),
        ("Arvo Lindqvist", None, "Arvo Lindqvist (retranslated)"),
    ]
    assert turns[2].paragraphs[0] == "(Noise in the audience) Hold on, colleagues. Let me answer."
    assert turns[3].paragraphs[0] == "(Hands the chair a letter.) This is the question most people sent in."


# --- a surname alone as a label ----------------------------------------------------------------


def test_a_surname_alone_labels_the_speaker_the_page_names_in_full():
    # A repost shortens its labels after the first ("Marsh:", "ORLIN:"): each is a remark of
    # the person the page labels in full, not the previous speaker going on.
    text = page(
        """
Helena Marsh: Good afternoon. How is the harbour?

HARBOUR MASTER TOMAS ORLIN: Good afternoon. The quay is finished.

Marsh: I am glad to hear it. What about the dredging?

ORLIN: It starts in May.

Marsh: Thank you.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == [
        "Helena Marsh",
        "Tomas Orlin",
        "Helena Marsh",
        "Tomas Orlin",
        "Helena Marsh",
    ]
    assert [t.label for t in turns[2:]] == ["Marsh", "ORLIN", "Marsh"]
    assert {t.resolution for t in turns[2:]} == {"surname"}
    assert turns[3].text == "It starts in May."
    # In capitals, after an initial that shortens the same name ("T. ORLIN:", "V.PUTIN:").
    text = page(
        """
HELENA MARSH: Good afternoon.

HARBOUR MASTER TOMAS ORLIN (retranslated): Good afternoon.

T. ORLIN: The quay is finished.

H.MARSH: And the dredging?

ORLIN: It starts in May.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.resolution) for t in turns] == [
        ("Helena Marsh", "label"),
        ("Tomas Orlin", "label"),
        ("Tomas Orlin", "initial"),
        ("Helena Marsh", "initial"),
        ("Tomas Orlin", "surname"),
    ]


def test_a_surname_alone_with_a_letter_beyond_english_labels_the_speaker():
    # "Grünewald:", "ÉSTEVEZ:", "Ólafsdóttir:" as "Orlin:" is: they had been read as the previous
    # speaker's words (only the letters A to Z were a surname's).
    text = page(
        """
Helena Marsh: Good afternoon, Mr Grünewald.

Chief Executive of Alvestra Bank Thomas Grünewald: Good afternoon.

Helena Marsh: How is the bank?

Grünewald: It is growing.

Prime Minister of Iceland Ásdís Ólafsdóttir: And our fish trade.

Marsh: Thank you both.

ÓLAFSDÓTTIR: Thank you.

Minister Pablo Estévez: One more thing.

Helena Marsh: Please.

ESTÉVEZ: The ferries.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == [
        "Helena Marsh",
        "Thomas Grünewald",
        "Helena Marsh",
        "Thomas Grünewald",
        "Ásdís Ólafsdóttir",
        "Helena Marsh",
        "Ásdís Ólafsdóttir",
        "Pablo Estévez",
        "Helena Marsh",
        "Pablo Estévez",
    ]
    # "Mr Sørlie:" where only the lead names "Håkon Sørlie" (it had been a person "Mr Sørlie").
    text = page(
        """
Helena Marsh: Welcome, Mr Sørlie.

Mr Sørlie: Thank you. We have worked here for years.
""",
        lead="The Governor met Chief Executive of Nordvik Energy Håkon Sørlie.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Håkon Sørlie"]
    # Nor only when the given name opens with a letter A to Z ("Ásdís Ólafsdóttir" in the lead).
    text = page(
        """
Helena Marsh: Welcome, Ms Ólafsdóttir.

Ms Ólafsdóttir: Thank you.

Helena Marsh: And the fish trade?

Ólafsdóttir: It grows.
""",
        lead="The Governor met Prime Minister of Iceland Ásdís Ólafsdóttir.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Ásdís Ólafsdóttir"] * 2


def test_a_form_of_address_spelled_otherwise_than_the_lead_is_the_person_the_lead_names():
    # The lead writes "Larisa Dorofeyeva", the labels "Ms Dorofeeva:": one person, where "Ms
    # Dorofeeva" had been a person of her own; not when the lead names two people so.
    text = page(
        """
Helena Marsh: Good afternoon. How are the summer camps?

Ms Dorofeeva: Forty camps are ready.

Helena Marsh: Good.

Ms Dorofeeva: And ten more in June.
""",
        lead="Head of the Youth Agency Larisa Dorofeyeva reported on summer camps.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Larisa Dorofeyeva"] * 2
    text = page(
        """
Helena Marsh: Good afternoon.

Ms Dorofeeva: Forty camps are ready.
""",
        lead="Larisa Dorofeyeva and Tatyana Dorofeyeva reported on summer camps.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Ms Dorofeeva"]
    # Nor someone only a remark names so ("Mr Wolf:" is not the "Karl Wolff" he speaks of).
    text = page(
        """
Helena Marsh: Your grandfather, Karl Wolff, built this harbour.

Mr Wolf: He did, and I keep his papers.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Mr Wolf"]


def test_surnames_alone_label_a_page_that_names_its_speakers_in_full_only_in_its_text():
    # Every label a surname ("MARSH:", "ORLIN:"), the full names only in the title and lead: each
    # is the person the page names in full, where the answers had gone into the questions before
    # them, or the page was read as no transcript at all.
    text = page(
        """
Question: Madam Mayor, what about the quay?

MARSH: It is finished.

Question: And the dredging?

MARSH: It starts in May.
""",
        title="Interview to the Harbour Gazette",
        lead="Mayor of Larkspur Helena Marsh answered the newspaper's questions.",
    )
    assert [(t.name, t.generic, t.text) for t in parse_transcript(text).turns] == [
        (None, "Question", "Madam Mayor, what about the quay?"),
        ("Helena Marsh", None, "It is finished."),
        (None, "Question", "And the dredging?"),
        ("Helena Marsh", None, "It starts in May."),
    ]
    text = page(
        """
Marsh: Good afternoon, Mr Orlin.

Orlin: Good afternoon, Madam Mayor.

Marsh: How is the harbour?
""",
        title="Meeting with Harbour Master Tomas Orlin",
        lead="Helena Marsh met with the harbour master.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Tomas Orlin", "Helena Marsh"]


@pytest.mark.parametrize(
    ("label", "generic"),
    [
        ("QUESTION", "Question"),
        ("QUESTION (retranslated)", "Question"),
        ("VOICE FROM THE AUDIENCE", "Voice from the audience"),
        ("Question", "Question"),
        ("remark", "Remark"),
        # Who calls, writes or asks, unnamed, as phone-ins and news conferences label them, and
        # questions to or from someone named by two words or more (each had been no label: the
        # words went to the speaker before).
        ("SMS", "SMS"),
        ("Video call from Tarnhold", "Video call from Tarnhold"),
        ("Schoolgirl", "Schoolgirl"),
        ("Workers", "Workers"),
        ("Announcer", "Announcer"),
        ("Master of ceremonies", "Master of ceremonies"),
        ("Follow-up question", "Follow-up question"),
        ("Question to President Varga", "Question to President Varga"),
        ("Question from Marrenian Public Television", "Question from Marrenian Public Television"),
        # Everyone at once (these had been no label: the words went to the speaker before).
        ("All", "All"),
        ("ALL", "All"),
        ("Everyone", "Everyone"),
        ("All together", "All together"),
        # Forms of the generic labels above the list lacked (each had been no label: an
        # interviewer's question had gone into the lead, a question from the floor into the answer
        # before it).
        ("Interviewer", "Interviewer"),
        ("From the audience", "From the audience"),
        ("Forum participant", "Forum participant"),
        ("Meeting participant", "Meeting participant"),
        ("Female voice", "Female voice"),
        ("Young man", "Young man"),
        ("Girl", "Girl"),
        ("Unknown speaker", "Unknown speaker"),
    ],
)
def test_a_generic_label_in_capitals_is_shown_as_a_word_not_shouted(label, generic):
    # Early pages write every label in capitals; the people's names were tamed ("PUTIN" is
    # "Putin"), the generic labels were shown shouting.
    assert parse_label(label).generic == generic


@pytest.mark.parametrize(
    "label",
    [
        # A town of two words whose first is an adjective of Russian place names ("Lower", "Great",
        # "Old", "New"), or a saint's town; a newspaper or a station by the word that names its
        # kind: a caller's or a journalist's label with no name, no person (they had become
        # participants "Nizhny Larkovo", "Harbour Pravda").
        "Nizhny Larkovo",
        "Veliky Tvorsk",
        "Staraya Borda",
        "Saint Larkspur",
        "St Larkspur",
        "Harbour Pravda",
        "Larkspurskaya Gazeta",
        "Vesti FM",
        "Borduria Segodnya",
        # English words of the kind too ("Radio Borduria" had been a person).
        "Radio Borduria",
        "Channel Nine",
        "Merovian Television",
        "Larkspur Herald",
        "Tvorsk Gazette",
    ],
)
def test_a_town_or_a_newspaper_as_a_label_is_no_person(label):
    parsed = parse_label(label)
    assert (parsed.name, parsed.generic) == (None, label)


def test_a_place_or_a_body_before_a_colon_and_words_in_lower_case_is_a_point_of_a_list():
    """A remark's list ("<Valley>: two new schools.", "Ministry of <Field>: prepare the plan by
    May.") names a place or a body and what concerns it; no remark opens in lower case, so such a
    paragraph stays the speaker's (each had become a remark of the place or the body, and the
    list's next lines theirs). A speaker the page labels elsewhere keeps a remark so written."""
    text = page(
        """
Governor Tomas Reyes: This year we built a great deal.

Kelm Valley: two new schools and a clinic.

Ostrova Bay: the dredging is finished.

Ministry of Fisheries: prepare the plan by May.

Anton Kell: Thank you. We will.

Tomas Reyes: Good.

Anton Kell: and the ferry, as agreed.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Tomas Reyes", "Anton Kell", "Tomas Reyes", "Anton Kell"]
    assert "Ostrova Bay: the dredging is finished." in turns[0].paragraphs


def test_someone_quoted_in_a_remark_by_name_and_a_few_words_on_them_is_no_label():
    # "<Name>, <who they are>, wrote: “…”" quotes someone in the speaker's remark (the quotation
    # and every paragraph after it had gone to the person quoted, "wrote" read into their title).
    text = page(
        """
Governor Tomas Reyes: Friends, I have a letter here.

Ivan Roth, a sergeant from Tarnhold, wrote: “We are doing our job.”

Helena Marsh, Mayor of Larkspur, told me last week: the quay is ready.

Thank you, Ivan.

Helena Marsh: Thank you.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Tomas Reyes", "Helena Marsh"]
    assert turns[0].paragraphs[-1] == "Thank you, Ivan."


def test_a_person_whose_surname_is_a_word_for_a_newspaper_stays_a_person():
    # A given name the list knows opens a person's name, whatever the surname.
    assert parse_label("Maria Herald").name == "Maria Herald"
    assert parse_label("John Telegraph").name == "John Telegraph"


def test_a_callers_town_alone_opens_a_remark_of_no_one_and_a_town_before_a_name_stays_a_note():
    text = page(
        """
Helena Marsh: Let us take a call.

Nizhny Larkovo: Good afternoon. Our bridge is closed.

Helena Marsh: It will open in May.

Nizhny Larkovo, Ivan Petrov: And the ferry?
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.generic) for t in turns] == [
        ("Helena Marsh", None),
        (None, "Nizhny Larkovo"),
        ("Helena Marsh", None),
        ("Ivan Petrov", None),
    ]


def test_q_and_a_labels_are_generic_not_the_last_speaker_going_on():
    # An interview reposted in question-and-answer form: "Q:" and "A:" are no one named, and
    # were read as the words of the speaker before them.
    text = page(
        """
Helena Marsh: Let me say a word first. The harbour is open.

Q: When will the quay be finished?

A: In May.
""",
        title="Interview to the Harbour Gazette",
    )
    assert [(t.name, t.generic, t.text) for t in parse_transcript(text).turns] == [
        ("Helena Marsh", None, "Let me say a word first. The harbour is open."),
        (None, "Q", "When will the quay be finished?"),
        (None, "A", "In May."),
    ]


QA_BODY = """
Q: When will the quay be finished?

A: In May. The stone is here.

Question: And the ferries?

Answer: They sail in June.
"""


@pytest.mark.parametrize(
    ("title", "lead", "name", "role"),
    [
        ("Interview with Harbour Master Tomas Orlin", "", "Tomas Orlin", "Harbour Master"),
        ("Tomas Orlin’s interview to the Harbour Gazette", "", "Tomas Orlin", None),
        # A first paragraph's sentence may open with words that are no title ("Ahead of his visit
        # to Borduria, <Name> gave an interview …"): an office is taken from the page's title only.
        (
            "Interview to the Harbour Gazette",
            "Harbour Master Tomas Orlin gave an interview to the paper.",
            "Tomas Orlin",
            None,
        ),
        (
            "Interview to the Harbour Gazette",
            "Ahead of his visit to Borduria, Tomas Orlin gave an interview to the paper.",
            "Tomas Orlin",
            None,
        ),
        (
            "Interview to the Harbour Gazette",
            "Full text of Tomas Orlin’s interview to the paper.",
            "Tomas Orlin",
            None,
        ),
        ("The Harbour Gazette published an interview with Tomas Orlin", "", "Tomas Orlin", None),
    ],
)
def test_the_answers_of_a_question_and_answer_page_are_the_interviewees(title, lead, name, role):
    # "A:" of a page that names the one person it interviews was no one's; it is that person's
    # now, a guess listed for checking (the questions stay no one's: the page names no asker).
    turns = parse_transcript(
        page(QA_BODY, title=title, lead=lead or "The paper spoke to the harbour master.")
    ).turns
    assert [(t.name, t.generic) for t in turns] == [
        (None, "Q"),
        (name, None),
        (None, "Question"),
        (name, None),
    ]
    assert [t.label for t in turns] == ["Q", "A", "Question", "Answer"]
    assert (turns[1].resolution, turns[1].role) == ("interviewee", role)
    assert "interviewee" in GUESSES


@pytest.mark.parametrize(
    "title",
    [
        "Interview to the Harbour Gazette",  # no one named
        "Interview with Tomas Orlin and Helena Marsh",  # two people: whose answer is it?
        "Interview with Tomas Orlin & Helena Marsh",
        "Harbour Master Orlin gave an interview to the Harbour Gazette",  # a surname alone: who?
    ],
)
def test_answers_stay_no_ones_where_the_page_names_no_one_interviewee(title):
    turns = parse_transcript(page(QA_BODY, title=title)).turns
    assert [(t.name, t.generic) for t in turns] == [
        (None, "Q"),
        (None, "A"),
        (None, "Question"),
        (None, "Answer"),
    ]


def test_the_unlabelled_answers_of_a_page_that_labels_only_its_questions_stay_in_the_questions():
    # "Question:" before each question and no label before an answer: the answer stays with its
    # question, no one's. Giving the paragraphs after a question's last "?" to the person the page
    # interviews was tried and withdrawn: a question's closing line with no "?" ("I am asking
    # because …", 13 of 129 questions of the dev archive's interviews end so) became the
    # interviewee's words, and an answer ending in "?" stayed in its question all the same.
    body = """
Question: Mr Orlin, the quay first. When will it open?

I am asking because the ferry companies want to know.

It opens in May. The ferries come a week later.

Question: Tell us about the new crane.

It is the biggest on the coast.
"""
    turns = parse_transcript(page(body, title="Interview with Harbour Master Tomas Orlin")).turns
    assert [(t.name, t.generic, len(t.paragraphs)) for t in turns] == [
        (None, "Question", 3),
        (None, "Question", 2),
    ]


def test_an_honorific_before_a_full_name_is_not_part_of_the_name():
    # "Ms Vera LIND:" names Vera Lind, as "Vera Lind:" does; "Mr Orlin:" keeps its honorific
    # until attribution finds the person.
    turns = parse_transcript(
        page(
            """
Ms Vera LIND: Good afternoon.

Harbour Master Tomas Orlin: Good afternoon.

Vera Lind: Shall we begin?

Mr Orlin: Yes.
"""
        )
    ).turns
    assert [(t.label, t.name, t.role) for t in turns] == [
        ("Ms Vera LIND", "Vera Lind", None),
        ("Harbour Master Tomas Orlin", "Tomas Orlin", "Harbour Master"),
        ("Vera Lind", "Vera Lind", None),
        ("Mr Orlin", "Tomas Orlin", None),
    ]


def test_a_speakers_name_and_a_dash_or_in_bold_is_their_label():
    # "<Name> – <text>" for a speaker the page labels with a colon, and "**<Name>:**" as a
    # repost's markdown writes it, had been read as the speaker before going on.
    text = page(
        """
**Helena Marsh:** Good afternoon.

**Harbour Master Tomas Orlin**: Good afternoon.

Helena Marsh – How is the quay?

Tomas Orlin — It is finished. Helena Marsh – as the Mayor knows – opened it.

Helena Marsh – a mayor who keeps her word – opened it in May.

Helena Marsh – I met her last summer – opened it in May.

Helena Marsh. She opened it in May.

Tomas Orlin. Thank you – it is an honour.

Helena Marsh: Good.
"""
    )
    turns = parse_transcript(text).turns
    # A paragraph opening with a speaker's name set off by dashes (a clause between them, or words
    # in lower case after) or followed by "He"/"She" speaks of them: the speaker's before (it had
    # been a remark of theirs).
    assert [(t.name, t.role, t.text) for t in turns] == [
        ("Helena Marsh", None, "Good afternoon."),
        ("Tomas Orlin", "Harbour Master", "Good afternoon."),
        ("Helena Marsh", None, "How is the quay?"),
        (
            "Tomas Orlin",
            None,
            "It is finished. Helena Marsh – as the Mayor knows – opened it.\n\n"
            "Helena Marsh – a mayor who keeps her word – opened it in May.\n\n"
            "Helena Marsh – I met her last summer – opened it in May.\n\n"
            "Helena Marsh. She opened it in May.",
        ),
        # A dash inside the first sentence after "<Name>." is no clause closed: their remark.
        ("Tomas Orlin", None, "Thank you – it is an honour."),
        ("Helena Marsh", None, "Good."),
    ]


def test_a_surname_alone_after_a_form_of_address_of_the_same_person():
    # "Ms Marsh:" names the one "Helena Marsh" of the page, not a second bearer of the surname: a
    # later "Marsh:" is hers too (it had been no label, its remark the speaker's before).
    text = page(
        """
Mayor Helena Marsh: Good afternoon.

Harbour Master Tomas Orlin: Good afternoon.

Ms Marsh: How is the quay?

Mr Orlin: Finished.

Marsh: Thank you.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.text) for t in turns[2:]] == [
        ("Helena Marsh", "How is the quay?"),
        ("Tomas Orlin", "Finished."),
        ("Helena Marsh", "Thank you."),
    ]


def test_a_word_alone_before_a_colon_is_no_label_unless_a_speaker_bears_it():
    # "Deadline:" is nobody's surname here; "Marsh:" would be, but two people bear it.
    text = page(
        """
Helena Marsh: We have set the dates.

Deadline: the end of May, for every berth.

Tomas Marsh: And the budget?

Marsh: It is approved.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Helena Marsh", "Tomas Marsh"]
    assert "Deadline: the end of May" in turns[0].text
    assert turns[1].text.endswith("Marsh: It is approved.")


def test_a_surname_before_a_colon_on_a_page_without_labels_is_no_transcript():
    # A news item opening with "<Surname>: <title of a book>" names no speaker.
    text = page(
        "Marsh: Twenty Years is an album of photographs of the Governor's years in office.",
        title="An album of photographs",
        lead="The album of the Governor Helena Marsh was published today.",
    )
    with pytest.raises(NotATranscript):
        parse_transcript(text)


def test_two_people_named_in_one_label_speak_together_and_neither_alone():
    # "<Name> and <Name>:" is a remark of both: no one person's, and the first name no title of
    # the second's.
    text = page(
        """
Helena Marsh: Good afternoon.

Harbour Master Tomas Orlin and Vera Lind: Good afternoon!

Vera Lind: We have brought the plans.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.role, t.generic) for t in turns] == [
        ("Helena Marsh", None, None),
        (None, None, "Harbour Master Tomas Orlin and Vera Lind"),
        ("Vera Lind", None, None),
    ]
    assert turns[1].text == "Good afternoon!"
    assert parse_label("Chairman of the Board and Chief Executive Vera Lind").name == "Vera Lind"


def test_a_paragraph_opening_like_a_label_the_parser_cannot_read_is_named_in_a_warning():
    # "Surname I.:" is no label the parser reads (an initial ends no name here), so those words
    # stay in the remark before them: the page's warnings say so, naming the words, for an editor
    # to check; a sentence or a heading before a colon ("One more thing: …", "On <Road>: …") is no
    # such paragraph.
    text = page(
        """
Helena Marsh: How was the harvest this year?

Orlin P.: Good. We gathered more grain than last year.

One more thing: the roads. How are they?

On Harbour Road: the repairs end in May.

Orlin P.: They are being repaired as planned.
""",
        lead="Helena Marsh met the head of the Harbour District Pavel Orlin.",
    )
    t = parse_transcript(text)
    assert [x.name for x in t.turns] == ["Helena Marsh"]
    assert "2 paragraph(s) opening like a label were kept in the remark before them: 'Orlin P.'" in t.warnings


@pytest.mark.parametrize(
    ("chair", "guest"),
    [("Mr Marsh", "Mr Orlin"), ("Chairwoman Marsh", "Governor Orlin"), ("Ms Marsh", "Dr Orlin")],
)
def test_a_surname_after_a_title_or_an_honorific_is_the_person_the_page_names_in_full(chair, guest):
    # No label names them in full, the lead does: "Mr Orlin:" is Pavel Orlin, as "Orlin:" is,
    # never a person called "Mr Orlin" (nor "Orlin", whom the archive could not tell from another).
    text = page(
        f"""
{chair}: How was the harvest this year?

{guest}: Good. We gathered more grain than last year.

{chair}: And the roads?

{guest}: They are being repaired as planned.
""",
        lead="Chairwoman of the Harbour Council Helena Marsh met Governor of the Larkspur Region Pavel Orlin.",
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Helena Marsh", "Pavel Orlin", "Helena Marsh", "Pavel Orlin"]
    # The first remark of each is a guess from the page's text, listed for checking; the next
    # ones are "Mr <Surname>" of a person of the meeting.
    assert [t.resolution for t in turns] == ["named-in-text", "named-in-text", "surname", "surname"]
    assert "named-in-text" in GUESSES


def test_a_surname_after_an_honorific_that_the_page_gives_two_people_stays_as_written():
    text = page(
        """
Mr Orlin: How was the harvest this year?

Helena Marsh: Good. We gathered more grain than last year.
""",
        lead="Helena Marsh met Pavel Orlin and his brother Ilya Orlin.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Mr Orlin", "Helena Marsh"]


def test_a_surname_alone_with_the_labels_note_is_the_person():
    # "Orlin (retranslated):" is "Orlin:" with the note a label may carry: Pavel Orlin's.
    text = page(
        """
Helena Marsh: How was the harvest this year?

Pavel Orlin: Good. We gathered more grain than last year.

Marsh: And the roads?

Orlin (retranslated): They are being repaired as planned.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.kind) for t in turns] == [
        ("Helena Marsh", SPEECH),
        ("Pavel Orlin", SPEECH),
        ("Helena Marsh", SPEECH),
        ("Pavel Orlin", SPEECH),
    ]
    assert turns[-1].text == "They are being repaired as planned."


def test_an_initial_and_a_surname_no_label_gives_in_full_is_the_person_the_page_names():
    text = page(
        """
H. Marsh: How was the harvest this year?

P. Orlin: Good. We gathered more grain than last year.
""",
        lead="Helena Marsh met Pavel Orlin, the head of the Harbour District.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Pavel Orlin"]


def test_a_label_like_paragraph_with_a_note_the_parser_cannot_read_is_named_in_a_warning():
    text = page(
        """
Helena Marsh: How was the harvest this year?

Orlin P. (Harbour District): Good. We gathered more grain than last year.
""",
    )
    t = parse_transcript(text)
    assert [x.name for x in t.turns] == ["Helena Marsh"]
    assert any("'Orlin P. (Harbour District)'" in w for w in t.warnings)


def test_a_surname_alone_with_or_without_its_particle_is_the_person():
    # "al-Hamdan:" as the labels write it after the first, or "Hamdan:" without the particle.
    text = page(
        """
Helena Marsh: Good afternoon.

Minister of Ports Tarek al-Hamdan: Good afternoon. The quay is finished.

Marsh: And the dredging?

al-Hamdan: It starts in May.

Marsh: And the lighthouse?

Hamdan: In June.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Helena Marsh", "Tarek al-Hamdan"] * 3
    assert [t.text for t in turns[3::2]] == ["It starts in May.", "In June."]


def test_a_surname_alone_with_its_particles_written_apart_is_the_person():
    # "Van der Hoeven:", "De la Fuente:" as the labels write them after the first: the particles
    # are the surname's (such labels had been none, their remarks the speaker's before).
    text = page(
        """
Helena Marsh: Good afternoon.

Minister of Ports Pieter van der Hoeven: Good afternoon. The quay is finished.

Harbour Master Ana de la Fuente: And the lighthouse is lit.

Marsh: And the dredging?

Van der Hoeven: It starts in May.

De la Fuente: In June for the channel.
"""
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == [
        "Helena Marsh",
        "Pieter van der Hoeven",
        "Ana de la Fuente",
        "Helena Marsh",
        "Pieter van der Hoeven",
        "Ana de la Fuente",
    ]
    assert [t.text for t in turns[4:]] == ["It starts in May.", "In June for the channel."]


def test_a_paragraph_addressing_someone_before_a_colon_is_no_label():
    # "Mr Orlin, the subject of our talk is a grave one: …" opens a paragraph of the speaker's
    # remark (or its first, under a label on its own line): an address, not "Mr Orlin" speaking
    # as "the subject of our talk is a grave one".
    openings = (
        "the subject of our talk today is a grave one",
        "let’s examine the accounts of the Harbour Board",
    )
    for layout, opening in [
        (lay, op) for lay in ("Helena Marsh: Good afternoon.\n\n", "Helena Marsh:\n\n") for op in openings
    ]:
        text = page(
            f"""
{layout}Mr Orlin, {opening}: the flooding of the quay.

What happened there?

Pavel Orlin: The storm surge came at night.
"""
        )
        turns = parse_transcript(text).turns
        assert [t.name for t in turns] == ["Helena Marsh", "Pavel Orlin"]
        assert "the flooding of the quay" in turns[0].text
    # The same with a given name and a patronymic, as Russians address each other ("-ich" too).
    for address in ("Pavel Ivanovich", "Pavel Ilyich"):
        text = page(
            f"""
Helena Marsh: Good afternoon.

{address}, the situation on the quay is this: the water came at night.

Pavel Orlin: It did.
"""
        )
        assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Pavel Orlin"], address
    # A full name with a few words on the speaker is still a label: theirs, with no office.
    label = parse_label("Oskar Lind, worried about the prices")
    assert (label.name, label.role) == ("Oskar Lind", "worried about the prices")


@pytest.mark.parametrize(
    "title", ["Harbour works (interview to the Larkspur Herald)", "Harbour works (Larkspur Region)"]
)
def test_the_date_above_a_title_that_ends_in_brackets(title):
    # The title's brackets had kept it from being read as one: the page was refused.
    lead = "The Governor gave an interview on the harbour works."
    t = parse_transcript(f"March 3, 2023\n\n{title}\n\n{lead}\n\nHelena Marsh: Good afternoon.\n")
    assert (t.title, t.date, t.description) == (title, datetime.date(2023, 3, 3), lead)


def test_a_name_written_family_name_first_is_no_mistyped_first_name():
    # "Liu Wei" and "Lu Wei" are two people (they had been one, "a mistyped first name"). A
    # Western name of the same shape keeps its surname last ("Lin Nolan" is "Nolan:"; the
    # family name first was tried as the surname and withdrawn for that).
    text = page(
        """
Xi Jinping: Good afternoon, dear friends.

Liu Wei: Thank you.

President Lu Wei: We are glad to be here.

Liu Wei: Gladly.

Chief Executive of Nolan Foods Lin Nolan: Thank you.

Helena Marsh: Ms Nolan, how is your business?

Nolan: Growing steadily.
"""
    )
    assert [name for name, _, _ in speakers(text)] == [
        "Xi Jinping",
        "Liu Wei",
        "Lu Wei",
        "Liu Wei",
        "Lin Nolan",
        "Helena Marsh",
        "Lin Nolan",
    ]


def test_laughter_in_the_audience_is_a_note_of_the_speakers_remark():
    # "(Laughter in the audience.)" had been a turn of its own, "Laughter", with the speaker's next
    # words.
    text = page(
        """
Helena Marsh: I was a student here too.

(Laughter in the audience.)

Yes, a long time ago.
"""
    )
    t = parse_transcript(text)
    assert [(x.name, len(x.paragraphs)) for x in t.turns] == [("Helena Marsh", 3)]


def test_a_surname_label_with_its_colon_written_twice():
    # The colon written twice had been read once only for full labels: "Marsh::" kept ": …".
    text = page(
        """
Governor Helena Marsh: Good afternoon.

Tomas Reyes: Thank you.

Marsh:: We begin.
"""
    )
    turns = parse_transcript(text).turns
    assert (turns[2].name, turns[2].paragraphs) == ("Helena Marsh", ["We begin."])


def test_a_label_with_its_colon_written_twice_or_full_width():
    text = page(
        """
Helena Marsh:: Good afternoon.

Tomas Reyes： The quay is repaired.
"""
    )
    t = parse_transcript(text)
    assert [(x.name, x.paragraphs) for x in t.turns] == [
        ("Helena Marsh", ["Good afternoon."]),
        ("Tomas Reyes", ["The quay is repaired."]),
    ]


def test_speakers_names_in_a_list_with_a_slip_for_a_colon_are_no_label():
    # "<Name>;" and "<Name>.:" lines of a list stay the speaker's. (Read as labels with a slip for
    # the colon, they were tried and withdrawn.)
    text = page(
        """
Helena Marsh: Good afternoon. Today we hear three reports.

Arvo Lindqvist: Thank you.

The speakers will be, in this order: Arvo Lindqvist; Helena Marsh; Tomas Reyes.

Helena Marsh; Arvo Lindqvist; Tomas Reyes. That is the order.

The candidates are two:

Arvo Lindqvist; Tomas Reyes.

Let me cite a book:

Arvo Lindqvist.– Rivers of the North. Larkspur, 2019.

The new posts:

Arvo Lindqvist; Minister of Energy.

Tomas Reyes; Minister of Finance.

The team is:

Tomas Reyes.: Deputy Head.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Arvo Lindqvist"]


def test_a_list_of_instructions_with_the_officials_in_charge_is_no_transcript():
    # "Official in charge:" names who answers for an instruction, no one speaking. (People
    # labelled by what they do, "Farmer:", "Citizen:", were tried as generic labels and withdrawn:
    # crew lists, posters, a dialogue poem and people introducing themselves read worse.)
    text = page(
        """
The Government was instructed to draft a plan for the harbour.

Official in charge: Prime Minister Tomas Reyes.

Deadline: June 1, 2023.

Officials in charge: Tomas Reyes, Helena Marsh.
""",
        title="List of instructions following the Harbour Council meeting",
    )
    with pytest.raises(NotATranscript):
        parse_transcript(text)


def test_one_surname_label_quoting_someone_the_page_names_is_no_label():
    # A speaker quoting the one they name ("Mr Krylov said:" then "Krylov: Fix the roof."), and a
    # possessive ("Mr Hansen's line"): each stays the speaker's words (one surname label, where two
    # are needed when no label names them in full).
    text = page(
        """
Helena Marsh: What did the inspector say?

Tomas Reyes: Mr Krylov said:

Krylov: Fix the roof by winter.

So we fixed the roof. Our partners are Mr Hansen's line. The volumes:

Hansen: Four million tonnes.

Helena Marsh: Good.
""",
        title="Meeting with port workers at the academy of Pavel Krylov",
    )
    assert [(t.name, len(t.paragraphs)) for t in parse_transcript(text).turns] == [
        ("Helena Marsh", 1),
        ("Tomas Reyes", 4),
        ("Helena Marsh", 1),
    ]


def test_a_surname_label_spelled_as_the_lead_spells_it_is_the_speaker_labelled_otherwise():
    # The lead writes "Tomas Kuranov", the labels "Tomas Kuryanov" and then "Kuranov:": one person
    # spelled two ways on one page; his words had stayed the chair's. Not someone the page names
    # with another given name, nor a woman of the family.
    def remarks(lead: str, label: str) -> list[tuple[str | None, str]]:
        text = page(
            f"""
Helena Marsh: Good afternoon. Please, go ahead.

Tomas Kuryanov: Thank you. The quay is finished.

Helena Marsh: Good.

{label}: And the dredging starts in May.
""",
            lead=lead,
        )
        return [(t.name, t.text) for t in parse_transcript(text).turns]

    assert remarks("The Governor met Harbour Master Tomas Kuranov.", "Kuranov") == [
        ("Helena Marsh", "Good afternoon. Please, go ahead."),
        ("Tomas Kuryanov", "Thank you. The quay is finished."),
        ("Helena Marsh", "Good."),
        ("Tomas Kuryanov", "And the dredging starts in May."),
    ]
    for lead, label in (
        ("The Governor met Harbour Master Ivo Kuranov.", "Kuranov"),
        ("The Governor met Tomas Kuryanov and Vera Kuranova.", "Kuranova"),
        ("The Governor met Harbour Master Tomas Kuyranov.", "Kuyranov"),  # two letters swapped
        # Both spellings in the lead: two people, not one spelled two ways.
        ("The Governor met the rectors Tomas Kuryanov and Tomas Kuranov.", "Kuranov"),
    ):
        assert [name for name, _ in remarks(lead, label)] == [
            "Helena Marsh",
            "Tomas Kuryanov",
            "Helena Marsh",
        ]
    # A name only a remark writes is someone quoted: "Kuranov: Build …" stays the words of the one
    # quoting him.
    text = page(
        """
Tomas Kuryanov: Welcome to the university.

Helena Marsh: The founder, Tomas Kuranov, had a famous motto:

Kuranov: Build so that it stands for a hundred years.

That is a good rule for every builder.
""",
        lead="The Governor visited the university.",
    )
    assert [(t.name, len(t.paragraphs)) for t in parse_transcript(text).turns] == [
        ("Tomas Kuryanov", 1),
        ("Helena Marsh", 3),
    ]


def test_a_surname_label_with_a_letter_mistyped_is_the_speaker_labelled_in_full():
    # "Orlinov:" then "Orlonov:" (a slip no other line of the page writes): the harbour master's
    # words had gone to the speaker before him. Not a name the text writes after a given name
    # (someone else), nor one two speakers are a letter from, nor two letters swapped.
    def names(slip: str, lead: str = "") -> list[str | None]:
        text = page(
            f"""
Helena Marsh: Good afternoon. How is the harbour?

Tomas Orlinov: The quay is finished.

Helena Marsh: And the dredging?

{slip}: It starts in May.
""",
            lead=lead,
        )
        return [t.name for t in parse_transcript(text).turns]

    assert names("Orlonov") == ["Helena Marsh", "Tomas Orlinov", "Helena Marsh", "Tomas Orlinov"]
    assert names("ORLONOV") == ["Helena Marsh", "Tomas Orlinov", "Helena Marsh", "Tomas Orlinov"]
    assert (
        names("Orlonov", lead="The Governor met Pavel Orlonov and the harbour master.")[-1] != "Tomas Orlinov"
    )
    assert names("Olrinov") == ["Helena Marsh", "Tomas Orlinov", "Helena Marsh"]  # swapped: no label


def test_a_surname_label_before_words_in_lower_case_is_still_the_person():
    # "Malkov: also finished, last month." answers the President (a guard: a rule reading such a
    # line as a point of a list was tried and withdrawn).
    text = page(
        """
Governor Igor Malkov: Good afternoon. We finished the bridge.

Helena Marsh: And the road?

Malkov: also finished, last month.
"""
    )
    assert [name for name, _, _ in speakers(text)] == ["Igor Malkov", "Helena Marsh", "Igor Malkov"]


def test_a_surname_before_a_colon_in_a_remark_naming_no_one_so_is_no_label():
    # A guard: "Reyes:" where the page neither names nor addresses anyone so stays the speaker's.
    text = page(
        """
Arvo Lindqvist: The best yields of the year.

Reyes: The valley gave forty tonnes a hectare.
"""
    )
    assert [name for name, _, _ in speakers(text)] == ["Arvo Lindqvist"]


def test_a_given_name_and_patronymic_label_is_a_person_of_its_own():
    # "Anton Pavlovich:", a teacher the President greets, is not the minister Anton <Surname>, nor
    # a father his son quotes. (The one speaker of that given name was tried and withdrawn.)
    text = page(
        """
Minister of Finance Anton Siluyanov: The budget is balanced.

Arvo Lindqvist: And who is this? Anton Pavlovich, good afternoon.

Anton Pavlovich: Good afternoon, I am the oldest teacher here.
"""
    )
    assert [name for name, _, _ in speakers(text)] == ["Anton Siluyanov", "Arvo Lindqvist", "Anton Pavlovich"]


def test_a_given_name_alone_before_a_colon_is_not_the_speaker_of_that_name():
    # A child answering ("Sergei: Hello!") is not the governor Sergei <Surname>, nor a country in a
    # list ("Georgia: 4 million dollars.") the chief executive Georgia <Surname>. (A given name
    # alone as the one speaker of that name was tried and withdrawn for these.)
    text = page(
        """
Governor Sergei Orlin: Mr President, this is the Belov family.

Anna Belova: These are our children. Sergei, say hello.

Sergei: Hello! I am seven.

Chief Executive Georgia Sharp: Our main markets last year were:

Georgia: 4 million dollars.
"""
    )
    assert [name for name, _, _ in speakers(text)] == ["Sergei Orlin", "Anna Belova", "Georgia Sharp"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Xue Ming", "Xu Ming"),
        ("Yue Feng", "Yu Feng"),
        ("Chae Min-ho", "Cha Min-ho"),
        ("Joe Martin", "Jo Martin"),
        ("Gael Cohen", "Gal Cohen"),
        ("Zhang Liuqing", "Zhang Luqing"),
        ("Liu Wei", "Lu Wei"),
        ("Michael Novak", "Michal Novak"),
        ("Rafael Nowak", "Rafal Nowak"),
        ("Li Yuehua", "Li Yuhua"),
        ("Wang Xuejun", "Wang Xujun"),
        ("Wang Juexin", "Wang Juxin"),
        ("Nikola Jokić", "Nikola Đokić"),
        ("Andrei Voikov", "Andrei Voeikov"),
        ("Ivan Suetin", "Ivan Sutin"),
        ("Ronald Koeman", "Ronald Koman"),
        ("Wang Liubo", "Wang Lubo"),
        ("Rustam Dzhemilev", "Rustam Emilev"),
        ("Gleb Lyubin", "Gleb Lubin"),
        ("Gleb Lyubin Jr", "Gleb Lubin Jr"),
        ("Liubo Chen", "Lubo Chen"),
        ("Sergei Lyubov", "Sergei Lubov"),
    ],
)
def test_two_names_a_transliteration_rule_could_join_are_two_speakers(one, other):
    text = page(f"{one}: Our company builds ports.\n\n{other}: Our bank finances them.\n\n{one}: Indeed.")
    assert [name for name, _, _ in speakers(text)] == [one, other, one]


def test_a_sons_name_written_with_a_full_stop_is_a_label():
    # "<Name> Jr.:" had been no label: its words went to the speaker before, and the titled label
    # to no one.
    text = page(
        """
CEO of Orlov Timber Ivan Orlov Jr.: The new clinic opens in May.

Helena Marsh: Thank you.

Ivan Orlov Jr.: And the schools in the valley.

Ivan Orlov: My son is right.
"""
    )
    assert [name for name, _, _ in speakers(text)] == [
        "Ivan Orlov Jr",
        "Helena Marsh",
        "Ivan Orlov Jr",
        "Ivan Orlov",
    ]


def test_an_interviewer_whose_surname_is_a_title_word_asks_their_own_questions():
    # "Larry King:" had been no label (a title's word ends it), so each question was kept in the
    # answer before it, the interviewee's.
    text = page(
        """
Larry Bishop: Good evening. Thank you for coming to the studio.

Helena Marsh: Good evening.

LARRY BISHOP: What will the port look like in ten years?

Helena Marsh: Twice as large, with a new quay.
""",
        title="Interview to the Harbour Channel",
        lead="Helena Marsh answered questions from the anchor of the Harbour Channel, Larry Bishop.",
    )
    assert speakers(text) == [
        ("Larry Bishop", None, SPEECH),
        ("Helena Marsh", None, SPEECH),
        ("Larry Bishop", None, SPEECH),
        ("Helena Marsh", None, SPEECH),
    ]
    assert parse_transcript(text).warnings == []
    # The surname alone, after the name in full ("BISHOP:", "Mr Bishop:"), as a repost shortens
    # labels: it had been a title no one holds here, and "Mr Bishop:" no label.
    text = page(
        """
LARRY BISHOP: Good evening.

Helena Marsh: Good evening.

BISHOP: What about the quay?

Helena Marsh: Repaired.

Mr Bishop: Thank you.
""",
        title="Interview to the Harbour Channel",
    )
    assert speakers(text) == [
        ("Larry Bishop", None, SPEECH),
        ("Helena Marsh", None, SPEECH),
        ("Larry Bishop", None, SPEECH),
        ("Helena Marsh", None, SPEECH),
        ("Larry Bishop", None, SPEECH),
    ]
    # Written as a title, a title it stays ("Dean:" beside a visiting "Oskar Dean"), and so does
    # one a speaker here holds ("KING:" beside "King Olav" and "Anna King").
    text = page(
        "Helena Marsh: Welcome.\n\nLarry Dean: Good day.\n\nDean: Our faculty has four hundred students."
    )
    assert speakers(text)[1:] == [("Larry Dean", None, SPEECH), (None, "Dean", SPEECH)]
    text = page("King Olav of Westland: Thank you.\n\nAnna King: The treaty is ready.\n\nKING: Let us sign.")
    assert [t.name for t in parse_transcript(text).turns] == ["King Olav", "Anna King", "King Olav"]
    # With no one of that surname, a title is a title: "Mr President:" names no one.
    assert speakers(page("Helena Marsh: Welcome.\n\nMr President: Thank you.\n\nBishop: Amen.")) == [
        ("Helena Marsh", None, SPEECH),
        (None, "Bishop", SPEECH),
    ]


def test_numbered_questions_of_a_written_interview_are_no_ones_and_the_answers_the_interviewees():
    # "Question 1:", "Question No. 2:", "3. Question:" had been no label: the first question was
    # kept in the lead, the others in the answers before them, as the interviewee's words.
    text = page(
        """
Question 1: How will the port change?

Helena Marsh: It will grow.

Question No. 2: And the ferries?

Helena Marsh: Two more next year.

3. Question: And the quays?

Helena Marsh: Repaired by the winter.

Question 4: Thank you?

Helena Marsh: You are welcome.
""",
        title="Interview to the Harbour Herald",
        lead="Helena Marsh answered the newspaper's questions in writing.",
    )
    t = parse_transcript(text)
    assert t.description == "Helena Marsh answered the newspaper's questions in writing."
    assert [(x.name, x.generic, x.label) for x in t.turns] == [
        (None, "Question", "Question 1"),
        ("Helena Marsh", None, "Helena Marsh"),
        (None, "Question", "Question No. 2"),
        ("Helena Marsh", None, "Helena Marsh"),
        (None, "Question", "3. Question"),
        ("Helena Marsh", None, "Helena Marsh"),
        (None, "Question", "Question 4"),
        ("Helena Marsh", None, "Helena Marsh"),
    ]
    # An agenda read out ("Question No. 1: The ferry timetable.") or a list of letters ("Remark
    # 1: …") stays the speaker's: a numbered question is one before a question.
    text = page(
        """
Helena Marsh: Today we have two items.

Question No. 1: The ferry timetable. Mr Reyes will report.

Question No. 2: The budget.

Remark 1: The fares are too high. I agree, and we will lower them.
"""
    )
    assert [(t.name, len(t.paragraphs)) for t in parse_transcript(text).turns] == [("Helena Marsh", 4)]
    # On a page whose numbered questions ask ("Question 1: … ?"), one that does not is a question
    # too ("Question 2: We have already talked about the quays."): it had gone to the answer.
    text = page(
        """
Question 1: Madam Governor, when will the ferry sail?

Helena Marsh: In May.

Question 2: We have already talked about the quays. The fares, then.

Helena Marsh: They will stay the same.
"""
    )
    assert [t.generic for t in parse_transcript(text).turns] == ["Question", None, "Question", None]
    # A run of numbered questions is a list read out, answered (or not) in one remark: an agenda
    # whose points ask, a survey's questions with their figures.
    text = page(
        """
Helena Marsh: Two items today.

Question No. 1: How ready are the ferries? The ministry says they are.

Question No. 2: School buses. Forty are on order.

Let us begin. Mr Reyes, please.

Tomas Reyes: Thank you.
"""
    )
    assert [(t.name, len(t.paragraphs)) for t in parse_transcript(text).turns] == [
        ("Helena Marsh", 4),
        ("Tomas Reyes", 1),
    ]
    # A number in a generic label's note is no numbering ("Child (<Name>, aged 9):").
    text = page("Helena Marsh: Hello!\n\nChildren (in chorus): Hello!\n\nChild (Masha Lind, aged 9): A boat.")
    assert [t.generic for t in parse_transcript(text).turns] == [None, "Children", "Child"]


def test_an_outlet_or_a_country_as_a_label_is_an_unnamed_speaker():
    # "Russia Today:", "National Television:" at a news conference, "Russia:" for a delegation:
    # each a speaker the page does not name. (Read as the speaker's own line of figures, "Russia:
    # 2.3 percent growth.", they were tried and withdrawn: the questions went to the answerer.)
    text = page(
        """
Helena Marsh: Next question, please.

Russia Today: Madam Governor, will the port grow?

Helena Marsh: It will.

Russia: We support the draft.
"""
    )
    assert speakers(text) == [
        ("Helena Marsh", None, SPEECH),
        (None, "Russia Today", SPEECH),
        ("Helena Marsh", None, SPEECH),
        (None, "Russia", SPEECH),
    ]


def test_a_title_and_a_surname_two_people_of_the_page_share_go_to_the_one_holding_that_title():
    # Two ministers of one surname: "Transport Minister Orlin:" and "Energy Minister Orlin:" had
    # both gone to a new person "Orlin" (one person, under the first one's title). A title both
    # or neither hold names no one.
    text = page(
        """
Minister of Transport Boris Orlin: The ferries are ready.

Minister of Energy Alexei Orlin: The grid is ready.

Helena Marsh: Thank you both.

Transport Minister Orlin: One more word on the ferries.

Energy Minister Orlin: And on the grid.

Minister Orlin: A last word.

Chairman Orlin: And mine.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.generic, t.resolution) for t in turns[3:]] == [
        ("Boris Orlin", None, "role"),
        ("Alexei Orlin", None, "role"),
        (None, "Minister Orlin", "generic"),
        (None, "Chairman Orlin", "generic"),
    ]
    # A deputy's title does not hold the office's ("Governor" is not "Deputy Governor"), and a
    # bearer whose title only the lead gives may be the one: no one is guessed.
    text = page(
        """
Helena Marsh: Mr Orlin, let us begin.

Boris Orlin: The region has bought four ferries.

Deputy Governor Alexei Orlin: The crews have been trained.

Governor Orlin: The fares will stay the same.
""",
        lead="The Governor of Larkspur Region Boris Orlin reported. Deputy Governor Alexei Orlin took part.",
    )
    assert parse_transcript(text).turns[3].name != "Alexei Orlin"


def test_a_given_name_and_patronymic_as_a_label_is_the_person_the_page_names_so_in_full():
    # "Pavel Ivanovich:" (how the President addresses him) had been a person of its own where the
    # page names "Pavel Ivanovich Grushin": it is him.
    text = page(
        """
Helena Marsh: Pavel Ivanovich, how many ferries this year?

Pavel Ivanovich: Four, and two more next spring.

Helena Marsh: Good.

Pavel Grushin: And the quay will be ready.
""",
        lead="The Governor met the director of the shipyard, Pavel Ivanovich Grushin.",
    )
    turns = parse_transcript(text).turns
    assert [t.name for t in turns] == ["Helena Marsh", "Pavel Ivanovich Grushin"] * 2
    # ... also where no label gives his surname.
    text = page(
        """
Helena Marsh: Pavel Ivanovich, how many ferries this year?

Pavel Ivanovich: Four, and two more next spring.
""",
        lead="The Governor met the director of the shipyard, Pavel Ivanovich Grushin.",
    )
    assert [(t.name, t.resolution) for t in parse_transcript(text).turns] == [
        ("Helena Marsh", "label"),
        ("Pavel Ivanovich Grushin", "address"),
    ]
    # Not the one speaker of that given name (a rule tried and withdrawn: a teacher "Anton
    # Pavlovich:" had become the minister "Anton Orlin").
    text = page(
        """
Minister of Education Anton Orlin: The schools are ready.

Anton Pavlovich: Our school needs a gym.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Anton Orlin", "Anton Pavlovich"]
    # Nor the person a remark names so: a teacher "Alexander Sergeyevich:" speaking of "Alexander
    # Sergeyevich Pushkin", a son of his father "Nikolai Petrovich Sorin".
    text = page(
        """
Helena Marsh: What do the children read?

Alexander Sergeyevich: Every year we begin with Alexander Sergeyevich Pushkin.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Alexander Sergeyevich"]
    # A surname made of a given name and a son's ending ("Tarasevich", "Adamovich") under a title
    # keeps the title, which a summary and a title alone find him by.
    text = page(
        """
Deputy Prime Minister of Borduria Igor Tarasevich: The treaty is ready.

(The Deputy Prime Minister of Borduria went on to speak about the ferries and the new quays.)

Deputy Prime Minister of Borduria: One more thing.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Igor Tarasevich"] * 3
    # A surname ending as a patronymic does is a name.
    text = page(
        """
Arkady Dvorkovich: The budget is ready.

Roman Abramovich: So is the port's.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Arkady Dvorkovich", "Roman Abramovich"]
    # Spelled otherwise than the lead spells it ("Anna Sergeevna:", the lead "Anna Sergeyevna
    # Bystrova"): the same person, where "Anna Sergeevna" had been a person of her own.
    text = page(
        """
Helena Marsh: Anna Sergeevna, how many ferries this year?

Anna Sergeevna: Four, and two more next spring.
""",
        lead="The Governor met the director of the shipyard, Anna Sergeyevna Bystrova.",
    )
    assert [t.name for t in parse_transcript(text).turns][1] == "Anna Sergeyevna Bystrova"
    # A father's name whose given name drops a vowel or ends in a vowel ("Pavlovich" of Pavel,
    # "Lvovich" of Lev, "Ilyinichna" of Ilya) is a patronymic as "Ivanovich" is ("Anton
    # Pavlovich:" had stayed a person of its own where the lead names him in full).
    for given, father in (("Anton", "Pavlovich"), ("Oleg", "Lvovich"), ("Vera", "Ilyinichna")):
        text = page(
            f"""
Helena Marsh: {given} {father}, how many ferries this year?

{given} {father}: Four, and two more next spring.
""",
            lead=f"The Governor met the director of the shipyard, {given} {father} Grushina.",
        )
        assert [t.name for t in parse_transcript(text).turns][1] == f"{given} {father} Grushina"


def test_a_fathers_name_is_told_from_a_surname_of_its_shape():
    from meetings.core.parser.given_names import is_patronymic

    for word in ("Ivanovich", "Pavlovich", "Lvovich", "Ilyinichna", "Sergeyevna", "Nikitich"):
        assert is_patronymic(word), word
    # A surname of that shape whose stem is no given name, or only two letters of one ("Alich"
    # had read as "Ali"'s son).
    for word in ("Dvorkovich", "Babich", "Alich", "Ulrich"):
        assert not is_patronymic(word), word


def test_a_surname_label_of_a_name_written_family_name_first_is_that_name():
    # "President of Goryeo Moon Ha-eun" in the lead, then "Mr Moon:": the word before "Moon" is a
    # country's, not a given name ("Goryeo Moon" had been the person); the name is written family
    # name first, "Moon Ha-eun".
    text = page(
        """
Helena Marsh: Welcome, Mr President.

President Moon: Thank you.

Mr Moon: And thank you for the ferries.
""",
        title="Talks with President of the Republic of Korea Moon Ha-eun",
        lead="Helena Marsh held talks with President of the Republic of Korea Moon Ha-eun.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Moon Ha-eun", "Moon Ha-eun"]
    text = page(
        """
Helena Marsh: Welcome.

Premier Li: Thank you.
""",
        lead="Helena Marsh met Premier of the State Council of China Li Wenbo.",
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Li Wenbo"]
    # Two people of one family name, a street named after someone: no one is guessed.
    text = page(
        "Helena Marsh: Welcome.\n\nMinister Wang: Thank you.",
        lead="Helena Marsh met Vice Premier Wang Lifeng and Commerce Minister Wang Wenbo.",
    )
    assert parse_transcript(text).turns[1].name == "Wang"
    text = page(
        "Helena Marsh: Welcome.\n\nMr Kim: Thank you.",
        lead="Helena Marsh visited the shipyard on Kim Il-sung Street and met its director.",
    )
    assert parse_transcript(text).turns[1].name != "Kim Il-sung"
    # A given name that is a country's name ("Jordan", "Israel") or written in capitals ("JB")
    # still is one outside a title: only "of Korea" before a surname is the title's.
    for lead, who in (
        ("Helena Marsh met a delegation headed by Jordan Whitfield.", "Jordan Whitfield"),
        ("Helena Marsh met the Mayor of Port Azur Israel Montalvo.", "Israel Montalvo"),
        ("Helena Marsh met the Governor of the State of Illinois JB Pritchard.", "JB Pritchard"),
    ):
        surname = who.split()[-1]
        text = page(f"Helena Marsh: Welcome.\n\nGovernor {surname}: Thank you.", lead=lead)
        assert parse_transcript(text).turns[1].name == who, lead


def test_a_full_name_is_never_read_across_two_paragraphs():
    # "… Larkspur" ending one paragraph and "Source:" opening the next had been read as the full
    # name "Larkspur Source" for the label "Source:" (and "Share" / "Photo:" as "Share Photo"):
    # the page's text was searched as one line.
    text = (
        "Meeting with young engineers\n\nFebruary 8, 2023, Larkspur\n\n"
        "Source: Office of the Governor of Larkspur\n\n"
        "Helena Marsh met young engineers.\n\n"
        "Helena Marsh: Good afternoon, friends.\n\n"
        "Engineer Mira Sand: We need a new crane.\n\n"
        "Helena Marsh: You will get it.\n\n"
        "Print   Share\n\n"
        "Photo: The meeting's photographs\n"
    )
    t = parse_transcript(text)
    assert t.names == ["Helena Marsh", "Mira Sand"]
    assert "Helena Marsh met young engineers." in t.description


def test_a_parts_heading_ending_in_a_colon_that_reads_like_a_label_heads_the_part():
    # "Answers to journalists' questions:" after a divider had been a generic speaker with no
    # words, and the part no heading.
    text = page(
        """
Helena Marsh: That is all for today.

* * *

Answers to journalists' questions:

Question: When will the ferry sail?

Helena Marsh: In May.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.generic, t.section) for t in turns] == [
        ("Helena Marsh", None, None),
        (None, "Question", "Answers to journalists' questions"),
        ("Helena Marsh", None, "Answers to journalists' questions"),
    ]
    # A speaker's label alone on its line is no heading ("Moderator:").
    text = page("Helena Marsh: Thank you.\n\n* * *\n\nModerator:\n\nQuestion: When?\n\nHelena Marsh: In May.")
    assert all(t.section is None for t in parse_transcript(text).turns)


def test_a_family_name_alone_in_capitals_is_the_speaker_whose_name_it_opens():
    # "MOON:" after "Prime Minister … Moon Ha-eun:": the family name is the name's first word, so
    # no speaker had borne it, and the label had been kept in the remark before.
    text = page(
        """
Helena Marsh: Welcome to Larkspur.

Prime Minister of the Republic of Korea Moon Ha-eun: Thank you for the invitation.

MARSH: Please convey my best wishes to your President.

MOON: I will. He invites you to visit Korea.
"""
    )
    assert [t.name for t in parse_transcript(text).turns] == ["Helena Marsh", "Moon Ha-eun"] * 2


def test_a_title_and_the_surname_of_a_speaker_of_the_page_is_that_speaker():
    # "Moderator Brylov:", "Chief Executive Orlin:" after the speakers are named in full: the title
    # is no form of address, so the label had been a title no one holds here (a remark by no one).
    text = page(
        """
Moderator Sergei Brylov: Good afternoon.

Chief Executive of the Port Board Pavel Orlin: Thank you.

Moderator Brylov: The first question.

Chief Executive Orlin: The quays are ready.

Chairman of the Board of Economic Development: We agree.
"""
    )
    turns = parse_transcript(text).turns
    assert [(t.name, t.role) for t in turns[2:4]] == [
        ("Sergei Brylov", "Moderator"),
        ("Pavel Orlin", "Chief Executive"),
    ]
    assert turns[4].name is None  # a title whose last word no speaker bears names no one
    # What a title is of ("Mayor of <Town>") is no surname, whoever bears it as one.
    text = page("Deputy Head Andrei Korolyov: Good afternoon.\n\nMayor of Korolyov: Welcome to our city.")
    assert [t.name for t in parse_transcript(text).turns] == ["Andrei Korolyov", None]
