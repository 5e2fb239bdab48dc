"""The read-only JSON API (/api/): every endpoint, the same filters as the pages, no database ids,
JSON errors, GET/HEAD only, a fixed number of queries, and responses that match its OpenAPI schema."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
import schemathesis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from meetings.http.middleware import CONTROL
from meetings.models import Meeting, Participant, ParticipantRedirect, Topic, Turn
from tests.helpers import MEETING, ingest

FERRY = """Meeting on the ferry service

May 4, 2021, Town Hall, Larkspur

The Mayor discussed the ferry service with the council.

Mayor of Larkspur Helena Marsh: Good morning. Thank you all for coming.

Council member Ada Lindqvist: The ferry timetable leaves the islanders stranded every Sunday. The ferry timetable must change before the winter storms, and the ferry timetable for the islanders needs a late boat.

Helena Marsh: Thank you.

Port Director Tomas Reyes: The ferry timetable depends on the quay walls. The quay walls along the fish market need urgent repair, and the repair of the quay walls will cost two million. <script>alert(1)</script> & more.

(Council member Priya Natarajan spoke about the ferry timetable and the winter storms.)

Question: What about the winter storms and the quay walls?

Helena Marsh: Thank you. Go ahead, please.
"""

HARBOUR = "2022-10-03-meeting-of-harbour-board"
FERRY_SLUG = "2021-05-04-meeting-on-ferry-service"


@pytest.fixture
def archive(write_transcript):
    ingest(write_transcript("harbour.txt", MEETING), write_transcript("ferry.txt", FERRY))


def get(client, path, status=200):
    r = client.get(path)
    assert r.status_code == status, (path, r.status_code, r.content[:500])
    assert r["Content-Type"] == "application/json", path
    return r.json()


def results(client, path):
    return get(client, path)["results"]


def paths(urls):
    return [urlsplit(u).path for u in urls]


def page_links(html: str, pattern: str, after: str = "") -> list[str]:
    if after:
        html = html.split(after, 1)[1]
    return re.findall(pattern, html)


# --- the root and the schema --------------------------------------------------------------------


@pytest.mark.django_db
def test_root_links_to_every_collection_and_the_schema(client, archive):
    root = get(client, "/api/")
    assert root == {
        "meetings": "http://testserver/api/meetings/",
        "participants": "http://testserver/api/participants/",
        "turns": "http://testserver/api/turns/",
        "topics": "http://testserver/api/topics/",
        "search": "http://testserver/api/search/",
        "schema": "http://testserver/api/schema/",
        "source": None,  # who published the texts: none set here (test_source_credit.py)
    }
    for url in [u for u in root.values() if u]:
        assert client.get(url + ("?q=ferry" if url.endswith("/search/") else "")).status_code == 200


@pytest.mark.django_db
def test_schema_is_openapi_3_in_json_and_yaml(client):
    r = client.get("/api/schema/?format=json")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = json.loads(r.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/",
        "/api/meetings/",
        "/api/meetings/{slug}/",
        "/api/participants/",
        "/api/participants/{slug}/",
        "/api/participants/{slug}/remarks/",
        "/api/turns/",
        "/api/turns/{meeting}/{key}/",
        "/api/topics/",
        "/api/topics/{slug}/",
        "/api/topics/{slug}/remarks/",
        "/api/search/",
    }
    assert all(set(ops) == {"get"} for ops in schema["paths"].values())
    params = {p["name"] for p in schema["paths"]["/api/meetings/"]["get"]["parameters"]}
    assert params == {
        "q",
        "words",
        "year",
        "date_from",
        "date_to",
        "place",
        "speaker",
        "topic",
        "page",
        "page_size",
    }
    params = {p["name"] for p in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert params == {
        "q",
        "sort",
        "page",
        "page_size",
        "speaker",
        "meeting",
        "date_from",
        "date_to",
        "year",
        "kind",
        "topic",
    }
    assert "400" in schema["paths"]["/api/search/"]["get"]["responses"]
    assert "404" in schema["paths"]["/api/meetings/{slug}/"]["get"]["responses"]
    r = client.get("/api/schema/")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.oai.openapi;")  # YAML
    assert b"openapi: 3." in r.content


# --- meetings -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_meeting_list(client, archive):
    body = get(client, "/api/meetings/")
    assert (body["count"], body["next"], body["previous"]) == (2, None, None)
    first = body["results"][0]
    assert first == {
        "slug": HARBOUR,
        "title": "Meeting of the Harbour Board",
        "date": "2022-10-03",
        "place": "Harbour Hall, Larkspur",
        "is_excerpt": False,
        "turn_count": 6,
        "speaker_count": 2,
        "url": f"http://testserver/meetings/{HARBOUR}/",
        "api_url": f"http://testserver/api/meetings/{HARBOUR}/",
    }
    assert [m["slug"] for m in body["results"]] == [HARBOUR, FERRY_SLUG]  # newest first


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "year=2021",
        "year=2022",
        "q=harbour+board",
        "q=ferry",
        "place=town+hall",
        "speaker=tomas-reyes",
        "speaker=ada",
        "date_from=2022-01-01",
        "date_to=2021-12-31",
        "date_from=2021-05-04&date_to=2021-05-04",
        "speaker=nobody",
        "",
        # The meetings in which a topic came up, as its page lists them (a reader's ask).
        "topic=ferry-timetable",
        "topic=ferry-timetable&year=2022",
        "topic=no-such-topic",
    ],
)
def test_meeting_filters_are_the_pages_filters(client, archive, query):
    if query == "topic=no-such-topic":  # names no topic: not understood (the page ignores it, saying so)
        assert "topic" in get(client, f"/api/meetings/?{query}", status=400)
        assert "no topic is called" in client.get(f"/meetings/?{query}").content.decode()
        return
    api = [m["url"] for m in results(client, f"/api/meetings/?{query}")]
    page = page_links(client.get(f"/meetings/?{query}").content.decode(), r'class="title" href="([^"]+)"')
    assert paths(api) == page
    assert api or query in ("speaker=nobody", "topic=no-such-topic", "topic=ferry-timetable&year=2022")
    if query == "topic=ferry-timetable":
        listed = [m["url"] for m in get(client, "/api/topics/ferry-timetable/")["meetings"]]
        assert sorted(api) == sorted(listed)
        html = client.get(f"/meetings/?{query}").content.decode()
        assert 'Meetings in which <a href="/topics/ferry-timetable/">' in html
        assert '<input type="hidden" name="topic" value="ferry-timetable">' in html
        assert 'href="?">All meetings</a>' in html


@pytest.mark.django_db
def test_meeting_detail(client, archive, django_assert_max_num_queries):
    client.get("/api/")  # the archive version is read (and cached) once per process
    with django_assert_max_num_queries(
        4
    ):  # meeting, turns with speakers, topics, the remarks that raised them
        m = get(client, f"/api/meetings/{FERRY_SLUG}/")
    assert (m["title"], m["date"], m["place"]) == (
        "Meeting on the ferry service",
        "2021-05-04",
        "Town Hall, Larkspur",
    )
    assert m["description"] == "The Mayor discussed the ferry service with the council."
    assert (m["is_excerpt"], m["source_name"], m["turn_count"], m["speaker_count"]) == (
        False,
        "ferry.txt",
        7,
        4,
    )
    assert m["url"] == f"http://testserver/meetings/{FERRY_SLUG}/"
    db_turns = list(Turn.objects.filter(meeting__slug=FERRY_SLUG).order_by("position"))
    assert [t["key"] for t in m["turns"]] == [t.key for t in db_turns]
    assert [t["position"] for t in m["turns"]] == list(range(1, 8))
    first = m["turns"][0]
    assert first == {
        "key": "helena-marsh-1",
        "position": 1,
        "speaker": {
            "slug": "helena-marsh",
            "name": "Helena Marsh",
            "url": "http://testserver/speakers/helena-marsh/",
            "api_url": "http://testserver/api/participants/helena-marsh/",
        },
        "speaker_label": "Mayor of Larkspur Helena Marsh",
        "role": "Mayor of Larkspur",
        "kind": "speech",
        "section": "",
        "text": "Good morning. Thank you all for coming.",
        "permalink": f"http://testserver/meetings/{FERRY_SLUG}/helena-marsh-1/",
        "api_url": f"http://testserver/api/turns/{FERRY_SLUG}/helena-marsh-1/",
    }
    summary = next(t for t in m["turns"] if t["kind"] == "summary")
    assert summary["speaker"]["slug"] == "priya-natarajan"
    question = next(t for t in m["turns"] if t["speaker"] is None)
    assert (question["speaker_label"], question["role"]) == ("Question", None)
    assert "<script>alert(1)</script> & more." in m["turns"][3]["text"]  # text as written: JSON, not HTML
    people = {p["slug"]: p for p in m["participants"]}
    assert list(people) == [
        "helena-marsh",
        "ada-lindqvist",
        "tomas-reyes",
        "priya-natarajan",
    ]  # order of speaking
    assert (
        people["helena-marsh"]["roles"] == ["Mayor of Larkspur"] and people["helena-marsh"]["turn_count"] == 3
    )
    assert people["tomas-reyes"]["roles"] == ["Port Director"]
    topics = {t["slug"]: t for t in m["topics"]}
    assert topics["ferry-timetable"]["rank"] == 1
    assert topics["ferry-timetable"]["raised_by"]["slug"] == "ada-lindqvist"
    assert topics["ferry-timetable"]["url"] == "http://testserver/topics/ferry-timetable/"
    assert topics["ferry-timetable"]["evidence"].startswith(f"http://testserver/meetings/{FERRY_SLUG}/")
    # The remark that raised each topic, as the meeting page's "raised by … (remark)" links it.
    html = client.get(f"/meetings/{FERRY_SLUG}/").content.decode()
    linked = dict(
        re.findall(
            r'href="/topics/([^/"]+)/">[^<]*</a> <span class="meta">raised by [^(<]*\(<a href="#([^"]+)"',
            html,
        )
    )
    assert linked and {t["slug"]: t["raised_in"] for t in m["topics"] if t["raised_in"]} == {
        slug: f"http://testserver/meetings/{FERRY_SLUG}/{key}/" for slug, key in linked.items()
    }


# --- participants -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_participant_list(client, archive):
    people = results(client, "/api/participants/")
    assert [p["slug"] for p in people] == ["ada-lindqvist", "helena-marsh", "priya-natarajan", "tomas-reyes"]
    assert people[1] == {
        "slug": "helena-marsh",
        "name": "Helena Marsh",
        "url": "http://testserver/speakers/helena-marsh/",
        "api_url": "http://testserver/api/participants/helena-marsh/",
        "turn_count": 6,
        "meeting_count": 2,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "q=marsh",
        "q=helena+marsh",
        "role=port+director",
        "role=council",
        "letter=m",
        "letter=R",
        "q=nobody",
        "",
        # Regression: the pages' orders were ignored by the API (A–Z whatever was asked).
        "order=-remarks",
        "order=-latest",
        "order=name",
        "role=council&order=-remarks",
    ],
)
def test_participant_filters_are_the_speaker_pages_filters(client, archive, query):
    api = [p["url"] for p in results(client, f"/api/participants/?{query}")]
    html = client.get(f"/speakers/?{query}").content.decode()
    page = page_links(html, r'<li><a href="(/speakers/[^"]+/)">')
    assert paths(api) == page
    assert api or query == "q=nobody"
    if query == "order=-remarks":
        counts = [p["turn_count"] for p in results(client, f"/api/participants/?{query}")]
        assert counts == sorted(counts, reverse=True) and counts != sorted(counts)


@pytest.mark.django_db
def test_participant_detail_and_remarks(client, archive, django_assert_max_num_queries):
    client.get("/api/")
    with django_assert_max_num_queries(3):  # person, roles, topics
        p = get(client, "/api/participants/helena-marsh/")
    assert (p["name"], p["turn_count"], p["meeting_count"]) == ("Helena Marsh", 6, 2)
    assert p["url"] == "http://testserver/speakers/helena-marsh/"
    assert p["remarks_url"] == "http://testserver/api/participants/helena-marsh/remarks/"
    assert {r["role"]: (r["meeting_count"], r["first_date"], r["last_date"]) for r in p["roles"]} == {
        "Chair of the Harbour Board": (1, "2022-10-03", "2022-10-03"),
        "Mayor of Larkspur": (1, "2021-05-04", "2021-05-04"),
    }
    ada = get(client, "/api/participants/ada-lindqvist/")
    topics = {t["slug"]: t for t in ada["topics"]}
    assert topics["ferry-timetable"]["remark_count"] == 1 and topics["ferry-timetable"]["raised_count"] == 1
    assert topics["ferry-timetable"]["rank"] == 1
    assert (
        topics["ferry-timetable"]["evidence"] == f"http://testserver/meetings/{FERRY_SLUG}/ada-lindqvist-1/"
    )
    remarks = results(client, "/api/participants/helena-marsh/remarks/")
    assert [(r["meeting"]["slug"], r["key"]) for r in remarks][:2] == [
        (HARBOUR, "helena-marsh-1"),
        (HARBOUR, "helena-marsh-2"),
    ]
    assert len(remarks) == 6
    for query in ("year=2021", f"meeting={HARBOUR}", "year=2020"):
        api = [r["permalink"] for r in results(client, f"/api/participants/helena-marsh/remarks/?{query}")]
        html = client.get(f"/speakers/helena-marsh/?{query}").content.decode()
        assert paths(api) == page_links(
            html, r'rel="bookmark" href="([^"]+)"', after='<ol class="remark-list">'
        )
    get(client, "/api/participants/helena-marsh/remarks/?year=abc", status=400)


@pytest.mark.django_db
def test_merged_participant_redirects(client, archive):
    ParticipantRedirect.objects.create(
        old_slug="h-marsh", participant=Participant.objects.get(slug="helena-marsh")
    )
    r = client.get("/api/participants/h-marsh/")
    assert r.status_code == 301 and r["Location"] == "/api/participants/helena-marsh/"
    r = client.get("/api/participants/h-marsh/remarks/?year=2021")
    assert r.status_code == 301 and r["Location"] == "/api/participants/helena-marsh/remarks/?year=2021"
    assert get(client, "/api/participants/nobody/", status=404) == {"detail": "No such participant."}
    get(client, "/api/participants/nobody/remarks/", status=404)


# --- turns --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_turn_list(client, archive):
    body = get(client, "/api/turns/?page_size=4")
    assert body["count"] == 13 and body["next"] == "http://testserver/api/turns/?page=2&page_size=4"
    first = body["results"][0]
    assert (first["key"], first["meeting"]["slug"]) == ("helena-marsh-1", HARBOUR)
    assert first["meeting"]["date"] == "2022-10-03"
    assert first["meeting"]["url"] == f"http://testserver/meetings/{HARBOUR}/"
    last = get(client, "/api/turns/?page_size=4&page=4")
    assert [t["key"] for t in last["results"]] == ["helena-marsh-3"] and last["next"] is None
    assert [t["key"] for t in results(client, "/api/turns/?kind=summary")] == ["priya-natarajan-1"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        f"meeting={HARBOUR}",
        "speaker=tomas-reyes",
        "year=2021",
        "kind=summary",
        "kind=speech",
        "topic=ferry-timetable",
        "date_from=2022-01-01",
        "speaker=helena-marsh&year=2022",
        "topic=nothing",
        # Regression: a name or a surname (as the search's speaker box takes) listed no remark.
        "speaker=Reyes",
        "speaker=tomas%20reyes",
    ],
)
def test_turn_filters_are_the_search_filters(client, archive, query):
    from django.http import QueryDict

    from meetings.web.filters import SearchFilter

    if query == "topic=nothing":  # names no topic: not understood (the page ignores it, saying so)
        assert "topic" in get(client, f"/api/turns/?{query}", status=400)
        assert "topic" in get(client, f"/api/search/?q=ferry+timetable&{query}", status=400)
        assert "no topic is called" in client.get(f"/search/?q=ferry+timetable&{query}").content.decode()
        return
    api = [(t["meeting"]["slug"], t["key"]) for t in results(client, f"/api/turns/?{query}&page_size=200")]
    filterset = SearchFilter(QueryDict(query), queryset=Turn.objects.all())
    assert filterset.is_valid()
    expected = sorted(
        filterset.qs.values_list("meeting__date", "meeting__slug", "position", "key"),
        key=lambda r: (-r[0].toordinal(), r[2]),
    )
    assert api == [(slug, key) for _, slug, _, key in expected]
    assert api
    # and the search page narrows by the same filters
    api_hits = paths(
        r["permalink"] for r in get(client, f"/api/search/?q=ferry+timetable&{query}")["results"]
    )
    html = client.get(f"/search/?q=ferry+timetable&{query}").content.decode()
    assert api_hits == page_links(html, r'rel="bookmark" href="([^"]+)"')


@pytest.mark.django_db
def test_turn_detail_missing_and_retired(client, archive, write_transcript, django_assert_max_num_queries):
    client.get("/api/")
    with django_assert_max_num_queries(2):  # meeting, turn with speaker
        t = get(client, f"/api/turns/{HARBOUR}/tomas-reyes-1/")
    assert t == {
        "key": "tomas-reyes-1",
        "position": 2,
        "meeting": {
            "slug": HARBOUR,
            "title": "Meeting of the Harbour Board",
            "date": "2022-10-03",
            "url": f"http://testserver/meetings/{HARBOUR}/",
            "api_url": f"http://testserver/api/meetings/{HARBOUR}/",
        },
        "speaker": {
            "slug": "tomas-reyes",
            "name": "Tomas Reyes",
            "url": "http://testserver/speakers/tomas-reyes/",
            "api_url": "http://testserver/api/participants/tomas-reyes/",
        },
        "speaker_label": "Port Director Tomas Reyes",
        "role": "Port Director",
        "kind": "speech",
        "section": "",
        "text": "The quay needs repairs.",
        "permalink": f"http://testserver/meetings/{HARBOUR}/tomas-reyes-1/",
        "api_url": f"http://testserver/api/turns/{HARBOUR}/tomas-reyes-1/",
    }
    assert get(client, f"/api/turns/{HARBOUR}/remark-1/")["speaker"] is None
    assert get(client, f"/api/turns/{HARBOUR}/nobody-1/", status=404) == {
        "detail": "No such remark in this meeting."
    }
    assert get(client, "/api/turns/no-meeting/nobody-1/", status=404) == {"detail": "No such meeting."}
    ingest(write_transcript("harbour.txt", MEETING.replace("Remark: Too much.\n\n", "")))
    gone = get(client, f"/api/turns/{HARBOUR}/remark-1/", status=410)
    assert gone["meeting"] == f"http://testserver/api/meetings/{HARBOUR}/" and gone["detail"]


# --- topics -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_topics(client, archive, django_assert_max_num_queries):
    topics = results(client, "/api/topics/")
    assert [t["slug"] for t in topics] == [
        "ferry-timetable",
        "winter-storms",
    ]  # slugs from the label readers see
    assert topics[0] == {
        "slug": "ferry-timetable",
        "label": "ferry timetable",
        "url": "http://testserver/topics/ferry-timetable/",
        "api_url": "http://testserver/api/topics/ferry-timetable/",
        "remark_count": 3,
        "raised_count": 1,
        "people_count": 3,
        "profile_count": Topic.objects.get(slug="ferry-timetable").profile_count,
    }
    for sort in ("az", "raised", "profiles"):  # each order as the topics page's
        page = page_links(
            client.get(f"/topics/?sort={sort}").content.decode(), r'rel="tag" href="(/topics/[^"]+/)"'
        )
        assert paths(t["url"] for t in results(client, f"/api/topics/?sort={sort}")) == page
    page = page_links(client.get("/topics/").content.decode(), r'rel="tag" href="(/topics/[^"]+/)"')
    assert paths(t["url"] for t in topics) == page  # the same first order
    get(client, "/api/topics/?sort=sideways", status=400)
    with django_assert_max_num_queries(5):  # topic, raisers, on whose profiles, meetings, sharing its words
        t = get(client, "/api/topics/ferry-timetable/")
    assert t["label"] == "ferry timetable" and t["remark_count"] == 3
    topic = Topic.objects.get(slug="ferry-timetable")
    assert (t["forms"], t["form_labels"]) == (topic.forms, topic.form_labels)  # what its page marks and shows
    # Everyone the page's "Who spoke on it" lists, in its order, with its figures: those who only
    # responded too (meeting_count 0), not only who raised it.
    assert [(p["slug"], p["remark_count"], p["meeting_count"]) for p in t["raised_by"]] == [
        ("ada-lindqvist", 1, 1),
        ("priya-natarajan", 1, 0),
        ("tomas-reyes", 1, 0),
    ]
    html = client.get("/topics/ferry-timetable/").content.decode()
    who = html.split("Who spoke on it", 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'href="\?speaker=([^"]+)"', who) == [p["slug"] for p in t["raised_by"]]
    assert re.findall(r'data-count="(\d+)"', who) == [str(p["remark_count"]) for p in t["raised_by"]]
    assert [m["slug"] for m in t["meetings"]] == [FERRY_SLUG]
    assert t["remarks_url"] == "http://testserver/api/topics/ferry-timetable/remarks/"
    remarks = results(client, "/api/topics/ferry-timetable/remarks/")
    assert [(r["turn"]["key"], r["raised"]) for r in remarks] == [
        ("ada-lindqvist-1", True),
        ("tomas-reyes-1", False),
        ("priya-natarajan-1", False),
    ]
    # A speaker by slug or by name, as every list's speaker filter reads it.
    for query in (
        "raised=true",
        "raised=false",
        "raised=1",  # Regression: the page read 1 and 0 as "either" (the API as yes and no)
        "raised=0",
        "speaker=tomas-reyes",
        "speaker=Reyes",
        "year=2022",
        "uses=2",
    ):
        api = [
            r["turn"]["permalink"] for r in results(client, f"/api/topics/ferry-timetable/remarks/?{query}")
        ]
        html = client.get(f"/topics/ferry-timetable/?{query}").content.decode()
        assert paths(api) == page_links(html, r'rel="bookmark" href="([^"]+)"', after="Remarks</h2>"), query
    by_name = results(client, "/api/topics/ferry-timetable/remarks/?speaker=Reyes")
    assert by_name and by_name == results(client, "/api/topics/ferry-timetable/remarks/?speaker=tomas-reyes")
    assert get(client, "/api/topics/nothing/", status=404) == {"detail": "No such topic."}
    get(client, "/api/topics/nothing/remarks/", status=404)


# --- search -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_search(client, archive, django_assert_max_num_queries):
    client.get("/api/")
    with django_assert_max_num_queries(5):  # lexemes (2), matches, the page's turns, snippets
        body = get(client, "/api/search/?q=quay+walls")
    assert (body["count"], body["matches"], body["capped"], body["grouped"]) == (1, 2, False, True)
    first = body["results"][0]
    assert (first["meeting"]["slug"], first["key"], first["matches_in_meeting"]) == (
        FERRY_SLUG,
        "tomas-reyes-1",
        2,
    )
    assert first["permalink"] == f"http://testserver/meetings/{FERRY_SLUG}/tomas-reyes-1/"
    assert first["speaker"]["slug"] == "tomas-reyes" and first["score"] > 0
    snippet = first["snippet"]
    assert "<mark>" not in snippet and "&lt;" not in snippet and "\x02" not in snippet
    marked = [snippet[h["start"] : h["end"]] for h in first["highlights"]]
    assert marked and {w.lower() for w in marked} <= {"quay", "walls"}
    within = get(client, f"/api/search/?q=quay+walls&meeting={FERRY_SLUG}")
    assert within["grouped"] is False and [r["key"] for r in within["results"]] == [
        "tomas-reyes-1",
        "question-1",
    ]
    by_date = get(client, "/api/search/?q=quay&sort=date")
    assert [r["meeting"]["slug"] for r in by_date["results"]] == [HARBOUR, FERRY_SLUG]
    paged = get(client, "/api/search/?q=quay&sort=date&page_size=1")
    assert paged["next"] == "http://testserver/api/search/?q=quay&sort=date&page_size=1&page=2"
    second = get(client, paged["next"])
    assert second["previous"].endswith("page=1") and second["results"][0]["meeting"]["slug"] == FERRY_SLUG
    get(client, "/api/search/?q=quay&page=3", status=404)
    assert get(client, "/api/search/?q=nothingatall") == {
        "count": 0,
        "matches": 0,
        "capped": False,
        "grouped": True,
        "next": None,
        "previous": None,
        "results": [],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "q=", "q=+++", "q=the+of", "q=or", "q=-"])
def test_search_without_words_is_a_json_400(client, archive, query):
    body = get(client, f"/api/search/?{query}", status=400)
    assert list(body) == ["q"] and body["q"][0]


@pytest.mark.django_db
def test_search_results_are_the_search_pages(client, archive):
    for query in ("q=ferry", "q=winter+storms", "q=thank+you&sort=date", "q=marsh", '"quay walls"'):
        query = query if query.startswith("q=") else "q=" + query
        api = paths(r["permalink"] for r in get(client, f"/api/search/?{query}")["results"])
        page = page_links(client.get(f"/search/?{query}").content.decode(), r'rel="bookmark" href="([^"]+)"')
        assert api == page and api, query


# --- for every endpoint: no ids, JSON errors, GET/HEAD only, bad parameters -----------------------

ENDPOINTS = [
    "/api/",
    "/api/meetings/",
    f"/api/meetings/{FERRY_SLUG}/",
    "/api/participants/",
    "/api/participants/ada-lindqvist/",
    "/api/participants/ada-lindqvist/remarks/",
    "/api/turns/",
    f"/api/turns/{FERRY_SLUG}/ada-lindqvist-1/",
    "/api/topics/",
    "/api/topics/ferry-timetable/",
    "/api/topics/ferry-timetable/remarks/",
    "/api/search/?q=ferry+timetable",
]


def keys_and_ints(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from keys_and_ints(v, f"{path}.{k}")
    elif isinstance(value, list):
        for v in value:
            yield from keys_and_ints(v, f"{path}[]")
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path


@pytest.mark.django_db
def test_no_database_ids_anywhere(client, archive):
    counted = {
        "count",
        "matches",
        "position",
        "turn_count",
        "speaker_count",
        "meeting_count",
        "remark_count",
        "raised_count",
        "people_count",
        "profile_count",
        "rank",
        "matches_in_meeting",
        "start",
        "end",
        "uses",
    }
    seen = set()
    for path in ENDPOINTS:
        body = get(client, path)
        text = json.dumps(body)
        assert not re.search(r'"(id|pk|\w+_id)":', text), path
        for where in keys_and_ints(body):
            seen.add(where.rsplit(".", 1)[1])
    assert seen <= counted  # every number is a count, a position or a rank: none is a row id
    schema = client.get("/api/schema/?format=json").json()
    for name, component in schema["components"]["schemas"].items():
        for prop in component.get("properties", {}):
            assert prop not in ("id", "pk") and not prop.endswith("_id"), (name, prop)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/meetings/nothing/",
        "/api/participants/nobody/",
        "/api/turns/nothing/nobody-1/",
        "/api/topics/nothing/",
        "/api/meetings/?page=9",
        "/api/meetings/?page=0",
        "/api/meetings/?page=x",
        "/api/turns/?page=99",
        "/api/nothing/",
        "/api/meetings/a/b/c/",
        "/api/search/?q=ferry&page=7",
    ],
)
def test_not_found_is_json(client, archive, path):
    body = get(client, path, status=404)
    assert isinstance(body["detail"], str)


@pytest.mark.django_db
def test_missing_slash_redirects_like_the_pages(client, archive):
    r = client.get("/api/meetings?year=2021")
    assert r.status_code == 301 and r["Location"] == "/api/meetings/?year=2021"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "/api/meetings/?year=abc",
        "/api/meetings/?date_from=2021-13-45",
        "/api/meetings/?q=" + "x" * 201,
        "/api/participants/?letter=ab",
        "/api/turns/?kind=shouting",
        "/api/turns/?year=0",
        "/api/meetings/?page_size=0",
        "/api/meetings/?page_size=201",
        "/api/turns/?page_size=x",
        "/api/search/?q=ferry&kind=x",
        "/api/search/?q=ferry&sort=x",
        "/api/search/?q=ferry&page_size=101",
        "/api/topics/ferry-timetable/remarks/?year=x",
        # Regression: read as something else, or not read at all, with a 200.
        "/api/meetings/?year=2022.5",
        "/api/turns/?year=2022.25",
        "/api/meetings/?date_from=03/10/2022",
        "/api/search/?q=ferry&date_to=3.10.2022",
        "/api/participants/?letter=1",
        "/api/meetings/?subject=ferry-timetable",
        "/api/participants/?order=sideways",
        "/api/participants/helena-marsh/remarks/?topic=ferry-timetable",
        "/api/topics/ferry-timetable/remarks/?date_from=2022-01-01",
        "/api/topics/?year=2022",
        "/api/search/?q=ferry&limit=5",
    ],
)
def test_bad_parameters_are_json_400_naming_the_parameter(client, archive, query):
    body = get(client, query, status=400)
    name = re.search(r"[?&](\w+)=[^&]*$", query).group(1)
    assert list(body) == [name] and body[name][0]


@pytest.mark.django_db
def test_an_unknown_parameter_says_what_the_list_takes(client, archive):
    body = get(client, "/api/meetings/?subject=ferry-timetable", status=400)
    assert body["subject"][0].startswith("Unknown parameter. This list takes: ")
    assert "date_from" in body["subject"][0] and "topic" in body["subject"][0]
    for fine in (
        "/api/meetings/?format=json&page=1&page_size=5",
        "/api/topics/?sort=az",
        "/api/search/?q=ferry&sort=date",
    ):
        get(client, fine)


@pytest.mark.django_db
def test_a_yes_no_filter_reads_every_spelling_of_yes_and_no(client, archive):
    """Regression: "raised=1", "raised=0" and "raised=TRUE" were taken for "either" (every remark)."""
    url = "/api/topics/ferry-timetable/remarks/?raised="
    yes, no = len(results(client, url + "true")), len(results(client, url + "false"))
    assert yes and no
    for spelling in ("1", "TRUE", "True"):
        assert len(results(client, url + spelling)) == yes, spelling
    for spelling in ("0", "FALSE", "False"):
        assert len(results(client, url + spelling)) == no, spelling


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_only_get_and_head(client, archive, method):
    for path in [*ENDPOINTS, "/api/schema/"]:
        r = getattr(client, method)(path)
        assert r.status_code == 405, (method, path)
        assert r["Allow"] == "GET, HEAD"
        if path != "/api/schema/":
            assert r.json()["detail"]
    assert Meeting.objects.count() == 2


@pytest.mark.django_db
def test_head(client, archive):
    for path in ENDPOINTS:
        r = client.head(path)
        assert r.status_code == 200 and r.content == b"" and r["Content-Type"] == "application/json"


# --- a fixed number of queries, whatever the size -------------------------------------------------

NAMES = [
    "Anna Berg",
    "Boris Clay",
    "Carla Dunn",
    "David Eng",
    "Elena Ford",
    "Frank Gale",
    "Greta Hull",
    "Hugo Ives",
    "Irene Jost",
    "Jonas Kern",
    "Karin Lund",
    "Lars Moss",
]
BIG = "\n\n".join(
    f"Council member {name}: The ferry timetable and the quay walls, point {i}."
    for i, name in enumerate(NAMES)
)


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_data(client, archive, write_transcript):
    def counts():
        client.get("/api/")  # the archive version, read once
        found = {}
        for path in [
            *ENDPOINTS,
            "/api/turns/?page_size=200&topic=ferry-timetable",
            "/api/participants/?page_size=200",
            "/api/search/?q=ferry&meeting=" + FERRY_SLUG,
        ]:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(path).status_code == 200, path
            found[path] = len(ctx.captured_queries)
        return found

    small = counts()
    ingest(
        write_transcript("big.txt", f"Meeting on the big ferry\n\nJune 1, 2023, Larkspur\n\nBig.\n\n{BIG}\n"),
        write_transcript(
            "ferry2.txt",
            FERRY.replace("May 4, 2021", "May 5, 2021").replace(
                "Meeting on the ferry service", "Second meeting on the ferry service"
            ),
        ),
    )
    assert Turn.objects.count() > 30
    big = counts()
    assert big == small
    assert max(small.values()) <= 5


# --- the schema, checked against the responses -----------------------------------------------------

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    unsupported_method,
]


@pytest.fixture
def api_schema(db, archive):
    """The schema as the app serves it, loaded by Schemathesis through the app's WSGI entry point.

    Requests run in the test's transaction, so the connection must outlive each request: like
    Django's test client, the connection clean-up of request_started/finished is switched off."""
    from django.core import signals
    from django.db import close_old_connections

    from archive.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        # An invalid request is refused with 400 (a parameter), 404 (no such page) or, by the middleware
        # that guards every page, 414 (a query string too long).
        config = schemathesis.Config.from_dict(
            {"checks": {"negative_data_rejection": {"expected-statuses": [400, 404, 414]}}}
        )
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, config=config)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


# Schemathesis' WSGI calls offer gzip but do not decompress (a real client does): ask for the plain
# body. Compression itself is tested in tests/http/test_compression.py.
PLAIN = {"Accept-Encoding": "identity"}

REAL = {
    "/api/meetings/{slug}/": {"slug": FERRY_SLUG},
    "/api/participants/{slug}/": {"slug": "ada-lindqvist"},
    "/api/participants/{slug}/remarks/": {"slug": "helena-marsh"},
    "/api/turns/{meeting}/{key}/": {"meeting": FERRY_SLUG, "key": "priya-natarajan-1"},
    "/api/topics/{slug}/": {"slug": "ferry-timetable"},
    "/api/topics/{slug}/remarks/": {"slug": "ferry-timetable"},
}
QUERIES = {
    "/api/search/": [
        {"q": "ferry timetable"},
        {"q": "quay", "meeting": FERRY_SLUG, "sort": "date"},
        {"q": "the"},
        {"q": "ferry", "page": 5},
    ],
    "/api/meetings/": [{"speaker": "tomas-reyes", "page_size": 1}, {"year": "x"}],
    "/api/turns/": [{"topic": "ferry-timetable"}, {"kind": "summary"}],
}


def controls_in(query: dict | None) -> bool:
    """Does a generated query string hold a control character, in a name or a value?"""
    words = []
    for name, value in (query or {}).items():
        words += [name, *(value if isinstance(value, list) else [value])]
    return any(CONTROL.search(str(word)) for word in words)


@pytest.mark.django_db
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_matches_its_schema(api_schema, mode):
    """Schemathesis generates requests for every operation from the schema (valid ones, then invalid
    ones), on generated slugs and on real ones; every response must be what the schema says — status,
    content type, body — and never a server error; invalid requests must be refused (4xx).

    (Written with `operation.as_strategy` and Hypothesis directly: `schemathesis.pytest.from_fixture`
    fails under pytest 9, whose test items have no `_nodeid`.)"""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 12
    for operation in operations:
        for path_parameters in [None, REAL[operation.path]] if operation.path in REAL else [None]:
            negatable = [
                p for p in operation.iter_parameters() if not (path_parameters and p.name in path_parameters)
            ]
            if mode is GenerationMode.NEGATIVE and not negatable:
                continue  # nothing left to make invalid
            strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)
            if mode is GenerationMode.NEGATIVE:
                # Control characters in a query string are dropped before any view reads it (the
                # README): a value too long only with them is, once they are gone, a valid one.
                strategy = strategy.filter(lambda case: not controls_in(case.query))

            @given(case=strategy)
            @settings(
                max_examples=20,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def check(case):
                case.call_and_validate(checks=CHECKS, headers=PLAIN)

            check()


@pytest.mark.django_db
def test_real_resources_match_the_schema(api_schema, write_transcript):
    """Generated slugs rarely exist: every operation is also called on real ones (200s with content)."""
    ParticipantRedirect.objects.create(
        old_slug="h-marsh", participant=Participant.objects.get(slug="helena-marsh")
    )
    ingest(write_transcript("harbour.txt", MEETING.replace("Remark: Too much.\n\n", "")))
    extra = {
        "/api/participants/{slug}/": [{"slug": "h-marsh"}],
        "/api/turns/{meeting}/{key}/": [{"meeting": HARBOUR, "key": "remark-1"}],
    }
    statuses = set()
    for result in api_schema.get_all_operations():
        operation = result.ok()
        for path_parameters in [REAL.get(operation.path, {}), *extra.get(operation.path, [])]:
            for query in [{}, *QUERIES.get(operation.path, [])]:
                if operation.path == "/api/search/" and "q" not in query:
                    query = {"q": "quay walls"}
                case = operation.Case(path_parameters=path_parameters, query=query)
                response = case.call_and_validate(checks=CHECKS[:5], headers=PLAIN)
                statuses.add(response.status_code)
    assert statuses == {200, 301, 400, 404, 410}
