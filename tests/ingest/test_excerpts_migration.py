"""Migration 0013 marks as excerpts the meetings already stored whose remarks hold the source's mark
of words left out, as the parser now does at ingest (parser.inline.holds_omission)."""

from __future__ import annotations

import io
from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations import RunSQL

from meetings.models import Meeting

PAGE = """{title}

May 3, 2021, Larkspur

The Mayor met the Board.

Helena Marsh: The quay needs a new wall.{gap}

Tomas Reyes: Thank you, Madam Mayor.
"""


@pytest.mark.django_db
def test_the_migration_marks_stored_meetings_that_hold_an_omission_as_the_parser_does(write_transcript):
    pages = {
        "Meeting of the Harbour Board": " <…> And the ferries.",
        "Meeting on the quay": " [...]",
        "Meeting on school meals": " (...) And so on…",
    }
    paths = [
        write_transcript(f"m{i}.txt", PAGE.format(title=title, gap=gap))
        for i, (title, gap) in enumerate(pages.items())
    ]
    call_command("ingest_transcripts", *map(str, paths), stdout=io.StringIO())
    parsed = dict(Meeting.objects.values_list("title", "is_excerpt"))
    assert parsed == {
        "Meeting of the Harbour Board": True,
        "Meeting on the quay": True,
        "Meeting on school meals": False,
    }
    Meeting.objects.update(is_excerpt=False)  # as a database ingested before the rule holds them
    migration = import_module("meetings.migrations.0013_excerpts_by_omissions").Migration
    (operation,) = [op for op in migration.operations if isinstance(op, RunSQL)]
    with connection.cursor() as cur:
        for sql, params in operation.sql:
            cur.execute(sql, params)
    assert dict(Meeting.objects.values_list("title", "is_excerpt")) == parsed
