"""Editors' corrections of people: which names are one person, which name is several, which labels
are nobody. Pure: no Django. The ingest applies them at every run; this module only reads,
validates and answers questions about them.

The file is TOML::

    [[merge]]                      # these names are one person
    into = "Recep Tayyip Erdogan"
    names = ["Tayyip Erdogan"]

    [[split]]                      # one name, several people, told apart by role words or dates
    name = "Dmitry Peskov"
    people = [
      { slug = "dmitry-peskov", roles = ["Press Secretary"], default = true },
      { slug = "dmitry-peskov-asi", roles = ["Agency for Strategic Initiatives"], until = 2015-12-31 },
    ]

    [[not_a_person]]               # labels that are never a person: their turns get no participant
    labels = ["Disaster Relief"]

Validation is strict because a wrong correction silently misattributes speech across the whole
archive: every error is a `CorrectionsError` naming the file, the line and the reason.

Decisions an editor should know:

* Names are compared as the archive's identity resolution compares them (parser/names.py): first by
  `name_key` (case, spacing, honorifics and accents ignored), then by `folded_key` (transliteration
  variants such as Sergei/Sergey) when that is unambiguous. Validation therefore also refuses two
  entries that only differ by such a variant but contradict each other, so the fallback can never be
  ambiguous.
* Merge chains are REFUSED, not resolved: "A into B" plus "B into C" is an error asking for "A into
  C". A chain is usually a slip (two editors, two spellings of the target), and resolving it would
  hide that; a cycle has no right answer at all.
* A name cannot be both merged (as a name or as the target) and split: the ingest would have to
  guess the order of the two operations.
* The default person of a split needs neither roles nor dates (it is who remains); every other
  person needs at least one of them, or no turn could ever reach them.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from meetings.core.parser.names import APOSTROPHES, HYPHENS, clean_spaces, folded_key, name_key, strip_accents

__all__ = [
    "CorrectionsError",
    "Merge",
    "PeopleCorrections",
    "Split",
    "SplitPerson",
    "load_corrections",
    "load_corrections_file",
    "role_words",
]

# Bumped whenever the meaning of the normalised content changes, so old fingerprints never match.
_FINGERPRINT_VERSION = 1

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# fromisoformat() also accepts '20120521' and week dates; editors must write the one plain form.
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_TOP_KEYS = {"merge": ("into", "names"), "split": ("name", "people"), "not_a_person": ("labels",)}
_PERSON_KEYS = ("slug", "roles", "default", "from", "until")


class CorrectionsError(ValueError):
    """An invalid corrections file: `source`, `line` (1-based) and `reason` are kept separately."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source, self.line, self.reason = source, line, reason
        super().__init__(f"{source}, line {line}: {reason}")


# ---------------------------------------------------------------------------------------------
# Role words


_ARTICLES = frozenset({"a", "an", "the"})
_WORD = re.compile(r"\w+(?:['-]\w+)*")


def role_words(text: str) -> tuple[str, ...]:
    """The words of a role as compared: case and accents folded, dashes and apostrophes unified,
    articles dropped ('the Agency for Strategic Initiatives' -> agency, for, strategic, initiatives)."""
    t = strip_accents(text).casefold()
    for h in HYPHENS:
        t = t.replace(h, "-")
    for a in APOSTROPHES:
        t = t.replace(a, "'")
    return tuple(w for w in _WORD.findall(t) if w not in _ARTICLES)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whole-word containment: 'President' is not in 'Vice-President' (one hyphenated word)."""
    n = len(phrase)
    return any(words[k : k + n] == phrase for k in range(len(words) - n + 1))


# ---------------------------------------------------------------------------------------------
# The corrections


@dataclass(frozen=True)
class Merge:
    into: str
    names: tuple[str, ...]
    # Where it was written, for messages; not part of what the correction means.
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class SplitPerson:
    slug: str
    roles: tuple[str, ...] = ()
    from_date: datetime.date | None = None  # inclusive
    until_date: datetime.date | None = None  # inclusive
    default: bool = False
    line: int = field(default=0, compare=False)
    _phrases: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_phrases", tuple(role_words(r) for r in self.roles))

    @property
    def has_dates(self) -> bool:
        return self.from_date is not None or self.until_date is not None

    def active_on(self, date: datetime.date) -> bool:
        """Within this person's dates; a person without dates is active on every date."""
        return (self.from_date is None or self.from_date <= date) and (
            self.until_date is None or date <= self.until_date
        )

    def role_match(self, role: str | None) -> int:
        """The number of words of this person's longest role phrase found in `role`; 0: none."""
        if not role or not self._phrases:
            return 0
        words = role_words(role)
        return max((len(p) for p in self._phrases if _contains(words, p)), default=0)


@dataclass(frozen=True)
class Split:
    name: str
    people: tuple[SplitPerson, ...]
    line: int = field(default=0, compare=False)

    @property
    def default(self) -> SplitPerson:
        return next(p for p in self.people if p.default)

    def person_for(self, role: str | None, date: datetime.date | None) -> SplitPerson:
        """Who a turn labelled with this name is, from the role written with it and the date.

        1. By role: the people one of whose role phrases appears, as whole words, in `role`. When
           several do, the longest matching phrase wins ('Deputy Press Secretary' over
           'Secretary'), then the order of the file. People whose dates exclude `date` are out.
        2. By date: the first person (file order) with dates that contain `date`.
        3. The default person.
        """
        eligible = [p for p in self.people if date is None or p.active_on(date)]
        scored = [(p.role_match(role), -i, p) for i, p in enumerate(eligible)]
        best = max(scored, key=lambda s: (s[0], s[1]), default=None)
        if best is not None and best[0] > 0:
            return best[2]
        if date is not None:
            for p in eligible:
                if p.has_dates:
                    return p
        return self.default


class _NameTable:
    """Name -> value by `name_key`, falling back to `folded_key` when only one value has that
    folded key (the order of evidence of identity resolution)."""

    def __init__(self, items: list[tuple[str, Any]]) -> None:
        self.exact: dict[str, Any] = {}
        folded: dict[str, list[Any]] = {}
        for name, value in items:
            self.exact.setdefault(name_key(name), value)
            values = folded.setdefault(folded_key(name), [])
            if value not in values:
                values.append(value)
        self.folded = {k: v[0] for k, v in folded.items() if len(v) == 1}

    def get(self, name: str) -> Any:
        key = name_key(name)
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        return self.folded.get(folded_key(name))


@dataclass(frozen=True)
class PeopleCorrections:
    merges: tuple[Merge, ...] = ()
    splits: tuple[Split, ...] = ()
    not_a_person: frozenset[str] = frozenset()
    source: str = field(default="", compare=False)
    _merged: _NameTable = field(init=False, repr=False, compare=False)
    _split: _NameTable = field(init=False, repr=False, compare=False)
    _labels: _NameTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_merged", _NameTable([(n, m.into) for m in self.merges for n in m.names]))
        object.__setattr__(self, "_split", _NameTable([(s.name, s) for s in self.splits]))
        object.__setattr__(self, "_labels", _NameTable([(label, True) for label in self.not_a_person]))

    @property
    def is_empty(self) -> bool:
        return not (self.merges or self.splits or self.not_a_person)

    def merge_target(self, name: str) -> str | None:
        """The name `name` is merged into, as the editors wrote it; None when it is not merged
        (the target itself included: it is already the person's name)."""
        target: str | None = self._merged.get(name)
        return target

    def is_not_a_person(self, label_or_name: str) -> bool:
        return bool(self._labels.get(label_or_name))

    def split_for(self, name: str) -> Split | None:
        split: Split | None = self._split.get(name)
        return split

    def fingerprint(self) -> str:
        """A stable hash of what the corrections mean: comments, layout, the order of merges and
        of labels, and the spelling of matched names within their key do not change it; the order
        of a split's people does (it breaks ties in `person_for`)."""
        content = {
            "version": _FINGERPRINT_VERSION,
            "merge": sorted([name_key(n), m.into] for m in self.merges for n in m.names),
            "split": sorted(
                [
                    name_key(s.name),
                    [
                        [
                            p.slug,
                            sorted({" ".join(role_words(r)) for r in p.roles}),
                            p.from_date.isoformat() if p.from_date else None,
                            p.until_date.isoformat() if p.until_date else None,
                            p.default,
                        ]
                        for p in s.people
                    ],
                ]
                for s in self.splits
            ),
            "not_a_person": sorted({name_key(label) for label in self.not_a_person}),
        }
        blob = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# Where things are written: tomllib gives values without positions, so semantic errors find their
# line with this scanner of (already valid) TOML, which maps every table, key and array element
# to the line it starts on, by path: ("split", 1, "people", 0, "slug").

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]}\n#]*")

Path_ = tuple[str | int, ...]


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: dict[Path_, int] = {}
        try:
            self._scan()
        except (IndexError, ValueError, tomllib.TOMLDecodeError):
            pass  # best effort: a path not found falls back to its nearest recorded ancestor

    def line(self, path: Path_) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1

    def _at(self, pos: int) -> int:
        return bisect_right(self.starts, pos)

    def _record(self, path: Path_, pos: int, overwrite: bool = True) -> None:
        if overwrite:
            self.lines[path] = self._at(pos)
        else:
            self.lines.setdefault(path, self._at(pos))

    def _skip(self, i: int) -> int:
        """Past white space, newlines and comments."""
        t = self.text
        while i < len(t):
            if t[i] in " \t\r\n":
                i += 1
            elif t[i] == "#":
                j = t.find("\n", i)
                i = len(t) if j < 0 else j
            else:
                break
        return i

    def _string(self, i: int) -> int:
        """The end of the string starting at i."""
        t = self.text
        for delim in ('"""', "'''"):
            if t.startswith(delim, i):
                j = i + 3
                while not t.startswith(delim, j):
                    j += 2 if (delim == '"""' and t[j] == "\\") else 1
                # Up to two quotes may end the content just before the closing three ('""""'):
                # the string ends after the whole run of quotes.
                while j < len(t) and t[j] == delim[0]:
                    j += 1
                return j
        if t[i] == "'":
            return t.index("'", i + 1) + 1
        j = i + 1
        while t[j] != '"':
            j += 2 if t[j] == "\\" else 1
        return j + 1

    def _keys(self, i: int) -> tuple[list[str], int, int]:
        """A dotted key: its parts, the position of its first character and the position after it."""
        t, keys = self.text, []
        i = self._skip(i)
        start = i
        while True:
            while t[i] in " \t":
                i += 1
            if t[i] in "\"'":
                end = self._string(i)
                keys.append(tomllib.loads("k = " + t[i:end])["k"])
                i = end
            else:
                m = _BARE_KEY.match(t, i)
                if not m:
                    raise ValueError("not a key")
                keys.append(m.group())
                i = m.end()
            while i < len(t) and t[i] in " \t":
                i += 1
            if i < len(t) and t[i] == ".":
                i += 1
                continue
            return keys, start, i

    def _resolve(self, keys: list[str], aot: dict[Path_, int]) -> Path_:
        """A header's path, with the current index of every array of tables along it."""
        path: Path_ = ()
        for k in keys:
            path += (k,)
            if path in aot:
                path += (aot[path],)
        return path

    def _scan(self) -> None:
        t = self.text
        current: Path_ = ()
        aot: dict[Path_, int] = {}
        i = self._skip(0)
        while i < len(t):
            if t.startswith("[[", i):
                keys, start, i = self._keys(i + 2)
                i = t.index("]]", i) + 2
                table = (*self._resolve(keys[:-1], aot), keys[-1])
                aot[table] = aot.get(table, -1) + 1
                current = (*table, aot[table])
                self._record(table, start, overwrite=False)
                self._record(current, start)
            elif t[i] == "[":
                keys, start, i = self._keys(i + 1)
                i = t.index("]", i) + 1
                current = self._resolve(keys, aot)
                self._record(current, start, overwrite=False)
            else:
                i = self._pair(i, current)
            i = self._skip(i)

    def _pair(self, i: int, table: Path_) -> int:
        keys, start, i = self._keys(i)
        path = (*table, *keys)
        for k in range(len(table) + 1, len(path)):
            self._record(path[:k], start, overwrite=False)
        self._record(path, start)
        i = self._skip(i)
        if self.text[i] != "=":
            raise ValueError("no '='")
        return self._value(self._skip(i + 1), path)

    def _value(self, i: int, path: Path_) -> int:
        t = self.text
        if t[i] in "\"'":
            return self._string(i)
        if t[i] == "[":
            i, n = self._skip(i + 1), 0
            while t[i] != "]":
                self._record((*path, n), i)
                i = self._skip(self._value(i, (*path, n)))
                if t[i] == ",":
                    i = self._skip(i + 1)
                n += 1
            return i + 1
        if t[i] == "{":
            i = self._skip(i + 1)
            while t[i] != "}":
                i = self._skip(self._pair(i, path))
                if t[i] == ",":
                    i = self._skip(i + 1)
            return i + 1
        m = _SCALAR.match(t, i)
        return m.end() if m else i + 1


# ---------------------------------------------------------------------------------------------
# Loading and validating


def load_corrections_file(path: str | PathLike[str]) -> PeopleCorrections:
    """Read and validate a corrections file. A missing file raises OSError as usual: whether
    that means 'no corrections' is the caller's decision."""
    source = str(path)
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CorrectionsError(source, line, f"not UTF-8 ({exc.reason})") from exc
    return load_corrections(text, source)


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def load_corrections(text: str, source: str = "<people file>") -> PeopleCorrections:
    """Parse and validate the text of a corrections file; raise `CorrectionsError` if invalid."""
    text = text.removeprefix("\ufeff")  # editors' tools may write a byte order mark
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        line = int(m.group(1)) if m else text.count("\n") + 1  # "(at end of document)"
        raise CorrectionsError(source, line, f"TOML syntax: {msg}") from exc
    return _Validator(text, source).build(doc)


class _Validator:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.pos = _Lines(text)
        # folded key -> the entries already seen with it, for contradictions across the file
        self.seen: dict[str, list[_Entry]] = {}

    def fail(self, path: Path_, reason: str) -> CorrectionsError:
        return CorrectionsError(self.source, self.pos.line(path), reason)

    def line(self, path: Path_) -> int:
        return self.pos.line(path)

    # -- types --

    def tables(self, doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = doc.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail((key,), f"'{key}' must be written as [[{key}]] tables")
        return value

    def check_keys(self, table: dict[str, Any], allowed: tuple[str, ...], path: Path_, what: str) -> None:
        for k in table:
            if k not in allowed:
                raise self.fail((*path, k), f"unknown key '{k}' in {what} (allowed: {', '.join(allowed)})")

    def text_value(self, table: dict[str, Any], key: str, path: Path_, what: str, name: bool) -> str:
        if key not in table:
            raise self.fail(path, f"{what} has no '{key}'")
        return self.text_item(table[key], (*path, key), f"'{key}' of {what}", name)

    def text_item(self, value: Any, path: Path_, what: str, name: bool) -> str:
        if not isinstance(value, str):
            raise self.fail(path, f"{what} must be a string, not {_toml_type(value)}")
        value = clean_spaces(value)
        if not value:
            raise self.fail(path, f"{what} is empty")
        if name and not name_key(value):
            raise self.fail(path, f"{what} ({value!r}) has no letters or digits to match names by")
        return value

    def text_list(self, table: dict[str, Any], key: str, path: Path_, what: str, name: bool) -> list[str]:
        if key not in table:
            raise self.fail(path, f"{what} has no '{key}'")
        value = table[key]
        if not isinstance(value, list):
            raise self.fail((*path, key), f"'{key}' of {what} must be a list of strings")
        if not value:
            raise self.fail((*path, key), f"'{key}' of {what} is empty")
        return [self.text_item(v, (*path, key, j), f"'{key}' of {what}", name) for j, v in enumerate(value)]

    def date_value(self, person: dict[str, Any], key: str, path: Path_, what: str) -> datetime.date | None:
        if key not in person:
            return None
        value = person[key]
        where = (*path, key)
        if isinstance(value, datetime.datetime | datetime.time) or not isinstance(value, str | datetime.date):
            raise self.fail(where, f"'{key}' of {what} must be a date YYYY-MM-DD, not {_toml_type(value)}")
        if isinstance(value, datetime.date):
            return value
        if not _DATE_RE.match(value.strip()):
            raise self.fail(where, f"'{key}' of {what} must be a date YYYY-MM-DD, not {value!r}")
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise self.fail(where, f"'{key}' of {what} is not a real date: {value!r} ({exc})") from exc

    # -- contradictions between names --

    def register(self, entry: _Entry) -> None:
        for old in self.seen.get(entry.folded, []):
            reason = _conflict(old, entry)
            if reason:
                raise self.fail(entry.path, reason)
        self.seen.setdefault(entry.folded, []).append(entry)

    # -- the file --

    def build(self, doc: dict[str, Any]) -> PeopleCorrections:
        for key in doc:
            if key not in _TOP_KEYS:
                raise self.fail(
                    (key,),
                    f"unknown table or key '{key}' (allowed: {', '.join(f'[[{k}]]' for k in _TOP_KEYS)})",
                )
        # Tables are checked in the order of the file, so that a contradiction is reported where
        # its second half is written, whatever the kinds of the two tables.
        tables = sorted(
            (
                (self.line((kind, i)), kind, i, t)
                for kind in _TOP_KEYS
                for i, t in enumerate(self.tables(doc, kind))
            ),
            key=lambda x: x[0],
        )
        merges: list[Merge] = []
        splits: list[Split] = []
        labels: list[str] = []
        for _, kind, i, t in tables:
            if kind == "merge":
                merges.append(self.merge(t, (kind, i)))
            elif kind == "split":
                splits.append(self.split(t, (kind, i)))
            else:
                labels.extend(self.not_a_person(t, (kind, i)))
        return PeopleCorrections(tuple(merges), tuple(splits), frozenset(labels), self.source)

    def not_a_person(self, table: dict[str, Any], path: Path_) -> list[str]:
        self.check_keys(table, _TOP_KEYS["not_a_person"], path, "[[not_a_person]]")
        labels = self.text_list(table, "labels", path, "[[not_a_person]]", name=True)
        for j, label in enumerate(labels):
            self.register(_Entry("label", label, "", (*path, "labels", j), self.line((*path, "labels", j))))
        return labels

    def merge(self, table: dict[str, Any], path: Path_) -> Merge:
        what = "[[merge]]"
        self.check_keys(table, _TOP_KEYS["merge"], path, what)
        into = self.text_value(table, "into", path, what, name=True)
        names = self.text_list(table, "names", path, what, name=True)
        self.register(_Entry("target", into, into, (*path, "into"), self.line((*path, "into"))))
        for j, n in enumerate(names):
            self.register(_Entry("alias", n, into, (*path, "names", j), self.line((*path, "names", j))))
        return Merge(into, tuple(names), self.line(path))

    def split(self, table: dict[str, Any], path: Path_) -> Split:
        what = "[[split]]"
        self.check_keys(table, _TOP_KEYS["split"], path, what)
        name = self.text_value(table, "name", path, what, name=True)
        what = f"[[split]] of {name!r}"
        if "people" not in table:
            raise self.fail(path, f"{what} has no 'people'")
        raw = table["people"]
        if not isinstance(raw, list) or not all(isinstance(p, dict) for p in raw):
            raise self.fail(
                (*path, "people"), f"'people' of {what} must be a list of tables {{ slug = ... }}"
            )
        if len(raw) < 2:
            raise self.fail((*path, "people"), f"{what} needs at least two people (it has {len(raw)})")
        self.register(_Entry("split", name, "", (*path, "name"), self.line((*path, "name"))))
        people = [self.person(p, (*path, "people", j), what) for j, p in enumerate(raw)]

        defaults = [p for p in people if p.default]
        if not defaults:
            raise self.fail(
                (*path, "people"), f"{what}: no person is the default (add default = true to one)"
            )
        if len(defaults) > 1:
            raise self.fail(
                (*path, "people", people.index(defaults[1])),
                f"{what}: two defaults, {defaults[0].slug!r} and {defaults[1].slug!r}",
            )
        for j, p in enumerate(people):
            for q in people[:j]:
                if _overlap(p, q):
                    shared = {" ".join(w) for w in p._phrases} & {" ".join(w) for w in q._phrases}
                    if shared:
                        raise self.fail(
                            (*path, "people", j),
                            f"{what}: {p.slug!r} and {q.slug!r} share the role {sorted(shared)[0]!r} "
                            "over overlapping dates, so it cannot tell them apart",
                        )
        return Split(name, tuple(people), self.line(path))

    def person(self, table: dict[str, Any], path: Path_, split_what: str) -> SplitPerson:
        what = f"a person of {split_what}"
        self.check_keys(table, _PERSON_KEYS, path, what)
        slug = self.text_value(table, "slug", path, what, name=False)
        if not SLUG_RE.match(slug):
            raise self.fail(
                (*path, "slug"),
                f"slug {slug!r} must be lower-case letters and digits joined by single hyphens",
            )
        what = f"{slug!r} of {split_what}"
        roles: list[str] = []
        if "roles" in table:
            roles = self.text_list(table, "roles", path, what, name=False)
            for j, r in enumerate(roles):
                if not role_words(r):
                    raise self.fail((*path, "roles", j), f"role {r!r} of {what} has no words but articles")
        default = table.get("default", False)
        if not isinstance(default, bool):
            raise self.fail(
                (*path, "default"), f"'default' of {what} must be true or false, not {_toml_type(default)}"
            )
        start = self.date_value(table, "from", path, what)
        until = self.date_value(table, "until", path, what)
        if start and until and start > until:
            raise self.fail((*path, "until"), f"{what}: 'until' {until} is before 'from' {start}")
        if not roles and start is None and until is None and not default:
            raise self.fail(path, f"{what} has neither roles nor dates: no turn could be given to it")
        self.register(_Entry("slug", slug, "", (*path, "slug"), self.line((*path, "slug"))))
        return SplitPerson(slug, tuple(roles), start, until, default, self.line(path))


@dataclass
class _Entry:
    kind: str  # "alias", "target", "split", "label" (names); "slug"
    text: str
    target: str  # the merge target, for "alias" and "target"
    path: Path_
    line: int

    @property
    def folded(self) -> str:
        # Slugs live in their own namespace: prefix so they never meet names.
        return "\x00" + self.text if self.kind == "slug" else folded_key(self.text)

    @property
    def key(self) -> str:
        return self.text if self.kind == "slug" else name_key(self.text)


def _conflict(old: _Entry, new: _Entry) -> str | None:
    """Why `new` contradicts `old` (same folded key), or None when both can stand."""
    same = old.key == new.key
    at = f"line {old.line}"
    kinds = {old.kind, new.kind}
    if kinds == {"slug"}:
        return f"slug {new.text!r} is already used at {at}"
    if kinds == {"alias"}:
        if name_key(old.target) != name_key(new.target):
            return f"{new.text!r} is merged into {new.target!r} here and into {old.target!r} at {at}"
        return f"{new.text!r} is listed twice (also at {at})" if same else None
    if kinds == {"alias", "target"}:
        alias, target = (old, new) if old.kind == "alias" else (new, old)
        if name_key(alias.target) == name_key(target.text):
            return f"{alias.text!r} is merged into itself"
        return (
            f"merge chain: {alias.text!r} is merged into {alias.target!r} (line {alias.line}) and is also "
            f"the target of a merge (line {target.line}); chains are refused, merge every name straight "
            "into the final one"
        )
    if kinds == {"target"}:
        if old.text == new.text:
            return None
        return f"merge target {new.text!r} is written {old.text!r} at {at}: write the same name both times"
    if kinds == {"split"}:
        return f"{new.text!r} is split twice (also at {at})"
    if kinds == {"label"}:
        return f"label {new.text!r} is listed twice (also at {at})" if same else None
    if "label" in kinds:
        return f"{new.text!r} is both not a person and a person (merged or split at {at})"
    # "split" with "alias" or "target"
    return f"{new.text!r} is both merged and split (also at {at}): a name can be one or the other"


def _overlap(p: SplitPerson, q: SplitPerson) -> bool:
    lo = max(p.from_date or datetime.date.min, q.from_date or datetime.date.min)
    hi = min(p.until_date or datetime.date.max, q.until_date or datetime.date.max)
    return lo <= hi


def _toml_type(value: Any) -> str:
    for kind, name in (
        (bool, "a boolean"),
        (int, "an integer"),
        (float, "a number"),
        (str, "a string"),
        (list, "a list"),
        (dict, "a table"),
        (datetime.datetime, "a date-time"),
        (datetime.date, "a date"),
        (datetime.time, "a time"),
    ):
        if isinstance(value, kind):
            return name
    return type(value).__name__
