"""Editors' corrections of people: applied by `apply_people` and at every ingest."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.models import Participant, ParticipantRedirect, Turn

PEOPLE = """
[[merge]]
into = "Tamer Oduya"
names = ["Tamer Oduyev"]

[[split]]
name = "Pavel Orlin"
people = [
  { slug = "pavel-orlin", roles = ["Press Secretary"], default = true },
  { slug = "pavel-orlin-agency", roles = ["Harbour Agency"] },
]

[[not_a_person]]
labels = ["Freedonia Television"]
"""


def meeting(date: str, title: str, body: str) -> str:
    return f"{title}\n\n{date}, Larkspur\n\nThe Governor held a meeting.\n\n{body.strip()}\n"


FILES = {
    "a.txt": meeting(
        "March 3, 2021",
        "Meeting with President of Freedonia Tamer Oduya",
        """
Helena Marsh: Welcome to Larkspur, Mr President.

President of Freedonia Tamer Oduya: Thank you for the invitation to the harbour festival this spring.

Press Secretary Pavel Orlin: The press conference will begin in ten minutes in the blue hall.

Freedonia Television: Good evening, this is the evening news from the palace.
""",
    ),
    "b.txt": meeting(
        "June 5, 2023",
        "Meeting on the harbour agency",
        """
Helena Marsh: Colleagues, the agency reports first.

Head of the Harbour Agency Pavel Orlin: The agency opened three new piers this year.

Tamer Oduyev: Our ferries will use the new piers from next month onwards.
""",
    ),
}


def ingest(tmp_path, *extra):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("ingest_transcripts", str(tmp_path), *extra, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def apply(path, *extra):
    out = io.StringIO()
    call_command("apply_people", str(path), *extra, stdout=out)
    return out.getvalue()


def links():
    return {(t.meeting.slug, t.key): t.text for t in Turn.objects.select_related("meeting")}


@pytest.mark.django_db
def test_apply_people_merges_splits_and_drops_non_people_keeping_every_link(tmp_path, client):
    src = tmp_path / "in"
    src.mkdir()
    ingest(src)
    before = links()
    assert Participant.objects.filter(name="Pavel Orlin").count() == 1  # one name: one person so far
    oduyev = Participant.objects.get(name="Tamer Oduyev")
    people = tmp_path / "people.toml"
    people.write_text(PEOPLE, encoding="utf-8")

    out = apply(people)
    assert "merged: Tamer Oduyev (tamer-oduyev) -> Tamer Oduya (tamer-oduya): 1 remark(s)" in out
    assert "split: Pavel Orlin: 1 remark(s) in 1 meeting(s) -> pavel-orlin-agency" in out
    assert "not a person: Freedonia Television: 1 remark(s)" in out

    assert links() == before  # every remark keeps its link and its text
    oduya = Participant.objects.get(name="Tamer Oduya")
    assert oduya.turn_count == 2 and not Participant.objects.filter(pk=oduyev.pk).exists()
    assert client.get("/speakers/tamer-oduyev/").status_code == 301
    assert client.get("/speakers/tamer-oduyev/")["Location"].endswith("/speakers/tamer-oduya/")
    press, agency = (
        Participant.objects.get(slug="pavel-orlin"),
        Participant.objects.get(slug="pavel-orlin-agency"),
    )
    assert [t.role for t in press.turns.all()] == ["Press Secretary"]
    assert [t.role for t in agency.turns.all()] == ["Head of the Harbour Agency"]
    tv = Turn.objects.get(speaker_label="Freedonia Television")
    assert tv.speaker is None and tv.resolution == "not-a-person"
    assert not Participant.objects.filter(name="Freedonia Television").exists()

    # The same file again changes nothing.
    assert "people corrections: nothing to change" in apply(people)
    assert links() == before


@pytest.mark.django_db
def test_every_ingest_applies_the_people_file_and_a_new_file_lands_right(tmp_path):
    people = tmp_path / "people.toml"
    people.write_text(PEOPLE, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    out = ingest(src, "--people", str(people))
    assert "people corrections: 3 remark(s) re-attributed" in out
    assert set(Participant.objects.values_list("slug", flat=True)) == {
        "helena-marsh",
        "tamer-oduya",
        "pavel-orlin",
        "pavel-orlin-agency",
    }
    # A later file with the merged spelling goes to the right person; nothing else moves.
    (src / "c.txt").write_text(
        meeting("May 2, 2024", "Second visit", "Tamer Oduyev: We are glad to be back in the harbour again."),
        encoding="utf-8",
    )
    out = ingest(src, "--people", str(people))
    assert Participant.objects.get(slug="tamer-oduya").turn_count == 3
    assert "people corrections: nothing to change" in out


@pytest.mark.django_db
def test_a_people_file_with_an_error_is_refused_with_its_line_and_nothing_changes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    ingest(src)
    before = links(), sorted(Participant.objects.values_list("slug", flat=True))
    bad = tmp_path / "bad.toml"
    bad.write_text('[[merge]]\ninto = "Tamer Oduya"\n\n[[split]]\nname = "Pavel Orlin"\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad.toml, line 1: \[\[merge\]\] has no 'names'"):
        apply(bad)
    with pytest.raises(CommandError, match=r"people file: .*bad.toml, line"):
        ingest(src, "--people", str(bad))
    assert (links(), sorted(Participant.objects.values_list("slug", flat=True))) == before
    assert not ParticipantRedirect.objects.exists()


@pytest.mark.django_db
def test_a_split_giving_another_persons_slug_is_refused_and_nothing_changes(tmp_path):
    """A split of "Pavel Orlin" whose second slug is Tamer Oduya's: his remarks and hers had
    been swapped between the two without a word."""
    src = tmp_path / "in"
    src.mkdir()
    ingest(src)
    before = links(), sorted(Participant.objects.values_list("slug", flat=True))
    taken = tmp_path / "taken.toml"
    taken.write_text(
        '[[split]]\nname = "Pavel Orlin"\npeople = [\n  { slug = "pavel-orlin", default = true },\n'
        '  { slug = "tamer-oduya", roles = ["Harbour Agency"] },\n]\n',
        encoding="utf-8",
    )
    message = r"taken.toml, line 5: the slug 'tamer-oduya' is Tamer Oduya's, not a person named Pavel Orlin"
    with pytest.raises(CommandError, match=message):
        apply(taken)
    with pytest.raises(CommandError, match=message):
        ingest(src, "--people", str(taken))
    assert (links(), sorted(Participant.objects.values_list("slug", flat=True))) == before


@pytest.mark.django_db
def test_a_merge_into_a_name_no_one_has_renames_and_says_so(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    ingest(src)
    renamed = tmp_path / "renamed.toml"
    renamed.write_text('[[merge]]\ninto = "Tamer Oduya Bey"\nnames = ["Tamer Oduya"]\n', encoding="utf-8")
    out = apply(renamed)
    assert "Tamer Oduya (tamer-oduya) shown as Tamer Oduya Bey" in out
    assert "nothing to change" not in out
    assert Participant.objects.get(slug="tamer-oduya").name == "Tamer Oduya Bey"
