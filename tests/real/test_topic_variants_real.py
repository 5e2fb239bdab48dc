"""Topic variants on real transcripts (../shared; skipped when absent): the phrase keys of the
forty Kremlin pages and the seeds, read as ingest reads them, and what subjects.variants makes of
them. A name run cut before its last word ("the Government of the Russian" of "... Federation")
is no topic and takes no other key's place; a word before a surname becomes its first name only if
it can begin a name: a given name, a word no dictionary knows, or a noun said (almost) only there."""

from __future__ import annotations

from collections import Counter

import pytest

from meetings.core.parser import parse_transcript
from meetings.core.parser.given_names import begins_a_name
from meetings.core.topics.extract import meeting_exclusions, transcript_phrases
from meetings.core.topics.phrases import ADJECTIVES, parts_of_speech
from meetings.core.topics.subjects import COUNTRY_NAMES, TITLE_WORDS, variants
from tests.helpers import shared_dir


@pytest.fixture(scope="module")
def archive() -> tuple[Counter, dict[str, str | None]]:
    """Remarks per phrase key over the real pages, and what subjects.variants makes of them (the
    names of their speakers given)."""
    pages = sorted(shared_dir("corpus", "kremlin-en").glob("*.txt")) + sorted(
        shared_dir("seeds").glob("*.txt")
    )
    remarks: Counter = Counter()
    names: set[str] = set()
    for page in pages:
        transcript = parse_transcript(page.read_bytes())
        exclude = meeting_exclusions(transcript.names)
        names.update(transcript.names)
        for phrases, _, _ in transcript_phrases(transcript.turns, exclude):
            remarks.update(phrases.keys())
    return remarks, variants(remarks, sorted(names))


def test_a_name_cut_before_its_last_word_is_no_topic_and_no_others_form(archive):
    remarks, got = archive
    cut = [
        key
        for key in remarks
        if " of " in key
        and key.rsplit(" ", 1)[-1] in ADJECTIVES
        and any(other.startswith(key + " ") for other in remarks)
    ]
    assert cut  # the real pages have such parts ("... of the Russian" of "... Russian Federation")
    for key in cut:
        assert got.get(key) is None and key in got, key
    targets = {target for target in got.values() if target}
    assert not targets.intersection(cut)


def test_only_a_word_that_can_begin_a_name_is_read_as_a_first_name(archive):
    remarks, got = archive
    countries = {name for names in COUNTRY_NAMES for name in names}  # "Great Britain": a country
    merged = [
        (key, target)
        for key, target in got.items()
        if target and key.count(" ") == 1 and key not in countries
    ]
    first_names = [
        key for key, target in merged if key.split(" ")[1] == target and key.split(" ")[0] not in TITLE_WORDS
    ]
    assert first_names  # "Donald Trump" and the like: the real pages have them
    for key in first_names:
        first = key.split(" ")[0]
        pos = parts_of_speech(first)
        if begins_a_name(first) or not pos:
            continue
        # A noun the dictionary knows ("Jack"), said alone no more often than before the surname;
        # never a verb, adjective or adverb ("criticise Trump", "near Moon").
        assert pos != {"VERB"} and not pos & {"ADJ", "ADV"}, key
        assert remarks.get(first, 0) <= remarks[key], key
