"""Ingest speed: files/s, MB/s, turns/s, the share of topic scoring, and the floor of this
database (PostgreSQL COPYing the same turn rows, with the same indexes), on a scratch database.

    .venv/bin/python bench/ingest.py [PATH ...]          (default: sample_data and ../shared)
    .venv/bin/python bench/ingest.py --generate 1000     (generated transcripts)

It creates (and afterwards drops) the database `archive_bench` on the server of DATABASE_URL
(default postgres://postgres@127.0.0.1:5432/), so the archive's own data is never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def scratch_url() -> str:
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/archive")
    u = urlparse(base)
    return urlunparse(u._replace(path="/archive_bench"))


def admin(sql: str, url: str) -> None:
    import psycopg

    u = urlparse(url)
    with psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username or "postgres",
                         password=u.password, dbname="postgres", autocommit=True) as conn:
        conn.execute(sql)


def run(args, env) -> float:
    started = time.perf_counter()
    subprocess.run([PY, str(ROOT / "manage.py"), *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def copy_floor(url: str) -> tuple[float, int]:
    """Seconds for PostgreSQL to COPY every turn row from a prepared file into a table with the
    same columns and indexes: what this database needs at the least to store the turns."""
    import psycopg

    u = urlparse(url)
    with psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username or "postgres",
                         password=u.password, dbname="archive_bench", autocommit=True) as conn:
        buf = bytearray()
        with conn.cursor().copy("COPY meetings_turn TO STDOUT") as copy:
            for block in copy:
                buf += block
        conn.execute("CREATE TABLE turn_floor (LIKE meetings_turn INCLUDING ALL)")
        started = time.perf_counter()
        with conn.cursor().copy("COPY turn_floor FROM STDIN") as copy:
            copy.write(bytes(buf))
        seconds = time.perf_counter() - started
        rows = conn.execute("SELECT count(*) FROM turn_floor").fetchone()[0]
    return seconds, rows


def main():
    args = sys.argv[1:]
    generated = None
    if args[:1] == ["--generate"]:
        import tempfile

        generated = tempfile.TemporaryDirectory()
        count = int(args[1])
        subprocess.run([PY, str(ROOT / "manage.py"), "generate_corpus", generated.name, "--meetings", str(count)],
                       check=True, stdout=subprocess.DEVNULL)
        args = [generated.name]
    paths = args or [str(ROOT / "sample_data")] + [
        str(p) for p in (ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus") if p.is_dir()
    ]
    files = [f for p in paths for f in (Path(p).rglob("*.txt") if Path(p).is_dir() else [Path(p)])]
    size = sum(f.stat().st_size for f in files)
    url = scratch_url()
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    admin("DROP DATABASE IF EXISTS archive_bench", url)
    admin("CREATE DATABASE archive_bench", url)
    try:
        run(["migrate", "--noinput", "-v0"], env)
        ingest = run(["ingest_transcripts", "--no-topics", "--no-progress", "-v0", *paths], env)
        topics = run(["rebuild_topics"], env)
        again = run(["ingest_transcripts", "--no-progress", "-v0", *paths], env)
        out = subprocess.run([PY, "-c", "import django,os;django.setup();from meetings.models import Turn;print(Turn.objects.count())"],
                             env=env, check=True, capture_output=True, text=True, cwd=ROOT)
        turns = int(out.stdout.strip())
        floor, floor_rows = copy_floor(url)
    finally:
        admin("DROP DATABASE IF EXISTS archive_bench", url)
    total = ingest + topics
    print(f"files            {len(files)} ({size / 1e6:.2f} MB), turns {turns}")
    print(f"ingest (parse, resolve, write, phrases)  {ingest:7.2f} s  {len(files) / ingest:8.1f} files/s  "
          f"{size / 1e6 / ingest:6.2f} MB/s  {turns / ingest:8.0f} turns/s")
    print(f"topic scoring (whole archive)            {topics:7.2f} s  = {100 * topics / total:.0f}% of ingest + scoring")
    print(f"re-ingest of unchanged files             {again:7.2f} s")
    print(f"floor: COPY of the same {floor_rows} turn rows with their indexes  {floor:7.2f} s  "
          f"{floor_rows / floor:8.0f} turns/s  (ingest reaches {100 * (turns / total) / (floor_rows / floor):.1f}% of it "
          f"with topics, {100 * (turns / ingest) / (floor_rows / floor):.1f}% without)")
    print("(each figure includes ~1 s of Django start-up per command)")
    print(f"command: .venv/bin/python bench/ingest.py {' '.join(sys.argv[1:])}".rstrip())
    if generated:
        generated.cleanup()


if __name__ == "__main__":
    main()
