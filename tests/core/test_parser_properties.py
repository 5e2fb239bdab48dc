"""Property-based tests of the parser: nothing lost, nothing invented, no unexpected exception."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.core.parser import SUMMARY, TranscriptError, parse_transcript
from tests.helpers import SAMPLE_DATA

WORDS = [
    "harbour",
    "ferry",
    "budget",
    "water",
    "school",
    "library",
    "tram",
    "winter",
    "repairs",
    "council",
    "housing",
    "meals",
    "district",
    "pipes",
    "funding",
    "timetable",
    "plan",
    "report",
    "river",
    "bridge",
]
PEOPLE = [
    ("Mayor of Larkspur", "Helena Marsh"),
    ("Port Director", "Tomas Reyes"),
    (None, "Ada Lindqvist"),
    ("chairman of the Riverside Association", "Oleg Nystrom"),
    (None, "Priya Natarajan"),
]

_serial = iter(range(10**9))
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
# Every paragraph is distinct (a numbered point), as paragraphs of a real remark are: a paragraph
# that repeats the beginning of another is what a pull-quote looks like.
paragraph = st.lists(sentence, min_size=1, max_size=4).map(
    lambda ss: f"Point {next(_serial)}: " + " ".join(ss)
)
block = st.one_of(
    st.tuples(st.just("speech"), st.sampled_from(PEOPLE), st.lists(paragraph, min_size=1, max_size=3)),
    st.tuples(st.just("summary"), st.sampled_from(PEOPLE), paragraph),
    st.tuples(st.just("generic"), st.sampled_from(["Question", "Remark", "Reply"]), paragraph),
)


def render(blocks, separator="\n\n"):
    lines = ["Meeting of the Harbour Board", "October 3, 2022, Larkspur", "The Board met."]
    expected = []
    introduced = set()
    for kind, who, body in blocks:
        if kind == "speech":
            title, name = who
            label = f"{title} {name}" if title and name not in introduced else name
            introduced.add(name)
            lines.append(f"{label}: {body[0]}")
            lines.extend(body[1:])
            expected.append((name, "speech", body))
        elif kind == "summary":
            _, name = who
            inner = f"Council member {name} spoke about {body.lower()}"
            lines.append(f"({inner})")
            expected.append((name, "summary", [inner]))
        else:
            lines.append(f"{who}: {body}")
            expected.append((None, "speech", [body]))
    return separator.join(lines) + "\n", expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(block, min_size=1, max_size=12), st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
def test_every_paragraph_ends_up_in_exactly_one_turn_in_order(blocks, separator):
    text, expected = render(blocks, separator)
    t = parse_transcript(text.encode())
    got_paragraphs = [p for turn in t.turns for p in turn.paragraphs]
    want_paragraphs = [p for _, _, paras in expected for p in paras]
    assert got_paragraphs == want_paragraphs
    # Each labelled block is its own turn, with the right person and kind (unlabelled text after a
    # summary is folded into the summary's person, as the convention says).
    assert [(turn.name, turn.kind) for turn in t.turns] == [(name, kind) for name, kind, _ in expected]
    assert all(turn.kind != SUMMARY or turn.name for turn in t.turns)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_parse_or_raise_the_documented_error(data):
    try:
        parse_transcript(data)
    except TranscriptError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_parses_or_raises_the_documented_error(text):
    try:
        parse_transcript(text)
    except TranscriptError:
        pass


def test_bounded_fuzz_of_real_layouts():
    """Mutate the bundled transcripts (delete, duplicate, swap, truncate lines and bytes) for a
    bounded number of rounds; the parser must never raise anything but TranscriptError."""
    rng = random.Random(20261125)
    sources = [p.read_bytes() for p in sorted(SAMPLE_DATA.glob("*.txt"))]
    for _ in range(400):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 6)):
            op = rng.randrange(5)
            i, j = sorted(rng.randrange(len(data) + 1) for _ in range(2))
            if op == 0:
                del data[i:j]
            elif op == 1:
                data[i:i] = data[i:j]
            elif op == 2 and data:
                data[i % len(data)] = rng.randrange(256)
            elif op == 3:
                data = data[:i]
            else:
                data[i:i] = rng.choice(
                    [b":", b"(", b")", b"\n\n", b"\xc2\xa0", b"* * *", b"Remark:", b"\x00"]
                )
        try:
            parse_transcript(bytes(data))
        except TranscriptError:
            pass
