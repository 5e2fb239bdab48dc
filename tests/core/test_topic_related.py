"""Which topics a topic's page points to (meetings.core.topics.related)."""

from __future__ import annotations

from meetings.core.topics.related import rank_related, shared_words, words_pattern


def test_a_subject_written_two_ways_points_to_its_twin_first():
    candidates = [
        ("harbour economy", 40),
        ("world economy", 11),
        ("global economy", 17),
        ("global warming", 30),
        ("harbour crane", 90),
    ]
    # The same last word (the thing named) first, then the most remarks.
    assert rank_related("global economy", candidates) == [
        "harbour economy",
        "world economy",
        "global warming",
    ]
    assert rank_related("economy", [*candidates, ("economy", 500)]) == [
        "harbour economy",
        "global economy",
        "world economy",
    ]


def test_more_shared_words_rank_before_fewer_and_the_list_is_short():
    candidates = [("subsistence minimum", 2), ("subsistence level", 8), ("regional subsistence level", 3)]
    assert rank_related("subsistence wage", candidates) == [
        "subsistence level",
        "regional subsistence level",
        "subsistence minimum",
    ]
    # Two shared words before one, even one that is the same last word.
    assert rank_related("port authority board", [("harbour board", 50), ("port authority", 3)]) == [
        "port authority",
        "harbour board",
    ]
    many = [(f"tarnwick {i:02d} ferry", 10) for i in range(20)]
    assert len(rank_related("ferry", many)) == 8


def test_plain_words_tie_nothing_together():
    assert shared_words("level of the issue") == []
    assert shared_words("development of the tarnwick port") == ["development", "tarnwick", "port"]
    assert rank_related("level", [("subsistence level", 8)]) == []
    # A candidate the database found by another form of a word shares nothing: not shown.
    assert rank_related("port", [("ports authority", 4)]) == []
    assert words_pattern(["c++", "port"]) == r"\m(c\+\+|port)\M"
