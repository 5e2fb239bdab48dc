"""The benchmarks build what they run on correctly: wrk commands, generated rows."""

from __future__ import annotations

import importlib.util

from tests.helpers import ROOT

BENCH = ROOT / "bench" / "pages.py"


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
        assert (
            conns == connections and 1 <= threads <= connections
        )  # wrk refuses fewer connections than threads


def test_the_search_bench_fills_every_required_column():
    """bench/search.py COPYs generated rows straight into the tables: a NOT NULL column it leaves
    out (the stored counts once were) makes the whole benchmark fail."""
    import random

    from meetings.models import Meeting, Participant, Turn

    spec = importlib.util.spec_from_file_location("bench_search", BENCH.parent / "search.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    meetings, people, rows, _ = bench.generate(200, random.Random(1))
    for model, name, lines in (
        (Meeting, "meeting", meetings),
        (Participant, "participant", people),
        (Turn, "turn", rows),
    ):
        required = {f.column for f in model._meta.concrete_fields if not f.null and f.column != "id"}
        assert required <= set(bench.COLUMNS[name]), name
        assert {len(line.rstrip("\n").split("\t")) for line in lines} == {len(bench.COLUMNS[name])}, name


def test_the_ceiling_bench_counts_only_topics_judged_subjects_above_a_miss():
    spec = importlib.util.spec_from_file_location("bench_ceiling", BENCH.parent / "topics_ceiling.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    verdicts = {"quay": "subject", "benefit": "generic", "crane": "passing", "harbour": "subject"}
    # Two of the four above are subjects, and one more has no verdict (counted as a subject).
    assert bench.place_without_non_subjects(["quay", "benefit", "crane", "harbour", "pier"], verdicts) == (
        4,
        1,
    )
    assert bench.place_without_non_subjects([], verdicts) == (1, 0)
    assert bench.ordinal(1) == "1st" and bench.ordinal(12) == "12th" and bench.ordinal(23) == "23rd"


def test_the_topics_bench_folds_the_plural_of_a_hyphenated_word_as_a_whole():
    """ "start-ups" is the plural of "start-up": the last part alone ("ups") is too short to fold,
    the word as a whole is not."""
    spec = importlib.util.spec_from_file_location("bench_quality", BENCH.parent / "topics_quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.subject_matches("start-ups", ["start-up"], strict=True)
    assert bench.subject_matches("quay lay-bys", ["lay-by"])
    assert bench.words("gas lay-bys") == ("gas", "lay", "by")
    assert not bench.subject_matches("set-ups", ["set"], strict=True)
