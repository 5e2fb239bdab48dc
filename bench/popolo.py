"""Time and memory of the whole Popolo document (/speakers.popolo.json) on an archive already
ingested (DATABASE_URL), e.g. the 30,000 generated meetings of docs/scaling.md:

    .venv/bin/python manage.py generate_corpus /tmp/gen30k --meetings 30000 --seed 21
    .venv/bin/python manage.py ingest_transcripts /tmp/gen30k
    .venv/bin/python bench/popolo.py [--runs 3] [--load] [--extra-people N]

The view runs in this process (Django's test client, page cache off) and the document is read
piece by piece as a client would and thrown away: the figures are the time to the first piece and
to the end, the size, and the memory the process allocates meanwhile (tracemalloc's peak of Python
allocations; and the growth of the process's peak RSS). `--load` then reads the document with
everypolitician-popolo and counts what it finds. `--extra-people N` adds N invented people (each
with two written names and two offices) in a transaction rolled back at the end, to see memory
stay flat as the number of people grows (a generated archive has a few thousand).
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
    parser.add_argument("--extra-people", type=int, default=0, help="invented people added, then rolled back")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.test_settings")
    os.environ["CACHE_URL"] = "dummy://"
    import django

    django.setup()
    from django.core import signals
    from django.db import close_old_connections, transaction
    from django.test import Client

    class Rollback(Exception):
        pass

    # Requests run inside the transaction below: the connection must outlive each of them.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)

    try:
        with transaction.atomic():
            if args.extra_people:
                add_people(args.extra_people)
            measure(args, Client())
            raise Rollback
    except Rollback:
        pass


def add_people(n: int) -> None:
    import datetime

    from meetings.models import Participant, ParticipantAlias, ParticipantRole

    people = Participant.objects.bulk_create(
        Participant(name=f"Invented Person{i}", slug=f"invented-person-{i}", sort_name=f"Person{i}, Invented")
        for i in range(n)
    )
    ParticipantAlias.objects.bulk_create(
        ParticipantAlias(
            participant=p,
            key=f"{p.slug}-{k}",
            folded=f"{p.slug}-{k}",
            surname=p.slug,
            written=f"{form}",
            how="new",
        )
        for p in people
        for k, form in enumerate([p.name, f"I. Person{p.slug.rsplit('-', 1)[1]}"])
    )
    day = datetime.date(2020, 1, 1)
    ParticipantRole.objects.bulk_create(
        ParticipantRole(participant=p, role=role, meetings=1, first=day, last=day)
        for i, p in enumerate(people)
        for role in (f"Minister of Office {i % 5000}", f"Member of Council {i % 700}")
    )
    print(f"added {n:,} invented people (rolled back at the end)")


def measure(args, client) -> None:
    from meetings.models import Meeting, Participant, ParticipantAlias, ParticipantRole, Turn

    client.get("/api/")  # URLconf, templates, connection: not part of the figure
    print(
        f"archive: {Meeting.objects.count():,} meetings, {Turn.objects.count():,} turns, "
        f"{Participant.objects.count():,} people, {ParticipantAlias.objects.count():,} written names, "
        f"{ParticipantRole.objects.exclude(role='').count():,} offices held"
    )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def read(traced: bool) -> tuple[float, float, int, int]:
        """(seconds to the first piece, to the end, bytes, peak of Python allocations)."""
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        response = client.get("/speakers.popolo.json")
        assert response.status_code == 200 and response.streaming
        size, first = 0, None
        for piece in response.streaming_content:
            if first is None:
                first = time.perf_counter() - started
            size += len(piece)
        total = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
        return first or 0.0, total, size, peak

    timed = [read(traced=False) for _ in range(args.runs)]  # tracemalloc slows Python down
    firsts, totals = [t[0] for t in timed], [t[1] for t in timed]
    size = timed[0][2]
    peak = read(traced=True)[3]
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    print(
        f"document: {size / 1e6:.1f} MB; first piece {statistics.median(firsts) * 1000:.0f} ms, "
        f"whole {statistics.median(totals):.2f} s (median of {args.runs}; "
        f"{min(totals):.2f}-{max(totals):.2f} s, {size / 1e6 / statistics.median(totals):.1f} MB/s); "
        f"Python allocations peak {peak / 1e6:.1f} MB (a separate run, traced); "
        f"process peak RSS grew {rss_growth / 1024:.1f} MB"
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
