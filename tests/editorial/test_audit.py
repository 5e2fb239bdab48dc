"""audit_attributions: the pure checks on plain rows, and the report over invented transcripts."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from meetings.core import audit as A
from meetings.core.audit import GenericTurn, Person, RoleUse

# --- Pure checks: no database ------------------------------------------------------------------------


def person(pid, name, turns=1, meetings=1):
    return Person(pid, name, f"/speakers/p{pid}/", turns, meetings)


def use(pid, role, day, meeting, n=1):
    return RoleUse(pid, role, date.fromisoformat(day), meeting, f"/meetings/m{meeting}/t{pid}-{n}/")


@pytest.mark.parametrize(
    "name",
    [
        "Young Gardeners",
        "Ministry of Harbours",
        "Harbour Board",
        "Larkspur",
        "Rights Nadia Kowal",
        "Team Larkspur 2022",
        "Kowal, Nadia",
        "quay workers",
        "Nizhny Larkovo",
        "Harbour Pravda",
    ],
)
def test_names_that_are_not_people(name):
    assert A.not_a_person_reasons(name)


@pytest.mark.parametrize(
    "name",
    ["Helena Marsh", "Tomas Reyes", "Alexander Van der Bellen", "Patriarch Mikhail", "Albert II", "Z. Amin"],
)
def test_names_of_people(name):
    assert A.not_a_person_reasons(name) == []


def test_a_role_cut_mid_title_marks_its_name():
    people = [person(1, "Larkspur Bay")]
    found = A.check_not_a_person(people, [use(1, "Crown Prince Ivan of", "2022-01-01", 1)])
    assert len(found) == 1 and "cut mid-title" in found[0].evidence[0]


def test_one_person_under_two_names():
    people = [
        person(1, "Tayyip Kowal", 8),
        person(2, "Recep Tayyip Kowal", 5),
        person(3, "Angela Markel"),
        person(4, "Angela Merkel", 6),
        person(5, "A. Repik"),
        person(6, "Anna Repik", 3),
        person(7, "Sergey Lomov"),
        person(8, "Sergei Lomov", 4),
        person(9, "Z. Amin"),
        person(10, "Adnan Amin"),
        # Different people: different given names, a feminine surname, a different initial.
        person(11, "Olga Nikitina"),
        person(12, "Natalya Nikitina"),
        person(13, "Sergei Kravtsov"),
        person(14, "Sergei Kravtsova"),
        person(15, "B. Repik"),
        # One given name from the Russian and in English: an archive that stored both before the
        # folding knew "-ndr" lists them for an editor.
        person(16, "Aleksandr Dorn"),
        person(17, "Alexander Dorn", 2),
        # A son and his father, a family name written first (each pair had been listed as "may be
        # one person").
        person(18, "Ivan Orlov Jr"),
        person(19, "Ivan Orlov", 3),
        person(22, "Liu Wei", 2),
        person(23, "Lu Wei"),
        # ... but two ways of writing one given name still are.
        person(24, "Yulia Belova"),
        person(25, "Julia Belova", 2),
    ]
    roles = [use(9, "Director-General of the Tidal Agency Adnan", "2022-01-01", 1)]
    pairs = {tuple(sorted(f.links)) for f in A.check_may_be_one_person(people, roles)}
    assert pairs == {
        ("/speakers/p1/", "/speakers/p2/"),
        ("/speakers/p3/", "/speakers/p4/"),
        ("/speakers/p5/", "/speakers/p6/"),
        ("/speakers/p7/", "/speakers/p8/"),
        ("/speakers/p10/", "/speakers/p9/"),
        ("/speakers/p16/", "/speakers/p17/"),
        ("/speakers/p24/", "/speakers/p25/"),
    }


def test_edit_distance():
    assert A.edit_distance("merkel", "markel") == 1
    assert A.edit_distance("kitten", "sitting") == 3
    assert A.edit_distance("a", "abcdefg", limit=2) == 3


def test_two_people_when_unrelated_roles_alternate_or_a_student_follows_an_office():
    people = [
        person(1, "Tomas Reyes", 3, 3),
        person(2, "Ivan Lomov", 2, 2),
        person(3, "Sergei Lomin", 3, 3),
        person(4, "Anna Kowal", 2, 2),
    ]
    roles = [
        use(1, "Harbour Port Director", "2020-01-01", 1),
        use(1, "Chief Librarian of Larkspur", "2021-01-01", 2),
        use(1, "Harbour Port Director", "2022-01-01", 3),
        # A career: one after the other.
        use(2, "Minister of Harbours", "2018-01-01", 4),
        use(2, "Larkspur Bank CEO", "2020-01-01", 5),
        # A governor, then a student of the same name: a career never goes that way (one role
        # after the other, it had been left to the careers option: an editor never saw it) ...
        use(3, "Governor of Kirov Region", "2014-04-15", 6),
        use(3, "student of Larkspur University", "2022-03-15", 7),
        # ... the other way round, it does.
        use(4, "student of Larkspur University", "2012-01-01", 8),
        use(4, "Minister of Harbours", "2022-01-01", 9),
    ]
    found = {f.links[0]: f for f in A.check_may_be_two_people(people, roles)}
    assert set(found) == {"/speakers/p1/", "/speakers/p3/"}
    assert "overlap or alternate" in found["/speakers/p1/"].evidence[0]
    assert any("Chief Librarian of Larkspur" in e for e in found["/speakers/p1/"].evidence)
    assert len(found["/speakers/p1/"].links) == 3  # the person, and one turn of each role
    assert "a student after an office" in found["/speakers/p3/"].evidence[0]
    careers = A.check_may_be_two_people(people, roles, careers=True)
    assert {f.links[0] for f in careers} == {f"/speakers/p{n}/" for n in (1, 2, 3, 4)}


def test_one_office_is_not_two_careers():
    people = [person(1, "Lev Orlov", 3, 3)]
    roles = [
        use(1, "President of Russia", "2020-01-01", 1),
        use(1, "Russian President", "2021-01-01", 2),
        use(1, "President, Russia", "2022-01-01", 3),  # profiles still show this one apart
    ]
    assert A.check_may_be_two_people(people, roles) == []
    spellings = A.check_roles(people, roles)
    assert len(spellings) == 1 and "3 ways" in spellings[0].summary


def test_office_key_folds_order_case_articles_and_place_form():
    key = A.office_key("President of Russia")
    assert A.office_key("Russian President") == key
    assert A.office_key("President OF THE Russia") == key
    assert A.office_key("Minister of Trade and Industry") == A.office_key("Industry and Trade Minister")
    assert A.office_key("Deputy Prime Minister") != A.office_key("Prime Minister")


@pytest.mark.parametrize(
    "role",
    [
        "Commissioner for Children's",
        "Winner of the Harbour Prize for",
        "Helena Marsh sent a message to the participants of the forum",
        "President of Larkspur Recep",
        "Larkspur",
        "Adnan",
    ],
)
def test_roles_that_are_not_offices(role):
    assert A.role_reasons(role)


@pytest.mark.parametrize(
    "role",
    [
        "President of Russia",
        "Harbour Board Chair",
        "Minister of Natural Resources and Environment",
        "Colonel General",
        "head of the quay department",  # an occupation written in lower case
        "Patriarch of Larkspur and All Borduria",
        "Head of the A Just Borduria faction in the Assembly",  # capitalised: a party's name
        "Editor-in-Chief of Borduria Today Television Channel",
    ],
)
def test_roles_that_are_offices(role):
    assert A.role_reasons(role) == []


def test_long_generic_turns():
    turns = [
        GenericTurn("Question", n, f"/meetings/m/question-{i}/") for i, n in enumerate([300, 320, 340, 360])
    ]
    turns += [
        GenericTurn("Question", 3200, "/meetings/m/question-9/"),  # over 3,000
        GenericTurn("Remark", 40, "/meetings/m/remark-1/"),
        GenericTurn("Remark", 50, "/meetings/m/remark-2/"),
        GenericTurn("Remark", 45, "/meetings/m/remark-5/"),
        GenericTurn("Remark", 55, "/meetings/m/remark-6/"),
        GenericTurn("Remark", 60, "/meetings/m/remark-7/"),
        GenericTurn("Remark (retranslated)", 1200, "/meetings/m/remark-3/"),  # 5× its label's median
        GenericTurn("Remark", 900, "/meetings/m/remark-4/"),  # 5×, but under the 1,000 floor
    ]
    found = A.check_long_generic_turns(turns)
    assert [f.links[0] for f in found] == ["/meetings/m/question-9/", "/meetings/m/remark-3/"]
    assert A.is_generic_label("Question (retranslated)") and A.is_generic_label("A voice from the audience")
    assert not A.is_generic_label("Helena Marsh")


def test_audit_orders_by_kind_and_counts():
    people = [person(1, "Young Gardeners"), person(2, "Angela Markel"), person(3, "Angela Merkel")]
    findings = A.audit(people, [], [GenericTurn("Question", 5000, "/meetings/m/question-1/")])
    assert [f.kind for f in findings] == [A.NOT_A_PERSON, A.MAY_BE_ONE_PERSON, A.LONG_GENERIC_TURN]
    assert A.summary(findings) == {
        A.NOT_A_PERSON: 1,
        A.MAY_BE_ONE_PERSON: 1,
        A.MAY_BE_TWO_PEOPLE: 0,
        A.LONG_GENERIC_TURN: 1,
        A.ROLE_NOT_AN_OFFICE: 0,
    }
    assert A.audit(people, [], [GenericTurn("Question", 5000, "/meetings/m/question-1/")]) == findings


# --- The report over an ingested archive ----------------------------------------------------------

JANUARY = """Meeting of the Harbour Board

January 10, 2022, Harbour Hall, Larkspur

Helena Marsh chaired a meeting of the Harbour Board.

Chair of the Harbour Board Helena Marsh: Good morning.

Harbour Port Director Tomas Reyes: The quay needs repairs.

Young Gardeners: We planted the quay.

Helena Marsch: A small point on the budget.

Question: What about the lighthouse?

Tomas Reyes: It is fine.
"""

MARCH = """Meeting on the Town Library

March 14, 2022, Town Hall, Larkspur

Tomas Reyes reported on the library.

Chief Librarian of Larkspur Tomas Reyes: The library needs new shelves.

Chair, Harbour Board Helena Marsh: We could share the timber.
"""

MAY = """Meeting of the Harbour Board

May 20, 2022, Harbour Hall, Larkspur

Helena Marsh chaired a meeting of the Harbour Board.

Chair of the Harbour Board Helena Marsh: Good morning again.

Harbour Port Director Tomas Reyes: The quay is repaired.

Question: {long}
"""

LONG = " ".join(["The tide came in over the old stones and the boats rocked gently in the harbour."] * 50)

CLEAN = """Meeting of the Orchard Council

June 2, 2022, Orchard House, Larkspur

Mira Olsen chaired a meeting of the Orchard Council.

Chair of the Orchard Council Mira Olsen: Good morning.

Head Gardener Paulo Lenz: The apple trees need pruning.

Mira Olsen: How long will it take?

Paulo Lenz: Two weeks.

Remark: Too long.

Question: Can volunteers help?

Mira Olsen: Thank you all.
"""


def run(*args) -> str:
    out = io.StringIO()
    call_command("audit_attributions", *args, stdout=out)
    return out.getvalue()


def ingest(*paths):
    call_command("ingest_transcripts", *map(str, paths), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db
def test_report_finds_every_kind(write_transcript):
    ingest(
        write_transcript("jan.txt", JANUARY),
        write_transcript("mar.txt", MARCH),
        write_transcript("may.txt", MAY.format(long=LONG)),
    )
    data = json.loads(run("--json"))
    assert set(data) == {"summary", "findings"}
    assert list(data["summary"]) == list(A.KINDS)
    assert all(n >= 1 for n in data["summary"].values()), data["summary"]
    assert sum(data["summary"].values()) == len(data["findings"])
    for f in data["findings"]:
        assert set(f) == {"kind", "summary", "evidence", "links"}
        assert f["summary"] and f["evidence"] and f["links"]
        assert all(
            link.startswith(("/speakers/", "/meetings/")) and link.endswith("/") for link in f["links"]
        )
    by_kind = {}
    for f in data["findings"]:
        by_kind.setdefault(f["kind"], []).append(f)
    assert by_kind[A.NOT_A_PERSON][0]["links"] == ["/speakers/young-gardeners/"]
    assert set(by_kind[A.MAY_BE_ONE_PERSON][0]["links"]) == {
        "/speakers/helena-marsh/",
        "/speakers/helena-marsch/",
    }
    two = by_kind[A.MAY_BE_TWO_PEOPLE][0]
    assert two["links"] == [
        "/speakers/tomas-reyes/",
        "/meetings/2022-01-10-meeting-of-harbour-board/tomas-reyes-1/",
        "/meetings/2022-03-14-meeting-on-town-library/tomas-reyes-1/",
    ]
    assert by_kind[A.LONG_GENERIC_TURN][0]["links"] == [
        "/meetings/2022-05-20-meeting-of-harbour-board/question-1/"
    ]
    assert any("Chair, Harbour Board" in e for f in by_kind[A.ROLE_NOT_AN_OFFICE] for e in f["evidence"])

    # Deterministic, filtered, limited; text grouped by kind with the counts first.
    assert json.loads(run("--json")) == data
    only = json.loads(run("--json", "--kind", A.NOT_A_PERSON, "--limit", "1"))
    assert list(only["summary"]) == [A.NOT_A_PERSON] and len(only["findings"]) == 1
    text = run()
    assert text.splitlines()[0].startswith("Attribution audit: not-a-person 1, may-be-one-person 1")
    assert (
        text.index("== not-a-person")
        < text.index("== may-be-one-person")
        < text.index("== long-generic-turn")
    )
    assert "/speakers/young-gardeners/" in text


@pytest.mark.django_db
def test_clean_archive_has_no_name_or_generic_findings(write_transcript):
    ingest(write_transcript("orchard.txt", CLEAN))
    summary = json.loads(run("--json"))["summary"]
    assert summary[A.NOT_A_PERSON] == summary[A.MAY_BE_ONE_PERSON] == summary[A.LONG_GENERIC_TURN] == 0, (
        summary
    )
