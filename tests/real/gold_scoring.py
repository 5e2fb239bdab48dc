"""Score the transcript parser against the hand-made attribution gold set.

Pure Python (no Django). The gold files live in tests/data/gold/attribution/*.json; each names a
page (``source``, relative to the shared data root) and lists its turns in order: speaker (or None
with a generic ``label``), kind ("speech"/"summary") and at most the first three words of the turn.

Alignment: gold turns and parsed turns are matched in order with difflib.SequenceMatcher over their
normalised first three words. A matched pair is correct when the kinds agree and the speakers agree
after normalisation (None == None). The total is the number of gold turns plus the parsed turns
left unmatched, so extra turns the parser invents cost as much as turns it misses.
"""

from __future__ import annotations

import difflib
import inspect
import json
import os
import re
import unicodedata
from pathlib import Path

from meetings.core.parser import TranscriptError, parse_transcript

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm_words(text: str, n: int = 3) -> str:
    """The first n words of a text, casefolded, NBSP as space, punctuation removed."""
    words = (text or "").replace("\u00a0", " ").casefold().split()[:n]
    words = (_PUNCT.sub("", w) for w in words)
    return " ".join(w for w in words if w)


def norm_speaker(name: str | None) -> str | None:
    if name is None:
        return None
    s = _strip_accents(name.replace("\u00a0", " ")).casefold()
    s = _SPACE.sub(" ", s).strip()
    return s or None


def load_gold(directory) -> list[dict]:
    """Every gold file in the directory (sorted by name), each dict with an added ``file`` key."""
    out = []
    for path in sorted(Path(directory).glob("*.json")):
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        gold.setdefault("file", path.name)
        out.append(gold)
    return out


def _turn_text(turn) -> str:
    paras = getattr(turn, "paragraphs", None) or []
    return "\n\n".join(paras)


def _describe(turn) -> str:
    if isinstance(turn, dict):
        who = turn.get("speaker")
        lab = turn.get("label")
        kind = turn.get("kind")
    else:
        who = getattr(turn, "name", None)
        lab = getattr(turn, "generic", None)
        kind = getattr(turn, "kind", None)
    if who is None:
        who = f"<{lab or 'none'}>"
    return f"{who} [{kind}]"


def score_page(gold: dict, parsed_turns) -> tuple[int, int, list[str]]:
    """(correct, total, mismatch descriptions) for one page.

    Descriptions hold turn indices, speakers and kinds only – never page text.
    """
    parsed_turns = list(parsed_turns or [])
    gold_turns = gold.get("turns", [])
    g_keys = [norm_words(t.get("first_words", "")) for t in gold_turns]
    p_keys = [norm_words(_turn_text(t)) for t in parsed_turns]
    sm = difflib.SequenceMatcher(a=g_keys, b=p_keys, autojunk=False)
    matched_g: dict[int, int] = {}
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            matched_g[block.a + k] = block.b + k
    matched_p = set(matched_g.values())
    correct = 0
    problems: list[str] = []
    for gi, gt in enumerate(gold_turns):
        pi = matched_g.get(gi)
        if pi is None:
            problems.append(f"gold turn {gi}: missing in parse (expected {_describe(gt)})")
            continue
        pt = parsed_turns[pi]
        same_kind = (gt.get("kind") or "speech") == getattr(pt, "kind", None)
        same_who = norm_speaker(gt.get("speaker")) == norm_speaker(getattr(pt, "name", None))
        if same_kind and same_who:
            correct += 1
        else:
            problems.append(
                f"gold turn {gi} / parsed turn {pi}: expected {_describe(gt)}, got {_describe(pt)}"
            )
    extra = [pi for pi in range(len(parsed_turns)) if pi not in matched_p]
    for pi in extra:
        problems.append(f"parsed turn {pi}: not in gold (got {_describe(parsed_turns[pi])})")
    total = len(gold_turns) + len(extra)
    return correct, total, problems


def _call_parser(text: str, source: str):
    try:
        params = inspect.signature(parse_transcript).parameters
    except (TypeError, ValueError):  # pragma: no cover
        params = {}
    if "source" in params:
        return parse_transcript(text, source=source)
    return parse_transcript(text)


def parse_turns(path) -> tuple[list, str | None]:
    """Parsed turns of one file; a TranscriptError gives no turns and its message."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data  # let the parser decode bytes itself
    try:
        transcript = _call_parser(text, source=str(path))
    except TranscriptError as exc:
        return [], str(exc)
    return list(transcript.turns), None


def score_all(directory, shared_root) -> tuple[int, int, list[dict]]:
    """Score every gold file in directory; sources are resolved against shared_root."""
    correct_sum = total_sum = 0
    details = []
    for gold in load_gold(directory):
        path = os.path.join(shared_root, gold["source"])
        turns, error = parse_turns(path)
        correct, total, problems = score_page(gold, turns)
        correct_sum += correct
        total_sum += total
        details.append(
            {
                "file": gold["file"],
                "kind": gold.get("kind"),
                "gold_turns": len(gold.get("turns", [])),
                "parsed_turns": len(turns),
                "error": error,
                "correct": correct,
                "total": total,
                "mismatches": problems,
            }
        )
    return correct_sum, total_sum, details


if __name__ == "__main__":  # pragma: no cover
    import sys

    repo = Path(__file__).resolve().parents[2]  # tests/real/gold_scoring.py
    gold_dir = sys.argv[1] if len(sys.argv) > 1 else repo / "tests" / "data" / "gold" / "attribution"
    root = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("SHARED_ROOT", repo.parent / "shared")
    c, t, det = score_all(gold_dir, root)
    for d in det:
        print(f"{d['file']}: {d['correct']}/{d['total']}" + (f" (error: {d['error']})" if d["error"] else ""))
        for m in d["mismatches"]:
            print("   ", m)
    print(f"TOTAL {c}/{t} = {c / t:.3f}" if t else "TOTAL 0/0")
