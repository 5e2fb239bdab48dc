"""Topics in the archive: ingest marks procedural turns and scores topics, rebuilds, the pages.

The pure rules are tested in tests/core/test_topics.py, the quality on the labelled real seeds in
tests/real/test_topic_quality.py."""

from __future__ import annotations

import html
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from meetings.models import MeetingTopic, Participant, ParticipantTopic, Topic, TopicRedirect, Turn, TurnTopic

SAMPLE = """Meeting on the harbour

October 3, 2022, Larkspur

The Board met.

Chair of the Harbour Board Helena Marsh: Good morning. Thank you all for coming.

Port Director Tomas Reyes: The quay walls are crumbling. The quay walls along the fish market need urgent repair before the winter storms, and the repair of the quay walls will cost two million.

Helena Marsh: Thank you.

Council member Ada Lindqvist: The quay walls are one thing, but the ferry timetable is the other. The ferry timetable leaves the islanders stranded every Sunday.

(Council member Priya Natarajan spoke about the ferry timetable and the winter storms.)

Helena Marsh: Thank you. Go ahead, please.
"""


@pytest.fixture
def harbour(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", SAMPLE)), stdout=io.StringIO())


@pytest.mark.django_db
def test_ingest_marks_procedural_turns_and_scores_topics(harbour):
    assert list(Turn.objects.filter(is_procedural=True).values_list("position", flat=True)) == [1, 3, 6]
    assert not TurnTopic.objects.filter(turn__is_procedural=True).exists()
    quay = Topic.objects.get(key="quay wall")
    assert quay.label == "quay walls"
    raised = TurnTopic.objects.get(topic=quay, raised=True)
    assert raised.turn.speaker.name == "Tomas Reyes"
    assert TurnTopic.objects.filter(topic=quay, raised=False, turn__speaker__name="Ada Lindqvist").exists()
    ferry = Topic.objects.get(key="ferry timetable")
    assert TurnTopic.objects.get(topic=ferry, raised=True).turn.speaker.name == "Ada Lindqvist"
    assert ParticipantTopic.objects.filter(participant__name="Tomas Reyes", topic=quay).exists()
    assert MeetingTopic.objects.filter(topic=ferry, raised_by__name="Ada Lindqvist").exists()


@pytest.mark.django_db
def test_rebuild_is_deterministic(harbour):
    def snapshot():
        return sorted(TurnTopic.objects.values_list("turn__key", "topic__key", "raised", "is_evidence"))

    before = snapshot()
    call_command("rebuild_topics", "--reextract", stdout=io.StringIO())
    assert snapshot() == before


MINISTER = """Meeting on the fishing season

March 14, 2023, Larkspur

Chair of the Harbour Board Helena Marsh: Good morning. Minister, the fisheries first, please.

Minister of Fisheries Olaf Berg: The fisheries had a good year. The cod quota rose, the fisheries ports were rebuilt, and the herring catch beat the forecast.

Helena Marsh: And next year?

Olaf Berg: Next year the fisheries will need new trawlers. The herring catch and the cod quota depend on them, and the fisheries ports must take bigger trawlers.

Helena Marsh: And the quay walls?

Port Director Tomas Reyes: The quay walls still need repair.
"""


@pytest.mark.django_db
def test_ingest_scores_topics_as_a_rebuild_does(write_transcript):
    """Topics scored at ingest are those `rebuild_topics` gives afterwards: the office a person
    spoke under counts at ingest too (it was read from the meetings' aggregates, rebuilt only
    after the topics, so a new archive's ministers lost their portfolio)."""
    folder = write_transcript("h/harbour.txt", SAMPLE).parent
    write_transcript("h/fisheries.txt", MINISTER)
    call_command("ingest_transcripts", str(folder), stdout=io.StringIO())

    def snapshot():
        return sorted(
            ParticipantTopic.objects.values_list("participant__name", "topic__key", "rank", "score")
        )

    at_ingest = snapshot()
    assert ("Olaf Berg", "fishery") in {(name, key) for name, key, _, _ in at_ingest}
    call_command("rebuild_topics", stdout=io.StringIO())
    assert at_ingest == snapshot()


@pytest.mark.django_db
def test_topic_pages_link_with_rel_tag_and_highlight(client, harbour):
    html = client.get("/topics/").content.decode()
    assert 'rel="tag" href="/topics/quay-walls/"' in html
    html = client.get("/topics/quay-walls/").content.decode()
    assert "<mark>quay walls</mark>" in html and "raised it" in html and "responded" in html
    assert "Tomas Reyes" in client.get("/topics/quay-walls/?speaker=tomas-reyes").content.decode()
    assert (
        "Ada Lindqvist"
        not in client.get("/topics/quay-walls/?speaker=tomas-reyes")
        .content.decode()
        .split('<ol class="remark-list">')[1]  # the remarks listed (the speaker menu names everyone)
    )
    for path in ("/speakers/tomas-reyes/", "/meetings/2022-10-03-meeting-on-harbour/"):
        html = client.get(path).content.decode()
        links = re.findall(r'<a [^>]*href="/topics/[^"/]+/[^"]*"', html)
        assert links and all('rel="tag"' in a for a in links), path
    profile = client.get("/speakers/tomas-reyes/").content.decode()
    assert 'id="topics-h">Topics<' in profile
    # Regression: a person of one remark was said to "talk about" things "markedly more", under
    # "Topics raised", beside topics not raised: their list says what that remark is about.
    with_topics = [p for p in Participant.objects.all() if p.participant_topics.exists()]
    for person in with_topics:
        html = client.get(person.get_absolute_url()).content.decode()
        one = f"What {person.name}\u2019s one remark is about" in html
        many = f"What {person.name} talks about markedly more than the rest" in html
        assert (one, many) == (person.turn_count == 1, person.turn_count > 1), person.name
        assert "Topics raised" not in html
    assert any(p.turn_count == 1 for p in with_topics)
    # The profile says what ranks a topic higher, the meetings' own lists among it.
    assert "what the meetings where they say it are about (it is on their lists) rank higher" in profile
    # ... in a fold under one short sentence, so that the list comes first to the eye.
    lead = re.search(r'<p class="meta topics-lead">(.*?)</p>', profile, re.S).group(1)
    assert len(lead) < 250 and "counts, the remarks" in lead
    method = re.search(r'<details class="narrow topics-method">.*?</details>', profile, re.S).group(0)
    assert "on their lists" in method and "on their lists" not in lead
    assert profile.index("topics-method") < profile.index('<ol class="topic-ranking">')
    assert "Topics in this meeting" in client.get("/meetings/2022-10-03-meeting-on-harbour/").content.decode()
    assert client.get("/topics/nothing-like-this/").status_code == 404


SPELLINGS = """Meeting on the ferry company

May 2, 2023, Larkspur

Chair of the Harbour Board Helena Marsh: The ferry privatisation comes first.

Port Director Tomas Reyes: The ferry privatisation will sell the old hulls. The privatisation of the ferries needs buyers.

Council member Ada Lindqvist: The privatization plan forgets the islanders; the privatization of the night ferry must wait.

Helena Marsh: The privatisation plan goes to the council.
"""


@pytest.mark.django_db
def test_topic_page_marks_every_spelling_it_gathers(client, write_transcript):
    """A topic shown under one spelling counts the remarks of the other spelling, and its page
    marks the word in them too (it marked only the key's spelling: the remark seemed off-topic)."""
    call_command("ingest_transcripts", str(write_transcript("spell.txt", SPELLINGS)), stdout=io.StringIO())
    topic = Topic.objects.get(key="privatisation")
    assert "privatization" in topic.forms
    html = client.get(topic.get_absolute_url()).content.decode()
    listed = html.split('<ol class="remark-list">')[1].split("</ol>")[0]
    assert "<mark>privatization</mark>" in listed and "<mark>privatisation</mark>" in listed
    assert "Ada Lindqvist" in listed
    for remark in listed.split("<li")[1:]:
        assert "<mark>" in remark
    # The search for every mention asks for both spellings.
    assert "/search/?q=%22privatisation%22+or+%22privatization%22" in html


NAMED_TWICE = """Meeting on the fisheries

March 9, 2023, Larkspur

The Board met.

Chair of the Harbour Board Helena Marsh: The Maritime Centre sent its quota plan.

Port Director Tomas Reyes: The Maritime Centre wants the trawlers counted. The Maritime Centre pays for the scales.

Council member Ada Lindqvist: The Maritime Center promised the same last year; the Maritime Center forgets the night boats.

Port Director Tomas Reyes: The Maritime Centre keeps the scales in the old customs shed, and the Maritime Centre will pay for a new roof before the spring.

Council member Priya Natarajan: The Maritime Centre should open the shed on Sundays, when the Maritime Centre has no inspectors on the quay at all.
"""


@pytest.mark.django_db
def test_a_topic_shows_each_form_as_the_remarks_that_use_it_write_it(client, write_transcript):
    """A form of a topic is shown as the remarks that use it write it ("Maritime Center"), found at
    the rebuild: the page's own remarks may not write it, and then it was shown as its key
    ("maritime center"; "ministry Of agriculture", which the search for every mention does not find
    as the remarks write it)."""
    call_command("ingest_transcripts", str(write_transcript("fish.txt", NAMED_TWICE)), stdout=io.StringIO())
    topic = Topic.objects.get(label="Maritime Centre")
    assert topic.forms and len(topic.form_labels) == len(topic.forms)
    assert "Maritime Center" in topic.form_labels
    # The page shows what the rebuild stored, whatever remarks it lists.
    Topic.objects.filter(pk=topic.pk).update(form_labels=["Ministry of Sea Fisheries"] * len(topic.forms))
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "“Ministry of Sea Fisheries”" in html
    assert "%22Ministry+of+Sea+Fisheries%22" in html
    # A topic loaded from a dump written before form labels were: read from the page's remarks.
    Topic.objects.filter(pk=topic.pk).update(form_labels=[])
    cache.clear()  # the page of the same archive version is kept
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "“Maritime Center”" in html


@pytest.mark.django_db
def test_a_topic_page_names_each_form_once_and_not_its_own_label(client, write_transcript):
    """Two forms the remarks write alike ("Olympic" and "Olympics" both read "Olympics") or a form
    that reads as the topic's label are said once, or not at all: "the forms counted with it
    (“Olympics”)" on the Olympics page says nothing, and the search need not ask twice."""
    call_command("ingest_transcripts", str(write_transcript("fish.txt", NAMED_TWICE)), stdout=io.StringIO())
    topic = Topic.objects.get(label="Maritime Centre")
    n = len(topic.forms)
    Topic.objects.filter(pk=topic.pk).update(forms=[*topic.forms, "maritime centres", "maritime ctr"])
    Topic.objects.filter(pk=topic.pk).update(
        form_labels=["maritime centre"] * n + ["Maritime Ctr", "Maritime Ctr"]
    )
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "forms counted with it (“Maritime Ctr”)" in html
    assert html.count("Maritime+Ctr") == 1
    Topic.objects.filter(pk=topic.pk).update(forms=topic.forms, form_labels=["MARITIME CENTRE"] * n)
    cache.clear()
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "forms counted with it" not in html


@pytest.mark.django_db
def test_a_slug_a_rebuild_moves_answers_301_to_the_topic(client, harbour):
    """A topic's slug changes when its label comes to read otherwise (an older rebuild made it
    from the key): the old address, and its feed and API, answer 301 to the new one, so links
    out there keep working; a slug in use again is its topic's own."""
    quay = Topic.objects.get(key="quay wall")
    Topic.objects.filter(pk=quay.pk).update(slug="quay-wall")  # an older rebuild's slug
    call_command("rebuild_topics", stdout=io.StringIO())
    assert Topic.objects.get(key="quay wall").slug == "quay-walls"
    assert TopicRedirect.objects.filter(old_slug="quay-wall", key="quay wall").exists()
    r = client.get("/topics/quay-wall/?speaker=tomas-reyes")
    assert r.status_code == 301 and r["Location"] == "/topics/quay-walls/?speaker=tomas-reyes"
    assert client.get("/feeds/topics/quay-wall.atom")["Location"].endswith("/feeds/topics/quay-walls.atom")
    assert client.get("/api/topics/quay-wall/")["Location"] == "/api/topics/quay-walls/"
    assert client.get("/api/topics/quay-wall/remarks/")["Location"] == "/api/topics/quay-walls/remarks/"
    assert client.get("/topics/quay-walls/").status_code == 200
    # The same slug given to a topic again is no longer a redirect.
    Topic.objects.filter(key="quay wall").update(slug="quay-wall")
    call_command("rebuild_topics", stdout=io.StringIO())
    assert Topic.objects.get(key="quay wall").slug == "quay-walls"
    Topic.objects.filter(key="ferry timetable").update(slug="ferry-timetables")
    TopicRedirect.objects.create(old_slug="ferry-timetable", key="ferry timetable")
    call_command("rebuild_topics", stdout=io.StringIO())  # "ferry-timetables" is kept: not from the key
    assert not TopicRedirect.objects.filter(old_slug="ferry-timetables").exists()


@pytest.mark.django_db
def test_a_moved_slug_whose_key_is_now_a_form_of_another_topic_finds_that_topic(client, harbour):
    """A topic merged into another (its key now one of the other's forms) leaves its old address
    answering 301 to the topic that counts it; a key no topic holds any more is 404."""
    Topic.objects.filter(key="quay wall").update(forms=["quayside wall"])
    TopicRedirect.objects.create(old_slug="quayside-walls", key="quayside wall")
    TopicRedirect.objects.create(old_slug="gone-topic", key="gone topic")
    r = client.get("/topics/quayside-walls/")
    assert r.status_code == 301 and r["Location"] == "/topics/quay-walls/"
    assert client.get("/topics/gone-topic/").status_code == 404
    assert client.get("/api/topics/gone-topic/").status_code == 404


@pytest.mark.django_db
def test_a_moved_slug_whose_key_is_now_only_part_of_a_form_finds_that_topic(client, harbour):
    """A key a rebuild no longer lists as a form because it is said only inside a longer form of
    the topic ("republic of china" in "people's republic of china") still leads to that topic; a
    key that is only letters of a form's word does not."""
    Topic.objects.filter(key="quay wall").update(forms=["old quayside wall of larkspur"])
    TopicRedirect.objects.create(old_slug="quayside-walls", key="quayside wall")
    TopicRedirect.objects.create(old_slug="side-walls", key="side wall")
    r = client.get("/topics/quayside-walls/")
    assert r.status_code == 301 and r["Location"] == "/topics/quay-walls/"
    assert client.get("/topics/side-walls/").status_code == 404
    # A one-word topic that is no topic any more ("cooperation", no subject alone) is no part of
    # a longer form's topic ("Larkspur-Zelvan cooperation"): its address is gone, not moved.
    Topic.objects.filter(key="quay wall").update(forms=["larkspur zelvan quayside"])
    TopicRedirect.objects.create(old_slug="quayside", key="quayside")
    assert client.get("/topics/quayside/").status_code == 404


@pytest.mark.django_db
def test_raised_filter_and_evidence_links(client, harbour):
    listed = '<ol class="remark-list">'  # the remarks listed (the speaker menu above names everyone)
    raised = client.get("/topics/quay-walls/?raised=true").content.decode().split(listed)[1]
    assert "Tomas Reyes" in raised and "Ada Lindqvist" not in raised
    responses = client.get("/topics/quay-walls/?raised=false").content.decode().split(listed)[1]
    assert "Ada Lindqvist" in responses and "raised it</strong>" not in responses
    html = client.get("/speakers/tomas-reyes/").content.decode()
    assert "best evidence" in html and "/meetings/2022-10-03-meeting-on-harbour/tomas-reyes-1/" in html


@pytest.mark.django_db
def test_each_remark_records_how_often_it_names_the_topic_and_the_page_filters_on_it(client, harbour):
    # Tomas Reyes names the quay walls three times, Ada Lindqvist once: a reader who wants only
    # the remarks that come back to a topic lists those that name it twice or more.
    quay = Topic.objects.get(key="quay wall")
    uses = dict(TurnTopic.objects.filter(topic=quay).values_list("turn__speaker__name", "uses"))
    assert uses == {"Tomas Reyes": 3, "Ada Lindqvist": 1}
    listed = '<ol class="remark-list">'
    page = client.get("/topics/quay-walls/").content.decode()
    assert '<a href="?uses=2#remarks-h">those that name it twice or more</a>' in page
    assert "names it 3 times" in page.split(listed)[1]
    again = client.get("/topics/quay-walls/?uses=2").content.decode()
    assert '<option value="2" selected>Twice or more</option>' in again
    remarks = again.split(listed)[1]
    assert "Tomas Reyes" in remarks and "Ada Lindqvist" not in remarks
    assert '<p class="count" role="status">1 remark matches these filters.</p>' in again
    assert "Tomas Reyes" not in client.get("/topics/quay-walls/?uses=4").content.decode().split(listed)[1]


@pytest.mark.django_db
def test_rebuild_with_reextract_gives_the_phrases_ingest_gave(tmp_path):
    """After a change to the phrase rules, `rebuild_topics --reextract` brings old turns in line:
    from the stored turns it must find exactly what ingest found from the files."""
    import io

    from django.core.management import call_command

    from meetings.core.generator import generate
    from meetings.derived import topic_index
    from meetings.models import Turn

    call_command(
        "ingest_transcripts",
        str(generate(tmp_path / "c", 12, seed=9)[0].parent),
        "--no-topics",
        "--no-progress",
        "-v0",
        stdout=io.StringIO(),
    )
    before = dict(Turn.objects.values_list("id", "phrases"))
    Turn.objects.update(phrases={})
    topic_index.rebuild(reextract=True)
    assert dict(Turn.objects.values_list("id", "phrases")) == before


def test_listed_topics_need_evidence_in_several_meetings_and_remarks():
    from meetings.derived.topic_index import MIN_MEETINGS, MIN_REMARKS, SMALL_ARCHIVE, enough_evidence

    assert MIN_MEETINGS >= 2 and MIN_REMARKS >= 2
    big = SMALL_ARCHIVE * 10
    assert enough_evidence(3, 5, big)
    assert not enough_evidence(1, 9, big)  # one meeting, however many remarks
    assert not enough_evidence(2, 2, big)  # too few remarks
    assert enough_evidence(1, 1, 2)  # a two-meeting archive lists what it has


@pytest.mark.django_db
def test_listed_leaves_out_topics_without_evidence():
    base = {"people_count": 1, "remark_count": 5, "raised_count": 3}
    Topic.objects.create(key="quay wall", label="quay walls", slug="quay-walls", is_featured=True, **base)
    Topic.objects.create(key="buoy", label="buoy", slug="buoy", is_featured=False, **base)
    assert list(Topic.objects.listed().values_list("key", flat=True)) == ["quay wall"]
    assert list(Topic.objects.listed("az").values_list("key", flat=True)) == ["quay wall"]


@pytest.mark.django_db
def test_a_topic_page_counts_the_remarks_of_unnamed_speakers_it_lists(client, write_transcript):
    """ "(1 meeting, 2 people)" over a list that also holds a question from the floor: the figure
    says what the list holds, the named people and the remarks nobody is named for."""
    text = SAMPLE + (
        "\nQuestion: What about the quay walls? The quay walls by the fish market are crumbling, "
        "and the quay walls need a new survey.\n"
    )
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", text)), stdout=io.StringIO())
    topic = Topic.objects.get(key="quay wall")
    listed = TurnTopic.objects.filter(topic=topic)
    unnamed = listed.filter(turn__speaker__isnull=True).count()
    assert unnamed == 1
    named = listed.exclude(turn__speaker__isnull=True).values("turn__speaker").distinct().count()
    html = client.get(topic.get_absolute_url()).content.decode()
    people = f"{named} {'person' if named == 1 else 'people'}"
    assert f"(1 meeting, {people} and 1 remark by an unnamed speaker)" in html


@pytest.mark.django_db
def test_listed_orders_on_most_profiles_first_then_most_raised_or_by_label():
    from meetings.models import TopicQuerySet

    base = {"people_count": 4, "remark_count": 9, "is_featured": True}
    Topic.objects.create(
        key="quay wall", label="quay walls", slug="quay-walls", raised_count=2, profile_count=5, **base
    )
    Topic.objects.create(key="buoy", label="buoy", slug="buoy", raised_count=9, profile_count=0, **base)
    Topic.objects.create(key="ferry", label="ferry", slug="ferry", raised_count=4, profile_count=1, **base)
    assert TopicQuerySet.ORDERS[0] == "profiles"
    assert list(Topic.objects.listed().values_list("key", flat=True)) == ["quay wall", "ferry", "buoy"]
    assert list(Topic.objects.listed("raised").values_list("key", flat=True)) == [
        "buoy",
        "ferry",
        "quay wall",
    ]
    assert list(Topic.objects.listed("az").values_list("key", flat=True)) == ["buoy", "ferry", "quay wall"]
    # A–Z reads a capital as its small letter ("Larkspur" between "ferry" and "quay walls"; the
    # database's byte order put every capital before every small letter).
    Topic.objects.create(
        key="larkspur", label="Larkspur", slug="larkspur", raised_count=1, profile_count=0, **base
    )
    assert list(Topic.objects.listed("az").values_list("label", flat=True)) == [
        "buoy",
        "ferry",
        "Larkspur",
        "quay walls",
    ]


LIGHTHOUSES = """Meeting on the coast

March 4, 2023, Larkspur

The Coast Council met.

Keeper Ana Vos: The lighthouse on the north cape needs new lamps before the autumn gales arrive from the sea.

Pilot Ben Hale: The lighthouse keeps the ferries off the rocks when fog rolls over the bay at night.

Ana Vos: Our lighthouse lost its lens in the storm, and the replacement will come from the mainland.

Ben Hale: The lighthouse was painted in spring by volunteers from the sailing club and the school.

Ana Vos: Every lighthouse should have a keeper who lives nearby and checks the light every evening.

Ben Hale: The lighthouses of the south coast stand empty since the automation of the old beacons.

Ana Vos: Three lighthouses need a new roof, and the council has set aside money for the work.

Ben Hale: We counted the lighthouses twice during the survey, and two of them had cracked walls.

Ana Vos: Tourists visit the lighthouses in summer, and the ticket money pays for the small repairs.

Ben Hale: The lighthouses are older than the harbour itself, built when whaling ships still sailed here.

Ana Vos: Some lighthouses run on solar power now, with batteries that last through the winter nights.

Ben Hale: Two lighthouses still burn oil, which the supply boat brings out once a month in calm weather.
"""


@pytest.mark.django_db
def test_a_topic_is_labelled_as_most_of_its_remarks_write_it(write_transcript):
    """The label is the form the topic's remarks write most, not the form of its first few: five
    remarks write "lighthouse", the seven after them "lighthouses"."""
    other = "\n\n".join(
        f"{speaker}: The {thing} was discussed at length by the members, who asked for a report on it by May."
        for speaker, thing in zip(
            ["Mayor Lena Cole", "Lena Cole", "Clerk Omar Diaz", "Omar Diaz"] * 3,
            "budget school bridge library tramway market orchard museum hospital stadium airport canal".split(),
        )
    )
    write_transcript(
        "town.txt", f"Meeting of the town\n\nMarch 5, 2023, Larkspur\n\nThe town met.\n\n{other}\n"
    )
    call_command(
        "ingest_transcripts", str(write_transcript("coast.txt", LIGHTHOUSES).parent), stdout=io.StringIO()
    )
    assert Topic.objects.get(key="lighthouse").label == "lighthouses"


def test_a_label_is_read_from_the_remarks_its_page_lists_and_a_forms_from_those_writing_it():
    """Found in the twentieth round: a topic's label was said to be read from the remarks that
    write the phrase, but a key no remark writes as such ("rolling stock", from a participle
    merged into it) sent every key's label to the remarks listed under it. Measured, those read as
    the topic's page does (25 of the dev archive's 1,372 listed labels read otherwise than all its
    remarks, against 83 from the remarks writing the phrase): a label is read from the remarks its
    page lists, for every key; a form shown under a topic ("usa" under "united state") from the
    remarks that write it."""
    from meetings.core.topics.scoring import PhraseCounts, Scored, TurnPhrases
    from meetings.derived.topic_index import _label_remarks

    def turn(tid, **phrases):
        return TurnPhrases(tid, 1, tid, 10, False, PhraseCounts(tuple(phrases), tuple(phrases.values())), 40)

    turns = [turn(1, lighthouse=1), turn(2, lighthouse=1), turn(3, ferry=1), turn(4, usa=1)]
    scored = Scored()
    scored.turn_topics = {
        2: {"lighthouse": 1.0},
        3: {"rolling stock": 1.0, "ferry": 0.5},
        4: {"united state": 1.0},
    }
    scored.forms = {"united state": ("usa",)}
    labels, forms = _label_remarks(turns, scored, {"lighthouse", "rolling stock", "ferry"})
    assert labels == {"lighthouse": [2], "ferry": [3], "rolling stock": [3]}
    labels, forms = _label_remarks(turns, scored, {"united state"})
    assert labels == {"united state": [4]} and forms == {"usa": [4]}


def test_a_label_is_read_from_the_remarks_that_only_come_back_to_it_when_no_other_has_it():
    """A word a meeting says again and again (scoring.MEETING_WORD_ZIPF) may be no remark's main
    topic anywhere: its remarks carry it only as a topic of their meeting's list, after
    Scored.dwelt_from. Its label is read from those; a key with a remark that has it as a main
    topic is read from that remark alone, as before."""
    from meetings.core.topics.scoring import PhraseCounts, Scored, TurnPhrases
    from meetings.derived.topic_index import _label_remarks

    def turn(tid, **phrases):
        return TurnPhrases(tid, 1, tid, 10, False, PhraseCounts(tuple(phrases), tuple(phrases.values())), 40)

    turns = [turn(1, dredger=1, lighthouse=1), turn(2, dredger=1, lighthouse=1), turn(3, lighthouse=1)]
    scored = Scored()
    scored.turn_topics = {
        1: {"quay wall": 2.0, "dredger": 0.5, "lighthouse": 0.5},
        2: {"quay wall": 2.0, "dredger": 0.5},
        3: {"lighthouse": 1.0},
    }
    scored.dwelt_from = {1: 1, 2: 1}
    labels, _ = _label_remarks(turns, scored, {"dredger", "lighthouse", "quay wall"})
    assert labels == {"dredger": [1, 2], "lighthouse": [3], "quay wall": [1, 2]}


def test_the_index_lists_a_common_word_one_meetings_list_shows_only_as_a_name():
    """Twenty-first round: a meeting that dwells on a common word ("money", "faith") put it in the
    index and sitemap, a subject of nobody's profile and of no other meeting. Such a word is listed
    only if two meetings' lists show it, a profile does, or its label is a name ("Africa"); a rare
    word ("kelp") and a phrase stay listed from one meeting's list."""
    from meetings.core.topics.scoring import Scored
    from meetings.core.topics.subjects import zipf
    from meetings.derived.topic_index import INDEX_COMMON_ZIPF, featured_keys

    assert zipf("money") >= INDEX_COMMON_ZIPF and zipf("team") >= INDEX_COMMON_ZIPF
    assert zipf("kelp") < INDEX_COMMON_ZIPF
    scored = Scored()
    scored.person_topics = {1: [("quay wall", 9.0, 3), ("order", 5.0, 2), ("soul", 4.0, 1)]}
    scored.meeting_topics = {
        10: [("money", 3.0), ("kelp", 2.0), ("harbour crane", 1.0), ("order", 1.0), ("soul", 1.0)],
        11: [("team", 2.0)],
        12: [("team", 2.0)],
    }
    featured, needs_a_name = featured_keys(scored)
    assert featured == {"quay wall", "order", "money", "kelp", "harbour crane", "team", "soul"}
    # "soul", said once by person 1, is on their list but one remark is no evidence for the index.
    assert needs_a_name == {"money", "soul"}


DWELLING = """Meeting on the harbour fund

October 5, 2022, Larkspur

The Board met.

Port Director Tomas Reyes: The money is short. Money for the quay walls, money for the cranes: money is what the harbour lacks.

Council member Ada Lindqvist: Money again. The money from Africa, from the ports of Africa that ship to us, pays for the cranes; Africa is our market.

Port Director Tomas Reyes: Africa buys our grain in every season, and the ships of Africa unload at the eastern quay before they sail home to Africa with our timber.
"""


@pytest.mark.django_db
def test_a_common_word_one_meeting_dwells_on_is_on_its_list_not_in_the_index(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("fund.txt", DWELLING)), stdout=io.StringIO())
    listed = set(MeetingTopic.objects.values_list("topic__key", flat=True))
    assert {"money", "africa"} <= listed
    index = set(Topic.objects.listed().values_list("key", flat=True))
    assert "money" not in index and "africa" in index


NUMBERS = """Meeting on the harbour schools

April 4, 2023, Larkspur

The Board met on the schools and the storms.

Chair of the Harbour Board Helena Marsh: The island children cross by ferry every morning. The children wait on the quay in the rain, and the children deserve a shelter.

Port Director Tomas Reyes: A child should never wait in the rain. Every child on the ferry gets a seat, and each child is counted.

Council member Ada Lindqvist: The storm crises of last winter cut the ferry twice. Two crises in one winter are too many.

Tomas Reyes: The next crisis will find the quay ready: the crisis plan is written, and a crisis drill is set for May.

Helena Marsh: The children come first, in every crisis.
"""


@pytest.mark.django_db
def test_the_search_for_every_mention_finds_every_remark_a_topic_page_lists(client, write_transcript):
    """A topic gathers "child" and "children", "crisis" and "crises", which the search's stemmer
    reads as different words: the search for every mention asks for both, and finds every remark
    the topic's page lists (it asked for the label only and missed the other number's remarks)."""
    from urllib.parse import parse_qs, urlparse

    from meetings.derived.search import clean_query, ts_query

    call_command("ingest_transcripts", str(write_transcript("numbers.txt", NUMBERS)), stdout=io.StringIO())
    checked = set()
    for topic in Topic.objects.all():
        page = html.unescape(client.get(topic.get_absolute_url()).content.decode())
        link = re.search(r'<a href="(/search/\?q=[^"]+)">search for every mention', page).group(1)
        q = clean_query(parse_qs(urlparse(link).query)["q"][0])
        ids = set(TurnTopic.objects.filter(topic=topic).values_list("turn_id", flat=True))
        assert (
            set(Turn.objects.filter(id__in=ids, search_vector=ts_query(q)).values_list("id", flat=True))
            == ids
        )
        checked.add(topic.key)
    assert {"child", "crisis"} <= checked


NAMED_IN_SEVERAL_FORMS = """Talks with the Valdorian delegation

May 4, 2023, Larkspur

The talks went on for two hours.

Chair of the Harbour Board Helena Marsh: Let us begin. Valdoria sent its fleet, and the Valdorian fleet is moored at the north pier. Let us thank the Valdorian crews, in order to show the US partners how Larkspur greets Valdoria.

Port Director Tomas Reyes: The US sends grain through the Valdorian ports; the United States of America and the US traders want the grain order kept. In order to keep it, the harbour order stays. Valdoria agrees; the Republic of Valdoria signed it.

Council member Ada Lindqvist: Valdorian trawlers, Valdorian nets, and Valdoria again: let us count the US grain ships as well.
"""


@pytest.mark.django_db
def test_names_it_n_times_counts_what_the_page_marks(client, write_transcript):
    """A remark's "names it N times" is the number of marks its topic page shows in it: every form
    counted ("Valdoria" and "Valdorian"; it counted only the key's own spelling, or one when the
    key was not written), the pronoun "us" and the "order" of "in order to" neither counted nor
    marked (the US topic page marked "let us" as the country)."""
    from meetings.core.topics.mentions import mention_spans

    path = write_transcript("forms.txt", NAMED_IN_SEVERAL_FORMS)
    call_command("ingest_transcripts", str(path), stdout=io.StringIO())
    rows = list(TurnTopic.objects.select_related("turn", "topic"))
    assert rows
    several = 0
    for row in rows:
        keys = {row.topic.key, *row.topic.forms}
        marks = sum(len(mention_spans(p, keys)) for p in row.turn.text.split("\n\n"))
        assert row.uses == marks, (row.topic.key, row.turn.text[:40])
        several += bool(row.topic.forms) and row.uses > 1
    assert several
    valdoria = Topic.objects.get(key="valdoria")
    uses = dict(TurnTopic.objects.filter(topic=valdoria).values_list("turn__speaker__name", "uses"))
    assert uses["Helena Marsh"] == 4 and uses["Ada Lindqvist"] == 3
    page = client.get(valdoria.get_absolute_url()).content.decode()
    assert "names it 4 times" in page
    us = Topic.objects.get(forms__contains=["us"])  # shown as "America", the name this archive writes
    page = client.get(us.get_absolute_url()).content.decode()
    assert "<mark>US</mark>" in page and "<mark>us</mark>" not in page


ANOTHER_NAMES_WORD = """Talks on the grain routes

May 5, 2023, Larkspur

The talks went on for an hour.

Chair of the Harbour Board Helena Marsh: The United States buys our grain. Friends from Latin America came too, and America pays on time. The US wants more, and the United States pays for it: the United States is our buyer.

Port Director Tomas Reyes: The United States and America again: the US fleet sails in May. Latin America waits.

Council member Ada Lindqvist: Latin America buys fish, and the United States buys grain: the United States buys most.

Helena Marsh: The US traders, then, and the United States consul, who will visit the harbour in June and see the new grain sheds on the north pier.

Tomas Reyes: The United States sends ships every week; the US ships are large, and the grain sheds must be ready before the autumn storms arrive here.

Council member Ben Okafor: The United States pilots know our quay well, and the harbour school will train our own pilots on the same routes this winter.

Council member Ada Lindqvist: Several Latin American countries want our salted fish, and two South American countries have asked for grain prices; the harbour must answer them all by June.
"""

OTHER_BUSINESS = """Meeting on the harbour lights

May 9, 2023, Larkspur

The Board met on the lights.

Chair of the Harbour Board Helena Marsh: The harbour lights need new lamps, and the lamps need power.

Port Director Tomas Reyes: The lamps arrive in June; the power line is laid.

Council member Ada Lindqvist: The lamps of the north pier first, then the lamps of the quay.
"""


@pytest.mark.django_db
def test_a_word_of_another_name_is_neither_marked_nor_counted(client, write_transcript):
    """The United States topic (its forms "America", "US") marked and counted the "America" of
    "Latin America", which the scoring leaves to that name: a remark that names the country five
    times said "names it 6 times"."""
    from meetings.core.topics.mentions import mention_spans

    write_transcript("names/grain.txt", ANOTHER_NAMES_WORD)
    write_transcript("names/lights.txt", OTHER_BUSINESS)
    call_command(
        "ingest_transcripts",
        str(write_transcript("names/grain.txt", ANOTHER_NAMES_WORD).parent),
        stdout=io.StringIO(),
    )
    us = Topic.objects.get(key="united state")
    assert "america" in us.forms
    rows = list(TurnTopic.objects.filter(topic=us).select_related("turn", "turn__speaker"))
    for row in rows:
        marks = sum(
            len(mention_spans(p, {us.key, *us.forms}, key=us.key)) for p in row.turn.text.split("\n\n")
        )
        assert row.uses == marks, row.turn.text[:40]
    uses = {
        row.turn.speaker.name: row.uses for row in rows if row.turn.text.startswith("The United States buys")
    }
    assert uses == {"Helena Marsh": 5}  # "United States" three times, "America", "US"
    # A form of more words than one too: "American countries" of "Latin American countries".
    assert "american country" in us.forms
    assert not TurnTopic.objects.filter(topic=us, turn__text__startswith="Several Latin American").exists()
    page = client.get(us.get_absolute_url()).content.decode()
    assert "Latin <mark>America</mark>" not in page and "and <mark>America</mark> pays" in page
    assert "names it 5 times" in page and "names it 6 times" not in page
