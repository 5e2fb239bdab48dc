"""No-break spaces only where they bind; excerpts that end on whole words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetings.core.typography import ELLIPSIS, cut_at_word, tidy_spaces, whole_word_fragments

NB = "\u00a0"


def test_a_no_break_space_between_ordinary_words_becomes_a_space():
    assert tidy_spaces(f"we will not keep you here longer than the{NB}agenda requires") == (
        "we will not keep you here longer than the agenda requires"
    )
    assert tidy_spaces(f"said{NB}–{NB}and then") == "said – and then"
    assert tidy_spaces("\u202fnarrow") == " narrow"


def test_it_stays_between_a_number_and_its_unit_and_within_a_number():
    assert (
        tidy_spaces(f"a road of 40{NB}km and 4{NB}870 households")
        == f"a road of 40{NB}km and 4{NB}870 households"
    )
    assert tidy_spaces(f"up by 12{NB}% to 3{NB}billion roubles") == f"up by 12{NB}% to 3{NB}billion roubles"
    assert tidy_spaces(f"costs ${NB}5 under No.{NB}12") == f"costs ${NB}5 under No.{NB}12"
    assert tidy_spaces(f"in 2023{NB}the council") == "in 2023 the council"
    # a highlighted word is still a word: "\x02km\x03" is the unit km between search markers
    assert tidy_spaces(f"\x0240\x03{NB}\x02km\x03 long") == f"\x0240\x03{NB}\x02km\x03 long"


def test_it_stays_between_initials_and_a_surname():
    assert tidy_spaces(f"as A.{NB}Repnin said") == f"as A.{NB}Repnin said"
    assert tidy_spaces(f"H.{NB}J.{NB}Marsh") == f"H.{NB}J.{NB}Marsh"
    assert tidy_spaces(f"the end.{NB}Then") == "the end. Then"


def test_text_without_no_break_spaces_is_returned_unchanged():
    text = "Plain text, nothing to do."
    assert tidy_spaces(text) is text


def test_cut_at_word_never_cuts_inside_a_word():
    text = "The quay needs repairs before the winter storms arrive"
    assert cut_at_word(text, 100) == text
    assert cut_at_word(text, 20) == "The quay needs…"  # "repairs" would be cut at 20
    assert cut_at_word(text, 22) == "The quay needs repairs…"
    assert cut_at_word(f"It is 40{NB}km long", 10) == "It is…"  # a number stays with its unit


@given(
    st.lists(st.sampled_from(["quay", "harbour", "a", "repairs,", "40\u00a0km", "board"]), min_size=1),
    st.integers(5, 60),
)
def test_cut_at_word_gives_a_prefix_of_whole_words(words, length):
    text = " ".join(words)
    cut = cut_at_word(text, length)
    if cut == text:
        return
    assert cut.endswith(ELLIPSIS)
    head = cut.removesuffix(ELLIPSIS)
    assert text.startswith(head)
    # the cut falls between words, or the first word alone was longer than the limit
    assert text[len(head)] in " ,-–—;:" or " " not in text[:length].strip()


def test_fragments_of_a_headline_are_trimmed_to_whole_words_and_marked_as_excerpts():
    source = "Goods reach us through sanction-free countries, and the checks cannot stop them all."
    fragments = ["reach us through \x02sanction\x03-free countr"]
    assert whole_word_fragments(fragments, source, "\x02\x03") == [
        f"{ELLIPSIS} reach us through \x02sanction\x03-free {ELLIPSIS}"
    ]
    # a fragment starting inside a word loses that word's tail; a whole text gets no ellipsis
    assert whole_word_fragments(["ods reach us"], source) == [f"{ELLIPSIS} reach us {ELLIPSIS}"]
    assert whole_word_fragments([source], source) == [source]
    assert whole_word_fragments(["not in the text"], source) == ["not in the text"]
