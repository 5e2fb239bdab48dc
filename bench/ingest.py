"""Ingest speed: files/s, MB/s, turns/s, the share of topic scoring, and the floor of this
database (PostgreSQL COPYing the same turn rows, with the same indexes), on a scratch database.

    .venv/bin/python bench/ingest.py [PATH ...]          (default: sample_data and ../shared)
    .venv/bin/python bench/ingest.py --generate 1000     (generated transcripts)
    .venv/bin/python bench/ingest.py --generate 30000 --corpus /tmp/corpus-30k --ingest-only
        (--corpus keeps the generated files there and reuses them next time; --ingest-only
        measures the first ingest alone, without topic scoring, re-ingest and the COPY floor)

It creates (and afterwards drops) the database `<name>_bench` on the server of DATABASE_URL
(default postgres://postgres@127.0.0.1:5432/archive, so `archive_bench`), so the archive's own
data is never touched.
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
    """DATABASE_URL's server with the scratch database `<its name>_bench` (archive_bench by default)."""
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/archive")
    u = urlparse(base)
    name = (u.path.lstrip("/") or "archive") + "_bench"
    return urlunparse(u._replace(path="/" + name))


def scratch_name(url: str) -> str:
    return urlparse(url).path.lstrip("/")


def admin(sql: str, url: str) -> None:
    import psycopg

    u = urlparse(url)
    with psycopg.connect(
        host=u.hostname,
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
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
    with psycopg.connect(
        host=u.hostname,
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname=scratch_name(url),
        autocommit=True,
    ) as conn:
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
    ingest_only = "--ingest-only" in args
    args = [a for a in args if a != "--ingest-only"]
    corpus = None
    if "--corpus" in args:
        i = args.index("--corpus")
        corpus = Path(args[i + 1])
        del args[i : i + 2]
    if args[:1] == ["--generate"]:
        import tempfile

        count = int(args[1])
        if corpus is None:
            generated = tempfile.TemporaryDirectory()
            out = Path(generated.name)
        else:
            out = corpus
        if len(list(out.glob("*.txt"))) != count:  # generation is deterministic: reuse a kept corpus
            print(f"generating {count} transcripts in {out} …", file=sys.stderr)
            for stale in out.glob("*.txt"):
                stale.unlink()
            subprocess.run(
                [PY, str(ROOT / "manage.py"), "generate_corpus", str(out), "--meetings", str(count)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        args = [str(out), *args[2:]]
    paths = args or [str(ROOT / "sample_data")] + [
        str(p) for p in (ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus") if p.is_dir()
    ]
    files = [f for p in paths for f in (Path(p).rglob("*.txt") if Path(p).is_dir() else [Path(p)])]
    size = sum(f.stat().st_size for f in files)
    url = scratch_url()
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    admin(f"DROP DATABASE IF EXISTS {scratch_name(url)}", url)
    admin(f"CREATE DATABASE {scratch_name(url)}", url)
    try:
        run(["migrate", "--noinput", "-v0"], env)
        ingest = run(["ingest_transcripts", "--no-topics", "--no-progress", "-v0", *paths], env)
        if not ingest_only:
            topics = run(["rebuild_topics"], env)
            again = run(["ingest_transcripts", "--no-progress", "-v0", *paths], env)
        out = subprocess.run(
            [
                PY,
                "-c",
                "import django,os;django.setup();from meetings.models import Turn;print(Turn.objects.count())",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        turns = int(out.stdout.strip())
        if not ingest_only:
            floor, floor_rows = copy_floor(url)
    finally:
        admin(f"DROP DATABASE IF EXISTS {scratch_name(url)}", url)
    print(f"files            {len(files)} ({size / 1e6:.2f} MB), turns {turns}")
    print(
        f"ingest (parse, resolve, write, phrases)  {ingest:7.2f} s  {len(files) / ingest:8.1f} files/s  "
        f"{size / 1e6 / ingest:6.2f} MB/s  {turns / ingest:8.0f} turns/s"
    )
    if ingest_only:
        print(f"command: .venv/bin/python bench/ingest.py {' '.join(sys.argv[1:])}".rstrip())
        return
    total = ingest + topics
    print(
        f"topic scoring (whole archive)            {topics:7.2f} s  = {100 * topics / total:.0f}% of ingest + scoring"
    )
    print(f"re-ingest of unchanged files             {again:7.2f} s")
    print(
        f"floor: COPY of the same {floor_rows} turn rows with their indexes  {floor:7.2f} s  "
        f"{floor_rows / floor:8.0f} turns/s  (ingest reaches {100 * (turns / total) / (floor_rows / floor):.1f}% of it "
        f"with topics, {100 * (turns / ingest) / (floor_rows / floor):.1f}% without)"
    )
    print("(each figure includes ~1 s of Django start-up per command)")
    print(f"command: .venv/bin/python bench/ingest.py {' '.join(sys.argv[1:])}".rstrip())
    if generated:
        generated.cleanup()


if __name__ == "__main__":
    main()
