"""Compare topic methods on the labelled seed set: recall of the issues each person raised
among their top ten topics.

    .venv/bin/pip install yake          # only for this comparison; not a runtime dependency
    .venv/bin/python bench/topics_compare.py [../shared/seeds]

Methods: the archive's own (noun-phrase candidates, TF-IDF per remark, ratio against the rest of
the archive), YAKE (per person, over everything they said), and raw frequency of the same
candidates (the baseline that distinctiveness must beat).
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.core.parser import parse_transcript  # noqa: E402
from meetings.core.topics.evaluate import load_labels, own_method, recall  # noqa: E402
from meetings.core.topics.extract import meeting_exclusions, transcript_phrases  # noqa: E402


def person_texts(paths):
    """Person -> [(turn, its phrase counts)], each meeting's remarks read together as ingest reads
    them (extract.transcript_phrases)."""
    texts = defaultdict(list)
    for path in paths:
        t = parse_transcript(path.read_bytes())
        for turn, (phrases, _, _) in zip(
            t.turns, transcript_phrases(t.turns, meeting_exclusions(t.names)), strict=True
        ):
            if turn.name:
                texts[turn.name].append((turn, phrases))
    return texts


def frequency_method(paths):
    out = {}
    for person, items in person_texts(paths).items():
        c = Counter()
        for _, phrases in items:
            c.update(phrases)
        out[person] = [p for p, _ in c.most_common(10)]
    return out


def yake_method(paths):
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=10, dedupLim=0.7)
    out = {}
    for person, items in person_texts(paths).items():
        text = "\n\n".join(turn.text.replace("\u00a0", " ") for turn, _ in items)
        out[person] = [k.lower() for k, _ in extractor.extract_keywords(text)]
    return out


def main():
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        sys.exit(f"no seed transcripts in {seeds}")
    labels = load_labels(ROOT / "tests" / "data" / "seed_topic_labels.json")
    methods = {"own (archive)": own_method, "raw frequency": frequency_method}
    try:
        import yake  # noqa: F401

        methods["YAKE"] = yake_method
    except ImportError:
        print("(YAKE not installed: pip install yake to include it)")
    print(f"{'method':<16} {'recall@10':>9} {'seconds':>8}")
    for name, method in methods.items():
        started = time.perf_counter()
        top = method(paths)
        seconds = time.perf_counter() - started
        r, _ = recall(top, labels)
        print(f"{name:<16} {r:>9.3f} {seconds:>8.2f}")
    print(f"\ncommand: .venv/bin/python bench/topics_compare.py {seeds}")


if __name__ == "__main__":
    main()
