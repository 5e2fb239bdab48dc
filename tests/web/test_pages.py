"""The pages a reader uses: list, meeting, remark permalink, speakers; status codes and queries."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command

from meetings.models import Meeting, Participant, Turn
from tests.helpers import MEETING

SECOND = """Meeting on school meals

May 3, 2021, Larkspur

The Mayor discussed school meals.

Mayor of Larkspur Helena Marsh: Let us begin. (Laughter.)

(Council member Ada Lindqvist spoke about allergies <script>alert(1)</script> and labels.)

Helena Marsh: Thank you.

<…>
"""


@pytest.fixture
def archive(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("harbour.txt", MEETING)),
        str(write_transcript("meals.txt", SECOND)),
        stdout=io.StringIO(),
    )
    return Meeting.objects.order_by("date")


@pytest.mark.django_db
def test_home_lists_meetings_newest_first(client, archive, django_assert_max_num_queries):
    # meetings per year, latest meetings with their main speakers, remarks, speakers (count, top)
    with django_assert_max_num_queries(5):
        r = client.get("/")
    assert r.status_code == 200
    html = r.content.decode()
    assert html.index("Meeting of the Harbour Board") < html.index("Meeting on school meals")
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Helena Marsh and Tomas Reyes · 6 remarks" in text  # who spoke, not "2 speakers"
    assert "2 speakers" not in text


@pytest.mark.django_db
def test_meeting_list_filters_are_links(client, archive):
    assert "school meals" in client.get("/meetings/?year=2021").content.decode()
    assert "Harbour" not in client.get("/meetings/?year=2021").content.decode()
    assert "Harbour" in client.get("/meetings/?speaker=tomas-reyes").content.decode()
    assert "Harbour" in client.get("/meetings/?q=harbour+board").content.decode()
    assert client.get("/meetings/?page=9").status_code == 404
    assert client.get("/meetings/?page=x").status_code == 404


@pytest.mark.django_db
def test_meeting_page_shows_every_turn_with_anchor_and_permalink(
    client, archive, django_assert_max_num_queries
):
    m = archive.last()
    with django_assert_max_num_queries(5):  # meeting, turns, previous and next meeting, topics
        r = client.get(m.get_absolute_url())
    html = r.content.decode()
    for t in m.turns.all():
        assert f'id="{t.key}"' in html
        assert f'rel="bookmark" href="{t.get_absolute_url()}"' in html
    assert "Chair of the Harbour Board" in html and "Port Director" in html
    assert html.count('<article class="turn') == 6


@pytest.mark.django_db
def test_summary_stage_directions_and_escaping(client, archive):
    m = archive.first()
    html = client.get(m.get_absolute_url()).content.decode()
    assert 'class="turn summary"' in html and "not a verbatim quotation" in html
    assert '<span class="stage">(Laughter.)</span>' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert 'class="omission"' in html
    # The source's mark of words left out: the page says the transcript is not whole.
    assert "<strong>excerpts</strong> of this meeting, not the full transcript" in html


@pytest.mark.django_db
def test_remark_permalink_page(client, archive, django_assert_max_num_queries):
    t = Turn.objects.select_related("meeting").get(key="tomas-reyes-1")
    with django_assert_max_num_queries(3):
        r = client.get(t.get_absolute_url())
    assert r.status_code == 200
    html = r.content.decode()
    assert f'<link rel="canonical" href="http://testserver{t.get_absolute_url()}">' in html
    assert 'property="og:title" content="Tomas Reyes' in html
    assert "The quay needs repairs." in html
    assert "Good morning." in html and "How much will it cost?" in html  # before and after
    assert f"{t.meeting.get_absolute_url()}#tomas-reyes-1" in html
    assert re.search(r"Tomas Reyes \(Port Director\), “Meeting of the Harbour Board”, 3 October 2022", html)


@pytest.mark.django_db
def test_unknown_and_retired_links(client, archive, write_transcript):
    m = archive.last()
    assert client.get("/meetings/no-such-meeting/").status_code == 404
    assert client.get(f"/meetings/{m.slug}/nobody-1/").status_code == 404
    path = write_transcript("harbour.txt", MEETING.replace("Remark: Too much.\n\n", ""))
    call_command("ingest_transcripts", str(path), stdout=io.StringIO())
    r = client.get(f"/meetings/{m.slug}/remark-1/")
    assert r.status_code == 410
    assert m.get_absolute_url() in r.content.decode()
    assert client.get(f"/meetings/{m.slug}/tomas-reyes-1/").status_code == 200


@pytest.mark.django_db
def test_speakers_and_profile(client, archive, django_assert_max_num_queries):
    r = client.get("/speakers/")
    assert "Helena Marsh" in r.content.decode() and "Ada Lindqvist" in r.content.decode()
    # person, count, page, totals, roles, meetings, partners (2), topics: constant, whatever the data
    with django_assert_max_num_queries(9):
        r = client.get("/speakers/helena-marsh/")
    html = r.content.decode()
    assert "5 remarks in 2 meetings" in html
    assert "Chair of the Harbour Board" in html and "Mayor of Larkspur" in html
    assert "/meetings/2022-10-03-meeting-of-harbour-board/helena-marsh-1/" in html
    assert client.get("/speakers/nobody/").status_code == 404
    assert "Tomas" in client.get("/speakers/?role=port+director").content.decode()
    assert "Tomas" not in client.get("/speakers/?q=marsh").content.decode()


@pytest.mark.django_db
def test_speaker_index_letters_sorted_by_surname(client, archive):
    html = client.get("/speakers/").content.decode()
    assert html.index("Ada Lindqvist") < html.index("Helena Marsh") < html.index("Tomas Reyes")
    assert 'href="?letter=M"' in html and 'id="letter-L"' in html
    html = client.get("/speakers/?letter=r").content.decode()
    assert "Tomas Reyes" in html and "Helena Marsh" not in html
    assert client.get("/speakers/?letter=%3C").status_code == 200


@pytest.mark.django_db
def test_speaker_index_files_a_lower_case_particle_and_a_family_name_first_under_their_letters(
    client, archive
):
    """ "Karim al-Rashid" under R, not in a second "A" heading after "Z" (two elements with one
    id); "Wang Bo", family name first, under W."""
    for name, slug in (
        ("Karim al-Rashid", "karim-al-rashid"),
        ("Wang Bo", "wang-bo"),
        ("Zoe Zeller", "zoe-zeller"),
    ):
        Participant.objects.create(name=name, slug=slug)
    html = client.get("/speakers/").content.decode()
    ids = re.findall(r'id="(letter-[A-Z])"', html)
    assert len(ids) == len(set(ids))
    assert html.index('id="letter-R"') < html.index("Karim al-Rashid") < html.index("Tomas Reyes")
    assert html.index('id="letter-W"') < html.index("Wang Bo") < html.index("Zoe Zeller")
    assert "Karim al-Rashid" in client.get("/speakers/?letter=r").content.decode()
    assert "Wang Bo" in client.get("/speakers/?letter=w").content.decode()


@pytest.mark.django_db
def test_meeting_list_date_range_and_bad_filters(client, archive):
    html = client.get("/meetings/?date_from=2022-01-01&date_to=2022-12-31").content.decode()
    assert "Harbour" in html and "school meals" not in html
    r = client.get("/meetings/?date_from=not-a-date&year=abc")
    assert r.status_code == 200 and "not understood" in r.content.decode()


@pytest.mark.django_db
def test_meeting_page_links_to_earlier_and_later_meetings(client, archive):
    older, newer = archive.first(), archive.last()
    html = client.get(newer.get_absolute_url()).content.decode()
    assert f'rel="prev" href="{older.get_absolute_url()}"' in html
    html = client.get(older.get_absolute_url()).content.decode()
    assert f'rel="next" class="next" href="{newer.get_absolute_url()}"' in html


@pytest.mark.django_db
def test_profile_partners_and_remark_filters(client, archive):
    html = client.get("/speakers/tomas-reyes/").content.decode()
    assert "Spoke most often with" in html
    assert html.index("Helena Marsh", html.index("Spoke most often with")) > 0
    assert "3 exchanges" in html  # Helena Marsh before and after his first turn, before his second
    html = client.get("/speakers/helena-marsh/?year=2021").content.decode()
    assert "2 remarks match" in html
    html = client.get("/speakers/helena-marsh/?meeting=2022-10-03-meeting-of-harbour-board").content.decode()
    assert "3 remarks match" in html
    assert client.get("/speakers/helena-marsh/?page=5").status_code == 404


@pytest.mark.django_db
def test_profile_lists_each_role_with_its_meetings(client, archive):
    html = client.get("/speakers/helena-marsh/").content.decode()
    roles = html.split('id="roles-h"')[1].split("</section>")[0]
    assert "Chair of the Harbour Board" in roles and "/meetings/2022-10-03-meeting-of-harbour-board/" in roles
    assert "Mayor of Larkspur" in roles and "/meetings/2021-05-03-meeting-on-school-meals/" in roles


@pytest.mark.django_db
def test_link_previews_on_meeting_speaker_and_remark_pages(client, archive):
    for path in (
        "/meetings/2022-10-03-meeting-of-harbour-board/",
        "/speakers/tomas-reyes/",
        "/meetings/2022-10-03-meeting-of-harbour-board/tomas-reyes-1/",
    ):
        html = client.get(path).content.decode()
        assert 'property="og:title"' in html and 'name="twitter:card"' in html, path


@pytest.mark.django_db
def test_a_participants_remark_count_opens_as_many_remarks(client, archive, monkeypatch):
    """Regression: "3 remarks" beside a participant on a meeting page opened one remark (the first).
    It opens that person's remarks in this meeting, that many, with the meeting chosen in the
    profile's filter even where it is not among their latest meetings; the first remark is a link
    of its own; a single remark opens it."""
    from meetings.web import profiles

    monkeypatch.setattr(profiles, "RECENT_MEETINGS", 1)  # the harbour meeting is not the latest
    slug = "2022-10-03-meeting-of-harbour-board"
    html = client.get(f"/meetings/{slug}/").content.decode()
    people = html.split('class="people-compact"')[1].split("</ul>")[0]
    links = dict(re.findall(r'<a class="count" href="([^"]+)">(\d+) remarks?<', people))
    assert len(links) >= 2
    for href, n in links.items():
        if href.startswith("#"):
            assert n == "1" and f'id="{href[1:]}"' in html
            continue
        page = client.get(href.split("#")[0]).content.decode()
        assert f"{n} remarks match these filters" in page, href
        assert f'<option value="{slug}" selected>' in page
    assert "the first<" in people


@pytest.mark.django_db
def test_a_meeting_page_skips_to_its_transcript(client, archive):
    """Regression: on a wide screen the contents and participants come first, and a keyboard
    reader tabbed through every one of their links (197 on a long meeting) to reach the first
    remark. A second skip link, right after "Skip to content", goes to the transcript."""
    html = client.get("/meetings/2022-10-03-meeting-of-harbour-board/").content.decode()
    links = re.findall(r'<a class="skip-link" href="#([\w-]+)">', html)
    assert links == ["main", "transcript-h"]
    assert 'id="transcript-h"' in html
    assert html.index('href="#transcript-h"') < html.index('class="participants"')


@pytest.mark.django_db
def test_a_profile_says_in_how_many_meetings_no_title_was_given(client, archive, write_transcript):
    """Regression: "Appeared as" summed to fewer meetings than the profile's count, and nothing
    said where the others were: those where the transcript gives no title with the name."""
    call_command(
        "ingest_transcripts",
        str(
            write_transcript(
                "ferries.txt",
                "Meeting on ferries\n\nJune 1, 2023, Larkspur\n\nOn ferries.\n\n"
                "Helena Marsh: The ferries run late.\n\nTomas Reyes: They do.\n",
            )
        ),
        stdout=io.StringIO(),
    )
    html = client.get("/speakers/helena-marsh/").content.decode()
    roles = html.split('id="roles-h"')[1].split("</section>")[0]
    assert "In 1 of Helena Marsh’s 3 meetings the transcript gives no title with the name" in roles
    html = client.get("/speakers/tomas-reyes/").content.decode()
    assert "In 1 of Tomas Reyes’s 2 meetings" in html


@pytest.mark.django_db
def test_a_date_range_that_ends_before_it_starts_says_so(client, archive):
    """Regression: "from 2023 to 2021" listed nothing and said only that nothing matched, on the
    meetings list and the search page alike, and the API answered an empty 200. The page says the
    range is reversed and leaves its end out; the API answers 400 naming date_to."""
    html = client.get("/meetings/?date_from=2022-01-01&date_to=2021-01-01").content.decode()
    assert "not understood" in html and "date_to (ends before it starts" in html
    assert "Harbour" in html  # the rest of the filters kept: from 2022 on
    html = client.get("/search/?q=quay&date_from=2023-01-01&date_to=2021-01-01").content.decode()
    assert "ends before it starts" in html
    for url in (
        "/api/meetings/?date_from=2022-01-01&date_to=2021-01-01",
        "/api/search/?q=quay&date_from=2022-01-01&date_to=2021-01-01",
    ):
        r = client.get(url)
        assert r.status_code == 400 and list(r.json()) == ["date_to"], url
    assert client.get("/api/meetings/?date_from=2022-01-01&date_to=2022-01-01").status_code == 200


@pytest.mark.django_db
def test_a_meeting_page_names_its_main_speakers_as_the_meetings_list_does(client, write_transcript):
    """Regression: a phone-in's folded list of participants named the first three to speak (three
    anchors) and not the head of state with a third of the remarks, and a tie was named one way on
    the meetings list and another on the page, "and 1 other" on one, "and 1 more" on the other."""
    lines = ["Phone-in on ferries", "", "June 2, 2023, Larkspur", "", "The Mayor answered questions.", ""]
    lines += [
        "Anchor Ann Aalto: Welcome.",
        "",
        "Anchor Bo Berg: Hello.",
        "",
        "Caller Cy Cole: A question.",
        "",
    ]
    for i in range(4):
        lines += [f"Mayor of Larkspur Helena Marsh: Answer {i}.", "", f"Caller Dag Dahl: Follow-up {i}.", ""]
    call_command(
        "ingest_transcripts", str(write_transcript("phone-in.txt", "\n".join(lines))), stdout=io.StringIO()
    )
    page = client.get("/meetings/2023-06-02-phone-in-on-ferries/").content.decode()
    summary = re.sub(r"<[^>]+>", "", page.split('<details class="participants"')[1].split("</summary>")[0])
    assert "Dag Dahl, Helena Marsh, Ann Aalto and 2 others" in summary
    listing = client.get("/meetings/").content.decode()
    row = listing.split("/meetings/2023-06-02-phone-in-on-ferries/")[1].split("</li>")[0]
    named = re.findall(r'<a class="who" href="/speakers/([\w-]+)/">', row)
    assert named == ["dag-dahl", "helena-marsh", "ann-aalto"] and "and 2 others" in row


@pytest.mark.django_db
def test_an_unnamed_remarks_permalink_page_does_not_name_its_label_as_an_author(client, archive):
    """Regression: a remark labelled "Remark" (or "Question (retranslated)") was headed "Remark by
    Remark"; it is an unattributed remark, labelled so, as its citation says."""
    turn = Turn.objects.get(speaker=None, speaker_label="Remark")
    html = client.get(turn.get_absolute_url()).content.decode()
    heading = re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", html, re.S).group(1))
    assert heading == "Unattributed remark, labelled \u201cRemark\u201d"
    named = Turn.objects.exclude(speaker=None).first()
    html = client.get(named.get_absolute_url()).content.decode()
    assert (
        re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", html, re.S).group(1))
        == f"Remark by {named.speaker.name}"
    )
