"""The parser against pages of the real dev archive annotated by reading them (tests/data/gold/):
per turn the speaker and kind. Skips when ../shared is absent."""

from __future__ import annotations

import pytest

from tests.helpers import DATA, shared_dir

from .gold_scoring import score_all

TARGET = 0.995


@pytest.mark.parametrize(
    ("batch", "least_turns"),
    [
        ("attribution", 300),
        ("attribution-heldout", 300),
        ("attribution-audit", 300),
        ("attribution-random", 300),
        # A second random draw, annotated blind after the others were scored (152 turns).
        ("attribution-fresh", 150),
        # Every page left with three label-like prefixes or more, annotated blind (481 turns).
        ("attribution-many", 450),
        # Every page left with two label-like prefixes, annotated blind (766 turns).
        ("attribution-two", 750),
    ],
)
def test_the_parser_scores_at_least_the_target_on_the_gold_pages(batch, least_turns):
    shared = shared_dir("dump", "kremlin-en").parent.parent
    folder = DATA / "gold" / batch
    assert len(list(folder.glob("*.json"))) >= 25
    correct, total, details = score_all(folder, shared)
    problems = [f"{d['file']}: {p}" for d in details for p in d["mismatches"]]
    assert total >= least_turns
    assert correct / total >= TARGET, "\n".join(problems)
