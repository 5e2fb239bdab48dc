"""A page's section headings ("Statements following the meeting"), from the file to the meeting
page, the remark's page, the API, the exports and the dump: a reader sees that what follows one
was not said in the meeting itself."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from django.core.management import call_command

from meetings.ingest.single import Ingester
from meetings.models import (
    ArchiveState,
    Meeting,
    MeetingSource,
    Participant,
    ParticipantAlias,
    Topic,
    Turn,
)
from tests.helpers import MEETING, ingest

from ..opendata.test_exports import assert_valid_akn

HEADING = "Helena Marsh’s comments to journalists following the meeting"
SECTIONED = MEETING + f"\n* * *\n\n{HEADING}\n\nHelena Marsh: The quay will be mended by May.\n"
SLUG = "2022-10-03-meeting-of-harbour-board"


def sections() -> list[tuple[str, str]]:
    return list(Turn.objects.filter(meeting__slug=SLUG).order_by("position").values_list("key", "section"))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["batch", "one file"])
def test_the_remark_after_a_heading_carries_it_by_either_writer(path, write_transcript):
    file = write_transcript("harbour.txt", SECTIONED)
    if path == "batch":
        ingest(file, no_topics=True)
    else:
        assert Ingester().ingest_path(file).status == "new"
    assert sections()[-2:] == [("helena-marsh-3", ""), ("helena-marsh-4", HEADING)]
    assert all(section == "" for _, section in sections()[:-1])


@pytest.mark.django_db
def test_pages_api_and_exports_show_the_heading(client, write_transcript):
    ingest(write_transcript("harbour.txt", SECTIONED), no_topics=True)
    page = client.get(f"/meetings/{SLUG}/").content.decode()
    heading = f'<h3 class="part" id="part-helena-marsh-4">{HEADING}</h3>'
    assert heading in page
    assert page.index("Thank you all.") < page.index(heading) < page.index("mended by May")
    assert page.count('class="part"') == 1
    remark = client.get(f"/meetings/{SLUG}/helena-marsh-4/").content.decode()
    assert heading in remark
    cited = client.get(f"/meetings/{SLUG}/helena-marsh-4/citation.txt").content.decode()
    assert f"“Meeting of the Harbour Board”, part “{HEADING}”, 3 October 2022" in cited

    api = client.get(f"/api/meetings/{SLUG}/").json()
    assert [t["section"] for t in api["turns"]][-2:] == ["", HEADING]
    exported = client.get(f"/meetings/{SLUG}.json").json()
    assert [t["section"] for t in exported["turns"]][-2:] == ["", HEADING]
    text = client.get(f"/meetings/{SLUG}.txt").content.decode()
    assert f"Helena Marsh: Thank you all.\n\n* * *\n\n{HEADING}\n\nHelena Marsh: The quay will" in text
    root = assert_valid_akn(client.get(f"/meetings/{SLUG}.akn.xml").content)
    narrative = root.findall(".//{*}narrative")
    assert [n.get("eId") for n in narrative] == ["dbsect_1__narrative_helena-marsh-4"]
    assert "".join(narrative[0].itertext()).strip() == HEADING


@pytest.mark.django_db
def test_the_dump_keeps_the_heading_and_reads_an_older_dump_without_it(tmp_path, write_transcript):
    ingest(write_transcript("harbour.txt", SECTIONED), no_topics=True)
    folder = tmp_path / "dump"
    call_command("export_archive", str(folder), stdout=io.StringIO())
    with gzip.open(folder / "turns.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    assert [r["section"] for r in records if r["section"]] == [HEADING]

    def empty() -> None:
        for model in (Turn, MeetingSource, Meeting, ParticipantAlias, Participant, Topic):
            model.objects.all().delete()

    empty()
    call_command("import_archive", str(folder), stdout=io.StringIO())
    assert sections()[-1] == ("helena-marsh-4", HEADING)

    # A dump written before remarks carried their section: every remark reads as heading none.
    from .test_import_archive import rewrite

    rewrite(
        folder,
        "turns.jsonl.gz",
        lambda rs: "".join(json.dumps({k: v for k, v in r.items() if k != "section"}) + "\n" for r in rs),
    )
    empty()
    call_command("import_archive", str(folder), stdout=io.StringIO())
    assert {section for _, section in sections()} == {""}


@pytest.mark.django_db
def test_a_page_in_parts_has_them_as_its_contents(client, write_transcript):
    """One heading is no contents (the page above); two are: each links to its heading. Every
    remark of a part carries its heading, shown once on the meeting page and on each remark's own
    page."""
    ingest(write_transcript("harbour.txt", SECTIONED), no_topics=True)
    assert 'id="contents"' not in client.get(f"/meetings/{SLUG}/").content.decode()
    two = SECTIONED.replace("Port Director Tomas Reyes:", "<…>\n\nOn the quay\n\nPort Director Tomas Reyes:")
    ingest(write_transcript("harbour.txt", two), no_topics=True)
    page = client.get(f"/meetings/{SLUG}/").content.decode()
    assert "2 headings of the page" in page
    toc = page[page.index('id="contents"') : page.index("</ol>", page.index('id="contents"'))]
    assert toc.count("<li>") == 2
    assert 'href="#part-tomas-reyes-1"><span class="who">Tomas Reyes</span> On the quay</a>' in toc
    assert f'href="#part-helena-marsh-4"><span class="who">Helena Marsh</span> {HEADING}</a>' in toc
    # Every remark of a part carries it: the page heads the part once, a remark's own page shows it.
    assert page.count('class="part"') == 2
    api = client.get(f"/api/meetings/{SLUG}/").json()
    assert [t["section"] for t in api["turns"]] == ["", *["On the quay"] * 5, HEADING]
    remark = client.get(f"/meetings/{SLUG}/tomas-reyes-2/").content.decode()
    assert '<h3 class="part" id="part-tomas-reyes-2">On the quay</h3>' in remark
    text = client.get(f"/meetings/{SLUG}.txt").content.decode()
    assert text.count("* * *") == 3 and "\n\nOn the quay\n\n" in text


@pytest.mark.django_db
def test_a_parts_speakers_are_headed_under_its_heading(client, write_transcript):
    """The outline a screen reader walks: a part's heading (h3) above its speakers' names (h4); the
    speakers before any part stay h3."""
    ingest(write_transcript("harbour.txt", SECTIONED), no_topics=True)
    page = client.get(f"/meetings/{SLUG}/").content.decode()
    assert page.count('<h3 class="speaker">') == 6 and page.count('<h4 class="speaker">') == 1
    part = page[page.index('id="part-helena-marsh-4"') :]
    assert '<h4 class="speaker"><a href="/speakers/helena-marsh/">Helena Marsh</a></h4>' in part


@pytest.mark.django_db
def test_a_search_hit_in_a_part_says_which(client, write_transcript):
    """A search result names the part of the page its remark is in, beside the meeting."""
    ingest(write_transcript("harbour.txt", SECTIONED), no_topics=True)
    page = client.get("/search/", {"q": "mended"}).content.decode()
    assert f'Meeting of the Harbour Board</a>, <span class="part-of">{HEADING}</span>' in page
    page = client.get("/search/", {"q": "repairs"}).content.decode()
    assert "part-of" not in page


@pytest.mark.django_db
def test_a_search_finds_the_meeting_by_a_parts_heading_and_links_the_part(client, write_transcript):
    """A part's heading is a meeting's words as its title and lead are: a search for them offers
    the meeting and links the part; words of no heading offer the meeting alone."""
    ingest(write_transcript("harbour.txt", SECTIONED), no_topics=True)
    page = client.get("/search/", {"q": "comments to journalists"}).content.decode()
    offered = page[page.index('id="m-hits-h"') : page.index("</section>", page.index('id="m-hits-h"'))]
    assert "title, lead or a heading" in offered
    assert (
        f'<a href="/meetings/{SLUG}/">Meeting of the Harbour Board</a>, part'
        f' “<a href="/meetings/{SLUG}/#part-helena-marsh-4">{HEADING}</a>”'
    ) in offered
    page = client.get("/search/", {"q": "harbour board"}).content.decode()
    assert f'<a href="/meetings/{SLUG}/">Meeting of the Harbour Board</a>' in page
    assert "#part-" not in page[page.index('id="m-hits-h"') :]


@pytest.mark.django_db
def test_the_migration_for_part_headings_recomputes_the_headed_meetings_vectors(client, write_transcript):
    """A database migrated before holds meeting vectors without the parts' headings; the migration
    computes those of the meetings that have any again, so a search for a heading finds them."""
    from importlib import import_module

    from django.apps import apps
    from django.core.cache import cache
    from django.db import connection

    ingest(write_transcript("harbour.txt", SECTIONED), no_topics=True)
    Meeting.objects.update(search_vector=None)  # as an older vector, which held no heading
    assert "m-hits-h" not in client.get("/search/", {"q": "comments to journalists"}).content.decode()
    migration = import_module("meetings.migrations.0017_search_part_headings")
    version = ArchiveState.current().version
    with connection.schema_editor() as editor:
        migration.headed_vectors_again(apps, editor)
    assert ArchiveState.current().version == version + 1  # pages cached before are stale
    cache.clear()  # (the version itself is cached for a few seconds)
    assert "m-hits-h" in client.get("/search/", {"q": "comments to journalists"}).content.decode()
