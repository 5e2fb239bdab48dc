"""The parser reads a real page the same however its labels shorten a name after the first (skipped
when ../shared is absent): a repost or an older page may write "Orlin:", "Mr Orlin:", "P. Orlin:",
"ORLIN:", "Orlin (retranslated):", "Mayor of <Town> P. Orlin:", "Pavel Orlin, Mayor of <Town>:"
where the site writes "Pavel Orlin:". Every page of the dump and
the corpus with two speakers or more is read again with each label after a person's first written
in one of these forms, and every turn must go to the same person (kind and name).

Pages where two speakers share a surname are left out: there a surname alone names no one.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from meetings.core.parser import TranscriptError, parse_transcript
from meetings.core.parser.names import JOINED_PARTICLE, bare_surname, surname_key
from meetings.core.parser.vocabulary import PARTICLES
from tests.helpers import shared_dir


def _surname(name: str) -> str:
    return name.split()[-1]


def _with_particles(name: str) -> str:
    """The surname and the particles written apart before it ("van der <Name>")."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    surname = " ".join(words[start:])
    return surname[:1].upper() + surname[1:]  # opening the label: "Van der <Name>:"


# Each form writes a label from the person's name and the title their first label writes before
# it (or None).
FORMS = {
    "a surname alone": lambda name, role: _surname(name),
    "a surname without its particle": lambda name, role: re.sub(rf"^{JOINED_PARTICLE}", "", _surname(name)),
    "a surname with its particles": lambda name, role: _with_particles(name),
    "a surname in capitals": lambda name, role: _surname(name).upper(),
    "a full name in capitals": lambda name, role: name.upper(),
    "a form of address": lambda name, role: f"Mr {_surname(name)}",
    "an initial": lambda name, role: f"{name[0]}. {_surname(name)}",
    "a surname with the label's note": lambda name, role: f"{_surname(name)} (retranslated)",
    "the title and an initial": lambda name, role: f"{role} {name[0]}. {_surname(name)}" if role else name,
    "the name and its title after a comma": lambda name, role: f"{name}, {role}" if role else name,
    "the name and its title in brackets": lambda name, role: f"{name} ({role})" if role else name,
}
_PREFIX = re.compile(r"^([^:\n]{1,200}):\s")


def _rewritten(text: str, turns, form) -> str:
    """The page with every label after a person's first written in this form."""
    people = {t.name for t in turns if t.name}
    shared = Counter(bare_surname(surname_key(name)) for name in people)
    whose = {}
    for t in turns:
        if t.name and t.label and len(t.name.split()) >= 2 and shared[bare_surname(surname_key(t.name))] == 1:
            whose.setdefault(t.label, (t.name, t.role))
    seen: set[str] = set()
    first_role: dict[str, str | None] = {}
    out = []
    for paragraph in text.split("\n\n"):
        m = _PREFIX.match(paragraph)
        if m and m.group(1) in whose:
            name, _ = whose[m.group(1)]
            if name in seen:
                paragraph = form(name, first_role[name]) + paragraph[m.end(1) :]
            seen.add(name)
            role = whose[m.group(1)][1]  # the title the first label writes before the name
            first_role.setdefault(name, role if role and m.group(1) == f"{role} {name}" else None)
        out.append(paragraph)
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, str, list]]:
    """(file name, text, turns) of every page with two speakers or more."""
    out = []
    for folder in (("dump", "kremlin-en"), ("corpus", "kremlin-en")):
        for path in sorted(shared_dir(*folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            try:
                turns = parse_transcript(text).turns
            except TranscriptError:
                continue
            if len({t.name for t in turns if t.name}) >= 2:
                out.append((path.name, text, turns))
    return out


@pytest.mark.parametrize("form", list(FORMS))
def test_a_real_page_reads_the_same_with_shortened_labels(pages, form):
    assert len(pages) > 300
    differ = []
    rewritten_pages = 0
    for name, text, turns in pages:
        rewritten = _rewritten(text, turns, FORMS[form])
        rewritten_pages += rewritten != text
        try:
            got = parse_transcript(rewritten).turns
        except TranscriptError as exc:
            differ.append(f"{name}: {exc}")
            continue
        expected = [(t.kind, t.name) for t in turns]
        read = [(t.kind, t.name) for t in got]
        if read != expected:
            differ.append(
                f"{name}: {len(expected)} turns, {sum(a != b for a, b in zip(expected, read))} otherwise"
            )
    # Most pages label someone twice or more; fewer give them a title in their first label.
    assert rewritten_pages > (80 if "title" in form else 200)
    assert differ == [], f"{form}: " + "; ".join(differ)
