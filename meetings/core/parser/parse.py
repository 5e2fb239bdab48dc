"""Raw transcript text -> Transcript: header, lead, turns, attribution within the meeting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from . import chrome
from .given_names import begins_a_name
from .labels import Label, parse_label, parse_summary_subject
from .names import (
    HONORIFICS,
    PARTICLES,
    PATRONYMIC_PARTICLES,
    clean_spaces,
    first_initial,
    fold_token,
    folded_key,
    has_initial_only,
    is_name_word,
    name_key,
    name_tokens,
    surname_key,
)
from .reader import decode, split_paragraphs
from .structure import SPEECH, SUMMARY, NotATranscript, ParsedTurn, Transcript, TranscriptError

# How a turn's person was found, as reported to editors.
RESOLUTIONS = {
    "label": "named in the label",
    "variant": "a spelling variant of a name in this meeting",
    "initial": "initials matched a name in this meeting (a guess)",
    "first-name": "surname matched a person in this meeting, first name differs (a guess)",
    "typo": "a surname one letter away from a person in this meeting (a guess)",
    "surname": "'Mr/Ms Surname' matched a person in this meeting",
    "role": "a title matched a person in this meeting (a guess)",
    "pronoun": "'he/she' taken as the current speaker (a guess)",
    "continuation": "unlabelled text after a summary of the same person",
    "generic": "a generic label: no person",
    "group": "a summary of a group: no person",
    "unresolved": "a reference that matched no one in this meeting",
    "none": "text before the first label: no person",
}
GUESSES = {"initial", "first-name", "typo", "role", "pronoun"}

_UNTRANSCRIBED = re.compile(
    r"^\(?\s*(?:an?\s+)?(?:(?:inaudible|unintelligible|indistinct|off-mic(?:rophone)?)\s+)?"
    r"(?P<head>remark|question|reply|comment|response|exclamation|voice|answer|laughter in the audience)s?"
    r"(?:\s+(?:in|from|off|by)\s+[^.()]{1,40})?\s*\.?\s*\)?$",
    re.IGNORECASE,
)
_TITLE_CONNECTORS = {
    "of",
    "and",
    "for",
    "the",
    "on",
    "in",
    "at",
    "to",
    "with",
    "de",
    "member",
    "members",
    "head",
    "chair",
    "chairman",
    "director",
    "minister",
    "president",
    "governor",
    "mayor",
    "speaker",
    "deputy",
    "ceo",
    "moderator",
}
_INAUDIBLE_FIRST = re.compile(r"^\(?\s*(?:inaudible|unintelligible|indistinct)\b", re.IGNORECASE)
_LABEL_PREFIX = re.compile(r"^([^:()]{3,200}?)\s*(?:\([^()]*\))?\s*:")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]*[a-z](?![\w'’])")
# Text after a generic label that opens in lower case or with a quotation is the speaker's own
# rhetoric ("Question: at what expense?", "Question: “How much?” Reply: “A lot.”"), not a turn.
_RHETORICAL = re.compile(r"^(?:[a-z]|[“\"«„])")
_PARTICLE_RE = "|".join(sorted(PARTICLES, key=len, reverse=True))
_JUST_A_NAME = re.compile(r"^(?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'-]*\.?$")
_NOTE_OPENING = re.compile(r"^\([^()]{1,60}\)\s*:")
_QUOTE_MARKS = re.compile(r"[\"“”«»„‟'’‘]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# Long agenda titles are kept whole; a first paragraph longer than this is text, not a title.
# (800 characters are at most 2,400 bytes of UTF-8: within the 2,704 a B-tree index entry holds.)
MAX_TITLE_CHARS = 800


def _is_word_char(c: str) -> bool:
    """`\\w` of a str pattern."""
    return c.isalnum() or c == "_"


def words_before(text: str, candidate: str):
    """The lower-case words that `re.finditer(r"\\b([a-z]+) " + re.escape(candidate) + r"\\b", text)`
    yields as group 1, in order, found with str.find instead of a regex tried at every position."""
    n, size = len(text), len(candidate)
    if not size:
        yield from (m.group(1) for m in re.finditer(r"\b([a-z]+) \b", text))
        return
    last_is_word = _is_word_char(candidate[-1])
    needle = " " + candidate
    last_end = 0
    k = text.find(needle)
    while k != -1:
        end = k + 1 + size
        # \b after the candidate.
        after_word = end < n and _is_word_char(text[end])
        if after_word != last_is_word:
            # [a-z]+ before the space, starting at a word boundary.
            s = k
            while s > 0 and "a" <= text[s - 1] <= "z":
                s -= 1
            if (
                s < k
                and s >= last_end
                and (s == 0 or not _is_word_char(text[s - 1]))
                and (s == 0 or text[s - 1] not in "'’")  # "Children’s Rights …": not a word before a name
            ):
                yield text[s:k]
                last_end = end
        k = text.find(needle, k + 1)


def _ordered_subset(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(s == x for x in it) for s in short)


def _one_letter_off(a: str, b: str) -> bool:
    """Two surnames of five letters or more that differ in exactly one letter, in place (a
    slip of the keyboard; an added letter often makes another name: Ivanov, Ivanova)."""
    return len(a) == len(b) >= 5 and sum(x != y for x, y in zip(a, b)) == 1


def _one_inside_other(a: list[str], b: list[str]) -> bool:
    """Is one list of given names an ordered part of the other (and not the same)?"""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not short or len(short) == len(long) or PATRONYMIC_PARTICLES & set(long):
        return False  # "X bin Y Z" names X, son of Y: "Y Z" may be the father
    it = iter(long)
    return all(any(s == x for x in it) for s in short)


def _role_words(role: str) -> str:
    """A title as compared within a meeting: case, spacing and articles folded ("Chief of the
    General Staff" is "the Chief of General Staff")."""
    words = clean_spaces(role).casefold().split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def parse_transcript(data: bytes | str) -> Transcript:
    """Parse one transcript file's contents. Raises TranscriptError for what is not one."""
    if isinstance(data, bytes):
        text, warnings = decode(data)
    else:
        text, warnings = data.replace("\r\n", "\n").replace("\r", "\n"), []
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise TranscriptError("the file holds no text")
    return _Parser(paragraphs, warnings).run()


@dataclass
class _Person:
    name: str
    key: str
    fkey: str
    surname: str
    roles: list[str] = field(default_factory=list)
    titled: bool = False


class _Parser:
    def __init__(self, paragraphs: list[str], warnings: list[str]):
        self.raw = paragraphs
        self.warnings = warnings
        self.clean_paragraphs = [clean_spaces(p) for p in paragraphs]
        self._clean = dict(zip(paragraphs, self.clean_paragraphs))
        self.full_text = " ".join(self.clean_paragraphs)
        self.label_prefixes = []
        for p in self.clean_paragraphs:
            head = p.lstrip("(")[:260]
            if ":" not in head:
                continue  # _LABEL_PREFIX ends with a colon
            m = _LABEL_PREFIX.match(head)
            if m:
                self.label_prefixes.append(m.group(1).strip())
        self._attested: dict[str, bool] = {}
        self._ordinary_words: set[str] | None = None
        self._named_elsewhere: dict[str, bool] = {}
        self.heading: list[str] = []  # the title and lead paragraphs, once read
        # label_of and parse_label with self.attested are pure within a transcript.
        self._label_of: dict[str, tuple[Label, str] | None] = {}
        self._labels: dict[str, Label | None] = {}

    def clean(self, paragraph: str) -> str:
        """clean_spaces(paragraph), computed once for each paragraph of the file."""
        cleaned = self._clean.get(paragraph)
        return clean_spaces(paragraph) if cleaned is None else cleaned

    def fuller_in_heading(self, name: str) -> str | None:
        """A longer form of `name` in the title or a lead paragraph: the same first and last
        words with a patronymic, a father's name or particles between them; exactly one."""
        words = name.split()
        if len(words) < 2:
            return None
        first, last = re.escape(words[0]), re.escape(words[-1])
        pattern = re.compile(rf"\b{first}(?: (?:[A-Z][\w’'-]*|{_PARTICLE_RE})){{1,4}} {last}\b")
        found = {m.group(0) for paragraph in self.heading for m in pattern.finditer(paragraph)}

        def plausible(candidate: str) -> bool:
            tokens = candidate.split()
            added = [(before, w) for before, w in pairwise(tokens[:-1]) if w not in words]
            return (
                len(tokens) > len(words)
                and _ordered_subset(words, tokens)
                and words[0] not in tokens[1:]
                and words[-1] not in tokens[:-1]
                # Not an honorific; a given name only as a father's ("bin <Given>"): otherwise it
                # would be another person.
                and all(
                    w.casefold() in PARTICLES
                    or (
                        is_name_word(w)
                        and w.strip(".").casefold() not in HONORIFICS
                        and (not begins_a_name(w) or before.casefold() in PATRONYMIC_PARTICLES)
                    )
                    for before, w in added
                )
            )

        longer = [f for f in found if plausible(f)]
        return longer[0] if len(longer) == 1 else None

    def named_elsewhere(self, name: str) -> bool:
        """Does the transcript write this name outside its labels (the title, the lead, a
        remark)? Then it is a person of its own, not a slip for a namesake's first name
        (a son and his father, both named in the page)."""
        if name not in self._named_elsewhere:
            labels = sum(1 for p in self.label_prefixes if p == name or p.endswith(" " + name))
            self._named_elsewhere[name] = self.full_text.count(name) > labels
        return self._named_elsewhere[name]

    def ordinary(self, word: str) -> bool:
        """Does the transcript write this (lower-case) word in lower case somewhere?"""
        if self._ordinary_words is None:
            self._ordinary_words = set(_LOWER_WORD.findall(self.full_text))
        return word in self._ordinary_words

    # --- names written elsewhere in the same transcript ---------------------------------------
    def attested(self, candidate: str) -> bool:
        """Is this longer name (three or four words) the whole name? Yes when the transcript
        writes it both after a title and on its own as a label ("President of Turkey Recep
        Tayyip Erdogan" … "Recep Tayyip Erdogan:"), or in running text after an ordinary word."""
        if candidate not in self._attested:
            bare = any(p == candidate for p in self.label_prefixes)
            titled = [p for p in self.label_prefixes if p.endswith(" " + candidate)]
            found = bare and bool(titled)
            # The words a label itself writes before the longer name do not attest it when the
            # text repeats that label's phrase ("… the film Frontier <Name>").
            echoed = {p[: -len(candidate)].split()[-1].casefold() for p in titled}
            if not found:
                for word in words_before(self.full_text, candidate):
                    if word not in _TITLE_CONNECTORS and word not in echoed:
                        found = True
                        break
            self._attested[candidate] = found
        return self._attested[candidate]

    def label_of(self, paragraph: str) -> tuple[Label, str] | None:
        """(label, text after the colon) when the paragraph opens with a speaker label."""
        try:
            return self._label_of[paragraph]
        except KeyError:
            pass
        head = paragraph[:260]
        idx = head.find(":")
        if idx <= 0:
            found = None
        else:
            prefix = head[:idx]
            try:
                label = self._labels[prefix]
            except KeyError:
                label = self._labels[prefix] = parse_label(prefix, self.attested, self.ordinary)
            found = None if label is None else (label, paragraph[idx + 1 :].strip(" \t\u00a0"))
            if (
                found
                and label
                and label.role
                and not label.name
                and not label.generic
                and _JUST_A_NAME.match(found[1])
            ):
                found = None  # "Minister of Foreign Affairs: <Name>.": a list of appointments
        self._label_of[paragraph] = found
        return found

    def summary_of(self, paragraph: str):
        p = paragraph.strip()
        if not p.startswith("(") or len(p) < 25:
            return None
        inner = p[1:]
        inner = re.sub(r"\)\s*\.?\s*$", "", inner) if p.rstrip(". ").endswith(")") else inner
        if "(" not in p[1:] and ")" in inner and not p.rstrip(". ").endswith(")"):
            # The bracket closes mid-paragraph: a stage direction followed by speech.
            return None
        ref = parse_summary_subject(inner, self.attested)
        if ref is None:
            return None
        return ref, inner.strip()

    # --- the whole transcript -------------------------------------------------------------------
    def run(self) -> Transcript:
        paras = [p for p in self.raw if not chrome.is_chrome_clean(self.clean(p))]
        if not paras:
            raise TranscriptError("it holds only page chrome (menus, settings), no transcript")
        title_para = paras[0]
        title, is_excerpt = chrome.clean_title(title_para)
        if not title or chrome.parse_date_line(title_para):
            raise TranscriptError("it has no title line before the date")
        if len(title) > MAX_TITLE_CHARS:
            raise TranscriptError(
                f"its first paragraph, taken as the title, is {len(title):,} characters long (a title has at most "
                f"{MAX_TITLE_CHARS:,}): the title line seems to be missing"
            )
        rest = paras[1:]

        # Date and place: near the top, else (newer layout) near the end.
        date = place = None
        for i, p in enumerate(rest[:5]):
            parsed = chrome.parse_date_line(p)
            if parsed:
                date, place = parsed
                captions = rest[:i]
                if all(chrome.is_caption(c) for c in captions):
                    rest = rest[i + 1 :]
                else:
                    rest = rest[:i] + rest[i + 1 :]
                break
        # Trailing chrome and a closing line that repeats the date.
        while rest:
            last = rest[-1]
            parsed = chrome.parse_date_line(last)
            if parsed:
                if date is None:
                    date, place = parsed
                rest = rest[:-1]
                continue
            if chrome.SEPARATOR.match(self.clean(last)):
                rest = rest[:-1]
                continue
            break
        if date is None:
            raise TranscriptError("it has no date line (such as 'December 9, 2021, Moscow')")

        rest = self.join_split_labels(rest)
        lead, body, is_excerpt2 = self.split_lead(rest)
        description = "\n\n".join(lead)
        turns = self.parse_body(body)
        if not turns:
            raise NotATranscript("it has no speaker labels: no remark can be attributed")
        self.heading = [clean_spaces(p) for p in [title, *lead]]
        self.resolve_people(turns)
        for t in turns:
            if not t.paragraphs:
                self.warnings.append(f"the label '{t.label}' has no text")
        return Transcript(
            title=title,
            date=date,
            place=place,
            description=description,
            is_excerpt=is_excerpt or is_excerpt2,
            turns=turns,
            warnings=self.warnings,
        )

    def join_split_labels(self, paras: list[str]) -> list[str]:
        """A label on its own line with its note opening the next ("Name" then "(retranslated):
        text") is one labelled paragraph."""
        out: list[str] = []
        i = 0
        while i < len(paras):
            p = paras[i]
            if i + 1 < len(paras) and _NOTE_OPENING.match(self.clean(paras[i + 1])):
                cp = self.clean(p)
                label = (
                    parse_label(cp, self.attested, self.ordinary)
                    if len(cp) <= 150 and ":" not in cp
                    else None
                )
                if label is not None and (label.name or label.generic):
                    out.append(p.strip() + " " + paras[i + 1].strip())
                    i += 2
                    continue
            out.append(p)
            i += 1
        return out

    def starts_body(self, p: str) -> bool:
        lab = self.label_of(p)
        if lab:
            return True
        s = self.summary_of(p)
        return bool(s and s[0].kind in ("name", "group"))

    def split_lead(self, paras: list[str]) -> tuple[list[str], list[str], bool]:
        """Lead paragraphs (the description), then the body; and whether a heading says 'excerpts'."""
        lead: list[str] = []
        after_separator: list[str] = []
        seen_separator = False
        is_excerpt = False
        for i, p in enumerate(paras):
            cp = self.clean(p)
            if self.starts_body(p):
                body = paras[i:]
                if after_separator:
                    self.warnings.append(
                        f"{len(after_separator)} paragraph(s) before the first speaker label are "
                        "attributed to no one"
                    )
                    body = after_separator + body
                return lead, body, is_excerpt
            if cp in ("* * *", "***") or chrome.SEPARATOR.match(cp):
                seen_separator = True
                continue
            if chrome.is_excerpt_heading(cp) and (seen_separator or chrome.is_heading(cp) or len(cp) < 200):
                is_excerpt = True
                continue
            if chrome.OMISSION.match(cp):
                if seen_separator:
                    after_separator.append(p)
                continue
            if seen_separator:
                if chrome.is_heading(cp) and not after_separator:
                    continue  # a sub-heading: "Speech at the event marking …"
                after_separator.append(p)
            else:
                lead.append(p)
        # No label at all: the caller reports that there are no turns.
        return lead, after_separator, is_excerpt

    # --- the body -------------------------------------------------------------------------------
    def pull_quotes(self, paras: list[str]) -> set[int]:
        """Indexes of paragraphs that repeat a sentence of a nearby paragraph (page furniture)."""

        def norm(s: str) -> str:
            s = self.clean(s).casefold()
            return _QUOTE_MARKS.sub("", s)

        labels = [self.label_of(p) for p in paras]
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
            shorter = len(core) + 20
            lo, hi = max(0, i - 15), min(len(paras), i + 16)
            if (
                first
                and (i == lo or everything.find(first, starts[lo], starts[i] - 1) < 0)
                and (
                    i + 1 == hi or everything.find(first, starts[i + 1], starts[hi - 1] + lengths[hi - 1]) < 0
                )
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

    def parse_body(self, paras: list[str]) -> list[ParsedTurn]:
        turns: list[ParsedTurn] = []
        pending: list[str] = []  # stage directions and omissions before the first turn
        current: ParsedTurn | None = None
        quotes = self.pull_quotes(paras)
        if quotes:
            self.warnings.append(f"{len(quotes)} pull-quote(s) that repeat the text were left out")

        def start(turn: ParsedTurn) -> ParsedTurn:
            nonlocal pending
            if pending:
                turn.paragraphs[:0] = pending
                pending = []
            turns.append(turn)
            return turn

        for i, p in enumerate(paras):
            cp = self.clean(p)
            if i in quotes or chrome.SEPARATOR.match(cp):
                continue
            lab = self.label_of(p)
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
            summary = self.summary_of(p)
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
    def resolve_people(self, turns: list[ParsedTurn]) -> None:
        people: list[_Person] = []
        by_key: dict[str, _Person] = {}
        by_fkey: dict[str, _Person] = {}

        def add(name: str, role: str | None) -> _Person:
            person = _Person(name=name, key=name_key(name), fkey=folded_key(name), surname=surname_key(name))
            people.append(person)
            by_key[person.key] = person
            by_fkey.setdefault(person.fkey, person)
            return person

        def find(name: str) -> tuple[_Person | None, str]:
            key, fkey = name_key(name), folded_key(name)
            if key in by_key:
                return by_key[key], "label"
            if fkey in by_fkey:
                return by_fkey[fkey], "variant"
            tokens = name_tokens(name)
            if not tokens:
                return None, "unresolved"
            surname = fold_token(tokens[-1])
            same = [p for p in people if p.surname == surname]
            if len(tokens) == 1:  # "Mr Sokolov"
                return (same[-1], "surname") if len({p.key for p in same}) == 1 else (None, "unresolved")
            if has_initial_only(name):
                initial = first_initial(name)
                match = [p for p in same if first_initial(p.name) == initial]
                return (match[0], "initial") if len(match) == 1 else (None, "unresolved")
            # One name inside the other ("Adnan Amin" and "Adnan Z. Amin", "Tayyip Erdogan" and
            # "Recep Tayyip Erdogan"): the same person when only one fits.
            given = [fold_token(x) for x in tokens[:-1]]
            inside = [
                p for p in same if _one_inside_other(given, [fold_token(x) for x in name_tokens(p.name)[:-1]])
            ]
            if len(inside) == 1:
                return inside[0], "variant"
            # A surname one letter off ("Angela Markel" beside "Angela Merkel"), same given names.
            slips = [
                p
                for p in people
                if [fold_token(x) for x in name_tokens(p.name)[:-1]] == given
                and _one_letter_off(p.surname, surname)
            ]
            if len(slips) == 1:
                return slips[0], "typo"
            return None, "unresolved"

        # Pass 1: everyone introduced with a title, then everyone named plainly.
        for titled in (True, False):
            for t in turns:
                if not t.written_name or t.resolution not in ("label",):
                    continue
                if (t.role is not None) != titled:
                    continue
                person, how = find(t.written_name)
                if (
                    person is None
                    and len(name_tokens(t.written_name)) >= 2
                    and not has_initial_only(t.written_name)
                ):
                    if not titled:
                        # A plain name whose surname belongs to exactly one titled person here
                        # and nobody else: a mistyped first name ("Vladimir Mutko").
                        same = [p for p in people if p.surname == surname_key(t.written_name)]
                        if len(same) == 1 and same[0].titled and not self.named_elsewhere(t.written_name):
                            continue
                    person = add(t.written_name, t.role)
                    person.titled = titled
                if person and t.role and t.role not in person.roles:
                    person.roles.append(t.role)

        # A name the heading or lead writes more fully ("Crown Prince <Given> bin <Father> <Surname>"
        # where the labels say "<Given> <Surname>") is the person's name here.
        for person in people:
            fuller = self.fuller_in_heading(person.name)
            if fuller:
                person.name = fuller

        # Pass 2: resolve every turn.
        last_person: _Person | None = None
        for t in turns:
            person = None
            if t.resolution == "label" and t.written_name:
                person, how = find(t.written_name)
                if person is None:
                    same = [p for p in people if p.surname == surname_key(t.written_name)]
                    if (
                        len(same) == 1
                        and not t.role
                        and not has_initial_only(t.written_name)
                        and not self.named_elsewhere(t.written_name)
                    ):
                        person, how = same[0], "first-name"
                if person is None:
                    person, how = add(t.written_name, t.role), "label"
                t.resolution = how
            elif t.resolution == "surname" and t.written_name:
                same = [p for p in people if p.surname == surname_key(t.written_name)]
                if len({p.key for p in same}) == 1:
                    person = same[0]
                else:
                    t.resolution = "unresolved"
            elif t.resolution == "role" and (ref_role := getattr(t, "ref_role", None)):
                # A summary continues about the current speaker; a label names someone new.
                person = self._by_role(ref_role, people, last_person, prefer_current=t.kind == SUMMARY)
                if person is None and t.kind == SPEECH:
                    t.resolution, t.generic = "generic", t.label  # nobody holds it here: no person
                elif person is None:
                    t.resolution = "unresolved"
            elif t.resolution == "pronoun":
                person = last_person
                if person is None:
                    t.resolution = "unresolved"
            elif t.resolution == "continuation":
                source = getattr(t, "summary_of", None)
                if source is not None and source.name:
                    t.name = source.name
                    t.written_name = None
                    t.role = None
                    t.label = None
                    last_person = next((p for p in people if p.name == source.name), last_person)
                else:
                    t.resolution = "none"
                continue
            if person is not None:
                t.name = person.name
                last_person = person
            elif t.kind == SPEECH and t.generic:
                last_person = None
        for t in turns:
            for attr in ("summary_of", "ref_role"):
                if hasattr(t, attr):
                    delattr(t, attr)

    @staticmethod
    def _by_role(
        role: str, people: list[_Person], current: _Person | None, prefer_current: bool = True
    ) -> _Person | None:
        want = _role_words(role)

        def matches(p: _Person) -> bool:
            for r in p.roles:
                r = _role_words(r)
                if (
                    r == want
                    or r.startswith(want + " ")
                    or (r.endswith(" " + want) and not r.startswith(("deputy", "first deputy", "vice")))
                ):
                    return True
            return False

        if prefer_current and current is not None and matches(current):
            return current
        found = [p for p in people if matches(p)]
        if not prefer_current and len(found) > 1 and current in found:
            found.remove(current)
        if len(found) == 1:
            return found[0]
        exact = [p for p in people if any(_role_words(r) == want for r in p.roles)]
        return exact[0] if len(exact) == 1 else None
