"""Topics: phrases, procedural turns, who raised what, the pages, and quality on a labelled set."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.core.topics.evaluate import load_labels, own_method, recall
from meetings.core.topics.phrases import candidates, display_label, is_procedural
from meetings.core.topics.scoring import TurnPhrases, score
from meetings.models import MeetingTopic, ParticipantTopic, Topic, Turn, TurnTopic

from .conftest import shared_dir

LABELS = Path(__file__).parent / "data" / "seed_topic_labels.json"
RECALL_FLOOR = 0.8  # measured 0.90 on the seeds; see README "Topics"


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


def test_topic_quality_on_the_labelled_seed_set():
    paths = sorted(shared_dir("seeds").glob("*.txt"))
    r, detail = recall(own_method(paths), load_labels(LABELS))
    assert r >= RECALL_FLOOR, detail


SAMPLE = """Meeting on the harbour

October 3, 2022, Larkspur

The Board met.

Chair of the Harbour Board Helena Marsh: Good morning. Thank you all for coming.

Port Director Tomas Reyes: The quay walls are crumbling. The quay walls along the fish market need urgent repair before the winter storms, and the repair of the quay walls will cost two million.

Helena Marsh: Thank you.

Council member Ada Lindqvist: The quay walls are one thing, but the ferry timetable is the other. The ferry timetable leaves the islanders stranded every Sunday.

(Council member Priya Natarajan spoke about the ferry timetable and the winter storms.)

Helena Marsh: Thank you. Go ahead, please.
"""


@pytest.fixture
def harbour(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", SAMPLE)), stdout=io.StringIO())


@pytest.mark.django_db
def test_ingest_marks_procedural_turns_and_scores_topics(harbour):
    assert list(Turn.objects.filter(is_procedural=True).values_list("position", flat=True)) == [1, 3, 6]
    assert not TurnTopic.objects.filter(turn__is_procedural=True).exists()
    quay = Topic.objects.get(key="quay wall")
    assert quay.label == "quay walls"
    raised = TurnTopic.objects.get(topic=quay, raised=True)
    assert raised.turn.speaker.name == "Tomas Reyes"
    assert TurnTopic.objects.filter(topic=quay, raised=False, turn__speaker__name="Ada Lindqvist").exists()
    ferry = Topic.objects.get(key="ferry timetable")
    assert TurnTopic.objects.get(topic=ferry, raised=True).turn.speaker.name == "Ada Lindqvist"
    assert ParticipantTopic.objects.filter(participant__name="Tomas Reyes", topic=quay).exists()
    assert MeetingTopic.objects.filter(topic=ferry, raised_by__name="Ada Lindqvist").exists()


@pytest.mark.django_db
def test_rebuild_is_deterministic(harbour):
    def snapshot():
        return sorted(TurnTopic.objects.values_list("turn__key", "topic__key", "raised", "is_evidence"))

    before = snapshot()
    call_command("rebuild_topics", "--reextract", stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.django_db
def test_topic_pages_link_with_rel_tag_and_highlight(client, harbour):
    html = client.get("/topics/").content.decode()
    assert 'rel="tag" href="/topics/quay-wall/"' in html
    html = client.get("/topics/quay-wall/").content.decode()
    assert "<mark>quay walls</mark>" in html and "raised it" in html and "responded" in html
    assert "Tomas Reyes" in client.get("/topics/quay-wall/?speaker=tomas-reyes").content.decode()
    assert (
        "Ada Lindqvist"
        not in client.get("/topics/quay-wall/?speaker=tomas-reyes").content.decode().split("Remarks</h2>")[1]
    )
    for path in ("/speakers/tomas-reyes/", "/meetings/2022-10-03-meeting-on-harbour/"):
        html = client.get(path).content.decode()
        links = re.findall(r'<a [^>]*href="/topics/[^"/]+/[^"]*"', html)
        assert links and all('rel="tag"' in a for a in links), path
    assert "Topics raised" in client.get("/speakers/tomas-reyes/").content.decode()
    assert "Topics in this meeting" in client.get("/meetings/2022-10-03-meeting-on-harbour/").content.decode()
    assert client.get("/topics/nothing-like-this/").status_code == 404


@pytest.mark.django_db
def test_raised_filter_and_evidence_links(client, harbour):
    raised = client.get("/topics/quay-wall/?raised=true").content.decode().split("Remarks</h2>")[1]
    assert "Tomas Reyes" in raised and "Ada Lindqvist" not in raised
    responses = client.get("/topics/quay-wall/?raised=false").content.decode().split("Remarks</h2>")[1]
    assert "Ada Lindqvist" in responses and "raised it</strong>" not in responses
    html = client.get("/speakers/tomas-reyes/").content.decode()
    assert "best evidence" in html and "/meetings/2022-10-03-meeting-on-harbour/tomas-reyes-1/" in html


def test_a_phrase_never_starts_with_a_possessive():
    from meetings.core.topics.phrases import candidates

    got = candidates(
        "Russia's energy policy worries Mr Zuyev's doctors. The Democratic People's Republic "
        "answered on today's economy and the city's debt."
    )
    assert not [k for k in got if k.split(" ")[0].endswith("'s")], got
    assert got["energy policy"] == 1 and got["democratic people's republic"] == 1
    assert got["debt"] == 1 and got["economy"] == 1  # the thing itself is still counted


@pytest.mark.django_db
def test_rebuild_with_reextract_gives_the_phrases_ingest_gave(tmp_path):
    """After a change to the phrase rules, `rebuild_topics --reextract` brings old turns in line:
    from the stored turns it must find exactly what ingest found from the files."""
    import io

    from django.core.management import call_command

    from meetings.core.generator import generate
    from meetings.derived import topic_index
    from meetings.models import Turn

    call_command(
        "ingest_transcripts",
        str(generate(tmp_path / "c", 12, seed=9)[0].parent),
        "--no-topics",
        "--no-progress",
        "-v0",
        stdout=io.StringIO(),
    )
    before = dict(Turn.objects.values_list("id", "phrases"))
    Turn.objects.update(phrases={})
    topic_index.rebuild(reextract=True)
    assert dict(Turn.objects.values_list("id", "phrases")) == before
