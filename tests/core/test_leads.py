"""A meeting's lead and the heading of the transcript that closes it (meetings.core.leads)."""

from __future__ import annotations

import pytest

from meetings.core.leads import split_lead


def test_a_closing_line_without_punctuation_is_the_transcripts_heading():
    lead = "The Governor met the harbour master.\n\nThey discussed the new quay.\n\nBeginning of meeting with the harbour master"
    assert split_lead(lead) == (
        "The Governor met the harbour master.\n\nThey discussed the new quay.",
        "Beginning of meeting with the harbour master",
    )


@pytest.mark.parametrize(
    "lead",
    [
        "The Governor met the harbour master.",  # one paragraph: the lead itself
        "The Governor met the harbour master.\n\nThey discussed the new quay.",
        "The Governor met the harbour master.\n\nThe crews were present:",
        "The Governor met the harbour master.\n\nsee also the harbour report",  # no capital
        "The Governor met the harbour master.\n\n" + " ".join(["Word"] * 21),  # too long for a heading
        "The Governor met the harbour master.\n\n“The quay is ready”",  # a quotation
        "",
    ],
)
def test_anything_else_is_all_lead(lead):
    assert split_lead(lead) == (lead, None)


def test_spaces_around_the_heading_are_not_kept():
    assert split_lead("They met.\n\n  Speech at the opening ceremony  \n") == (
        "They met.",
        "Speech at the opening ceremony",
    )
