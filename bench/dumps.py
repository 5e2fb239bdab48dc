"""The whole-archive dump at scale: time, size and peak memory of `export_archive` and of
`import_archive` into a fresh database, and a check that the loaded copy serves the same pages.

    .venv/bin/python bench/dumps.py --source-db NAME          (an archive already ingested; only read)
    .venv/bin/python bench/dumps.py --generate 30000 --corpus /tmp/gen30k
        (generates the transcripts, or reuses them in --corpus, and ingests them into a scratch
        database <name>_dumpsrc first)

The dump is written to --out (default /tmp/<name>-dump, replaced); the copy is loaded into the
scratch database `<name>_dumpload` (<name>: the database of DATABASE_URL), dropped afterwards
unless --keep. Then both archives are served by gunicorn and --pages of their URLs (every kind of
page, remarks' permalinks, exports, feeds, API) are fetched from each and compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PY, ROOT, admin, scratch_env, serve


def timed(env: dict, *args: str) -> tuple[float, float, float, str]:
    """Run manage.py with `args`: (seconds, CPU seconds and peak RSS in MB of that process (not
    of the database server), its output)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [PY, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    out = proc.stdout.read() if proc.stdout else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed ({proc.returncode}):\n{out}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def recreate(db: str) -> None:
    admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{db}"')


def db_size(db: str) -> int:
    return admin(f"SELECT pg_database_size('{db}')")[0][0]


def sample_urls(dump: Path, pages: int, seed: int = 7) -> list[str]:
    """Pages of every kind, from the dump itself: meetings, remarks, people, topics, exports, feeds."""
    import gzip

    rnd = random.Random(seed)

    def pick(name: str, n: int) -> list[dict]:
        chosen: list[dict] = []
        with gzip.open(dump / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):  # reservoir sampling: one pass, n records in memory
                if len(chosen) < n:
                    chosen.append(json.loads(line))
                elif (j := rnd.randrange(i + 1)) < n:
                    chosen[j] = json.loads(line)
        return chosen

    share = max(1, pages // 8)
    urls = ["/", "/meetings/", "/meetings/?page=300", "/speakers/", "/topics/", "/feeds/meetings.atom"]
    urls += ["/sitemap.xml", "/sitemap-remarks.xml?p=50", "/api/meetings/", "/api/turns/?page=100"]
    for m in pick("meetings.jsonl.gz", share):
        urls += [f"/meetings/{m['slug']}/", f"/meetings/{m['slug']}.json", f"/meetings/{m['slug']}.akn.xml"]
    urls += [f"/meetings/{t['meeting']}/{t['key']}/" for t in pick("turns.jsonl.gz", 2 * share)]
    for p in pick("participants.jsonl.gz", share):
        urls += [f"/speakers/{p['slug']}/", f"/feeds/speakers/{p['slug']}.atom"]
    urls += [f"/topics/{t['slug']}/" for t in pick("topics.jsonl.gz", share)]
    return urls[:pages] if len(urls) > pages else urls


def fetch(port: int, path: str) -> tuple[int, bytes]:
    # The same Host header for both servers: the JSON API still builds its links from it.
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": "127.0.0.1"})
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source-db", help="an ingested archive to export (read only)")
    ap.add_argument("--generate", type=int, help="generate and ingest this many meetings first")
    ap.add_argument("--corpus", help="where the generated transcripts are kept (reused when present)")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--out", help="the dump folder (replaced)")
    ap.add_argument("--pages", type=int, default=300, help="URLs compared between the two archives")
    ap.add_argument("--keep", action="store_true", help="keep the scratch databases")
    args = ap.parse_args()
    base = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/archive")).path.lstrip(
        "/"
    )
    base = base or "archive"
    scratch: list[str] = []
    figures: list[str] = []

    if args.source_db:
        source = args.source_db
    elif args.generate:
        source = f"{base}_dumpsrc"
        corpus = Path(args.corpus or f"/tmp/gen{args.generate}")
        if not corpus.is_dir():
            subprocess.run(
                [PY, str(ROOT / "manage.py"), "generate_corpus", str(corpus), "--meetings", str(args.generate),
                 "--seed", str(args.seed)], check=True, cwd=ROOT,
            )  # fmt: skip
        recreate(source)
        scratch.append(source)
        env = scratch_env(source)
        subprocess.run([PY, str(ROOT / "manage.py"), "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        seconds, _cpu, _rss, _ = timed(env, "ingest_transcripts", "--no-progress", "-v0", str(corpus))
        figures.append(f"ingest of {args.generate:,} generated meetings: {seconds:.0f} s")
    else:
        raise SystemExit("give --source-db NAME or --generate N")

    src_env = scratch_env(source)
    out = Path(args.out or f"/tmp/{base}-dump")
    shutil.rmtree(out, ignore_errors=True)
    seconds, cpu, rss, report = timed(src_env, "export_archive", str(out))
    manifest = json.loads((out / "manifest.json").read_text())
    total = sum(f["bytes"] for f in manifest["files"])
    figures.append(
        f"export_archive: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS {rss:.0f} MB; dump {total / 1e6:.1f} MB"
    )
    for f in manifest["files"]:
        rows = f"{f['rows']:>10,} records" if f["rows"] is not None else " " * 18
        figures.append(f"    {f['name']:<24} {f['bytes'] / 1e6:9.1f} MB {rows}")
    figures.append("    counts: " + ", ".join(f"{n:,} {what}" for what, n in manifest["counts"].items()))
    figures.append(f"source database: {db_size(source) / 1e6:.0f} MB")

    target = f"{base}_dumpload"
    recreate(target)
    scratch.append(target)
    dst_env = scratch_env(target)
    subprocess.run([PY, str(ROOT / "manage.py"), "migrate", "-v0"], env=dst_env, check=True, cwd=ROOT)
    seconds, cpu, rss, report = timed(dst_env, "import_archive", str(out))
    figures.append(
        f"import_archive: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS {rss:.0f} MB; loaded database {db_size(target) / 1e6:.0f} MB"
    )
    figures += [f"    {line}" for line in report.splitlines() if line.strip()]

    urls = sample_urls(out, args.pages)
    servers = [
        serve({**src_env, "CACHE_URL": "dummy://"}, 8791, 2),
        serve({**dst_env, "CACHE_URL": "dummy://"}, 8792, 2),
    ]
    try:
        differ = []
        statuses: dict[int, int] = {}
        for path in urls:
            a, b = fetch(8791, path), fetch(8792, path)
            statuses[a[0]] = statuses.get(a[0], 0) + 1
            if a != b:
                differ.append(path)
        figures.append(
            f"pages compared: {len(urls)} ({', '.join(f'{n} × {s}' for s, n in sorted(statuses.items()))}), "
            f"{len(differ)} differ" + (f": {differ[:5]}" if differ else "")
        )
    finally:
        for s in servers:
            s.terminate()
            s.wait()
    if not args.keep:
        for db in scratch:
            if db != source or not args.source_db:
                admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')

    command = "    .venv/bin/python bench/dumps.py " + " ".join(sys.argv[1:])
    load = os.getloadavg()[0]
    print("\n".join(["", "Command:", command, "", *figures, f"(load average at the end: {load:.1f})"]))


if __name__ == "__main__":
    main()
