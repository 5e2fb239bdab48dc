"""The corpus generator: deterministic, in layouts the parser reads, realistic sizes."""

from __future__ import annotations

import statistics

from django.core.management import call_command

from meetings.core.generator import generate
from meetings.core.parser import parse_transcript


def test_same_seed_same_files_and_every_file_parses(tmp_path):
    a = generate(tmp_path / "a", 60, seed=5)
    b = generate(tmp_path / "b", 60, seed=5)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    turns = [len(parse_transcript(p.read_bytes()).turns) for p in a]
    sizes = [p.stat().st_size for p in a]
    assert 25 <= statistics.mean(turns) <= 60
    assert 12_000 <= statistics.mean(sizes) <= 40_000
    chairs = sum(1 for p in a if "Helena Marsh" in p.read_text(encoding="utf-8"))
    assert chairs >= 40  # one chair in most meetings


def test_command(tmp_path):
    import io

    out = io.StringIO()
    call_command("generate_corpus", str(tmp_path), "--meetings", "3", "--seed", "2", stdout=out)
    assert "3 transcripts" in out.getvalue() and len(list(tmp_path.glob("*.txt"))) == 3
