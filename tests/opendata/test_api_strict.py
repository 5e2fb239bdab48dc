"""The JSON API read by a strict OpenAPI validator (openapi-core), over a generated archive: every
endpoint's responses — generic speakers, group summaries, topics, search, errors included — must be
what the schema says, read as JSON Schema 2020-12 with no leniency about null. (Schemathesis, in
test_api.py, reads `nullable` leniently; tests/real/test_api_real.py does the same on real
transcripts.)"""

from __future__ import annotations

import json

import pytest

from meetings.core.generator import generate
from meetings.models import Meeting, Turn
from tests.helpers import StrictApi, ingest

# Invented: a question raises the topic before anyone named speaks of it, and a group summary.
QUAY = """Meeting on the quay repairs

March 14, 2023, Harbour Hall, Larkspur

The council discussed the quay repairs.

Question: When will the quay repairs start? The quay repairs were promised last spring.

Mayor of Larkspur Helena Marsh: The quay repairs start in May. Thank you.

(Participants discussed the quay repairs and the harbour dues.)

Remark: The harbour dues are too high.

Port Director Tomas Reyes: The quay repairs will be paid from the harbour dues.
"""

OPERATIONS = {
    "root",
    "meeting-list",
    "meeting-detail",
    "participant-list",
    "participant-detail",
    "participant-remarks",
    "turn-list",
    "turn-detail",
    "topic-list",
    "topic-detail",
    "topic-remarks",
    "search",
}


@pytest.fixture
def archive(tmp_path, write_transcript):
    ingest(*generate(tmp_path / "corpus", 12, seed=5), write_transcript("quay.txt", QUAY))


@pytest.mark.django_db
def test_schema_is_openapi_31_with_no_nullable_left(client):
    schema = json.loads(client.get("/api/schema/?format=json").content)
    assert schema["openapi"] == "3.1.0"
    assert '"nullable"' not in json.dumps(schema)
    turn = schema["components"]["schemas"]["MeetingTurn"]["properties"]
    assert turn["speaker"]["oneOf"] == [{"$ref": "#/components/schemas/ParticipantRef"}, {"type": "null"}]
    assert turn["role"]["type"] == ["string", "null"]
    page = schema["components"]["schemas"]["PaginatedTurnList"]["properties"]
    assert page["next"]["type"] == ["string", "null"]
    (q,) = [p for p in schema["paths"]["/api/search/"]["get"]["parameters"] if p["name"] == "q"]
    assert q["required"] is True and q["schema"]["minLength"] == 1 and q["schema"]["pattern"] == r"\S"
    assert "allowEmptyValue" not in q


@pytest.mark.django_db
def test_every_endpoint_validates_strictly_on_a_generated_archive(client, archive):
    api = StrictApi(client)
    generic = Turn.objects.filter(speaker=None).select_related("meeting")
    start = [
        "/api/",
        "/api/turns/?kind=summary",
        "/api/meetings/?page=2&page_size=5",
        *{f"/api/meetings/{t.meeting.slug}/" for t in generic},
        *(f"/api/turns/{t.meeting.slug}/{t.key}/" for t in generic),
        "/api/search/?q=quay+repairs",
        "/api/search/?q=harbour+dues&sort=date",
        f"/api/search/?q=dues&meeting={Meeting.objects.get(title__startswith='Meeting on the quay').slug}",
        # Errors are in the schema too.
        "/api/search/?q=",
        "/api/search/?q=the",
        "/api/meetings/?year=x",
        "/api/meetings/no-such-meeting/",
        "/api/topics/?page=999",
    ]
    api.crawl(start, limit=12)
    assert api.failures == []
    assert set(api.checked) == OPERATIONS
    assert sum(api.checked.values()) >= 90
    # The nullable objects were there to be checked: generic labels, a group summary, a topic
    # first raised under a generic label.
    assert api.null_speakers["speech"] > 0 and api.null_speakers["summary"] > 0
    assert api.null_raisers > 0
