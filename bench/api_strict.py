"""Every response of the JSON API on an archive already ingested (DATABASE_URL), checked with
openapi-core against the schema the app serves (StrictApi in tests/helpers.py): every meeting,
person and remark under a generic label, the first 200 listed topics, and what their links lead to.

    .venv/bin/python bench/api_strict.py

Prints the responses checked per endpoint, the failures (the first five in full), and how many
null speakers and raisers were among them. Reads only.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.test_settings")
    os.environ["CACHE_URL"] = "dummy://"
    import django

    django.setup()
    from django.test import Client

    from meetings.models import Meeting, Participant, Topic, Turn
    from tests.helpers import StrictApi

    started = time.perf_counter()
    api = StrictApi(Client())
    start = [
        "/api/",
        "/api/turns/?kind=summary",
        "/api/search/?q=economy",
        "/api/search/?q=%22national+projects%22&sort=date",
        *(f"/api/meetings/{s}/" for s in Meeting.objects.values_list("slug", flat=True)),
        *(f"/api/participants/{s}/" for s in Participant.objects.values_list("slug", flat=True)),
        *(f"/api/topics/{s}/" for s in Topic.objects.listed().values_list("slug", flat=True)[:200]),
        *(
            f"/api/turns/{t.meeting.slug}/{t.key}/"
            for t in Turn.objects.filter(speaker=None).select_related("meeting")
        ),
    ]
    everything = 10**9
    api.crawl(
        start,
        limit=100,
        limits={
            "meeting-detail": everything,
            "participant-detail": everything,
            "turn-detail": everything,
            "topic-detail": 1000,
            "turn-list": 200,
            "participant-remarks": 200,
        },
    )
    print(
        f"{sum(api.checked.values()):,} responses in {time.perf_counter() - started:.0f} s: {dict(api.checked)}"
    )
    print(
        f"{len(api.failures)} failures; null speakers {dict(api.null_speakers)}, null raisers {api.null_raisers}"
    )
    for failure in api.failures[:5]:
        print(failure)


if __name__ == "__main__":
    main()
