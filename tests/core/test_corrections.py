"""Editors' corrections of people (pure, no database): parsing, strict validation with line numbers,
name folding, and choosing the person of a split name."""

import datetime
import re
import textwrap

import pytest

from meetings.core.corrections import (
    CorrectionsError,
    Merge,
    PeopleCorrections,
    load_corrections,
    load_corrections_file,
    role_words,
)

EXAMPLE = """\
[[merge]]                      # these names are one person
into = "Recep Tayyip Erdogan"
names = ["Tayyip Erdogan"]

[[split]]                      # one name, several people, told apart by role words or dates
name = "Dmitry Peskov"
people = [
  { slug = "dmitry-peskov", roles = ["Press Secretary"], default = true },
  { slug = "dmitry-peskov-asi", roles = ["Agency for Strategic Initiatives"] },
]

[[not_a_person]]               # labels that are never a person: their turns get no participant
labels = ["Disaster Relief"]
"""


def error(text: str, line: int, *words: str) -> CorrectionsError:
    """Load `text`, expecting a CorrectionsError at `line` whose message holds every word."""
    with pytest.raises(CorrectionsError) as info:
        load_corrections(textwrap.dedent(text), "people.toml")
    exc = info.value
    assert exc.source == "people.toml"
    assert exc.line == line, str(exc)
    assert str(exc).startswith(f"people.toml, line {line}: "), str(exc)
    for w in words:
        assert w in str(exc), (w, str(exc))
    return exc


# --- the example and the lookups ---------------------------------------------------------------


def test_example_parses():
    c = load_corrections(EXAMPLE, "people.toml")
    assert c.merges == (Merge("Recep Tayyip Erdogan", ("Tayyip Erdogan",)),)
    assert c.merges[0].line == 1
    (split,) = c.splits
    assert split.name == "Dmitry Peskov" and split.line == 5
    assert [p.slug for p in split.people] == ["dmitry-peskov", "dmitry-peskov-asi"]
    assert [p.line for p in split.people] == [8, 9]
    assert split.default.slug == "dmitry-peskov"
    assert c.not_a_person == frozenset({"Disaster Relief"})
    assert not c.is_empty


def test_name_folding():
    c = load_corrections(EXAMPLE)
    for written in ("Tayyip Erdogan", "  tayyip   ERDOĞAN ", "Mr Tayyip Erdogan", "TayyipErdogan"):
        assert c.merge_target(written) == "Recep Tayyip Erdogan", written
    assert c.merge_target("Recep Tayyip Erdogan") is None  # the target is already the person's name
    assert c.merge_target("Erdogan") is None
    assert c.merge_target("") is None
    assert c.is_not_a_person("DISASTER\u00a0relief")
    assert c.is_not_a_person("Disaster Relief:")
    assert not c.is_not_a_person("Disaster")
    split = c.split_for("dmitry  PESKOV")
    assert split is not None and split.name == "Dmitry Peskov"
    assert c.split_for("Dmitri Peskov") is split  # transliteration variant, unambiguous
    assert c.split_for("Dmitry Medvedev") is None


def test_transliteration_fallback_only_when_unambiguous():
    c = load_corrections(
        """
        [[merge]]
        into = "Sergey Kolmar"
        names = ["S. Kolmar", "Sergei Kolmarov"]
        """
    )
    assert c.merge_target("Sergey Kolmarov") == "Sergey Kolmar"  # folds to Sergei Kolmarov
    assert c.merge_target("s. kolmar") == "Sergey Kolmar"


def test_role_words():
    assert role_words("the Press Secretary of the President") == ("press", "secretary", "of", "president")
    assert role_words("Vice‑President") == ("vice-president",)  # a non-breaking hyphen unified
    assert role_words("Director of the Agency for Strategic Initiatives") == (
        "director",
        "of",
        "agency",
        "for",
        "strategic",
        "initiatives",
    )


def test_person_for_by_role():
    split = load_corrections(EXAMPLE).splits[0]
    assert split.person_for("Press Secretary of the President", None).slug == "dmitry-peskov"
    assert split.person_for("Director General of the Agency for Strategic Initiatives", None).slug == (
        "dmitry-peskov-asi"
    )
    assert split.person_for("director general, agency for strategic initiatives", None).slug == (
        "dmitry-peskov-asi"
    )
    # whole words only: 'Agency for Strategic Initiativesx' is not the role
    assert split.person_for("Agency for Strategic Initiativesx", None).slug == "dmitry-peskov"


def test_person_for_articles_and_longest_phrase():
    split = load_corrections(
        """
        [[split]]
        name = "Ivan Petrov"
        people = [
          { slug = "ivan-petrov", roles = ["Secretary"], default = true },
          { slug = "ivan-petrov-press", roles = ["the Deputy Press Secretary"] },
          { slug = "ivan-petrov-vp", roles = ["President"] },
        ]
        """
    ).splits[0]
    assert split.person_for("Deputy Press Secretary", None).slug == "ivan-petrov-press"
    assert split.person_for("Secretary of the Council", None).slug == "ivan-petrov"
    assert split.person_for("Vice-President of the Bank", None).slug == "ivan-petrov"  # not 'President'
    assert split.person_for("President of the Bank", None).slug == "ivan-petrov-vp"


def test_person_for_by_date_and_default():
    split = load_corrections(
        """
        [[split]]
        name = "Alexei Ivanov"
        people = [
          { slug = "alexei-ivanov", default = true },
          { slug = "alexei-ivanov-governor", roles = ["Governor"], until = 2012-05-20 },
          { slug = "alexei-ivanov-minister", from = "2012-05-21", until = "2018-05-07" },
        ]
        """
    ).splits[0]
    d = datetime.date
    assert split.person_for(None, d(2015, 1, 1)).slug == "alexei-ivanov-minister"
    assert split.person_for(None, d(2012, 5, 21)).slug == "alexei-ivanov-minister"  # inclusive
    assert split.person_for(None, d(2018, 5, 8)).slug == "alexei-ivanov"  # after: the default
    assert split.person_for(None, None).slug == "alexei-ivanov"
    assert split.person_for("", None).slug == "alexei-ivanov"
    # the role, within its dates
    assert split.person_for("Governor of the Region", d(2010, 1, 1)).slug == "alexei-ivanov-governor"
    assert split.person_for("Governor of the Region", None).slug == "alexei-ivanov-governor"
    # outside its dates the role does not count; the date picks the minister
    assert split.person_for("Governor of the Region", d(2015, 1, 1)).slug == "alexei-ivanov-minister"
    assert split.person_for("Governor of the Region", d(2020, 1, 1)).slug == "alexei-ivanov"


def test_same_file_twice_equal_and_stable_fingerprint():
    a, b = load_corrections(EXAMPLE, "a.toml"), load_corrections(EXAMPLE, "b.toml")
    assert a == b and hash(a.merges) == hash(b.merges)
    assert a.fingerprint() == b.fingerprint()
    assert len(a.fingerprint()) == 64
    # layout, comments and the order of merges do not change what the file means
    reordered = """
    # corrections
    [[not_a_person]]
    labels = ["disaster  relief"]
    [[merge]]
    names = [ "Tayyip Erdogan" ]
    into = "Recep Tayyip Erdogan"
    [[split]]
    name = "Dmitry Peskov"
    [[split.people]]
    slug = "dmitry-peskov"
    default = true
    roles = ["press secretary"]
    [[split.people]]
    slug = "dmitry-peskov-asi"
    roles = ["the Agency for Strategic Initiatives"]
    """
    assert load_corrections(textwrap.dedent(reordered)).fingerprint() == a.fingerprint()
    changed = EXAMPLE.replace('"dmitry-peskov-asi"', '"dmitry-peskov-2"')
    assert load_corrections(changed).fingerprint() != a.fingerprint()
    retargeted = EXAMPLE.replace('into = "Recep Tayyip Erdogan"', 'into = "Recep Tayyip Erdoğan"')
    assert load_corrections(retargeted).fingerprint() != a.fingerprint()  # the shown name changed


def test_empty_file_is_no_corrections():
    for text in ("", "\n\n", "# nothing yet\n", "\ufeff"):
        c = load_corrections(text)
        assert c.is_empty and c == PeopleCorrections()
        assert c.fingerprint() == PeopleCorrections().fingerprint()
        assert c.merge_target("Anyone") is None and c.split_for("Anyone") is None
        assert not c.is_not_a_person("Anyone")
    assert load_corrections(EXAMPLE).fingerprint() != PeopleCorrections().fingerprint()


def test_load_file(tmp_path):
    path = tmp_path / "people.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert load_corrections_file(path) == load_corrections(EXAMPLE)
    path.write_text(EXAMPLE + '[[merge]]\ninto = "X Y"\n', encoding="utf-8")
    with pytest.raises(CorrectionsError, match="^" + re.escape(f"{path}, line 14: [[merge]] has no 'names'")):
        load_corrections_file(path)
    path.write_bytes(b'[[merge]]\ninto = "Erdo\xf0an"\n')
    with pytest.raises(CorrectionsError, match="^" + re.escape(f"{path}, line 2: not UTF-8")):
        load_corrections_file(path)


# --- every error, with its line ----------------------------------------------------------------


def test_toml_syntax_error_keeps_line_and_column():
    exc = error('[[merge]]\ninto = "A B"\nnames = [Tayyip]\n', 3, "TOML syntax", "line 3, column")
    assert exc.__cause__ is not None
    error('[[merge]]\ninto = "A B\n', 2, "TOML syntax")
    error('[[merge]]\ninto = "A B"\nnames = ["C D"', 3, "TOML syntax")


def test_unknown_tables_and_keys():
    error(EXAMPLE + "\n[[merges]]\ninto = 'A B'\n", 15, "unknown table or key 'merges'")
    error("title = 'corrections'\n", 1, "unknown table or key 'title'")
    error('[[merge]]\ninto = "A B"\nnames = ["C D"]\ntarget = "E"\n', 4, "unknown key 'target' in [[merge]]")
    error('\n[[not_a_person]]\nlabel = ["X"]\n', 3, "unknown key 'label'")
    error('[[split]]\nname = "A B"\npeople = []\nnote = "x"\n', 4, "unknown key 'note'")
    error(
        EXAMPLE.replace('roles = ["Agency', 'role = ["Agency'),
        9,
        "unknown key 'role' in a person of [[split]] of 'Dmitry Peskov'",
    )


def test_missing_or_empty_values():
    error('# c\n[[merge]]\nnames = ["A B"]\n', 2, "[[merge]] has no 'into'")
    error('[[merge]]\ninto = "   "\nnames = ["A B"]\n', 2, "'into' of [[merge]] is empty")
    error('[[merge]]\ninto = "..."\nnames = ["A B"]\n', 2, "no letters or digits")
    error('[[merge]]\ninto = "A B"\n', 1, "[[merge]] has no 'names'")
    error('[[merge]]\ninto = "A B"\nnames = []\n', 3, "'names' of [[merge]] is empty")
    error('[[merge]]\ninto = "A B"\nnames = ["C D",\n  ""]\n', 4, "'names' of [[merge]] is empty")
    error(EXAMPLE.replace('name = "Dmitry Peskov"\n', ""), 5, "[[split]] has no 'name'")
    error('[[split]]\nname = "A B"\n', 1, "has no 'people'")
    error('[[split]]\nname = "A B"\npeople = []\n', 3, "needs at least two people (it has 0)")
    error('[[split]]\nname = "A B"\npeople = [{slug="a", default=true}]\n', 3, "at least two people")
    error("[[not_a_person]]\n", 1, "has no 'labels'")
    error("[[not_a_person]]\nlabels = []\n", 2, "'labels' of [[not_a_person]] is empty")
    error(EXAMPLE.replace('{ slug = "dmitry-peskov-asi", ', "{ "), 9, "has no 'slug'")


def test_wrong_types():
    error("[merge]\ninto = 'A B'\nnames = ['C']\n", 1, "'merge' must be written as [[merge]] tables")
    error("merge = 3\n", 1, "must be written as [[merge]]")
    error('[[merge]]\ninto = 3\nnames = ["C D"]\n', 2, "'into' of [[merge]] must be a string, not an integer")
    error('[[merge]]\ninto = "A B"\nnames = "C D"\n', 3, "'names' of [[merge]] must be a list of strings")
    error('[[merge]]\ninto = "A B"\nnames = ["C D", 4]\n', 3, "must be a string, not an integer")
    error('[[split]]\nname = "A B"\npeople = ["a", "b"]\n', 3, "must be a list of tables")
    error(
        EXAMPLE.replace("default = true", 'default = "yes"'),
        8,
        "'default' of 'dmitry-peskov'",
        "true or false",
    )
    error(EXAMPLE.replace('roles = ["Press Secretary"]', 'roles = "Press Secretary"'), 8, "list of strings")
    error(EXAMPLE.replace('labels = ["Disaster Relief"]', "labels = [true]"), 13, "not a boolean")


def test_defaults():
    error(EXAMPLE.replace(", default = true", ""), 7, "no person is the default")
    error(
        EXAMPLE.replace('Initiatives"] }', 'Initiatives"], default = true }'),
        9,
        "two defaults, 'dmitry-peskov' and 'dmitry-peskov-asi'",
    )


def test_slugs():
    error(
        EXAMPLE.replace('"dmitry-peskov-asi"', '"Dmitry_Peskov"'),
        9,
        "slug 'Dmitry_Peskov' must be lower-case",
    )
    error(EXAMPLE.replace('"dmitry-peskov-asi"', '"dmitry--peskov"'), 9, "single hyphens")
    error(
        EXAMPLE.replace('"dmitry-peskov-asi"', '"dmitry-peskov"'),
        9,
        "slug 'dmitry-peskov' is already used at line 8",
    )
    other = '\n[[split]]\nname = "Ivan Petrov"\npeople = [\n  {slug = "ivan-petrov", default = true},\n  {slug = "dmitry-peskov", roles = ["Mayor"]},\n]\n'
    error(EXAMPLE + other, 19, "slug 'dmitry-peskov' is already used at line 8")


def test_person_needs_roles_or_dates():
    error(
        EXAMPLE.replace('roles = ["Agency for Strategic Initiatives"]', "roles = []"),
        9,
        "'roles' of 'dmitry-peskov-asi'",
        "is empty",
    )
    error(
        EXAMPLE.replace(', roles = ["Agency for Strategic Initiatives"]', ""),
        9,
        "'dmitry-peskov-asi' of [[split]] of 'Dmitry Peskov' has neither roles nor dates",
    )
    error(EXAMPLE.replace('"Agency for Strategic Initiatives"', '"the"'), 9, "no words but articles")
    # the default person is whoever remains: it needs neither
    load_corrections(EXAMPLE.replace('roles = ["Press Secretary"], ', ""))


def test_same_role_over_overlapping_dates():
    text = """\
    [[split]]
    name = "Ivan Petrov"
    people = [
      { slug = "ivan-petrov", roles = ["Mayor"], until = 2010-01-01, default = true },
      { slug = "ivan-petrov-2", roles = ["the mayor of Tula"] },
      { slug = "ivan-petrov-3", roles = ["MAYOR"], from = 2009-12-31 },
    ]
    """
    error(text, 6, "'ivan-petrov-3' and 'ivan-petrov' share the role 'mayor'")
    load_corrections(textwrap.dedent(text).replace("2009-12-31", "2010-01-02"))  # disjoint: fine


def test_dates():
    base = EXAMPLE.replace('Initiatives"] }', 'Initiatives"], {} }')
    error(
        base.replace("{}", 'from = "2015/12/31"'),
        9,
        "'from' of 'dmitry-peskov-asi'",
        "YYYY-MM-DD",
        "2015/12/31",
    )
    error(base.replace("{}", 'until = "20151231"'), 9, "YYYY-MM-DD")
    error(base.replace("{}", 'until = "2015-02-30"'), 9, "not a real date")
    error(base.replace("{}", "until = 2015-02-01T10:00:00"), 9, "not a date-time")
    error(base.replace("{}", "until = 2015"), 9, "not an integer")
    error(
        base.replace("{}", 'from = 2016-01-01, until = "2015-12-31"'),
        9,
        "'until' 2015-12-31 is before 'from' 2016-01-01",
    )
    ok = load_corrections(base.replace("{}", 'from = "2012-05-21", until = 2012-05-21'))
    person = ok.splits[0].people[1]
    assert person.from_date == person.until_date == datetime.date(2012, 5, 21)


def test_dates_in_array_of_tables_form():
    text = """\
    [[split]]
    name = "Ivan Petrov"

    [[split.people]]
    slug = "ivan-petrov"
    default = true

    [[split.people]]
    slug = "ivan-petrov-2"
    from = 2012-01-01
    until = 2011-01-01
    """
    error(text, 11, "'until' 2011-01-01 is before 'from' 2012-01-01")
    error(text.replace('slug = "ivan-petrov-2"\n', ""), 8, "has no 'slug'")


def test_merged_into_two_targets():
    text = """\
    [[merge]]
    into = "Recep Tayyip Erdogan"
    names = ["Erdogan"]

    [[merge]]
    into = "Emine Erdogan"
    names = [
      "Emine Gulbaran",
      "erdogan",
    ]
    """
    error(text, 9, "'erdogan' is merged into 'Emine Erdogan' here and into 'Recep Tayyip Erdogan' at line 3")


def test_listed_twice():
    error('[[merge]]\ninto = "A B"\nnames = ["C D", "c  d"]\n', 3, "'c d' is listed twice (also at line 3)")
    error(
        '[[not_a_person]]\nlabels = ["Voice"]\n[[not_a_person]]\nlabels = ["VOICE"]\n',
        4,
        "listed twice (also at line 2)",
    )
    # spelling variants of one name into the same person are harmless
    load_corrections('[[merge]]\ninto = "A B"\nnames = ["Sergei Kolmar", "Sergey Kolmar"]\n')


def test_merge_chain_and_cycle_are_refused():
    chain = """\
    [[merge]]
    into = "B Bee"
    names = ["A Ay"]

    [[merge]]
    into = "C Cee"
    names = ["B Bee"]
    """
    error(
        chain,
        7,
        "merge chain: 'B Bee' is merged into 'C Cee' (line 7)",
        "target of a merge (line 2)",
        "straight",
    )
    # the same chain written the other way round
    reversed_chain = """\
    [[merge]]
    into = "C Cee"
    names = ["B Bee"]

    [[merge]]
    into = "B Bee"
    names = ["A Ay"]
    """
    error(reversed_chain, 6, "merge chain: 'B Bee' is merged into 'C Cee' (line 3)")
    cycle = '[[merge]]\ninto = "A Ay"\nnames = ["B Bee"]\n[[merge]]\ninto = "B Bee"\nnames = ["A Ay"]\n'
    error(cycle, 5, "merge chain")
    error('[[merge]]\ninto = "A Ay"\nnames = ["a  AY"]\n', 3, "'a AY' is merged into itself")


def test_target_written_two_ways():
    text = '[[merge]]\ninto = "A Bee"\nnames = ["C"]\n[[merge]]\ninto = "a bee"\nnames = ["D"]\n'
    error(text, 5, "merge target 'a bee' is written 'A Bee' at line 2")
    load_corrections(text.replace('"a bee"', '"A Bee"'))  # the same target twice is fine


def test_merged_and_split():
    as_name = EXAMPLE + '\n[[merge]]\ninto = "Dmitry S. Peskov"\nnames = ["Dmitry Peskov"]\n'
    error(as_name, 17, "'Dmitry Peskov' is both merged and split (also at line 6)")
    as_target = EXAMPLE + '\n[[merge]]\ninto = "Dmitry Peskov"\nnames = ["D. Peskov"]\n'
    error(as_target, 16, "'Dmitry Peskov' is both merged and split")
    twice = (
        EXAMPLE
        + '\n[[split]]\nname = "DMITRY PESKOV"\npeople = [{slug="a", default=true}, {slug="b", roles=["x"]}]\n'
    )
    error(twice, 16, "'DMITRY PESKOV' is split twice (also at line 6)")


def test_not_a_person_and_a_person():
    text = EXAMPLE + '\n[[not_a_person]]\nlabels = ["Moderator", "Tayyip Erdogan"]\n'
    error(text, 16, "'Tayyip Erdogan' is both not a person and a person (merged or split at line 3)")


def test_lines_found_past_strings_comments_and_quoted_keys():
    text = """\
    # a [[split]] in a comment
    [[merge]]
    "into" = 'Recep # Tayyip ]] Erdogan'   # a comment with a "quote
    names = [ # a comment [
      "Tay\\"yip {Erdogan}",
      \"\"\"two
    lines\"\"\",
      \'\'\'literal ]] ''\'\'\',
    ]

    [[split]]
    name = "A B"
    people = [ {slug = "a", default = true}, # x
      {slug = "b", "roles" = ["x, y]"], until = "soon"} ]
    """
    error(text, 14, "'until' of 'b' of [[split]] of 'A B' must be a date YYYY-MM-DD, not 'soon'")


def test_error_attributes():
    exc = error('[[merge]]\ninto = "A B"\n', 1, "has no 'names'")
    assert exc.reason == "[[merge]] has no 'names'"
    assert isinstance(exc, ValueError)
