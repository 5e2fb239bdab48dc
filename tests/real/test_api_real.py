"""The JSON API on real transcripts (../shared; skipped when absent), read by a strict OpenAPI
validator (openapi-core): a sample of the dev archive — every meeting with a generic label or a
bracketed summary (generic speakers, group summaries), the seeds, the Kremlin corpus and a slice of
the page dump — ingested, then every endpoint crawled through the API's own links. Every response
must be what the schema says, read as JSON Schema 2020-12 with no leniency about null."""

from __future__ import annotations

import re

import pytest

from meetings.models import Meeting, Topic, Turn
from tests.helpers import StrictApi, ingest, shared_dir

EVERY_NTH = 40  # of the page dump, in name order, besides the files picked by their content
# A generic label ("Question:") or a bracketed report of what someone said, at a paragraph's start.
PICK = re.compile(r"^(?:(?:Question|Remark|Reply):|\([A-Z].*\b(?:spoke|reported|informed|discussed)\b)", re.M)


def sample() -> list:
    dump = sorted(shared_dir("dump", "kremlin-en").glob("*.txt"))
    picked = [
        p for i, p in enumerate(dump) if i % EVERY_NTH == 0 or PICK.search(p.read_text(errors="replace"))
    ]
    return [shared_dir("seeds"), shared_dir("corpus", "kremlin-en"), *picked]


@pytest.mark.django_db
def test_real_responses_of_every_endpoint_validate_strictly(client):
    ingest(*sample(), verbosity=0)
    api = StrictApi(client)
    generic = (
        Turn.objects.filter(speaker=None).select_related("meeting").order_by("meeting__date", "position")
    )
    start = [
        "/api/",
        "/api/turns/?kind=summary",
        "/api/turns/?page=3",
        *dict.fromkeys(f"/api/meetings/{t.meeting.slug}/" for t in generic),
        *(f"/api/turns/{t.meeting.slug}/{t.key}/" for t in generic[:40]),
        *(f"/api/topics/{slug}/" for slug in Topic.objects.listed().values_list("slug", flat=True)[:20]),
        "/api/search/?q=economy",
        "/api/search/?q=%22national+projects%22&sort=date",
        "/api/search/?q=question+-answer",
        f"/api/search/?q=president&meeting={Meeting.objects.order_by('-turn_count').first().slug}",
    ]
    api.crawl(start, limit=30, limits={"meeting-detail": 80, "turn-detail": 60})
    total = sum(api.checked.values())
    assert api.failures == [], f"{len(api.failures)} of {total} responses fail"
    assert len(api.checked) == 12 and total >= 250
    assert api.checked["meeting-detail"] >= 60
    assert api.null_speakers["speech"] > 0 and api.null_speakers["summary"] > 0
