"""How far a better filter could take recall@10 of the labelled subjects: where each missed subject
stands in its person's ranked list, and where it would stand if every topic above it that a reader
would not call a subject were gone.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/devarchive2 .venv/bin/python bench/topics_ceiling.py \
        [--labels tests/data/topics/dev_people_subjects.json] \
        [--verdicts tests/data/topics/dev_above_misses_verdicts.json] [--depth 30]

The database must hold the archive the labels were written for (the dev archive: all of
../shared). The archive's turns are scored again here as `rebuild_topics` scores them, with each
person's list `--depth` long (its first ten are the profile's). A subject is found at the first
place whose topic's label, key or other forms match it, as `bench/topics_quality.py` matches them.

For a subject missed (found at places 11 to depth), the verdicts file says what a reader called
each topic above it (subject, generic, passing, fragment, duplicate, wrong sense). Its place once
every topic judged other than "subject" is gone is 1 + the topics above it judged subjects; a
topic above it with no verdict counts as a subject (the figure is then an upper bound on what
filtering can do: `unjudged` says how many). The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import topics_quality as tq  # sets up Django on DATABASE_URL

from meetings.core.topics.scoring import TOPICS_PER_PERSON
from meetings.derived import topic_index
from meetings.models import Participant, Topic

ROOT = tq.ROOT


def ordinal(n: int) -> str:
    tail = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{tail}"


def place_without_non_subjects(above: list[str], verdicts: dict[str, str]) -> tuple[int, int]:
    """(the place a topic would have if every topic `above` it judged other than "subject" were
    gone, how many of those above it have no verdict: counted as subjects)."""
    subjects_above = sum(1 for key in above if verdicts.get(key, "subject") == "subject")
    return 1 + subjects_above, sum(1 for key in above if key not in verdicts)


def ranked_lists(depth: int):
    """Every person's list, `depth` long, scored as the rebuild scores them; and each key's forms."""
    turns, _ = topic_index.load_turns()
    scored = topic_index.score_archive(turns, per_person=depth)
    return scored.person_topics, scored.forms


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--labels", type=Path, default=ROOT / "tests/data/topics/dev_people_subjects.json")
    ap.add_argument(
        "--verdicts", type=Path, default=ROOT / "tests/data/topics/dev_above_misses_verdicts.json"
    )
    ap.add_argument("--depth", type=int, default=30)
    args = ap.parse_args()

    people = json.loads(args.labels.read_text(encoding="utf-8"))["people"]
    judged = {
        p["slug"]: p["verdicts"] for p in json.loads(args.verdicts.read_text(encoding="utf-8"))["people"]
    }
    ids = dict(Participant.objects.filter(slug__in=[p["slug"] for p in people]).values_list("slug", "id"))
    lists, forms = ranked_lists(args.depth)
    labels = dict(Topic.objects.values_list("key", "label"))

    found = ceiling = total = unjudged = beyond = 0
    print(f"== where the missed subjects stand (depth {args.depth})")
    for person in people:
        plist = [p for p, _, _ in lists.get(ids.get(person["slug"]), [])]
        verdicts = judged.get(person["slug"], {})
        for subject in person["subjects"]:
            total += 1
            place = next(
                (
                    i
                    for i, key in enumerate(plist, start=1)
                    if tq.subject_matches(subject, [labels.get(key, key), key, *forms.get(key, ())])
                ),
                None,
            )
            if place is not None and place <= TOPICS_PER_PERSON:
                found += 1
                ceiling += 1
                continue
            if place is None:
                beyond += 1
                print(f"{person['name']}: {subject!r} not in the first {args.depth}")
                continue
            at, not_judged = place_without_non_subjects(plist[: place - 1], verdicts)
            unjudged += not_judged
            ceiling += at <= TOPICS_PER_PERSON
            gone = place - at
            print(
                f"{person['name']}: {subject!r} {ordinal(place)} as {labels.get(plist[place - 1], plist[place - 1])!r};"
                f" {gone} above it not subjects -> {ordinal(at)}"
                + (f" ({not_judged} above it not judged)" if not_judged else "")
            )
    cmd = f"DATABASE_URL={tq.os.environ['DATABASE_URL']} .venv/bin/python bench/topics_ceiling.py"
    if args.depth != 30:
        cmd += f" --depth {args.depth}"
    print(
        f"\nrecall@10 now: {found}/{total}; with every judged non-subject above a miss gone: {ceiling}/{total}"
    )
    print(f"command: {cmd}")
    print(
        json.dumps(
            {
                "recall_at_10": round(found / total, 4),
                "subjects_found": found,
                "ceiling_found": ceiling,
                "ceiling_recall_at_10": round(ceiling / total, 4),
                "subjects": total,
                "beyond_depth": beyond,
                "not_judged_above": unjudged,
            }
        )
    )


if __name__ == "__main__":
    main()
