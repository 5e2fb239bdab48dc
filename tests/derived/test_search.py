"""Search: ranking, syntax, highlighting, facets, filters, hostile input, text variants."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from meetings.derived.search import MAX_QUERY_LENGTH, clean_query
from tests.helpers import ingest

HARBOUR = """Meeting of the Harbour Board

October 3, 2022, Larkspur

The Board met on the state of the harbour.

Chair of the Harbour Board Helena Marsh: Good morning. We will talk about the foreign agents law and the media today.

Port Director Tomas Reyes: The QR-codes on the ferries do not work. It\u2019s a disgrace, and the quay walls are crumbling.

Council member Ada Lindqvist: The foreign\u00a0agents register frightens local media. Foreign media are also affected.

Tomas Reyes: The quay walls again: repairs cost two million. <script>alert('x')</script>
"""

MEALS = """Meeting on school meals

May 3, 2021, Larkspur

The Mayor discussed school meals.

Mayor of Larkspur Helena Marsh: School meals are our priority. The QR codes on lunch cards work well.

(Council member Ada Lindqvist spoke about allergies and labels on school meals.)
"""


@pytest.fixture
def archive(write_transcript):
    call_command(
        "ingest_transcripts",
        str(write_transcript("harbour.txt", HARBOUR)),
        str(write_transcript("meals.txt", MEALS)),
        stdout=io.StringIO(),
    )


def results(client, query, **params):
    """The page, with highlight tags removed so that text can be checked as read."""
    r = client.get("/search/", {"q": query, **params})
    assert r.status_code == 200
    return r.content.decode().replace("<mark>", "").replace("</mark>", "")


def test_clean_query_folds_variants_and_caps_length():
    assert clean_query("QR-codes it\u2019s foreign\u00a0agents") == "QR-codes it's foreign agents"
    assert clean_query("\x00\x01 media\x7f") == "media"
    assert len(clean_query("word " * 500)) <= MAX_QUERY_LENGTH
    assert clean_query(None) == "" and clean_query("   ") == ""


@pytest.mark.django_db
def test_phrase_query_with_highlighted_snippet_speaker_meeting_and_permalink(client, archive):
    raw = client.get("/search/", {"q": '"foreign agents" media'}).content.decode()
    assert "<mark>foreign</mark> <mark>agents</mark>" in raw or "<mark>foreign agents</mark>" in raw
    html = results(client, '"foreign agents" media')
    assert "Ada Lindqvist" in html and "Meeting of the Harbour Board" in html
    assert "/meetings/2022-10-03-meeting-of-harbour-board/ada-lindqvist-1/" in html
    assert "?q=%22foreign%20agents%22%20media#" in html  # opens the meeting at the remark, highlighted


@pytest.mark.django_db
def test_a_quoted_phrase_is_found_word_for_word(client, archive):
    """Regression: a phrase in quotation marks found remarks without its small words ("walls is
    crumbling" found "walls are crumbling": the stemmed reading leaves small words out), so a
    quote could not be checked. In quotation marks, the words are found as written, in that
    order (case, marks and hyphens aside); unquoted, in all their forms."""
    html = results(client, '"walls are crumbling"')
    assert "a disgrace" in html and "1 remark in 1 meeting" in html
    for q in (
        '"walls is crumbling"',
        '"walls crumbling"',
        '"walls were crumbling"',
        '"the walls are crumbling"',
    ):
        assert "0 remarks in 0 meetings" in results(client, q), q
    assert "1 remark in 1 meeting" in results(client, '"The quay walls again"')
    # A longer word of the phrase in the other number, or with an ending after it, is the phrase's:
    # a topic's search for every mention ("executive order") finds "executive orders" too.
    assert "a disgrace" in results(client, '"wall are crumbling"')
    assert "1 remark in 1 meeting" in results(client, '"quay walls again" repairs')
    assert "a disgrace" in results(client, "walls is crumbling")  # unquoted: every form
    # Typographic quotation marks inside a quoted phrase are part of its text, not more phrases.
    assert "1 remark in 1 meeting" in results(client, '"the \u201cquay walls\u201d again"')
    api = client.get("/api/search/", {"q": '"walls is crumbling"'}).json()
    assert api["count"] == 0


@pytest.mark.django_db
def test_a_quoted_phrase_is_highlighted_as_a_phrase_not_word_by_word(client, archive):
    """Regression: a search for "quay walls" in quotation marks marked every lone "quay" and
    "walls" in its snippets and on the meeting page, so a reader could not see where the phrase
    stands. The phrase is marked whole, and only where it stands; a word outside the quotation
    marks is marked as before."""
    raw = client.get("/search/", {"q": '"walls are crumbling"'}).content.decode()
    assert "<mark>walls are crumbling</mark>" in raw
    assert "quay <mark>walls</mark>" not in raw and "<mark>quay</mark>" not in raw
    page = client.get(
        "/meetings/2022-10-03-meeting-of-harbour-board/", {"q": '"walls are crumbling" repairs'}
    ).content.decode()
    assert page.count("<mark>walls are crumbling</mark>") == 1
    assert "<mark>repairs</mark>" in page
    assert "quay <mark>walls</mark> again" not in page  # the other "walls" stands outside the phrase
    # A phrase over a hyphen and a no-break space is marked as written.
    raw = client.get("/search/", {"q": '"QR codes on the ferries"'}).content.decode()
    assert "<mark>QR-codes on the ferries</mark>" in raw


@pytest.mark.django_db
def test_a_word_ending_in_a_star_finds_every_word_it_begins(client, archive):
    """Regression: "ferr*" was read as "ferr" (the star dropped), which finds nothing, and the page
    offered "Did you mean …*?", which found the same as without the star. A star after three
    letters or more asks for every word that begins so."""
    assert "0 remarks" in results(client, "ferr")
    html = results(client, "ferr*")
    assert "ferries" in html and "0 remarks" not in html
    raw = client.get("/search/", {"q": "ferr*"}).content.decode()
    assert "<mark>ferries</mark>" in raw
    assert "4 remarks in 2 meetings" in results(client, "qua* or scho*")  # either
    assert "1 remark in 1 meeting" in results(client, "ferr* disgrace")  # both
    assert "a disgrace" not in results(client, "quay -crumbl*")
    api = client.get("/api/search/", {"q": "allerg*"}).json()
    assert api["count"] == 1


@pytest.mark.django_db
def test_exclusion_or_and_stemming(client, archive):
    html = results(client, "allergies")
    assert "Ada Lindqvist" in html
    html = results(client, "allergy or crumbling")
    assert "Ada Lindqvist" in html and "Tomas Reyes" in html
    html = results(client, "quay -crumbling")
    assert "repairs cost" in html and "disgrace" not in html
    html = results(client, "allergy OR crumbling")
    assert "Ada Lindqvist" in html and "Tomas Reyes" in html
    html = results(client, "quay NOT crumble")
    assert "repairs cost" in html and "disgrace" not in html


@pytest.mark.django_db
def test_an_excluded_word_excludes_its_inflections_too(client, archive):
    """Regression: "-economy" found remarks saying "economies" (and marked them): the word was
    excluded only in one of the two readings of the query (its exact form), and a remark was
    found by the other."""
    html = results(client, "quay -crumble")
    assert "repairs cost" in html and "disgrace" not in html
    html = results(client, "media -agent")
    assert "Foreign media are also affected" not in html and "foreign agents law" not in html
    raw = client.get("/search/", {"q": "-meal"}).content.decode()
    assert "4 remarks in 1 meeting" in raw and "<mark>" not in raw  # the Harbour Board's four
    # Excluded words leave no operator behind ("-quay or -meal" had asked for the word "or"), and
    # an excluded word is excluded from every result, or or no or.
    for q in ("-crumble or -meal", "-crumble OR -meal"):
        assert "3 remarks in 1 meeting" in client.get("/search/", {"q": q}).content.decode(), q
    html = results(client, "quay -crumble or meals")
    assert "repairs cost" in html and "disgrace" not in html and "School meals are our priority" in html
    # A minus after a bracket excludes too, as PostgreSQL reads it (a reviewer's).
    html = results(client, "quay (-crumble)")
    assert "repairs cost" in html and "disgrace" not in html
    for q, word in (("quay -crumble", "crumbling"), ("-meal", "meal")):
        r = client.get("/api/search/", {"q": q}).json()
        assert r["results"] and all(word not in x["text"] for x in r["results"]), q


@pytest.mark.django_db
def test_a_query_is_shown_back_as_written(client, archive):
    """Regression: "QR-codes" was shown back, in the box, the title and the count, as "QR codes"
    (the folding that makes it find "QR codes" too)."""
    html = client.get("/search/", {"q": "QR-codes"}).content.decode()
    assert 'value="QR-codes"' in html and "match \u201cQR-codes\u201d" in html
    assert "<title>QR-codes" in html or "\u201cQR-codes\u201d" in html.split("</title>")[0]
    assert "ferries" in html and "lunch cards" in html  # and found as before


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["QR-codes", "QR codes", "qr code"])
def test_hyphen_variants_find_each_other(client, archive, query):
    html = results(client, query)
    assert "ferries" in html and "lunch cards" in html


@pytest.mark.django_db
def test_no_break_space_and_apostrophes(client, archive):
    assert "register frightens" in results(client, '"foreign agents register"')
    assert "disgrace" in results(client, "it's a disgrace")
    assert "disgrace" in results(client, "it\u2019s a disgrace")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "the of and",
        "or",
        "-",
        '"',
        '"unbalanced',
        "x" * 1500,
        "word " * 300,
        "\x00\x01\x02",
        "<script>",
        "Береги воду",
        "水",
        "!!!",
        "'; DROP TABLE meetings_turn; --",
        "a & b | !c",
        "((((",
        "\\",
    ],
)
def test_hostile_input_never_fails(client, archive, query):
    r = client.get("/search/", {"q": query})
    assert r.status_code == 200
    assert "<script>" not in r.content.decode().split("<main")[1]


@pytest.mark.django_db
def test_stop_words_only_says_so(client, archive):
    assert "no words that can be searched" in results(client, "the of and")


@pytest.mark.django_db
def test_transcript_script_is_escaped_in_snippets(client, archive):
    html = results(client, "repairs")
    assert "&lt;script&gt;" in html and "<script>alert" not in html


@pytest.mark.django_db
def test_grouped_by_meeting_with_more_link_and_within_meeting(client, archive):
    html = results(client, "quay walls")
    assert "1 more in this meeting" in html
    html = results(client, "quay walls", meeting="2022-10-03-meeting-of-harbour-board")
    assert "2 remarks matching" in html


@pytest.mark.django_db
def test_facets_and_filters(client, archive):
    html = results(client, "media")
    assert "By speaker" in html and "By year" in html
    html = results(client, "school meals", speaker="ada-lindqvist")
    assert "Ada Lindqvist" in html and "Mayor of Larkspur" not in html.split("Remarks</h2>")[1]
    assert "1 meeting" in results(client, "QR codes", date_from="2022-01-01")
    assert "summary, not verbatim" in results(client, "allergies", kind="summary")
    assert "0 meetings" in results(client, "allergies", kind="speech")
    assert "Some filters were not understood" in results(client, "media", date_from="yesterday")


@pytest.mark.django_db
def test_sort_by_date(client, archive):
    html = results(client, "QR codes", sort="date")
    assert html.index("Harbour Board") < html.index("school meals")


@pytest.mark.django_db
def test_a_name_offers_the_profile_first(client, archive):
    html = results(client, "Tomas Reyes")
    assert "profile-hit" in html and "/speakers/tomas-reyes/" in html
    assert html.index("profile-hit") < html.index("Remarks</h2>")


@pytest.mark.django_db
def test_a_surname_as_a_transcript_spelled_it_offers_the_profile(client, write_transcript):
    """A surname spelled as a transcript wrote it and the archive resolved to the person ("Kesel"
    for Otto Kessel) offers the profile, as the name does; two people of one name are told apart
    by their latest office."""
    first = "Talks in Larkspur\n\nMay 2, 2023, Larkspur\n\nTalks.\n\nMayor Otto Kessel: Welcome.\n"
    second = "Talks in Szohod\n\nMay 8, 2024, Szohod\n\nTalks.\n\nMayor Otto Kesel: Welcome again.\n"
    paths = [write_transcript("a.txt", first), write_transcript("b.txt", second)]
    call_command("ingest_transcripts", *map(str, paths), stdout=io.StringIO())
    html = results(client, "Kesel")
    assert "profile-hit" in html and "/speakers/otto-kessel/" in html
    assert "Mayor" in html[html.index("profile-hit") : html.index("Remarks</h2>")]


@pytest.mark.django_db
def test_meeting_titles_are_searchable(client, archive):
    html = results(client, "harbour board")
    assert "Meetings whose title, lead or a heading matches" in html


@pytest.mark.django_db
def test_the_meetings_a_search_offers_keep_its_dates_and_leave_way_for_its_other_filters(client, archive):
    """The meetings whose title or lead matches (the heading says both: a lead's word found a
    meeting whose title lacks it) are those of the dates asked for; a search narrowed to a
    speaker, a topic or a kind of remark offers none (they would not be of that speaker)."""
    assert "m-hits-h" in results(client, "school meals")
    assert "m-hits-h" in results(client, "school meals", date_from="2021-01-01", date_to="2021-12-31")
    assert "m-hits-h" in results(client, "school meals", year="2021")
    assert "m-hits-h" not in results(client, "school meals", date_from="2022-01-01")
    assert "m-hits-h" not in results(client, "school meals", year="2022")
    assert "m-hits-h" not in results(client, "school meals", speaker="tomas-reyes")


@pytest.mark.django_db
def test_meeting_page_highlights_the_search(client, archive):
    html = client.get(
        "/meetings/2022-10-03-meeting-of-harbour-board/", {"q": "quay walls -ferry"}
    ).content.decode()
    assert html.count("<mark>quay</mark>") == 2 and html.count("<mark>walls</mark>") == 2
    assert "<mark>ferr" not in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html


@pytest.mark.django_db
def test_search_forms_on_meeting_and_profile(client, archive):
    assert (
        'name="meeting" value="2022-10-03-meeting-of-harbour-board"'
        in client.get("/meetings/2022-10-03-meeting-of-harbour-board/").content.decode()
    )
    assert 'name="speaker" value="tomas-reyes"' in client.get("/speakers/tomas-reyes/").content.decode()


@pytest.mark.django_db
def test_a_very_common_query_ranks_a_bounded_set_and_says_so(client, archive, monkeypatch):
    from meetings.derived import search

    monkeypatch.setattr(search, "CANDIDATES", 2)
    html = results(client, "harbour or meals or quay or foreign")
    assert "More than 2 remarks match" in html and "most recent" in html
    assert "Counts among the 2 most recent matches" in html
    assert "to narrow it." in html and "narrow it.." not in html  # regression: a full stop twice
    monkeypatch.setattr(search, "CANDIDATES", 1)
    html = results(client, "harbour or meals or quay or foreign", speaker="helena-marsh")
    assert "by Helena Marsh: these are the best" in html


@pytest.mark.django_db
def test_the_search_page_keeps_its_focus_and_words_for_a_reader(client, archive):
    """The box takes the focus only on an empty search page (a results page opening in the box
    raised a phone's keyboard over the results); a query of a lone quotation mark is not shown as
    a garbled quotation."""
    assert " autofocus" in client.get("/search/").content.decode()
    assert " autofocus" not in client.get("/search/", {"q": "quay"}).content.decode()
    html = client.get("/search/", {"q": '"'}).content.decode()
    assert "The search has no words that can be searched for" in html
    # A lone mark closing the query is shown as a closing mark (a review found "growth“").
    html = client.get("/search/", {"q": 'quay walls"'}).content.decode()
    assert "\u201cquay walls\u201d" in html


@pytest.mark.django_db(transaction=True)
def test_optimize_archive_keeps_everything(client, archive):
    call_command("optimize_archive", stdout=io.StringIO())
    assert "Ada Lindqvist" in results(client, "allergies")


@pytest.fixture
def generated(tmp_path):
    from meetings.core.generator import generate

    call_command(
        "ingest_transcripts",
        str(generate(tmp_path / "corpus", 24, seed=4)[0].parent),
        "--no-topics",
        "--no-progress",
        "-v0",
        stdout=io.StringIO(),
    )


def candidate_dates(q):
    from meetings.derived import search
    from meetings.models import Turn

    hits = search.search_turns(q, Turn.objects.all(), group=False, per_page=10_000)
    ids = [c[0] for c in hits.candidates]
    return hits, dict(Turn.objects.filter(pk__in=ids).values_list("pk", "date"))


@pytest.mark.django_db
def test_a_small_archive_gets_no_separate_index_of_recent_turns(generated):
    from meetings.derived import search
    from meetings.models import Turn

    assert search.rebuild_recent_index(turns=Turn.objects.count()) is None
    assert search.recent_cutoff() is None


@pytest.mark.django_db
def test_common_words_are_ranked_among_the_newest_matches_through_the_recent_index(generated, monkeypatch):
    """With the partial index over the newest turns, a query that matches more than CANDIDATES
    turns ranks matches from that newest part only; a rare query finds every match, as before."""
    from meetings.derived import search
    from meetings.models import Turn

    rare = "ornithopter"
    t = Turn.objects.order_by("date", "position").first()
    Turn.objects.filter(pk=t.pk).update(text=t.text + f" An {rare} appeared.")  # the oldest turn of all
    search.update_vectors([t.meeting_id])
    cutoff = search.rebuild_recent_index(turns=Turn.objects.count() // 4)
    assert cutoff is not None and search.recent_cutoff() == cutoff
    with connection.cursor() as cur:
        cur.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [search.RECENT_INDEX])
        assert "WHERE (date >=" in cur.fetchone()[0]
    recent = Turn.objects.filter(date__gte=cutoff, search_vector=search.ts_query("council")).count()
    older = Turn.objects.filter(date__lt=cutoff, search_vector=search.ts_query("council")).count()
    assert recent > 6 and older > 0
    monkeypatch.setattr(search, "CANDIDATES", recent - 2)
    hits, dates = candidate_dates("council")
    assert hits.capped and len(hits.candidates) == recent - 2
    assert min(dates.values()) >= cutoff  # all from the newest part: the older part is never read
    monkeypatch.setattr(search, "CANDIDATES", recent + 1)
    hits, dates = candidate_dates("council")  # one more than the newest part holds: one older match
    assert len(hits.candidates) == recent + 1 and sum(d < cutoff for d in dates.values()) == 1
    found, _ = candidate_dates(rare)  # in the oldest turn: found through the older part
    assert [c[0] for c in found.candidates] == [t.pk] and not found.capped


@pytest.mark.django_db(transaction=True)
def test_optimize_archive_makes_the_recent_index_once_the_archive_is_large(generated, monkeypatch):
    from meetings.derived import search
    from meetings.models import Turn

    out = io.StringIO()
    call_command("optimize_archive", stdout=out)
    assert search.recent_cutoff() is None and "no separate index" in out.getvalue()
    monkeypatch.setattr(search, "RECENT_TURNS", Turn.objects.count() // 3)
    call_command("optimize_archive", stdout=out)
    cutoff = search.recent_cutoff()
    assert cutoff is not None and f"turns from {cutoff:%Y-%m-%d}" in out.getvalue()
    newest = Turn.objects.filter(date__gte=cutoff).count()
    assert search.RECENT_TURNS <= newest < Turn.objects.count() // 2


@pytest.mark.django_db
def test_ingest_makes_the_recent_index_when_due_and_remakes_it_as_new_turns_pile_up(tmp_path, monkeypatch):
    from meetings.core.generator import generate
    from meetings.derived import search
    from meetings.models import Turn

    files = generate(tmp_path / "corpus", 30, seed=8)
    monkeypatch.setattr(search, "RECENT_TURNS", 10_000)
    call_command(
        "ingest_transcripts",
        *map(str, files[:10]),
        "--no-topics",
        "--no-progress",
        "-v0",
        stdout=io.StringIO(),
    )
    assert search.recent_cutoff() is None  # far fewer than twice 10,000 turns
    monkeypatch.setattr(search, "RECENT_TURNS", Turn.objects.count() // 4)
    call_command(
        "ingest_transcripts",
        *map(str, files[10:20]),
        "--no-topics",
        "--no-progress",
        "-v0",
        stdout=io.StringIO(),
    )
    first = search.recent_cutoff()
    assert first is not None and Turn.objects.filter(date__gte=first).count() >= search.RECENT_TURNS
    call_command(
        "ingest_transcripts",
        *map(str, files[20:]),
        "--no-topics",
        "--no-progress",
        "-v0",
        stdout=io.StringIO(),
    )
    later = search.recent_cutoff()  # the files come in date order: the newest part grew past twice its size
    assert later > first
    assert search.RECENT_TURNS <= Turn.objects.filter(date__gte=later).count() <= 2 * search.RECENT_TURNS


FUNCTION_PROPERTIES = (
    "SELECT p.prosrc, l.lanname, p.provolatile, p.proparallel, pg_get_function_arguments(p.oid),"
    " pg_get_function_result(p.oid) FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang"
    " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proname = %s AND n.nspname = %s"
)


@pytest.mark.django_db
def test_the_database_holds_the_search_functions_as_their_files_define_them():
    """Each file of meetings/sql/functions, run in a scratch schema, defines what the migrations
    left in the database: same body, language, volatility, parallel safety and signature."""
    from meetings.sql.functions import FUNCTIONS, create_sql

    with connection.cursor() as cur:
        cur.execute("SELECT current_schema()")
        live = cur.fetchone()[0]
        cur.execute("CREATE SCHEMA function_files")
        cur.execute("SET LOCAL search_path = function_files, public")
        for name in FUNCTIONS:
            cur.execute(create_sql(name))
        for name in FUNCTIONS:
            cur.execute(FUNCTION_PROPERTIES, [name, live])
            in_database = cur.fetchall()
            cur.execute(FUNCTION_PROPERTIES, [name, "function_files"])
            assert in_database == cur.fetchall() and len(in_database) == 1, name


def test_the_migration_creates_the_search_functions_from_their_files():
    from importlib import import_module

    from meetings.sql.functions import FUNCTIONS, create_sql, drop_sql

    migration = import_module("meetings.migrations.0002_sql_functions").Migration
    assert [(op.sql, op.reverse_sql) for op in migration.operations] == [
        (create_sql(name), drop_sql(name)) for name in FUNCTIONS
    ]


MARKS = """Meeting on the river crossing

June 5, 2023, Larkspur

The Mayor met the bridge engineer.

Mayor of Larkspur Helena Marsh: Mr Dvořák, the Třebíč bridge is what the whole town talks about.

Engineer Pavel Dvořák: The Trebic bridge needs new cables before the winter.

Helena Marsh: Then the cables come first, and the paint after them.

Pavel Dvořák: The tolls will not decrease.Ferries still cross at a loss.
"""


@pytest.fixture
def marked_archive(write_transcript):
    ingest(write_transcript("marks.txt", MARKS))


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Trebic", "Třebíč", "TŘEBÍČ", "trebíc"])
def test_a_letter_with_a_mark_and_its_plain_letter_find_each_other(client, marked_archive, query):
    html = results(client, query, meeting="2023-06-05-meeting-on-river-crossing")
    assert "2 remarks matching" in html
    assert "whole town" in html and "new cables" in html


@pytest.mark.django_db
def test_snippets_and_the_meeting_page_show_and_highlight_the_letters_as_written(client, marked_archive):
    raw = client.get("/search/", {"q": "Trebic", "meeting": "2023-06-05-meeting-on-river-crossing"}).content
    raw = raw.decode()
    assert "<mark>Třebíč</mark> bridge" in raw and "<mark>Trebic</mark> bridge" in raw
    page = client.get("/meetings/2023-06-05-meeting-on-river-crossing/", {"q": "trebic"}).content.decode()
    assert "Třebíč</mark>" in page and "Trebic</mark>" in page


@pytest.mark.django_db
def test_a_speaker_written_with_marks_is_found_without_them(client, marked_archive):
    from meetings.derived.search import matching_people, resolve_speaker

    html = results(client, "Dvorak", speaker="pavel-dvorak")
    assert "new cables" in html
    # the speaker filter and the profile a name query puts first, by surname or full name
    assert "new cables" in results(client, "cables", speaker="Dvorak")
    assert [p.slug for p in resolve_speaker("dvorak")] == ["pavel-dvorak"]
    assert [p.slug for p in resolve_speaker("Pavel Dvorak")] == ["pavel-dvorak"]
    assert [p.slug for p in matching_people("Dvorak")] == ["pavel-dvorak"]
    assert [p.slug for p in matching_people("Dvořák")] == ["pavel-dvorak"]
    # A word is the surname whole, not its last letters ("US" offered the profile of a "Myaus").
    assert matching_people("rak") == [] and matching_people("ak") == []
    # the speakers index's and the meetings index's name filters
    assert "/speakers/pavel-dvorak/" in client.get("/speakers/", {"q": "dvorak"}).content.decode()
    assert "river crossing" in client.get("/meetings/", {"speaker": "Dvorak"}).content.decode()
    assert "river crossing" not in client.get("/meetings/", {"speaker": "Dvorakova"}).content.decode()


@pytest.mark.django_db
def test_a_word_written_with_its_marks_is_not_corrected(marked_archive):
    from meetings.derived.search import suggest

    assert suggest("Třebíč", 2) is None
    assert suggest("Trebicc", 0).query == "Trebic"


def test_a_snippet_read_with_plain_letters_is_written_with_the_remarks_letters():
    from meetings.derived.search import as_written

    source = "Mr Dvořák, the Třebíč bridge"
    assert as_written(" the \x02Trebic\x03 bri", source, "\x02\x03") == " the \x02Třebíč\x03 bri"
    assert as_written("Mr \x02Dvorak\x03,", source, "\x02\x03") == "Mr \x02Dvořák\x03,"
    assert as_written("not in it", source, "\x02\x03") == "not in it"
    assert as_written("plain", "plain text", "\x02\x03") == "plain"


@pytest.mark.django_db
def test_the_database_reads_letters_with_marks_as_the_extractor_does():
    """archive_unmarked (SQL) and meetings.core.letters hold the same table, letter by letter."""
    from meetings.core.letters import UNMARKED, unmarked

    letters = "".join(sorted(UNMARKED))
    with connection.cursor() as cur:
        cur.execute("SELECT archive_unmarked(%s), archive_search_text(%s)", [letters, "Čeferin’s"])
        in_database, searched = cur.fetchone()
    assert in_database == unmarked(letters) == "".join(UNMARKED[c] for c in letters)
    assert searched == "Ceferin's"


def test_the_migration_for_letters_with_marks_recreates_every_function_and_vector():
    from importlib import import_module

    from django.db.migrations import RunPython, RunSQL

    from meetings.sql.functions import FUNCTIONS, create_sql

    migration = import_module("meetings.migrations.0011_search_unmarked_letters").Migration
    made = [op.sql for op in migration.operations if isinstance(op, RunSQL)]
    assert made == [create_sql(name) for name in FUNCTIONS]
    assert isinstance(migration.operations[-1], RunPython)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["ferries", "decrease", "tolls decrease", "decrease.Ferries"])
def test_words_of_two_sentences_glued_at_the_full_stop_are_found(client, marked_archive, query):
    """A page's "decrease.Ferries" (no space after the full stop) is two words to search, as the
    parser read it as one host-like token that neither word found."""
    assert "still cross" in results(client, query, meeting="2023-06-05-meeting-on-river-crossing")


@pytest.mark.django_db
def test_queries_are_folded_as_the_database_folds_the_text():
    """as_searched (queries) and archive_search_text (the stored text) agree on letters with marks
    and on full stops glued to the next sentence; the other folds are clean_query's."""
    from meetings.derived.search import as_searched

    samples = ["decrease.Risk", "St.Petersburg", "U.S.Army", "kremlin.ru", "Mail.Ru", "Čeferin.Then", "a.B"]
    # Letters of other scripts are small or capital letters too, to both ("слово.Слово").
    samples += ["слово.Слово", "МИД.Россия", "ωμέγα.Άλφα", "Straße.Next"]
    # An acronym's full stop before a capital is a break too ("VEB.RF", "NATO.Then"), not "U.S.".
    samples += ["VEB.RF", "DOM.RF", "NATO.Then", "U.S.A", "A.B.C", "ВЭБ.РФ"]
    with connection.cursor() as cur:
        for text in samples:
            cur.execute("SELECT archive_search_text(%s)", [text])
            assert cur.fetchone()[0] == as_searched(text), text


@pytest.mark.django_db
def test_signs_are_read_as_words_alike_in_queries_and_in_the_text():
    """The per cent, dollar and plus signs: archive_search_text (SQL) and the query's reading
    (_symbols_as_words, in Python) write the same words, inside quotation marks letter for letter
    and outside them word for word."""
    from meetings.derived.search import as_searched

    samples = [
        "rose 2.5% and 3 %",
        "cost $100, $ 5 and US$100 billion",
        "OPEC+ and C++ and A+B and G7+",
        "a 10%-rise, (5%) and 100%.",
        "$1.5 trillion; 4+ years",
        "the +5 and 5+",
    ]
    with connection.cursor() as cur:
        for text in samples:
            cur.execute("SELECT archive_search_text(%s)", [text])
            assert cur.fetchone()[0] == as_searched(f'"{text}"')[1:-1], text
            cur.execute(
                "SELECT to_tsvector('simple', archive_search_text(%s)) = to_tsvector('simple', %s)",
                [text, as_searched(text)],
            )
            assert cur.fetchone()[0], (text, as_searched(text))


@pytest.mark.django_db
def test_a_quoted_phrase_is_found_deep_in_a_very_long_remark(client, write_transcript):
    """Regression: a quoted phrase said after about the first 7,000 words of a remark (an annual
    address) was not found: the stored vector holds the stemmed words, then the words as written
    at positions after them, and PostgreSQL keeps no position past 16,383, so the words as written
    lost their order there. A long remark's two readings now share their positions."""
    filler = " ".join(["The harbour board met again and spoke of the ferries and the quays."] * 700)
    text = f"""Address on the harbour

June 1, 2023, Larkspur

The Mayor spoke to the Board.

Mayor of Larkspur Helena Marsh: {filler} We will buy new dredging machinery this year. {filler}

Port Director Tomas Reyes: Thank you.
"""
    call_command("ingest_transcripts", str(write_transcript("long.txt", text)), stdout=io.StringIO())
    hits = client.get("/api/search/", {"q": '"dredging machinery"'}).json()["results"]
    assert [h["speaker"]["name"] for h in hits] == ["Helena Marsh"]
    hits = client.get("/api/search/", {"q": '"machinery dredging"'}).json()["results"]
    assert hits == []  # still word for word, in order
    with connection.cursor() as cur:
        # A text of short words reaches the last position sooner (review): figures, a list.
        cur.execute(
            "SELECT archive_text_vector(repeat('1 2 ', 4500) || 'the dredging machinery')"
            " @@ phraseto_tsquery('simple', 'the dredging machinery')"
        )
        assert cur.fetchone()[0]
        # Each word as written keeps its own weight (D), which the suggestions' vocabulary reads,
        # where it is also its own stem ("harbour").
        cur.execute(
            "SELECT array_agg(word) FROM ts_stat($$SELECT archive_text_vector("
            "repeat('The harbour board met again. ', 1000))$$, 'D')"
        )
        assert {"harbour", "board", "met"} <= set(cur.fetchone()[0])


SMALL_WORDS = """Meeting on the harbour trade

July 7, 2023, Larkspur

The Board met the traders.

Chair of the Harbour Board Helena Marsh: Let us talk about the grain quay first. It is full, and the cranes are old.

Port Director Tomas Reyes: The US sanctions hit the grain quay: the US buyers left in March.

Council member Ada Lindqvist: IT firms want the old customs shed, and WHO inspectors want the cold store. VEB.RF pays for the cranes.

Helena Marsh: Thank you. Give us the figures by Friday.
"""


@pytest.fixture
def small_words_archive(write_transcript):
    ingest(write_transcript("small.txt", SMALL_WORDS))


def _found(client, query) -> str:
    return results(client, query, meeting="2023-07-07-meeting-on-harbour-trade")


@pytest.mark.django_db
def test_a_small_word_in_capitals_finds_the_acronym_not_the_word(client, small_words_archive):
    """ "US" finds the United States, not the pronoun "us" (a search for "US" listed 1,204 remarks,
    most of them "let us"); "IT" finds IT, "WHO" the organisation. In small letters the word finds
    both, as before."""
    html = _found(client, "US")
    assert "1 remark matching" in html and "sanctions hit" in html and "Let us talk" not in html
    assert "Give us the figures" not in html
    assert "3 remarks matching" in _found(client, "us")  # "let us", "the US", "give us"
    assert "sanctions hit" in _found(client, '"US sanctions"') and "Let us" not in _found(
        client, '"US sanctions"'
    )
    assert "IT firms" in _found(client, "IT") and "Let us talk" not in _found(client, "IT")
    assert "WHO inspectors" in _found(client, "WHO")
    # "VEB.RF" is read as two words, found by either or by the two (it was one token, "veb.rf").
    for query in ("VEB", "VEB.RF", "RF"):
        assert "1 remark matching" in _found(client, query), query
    # Excluded, in an "or" (the topic page's search for every mention), in capitals throughout.
    assert "sanctions hit" not in _found(client, "grain -US")
    assert "sanctions hit" in _found(client, '"United States" or "US"')
    assert "Let us talk" not in _found(client, '"United States" or "US"')
    # The snippet marks the acronym, not the word.
    raw = client.get(
        "/search/", {"q": "US", "meeting": "2023-07-07-meeting-on-harbour-trade"}
    ).content.decode()
    assert "<mark>US</mark> sanctions" in raw and "<mark>us</mark>" not in raw


def test_with_acronyms_reads_a_query_as_the_vectors_hold_its_acronyms():
    from meetings.derived.search import with_acronyms

    assert with_acronyms("US") == "US0" and with_acronyms("us") == "us"
    assert with_acronyms("the US sanctions") == "the US0 sanctions"
    assert with_acronyms('"US sanctions"') == '"US sanctions" US0'  # a phrase keeps its words
    assert with_acronyms('-"US sanctions"') == '-"US sanctions"'
    assert with_acronyms('"United States" or "US" or "USA"') == '"United States" or "US0" or "USA"'
    assert with_acronyms("Start START") == "Start START0"
    assert with_acronyms("WHAT IS THE US POSITION") == "WHAT IS THE US POSITION"  # capitals throughout
    # Regression: the operators written in capitals, as many type them, were read as acronyms
    # ("Syria OR Turkey" found nothing): OR is "or", AND is "and", NOT excludes the next word.
    assert with_acronyms("Syria OR Turkey") == "Syria or Turkey"
    assert with_acronyms("Syria AND Turkey") == "Syria and Turkey"
    assert with_acronyms("Syria NOT Turkey") == "Syria -Turkey"
    assert with_acronyms('Syria NOT "chemical weapons"') == 'Syria -"chemical weapons"'
    assert with_acronyms("OR staff") == "OR0 staff"  # not between two words: the acronym


@pytest.mark.django_db
def test_the_database_and_the_query_read_the_same_small_words_as_acronyms():
    """archive_acronym_vector (SQL) holds phrases.ACRONYM_WORDS, word for word."""
    import re

    from meetings.core.topics.phrases import ACRONYM_WORDS
    from meetings.sql.functions import create_sql

    listed = re.search(r"ANY \('\{(.*?)\}'::text\[\]\)", create_sql("archive_acronym_vector"), re.S).group(1)
    assert {w.strip() for w in listed.split(",")} == ACRONYM_WORDS
    words = sorted(ACRONYM_WORDS)
    with connection.cursor() as cur:
        cur.execute(
            "SELECT archive_acronym_vector(%s)::text", [" ".join(w.upper() for w in words) + " USA Us"]
        )
        held = cur.fetchone()[0]
    assert sorted(re.findall(r"'([a-z]+)0'", held)) == words


def test_the_migration_for_acronyms_recreates_every_function_and_vector():
    from importlib import import_module

    from django.db.migrations import RunPython, RunSQL

    from meetings.sql.functions import FUNCTIONS, create_sql

    migration = import_module("meetings.migrations.0012_search_acronyms").Migration
    made = [op.sql for op in migration.operations if isinstance(op, RunSQL)]
    assert made == [create_sql(name) for name in FUNCTIONS] and "archive_acronym_vector" in FUNCTIONS
    assert isinstance(migration.operations[-1], RunPython)


def _long_remark(opening: str, middle: str, far: str) -> str:
    """A meeting of one long remark: `opening`, other matters, `middle`, about five hundred words of
    other matters, and `far`."""
    filler = " ".join(
        f"The {w} quay was rebuilt in spring, and the cranes were painted."
        for w in ("north", "south", "east", "west")
    )
    return (
        "Address on the harbour\n\nMay 9, 2023, Larkspur\n\nThe Mayor spoke.\n\n"
        f"Mayor of Larkspur Helena Marsh: {opening} {filler} {middle} "
        + " ".join([filler] * 12)
        + f" {far}\n"
    )


@pytest.mark.django_db
def test_a_snippet_shows_a_match_where_the_words_stand_far_apart(client, write_transcript):
    """A long remark whose words of the query stand far apart ("age" in one place, "retirement"
    hundreds of words on) showed its opening with nothing marked (the headline looks for a passage
    holding both, and finds none short enough): a snippet shows a word where it stands."""
    text = _long_remark(
        "Good afternoon, colleagues.",
        "It was the age of steam.",
        "Pensions will grow closer to pre-retirement wages.",
    )
    ingest(write_transcript("long.txt", text))
    raw = client.get("/search/", {"q": "retirement age"}).content.decode()
    snippet = raw[raw.index('class="results"') :]
    assert "<mark>retirement</mark>" in snippet or "<mark>age</mark>" in snippet


@pytest.mark.django_db
def test_a_snippet_for_an_acronym_shows_it_in_capitals(client, write_transcript):
    """A search for "US" finds remarks that write "the US", but the snippet showed where the remark
    writes the pronoun "us" (the snippet's words are read in small letters), with nothing marked:
    it shows the acronym."""
    text = _long_remark("Give us a moment.", "Let us begin.", "The US buyers left in March.")
    ingest(write_transcript("us.txt", text))
    raw = client.get("/search/", {"q": "US"}).content.decode()
    snippet = raw[raw.index('class="results"') :]
    assert "<mark>US</mark> buyers" in snippet and "<mark>us</mark>" not in snippet


SPELLINGS = """Meeting on the harbour defence

June 9, 2023, Larkspur

The Mayor met the harbour master.

Mayor of Larkspur Helena Marsh: The defence of the harbour needs a new programme, and the privatisation of the ferries is on hold.

Harbour Master Tomas Reyes: The labor unions want the defense program finished; organizing it took years. Prices rose 3 per cent.

Helena Marsh: The private ferries will wait.
"""


@pytest.fixture
def spellings_archive(write_transcript):
    call_command(
        "ingest_transcripts", str(write_transcript("spellings.txt", SPELLINGS)), stdout=io.StringIO()
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "speakers"),
    [
        ("defense", {"Helena Marsh", "Tomas Reyes"}),
        ("defence", {"Helena Marsh", "Tomas Reyes"}),
        ("programs", {"Helena Marsh", "Tomas Reyes"}),
        ("labour unions", {"Tomas Reyes"}),
        ('"defence programme"', {"Tomas Reyes"}),
        ("organising", {"Tomas Reyes"}),
        ("privatization", {"Helena Marsh"}),
        ("3 percent", {"Tomas Reyes"}),
        ("organiz*", {"Tomas Reyes"}),  # a star word in American spelling: the British ones too
        ("defens*", {"Helena Marsh", "Tomas Reyes"}),
    ],
)
def test_an_american_and_a_british_spelling_find_each_other(client, spellings_archive, query, speakers):
    """Regression: "defense" found 8 meetings of the dev archive where "defence" finds 156,
    "program" 7 of 258, "labor" 4 of 83; "privatization" found every "private" (its stem, "privat",
    is theirs) and not the "privatisation" that the sources write. Text and queries read an
    American spelling as the British one (meetings.core.spelling)."""
    hits = client.get(
        "/api/search/", {"q": query, "meeting": "2023-06-09-meeting-on-harbour-defence"}
    ).json()["results"]
    assert {h["speaker"]["name"] for h in hits} == speakers, query
    if query == "privatization":  # not "The private ferries will wait"
        assert len(hits) == 1 and "privatisation" in hits[0]["text"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("defense", ("defence", "defense")),
        # A British spelling marks the American one the search found (it marked only its own).
        ("defence", ("defence", "defense")),
        ("programme", ("programme", "program")),
        ("organising", ("organizing",)),
        ('"defence programme"', ("defense program",)),
    ],
)
def test_either_spelling_marks_both_on_the_meeting_page_and_in_snippets(
    client, spellings_archive, query, marked
):
    html = client.get("/meetings/2023-06-09-meeting-on-harbour-defence/", {"q": query}).content.decode()
    found = client.get("/search/", {"q": query, "speaker": "tomas-reyes"}).content.decode()
    for word in marked:
        assert f"<mark>{word}</mark>" in html, (query, word)
    assert f"<mark>{marked[-1]}</mark>" in found, query  # (his remark's snippet)
    if query.startswith('"'):  # a phrase is marked whole, not its words one by one (review)
        from meetings.derived.search import _spellings_pattern

        assert found.count("<mark>") == 1 and _spellings_pattern(query) is None, found
        assert _spellings_pattern(f"{query} labour") is not None


def test_another_spelling_is_marked_as_a_word_not_as_a_beginning():
    """Regression (review): "labour" marked "laboratory" through "labor", "mould" marked "Moldova"
    and "honour" "honorary": the other spelling is marked as a word and its inflections only."""
    import re

    from meetings.derived.search import highlight_pattern, mark_text

    text = "The labor market, the labors of May, a new laboratory; Moldova and a mold; honorary honors."
    for q, marked, unmarked in [
        ("labour", ["labor", "labors"], ["laboratory"]),
        ("mould", ["mold"], ["Moldova"]),
        ("honour", ["honors"], ["honorary"]),
    ]:
        out = mark_text(text, highlight_pattern(q))
        for word in marked:
            assert f"\x02{word}\x03" in out, (q, word, out)
        for word in unmarked:
            assert word in out and not re.search(rf"\x02{word}", out), (q, word, out)


def test_a_british_spelling_is_read_back_into_the_american_ones():
    """spelling.american: the American spellings a British word is the British of, each read
    back by `british`."""
    from meetings.core.spelling import american, british

    assert american("defence") == {"defense"}
    assert american("programmes") == {"programs"}
    assert american("organisation") == {"organization"}
    assert american("labour") == {"labor"}
    assert american("travelled") == {"traveled"}
    assert american("harbour") == {"harbor"}
    assert american("ferry") == american("size") == set()
    for word in ("defence", "programmes", "organisation", "labour", "travelled", "centre", "analyse"):
        assert american(word) and all(british(a) == word for a in american(word)), word


@pytest.mark.django_db
def test_the_database_reads_american_spellings_as_the_rules_do():
    """archive_british (SQL, written from meetings.core.spelling's rules) and spelling.british
    read every word alike; the file is what the rules write."""
    from meetings.core.spelling import RULES, british, sql_function
    from meetings.sql.functions import create_sql

    assert create_sql("archive_british") == sql_function(), (
        "python -m meetings.core.spelling > …/archive_british.sql"
    )
    words = (
        "organize Privatizations realized size prize seize Kyrgyz analyze defense Defensive centers "
        "centered theater labor honorable favorably laboratory honorary program programme programming "
        "dialog catalogs traveled travel travelled fulfill fulfilled fulfillment installment skillful "
        "judgment judgement gray aluminum jewelry plow mold Moldova cozy citizen horizon Belize quiz "
        "pajamas mustache counselors per cent percent"
    )
    text = f"{words}. The DEFENSE ministry's 2.5 per cent; a co-organized forum."
    with connection.cursor() as cur:
        cur.execute("SELECT archive_british(%s)", [text])
        assert cur.fetchone()[0] == british(text)
    assert len(RULES) > 20 and british("defense program") == "defence programme"
    assert (
        british("size prize seize Kyrgyz travel fulfilled laboratory")
        == "size prize seize Kyrgyz travel fulfilled laboratory"
    )


def test_the_migration_for_british_spellings_recreates_every_function_and_vector():
    from importlib import import_module

    from django.db.migrations import RunPython, RunSQL

    from meetings.sql.functions import FUNCTIONS, create_sql

    migration = import_module("meetings.migrations.0014_search_british_spellings").Migration
    made = [op.sql for op in migration.operations if isinstance(op, RunSQL)]
    assert made == [create_sql(name) for name in FUNCTIONS] and "archive_british" in FUNCTIONS
    assert isinstance(migration.operations[-1], RunPython)


SYMBOLS = """Meeting on oil

June 10, 2023, Larkspur

The Mayor met the traders.

Mayor of Larkspur Helena Marsh: Prices rose 2.5% this year, to $100 a barrel; the OPEC+ deal holds.

Trader Tomas Reyes: Our costs rose 2.5 percent, and 100 barrels are 2.5 days of supply for OPEC members.

Helena Marsh: Then 100 dollars it is, plus costs.
"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("2.5%", {"helena-marsh-1", "tomas-reyes-1"}),
        ('"rose 2.5 percent"', {"helena-marsh-1", "tomas-reyes-1"}),
        ('"rose 2.5%"', {"helena-marsh-1", "tomas-reyes-1"}),
        ('"100 barrels"', {"tomas-reyes-1"}),
        ("$100", {"helena-marsh-1"}),
        ("OPEC+", {"helena-marsh-1"}),
        ("OPEC", {"helena-marsh-1", "tomas-reyes-1"}),
        ("dollars", {"helena-marsh-1", "helena-marsh-2"}),
        ("rose -2.5%", set()),  # excluded, not asked for (a review found "-2%" asked for)
        ("rose -OPEC+", {"tomas-reyes-1"}),
        ("barrel -$100", {"tomas-reyes-1"}),
    ],
)
def test_per_cent_dollar_and_plus_signs_are_searched_as_words(client, write_transcript, query, keys):
    """Regression: "2.5%" found every "2.5" (2.5 days, 2.5 billion), "$100" every "100", "OPEC+"
    every "OPEC": the signs were dropped. A per cent sign after a number is the word "percent" (as
    the sources mostly write it), a dollar sign before one the word "dollars", a plus sign ending
    a word the word "plus", in the text and the query alike; unquoted, each with its number or word
    is a phrase."""
    call_command("ingest_transcripts", str(write_transcript("oil.txt", SYMBOLS)), stdout=io.StringIO())
    hits = client.get("/api/search/", {"q": query, "meeting": "2023-06-10-meeting-on-oil"}).json()["results"]
    assert {h["key"] for h in hits} == keys, query


CODES = """Meeting on the summit

June 11, 2023, Larkspur

The Mayor spoke of the summit.

Mayor of Larkspur Helena Marsh: The G20 summit and the COVID-19 rules come first.

Envoy Tomas Reyes: At the G-20 we spoke of covid19 tests and the S-400.

Helena Marsh: The G7 met too, and the covid rules changed. St Petersburg is next.

Tomas Reyes: Saint Petersburg, then St. Andrew's Hall.
"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("G20", {"helena-marsh-1", "tomas-reyes-1"}),
        ("G-20", {"helena-marsh-1", "tomas-reyes-1"}),
        ("g20 summit", {"helena-marsh-1"}),
        ("covid19", {"helena-marsh-1", "tomas-reyes-1"}),
        ("COVID-19", {"helena-marsh-1", "tomas-reyes-1"}),
        ("covid", {"helena-marsh-1", "helena-marsh-2"}),  # (a text's "covid19" is one word)
        ("S400", {"tomas-reyes-1"}),
        ("G7 or G20", {"helena-marsh-1", "tomas-reyes-1", "helena-marsh-2"}),
        ("Saint Petersburg", {"helena-marsh-2", "tomas-reyes-2"}),
        ("st petersburg", {"helena-marsh-2", "tomas-reyes-2"}),
        ('"Saint Petersburg"', {"tomas-reyes-2"}),  # in quotation marks: as written
        ("St Andrew hall", {"tomas-reyes-2"}),
        # Regressions a review found: such a name beside an operator, or excluded, or a star
        # word among alternatives, keeps its place among the operators.
        ("G20 AND summit", {"helena-marsh-1"}),
        ("covid NOT G20", {"helena-marsh-2"}),
        ("rules -G20", {"helena-marsh-2"}),
        ("rules -G-20", {"helena-marsh-2"}),
        ("covid G7 or Andrew", {"helena-marsh-2", "tomas-reyes-2"}),
        ("Petersburg -cov*", {"tomas-reyes-2"}),
        ("then*", {"tomas-reyes-2"}),  # a beginning that is a small word is still a beginning
    ],
)
def test_a_name_of_letters_and_a_number_is_found_with_or_without_its_hyphen(
    client, write_transcript, query, keys
):
    """Regression: "G20" missed the remarks that write "G-20" and "G-20" found only those;
    "covid19" found nothing where "COVID-19" found 11 meetings of the dev archive."""
    call_command("ingest_transcripts", str(write_transcript("summit.txt", CODES)), stdout=io.StringIO())
    hits = client.get("/api/search/", {"q": query, "meeting": "2023-06-11-meeting-on-summit"}).json()[
        "results"
    ]
    assert {h["key"] for h in hits} == keys, query


@pytest.mark.django_db
def test_a_name_of_letters_and_a_number_is_marked_written_either_way(client, write_transcript):
    call_command("ingest_transcripts", str(write_transcript("summit.txt", CODES)), stdout=io.StringIO())
    page = client.get("/meetings/2023-06-11-meeting-on-summit/", {"q": "G-20"}).content.decode()
    assert "<mark>G20</mark>" in page and "<mark>G-20</mark>" in page
    assert (
        "<mark>G7</mark>" not in page
        and "<mark>Geneva" not in page
        and "<mark>g" not in page.lower().replace("<mark>g20", "").replace("<mark>g-20", "")
    )


@pytest.mark.django_db
def test_snippets_centre_on_and_mark_a_phrase_a_name_or_a_sign(client, write_transcript):
    """Regressions a review found: a quoted phrase with a full stop or a comma in it ("St.
    Petersburg", "well, I think") was marked nowhere; a phrase and a word were centred on the
    word's first use, far from the phrase; "$100" and "OPEC+" showed the remark's opening,
    nothing marked; "2.5%" marked every number beginning with 2 or 5 on the meeting page."""
    filler = " ".join(["The harbour and the Russian quay were busy."] * 12)
    text = (
        "Meeting on trade\n\nJune 12, 2023, Larkspur\n\nThe Mayor met traders.\n\n"
        f"Mayor of Larkspur Helena Marsh: Russian ferries first. {filler} Well, I think economic growth "
        "matters, and St. Petersburg International Forum too.\n\n"
        f"Trader Tomas Reyes: {filler} Oil sold at $100, up 2.5% in 2020, and the OPEC+ deal held for 25 days.\n"
    )
    call_command("ingest_transcripts", str(write_transcript("trade.txt", text)), stdout=io.StringIO())

    def snippet(q):
        r = client.get("/api/search/", {"q": q}).json()["results"]
        assert r, q
        return client.get("/search/", {"q": q}).content.decode().split('class="snippet">')[1].split("</p>")[0]

    assert "<mark>St. Petersburg International</mark>" in snippet('"St. Petersburg International"')
    assert "<mark>Well, I think</mark>" in snippet('"well, I think"')
    centred = snippet('"economic growth" Russian')
    assert "<mark>economic growth</mark>" in centred and "<mark>Russian</mark>" in centred
    assert "<mark>$100</mark>" in snippet("$100")
    assert "<mark>OPEC+</mark>" in snippet("OPEC+")
    page = client.get("/meetings/2023-06-12-meeting-on-trade/", {"q": "2.5%"}).content.decode()
    assert "<mark>2.5%</mark>" in page and "<mark>2020" not in page and "<mark>25" not in page
