"""What every page shows about the archive itself: its name and the source of its texts."""

from __future__ import annotations

from django.conf import settings


def archive(request) -> dict:
    return {
        "archive_name": settings.ARCHIVE_NAME,
        "source": {
            "attribution": settings.SOURCE_ATTRIBUTION,
            "licence": settings.SOURCE_LICENCE,
            "url": settings.SOURCE_URL,
        },
    }
