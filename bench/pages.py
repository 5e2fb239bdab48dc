"""Page latency per page type, against the ceiling of the same stack serving a static file.

    apt-get install wrk
    .venv/bin/python bench/pages.py [--meetings 1000] [--seconds 10] [--connections 8] [--no-cache]

Builds `archive_bench_pages` from generated transcripts (or reuses it with --reuse), serves it
with gunicorn on 127.0.0.1 (4 workers), and drives each URL with wrk at the given concurrency:
the meeting list (first and a deep page), a meeting page, the busiest speaker's profile, a remark
permalink, a topic page (first and a deep page), a search, and deep pages of the JSON API (the
busiest speaker's remarks, all turns); then a static file of the meeting page's size served by
whitenoise through the same gunicorn (the ceiling of this stack). Reports p50/p95/p99 and
requests/s for each.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from common import PY, admin, manage, scratch_env, serve  # noqa: E402

DB = "archive_bench_pages"
PORT = 8766


def targets(env) -> dict[str, str]:
    code = (
        "import django;django.setup()\n"
        "from meetings.models import *\n"
        "n=Meeting.objects.count();deep=max(1,(n//30)*4//5)\n"
        "m=Meeting.objects.order_by('-turn_count').first()\n"
        "busiest=Participant.objects.order_by('-turn_count').first()\n"
        "t=Turn.objects.select_related('meeting').filter(meeting=m).order_by('position')[5]\n"
        "topic=Topic.objects.filter(is_featured=True).order_by('-remark_count').first()\n"
        "print('meeting list, page 1|/meetings/')\n"
        "print(f'meeting list, page {deep}|/meetings/?page={deep}')\n"
        "print(f'meeting page|{m.get_absolute_url()}')\n"
        "print(f'busiest speaker ({busiest.turn_count} turns)|{busiest.get_absolute_url()}')\n"
        "print(f'remark permalink|{t.get_absolute_url()}')\n"
        "print(f'topic page|{topic.get_absolute_url()}')\n"
        "print('search|/search/?q=water+supply')\n"
        "print(f'topic page, deep ({topic.remark_count} remarks)|{topic.get_absolute_url()}?page={max(1, topic.remark_count // 25 * 4 // 5)}')\n"
        "print(f'API: busiest speaker, deep page|/api/participants/{busiest.slug}/remarks/?page={max(1, busiest.turn_count // 50 * 4 // 5)}')\n"
        "print(f'API: all turns, deep page|/api/turns/?page={max(1, Turn.objects.count() // 50 * 4 // 5)}')\n"
    )
    out = subprocess.run(
        [PY, "-c", code], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return dict(line.split("|", 1) for line in out.strip().splitlines())


def wrk_args(url: str, seconds: int, connections: int) -> list[str]:
    """wrk with two threads, or one for a single connection (wrk wants a connection per thread)."""
    return [
        "wrk",
        "-t",
        str(min(2, connections)),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "-s",
        str(ROOT / "bench" / "percentiles.lua"),
        url,
    ]


def wrk(url: str, seconds: int, connections: int) -> dict:
    out = subprocess.run(
        wrk_args(url, seconds, connections), capture_output=True, text=True, timeout=seconds + 60
    ).stdout
    pct = dict(re.findall(r"p(\d+)=(\d+)", out.split("PERCENTILES", 1)[-1])) if "PERCENTILES" in out else {}

    def ms(label):
        return int(pct[label]) / 1000 if label in pct else float("nan")  # wrk reports µs

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "p50": ms("50"),
        "p90": ms("90"),
        "p95": ms("95"),
        "p99": ms("99"),
        "rps": float(rps.group(1)) if rps else 0.0,
        "errors": int(bad.group(1)) if bad else 0,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="reuse an existing archive_bench_pages database")
    ap.add_argument(
        "--corpus",
        help="ingest this directory of transcripts instead of generating them "
        "(e.g. one made by generate_corpus with --seed 21)",
    )
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    env = scratch_env(DB, args.no_cache)
    if not args.reuse:
        admin(f"DROP DATABASE IF EXISTS {DB}")
        admin(f"CREATE DATABASE {DB}")
        with tempfile.TemporaryDirectory() as tmp:
            manage(env, "migrate", "--noinput", "-v0")
            corpus = args.corpus or tmp
            if not args.corpus:
                manage(env, "generate_corpus", tmp, "--meetings", str(args.meetings), "--seed", "21")
            started = time.perf_counter()
            manage(env, "ingest_transcripts", "--no-progress", "-v0", corpus)
            files = sum(1 for _ in Path(corpus).rglob("*.txt"))
            seconds = time.perf_counter() - started
            print(
                f"{files} files ingested (parse, write, topics, aggregates) in {seconds:.0f} s, "
                f"{files / seconds:.1f} files/s"
            )
        started = time.perf_counter()
        manage(env, "optimize_archive")
        print(f"optimize_archive in {time.perf_counter() - started:.0f} s")
    manage(env, "collectstatic", "--noinput", "-v0")
    pages = targets(env)
    server = serve(env, PORT)
    static_dir = None
    try:
        size = len(urllib.request.urlopen(f"http://127.0.0.1:{PORT}{pages['meeting page']}").read())
        # The ceiling: whitenoise serving a file of the meeting page's size through the same gunicorn.
        static_dir = ROOT / "staticfiles" / "bench"
        static_dir.mkdir(parents=True, exist_ok=True)
        (static_dir / "page.html").write_bytes(b"x" * size)
        server.terminate()
        server.wait(timeout=30)
        server = serve(env, PORT)
        pages[f"static file, {size // 1024} KB (ceiling)"] = "/static/bench/page.html"
        print(f"\n{'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'errors':>7}")
        results = {}
        for name, path in pages.items():
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}").read()  # warm
            r = wrk(f"http://127.0.0.1:{PORT}{path}", args.seconds, args.connections)
            results[name] = r
            print(
                f"{name:<34.34} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} {r['rps']:8.0f} {r['errors']:7d}"
            )
        ceiling = results[f"static file, {size // 1024} KB (ceiling)"]["rps"]
        print(
            f"\nmeeting page at {100 * results['meeting page']['rps'] / ceiling:.0f}% of the static ceiling"
        )
        print(
            f"command: .venv/bin/python bench/pages.py --meetings {args.meetings} --seconds {args.seconds} "
            f"--connections {args.connections}{' --no-cache' if args.no_cache else ''}"
            f"{' --reuse' if args.reuse else ''}{f' --corpus {args.corpus}' if args.corpus else ''}"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if static_dir:
            shutil.rmtree(static_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
