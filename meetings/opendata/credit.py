"""Who published the archive's texts and under which licence (SOURCE_ATTRIBUTION, SOURCE_LICENCE,
SOURCE_URL): the credit a source's licence asks for, carried by the data as the pages' footer
carries it (the API's entry point, each meeting's exports, the feeds, the bulk download)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class SourceCredit:
    attribution: str  # who published the texts
    licence: str  # '' when not set
    url: str  # '' when not set

    def as_data(self) -> dict[str, str | None]:
        return {"attribution": self.attribution, "licence": self.licence or None, "url": self.url or None}

    def sentence(self) -> str:
        """'published by <who> (<url>) under <licence>'."""
        who = f"published by {self.attribution}" + (f" ({self.url})" if self.url else "")
        return who + (f" under {self.licence}" if self.licence else "")


def source_credit() -> SourceCredit | None:
    """The settings' credit; None where no attribution is set."""
    attribution = settings.SOURCE_ATTRIBUTION.strip()
    if not attribution:
        return None
    return SourceCredit(attribution, settings.SOURCE_LICENCE.strip(), settings.SOURCE_URL.strip())


def source_data() -> dict[str, str | None] | None:
    credit = source_credit()
    return credit.as_data() if credit else None
