"""axe-core in a real Chromium: zero violations on every page type, at a phone's and a desktop's
width, under the site's own Content-Security-Policy.

axe-core comes from the axe-playwright-python package, which ships axe.min.js inside the wheel:
nothing is fetched when the test runs (see README, "Accessibility")."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from meetings.models import Meeting, Participant, Topic, Turn
from tests.helpers import NEEDS_CHROMIUM, SAMPLE_DATA

pytestmark = [NEEDS_CHROMIUM]

# The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def page_types() -> dict[str, str]:
    """One page of every type, from the sample data."""
    meeting = Meeting.objects.order_by("-turn_count").first()
    turn = Turn.objects.filter(meeting=meeting, speaker__isnull=False).order_by("position").first()
    person = Participant.objects.order_by("-turn_count", "slug").first()
    topic = Topic.objects.listed().first()
    word = topic.label.split()[0] if topic else "council"
    return {
        "home": "/",
        "meeting": meeting.get_absolute_url(),
        "speaker list": "/speakers/",
        "speaker profile": person.get_absolute_url(),
        "topic list": "/topics/",
        "topic": topic.get_absolute_url() if topic else "/topics/",
        "remark": turn.get_absolute_url(),
        "search": f"/search/?q={word}",
        "search, nothing found": "/search/?q=librery",
        "about": "/about/",
        "API docs": "/api/docs/",
        "downloads": "/downloads/",
    }


def check(axe, page, where: str, found: dict) -> None:
    for v in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        found.setdefault(where, []).append(
            f"{v['id']}: {v['help']} — " + "; ".join(str(n["target"]) for n in v["nodes"][:3])
        )


@pytest.mark.django_db(transaction=True)
def test_no_axe_violations_on_any_page_type(browser, live_server, settings, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    call_command("ingest_transcripts", str(SAMPLE_DATA), stdout=io.StringIO())
    settings.DUMPS_DIR = tmp_path  # /downloads/ with a dump published: its table of files
    call_command("export_archive", str(tmp_path / "sample"), stdout=io.StringIO())
    axe = Axe()
    found = {}
    for width, height in ((1280, 900), (390, 844)):
        page = browser.new_page(viewport={"width": width, "height": height})
        blocked = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)  # noqa: B023
        for name, path in page_types().items():
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200, path
            page.wait_for_load_state("networkidle")
            if name == "API docs":
                page.wait_for_selector("#swagger-ui .opblock", timeout=15000)  # the reference is drawn
            check(axe, page, f"{name} ({path}) at {width}px", found)
            if name == "API docs":  # and with an operation opened: its parameters and responses
                page.locator(".opblock-summary-control").nth(1).click()
                page.wait_for_selector("#swagger-ui .parameters, #swagger-ui .responses-wrapper")
                check(axe, page, f"{name}, an operation opened, at {width}px", found)
        page.close()
        assert blocked == [], blocked  # nothing the page needs is refused by the CSP
    assert found == {}, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in found.items())
