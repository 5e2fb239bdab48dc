"""The transcript as a whole, as the parser reads it: its cleaned paragraphs and what they say
about names and labels anywhere on the page (a longer name written elsewhere, a word used in
lower case, a name mentioned outside the labels), each worked out once."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from .given_names import begins_a_name
from .inline import in_square_brackets, is_stage_direction
from .labels import TITLE_JOINERS, Label, is_numbered_question, parse_label, parse_summary_subject
from .names import (
    JOINED_PARTICLE,
    bare_surname,
    clean_spaces,
    family_name_first,
    first_initial,
    is_name_word,
    name_tokens,
    one_letter_off,
    surname_key,
    tidy_name,
    written_family_name_first,
)
from .vocabulary import ADDRESS_TITLES, COUNTRIES, HONORIFICS, PARTICLES, PLACE_WORDS, TITLE_WORDS

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
# A label's words before the colon: a bracketed note at its end is left out ("(retranslated)"),
# a bracketed acronym inside a title is kept ("… Forum (GECF) <Name>:").
_LABEL_PREFIX = re.compile(r"^((?:[^:()]|\([^():]{1,40}\)){3,200}?)\s*(?:\([^()]*\))?\s*:")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]*[a-z](?![\w'’])")
# A bracketed note closed by a colon, opening a label's text ("Name: (retranslated): text") or the
# paragraph after a label standing alone ("Name" then "(retranslated): text").
NOTE_OPENING = re.compile(r"^\((?P<note>[^()]{1,60})\)\s*:\s*")
_JUST_A_NAME = re.compile(r"^(?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'-]*\.?$")
# A label's bracketed note that says how the words reached the page or how the speaker spoke, not
# what happened: it stays the label's ("Name (retranslated):", "Name (answering a question):").
_LABEL_NOTE = re.compile(
    r"^(?:(?i:re-?translated|translat|in [a-z]+$|through an interpreter|via an? interpreter)|[a-z]+ing\b)"
)
_NOTE_AT_END = re.compile(r"\s*\([^()]*\)\s*$")
# What follows a speaker's name written as a label without its colon: a full stop and a new
# sentence ("Name. Thank you."), or a one-word reply, a capitalised word and its punctuation
# ("Name Yes. Quite so.", "Name No, not yet."; not "Name Harbour Foundation will").
_AFTER_STOP = re.compile(r"\.\s+(?=[A-Z“\"«])")
_AFTER_SPACE = re.compile(r"\s+(?=[A-Z][a-z]*[.,!?](?:\s|$))")
# … or a dash before the words, as some reposts write every label ("Name – Good afternoon.").
# What follows a name that speaks of them, no words of theirs: "She …", "He …" after it, or,
# after a dash, a clause closed by a second within the sentence ("<Name> – I met her … – is …").
_SPEAKS_OF_THEM = re.compile(r"(?:He|She|They|His|Her|Their)\b")
_CLAUSE_CLOSED = re.compile(r"[^–—.!?\n]{1,80}\s[–—]\s")
_AFTER_DASH = re.compile(r"\s+[–—-]\s+(?=\S)(?![a-z])")  # (no remark opens in lower case)
# The paragraphs a numbered question may run to before its answer's label (an interviewer's
# question of a long introduction: five paragraphs on a real page).
QUESTION_PARAGRAPHS = 8
_LABEL_LIKE = re.compile(r"^[A-Z][\w’'.-]*(?: [\w’'.()-]+){0,9}:\s")  # a paragraph opening "<Words>: "
# A label of one word: a surname as written or in capitals ("Marsh:", "ORLIN:", "Grünewald:"),
# also after its joined particle ("al-<Name>:"): letters of any script, opening with a capital.
_NAME_WORD = re.compile(r"\b[^\W\d_][\w’'-]+")  # (a word; its capital is tested apart)
_ONE_WORD_LETTERS = re.compile(r"^[^\W\d_](?:[^\W\d_]|[’'-])*[^\W\d_]$")


def _one_word(word: str) -> bool:
    return word[:1].isupper() and bool(_ONE_WORD_LETTERS.match(word))


_PARTICLE_JOINED = re.compile(rf"^{JOINED_PARTICLE}(?=[A-Z])")
# ... or written apart before it ("Van der <Name>:", "De la <Name>:").
_PARTICLES_APART = re.compile(
    r"^(?:(?:" + "|".join(sorted(PARTICLES - {"y"})) + r") )+(?=[A-Z])", re.IGNORECASE
)


def _family_name(name: str) -> str | None:
    """The family name of a name written family name first ("Moon Ha-eun": "moon"), as surname_key
    writes a surname; None for any other name."""
    return surname_key(name.split(" ", 1)[0]) if written_family_name_first(name) else None


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


class Page:
    """One transcript's paragraphs and what is known of them across the page."""

    def __init__(self, paragraphs: list[str], warnings: list[str]):
        self.raw = paragraphs
        self.warnings = warnings
        self.clean_paragraphs = [clean_spaces(p) for p in paragraphs]
        self._clean = dict(zip(paragraphs, self.clean_paragraphs))
        self.full_text = "\n".join(self.clean_paragraphs)  # (a name never runs on into the next)
        self.label_prefixes = []
        # The prefixes that open a remark as remarks open: its first letter a capital.
        self._capital_prefixes: set[str] = set()
        for p in self.clean_paragraphs:
            unbracketed = p.lstrip("(")
            head = unbracketed[:260]
            if ":" not in head:
                continue  # _LABEL_PREFIX ends with a colon
            m = _LABEL_PREFIX.match(head)
            if m:
                prefix = m.group(1).strip()
                self.label_prefixes.append(prefix)
                if not unbracketed[m.end() :].lstrip()[:1].islower():
                    self._capital_prefixes.add(prefix)
        self._capital_speakers: set[str] | None = None
        self._attested: dict[str, bool] = {}
        self._ordinary_words: set[str] | None = None
        self._named_elsewhere: dict[str, bool] = {}
        self._speaker_names: dict[str, Label] | None = None  # _colonless_label's, once read
        self._name_openings: set[str] = set()  # their first words
        self._surname_count: int | None = None  # _surname_labels, once read
        self._numbered_asked: set[int] | None = None  # _numbered_questions_answered, once read
        self._named: dict[str, dict[str, int]] = {}  # _named_in_text, once per surname
        self.heading: list[str] = []  # the title and lead paragraphs, once read
        # id() of the paragraph (of `raw`) that opens a later part of the page -> its heading.
        self.sections: dict[int, str] = {}
        # The page's notes giving the floor ("The floor is given to <Name>, <title>"), as written.
        self.floor_notes: list[str] = []
        # label_of and parse_label with self.attested are pure within a transcript.
        self._label_of: dict[str, tuple[Label, str] | None] = {}
        self._labels: dict[str, Label | None] = {}

    def clean(self, paragraph: str) -> str:
        """clean_spaces(paragraph), computed once for each paragraph of the file."""
        cleaned = self._clean.get(paragraph)
        return clean_spaces(paragraph) if cleaned is None else cleaned

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

    def set_heading(self, paragraphs: list[str]) -> None:
        """The title and lead, once the lead is known: what a paragraph's label reads as may
        depend on them (a surname the lead spells otherwise), so those readings are made anew."""
        self.heading = [clean_spaces(p) for p in paragraphs]
        self._label_of.clear()

    def _parsed(self, prefix: str) -> Label | None:
        """parse_label(prefix) with this transcript's knowledge, once per prefix."""
        try:
            return self._labels[prefix]
        except KeyError:
            label = self._labels[prefix] = parse_label(prefix, self.attested, self.ordinary)
            return label

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
            label = self._parsed(prefix)
            # The words after the colon (written twice, "<Name>:: …", it is one).
            after = paragraph[idx + 2 :] if paragraph[idx + 1 : idx + 2] == ":" else paragraph[idx + 1 :]
            after = after.strip(" \t\u00a0")
            found = None if label is None else (label, after)
            if (
                found
                and found[0].note is None
                and (m := NOTE_OPENING.match(found[1]))
                and is_stage_direction(m.group("note"))
            ):
                # The same label as "Name (note): text": the note is the label's, not the remark's.
                noted = parse_label(
                    f"{prefix.rstrip()} ({m.group('note').strip()})", self.attested, self.ordinary
                )
                if noted is not None:
                    label = noted
                    found = (noted, found[1][m.end() :])
            if (
                found
                and found[0].note
                and is_stage_direction(found[0].note)
                and not _LABEL_NOTE.match(found[0].note)
                and (bare := _NOTE_AT_END.sub("", prefix))
                and (unnoted := parse_label(bare, self.attested, self.ordinary)) is not None
            ):
                # "Name (Noise in the audience): text": what happened is the remark's stage
                # direction, not a part of the label shown as the speaker.
                label = unnoted
                found = (unnoted, f"({found[0].note}) {found[1]}".rstrip())
            if (
                found
                and label
                and label.role
                and not label.name
                and not label.generic
                and _JUST_A_NAME.match(found[1])
            ):
                found = None  # "Minister of Foreign Affairs: <Name>.": a list of appointments
            if (
                found
                and not found[0].generic
                and found[1][:1].islower()
                and (found[0].name or found[0].role) not in self._speakers_in_capitals()
            ):
                # "<Valley>: two new schools.", "Ministry of <Field>: prepare the plan.": a point
                # of the speaker's list; no remark opens in lower case, unless its speaker's other
                # remarks show that they are one.
                found = None
            if (
                found
                and found[0].generic
                and is_numbered_question(found[0].text)
                and id(paragraph) not in self._numbered_questions_answered()
            ):
                found = None  # "Question No. 1: The ferry timetable.": a point of a list
            if found and (titled := self._titled_surname(found[0])) is not None:
                found = (titled, found[1])  # "Moderator Brylov:", "Chief Executive Orlin:"
            if (found is None or self._a_surname_in_capitals_or_addressed(prefix, found[0])) and (
                surnamed := self._surname_label(prefix)
            ) is not None:
                found = (surnamed, after)
        if found is None:
            found = self._colonless_label(paragraph)
        self._label_of[paragraph] = found
        return found

    def _speakers_in_capitals(self) -> set[str]:
        """The names (or titles) of the labels opening a remark with a capital on this page."""
        if self._capital_speakers is None:
            labels = (self._parsed(prefix) for prefix in self._capital_prefixes)
            self._capital_speakers = {who for x in labels if x is not None and (who := x.name or x.role)}
        return self._capital_speakers

    def _speakers(self) -> dict[str, Label]:
        """The full names (two words or more) the page's labels give, each with its first label."""
        if self._speaker_names is None:
            self._speaker_names = {}
            for prefix in dict.fromkeys(self.label_prefixes):  # each once
                label = self._parsed(prefix)
                if label is not None and label.name and not label.generic and " " in label.name:
                    self._speaker_names.setdefault(label.name, label)
            self._name_openings = {name.partition(" ")[0] for name in self._speaker_names}
        return self._speaker_names

    def _numbered_questions_answered(self) -> set[int]:
        """The numbered questions ("Question 3: …") a written interview asks (id() of each paragraph
        of `raw`): each between other paragraphs than numbered questions, and the first label-like
        paragraph within the next QUESTION_PARAGRAPHS not one (the answer). A run of them is a list: an agenda's
        points, a survey's questions read out, answered in one remark."""
        if self._numbered_asked is None:
            clean = [self.clean(p) for p in self.raw]
            numbered = [
                sep == ":" and len(prefix) <= 60 and is_numbered_question(prefix)
                for prefix, sep, _ in (c.partition(":") for c in clean)
            ]
            asked: set[int] = set()
            for i, is_numbered in enumerate(numbered):
                if not is_numbered or (i > 0 and numbered[i - 1]) or (i + 1 < len(clean) and numbered[i + 1]):
                    continue
                after = next(
                    (
                        j
                        for j in range(i + 1, min(i + 1 + QUESTION_PARAGRAPHS, len(clean)))
                        if _LABEL_LIKE.match(clean[j])
                    ),
                    None,
                )
                if after is not None and not numbered[after]:
                    asked.add(id(self.raw[i]))
            self._numbered_asked = asked
        return self._numbered_asked

    def _titled_surname(self, label: Label) -> Label | None:
        """A title with no name whose last word is the surname of the one speaker the page labels
        by full name ("Moderator Brylov" beside "Moderator Sergei Brylov"): that title and
        surname, as "Governor <Surname>" reads (a title no form of address uses had left the
        remark no one's). None for any other label."""
        if label.name or label.generic or not label.role or " " not in label.role:
            return None
        title, _, last = label.role.rpartition(" ")
        if not is_name_word(last) or (last.isupper() and len(last) <= 4):
            return None  # (an office's letters: "… of the UN")
        if title.rsplit(" ", 1)[-1].casefold() in TITLE_JOINERS or title.endswith(("'s", "’s")):
            return None  # what the title is of: "Mayor of <Town>", "CEO of <Company>"
        if len(self._bearers(last)) != 1:
            return None
        return Label(text=label.text, name=tidy_name(last), role=title.rstrip(","), note=label.note)

    def _a_surname_in_capitals_or_addressed(self, prefix: str, label: Label) -> bool:
        """Is a title's word alone ("BISHOP:", "Mr Bishop:"), read as a title no one holds, the
        surname of a speaker of the page ("Larry Bishop"), as other surnames alone are? Only in
        capitals, as a repost shortens the labels after the first, or after "Mr"/"Ms"; written
        as a title ("Dean:") it stays one, and so does a title someone here holds ("King Olav")."""
        if not label.role or label.name or " " in label.role:
            return False
        word = label.role.casefold()
        if not (prefix.strip().isupper() or prefix.split()[0].strip(".").casefold() in HONORIFICS):
            return False
        if word in ADDRESS_TITLES:
            return False  # "Mr Speaker:", "Mr President:": how the office holder is addressed
        return not any(
            word in (held.role or "").casefold().split() or (held.name or "").split(" ")[0].casefold() == word
            for held in self._speakers().values()
        )

    def _bearers(self, surname: str) -> set[str]:
        """The speakers the page labels by full name who bear this surname, as their first
        initials: one person however the labels write them ("Tomas Orlin" and "T. Orlin",
        "<Given> al-<Name>"), also as a family name written first ("Moon" of "Moon Ha-eun")."""
        key = bare_surname(surname_key(surname))
        found = {
            first_initial(name)
            for name in self._speakers()
            if bare_surname(surname_key(name)) == key or _family_name(name) == key
        }
        if len(found) > 1:
            found.discard("")  # "Ms Marsh": a form of address of the one "<Given> Marsh"
        return found

    def _surname_label(self, prefix: str) -> Label | None:
        """A surname alone before the colon ("Marsh:", "ORLIN:"), as a repost shortens the labels
        after the first: a label when exactly one person the page labels by full name bears it
        (resolved to them by attribution, as "Mr Marsh:" is). A word no speaker bears
        ("Deadline:") or one two speakers share is no label."""
        word, note = prefix.strip(), None
        if noted := _NOTE_AT_END.search(word):  # "Orlin (retranslated):": the note a label may carry
            word, note = word[: noted.start()], clean_spaces(noted.group().strip(" ()"))
        honorific, _, rest = word.partition(" ")
        if rest and honorific.strip(".").casefold() in HONORIFICS:
            word = rest  # "Mr Bishop:" where "Bishop" is a title's word: read as "Bishop:"
        if not _one_word(_PARTICLE_JOINED.sub("", _PARTICLES_APART.sub("", word))):
            return None
        bearers = self._bearers(word)
        if len(bearers) == 1:
            return Label(text=prefix.strip(), name=tidy_name(word), note=note)
        if bearers:
            return None
        # No label names them in full: the page's text may ("Mayor of Larkspur Helena Marsh
        # answered …"), when its labels are surnames throughout, two paragraphs or more.
        if self.ordinary(word.casefold()):
            return None  # "Deadline:", "Licence:": a word the page writes in lower case too
        full = self.named_in_full(word)
        if full is not None and (speaker := self._labelled_spelled_otherwise(full)):
            return Label(text=prefix.strip(), name=speaker, note=note)
        if full is None and (speaker := self._labelled_with_a_slip(word)):
            return Label(text=prefix.strip(), name=speaker, note=note)
        if full is None or self._surname_labels() < 2:
            return None
        return Label(text=prefix.strip(), name=full, note=note)

    def _labelled_with_a_slip(self, word: str) -> str | None:
        """The one speaker the labels name in full whose surname this word, which the page writes
        after no given name, is with one letter mistyped in place ("Modvedev:" after "Dmitry
        Medvedev:"), as a full name so mistyped is them (attribution); five letters or more, not
        two letters swapped ("Kaprin", "Karpin") nor one added (a woman of the family)."""
        key = surname_key(word)
        slips = {name for name in self._speakers() if one_letter_off(surname_key(name), key)}
        return slips.pop() if len(slips) == 1 else None

    def _labelled_spelled_otherwise(self, full: str) -> str | None:
        """The one speaker the labels name in full with the same given names as this name the
        text writes and a surname one letter apart ("Tomas Kuryanov" of a lead's "Tomas Kuranov"):
        one person the page spells two ways. Not a woman of the family ("Kuranova"): a surname
        that only adds a letter at its end is another's; nor two letters side by side swapped
        ("Kaprin" and "Karpin" are two names)."""
        tokens = name_tokens(full)
        if len(tokens) < 2 or len(tokens[-1]) < 5:
            return None
        heading = "\n".join(self.heading)
        if full not in heading:
            return None  # (a name a remark writes: someone quoted, "Kurganov: Build to last.")
        fits = set()
        for name in self._speakers():
            if name in heading:
                continue  # the heading names both spellings: two people ("Kuranov", "Kuryanov")
            theirs = name_tokens(name)
            if theirs[:-1] != tokens[:-1] or len(theirs[-1]) < 5:
                continue
            short, long = sorted((surname_key(full), surname_key(name)), key=len)
            if long.startswith(short) or Levenshtein.distance(short, long, score_cutoff=1) > 1:
                continue
            fits.add(name)
        return fits.pop() if len(fits) == 1 else None

    def named_in_full(self, surname: str) -> str | None:
        """The one full name ("<Given> <Surname>") the page's text writes for this surname, or None
        when it writes none, or two people's (two first initials)."""
        named = self._named_in_text(surname)
        if not named:
            # Written family name first ("Moon Ha-eun"): its first word is the family name, so
            # only one such name of the page is anyone.
            first = self._named_family_name_first(surname)
            return next(iter(first)) if len(first) == 1 else None
        if len({first_initial(name) for name in named}) != 1:
            return None
        return max(named, key=lambda name: named[name])

    def named_in_full_spelled_otherwise(self, surname: str) -> str | None:
        """named_in_full for a surname the title or lead spells otherwise, as transliterations
        differ ("Dorofeyeva" in the lead for a label's "Dorofeeva"): the one full name of every
        such spelling the title or lead writes, or None (not a name a remark writes: someone
        spoken of, "Karl Wolff" for "Mr Wolf:")."""
        key = surname_key(surname)
        spellings = {
            w
            for w in _NAME_WORD.findall(self.full_text)
            if w[0].isupper() and w != surname and surname_key(w) == key
        }
        heading = "\n".join(self.heading)
        found = {full for w in spellings if (full := self.named_in_full(w)) is not None and full in heading}
        if len({first_initial(name) for name in found}) != 1:
            return None
        return found.pop() if len(found) == 1 else None

    def _named_family_name_first(self, surname: str) -> dict[str, int]:
        """The full names the page's text writes family name first with this family name ("Moon
        Ha-eun", "Li Wenbo"), each with how often."""
        found: dict[str, int] = {}
        pattern = r"\b(?i:(" + re.escape(surname) + r")) ([A-Z][\w’'-]+)\b(?! [A-Z])"  # ("<Name> Street")
        for m in re.finditer(pattern, self.full_text):
            if family_name_first([m.group(1), m.group(2)]):
                name = f"{m.group(1)} {m.group(2)}"
                found[name] = found.get(name, 0) + 1
        return found

    def _after_of(self, at: int) -> bool:
        """Does the word at `at` of the page's text follow "of" or "of the" (what a title is of)?"""
        return bool(re.search(r"\bof (?:the )?$", self.full_text[max(0, at - 8) : at]))

    def _named_in_text(self, surname: str) -> dict[str, int]:
        """The full names "<Given> <Surname>" the page's text writes for this surname (any case),
        each with how often: the word before must be a given name, or a name word no title,
        honorific or lower-case word of the page."""
        if surname in self._named:
            return self._named[surname]
        found: dict[str, int] = {}
        self._named[surname] = found
        pattern = r"\b([^\W\d_][\w’'-]+) (?i:(" + re.escape(surname) + r"))\b"
        for m in re.finditer(pattern, self.full_text):
            given, low = m.group(1), m.group(1).casefold()
            if not given[0].isupper():
                continue  # ("Ásdís <Surname>" as "Anna <Surname>"; not a word in lower case)
            if begins_a_name(given) or (
                is_name_word(given)
                and low not in TITLE_WORDS
                and low not in PLACE_WORDS
                # "President of the Republic of Korea Moon <Given>": the country is the title's, as
                # are a body's letters ("DPRK"); "Jordan <Surname>", "JB <Surname>" are names.
                and not (
                    (low in COUNTRIES or (given.isupper() and len(given) > 2)) and self._after_of(m.start(1))
                )
                and low.strip(".") not in HONORIFICS
                and not self.ordinary(low)
            ):
                name = tidy_name(f"{given} {m.group(2)}")
                found[name] = found.get(name, 0) + 1
        return found

    def _surname_labels(self) -> int:
        """How many paragraphs open with one word and a colon where that word is a surname the
        page's text writes after a given name (_named_in_text)."""
        if self._surname_count is None:
            words = Counter(p for p in self.label_prefixes if _one_word(p))
            self._surname_count = sum(n for word, n in words.items() if self._named_in_text(word))
        return self._surname_count

    def _colonless_label(self, paragraph: str) -> tuple[Label, str] | None:
        """(label, text) when the paragraph opens with the name of a speaker the page labels
        elsewhere ("Name: …"), written without its colon (_AFTER_STOP, _AFTER_SPACE) or with a
        dash for it (_AFTER_DASH): a slip of the page's, or a repost's way, read as the label it
        stands for, as written and with no title. Only full names of two words or more, whether
        the label writes a title before the name or not ("President of Larkspuria Arvo Lindqvist:"
        … "Arvo Lindqvist. Thank you.")."""
        speakers = self._speakers()
        cleaned = self.clean(paragraph)
        if cleaned.partition(" ")[0] not in self._name_openings:
            return None  # (most paragraphs: no speaker's first name opens them)
        head = cleaned[:120]
        words = head.split(" ", 5)
        for k in range(min(len(words) - 1, 4), 1, -1):
            name = " ".join(words[:k])
            stopped = name.endswith(".")
            label = speakers.get(name[:-1] if stopped else name)
            if label is None:
                continue
            at = len(name) - stopped  # (the stop is read with what follows)
            m = _AFTER_STOP.match(head, at) or (
                None if stopped else (_AFTER_SPACE.match(head, at) or _AFTER_DASH.match(head, at))
            )
            if (
                m is None
                or _SPEAKS_OF_THEM.match(cleaned, m.end())
                or (m.re is _AFTER_DASH and _CLAUSE_CLOSED.match(cleaned, m.end()))
            ):
                return None
            self.warnings.append(f"a label without its colon read as a label: {label.name}")
            # The name as this paragraph writes it, with no title: it writes none.
            return Label(text=name[:-1] if stopped else name, name=label.name), cleaned[m.end() :]
        return None

    def summary_of(self, paragraph: str):
        p = paragraph.strip()
        if (squared := in_square_brackets(p)) is not None:  # "[<Name> reported on …]"
            p = f"({squared})"
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
