"""The body of a transcript: its paragraphs grouped into turns, each under its label or summary."""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

from . import chrome
from .inline import in_square_brackets
from .labels import parse_label
from .page import NOTE_OPENING, Page
from .structure import SPEECH, SUMMARY, ParsedTurn
from .vocabulary import SENTENCE_STARTERS

_UNTRANSCRIBED = re.compile(
    r"^\(?\s*(?:an?\s+)?(?:(?:inaudible|unintelligible|indistinct|off-mic(?:rophone)?)\s+)?"
    r"(?P<head>remark|question|reply|comment|response|exclamation|voice|answer)s?"
    r"(?:\s+(?:in|from|off|by)\s+[^.()]{1,40})?\s*\.?\s*\)?$",
    re.IGNORECASE,
)
_INAUDIBLE_FIRST = re.compile(r"^\(?\s*(?:inaudible|unintelligible|indistinct)\b", re.IGNORECASE)
# Text after a generic label that opens in lower case or with a quotation is the speaker's own
# rhetoric ("Question: at what expense?", "Question: “How much?” Reply: “A lot.”"), not a turn.
_RHETORICAL = re.compile(r"^(?:[a-z]|[“\"«„])")
_QUOTE_MARKS = re.compile(r"[\"“”«»„‟'’‘]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Words shaped like a name before a colon ("<Surname> I.:", "<Given> <Surname>:"): two to five
# capitalised words or initials, or one with a note in brackets ("<Surname> (<Place>):"). A
# paragraph opening so that is read as no label is named in a warning, since its words may be
# someone else's.
_NAME_WORD = r"(?:[A-Z][a-z’'-]+|[A-Z]\.(?:[A-Z]\.)?)"
_NAME_BEFORE_COLON = re.compile(
    rf"^({_NAME_WORD}(?:(?: {_NAME_WORD}){{1,4}}(?: \([^()]{{1,60}}\))?| \([^()]{{1,60}}\))):\s"
)
# Words that open a heading or a sentence before a colon, never a name ("On <Hall>: …").
_NOT_A_NAME_OPENING = SENTENCE_STARTERS | {"about", "re", "but", "so", "then", "now", "see", "note"}
# A paragraph wholly in quotation marks, of any kind and either way round ("…", “…”, ”…“, «…»).
_QUOTED_WHOLE = re.compile(r"^[\"“”«»„][^\"“”«»„]+[\"“”«»„]$")


def join_split_labels(page: Page, paras: list[str]) -> list[str]:
    """A label on its own line with its note opening the next ("Name" or "Name:" then
    "(retranslated): text") is one labelled paragraph."""
    out: list[str] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        if i + 1 < len(paras) and NOTE_OPENING.match(page.clean(paras[i + 1])):
            cp = page.clean(p)
            bare = cp[:-1].rstrip() if cp.endswith(":") else cp  # "Name:" with nothing after it
            label = (
                parse_label(bare, page.attested, page.ordinary)
                if len(bare) <= 150 and ":" not in bare
                else None
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
    readable: list[int] = []  # unlabelled, of REPEATED_WORDS words or more
    quoted: set[int] = set()  # of those, the ones wholly in quotation marks
    # A label on a line of its own: the paragraph after it is the remark's own first words.
    after_bare_label = {i + 1 for i, lab in enumerate(labels) if lab is not None and not lab[1]}
    for i in range(len(paras)):
        if labels[i] or i in after_bare_label:
            continue
        core = normed[i].strip(" .")
        if len(core.split()) < REPEATED_WORDS:
            continue
        readable.append(i)
        sentences = [s for s in (s.strip(" .!?") for s in split(core)) if s]
        first = sentences[0] if sentences else ""
        if _QUOTED_WHOLE.match(page.clean(paras[i])):
            quoted.add(i)
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
    # An edited pull-quote ends a sentence as its source does: only a paragraph with a sentence
    # whose end ends a sentence of exactly one other paragraph is read further (most pages repeat
    # nothing, and what repeats all over a page is quoted from no one place).
    tails = [_sentence_ends(t) for t in normed]
    ends = Counter(chain.from_iterable(tails))
    said = sum(ends.values())
    if said >= QUOTE_PAGE_SENTENCES and sum(n for n in ends.values() if n > 1) > QUOTE_PAGE_REPEATS * said:
        return found  # a page that says most of its sentences more than once tells no quote apart
    maybe = {i for i in readable if i not in found and any(ends[t] == 2 for t in tails[i])}
    if not maybe:
        return found
    holders: dict[str, list[int]] = {}
    for i, mine in enumerate(tails):
        for t in mine:
            if ends[t] == 2:
                holders.setdefault(t, []).append(i)
    partners = {i: {j for t in tails[i] if ends[t] == 2 for j in holders[t] if j != i} for i in maybe}
    return found | _edited_quotes(normed, [bool(lab) for lab in labels], partners, quoted, found)


# An edited pull-quote: the page repeats sentences of the speech with words dropped ("However,",
# "Colleagues,", "once again"), two sentences joined, a word put in brackets, or a paragraph
# whole. A paragraph of at least QUOTE_WORDS words (QUOTED_WORDS wholly in quotation marks), one
# of whose sentences ends (its last QUOTE_END_CHARACTERS characters) as a sentence of exactly one
# other paragraph does, half of whose word triples stand in that paragraph or one beside it, and each
# of whose sentences shares QUOTE_SHARE of its word triples (pairs in a sentence of fewer than
# QUOTE_PAIRS_BELOW words) with a sentence at least as long, and its figures, of one other
# paragraph (a long sentence: of only one) or of two that follow each other, wherever on the page
# (a caption may stand in the next remark, or thirty paragraphs off), is one: if it is shorter
# than those paragraphs together, or the later of two copies (the only way a note or a summary in
# brackets is one: the page printed a passage twice). A speaker's own sentence said again with
# more words ("I would like once again to draw …") stays: the quote is the shorter. Read against
# every kept paragraph of the dev archive: lower shares took a speaker's report written in the
# words of another's (0.5 took three such, 0.6 and 0.7 none).
QUOTE_SHARE = 0.7
# A caption wholly in quotation marks may be this many words longer than the sentence it quotes:
# the page names what the speaker said "this" of ("this company": "the <Name> company").
QUOTED_NAMING = 5
QUOTE_WORDS = 15
QUOTED_WORDS = 10
# A paragraph of this many words or more whose sentences all stand, word for word, in a longer
# paragraph nearby is a pull-quote. Of ../shared's paragraphs of five to nine words, two stand so
# in another nearby: a pull-quote of nine words, and a speaker's own "Let us get to work." (five).
REPEATED_WORDS = 8
QUOTE_PAIRS_BELOW = 10
QUOTE_END_CHARACTERS = 16
# A page of QUOTE_PAGE_SENTENCES sentences or more most of which end as another does is
# formulaic (a generated text): its repeats tell no quote. Of the dev archive's pages the most
# repeating ends 22% of its sentences so; a generated page, 90% (the median).
QUOTE_PAGE_REPEATS = 0.5
QUOTE_PAGE_SENTENCES = 20
_END_MARKS = " .!?…\"'“”«»)"
_WORDS = re.compile(r"[^\W_]+")
_INSERTION = re.compile(r"\[[^\]]*\]")  # an editor's word added to a quote: "[environmental]"


def _without_insertions(text: str) -> str:
    """The text without an editor's words in square brackets; a paragraph wholly in them (a
    repost's summary, "[<Name> reported on …]") keeps its words."""
    squared = in_square_brackets(text)
    return squared if squared is not None else _INSERTION.sub(" ", text)


def _grams(words: list[str], n: int) -> set[tuple[str, ...]]:
    """The runs of `n` words of `words` (a shorter list: itself)."""
    return set(zip(*(words[k:] for k in range(n)))) or {tuple(words)}


def _sentence_ends(text: str) -> set[str]:
    """The last QUOTE_END_CHARACTERS characters of each sentence of `text` long enough to have
    them, end punctuation aside."""
    ends = set()
    for part in _SENTENCE_END.split(text):
        part = part.rstrip(_END_MARKS)
        if len(part) >= QUOTE_END_CHARACTERS:
            ends.add(part[-QUOTE_END_CHARACTERS:])
    return ends


def _edited_quotes(
    normed: list[str], labelled: list[bool], partners: dict[int, set[int]], quoted: set[int], found: set[int]
) -> set[int]:
    """Which of the paragraphs of `partners` (none labelled; `quoted`: those wholly in quotation
    marks) are edited pull-quotes (see QUOTE_SHARE)? `partners` holds, for each, the paragraphs
    that end a sentence as it does; `normed` each paragraph's text (a labelled one's after its
    label), casefolded; `found`, the pull-quotes found already. Paragraphs are read in page order;
    one left out is no source of another (two copies: the first stays)."""
    texts = [_without_insertions(t) if "[" in t else t for t in normed]
    read: dict[int, list[str]] = {}

    def words_of(i: int) -> list[str]:
        if i not in read:
            read[i] = _WORDS.findall(texts[i])
        return read[i]

    candidates = []
    for i in sorted(partners):
        if len(words_of(i)) < (QUOTED_WORDS if i in quoted else QUOTE_WORDS):
            continue
        # Read further only if half its word triples stand in a paragraph that ends a sentence
        # as it does, or in one beside that one (two sentences joined).
        near = {k for j in partners[i] for k in (j - 1, j, j + 1) if 0 <= k < len(texts) and k != i}
        mine = _grams(words_of(i), 3)
        theirs = set().union(*(_grams(words_of(k), 3) for k in near))
        if len(mine & theirs) >= len(mine) / 2:
            candidates.append(i)
    if not candidates:
        return set()
    bracketed = {i for i in candidates if normed[i].lstrip().startswith(("(", "["))}
    sentences: list[tuple[int, list[str]]] = []
    of_paragraph: list[list[int]] = [[] for _ in normed]
    for i, text in enumerate(texts):
        for part in _SENTENCE_END.split(text):
            if said := _WORDS.findall(part):
                of_paragraph[i].append(len(sentences))
                sentences.append((i, said))
    size = [sum(len(sentences[k][1]) for k in ks) for ks in of_paragraph]  # (as words_of counts)
    indexes: dict[int, dict[tuple[str, ...], list[int]]] = {}

    def index(n: int) -> dict[tuple[str, ...], list[int]]:
        if n not in indexes:
            built: dict[tuple[str, ...], list[int]] = {}
            for k, (_, words) in enumerate(sentences):
                for g in _grams(words, n):
                    built.setdefault(g, []).append(k)
            indexes[n] = built
        return indexes[n]

    out: set[int] = set()
    for i in candidates:
        holding: list[set[int]] = []  # for each sentence, the paragraphs that hold it
        for k in of_paragraph[i]:
            words = sentences[k][1]
            n = 2 if len(words) < QUOTE_PAIRS_BELOW else 3
            grams = _grams(words, n)
            figures = {w for w in words if w.isdigit()}
            shared: dict[int, int] = {}
            postings = index(n)
            for g in grams:
                for m in postings.get(g, ()):
                    shared[m] = shared.get(m, 0) + 1
            held = {
                j
                for m, count in shared.items()
                if count >= QUOTE_SHARE * len(grams)
                and (j := sentences[m][0]) != i
                and j not in out
                and j not in found
                # (a caption in quotation marks may name what its source says "this" of)
                and len(sentences[m][1]) >= len(words) - (QUOTED_NAMING if i in quoted else 0)
                # a quote keeps its figures ("point 4" is no quote of "point 5")
                and (not figures or figures.issubset(sentences[m][1]))
            }
            if not held or (len(held) > 1 and len(words) >= QUOTE_PAIRS_BELOW):
                break  # held by none, or a long sentence said in several places: no quote
            holding.append(held)
        else:
            # What it quotes is one paragraph, or two that follow each other (sentences joined).
            ones = set.intersection(*holding)
            twos = {
                j
                for j in holding[0]
                if j + 1 not in ones and all(j in h or j + 1 in h for h in holding) and j not in ones
            }
            for source in [(j,) for j in sorted(ones)] + [(j, j + 1) for j in sorted(twos)]:
                whole = sum(size[j] for j in source)
                later_copy = whole == size[i] and all(j < i and not labelled[j] for j in source)
                # A note or a summary in brackets is the page's own: left out only as a second copy.
                if later_copy or (whole > size[i] and i not in bracketed):
                    out.add(i)
                    break
    return out


def parse_body(page: Page, paras: list[str]) -> list[ParsedTurn]:
    turns: list[ParsedTurn] = []
    pending: list[str] = []  # stage directions and omissions before the first turn
    current: ParsedTurn | None = None
    quotes = pull_quotes(page, paras)
    if quotes:
        page.warnings.append(f"{len(quotes)} pull-quote(s) that repeat the text were left out")

    part: str | None = None  # the heading of the part of the page being read (Page.sections)

    def start(turn: ParsedTurn) -> ParsedTurn:
        nonlocal pending
        turn.section = part
        if pending:
            turn.paragraphs[:0] = pending
            pending = []
        turns.append(turn)
        return turn

    copy_ends = 0  # the end of a passage the page printed twice (_printed_again)
    kept: list[str] = []  # name-like words before a colon that no label was read from
    for i, p in enumerate(paras):
        part = page.sections.get(id(p), part)
        if i < copy_ends:
            continue
        cp = page.clean(p)
        if i in quotes or chrome.SEPARATOR.match(cp):
            continue
        lab = page.label_of(p)
        if lab and current is not None and (copy_ends := _printed_again(page, paras, i, lab, current)):
            page.warnings.append("a remark the page printed twice was read once")
            continue
        if lab and lab[0].generic and _RHETORICAL.match(_own_text(page, paras, i, lab)):
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
        unread = _NAME_BEFORE_COLON.match(cp)
        if unread and unread.group(1).split(" ", 1)[0].casefold() not in _NOT_A_NAME_OPENING:
            kept.append(unread.group(1))
    if kept:
        names = ", ".join(f"'{k}'" for k in dict.fromkeys(kept))
        page.warnings.append(
            f"{len(kept)} paragraph(s) opening like a label were kept in the remark before them: {names}"
        )
    if pending:
        if turns:
            turns[-1].paragraphs.extend(pending)
        else:
            turns.append(ParsedTurn(kind=SPEECH, label=None, paragraphs=pending, resolution="none"))
    return turns


def _own_text(page: Page, paras: list[str], i: int, lab) -> str:
    """The text of the label at `i`: after its colon, or, for a label on a line of its own, the
    next paragraph when that is no label."""
    if lab[1] or i + 1 >= len(paras) or page.label_of(paras[i + 1]):
        return lab[1]
    return page.clean(paras[i + 1])


def _printed_again(page: Page, paras: list[str], i: int, lab, current: ParsedTurn) -> int:
    """Where the label at `i` opens a copy of the remark just read (`current`: the same label, then
    the same paragraphs, and then another label or the page's end), the index after the copy;
    otherwise 0. (The page printed the passage twice over; the same words said again after
    someone else spoke are no copy.)"""
    label, text = lab
    if label.text != current.label or not current.paragraphs:
        return 0
    mine = [page.clean(x) for x in current.paragraphs]
    copy = [page.clean(text)] if text else []  # a label on its own line: the copy follows it
    j = i + 1
    while j < len(paras) and page.label_of(paras[j]) is None and len(copy) < len(mine):
        copy.append(page.clean(paras[j]))
        j += 1
    if copy != mine or (j < len(paras) and page.label_of(paras[j]) is None):
        return 0
    return j


# --- who is who within this meeting ---------------------------------------------------------
