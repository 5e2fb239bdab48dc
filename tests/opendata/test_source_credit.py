"""The source's credit travels with the data: where the archive is told who published its texts
and under which licence (SOURCE_ATTRIBUTION, SOURCE_LICENCE, SOURCE_URL), the API's entry point,
every meeting export, the feeds and the bulk download say so, as the pages' footer does; where it
is not told, they say nothing of a source."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from tests.helpers import MEETING
from tests.opendata.test_exports import AKN_NS, HARBOUR, assert_valid_akn

CREDIT = {
    "attribution": "Harbour Board Press Office",
    "licence": "Creative Commons Attribution 4.0 International",
    "url": "https://press.example/",
}
SOURCE = override_settings(
    SOURCE_ATTRIBUTION=CREDIT["attribution"], SOURCE_LICENCE=CREDIT["licence"], SOURCE_URL=CREDIT["url"]
)


@pytest.fixture
def archive(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", MEETING)), stdout=io.StringIO())
    cache.clear()


def _outputs(client) -> dict[str, bytes]:
    cache.clear()
    return {
        "api": client.get("/api/").content,
        "json": client.get(f"/meetings/{HARBOUR}.json").content,
        "text": client.get(f"/meetings/{HARBOUR}.txt").content,
        "akn": client.get(f"/meetings/{HARBOUR}.akn.xml").content,
        "feed": client.get("/feeds/meetings.atom").content,
    }


@pytest.mark.django_db
def test_every_output_credits_the_source_it_is_told_of(client, archive):
    with SOURCE:
        out = _outputs(client)
    assert json.loads(out["api"])["source"] == CREDIT
    assert json.loads(out["json"])["source"] == CREDIT
    text = out["text"].decode()
    head = text.split("* * *")[0]
    assert (
        "Source: published by Harbour Board Press Office (https://press.example/) under "
        "Creative Commons Attribution 4.0 International" in head
    )
    root = assert_valid_akn(out["akn"])  # still valid Akoma Ntoso
    ns = {"a": AKN_NS}
    publisher = root.find(".//a:references/a:TLCOrganization[@eId='source_publisher']", ns)
    assert publisher is not None and publisher.get("showAs") == CREDIT["attribution"]
    assert publisher.get("href") == CREDIT["url"]
    # The source wrote the words (the work, its English expression); the archive made the file.
    assert root.find(".//a:FRBRWork/a:FRBRauthor", ns).get("href") == "#source_publisher"
    assert root.find(".//a:FRBRExpression/a:FRBRauthor", ns).get("href") == "#source_publisher"
    assert root.find(".//a:FRBRManifestation/a:FRBRauthor", ns).get("href") != "#source_publisher"
    rights = ET.fromstring(out["feed"]).find("{http://www.w3.org/2005/Atom}rights")
    assert rights is not None and "Harbour Board Press Office" in rights.text
    assert "Creative Commons Attribution 4.0 International" in rights.text


@pytest.mark.django_db
def test_no_source_is_named_where_none_is_set(client, archive):
    with override_settings(SOURCE_ATTRIBUTION="", SOURCE_LICENCE="", SOURCE_URL=""):
        out = _outputs(client)
    assert json.loads(out["api"])["source"] is None
    assert json.loads(out["json"])["source"] is None
    assert "Source:" not in out["text"].decode()
    assert b"source_publisher" not in out["akn"]
    assert ET.fromstring(out["feed"]).find("{http://www.w3.org/2005/Atom}rights") is None


@pytest.mark.django_db
def test_the_bulk_download_credits_the_source(archive, tmp_path):
    with SOURCE:
        call_command("export_archive", str(tmp_path / "dump"), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "dump" / "manifest.json").read_text())
    assert manifest["source"] == CREDIT
    licence = next(tmp_path.glob("dump/LICEN*")).read_text()
    assert "Harbour Board Press Office" in licence and CREDIT["url"] in licence
