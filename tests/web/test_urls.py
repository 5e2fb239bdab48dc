"""Links built without reverse() on every remark equal what the URL configuration gives."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Meeting, Participant, Turn
from tests.helpers import MEETING


@pytest.mark.django_db
def test_memoised_links_equal_reverse(write_transcript):
    call_command("ingest_transcripts", str(write_transcript("harbour.txt", MEETING)), stdout=io.StringIO())
    for t in Turn.objects.select_related("meeting"):
        assert t.get_absolute_url() == reverse("meetings:turn", kwargs={"slug": t.meeting.slug, "key": t.key})
    m = Meeting.objects.first()
    assert m.get_absolute_url() == reverse("meetings:meeting", kwargs={"slug": m.slug})
    p = Participant.objects.first()
    assert p.get_absolute_url() == reverse("meetings:speaker", kwargs={"slug": p.slug})
    # A slug changed on the instance (a merge) is not answered from the memo.
    p.slug = "someone-else"
    assert p.get_absolute_url() == "/speakers/someone-else/"
