"""The parser and ingest on the real sample transcripts in ../shared (skipped when absent)."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from meetings.core.parser import SUMMARY, parse_transcript
from meetings.core.parser.vocabulary import TITLE_WORDS
from meetings.models import Meeting, Participant, Turn
from tests.helpers import shared_dir

SEED_TURNS = [6, 39, 1, 12, 30]


def seeds():
    return sorted(shared_dir("seeds").glob("*.txt"))


def corpus():
    return sorted(shared_dir("corpus", "kremlin-en").glob("*.txt"))


def test_seed_turn_counts_in_file_order():
    assert [len(parse_transcript(p.read_bytes()).turns) for p in seeds()] == SEED_TURNS


def test_seed_summaries_are_attributed_to_the_person_they_report():
    t = parse_transcript(seeds()[1].read_bytes())
    summaries = [x for x in t.turns if x.kind == SUMMARY]
    assert len(summaries) == 12
    assert all(x.name for x in summaries)
    assert summaries[0].name == "Valery Fadeyev"
    assert summaries[0].role == "Chair of the Council for Civil Society and Human Rights"
    assert summaries[1].label == "Council member Marina Akhmedova"


@pytest.mark.django_db
def test_seed_ingest_acceptance():
    call_command("ingest_transcripts", str(shared_dir("seeds")), verbosity=0)
    assert Meeting.objects.count() == 5
    assert Turn.objects.count() == 88
    assert [m.turns.count() for m in sorted(Meeting.objects.all(), key=lambda m: m.source_name)] == SEED_TURNS
    assert Participant.objects.count() == 20
    putin = Participant.objects.get(name="Vladimir Putin")
    assert Meeting.objects.filter(turns__speaker=putin).distinct().count() == 5
    assert Turn.objects.filter(speaker=None).count() == 1  # "Remark:"
    # Every turn has a permalink key that is unique in its meeting, readable, and no id.
    for t in Turn.objects.select_related("meeting", "speaker"):
        assert re.fullmatch(r"[a-z0-9-]+-\d+", t.key)
        if t.speaker:
            assert t.key.startswith(t.speaker.slug + "-")


@pytest.mark.django_db
def test_seed_reingest_is_idempotent_and_keys_are_stable():
    call_command("ingest_transcripts", str(shared_dir("seeds")), verbosity=0)
    before = list(
        Turn.objects.order_by("meeting__slug", "position").values_list("meeting__slug", "key", "id")
    )
    call_command("ingest_transcripts", str(shared_dir("seeds")), verbosity=0)
    after = list(Turn.objects.order_by("meeting__slug", "position").values_list("meeting__slug", "key", "id"))
    assert before == after  # nothing rewritten


def test_every_corpus_page_parses_with_turns():
    pages = corpus()
    assert len(pages) == 40
    for p in pages:
        t = parse_transcript(p.read_bytes())
        assert t.turns, p.name
        assert t.title and t.date.isoformat() == p.name[:10], p.name


def test_corpus_every_label_line_starts_a_turn():
    """Every paragraph opening with 'Firstname Surname:' is a turn of its own."""
    label = re.compile(r"^[A-Z][a-z]+(?:[ \u00a0][A-Z][a-zA-Z-]+){1,2}:")
    for p in corpus():
        text = p.read_text(encoding="utf-8")
        expected = sum(1 for para in text.split("\n") if label.match(para.strip()))
        t = parse_transcript(p.read_bytes())
        bare = sum(1 for x in t.turns if x.label and label.match(x.label + ":"))
        assert bare >= expected, p.name


def test_corpus_names_never_carry_a_title():
    for p in corpus():
        for x in parse_transcript(p.read_bytes()).turns:
            if x.name:
                words = {w.casefold() for w in x.name.split()}
                assert not words & (TITLE_WORDS - {"master"}), (p.name, x.name)
                assert 2 <= len(x.name.split()) <= 5, (p.name, x.name)


def _turns(name_prefix: str):
    [path] = [p for p in corpus() if p.name.startswith(name_prefix)]
    return parse_transcript(path.read_bytes()).turns


def test_corpus_spelling_variants_and_mistyped_names():
    names = {x.written_name: x.name for x in _turns("2017-03-01") if x.written_name}
    assert names["Vladimir Mutko"] == "Vitaly Mutko"
    names = {x.written_name: x.name for x in _turns("2018-09-12") if x.written_name}
    assert names["Sergei Brilev"] == "Sergei Brilyov"


def test_corpus_long_names_and_notes():
    assert {x.name for x in _turns("2018-06-05") if x.name} >= {"Alexander Van der Bellen", "Vladimir Putin"}
    erdogan = [x for x in _turns("2017-05-03") if x.name and "Erdogan" in x.name]
    assert {x.name for x in erdogan} == {"Recep Tayyip Erdogan"}
    assert erdogan[0].role == "President of Turkey"
    assert {x.name for x in _turns("2013-04-09") if x.name} == {"Vladimir Putin", "Vladimir Dmitriev"}


def test_corpus_summaries_by_title_resolve_to_the_minister():
    turns = _turns("2017-10-13")
    summaries = [x for x in turns if x.kind == SUMMARY]
    assert summaries and all(x.name == "Alexander Tkachev" for x in summaries)
    turns = _turns("2017-03-01")
    assert {x.name for x in turns if x.kind == SUMMARY} == {"Maxim Sokolov", "Vladimir Kolokoltsev"}


@pytest.mark.django_db
def test_corpus_and_seeds_ingest_together():
    call_command("ingest_transcripts", str(shared_dir("seeds")), str(shared_dir("corpus")), verbosity=0)
    assert Meeting.objects.count() == 45
    assert Participant.objects.filter(name="Vladimir Putin").count() == 1
    medvedevs = set(Participant.objects.filter(name__endswith="Medvedev").values_list("name", flat=True))
    assert "Dmitry Medvedev" in medvedevs
    assert not Participant.objects.filter(name__icontains="Minister").exists()
