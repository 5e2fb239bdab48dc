"""The bundled sample transcripts (what `make run` serves) ingest as a reader would expect."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from meetings.models import Meeting, Participant, Turn
from tests.helpers import SAMPLE_DATA

EXPECTED_TURNS = {
    "larkspur-council-2023-03-14.txt": 25,
    "civic-council-libraries-digital-2023-11-21.txt": 22,
    "civiclink-repost-water-supply-2022-10-03.txt": 19,
    "eastmarch-heatwave-working-meeting-2023-07-19.txt": 23,
    "larkspur-budget-press-conference-2024-01-25.txt": 29,
    "lsu-board-of-trustees-2023-05-30.txt": 25,
}


@pytest.mark.django_db
def test_sample_data_ingests_with_one_person_per_participant():
    call_command("ingest_transcripts", str(SAMPLE_DATA), stdout=io.StringIO())
    counts = {m.source_name: m.turns.count() for m in Meeting.objects.all()}
    assert counts == EXPECTED_TURNS
    names = set(Participant.objects.values_list("name", flat=True))
    assert {"Sergei Kolmar", "Sergey Kolmar"} & names and not {"Sergei Kolmar", "Sergey Kolmar"} <= names
    assert not {"Tatiana Weller", "Tatyana Weller"} <= names
    assert "Anton Repnin" in names and "A. Repnin" not in names
    assert {"Dmitry Halvorsen", "Alexander Halvorsen"} <= names
    marsh = Participant.objects.get(name="Helena Marsh")
    assert Meeting.objects.filter(turns__speaker=marsh).distinct().count() == 5
    assert Turn.objects.filter(kind="summary", speaker=None).count() == 1  # the round table
