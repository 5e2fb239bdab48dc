"""Time and memory of the whole Popolo document (/speakers.popolo.json) on an archive already
ingested (DATABASE_URL), e.g. the 30,000 generated meetings of docs/scaling.md:

    .venv/bin/python manage.py generate_corpus /tmp/gen30k --meetings 30000 --seed 21
    .venv/bin/python manage.py ingest_transcripts /tmp/gen30k
    .venv/bin/python bench/popolo.py [--runs 3] [--load]

The view runs in this process (Django's test client, page cache off) and the document is read
piece by piece as a client would and thrown away: the figures are the time to the first piece and
to the end, the size, and the memory the process allocates meanwhile (tracemalloc's peak of Python
allocations; and the growth of the process's peak RSS). `--load` then reads the document with
everypolitician-popolo and counts what it finds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--load", action="store_true", help="read it with everypolitician-popolo too")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.test_settings")
    os.environ["CACHE_URL"] = "dummy://"
    import django

    django.setup()
    from django.test import Client

    from meetings.models import Meeting, Participant, ParticipantAlias, ParticipantRole, Turn

    client = Client()
    client.get("/api/")  # URLconf, templates, connection: not part of the figure
    print(
        f"archive: {Meeting.objects.count():,} meetings, {Turn.objects.count():,} turns, "
        f"{Participant.objects.count():,} people, {ParticipantAlias.objects.count():,} written names, "
        f"{ParticipantRole.objects.exclude(role='').count():,} offices held"
    )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    firsts, totals, peaks = [], [], []
    size = 0
    for _ in range(args.runs):
        tracemalloc.start()
        started = time.perf_counter()
        response = client.get("/speakers.popolo.json")
        assert response.status_code == 200 and response.streaming
        size, first = 0, None
        for piece in response.streaming_content:
            if first is None:
                first = time.perf_counter() - started
            size += len(piece)
        totals.append(time.perf_counter() - started)
        firsts.append(first or 0.0)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    print(
        f"document: {size / 1e6:.1f} MB; first piece {statistics.median(firsts) * 1000:.0f} ms, "
        f"whole {statistics.median(totals):.2f} s (median of {args.runs}; "
        f"{min(totals):.2f}-{max(totals):.2f} s, {size / 1e6 / statistics.median(totals):.1f} MB/s); "
        f"Python allocations peak {max(peaks) / 1e6:.1f} MB; process peak RSS grew {rss_growth / 1024:.1f} MB"
    )
    if args.load:
        import json

        from popolo_data.importer import Popolo

        body = b"".join(client.get("/speakers.popolo.json").streaming_content)
        started = time.perf_counter()
        data = Popolo(json.loads(body))
        print(
            f"everypolitician-popolo: {len(data.persons):,} persons, {len(data.organizations):,} "
            f"organizations, {len(data.memberships):,} memberships, {len(data.posts):,} posts "
            f"({time.perf_counter() - started:.1f} s)"
        )


if __name__ == "__main__":
    main()
