"""Topics, pure rules: phrases, procedural turns, display labels, who raised what."""

from __future__ import annotations

from collections import Counter

from meetings.core.topics.phrases import candidates, display_label, is_procedural
from meetings.core.topics.scoring import TurnPhrases, score


def test_phrases_are_normalised_for_hyphens_case_plural_and_no_break_spaces():
    a = candidates("We discussed QR-codes on\u00a0public transport.")
    b = candidates("We discussed QR codes on public\u00a0transport.")
    assert "qr code" in a and "qr code" in b
    assert "public transport" in a and "public transport" in b
    assert candidates("Policies and policy.")["policy"] == 2


def test_generic_words_and_names_are_never_topics():
    c = candidates(
        "Thank you, Mr President. Colleagues, this issue is a lot of work this year. "
        "Ms Lindqvist raised the shortage of school places.",
        exclude={"lindqvist"},
    )
    for generic in ("thank you", "mr president", "issue", "colleague", "this year", "lot", "lindqvist"):
        assert generic not in c
    assert "school place" in c and "shortage" in c


def test_stage_directions_are_not_topics():
    from meetings.core.topics.extract import RemarkText, remark_phrases

    phrases, _, _ = remark_phrases(
        RemarkText("The tram depot is flooded again. (Laughter.) (Applause.) " * 3, "", False), set()
    )
    assert "laughter" not in phrases and "applause" not in phrases and "tram depot" in phrases


def test_procedural_turns():
    assert is_procedural("Thank you. Go ahead, please.")
    assert is_procedural("Colleagues, let us begin.")
    assert not is_procedural(
        "The water supply of the northern districts fails every summer because the "
        "pipes laid in the sixties are corroded and the pumping stations are too small."
    )


def test_display_label_keeps_proper_nouns_and_lowers_sentence_starts():
    assert display_label("soviet union", "Back then the Soviet Union fell.") == "Soviet Union"
    assert display_label("school meal", "School meals matter. We fund school meals.") == "school meals"


def test_raised_is_the_first_turn_of_a_meeting_that_carries_the_phrase():
    p = Counter({"water supply": 2, "pumping station": 1})
    turns = [
        TurnPhrases(1, 1, 1, 10, False, Counter({"water supply": 1}), 40),
        TurnPhrases(2, 1, 2, 20, False, p, 40),
        TurnPhrases(3, 2, 1, 20, False, Counter({"water supply": 1, "school meal": 1}), 40),
        TurnPhrases(4, 2, 2, 10, False, Counter({"school meal": 3}), 40),
    ]
    s = score(turns)
    assert (1, "water supply") in s.raised and (2, "water supply") not in s.raised
    assert (3, "school meal") in s.raised and (4, "school meal") not in s.raised


def test_a_phrase_never_starts_with_a_possessive():
    from meetings.core.topics.phrases import candidates

    got = candidates(
        "Russia's energy policy worries Mr Zuyev's doctors. The Democratic People's Republic "
        "answered on today's economy and the city's debt."
    )
    assert not [k for k in got if k.split(" ")[0].endswith("'s")], got
    assert got["energy policy"] == 1 and got["democratic people's republic"] == 1
    assert got["debt"] == 1 and got["economy"] == 1  # the thing itself is still counted
