"""Pages as a reader meets them: a long meeting starts with its words and has contents, the home
page says what the archive holds, the speakers index shows roles and orders, profiles start with
the latest office, and an address typed with capitals finds its page."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command

from meetings.models import Meeting, Participant, Topic
from tests.helpers import GIVEN, MEETING, SURNAMES, ingest_namesakes, press_conference

LONG_NAME = "press.txt"
ROLES = """Meeting with the President of Borduria

June 2, 2023, Larkspur

The Mayor met the President.

Bordurian President Otto Kessel: Thank you for the invitation.

Helena Marsh: Welcome to Larkspur.
"""

ROLES_LATER = """Talks with the President of Borduria

May 8, 2024, Szohod

Talks continued.

President of Borduria Otto Kessel: We continue our talks.

Mayor of Larkspur Helena Marsh: Agreed.

Otto Kessel: Good.
"""


@pytest.fixture
def archive(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("harbour.txt", MEETING)),
        str(write_transcript(LONG_NAME, press_conference())),
        str(write_transcript("roles.txt", ROLES)),
        str(write_transcript("roles2.txt", ROLES_LATER)),
        stdout=io.StringIO(),
    )
    return Meeting.objects.order_by("date")


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def long_meeting() -> Meeting:
    return Meeting.objects.order_by("-turn_count").first()


@pytest.mark.django_db
def test_a_long_meeting_opens_with_its_words_and_has_contents(client, archive, django_assert_max_num_queries):
    m = long_meeting()
    assert m.turn_count > 30
    with django_assert_max_num_queries(5):  # meeting, turns, previous and next meeting, topics
        html = client.get(m.get_absolute_url()).content.decode()
    # The participants and contents are folded panels; the first remark follows them directly.
    assert (
        html.index('class="contents"')
        < html.index('class="participants"')
        < html.index('<article class="turn')
    )
    contents = html[html.index('<ol class="toc">') : html.index("</ol>", html.index('<ol class="toc">'))]
    entries = re.findall(r'<li><a href="#([\w-]+)"><span class="who">([^<]+)</span> ([^<]+)</a>', contents)
    assert len(entries) == 20  # each question once, never the mayor's answers
    key, who, question = entries[0]
    assert who == "Ines Abernathy" and question == "When will ferry line 0 reopen for the winter?"
    for key, _, _ in entries:
        assert f'id="{key}"' in html  # every entry jumps to its remark
    assert 'class="to-contents" href="#contents"' in html  # and the way back
    text = text_of(html)
    # Folded, it names the three with most remarks, as the meetings list does: the mayor, then
    # (one remark each) by surname.
    asking = sorted(
        p
        for p in m.appearances.exclude(participant__name="Helena Marsh").values_list(
            "participant__sort_name", "participant__name"
        )
    )
    named = f"Helena Marsh, {asking[0][1]}, {asking[1][1]} and 18 others"
    assert "21 participants" in text and named in text, named
    assert "Helena Marsh Mayor of Larkspur 22 remarks" in text  # role and count in the compact list


@pytest.mark.django_db
def test_a_short_meeting_has_no_contents(client, archive):
    m = Meeting.objects.get(title="Meeting of the Harbour Board")
    html = client.get(m.get_absolute_url()).content.decode()
    assert 'id="contents"' not in html and "to-contents" not in html
    assert "2 participants" in text_of(html)


@pytest.mark.django_db
def test_a_council_meeting_lists_its_speakers_in_order(client, write_transcript):
    body = ["Council meeting of Larkspur", "", "March 14, 2023, Larkspur", "", "The council met.", ""]
    for i in range(16):
        body += [
            f"Chair of the Council Helena Marsh: Item {i}. Go ahead, please."
            if i == 0
            else "Helena Marsh: Go ahead.",
            "",
            f"Councillor {GIVEN[i % len(GIVEN)]} {SURNAMES[i]}: On item {i}, the library needs new shelves. We ask for funds.",
            "",
        ]
    call_command(
        "ingest_transcripts", str(write_transcript("council.txt", "\n".join(body))), stdout=io.StringIO()
    )
    html = client.get(Meeting.objects.get().get_absolute_url()).content.decode()
    assert "16 speakers in order" in text_of(html)
    assert 'class="who">Ines Abernathy</span> On item 0, the library needs new shelves.' in html


@pytest.mark.django_db
def test_home_says_what_the_archive_holds(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        r = client.get("/")
    html = r.content.decode()
    text = text_of(html)
    assert "4 meetings from 2022 to 2024, 53 remarks by 23 speakers" in text
    # Meetings per year: an SVG bar per year with meetings, each a link to that year's list.
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.findall(r'<a href="/meetings/\?year=(\d+)" aria-label="([^"]+)"', svg) == [
        ("2022", "2022: 1 meeting"),
        ("2023", "2023: 1 meeting"),
        ("2024", "2024: 2 meetings"),
    ]
    assert "Otto Kessel and Helena Marsh · 3 remarks" in text  # the latest meeting, with who spoke
    assert "Most active speakers Helena Marsh 27 remarks · 4 meetings Otto Kessel 3 remarks" in text
    assert 'role="search"' in html and 'name="q"' in html
    assert 'href="/meetings/" aria-current="page"' not in html  # the home page is not the list
    assert 'href="/meetings/" aria-current="page"' in client.get("/meetings/").content.decode()
    assert client.get("/meetings/?year=2024").status_code == 200


@pytest.mark.django_db
def test_meeting_list_folds_its_filters_until_used(client, archive):
    html = client.get("/meetings/").content.decode()
    assert '<details class="filter-box" data-open-wide>' in html  # closed on a phone
    html = client.get("/meetings/?year=2024").content.decode()
    assert '<details class="filter-box" data-open-wide open>' in html
    assert "Otto Kessel and Helena Marsh" in text_of(html)


@pytest.mark.django_db
def test_speakers_index_shows_roles_periods_and_orders(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        html = client.get("/speakers/").content.decode()
    text = text_of(html)
    # The latest office, and when they spoke.
    assert "Otto Kessel Bordurian President 3 remarks in 2 meetings · Jun 2023 – May 2024" in text
    assert "Tomas Reyes Port Director 2 remarks in 1 meeting · 3 Oct 2022" in text
    by_remarks = text_of(client.get("/speakers/?order=-remarks").content.decode())
    assert (
        by_remarks.index("Helena Marsh") < by_remarks.index("Otto Kessel") < by_remarks.index("Tomas Reyes")
    )
    assert "most remarks first" in by_remarks
    assert "these filters" not in by_remarks  # an order narrows nothing
    latest = text_of(client.get("/speakers/?order=-latest").content.decode())
    assert latest.index("Otto Kessel") < latest.index("Ines Abernathy") < latest.index("Tomas Reyes")
    by_name = text_of(client.get("/speakers/?order=name").content.decode())
    assert by_name.index("Otto Kessel") < by_name.index("Helena Marsh") < by_name.index("Tomas Reyes")
    r = client.get("/speakers/?order=salary")
    assert r.status_code == 200 and "were not understood" in r.content.decode()


@pytest.mark.django_db
def test_a_profile_and_a_topic_page_say_which_filters_they_ignored(client, archive):
    """A year that is no number had been dropped in silence on a profile and a topic page: the
    page listed every remark as if it were the year's (the lists of meetings and speakers said)."""
    html = client.get("/speakers/helena-marsh/?year=last").content.decode()
    assert "Some filters were not understood and were ignored: year (" in text_of(html)
    assert "these filters" not in html  # none applied: the count is of every remark
    html = client.get("/speakers/helena-marsh/?year=2023").content.decode()
    assert "not understood" not in html and "these filters" in html
    html = client.get("/meetings/?year=last").content.decode()
    assert "not understood" in html and "these filters" not in html
    topic = Topic.objects.listed().order_by("slug").first()
    html = client.get(f"{topic.get_absolute_url()}?year=last&uses=often").content.decode()
    assert "Some filters were not understood and were ignored: year (" in text_of(html)
    assert "uses (" in text_of(html)
    assert "not understood" not in client.get(f"{topic.get_absolute_url()}?year=2023").content.decode()


@pytest.mark.django_db
def test_namesakes_in_the_speakers_index_are_told_apart_by_where_they_spoke(client, write_transcript):
    """Two people of one name that an editor split (a caller and a shipyard worker) had been two
    identical rows, no office to tell them apart: each now says the meeting they first spoke at."""
    ingest_namesakes(write_transcript, "We weld the hulls here.", "When will the ferry run?")
    assert Participant.objects.filter(name="Pavel Drozd").count() == 2
    html = client.get("/speakers/").content.decode()
    text = text_of(html)
    assert "Pavel Drozd first at Visit to the Larkspur shipyard 1 remark in 1 meeting" in text
    assert "Pavel Drozd first at Phone-in with the Mayor 1 remark in 1 meeting" in text
    assert "Helena Marsh Mayor of Larkspur 2 remarks" in text  # no namesake: as before


@pytest.mark.django_db
def test_an_office_held_in_more_meetings_than_listed_says_the_list_is_the_latest(client, write_transcript):
    """ "Mayor of Larkspur · 7 meetings" above five meetings read as a count of what it lists:
    the list says it gives the latest five."""
    from meetings.web.profiles import MEETINGS_PER_ROLE

    files = []
    for day in range(1, MEETINGS_PER_ROLE + 3):
        text = f"Meeting on the harbour, part {day}\n\nMarch {day}, 2023, Larkspur\n\nThe Mayor met the board.\n\n"
        text += "Mayor of Larkspur Helena Marsh: Good afternoon.\n\nOtto Kessel: Thank you.\n"
        files.append(str(write_transcript(f"m{day}.txt", text)))
    call_command("ingest_transcripts", *files, stdout=io.StringIO())
    html = client.get("/speakers/helena-marsh/").content.decode()
    roles = html[html.index('id="roles-h"') : html.index('id="meetings-h"')]
    n = MEETINGS_PER_ROLE + 2
    assert f"Mayor of Larkspur · {n} meetings, Mar 2023 · the latest {MEETINGS_PER_ROLE}:" in text_of(roles)
    assert roles.count("<li><a ") == MEETINGS_PER_ROLE


@pytest.mark.django_db
def test_speakers_filtered_by_role_words_show_the_role_that_matched(client, archive):
    text = text_of(client.get("/speakers/?role=president+of+borduria").content.decode())
    # Found by a spelling the profile groups under another: shown as the profile shows it.
    assert "1 speaker matches" in text and "Otto Kessel Bordurian President" in text
    text = text_of(client.get("/speakers/?role=mayor").content.decode())
    assert "Helena Marsh Mayor of Larkspur" in text
    text = text_of(client.get("/speakers/?role=chair+harbour").content.decode())
    assert "Helena Marsh Chair of the Harbour Board" in text


@pytest.mark.django_db
def test_profile_header_latest_role_period_and_grouped_roles(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):  # as any profile: the header costs no query of its own
        html = client.get("/speakers/otto-kessel/").content.decode()
    text = text_of(html)
    # Two spellings, one in each meeting: the tie goes to the first in alphabetical order.
    assert "Otto Kessel Bordurian President · the latest office on record" in text
    assert "Made 3 remarks in 2 meetings, from June 2023 to May 2024 ." in text
    roles = html[html.index('id="roles-h"') : html.index('id="meetings-h"')]
    assert (
        roles.count("<li>Bordurian President") == 1 and "<li>President of Borduria" not in roles
    )  # one office
    assert 'href="/speakers/?role=President%20of%20Borduria"' in roles  # the variant, kept for search
    one_day = text_of(client.get("/speakers/tomas-reyes/").content.decode())
    assert "Made 2 remarks in 1 meeting, on 3 October 2022 ." in one_day


@pytest.mark.django_db
def test_addresses_typed_with_capitals_redirect(client, archive):
    r = client.get("/speakers/Helena-Marsh/")
    assert r.status_code == 301 and r["Location"] == "/speakers/helena-marsh/"
    m = Meeting.objects.get(title="Meeting of the Harbour Board")
    r = client.get(f"/meetings/{m.slug.upper()}/?q=quay")
    assert r.status_code == 301 and r["Location"] == f"{m.get_absolute_url()}?q=quay"
    r = client.get(f"/meetings/{m.slug.title()}/Tomas-Reyes-1/")
    assert r.status_code == 301 and r["Location"] == f"{m.get_absolute_url()}tomas-reyes-1/"
    r = client.get(f"/meetings/{m.slug}/Tomas-Reyes-1/")
    assert r.status_code == 301 and r["Location"] == f"{m.get_absolute_url()}tomas-reyes-1/"
    assert client.get("/speakers/Nobody-Here/").status_code == 404
    assert client.get("/meetings/No-Such-Meeting/").status_code == 404
    assert client.get("/speakers/nobody-here/").status_code == 404
    assert Participant.objects.filter(slug="helena-marsh").exists()


def test_the_line_of_who_spoke_is_escaped():
    from types import SimpleNamespace

    from meetings.web.templatetags.transcript import speakers_line

    person = SimpleNamespace(name="Ada <b>Quell</b>", get_absolute_url=lambda: "/speakers/ada-quell/")
    meeting = SimpleNamespace(
        place="Hall <i>", main_speakers=[person], other_speakers=2, turn_count=1234, is_excerpt=True
    )
    assert speakers_line(meeting) == (
        '<span class="meta">Hall &lt;i&gt; · <a class="who" href="/speakers/ada-quell/">Ada &lt;b&gt;Quell&lt;/b&gt;</a>'
        " and 2 others · 1,234 remarks · excerpts</span>"
    )


def test_a_one_line_excerpt_keeps_a_heading_apart_from_the_next_paragraph():
    """A lead opening with a sub-headline ("… on Harbour Day" with no full stop) and a remark's
    paragraphs are flattened to one line: a paragraph without final punctuation is kept apart
    by a separator, not run into the next sentence."""
    from meetings.web.templatetags.transcript import snippet

    assert snippet("The Governor reviewed the parade on Harbour Day\n\nThe crews saluted.") == (
        "The Governor reviewed the parade on Harbour Day · The crews saluted."
    )
    assert snippet("Dear friends,\n\nWelcome to the quay.") == "Dear friends, Welcome to the quay."
    assert snippet("Thank you.\n\n(Applause.)") == "Thank you. (Applause.)"
    assert snippet("We met on the quay\nand spoke.") == "We met on the quay and spoke."


HEADED = """Opening of the Larkspur Quay

July 1, 2023, Larkspur

The Mayor opened the new quay and spoke to the builders, who had worked on it for two years and
were thanked for finishing before the storm season.

Speech at the opening of the Larkspur Quay

Helena Marsh: Friends, the quay is open.
"""


@pytest.mark.django_db
def test_a_leads_closing_heading_heads_the_transcript(write_transcript, client):
    """The page's own heading of the transcript ("Speech at …"), written as the lead's last line,
    heads the remarks, not the lead, and no excerpt of the lead ends with it."""
    call_command("ingest_transcripts", str(write_transcript("quay.txt", HEADED)), stdout=io.StringIO())
    meeting = Meeting.objects.get()
    html = client.get(meeting.get_absolute_url()).content.decode()
    start = html.index('<header class="meeting-header">')
    header = html[start : html.index("</header>", start)]
    assert "Speech at the opening" not in header
    assert "storm season." in header
    assert re.search(r'<h2 id="transcript-h"[^>]*>Speech at the opening of the Larkspur Quay</h2>', html)
    assert "Speech at the opening" not in re.search(
        r'<meta name="description" content="([^"]*)"', html
    ).group(1)
    # The open data keep the lead as the source wrote it.
    assert meeting.description.endswith("Speech at the opening of the Larkspur Quay")


@pytest.mark.django_db
def test_a_meeting_without_that_heading_keeps_a_hidden_one(archive, client):
    html = client.get(archive.first().get_absolute_url()).content.decode()
    assert '<h2 id="transcript-h" class="visually-hidden">Transcript</h2>' in html


@pytest.mark.django_db
def test_speakers_are_found_by_every_spelling_a_transcript_wrote_their_name_in(client, write_transcript):
    """A transcript that writes "Otto Kesel" is resolved to Otto Kessel's profile, and his remark
    there shows that spelling: a reader who copies it into the speakers' name filter (or a
    meeting's speaker filter) finds him, and the list says why."""
    later = ROLES_LATER.replace("President of Borduria Otto Kessel", "President of Borduria Otto Kesel")
    call_command(
        "ingest_transcripts",
        str(write_transcript("roles.txt", ROLES)),
        str(write_transcript("roles2.txt", later)),
        stdout=io.StringIO(),
    )
    assert Participant.objects.filter(name__startswith="Otto").count() == 1
    text = text_of(client.get("/speakers/?q=Kesel").content.decode())
    assert "1 speaker matches" in text and "Otto Kessel" in text
    assert "written “Otto Kesel”" in text
    text = text_of(client.get("/speakers/?q=otto+kesel").content.decode())
    assert "1 speaker matches" in text
    # Found by the name itself: no spelling to explain.
    text = text_of(client.get("/speakers/?q=Kessel").content.decode())
    assert "1 speaker matches" in text and "written “" not in text
    text = text_of(client.get("/speakers/?q=Kesselring").content.decode())
    assert "Otto Kessel" not in text
    meetings = text_of(client.get("/meetings/?speaker=Kesel").content.decode())
    assert "Talks with the President of Borduria" in meetings


SUMMARISED = """Meeting on the harbour lamps

May 3, 2024, Larkspur

The Mayor met the board.

Mayor of Larkspur Helena Marsh: Let us begin with the lamps on the north pier, which fail every winter.

Harbour engineer Tomas Reyes: The lamps need new cables, and the cables need a dry duct.

(Mr Reyes went on to describe the cost of the ducts and the order of the works.)

(Council member Ada Lindqvist spoke about the lamps of the old quay.)

Helena Marsh: Thank you. We will fund the ducts this year.
"""


@pytest.mark.django_db
def test_a_profile_says_which_of_its_remarks_are_the_editors_summaries(client, write_transcript):
    """A person known only from the editors' summary of what they said ("(Ms X spoke about …)")
    was shown as having "Made 1 remark", and the page's description read "1 remarks in 1
    meetings"."""
    call_command("ingest_transcripts", str(write_transcript("lamps.txt", SUMMARISED)), stdout=io.StringIO())
    only = client.get(f"/speakers/{Participant.objects.get(name='Ada Lindqvist').slug}/").content.decode()
    assert "given only as the editors’ summary of what was said, not verbatim" in only
    assert "1 remarks" not in only and "1 meetings" not in only
    assert 'content="1 remark in 1 meeting"' in only
    some = client.get(f"/speakers/{Participant.objects.get(name='Tomas Reyes').slug}/").content.decode()
    assert re.search(
        r"Made <strong>2</strong> remarks in <strong>1</strong> meeting[^.]*\. 1 of the remarks is the editors’ summary of what was said, not verbatim\.",
        some,
    )
    marsh = client.get(f"/speakers/{Participant.objects.get(name='Helena Marsh').slug}/").content.decode()
    assert "summary" not in marsh.split('class="profile-facts"')[1].split("</p>")[0]


ASKED = """News conference on the ferries

May 8, 2024, Larkspur

The Mayor answered questions.

Question: What about the ferry timetable? The winter ferry timetable leaves the island without a ferry after six, and the ferry timetable has not changed in years.

Mayor of Larkspur Helena Marsh: The ferry timetable will change in October: two more ferries in the evening, and the timetable will be posted on the quay.

Question: And the bridge?

Helena Marsh: The bridge is years away. The ferry timetable comes first.
"""


@pytest.mark.django_db
def test_a_meeting_page_says_a_topic_was_raised_by_an_unnamed_speaker(client, write_transcript):
    """Regression: a topic raised by a remark of no named speaker ("Question:") had no "raised"
    line on the meeting page, as if nobody had raised it; the topic page said the question did."""
    from meetings.models import MeetingTopic, TurnTopic

    call_command("ingest_transcripts", str(write_transcript("asked.txt", ASKED)), stdout=io.StringIO())
    meeting = Meeting.objects.get()
    listed = set(MeetingTopic.objects.filter(meeting=meeting).values_list("topic__slug", flat=True))
    asked = {
        slug: key
        for slug, key in TurnTopic.objects.filter(
            meeting=meeting, raised=True, turn__speaker=None
        ).values_list("topic__slug", "turn__key")
        if slug in listed
    }
    assert asked  # (the fixture's question raises the ferry timetable)
    page = client.get(meeting.get_absolute_url()).content.decode()
    shown = re.findall(
        r'href="/topics/([^/"]+)/">[^<]*</a> <span class="meta">raised in <a href="#([^"]+)">a remark labelled “Question”</a>',
        page,
    )
    assert dict(shown) == asked
