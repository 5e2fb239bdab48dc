"""American spellings read as the British ones ("defense" as "defence", "privatization" as
"privatisation", "program" as "programme", "labor" as "labour"), for search: the archive's
sources write British English but not always, and its readers write either. Text and queries
both pass through the same rules (the SQL function archive_british, written from RULES by
`sql_function`, and `british` here), so either spelling finds both.

A rule changes a whole word only; the -ize rule needs three letters before it (not "size",
"prize", "seize") and also reads a few words that have no British -ise spelling the same way
("downsize", "Belize"), in the text and the queries alike, which changes nothing a search finds.
Pure: no Django.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from wordfreq import zipf_frequency


class Rule(NamedTuple):
    """A word that starts with one of `stems` (a regular expression both Python and PostgreSQL
    read alike: letters, groups and alternatives), then `american`, then one of `endings` (or none,
    unless `ending` says one is needed), is written with `british` in place of `american`."""

    stems: str
    american: str
    british: str
    endings: tuple[str, ...] = ()
    ending: bool = False


RULES: tuple[Rule, ...] = (
    # organize, privatization, realized, criticizing (three letters before it at least: not
    # "size", "prize", "seize")
    Rule(
        "[a-z]{3,}",
        "iz",
        "is",
        ("e", "es", "ed", "ing", "ation", "ations", "ational", "er", "ers", "able"),
        ending=True,
    ),
    Rule(
        "[a-z]{2,}", "yz", "ys", ("e", "es", "ed", "ing", "er", "ers"), ending=True
    ),  # analyze (not "Kyrgyz")
    Rule("defen|offen|preten", "se", "ce", ("s", "less")),  # defense, offense, pretense
    Rule("cent|theat|fib|lit|calib|spect|lust|sab|meag", "er", "re", ("s",)),  # center, theater, fiber
    Rule("cent", "er", "r", ("ed", "ing"), ending=True),  # centered, centering
    Rule(  # labor, honor, favorite, neighborhood, behavioral
        "lab|hon|fav|col|behavi|neighb|harb|rum|vig|endeav|flav|hum|arm|cand|od|rig|tum|parl|clam"
        "|savi|val|vap|splend|ard|ferv",
        "or",
        "our",
        (
            "s",
            "ed",
            "ing",
            "able",
            "ably",
            "al",
            "ite",
            "ites",
            "ful",
            "less",
            "er",
            "ers",
            "hood",
            "hoods",
            "ly",
            "ism",
            "ist",
            "ists",
        ),
    ),
    Rule("program", "", "me", ("s",)),  # program, programs
    Rule("dialog|catalog|analog|monolog|prolog|epilog", "", "ue", ("s",)),  # dialog, catalog
    Rule(  # traveled, canceling, modeled, labeled, fueled, signaled
        "travel|cancel|model|label|fuel|level|signal|total|counsel|channel|dial|duel|jewel|marvel"
        "|pedal|quarrel|rival|tunnel|funnel|shovel|panel|barrel|equal|initial",
        "",
        "l",
        ("ed", "ing", "er", "ers"),
        ending=True,
    ),
    Rule("counsel", "or", "lor", ("s",)),  # counselor
    Rule("fulfil|enrol|instil|distil|enthral", "l", "", ("s", "ment", "ments")),  # fulfill, enrollment
    Rule("instal", "lment", "ment", ("s",)),  # installment
    Rule("skil|wil", "lful", "ful", ("ly",)),  # skillful, willfully
    Rule("judg|acknowledg|abridg|lodg", "ment", "ement", ("s",)),  # judgment
    Rule("gr", "ay", "ey", ("s", "er", "est", "ish", "ness")),  # gray
    Rule("alumin", "um", "ium"),  # aluminum
    Rule("jewel", "ry", "lery"),  # jewelry
    Rule("m", "ustache", "oustache", ("s",)),  # mustache
    Rule("pl", "ow", "ough", ("s", "ed", "ing")),  # plow
    Rule("m", "old", "ould", ("s", "ed", "ing", "y")),  # mold
    Rule("p", "ajama", "yjama", ("s",)),  # pajamas
    Rule("co", "zy", "sy"),  # cozy
    Rule("per", " cent", "cent"),  # per cent (as the sources write it: "percent")
)


def _pattern(rule: Rule, start: str, end: str) -> str:
    endings = "|".join(rule.endings)
    tail = f"({endings})" + ("" if rule.ending else "?") if endings else "()"
    return f"{start}({rule.stems}){rule.american}{tail}{end}"


_COMPILED = [
    (re.compile(_pattern(rule, r"\b", r"\b"), re.IGNORECASE), rf"\1{rule.british}\2") for rule in RULES
]


def british(text: str) -> str:
    """The text with each American spelling of RULES written the British way."""
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text


_BRITISH = [
    (
        re.compile(
            f"({rule.stems}){rule.british}(" + "|".join(rule.endings) + ")" + ("" if rule.ending else "?")
        ),
        rule,
    )
    for rule in RULES
    if " " not in rule.american
]


def american(word: str) -> set[str]:
    """The American spellings that `british` reads as `word` ("defence" -> "defense",
    "programmes" -> "programs"), lower case; none for a word no rule writes (a search marks
    either spelling of a word it finds under both). Only words English writes (wordfreq): not
    "promize" of "promise"."""
    word = word.lower()
    found = set()
    for pattern, rule in _BRITISH:
        if m := pattern.fullmatch(word):
            spelled = m.group(1) + rule.american + (m.group(2) or "")
            if spelled != word and british(spelled) == word and zipf_frequency(spelled, "en") > 0:
                found.add(spelled)
    return found


def british_beginnings(beginning: str) -> set[str]:
    """The beginning of a word (a search's "organiz*") and the beginnings the British spellings of
    the words it begins start with ("organis"): where it stops inside the American part of a rule,
    that rule's stem ("defens" -> "defen"). Lower case."""
    beginning = beginning.lower()
    found = {beginning}
    for rule in RULES:
        if " " in rule.american:
            continue
        whole = re.fullmatch(f"({rule.stems}){rule.american}([a-z]*)", beginning)
        if whole and (not whole.group(2) or any(e.startswith(whole.group(2)) for e in rule.endings)):
            found.add(whole.group(1) + rule.british + whole.group(2))
            continue
        for k in range(1, len(rule.american)):
            part = re.fullmatch(f"({rule.stems}){rule.american[:k]}", beginning)
            if part:
                found.add(part.group(1))
    return found


def _literals(rule: Rule) -> list[str]:
    """Strings every word a rule changes holds (lower case): a quick test that spares the regular
    expression the texts that hold none, as most do."""
    if re.fullmatch(r"[a-z|]+", rule.stems):
        return [stem + rule.american for stem in rule.stems.split("|")]
    return [rule.american]


def sql_function() -> str:
    """The CREATE statement of archive_british(text), the same rules in SQL (the file
    meetings/sql/functions/archive_british.sql holds it: `python -m meetings.core.spelling`
    writes it). Each rule runs only on a text that holds one of its literal strings (strpos on
    the text in lower case), so a text with no American spelling costs a few scans, not a
    regular expression per rule."""
    steps = []
    for rule in RULES:
        pattern = _pattern(rule, r"\m", r"\M").replace("'", "''")
        test = " OR ".join(f"strpos(l, '{literal}') > 0" for literal in _literals(rule))
        steps.append(
            f"  IF {test} THEN\n    s := regexp_replace(s, '{pattern}', '\\1{rule.british}\\2', 'gi');\n  END IF;"
        )
    return (
        "-- American spellings as the British ones, for search (meetings.core.spelling, which writes\n"
        "-- this file: python -m meetings.core.spelling > meetings/sql/functions/archive_british.sql).\n"
        "-- IMMUTABLE, so that it can be used in generated expressions and indexes.\n"
        "CREATE OR REPLACE FUNCTION archive_british(t text) RETURNS text\n"
        "LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$\n"
        "DECLARE\n"
        "  s text := coalesce(t, '');\n"
        "  l text := lower(s);\n"
        "BEGIN\n" + "\n".join(steps) + "\n  RETURN s;\nEND\n$fn$;\n"
    )


if __name__ == "__main__":
    print(sql_function(), end="")
