"""A chair giving the floor names who asks next (an outlet, a questioner), not what about: those
sentences carry no topic of the chair's remark unless the meeting speaks of what they name."""

from meetings.core.topics.extract import RemarkText, meeting_phrases
from meetings.core.topics.floor import floor_spans


def floor_sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in floor_spans(text)]


def test_the_sentences_that_call_on_the_next_questioner_give_the_floor():
    text = (
        "We usually give the chance to ask first to the oldest outlets of the pool. "
        "But let us start with Harbour Radio. "
        "Then the Valley Courier, they have waited long. Next is Hill FM, a question about ferries. "
        "I suggest a question from Coast Television. Marta Lis, go ahead, please. "
        "Next, Pine Gazette, please. Now over to Dune News. "
        "I can see another banner, “Ferry Fares Now”, over there. "
        "Over there they have a flag with “Our Harbour” written on it. "
        "I saw a young man holding up a poster about the ferries."
    )
    assert floor_sentences(text) == [
        "We usually give the chance to ask first to the oldest outlets of the pool.",
        "But let us start with Harbour Radio.",
        "Next is Hill FM, a question about ferries.",
        "I suggest a question from Coast Television.",
        "Marta Lis, go ahead, please.",
        "Next, Pine Gazette, please.",
        "Now over to Dune News.",
        "I can see another banner, “Ferry Fares Now”, over there.",
        "Over there they have a flag with “Our Harbour” written on it.",
        "I saw a young man holding up a poster about the ferries.",
    ]


def test_a_sentence_that_only_sounds_like_it_gives_no_floor():
    text = (
        "Next, we will look at the ferry timetable for the winter months. Let us begin with utilities. "
        "We will go ahead with the bridge this year and finish it by spring. "
        "Now over to problems, of which there are quite a few. The second conference did not go ahead. "
        "Next, I would like to thank the volunteers. Next December, the new ferries arrive. "
        "Just come over to Ozersk and see the ferries for yourself. "
        "I saw the new ferry terminal last week, and it is far from ready. I see no sign of it. "
        "Something is written on the containers, and nobody checks it. "
        "I would like to give the floor to every region of the country in turn, and to hear how each of "
        "them has spent the money for ferries, bridges, roads and schools over the last three years."
    )
    assert floor_sentences(text) == []


def chair_question_answer(chair: str, question: str, answer: str):
    """meeting_phrases of a meeting of three remarks: a moderator's, a questioner's, an answer."""
    return meeting_phrases(
        [
            RemarkText(chair, "Moderator", False),
            RemarkText(question, "Anna Lis", False),
            RemarkText(answer, "Head", False),
        ],
        set(),
    )


def test_what_the_floor_names_counts_only_where_the_meeting_speaks_of_it():
    chair = (
        "Colleagues, there are many hands up today, so please be brief. Let us start with Harbour Radio. "
        "Next is Hill FM, a question about ferry crossings, I think."
    )
    question = "Harbour Radio, Anna Lis. Why has the ferry crossing at Ozersk been closed for two years?"
    answer = "The ferry crossing at Ozersk will open in May; the new ferry crossing is being built."
    got = chair_question_answer(chair, question, answer)
    chair_keys = {k for k in got[0][0] if k[0].isalnum()}
    assert "ferry crossing" in chair_keys  # said in two more remarks of the meeting
    assert not {k for k in chair_keys if {"harbour", "radio", "hill", "fm"} & set(k.split())}


def test_a_word_of_a_name_the_floor_names_counts_as_written_where_it_counts():
    # The chair calls on "Harbour Radio" in a sentence read apart; the meeting speaks of the
    # harbour in two more remarks, so the chair's "harbour" counts after all, and so does its use
    # as a word of a name (phrases.NAME_USE): the chair says "Harbour" only in the name.
    from meetings.core.topics.phrases import NAME_USE

    chair = (
        "Colleagues, the questions sent in ahead of the news conference are about the fishing fleet, "
        "the new ferry terminal, the rail link to the coast and the price of fuel for the trawlers. "
        "Let us start with Harbour Radio."
    )
    question = "Anna Lis. When will the harbour at Ozersk be dredged, and who will pay for the dredging work?"
    answer = "The harbour at Ozersk will be dredged in May; the regional budget pays for the dredging work."
    got = chair_question_answer(chair, question, answer)
    chair_counts = got[0][0]
    assert chair_counts["harbour"] == 1 and chair_counts[NAME_USE + "harbour"] == 1
    assert NAME_USE + "harbour" not in got[2][0]  # said plainly
