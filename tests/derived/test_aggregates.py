"""The aggregates rebuilt at ingest (meetings/derived/aggregates.py) equal what the pages used to compute
from the turns at request time, and the pages that read them stay within a fixed number of
queries whatever the archive's size."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Max, Min

from meetings.core.generator import generate
from meetings.derived import aggregates
from meetings.models import Appearance, Exchange, Meeting, Participant, ParticipantRole, Turn
from meetings.web import profiles, views


def _ingest(paths) -> None:
    call_command("ingest_transcripts", *map(str, paths), "--no-progress", "-v0", stdout=io.StringIO())


@pytest.fixture
def generated(tmp_path):
    _ingest(generate(tmp_path / "corpus", 20, seed=11))
    return Participant.objects.order_by("-turn_count").first()


def _exchanges_from_turns(pid: int) -> dict[int, int]:
    """The request-time computation the Exchange table replaces (neighbouring turns)."""
    with connection.cursor() as cur:
        cur.execute(
            """
            SELECT other.speaker_id, COUNT(*) FROM meetings_turn t
              JOIN meetings_turn other ON other.meeting_id = t.meeting_id
               AND other.position IN (t.position - 1, t.position + 1)
             WHERE t.speaker_id = %s AND other.speaker_id IS NOT NULL AND other.speaker_id <> %s
             GROUP BY other.speaker_id
            """,
            [pid, pid],
        )
        return dict(cur.fetchall())


@pytest.mark.django_db
def test_aggregates_equal_request_time_figures(generated):
    assert Exchange.objects.exists() and Appearance.objects.exists() and ParticipantRole.objects.exists()
    for person in Participant.objects.all():
        stored = dict(Exchange.objects.filter(participant=person).values_list("partner_id", "count"))
        assert stored == _exchanges_from_turns(person.pk), person.name

        appearances = {a.meeting_id: a.remarks for a in Appearance.objects.filter(participant=person)}
        per_meeting = dict(
            Turn.objects.filter(speaker=person)
            .values("meeting_id")
            .annotate(n=Count("id"))
            .values_list("meeting_id", "n")
        )
        assert appearances == per_meeting
        assert len(appearances) == person.meeting_count and sum(appearances.values()) == person.turn_count

        roles = {
            r["role"]: (r["m"], r["first"], r["last"])
            for r in Turn.objects.filter(speaker=person)
            .exclude(role=None)
            .values("role")
            .annotate(
                m=Count("meeting", distinct=True), first=Min("meeting__date"), last=Max("meeting__date")
            )
        }
        stored_roles = {
            r.role: (r.meetings, r.first, r.last) for r in ParticipantRole.objects.filter(participant=person)
        }
        assert stored_roles == roles
        for r in ParticipantRole.objects.filter(participant=person):
            dates = [Meeting.objects.get(pk=mid).date for mid in r.recent]
            assert dates == sorted(dates, reverse=True) and len(r.recent) == min(
                r.meetings, aggregates.RECENT_PER_ROLE
            )


@pytest.mark.django_db
def test_profile_panels_read_the_aggregates(generated, client):
    busiest = generated
    partners = profiles.exchanged_with(busiest)
    expected = sorted(_exchanges_from_turns(busiest.pk).items(), key=lambda kv: (-kv[1], kv[0]))
    assert [(p.pk, n) for p, n in partners] == expected[: profiles.TOP_PARTNERS]
    recent = profiles.recent_meetings(busiest)
    assert [m.date for m in recent] == sorted((m.date for m in recent), reverse=True)
    assert all(m.remarks == Turn.objects.filter(meeting=m, speaker=busiest).count() for m in recent)
    html = client.get(busiest.get_absolute_url()).content.decode()
    assert "Spoke most often with" in html or partners == []
    assert partners[0][0].name in html


@pytest.mark.django_db
def test_aggregates_follow_a_reingest(generated, tmp_path):
    """A file that changes who speaks moves the figures with it (nothing stale survives)."""
    before = Exchange.objects.count()
    # Five pages edited: the chair's remarks given to someone new (the same names, other words
    # only where the speaker changed).
    extra = []
    for path in sorted((tmp_path / "corpus").glob("*.txt"))[:5]:
        edited = tmp_path / "more" / path.name
        edited.parent.mkdir(exist_ok=True)
        edited.write_text(
            path.read_text(encoding="utf-8").replace("Helena Marsh", "Ottilie Brandvold"), encoding="utf-8"
        )
        extra.append(edited)
    _ingest(extra)
    assert Participant.objects.filter(name="Ottilie Brandvold").exists()
    assert Appearance.objects.count() == (
        Turn.objects.exclude(speaker=None).values("speaker_id", "meeting_id").distinct().count()
    )
    assert Exchange.objects.count() >= before
    aggregates.rebuild()  # idempotent
    assert Appearance.objects.count() == (
        Turn.objects.exclude(speaker=None).values("speaker_id", "meeting_id").distinct().count()
    )


@pytest.mark.django_db
def test_every_list_page_by_position_equals_the_offset_page(generated, client, monkeypatch):
    monkeypatch.setattr(views, "MEETINGS_PER_PAGE", 7)
    expected = list(Meeting.objects.order_by("-date", "title", "pk").values_list("slug", flat=True))
    assert sorted(Meeting.objects.values_list("list_position", flat=True)) == list(
        range(1, len(expected) + 1)
    )
    seen = []
    for number in range(1, len(expected) // 7 + 2):
        r = client.get(f"/meetings/?page={number}")
        assert r.status_code == 200
        seen += [m.slug for m in r.context["page"].object_list]
    assert seen == expected
    assert client.get(f"/meetings/?page={len(expected) // 7 + 2}").status_code == 404


@pytest.mark.django_db
def test_list_falls_back_to_offset_when_positions_are_missing(generated, client, monkeypatch):
    monkeypatch.setattr(views, "MEETINGS_PER_PAGE", 7)
    expected = list(Meeting.objects.order_by("-date", "title", "pk").values_list("slug", flat=True))[7:14]
    Meeting.objects.update(list_position=None)
    r = client.get("/meetings/?page=2")
    assert [m.slug for m in r.context["page"].object_list] == expected


@pytest.mark.django_db
def test_deep_list_page_and_busiest_profile_cost_fixed_queries(
    generated, client, django_assert_max_num_queries
):
    last = (Meeting.objects.count() + views.MEETINGS_PER_PAGE - 1) // views.MEETINGS_PER_PAGE
    with django_assert_max_num_queries(3):
        assert client.get(f"/meetings/?page={last}").status_code == 200
    with django_assert_max_num_queries(9):
        r = client.get(generated.get_absolute_url())
    assert r.context["page"].paginator.count == generated.turn_count
    # A filtered list counts what the filter leaves.
    year = Meeting.objects.first().date.year
    r = client.get(generated.get_absolute_url() + f"?year={year}")
    assert (
        r.context["page"].paginator.count == Turn.objects.filter(speaker=generated, date__year=year).count()
    )


@pytest.mark.django_db
def test_meeting_years_by_index_probes_equal_distinct_years(generated):
    assert aggregates.meeting_years() == [d.year for d in Meeting.objects.dates("date", "year", order="DESC")]
    Meeting.objects.all().delete()
    assert aggregates.meeting_years() == []


@pytest.mark.django_db
def test_every_page_of_a_profile_by_seek_equals_the_offset_page(generated, client, monkeypatch):
    """Pages of the busiest speaker's remarks found through Appearance.remarks_before are the
    pages OFFSET gives, the last one included; before any rebuild the OFFSET path answers."""
    monkeypatch.setattr(views, "REMARKS_PER_PAGE", 7)
    person = generated
    expected = list(
        Turn.objects.filter(speaker=person)
        .order_by("-date", "meeting_id", "position")
        .values_list("key", flat=True)
    )
    seen = []
    for number in range(1, (len(expected) + 6) // 7 + 1):
        seen += [
            t.key
            for t in client.get(f"{person.get_absolute_url()}?page={number}").context["page"].object_list
        ]
    assert seen == expected
    turns = Turn.objects.filter(speaker=person).order_by("-date", "meeting_id", "position")
    for offset in (0, 1, 6, 7, 8, len(expected) - 1):
        assert [t.key for t in aggregates.remarks_page(person, turns, offset, 7)] == expected[
            offset : offset + 7
        ]
    Appearance.objects.all().delete()
    assert [t.key for t in aggregates.remarks_page(person, turns, 9, 7)] == expected[9:16]


@pytest.mark.parametrize("positions", [True, False])
@pytest.mark.django_db
def test_older_and_newer_links_walk_the_meeting_list_in_order(generated, client, positions):
    same_day = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))[3:9]
    Meeting.objects.filter(pk__in=same_day).update(date="2010-05-05")  # several meetings on one day
    aggregates.rebuild()
    expected = list(Meeting.objects.order_by("-date", "title", "pk").values_list("slug", flat=True))
    if not positions:
        Meeting.objects.update(list_position=None)
    walked, slug = [], expected[0]
    while slug:
        walked.append(slug)
        r = client.get(f"/meetings/{slug}/")
        slug = r.context["older"].slug if r.context["older"] else None
    assert walked == expected
    back, slug = [], expected[-1]
    while slug:
        back.append(slug)
        cache.clear()  # each page was seen on the way down
        r = client.get(f"/meetings/{slug}/")
        slug = r.context["newer"].slug if r.context["newer"] else None
    assert back == expected[::-1]


def walk_api_pages(client, url: str, count: int, pick) -> list:
    """Every page of an API list, each answered without a COUNT(*), each saying `count`."""
    from django.test.utils import CaptureQueriesContext

    seen, number = [], 1
    while True:
        with CaptureQueriesContext(connection) as ctx:
            body = client.get(f"{url}&page={number}").json()
        assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"]], url
        assert body["count"] == count, url
        seen += [pick(r) for r in body["results"]]
        if not body["next"]:
            return seen
        number += 1


@pytest.mark.django_db
def test_api_remark_lists_give_the_offset_pages_and_counts_from_stored_figures(generated, client):
    """/api/turns/ (all, or one speaker's) and a participant's remarks: every page read by seeking
    from the meeting where it falls is the page OFFSET gives, and the counts, read from stored
    figures rather than counted, are the real ones."""
    person = generated
    ordered = Turn.objects.order_by("-date", "meeting_id", "position")
    mine = list(ordered.filter(speaker=person).values_list("meeting__slug", "key"))
    cases = {
        "/api/turns/?page_size=7": list(ordered.values_list("meeting__slug", "key")),
        f"/api/turns/?page_size=7&speaker={person.slug}": mine,
        f"/api/participants/{person.slug}/remarks/?page_size=7": mine,
    }
    for url, expected in cases.items():
        assert (
            walk_api_pages(client, url, len(expected), lambda r: (r["meeting"]["slug"], r["key"])) == expected
        ), url
    year = Turn.objects.filter(speaker=person).order_by("date").first().date.year
    filtered = client.get(f"/api/turns/?speaker={person.slug}&year={year}").json()  # counted, as before
    assert filtered["count"] == Turn.objects.filter(speaker=person, date__year=year).count() > 0


@pytest.mark.django_db
def test_api_meeting_and_topic_lists_and_roles_read_the_aggregates(generated, client):
    """The meeting list by list position, a topic's remarks by seeking from TopicMeeting, a
    participant's roles from ParticipantRole: the same answers as counting and OFFSET gave."""
    from django.db.models import Count, Max, Min

    from meetings.models import Topic, TurnTopic

    topic = Topic.objects.order_by("-remark_count").first()
    cases = {
        "/api/meetings/?page_size=4": (
            list(Meeting.objects.order_by("-date", "title", "pk").values_list("slug", flat=True)),
            lambda r: r["slug"],
        ),
        f"/api/topics/{topic.slug}/remarks/?page_size=3": (
            list(
                TurnTopic.objects.filter(topic=topic)
                .order_by("-date", "meeting_id", "position")
                .values_list("turn__key", flat=True)
            ),
            lambda r: r["turn"]["key"],
        ),
    }
    assert len(cases[f"/api/topics/{topic.slug}/remarks/?page_size=3"][0]) > 6
    for url, (expected, pick) in cases.items():
        assert walk_api_pages(client, url, len(expected), pick) == expected, url

    person = generated
    expected = [
        {
            "role": r["role"],
            "meeting_count": r["n"],
            "first_date": r["first"].isoformat(),
            "last_date": r["last"].isoformat(),
        }
        for r in Turn.objects.filter(speaker=person)
        .exclude(role=None)
        .values("role")
        .annotate(n=Count("meeting", distinct=True), first=Min("meeting__date"), last=Max("meeting__date"))
        .order_by("-n", "role")
    ]
    assert expected and client.get(f"/api/participants/{person.slug}/").json()["roles"] == expected


@pytest.mark.django_db
def test_every_page_of_a_topic_by_seek_equals_the_offset_page(generated, client, monkeypatch):
    from meetings.models import Topic, TurnTopic

    monkeypatch.setattr(views, "REMARKS_PER_PAGE", 3)
    topic = Topic.objects.order_by("-remark_count").first()
    expected = list(
        TurnTopic.objects.filter(topic=topic)
        .order_by("-date", "meeting_id", "position")
        .values_list("turn__key", flat=True)
    )
    assert len(expected) > 6
    seen = []
    for number in range(1, (len(expected) + 2) // 3 + 1):
        seen += [
            row[1]
            for row in client.get(f"{topic.get_absolute_url()}?page={number}").context["page"].object_list
        ]
    assert seen == expected


@pytest.mark.django_db
def test_a_callers_town_is_not_shown_as_an_office(tmp_path):
    """A phone-in writes "Town, <Name>:" and a forum "<Name> (Territory):": the person's
    profile and the speakers index show no office for them, and a party named with ordinary
    words ("A Just Borduria") is still an office."""
    from meetings.derived.aggregates import rebuild
    from meetings.models import Participant, ParticipantRole

    (tmp_path / "phone-in.txt").write_text(
        "Direct Line\n\nJune 7, 2022, Larkspur\n\nA phone-in.\n\n"
        "Tvorsk, Ivo Marek: Our roof has leaked for three winters and nobody answers.\n\n"
        "Dana Vrba (Larkspur Territory): The bus to our village was cancelled in spring.\n\n"
        "Head of the A Just Borduria faction in the Assembly Emil Sova: We raised this twice.\n",
        encoding="utf-8",
    )
    call_command("ingest_transcripts", str(tmp_path), stdout=io.StringIO())
    rebuild()
    roles = dict(ParticipantRole.objects.values_list("participant__name", "role"))
    assert set(Participant.objects.values_list("name", flat=True)) == {"Ivo Marek", "Dana Vrba", "Emil Sova"}
    assert roles == {"Emil Sova": "Head of the A Just Borduria faction in the Assembly"}


@pytest.mark.django_db
def test_appeared_as_shows_one_office_however_written_and_no_fragments(tmp_path):
    from meetings.derived.aggregates import rebuild
    from meetings.models import Participant, ParticipantRole

    forms = ["President of Borduria", "Bordurian President", "PRESIDENT OF BORDURIA", "President of Borduria"]
    for i, form in enumerate(forms, start=1):
        (tmp_path / f"m{i}.txt").write_text(
            f"Visit number {i}\n\nMay {i}, 2022, Larkspur\n\nA visit.\n\n"
            f"{form} Ivo Marek: Thank you for the invitation, number {i}.\n\n"
            f"Ivo Marek, pensioners are worried: About prices, number {i}.\n",
            encoding="utf-8",
        )
    call_command("ingest_transcripts", str(tmp_path), stdout=io.StringIO())
    rebuild()
    person = Participant.objects.get(name="Ivo Marek")
    assert list(ParticipantRole.objects.filter(participant=person).values_list("role", "meetings")) == [
        ("President of Borduria", 4)
    ]
