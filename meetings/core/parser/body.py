"""The body of a transcript: its paragraphs grouped into turns, each under its label or summary."""

from __future__ import annotations

import re

from . import chrome
from .labels import parse_label
from .page import NOTE_OPENING, Page
from .structure import SPEECH, SUMMARY, ParsedTurn

_UNTRANSCRIBED = re.compile(
    r"^\(?\s*(?:an?\s+)?(?:(?:inaudible|unintelligible|indistinct|off-mic(?:rophone)?)\s+)?"
    r"(?P<head>remark|question|reply|comment|response|exclamation|voice|answer|laughter in the audience)s?"
    r"(?:\s+(?:in|from|off|by)\s+[^.()]{1,40})?\s*\.?\s*\)?$",
    re.IGNORECASE,
)
_INAUDIBLE_FIRST = re.compile(r"^\(?\s*(?:inaudible|unintelligible|indistinct)\b", re.IGNORECASE)
# Text after a generic label that opens in lower case or with a quotation is the speaker's own
# rhetoric ("Question: at what expense?", "Question: “How much?” Reply: “A lot.”"), not a turn.
_RHETORICAL = re.compile(r"^(?:[a-z]|[“\"«„])")
_QUOTE_MARKS = re.compile(r"[\"“”«»„‟'’‘]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A paragraph wholly in quotation marks, of any kind and either way round ("…", “…”, ”…“, «…»).
_QUOTED_WHOLE = re.compile(r"^[\"“”«»„][^\"“”«»„]+[\"“”«»„]$")


def join_split_labels(page: Page, paras: list[str]) -> list[str]:
    """A label on its own line with its note opening the next ("Name" then "(retranslated):
    text") is one labelled paragraph."""
    out: list[str] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        if i + 1 < len(paras) and NOTE_OPENING.match(page.clean(paras[i + 1])):
            cp = page.clean(p)
            label = (
                parse_label(cp, page.attested, page.ordinary) if len(cp) <= 150 and ":" not in cp else None
            )
            if label is not None and (label.name or label.generic):
                out.append(p.strip() + " " + paras[i + 1].strip())
                i += 2
                continue
        out.append(p)
        i += 1
    return out


def pull_quotes(page: Page, paras: list[str]) -> set[int]:
    """Indexes of paragraphs that repeat a sentence of a nearby paragraph (page furniture)."""

    def norm(s: str) -> str:
        s = page.clean(s).casefold()
        return _QUOTE_MARKS.sub("", s)

    labels = [page.label_of(p) for p in paras]
    normed = [norm(lab[1] if lab else p) for p, lab in zip(paras, labels)]
    lengths = [len(n) for n in normed]
    # All texts in one string, to look for a sentence in a range of paragraphs at once.
    everything = "\x00".join(normed)
    starts, pos = [], 0
    for n in lengths:
        starts.append(pos)
        pos += n + 1
    found = set()
    split = _SENTENCE_END.split
    theirs_of: dict[int, list[str]] = {}
    for i in range(len(paras)):
        if labels[i]:
            continue
        core = normed[i].strip(" .")
        if len(core.split()) < 10:
            continue
        sentences = [s for s in (s.strip(" .!?") for s in split(core)) if s]
        first = sentences[0] if sentences else ""
        if _QUOTED_WHOLE.match(page.clean(paras[i])):
            # Wholly in quotation marks: a caption, wherever its text stands on the page, and
            # however little longer that text is (a word or two dropped from it).
            shorter, lo, hi = len(core) - 1, 0, len(paras)
        else:
            shorter = len(core) + 20
            lo, hi = max(0, i - 15), min(len(paras), i + 16)
        if (
            first
            and (i == lo or everything.find(first, starts[lo], starts[i] - 1) < 0)
            and (i + 1 == hi or everything.find(first, starts[i + 1], starts[hi - 1] + lengths[hi - 1]) < 0)
        ):
            continue  # the first sentence is in no other paragraph nearby (the loop's first test)
        for j in range(lo, hi):
            # A pull-quote repeats sentences (or their beginnings) of a longer paragraph.
            if j == i or lengths[j] <= shorter:
                continue
            # Each sentence of theirs is part of their text: a sentence not in their text
            # is in none of their sentences.
            other = normed[j]
            if first not in other or not all(s in other for s in sentences):
                continue
            theirs = theirs_of.get(j)
            if theirs is None:
                theirs = theirs_of[j] = [s.strip(" .!?") for s in split(other)]
            if all(any(s in t for t in theirs) for s in sentences):
                found.add(i)
                break
    return found


def parse_body(page: Page, paras: list[str]) -> list[ParsedTurn]:
    turns: list[ParsedTurn] = []
    pending: list[str] = []  # stage directions and omissions before the first turn
    current: ParsedTurn | None = None
    quotes = pull_quotes(page, paras)
    if quotes:
        page.warnings.append(f"{len(quotes)} pull-quote(s) that repeat the text were left out")

    def start(turn: ParsedTurn) -> ParsedTurn:
        nonlocal pending
        if pending:
            turn.paragraphs[:0] = pending
            pending = []
        turns.append(turn)
        return turn

    for i, p in enumerate(paras):
        cp = page.clean(p)
        if i in quotes or chrome.SEPARATOR.match(cp):
            continue
        lab = page.label_of(p)
        if lab and lab[0].generic and _RHETORICAL.match(lab[1]):
            lab = None  # "Question: at what cost?" inside a speech: the speaker asks it
        if lab:
            label, text = lab
            turn = ParsedTurn(kind=SPEECH, label=label.text, role=label.role)
            if label.generic:
                turn.generic = label.generic
                turn.resolution = "generic"
            elif label.name is None:
                # "The President:": the person holding that title here, if there is one.
                turn.resolution, turn.role = "role", None
                turn.ref_role = label.role  # type: ignore[attr-defined]
            else:
                turn.name = turn.written_name = label.name
            if text:
                turn.paragraphs.append(text)
            current = start(turn)
            continue
        summary = page.summary_of(p)
        if summary:
            ref, inner = summary
            turn = ParsedTurn(kind=SUMMARY, label=ref.words, paragraphs=[inner])
            if ref.kind == "name":
                turn.name = turn.written_name = ref.name
                turn.role = ref.role
            elif ref.kind == "group":
                turn.resolution = "group"
            else:
                turn.resolution = ref.kind
                turn.written_name = ref.name if ref.kind == "surname" else None
                # "(The Minister went on …)": the title is kept in the label, not as a role.
                turn.role = None
                turn.ref_role = ref.role if ref.kind == "role" else None  # type: ignore[attr-defined]
            current = start(turn)
            continue
        m = _UNTRANSCRIBED.match(cp)
        if m and len(cp) <= 80:
            head = "Remark" if _INAUDIBLE_FIRST.match(cp) else m.group("head").split(" ")[0].capitalize()
            turn = ParsedTurn(
                kind=SPEECH, label=head, generic=head, paragraphs=[p.strip()], resolution="generic"
            )
            current = start(turn)
            continue
        if current is None:
            pending.append(p)
            continue
        if current.kind == SUMMARY:
            # Unlabelled text right after a summary: that same person speaking again.
            turn = ParsedTurn(
                kind=SPEECH,
                label=None,
                paragraphs=[p],
                resolution="continuation" if current.resolution != "group" else "none",
            )
            turn.summary_of = current  # type: ignore[attr-defined]
            current = start(turn)
            continue
        current.paragraphs.append(p)
    if pending:
        if turns:
            turns[-1].paragraphs.extend(pending)
        else:
            turns.append(ParsedTurn(kind=SPEECH, label=None, paragraphs=pending, resolution="none"))
    return turns


# --- who is who within this meeting ---------------------------------------------------------
