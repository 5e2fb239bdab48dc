"""Server time, queries and size of the reader's pages, uncached, against an existing archive.

    DATABASE_URL=postgres://…/devarchive .venv/bin/python bench/reading_pages.py [--runs 7]

For the home page, the meeting list, the longest meeting, the speakers index in each order and
filtered by role, and the busiest speaker's profile: the median of `--runs` requests through
Django's test client, with the page cache emptied before each, of the wall time and of the CPU
time of this process (views and templates; less disturbed than wall time by other load on the
machine), the number of SQL queries, and the size of the HTML. Reads only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetings.models import Meeting, Participant

    longest = Meeting.objects.order_by("-turn_count").first()
    busiest = Participant.objects.order_by("-turn_count").first()
    pages = {
        "home": "/",
        "meeting list": "/meetings/",
        f"longest meeting ({longest.turn_count} remarks)": longest.get_absolute_url(),
        "speakers, A-Z": "/speakers/",
        "speakers, most remarks": "/speakers/?order=-remarks",
        "speakers, latest appearance": "/speakers/?order=-latest",
        "speakers, role 'minister'": "/speakers/?role=minister",
        f"busiest speaker ({busiest.turn_count} remarks)": busiest.get_absolute_url(),
    }
    client = Client()
    print(f"{'page':<40} {'wall ms':>8} {'CPU ms':>7} {'queries':>7} {'KB':>6}")
    for name, url in pages.items():
        wall, cpu = [], []
        for _ in range(args.runs):
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{name:<40} {statistics.median(wall):>8.1f} {statistics.median(cpu):>7.1f} {len(queries):>7} "
            f"{len(response.content) / 1024:>6.0f}"
        )


if __name__ == "__main__":
    main()
