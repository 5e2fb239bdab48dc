"""bench/pages.py drives wrk: the command it builds must be one wrk accepts at any concurrency."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "pages.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_pages", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wrk_never_gets_more_threads_than_connections():
    bench = load_bench()
    for connections in (1, 2, 8, 32):
        args = bench.wrk_args("http://127.0.0.1:1/", 5, connections)
        threads, conns = int(args[args.index("-t") + 1]), int(args[args.index("-c") + 1])
        assert conns == connections and 1 <= threads <= connections  # wrk refuses fewer connections than threads
