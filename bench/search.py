"""Search speed on a generated archive of a million turns, against a linear scan of the raw text.

    .venv/bin/python bench/search.py [--turns 1000000] [--keep]

Builds the database `archive_bench_search` (dropped afterwards unless --keep): meetings,
participants and turns with generated text (words drawn with a Zipf law from the vocabulary of
sample_data/, plus a rare word and a phrase planted at known rates), loaded with COPY, then the
same stored vectors and GIN index that ingest builds. It writes the same text to files and times
`grep -c` over them (the floor to beat), then times the search page (the full Django view:
query, ranking, grouping, snippets, facets, template) for common, rare and phrase queries.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = "archive_bench_search"
QUERIES = {
    "common": "housing",
    "common, two words": "school meals",
    "rare": "ornithopter",
    "phrase": '"foreign agents"',
    "phrase + word": '"foreign agents" media',
    "word, one excluded": "housing -meals",
    "beginning, common": "hous*",
    "beginning, rare": "ornith*",
}


def base_url() -> str:
    return os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/archive")


def admin(sql: str) -> None:
    import psycopg

    u = urlparse(base_url())
    with psycopg.connect(
        host=u.hostname,
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(sql)


def vocabulary() -> tuple[list[str], list[float]]:
    words = Counter()
    for f in sorted((ROOT / "sample_data").glob("*.txt")):
        words.update(w.lower() for w in re.findall(r"[A-Za-z][a-z']+", f.read_text(encoding="utf-8")))
    ranked = [w for w, _ in words.most_common()]
    weights = [1.0 / (i + 1) for i in range(len(ranked))]
    return ranked, weights


# The columns `generate` fills, table by table, in the order of its lines.
COLUMNS = {
    "meeting": [
        "id",
        "title",
        "date",
        "place",
        "description",
        "is_excerpt",
        "source_name",
        "source_sha256",
        "slug",
        "identity",
        "ingested_at",
        "turn_count",
        "speaker_count",
    ],
    "participant": ["id", "name", "slug", "sort_name", "turn_count", "meeting_count"],
    "turn": [
        "id",
        "meeting_id",
        "date",
        "position",
        "speaker_id",
        "speaker_label",
        "role",
        "kind",
        "text",
        "key",
        "resolution",
        "section",
        "is_procedural",
        "words",
        "phrases",
    ],
}


def generate(turns: int, rng: random.Random):
    """Yields (meetings, participants, turn rows) as COPY-ready lines."""
    words, weights = vocabulary()
    per_meeting = 40
    n_meetings = max(1, turns // per_meeting)
    n_people = 5000
    start = datetime.date(2000, 1, 1)
    meetings = []
    for m in range(1, n_meetings + 1):
        date = start + datetime.timedelta(days=(m * 9131) // n_meetings)
        meetings.append(
            f"{m}\tMeeting number {m} on {rng.choice(words)} and {rng.choice(words)}\t{date}\tLarkspur\t\t"
            f"f\tgen-{m}.txt\t{'0' * 64}\tmeeting-{m}\tid-{m}\t2026-01-01 00:00:00+00\t0\t0\n"
        )
    people = [
        f"{p}\tPerson {p} Name{p}\tperson-{p}\tname{p}, person {p}\t0\t0\n" for p in range(1, n_people + 1)
    ]
    rows = []
    texts = []
    tid = 0
    for m in range(1, n_meetings + 1):
        for pos in range(1, per_meeting + 1):
            tid += 1
            speaker = 1 if pos % 2 == 1 else int(rng.paretovariate(1.2)) % n_people + 1
            length = max(8, int(rng.lognormvariate(3.9, 0.6)))
            body = rng.choices(words, weights=weights, k=length)
            if tid % 2000 == 0:
                body.insert(length // 2, "ornithopter")
            if tid % 150 == 0:
                body[length // 3 : length // 3] = ["foreign", "agents"]
            text = " ".join(body).capitalize() + "."
            texts.append(text)
            date = start + datetime.timedelta(days=(m * 9131) // n_meetings)
            rows.append(
                f"{tid}\t{m}\t{date}\t{pos}\t{speaker}\tPerson {speaker}\t\\N\tspeech\t{text}\tp-{speaker}-{pos}\tlabel\t\tf\t{length}\t{{}}\n"
            )
    return meetings, people, rows, texts


def load(url: str, meetings, people, rows) -> None:
    import psycopg

    u = urlparse(url)
    with psycopg.connect(
        host=u.hostname,
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname=DB,
        autocommit=True,
    ) as conn:
        with conn.cursor() as cur:
            for table, columns, data in (
                ("meetings_meeting", ", ".join(COLUMNS["meeting"]), meetings),
                ("meetings_participant", ", ".join(COLUMNS["participant"]), people),
                ("meetings_turn", ", ".join(COLUMNS["turn"]), rows),
            ):
                with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for i in range(0, len(data), 20000):
                        copy.write("".join(data[i : i + 20000]))
            # The stored counts (NOT NULL), from the turns, as ingest keeps them.
            cur.execute(
                "UPDATE meetings_meeting AS m SET turn_count = c.n, speaker_count = c.s FROM (SELECT meeting_id, "
                "count(*) AS n, count(DISTINCT speaker_id) AS s FROM meetings_turn GROUP BY 1) AS c "
                "WHERE c.meeting_id = m.id"
            )
            cur.execute(
                "UPDATE meetings_participant AS p SET turn_count = c.n, meeting_count = c.m FROM (SELECT speaker_id, "
                "count(*) AS n, count(DISTINCT meeting_id) AS m FROM meetings_turn GROUP BY 1) AS c "
                "WHERE c.speaker_id = p.id"
            )
            cur.execute("DROP INDEX IF EXISTS turn_search")
            cur.execute("SET maintenance_work_mem = '1GB'")
            started = time.perf_counter()
            from meetings.derived.search import rebuild_recent_index
            from meetings.sql.search import meeting_vector_sql, turn_vector_sql

            cur.execute(turn_vector_sql().replace("AND t.meeting_id = ANY(%s)", ""))
            cur.execute(meeting_vector_sql().replace("WHERE id = ANY(%s)", ""))
            cur.execute("CREATE INDEX turn_search ON meetings_turn USING gin (search_vector)")
            cur.execute("CLUSTER meetings_turn USING turn_newest")  # what optimize_archive does,
            rebuild_recent_index()  # (through Django's connection, to the same database)
            cur.execute("ANALYZE")
            print(f"vectors and GIN index for {len(rows)} turns: {time.perf_counter() - started:.0f} s")


def grep_floor(texts, query_words: str, folder: Path) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    chunk = 25000
    for i in range(0, len(texts), chunk):
        (folder / f"part-{i // chunk:04d}.txt").write_text(
            "\n\n".join(texts[i : i + chunk]), encoding="utf-8"
        )
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(["grep", "-rci", query_words, str(folder)], capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def time_page(query: str, repeat: int) -> list[float]:
    from django.test import Client

    client = Client()
    times = []
    for _i in range(repeat):
        started = time.perf_counter()
        r = client.get("/search/", {"q": query})
        times.append((time.perf_counter() - started) * 1000)
        assert r.status_code == 200, r.status_code
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    url = urlunparse(urlparse(base_url())._replace(path=f"/{DB}"))
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["CACHE_URL"] = "dummy://"  # measure the search itself, not the page cache
    admin(f"DROP DATABASE IF EXISTS {DB}")
    admin(f"CREATE DATABASE {DB}")
    try:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], check=True, env=os.environ
        )
        import django

        django.setup()
        rng = random.Random(7)
        started = time.perf_counter()
        meetings, people, rows, texts = generate(args.turns, rng)
        print(
            f"generated {len(rows)} turns in {len(meetings)} meetings ({sum(map(len, texts)) / 1e6:.0f} MB of text) "
            f"in {time.perf_counter() - started:.0f} s"
        )
        load(url, meetings, people, rows)
        with tempfile.TemporaryDirectory() as tmp:
            floors = {
                name: grep_floor(texts, q.replace('"', ""), Path(tmp) / "corpus") * 1000
                for name, q in QUERIES.items()
            }
        print(f"\n{'query':<22} {'p50 ms':>8} {'p95 ms':>8} {'grep -c ms':>11}")
        for name, q in QUERIES.items():
            t = sorted(time_page(q, args.repeat))
            p50 = statistics.median(t)
            p95 = t[min(len(t) - 1, round(0.95 * (len(t) - 1)))]
            print(f"{name + ' ' + q:<22.22} {p50:8.1f} {p95:8.1f} {floors[name]:11.1f}")
        print(f"\ncommand: .venv/bin/python bench/search.py --turns {args.turns} --repeat {args.repeat}")
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            admin(f"DROP DATABASE IF EXISTS {DB}")


if __name__ == "__main__":
    main()
