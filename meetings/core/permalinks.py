"""Readable, permanent identifiers: meeting slugs, participant slugs and turn keys.

A turn's key is its speaker's slug with an ordinal in its meeting ("marina-akhmedova-2";
"remark-3" for a generic label). Keys are assigned once. When a source file is edited and
re-ingested, each new turn takes the key of the old turn with the same speaker and the same
text (then, failing that, of a very similar text by the same speaker, or of one with whole
paragraphs more or fewer); only new turns get new ordinals, above every ordinal that speaker
ever had in the meeting, so a key is never reused.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from meetings.core.parser.names import PLAIN_LETTERS, WRITTEN_AS_TWO, clean_spaces

_ARTICLES = {"the", "a", "an"}
MAX_SLUG_WORDS = 10
MAX_SLUG_LENGTH = 90


# Letters that no accent stripping reaches, as an address writes them ("ł" "l", "ß" "ss").
_SLUG_LETTERS = {
    **PLAIN_LETTERS,
    **str.maketrans({**WRITTEN_AS_TWO, "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d"}),
}


def slugify(text: str) -> str:
    """ASCII slug: accents folded, U+00A0 and every other space a hyphen, punctuation dropped."""
    text = clean_spaces(text)
    text = text.replace("’", "").replace("'", "")
    text = unicodedata.normalize("NFKD", text.translate(_SLUG_LETTERS))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", " ", text).strip().lower()
    return re.sub(r"[-\s_]+", "-", text).strip("-")


_DANGLING = {"and", "or", "of", "for", "to", "with", "in", "on", "at", "by", "from", "the", "a", "an"}


def _truncate_words(slug: str, words: int, length: int) -> str:
    parts = slug.split("-")[:words]
    while len("-".join(parts)) > length and len(parts) > 1:
        parts = parts[:-1]
    truncated = len(parts) < len(slug.split("-"))
    while truncated and len(parts) > 1 and parts[-1] in _DANGLING:
        parts = parts[:-1]
    return "-".join(parts)[:length].strip("-")


def meeting_slug(date, title: str) -> str:
    """'2021-12-09-meeting-of-council-for-civil-society-and-human-rights'."""
    words = [w for w in slugify(title).split("-") if w and w not in _ARTICLES]
    body = _truncate_words("-".join(words), MAX_SLUG_WORDS, MAX_SLUG_LENGTH) or "meeting"
    return f"{date:%Y-%m-%d}-{body}"


def meeting_identity(date, title: str) -> str:
    """The same meeting whatever file it came through: date and title without articles or
    punctuation ('Meeting of the Council …' and 'Meeting of Council …' are one)."""
    words = [w for w in slugify(title).split("-") if w and w not in _ARTICLES]
    return f"{date:%Y-%m-%d}|{' '.join(words)}"[:600]


def participant_slug(name: str) -> str:
    return _truncate_words(slugify(name), 8, 100) or "speaker"


def unique_slug(base: str, taken: Callable[[str], bool]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is free."""
    if not taken(base):
        return base
    n = 2
    while taken(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def key_prefix(speaker_slug: str | None, generic: str | None, kind: str) -> str:
    if speaker_slug:
        return speaker_slug
    if generic:
        head = slugify(generic).split("-")[0]
        return head or "remark"
    return "summary" if kind == "summary" else "unattributed"


def split_key(key: str) -> tuple[str, int]:
    m = re.match(r"^(.*)-(\d+)$", key)
    if not m:
        return key, 0
    return m.group(1), int(m.group(2))


def normalise_text(text: str) -> str:
    return clean_spaces(text).casefold()


@dataclass(frozen=True)
class KeyedTurn:
    """An existing turn as key assignment sees it."""

    key: str
    prefix: str
    text: str


@dataclass(frozen=True)
class NewTurn:
    prefix: str
    text: str


SIMILAR = 0.85
REATTRIBUTED_MIN_CHARS = 40


def assign_keys(
    new: list[NewTurn], old: list[KeyedTurn], retired: list[str] | tuple[str, ...] = ()
) -> tuple[list[str], list[KeyedTurn]]:
    """Keys for `new` (in order), carrying over the keys of `old` turns that are the same remark.

    Returns the keys and the old turns that no new turn took (to be retired). `retired` lists
    keys retired before, whose ordinals are never given again.
    """
    keys: list[str | None] = [None] * len(new)
    free = list(old)

    # 1. Same speaker, same text (in order, so repeated short turns pair up in sequence).
    by_identity: dict[tuple[str, str], list[KeyedTurn]] = defaultdict(list)
    for o in free:
        by_identity[(o.prefix, normalise_text(o.text))].append(o)
    taken: set[str] = set()
    for i, t in enumerate(new):
        bucket = by_identity.get((t.prefix, normalise_text(t.text)))
        if bucket:
            o = bucket.pop(0)
            keys[i] = o.key
            taken.add(o.key)
    free = [o for o in free if o.key not in taken]

    # 1b. The same remark now credited to someone else (an attribution corrected): its link is
    # the remark's, not the person's, so it keeps its key. Short courtesies ("Thank you.") are
    # said by everyone and are not matched across speakers.
    by_text: dict[str, list[KeyedTurn]] = defaultdict(list)
    for o in free:
        text = normalise_text(o.text)
        if len(text) >= REATTRIBUTED_MIN_CHARS:
            by_text[text].append(o)
    if by_text:
        for i, t in enumerate(new):
            if keys[i] is None:
                bucket = by_text.get(normalise_text(t.text))
                if bucket:
                    o = bucket.pop(0)
                    keys[i] = o.key
                    taken.add(o.key)
        free = [o for o in free if o.key not in taken]

    # 2. Same speaker, a lightly edited text (a typo fixed, a sentence added).
    if free:
        for i, t in enumerate(new):
            if keys[i] is not None:
                continue
            best, best_ratio = None, SIMILAR
            a = normalise_text(t.text)[:3000]
            for o in free:
                if o.prefix != t.prefix:
                    continue
                # The share of characters the two texts have in common, in order (2·LCS / total).
                r = Indel.normalized_similarity(a, normalise_text(o.text)[:3000], score_cutoff=best_ratio)
                if r >= best_ratio:
                    best, best_ratio = o, r
            if best is not None:
                keys[i] = best.key
                free.remove(best)

    # 2b. Same speaker, whole paragraphs left out or added (a parser fix moved a page's note or
    # another speaker's reply out of the remark, or into it): the paragraphs it kept are the
    # remark's, however much of it the moved ones were. The pairs that keep most go first, so of
    # a remark split in two the half with more of its words keeps the key.
    if free and None in keys:
        theirs = [_paragraphs(o.text) for o in free]  # (once each, not once per new turn)
        pairs = []
        for i, t in enumerate(new):
            if keys[i] is None:
                mine = _paragraphs(t.text)
                for j, o in enumerate(free):
                    if o.prefix == t.prefix and (kept := _kept_whole(mine, theirs[j])):
                        pairs.append((-kept, i, j))
        used: set[int] = set()
        for _, i, j in sorted(pairs):
            if keys[i] is None and j not in used:
                keys[i] = free[j].key
                used.add(j)
        free = [o for j, o in enumerate(free) if j not in used]

    # 3. New ordinals for the rest, above every ordinal ever used for that prefix.
    highest: dict[str, int] = defaultdict(int)
    for k in [o.key for o in old] + list(retired) + [k for k in keys if k]:
        prefix, n = split_key(k)
        highest[prefix] = max(highest[prefix], n)
    for i, t in enumerate(new):
        if keys[i] is None:
            highest[t.prefix] += 1
            keys[i] = f"{t.prefix}-{highest[t.prefix]}"
    return [k for k in keys if k is not None], free


def _paragraphs(text: str) -> list[str]:
    return [normalise_text(p) for p in text.split("\n\n") if p.strip()]


def _kept_whole(a: list[str], b: list[str]) -> int:
    """The characters of the paragraphs two texts share when one is the other with whole
    paragraphs left out, in order, counting only paragraphs of REATTRIBUTED_MIN_CHARS or more (a
    chairing line, "Thank you.", "<…>", is said in many remarks); 0 when neither is, or when they
    share no such paragraph."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    rest = iter(longer)
    if not all(any(p == q for q in rest) for p in shorter):  # (each search goes on from the last)
        return 0
    return sum(len(p) for p in shorter if len(p) >= REATTRIBUTED_MIN_CHARS)


# An RFC 4151 tagging entity: a DNS name or an e-mail address, and a date it was held on.
_DNS_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
_AUTHORITY = re.compile(rf"(?:[A-Za-z0-9._%+!$&*=^`|~#'{{}}/?-]+@)?{_DNS_NAME}")
_TAG_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
# What the specific part may hold as it is (RFC 4151: pchar, "/" and "?"); the rest is %-encoded.
_SPECIFIC_SAFE = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/?]")


def tag_uri(authority: str, date: str, path: str) -> str:
    """A permanent id for what lives at `path` (a permalink's path, "/meetings/<slug>/<key>/"):
    'tag:<authority>,<date>:meetings/<slug>/<key>' (RFC 4151). It names the archive's entry,
    not the address it was fetched from, so the host name, the scheme and the port play no part.
    """
    if not _AUTHORITY.fullmatch(authority):
        raise ValueError(f"not a domain name or e-mail address for a tag: URI: {authority!r}")
    if not _TAG_DATE.fullmatch(date):
        raise ValueError(f"a tag: URI's date is YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    specific = "".join(
        c if _SPECIFIC_SAFE.match(c) else "".join(f"%{b:02X}" for b in c.encode("utf-8"))
        for c in path.strip("/")
    )
    user, at, domain = authority.rpartition("@")
    return f"tag:{user}{at}{domain.lower()},{date}:{specific}"
