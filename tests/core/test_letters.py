"""Letters with marks read as their plain letters (meetings.core.letters)."""

import re

from meetings.core.letters import UNMARKED, any_marks_pattern, unmarked


def test_each_letter_with_a_mark_is_one_plain_letter():
    assert unmarked("Čeferin, détente, Łódź, Øresund") == "Ceferin, detente, Lodz, Oresund"
    assert all(len(plain) == 1 and plain.isascii() for plain in UNMARKED.values())
    text = "Třebíč – “Ĳssel” ß"  # a dash and quotes are no letters; ß is not a letter with a mark
    assert len(unmarked(text)) == len(text) and unmarked(text) == "Trebic – “Issel” ß"


def test_plain_text_is_returned_as_it_is():
    text = "plain words"
    assert unmarked(text) is text


def test_a_pattern_of_plain_letters_finds_them_with_or_without_marks_in_either_case():
    found = re.compile(any_marks_pattern("trebic"), re.IGNORECASE)
    assert [found.fullmatch(w) is not None for w in ("Třebíč", "TREBIC", "trebíc", "trebix")] == [
        True,
        True,
        True,
        False,
    ]
    assert any_marks_pattern(re.escape("a.b")).startswith("[a")
