"""The Popolo export of a person."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from .shared import Absolute, clean


def _fold(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).casefold()


def popolo_person(person, written: Iterable[str], roles: Iterable[str], absolute: Absolute) -> dict:
    """A Popolo person: id = the archive's URL for the person; other_names = every other written
    form of the name in the alias table; memberships = the titles the person spoke under."""
    pid = absolute(person.get_absolute_url())
    name = clean(person.name)
    seen = {_fold(name)}
    other_names = []
    for form in written:
        form = clean(form).strip()
        if form and _fold(form) not in seen:
            seen.add(_fold(form))
            other_names.append({"name": form, "note": "As written in a transcript"})
    data = {
        "id": pid,
        "name": name,
        "sort_name": clean(person.sort_name) or name,
        "other_names": other_names,
        "identifiers": [{"scheme": "archive-slug", "identifier": person.slug}],
        "links": [
            {"url": pid, "note": "Profile and remarks in the archive"},
            {
                "url": absolute(reverse("export_speaker_popolo", kwargs={"slug": person.slug})),
                "note": "Popolo JSON",
            },
        ],
        "memberships": [
            {"person_id": pid, "role": role, "label": role} for role in (clean(r) for r in roles) if role
        ],
    }
    return data
