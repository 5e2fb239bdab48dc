"""What every page shows about the archive itself: its name and the source of its texts."""

from __future__ import annotations

from django.conf import settings

from meetings.opendata.credit import source_credit


def archive(request) -> dict:
    # `source`: None where no attribution is set (the templates test source.attribution).
    return {"archive_name": settings.ARCHIVE_NAME, "source": source_credit()}
