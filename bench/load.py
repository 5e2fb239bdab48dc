"""A bounded load test: gunicorn on loopback, wrk at concurrency 32 for 60 s, every page type.

    apt-get install wrk
    .venv/bin/python bench/load.py [--meetings 300] [--seconds 60] [--connections 32]

It builds the scratch database `archive_bench_load` from generated transcripts, serves it with
gunicorn on 127.0.0.1 (4 workers, persistent database connections), drives it with wrk over a
mix of URLs (lists, deep pages, meetings, remarks, speakers, topics, searches), then reports
requests/s, latency percentiles, errors and the database connections in use. Traffic goes to
127.0.0.1 only and stops by itself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from common import PY, admin, manage, scratch_env, serve  # noqa: E402

DB = "archive_bench_load"
PORT = 8765
WORKERS = 4


def urls(env) -> list[str]:
    code = (
        "import django;django.setup()\n"
        "from meetings.models import *\n"
        "ms=list(Meeting.objects.order_by('-date')[:40]);ts=list(Turn.objects.select_related('meeting').order_by('?')[:60])\n"
        "ps=list(Participant.objects.order_by('?')[:30]);tp=list(Topic.objects.filter(is_featured=True)[:20])\n"
        "busiest=Participant.objects.order_by('-turns__id').first()\n"
        "out=['/','/meetings/?page=2','/meetings/?page=8','/speakers/','/topics/','/search/?q=water+supply',"
        "'/search/?q=%22school+meals%22','/search/?q=ferry+-tram','/speakers/helena-marsh/','/speakers/helena-marsh/?page=20']\n"
        "out+=[m.get_absolute_url() for m in ms]+[t.get_absolute_url() for t in ts]+[p.get_absolute_url() for p in ps]+[t.get_absolute_url() for t in tp]\n"
        "print('\\n'.join(out))\n"
    )
    return subprocess.run(
        [PY, "-c", code], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=300)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--no-cache", action="store_true", help="disable the page cache (measure the views)")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    env = scratch_env(DB, args.no_cache)
    admin(f"DROP DATABASE IF EXISTS {DB}")
    admin(f"CREATE DATABASE {DB}")
    server = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "generate_corpus", tmp, "--meetings", str(args.meetings), "--seed", "11")
            started = time.perf_counter()
            manage(env, "ingest_transcripts", "--no-progress", "-v0", tmp)
            print(
                f"archive: {args.meetings} generated meetings ingested in {time.perf_counter() - started:.0f} s"
            )
        manage(env, "optimize_archive")
        manage(env, "collectstatic", "--noinput", "-v0")
        paths = urls(env)
        server = serve(env, PORT, WORKERS)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(
                "paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
                "counter = 0\n"
                "request = function()\n  counter = counter + 1\n"
                "  return wrk.format('GET', paths[(counter % #paths) + 1])\nend\n"
            )
        out = subprocess.run(
            [
                "wrk",
                "-t",
                "2",
                "-c",
                str(args.connections),
                "-d",
                f"{args.seconds}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                lua.name,
                f"http://127.0.0.1:{PORT}",
            ],
            capture_output=True,
            text=True,
            timeout=args.seconds + 60,
        ).stdout
        os.unlink(lua.name)
        connections = admin(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DB}'")[0][0]
        print(out)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        sock = re.search(r"Socket errors: (.*)", out)
        print(
            f"URLs in the mix: {len(paths)}; non-2xx responses: {non2xx.group(1) if non2xx else 0}; "
            f"socket errors: {sock.group(1) if sock else 'none'}; database connections open: {connections} "
            f"(gunicorn workers: {WORKERS})"
        )
        print(
            f"command: .venv/bin/python bench/load.py --meetings {args.meetings} --seconds {args.seconds} "
            f"--connections {args.connections}"
        )
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        time.sleep(1)
        admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DB}'")
        admin(f"DROP DATABASE IF EXISTS {DB}")


if __name__ == "__main__":
    main()
