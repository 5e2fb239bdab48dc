"""The Popolo export of people (https://www.popoloproject.com/specs/): one person, or everyone as one
Popolo document.

The document holds, at its top level as Popolo readers expect them:

- `persons`: everyone in the archive, A–Z by surname, each with every other written form of the
  name (`other_names`), the archive's slug as an identifier, and links to the profile;
- `organizations`: one, the archive's meetings; every person is a member (role "speaker"), so a
  reader finds each person among the memberships;
- `memberships`: that one for each person, then one for each office the person spoke under, with
  the office's `post_id` and the title as the profile page shows it (`role`);
- `posts`: the offices, one per office however written ("Russian President" and "President of
  Russia" are one post, `meetings.core.roles.role_key`), labelled by the form written in most
  meetings.

Roles are the profile pages' (`ParticipantRole`, rebuilt at ingest): fragments of sentences that a
label happened to carry are no office and are left out.

`popolo_document` writes the document piece by piece from iterators that the view reads from the
database with server-side cursors, so memory stays bounded however large the archive is: it holds
one person, and the offices seen so far (a label each), never the list of persons or memberships.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from django.urls import reverse
from django.utils.text import slugify

from meetings.core.roles import preferred_form, role_key

from .shared import Absolute, clean

ORGANIZATION_NAME = "Meetings in the archive"
MEMBER_ROLE = "speaker"
CHUNK = 64 * 1024  # characters per piece of the streamed document


def _fold(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).casefold()


def _compact(data) -> str:
    """One object on one line, with "<", ">" and "&" escaped as in every JSON export."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def person_data(person, written: Iterable[str], profile: str, popolo: str) -> dict:
    """A Popolo person: id = the archive's URL for the person (`profile`); other_names = every
    other written form of the name in the alias table; `popolo` = this export of the person."""
    name = clean(person.name)
    seen = {_fold(name)}
    other_names = []
    for form in written:
        form = clean(form).strip()
        if form and _fold(form) not in seen:
            seen.add(_fold(form))
            other_names.append({"name": form, "note": "As written in a transcript"})
    return {
        "id": profile,
        "name": name,
        "sort_name": clean(person.sort_name) or name,
        "other_names": other_names,
        "identifiers": [{"scheme": "archive-slug", "identifier": person.slug}],
        "links": [
            {"url": profile, "note": "Profile and remarks in the archive"},
            {"url": popolo, "note": "Popolo JSON"},
        ],
    }


class _PersonURLs:
    """A person's profile and Popolo URLs by slug: reversed once, then filled in (a slug is
    letters, digits, "-" and "_", written into the path as it is)."""

    SLUG = "slug-0"

    def __init__(self, absolute: Absolute):
        self.profile_url = absolute(reverse("meetings:speaker", kwargs={"slug": self.SLUG})).split(self.SLUG)
        self.popolo_url = absolute(reverse("export_speaker_popolo", kwargs={"slug": self.SLUG})).split(
            self.SLUG
        )
        assert len(self.profile_url) == len(self.popolo_url) == 2

    def profile(self, slug: str) -> str:
        return slug.join(self.profile_url)

    def popolo(self, slug: str) -> str:
        return slug.join(self.popolo_url)


def popolo_person(person, written: Iterable[str], roles: Iterable[str], absolute: Absolute) -> dict:
    """One person on their own, with the titles they spoke under as memberships (`role`)."""
    urls = _PersonURLs(absolute)
    data = person_data(person, written, urls.profile(person.slug), urls.popolo(person.slug))
    data["memberships"] = [
        {"person_id": data["id"], "role": role, "label": role} for role in (clean(r) for r in roles) if role
    ]
    return data


@lru_cache(maxsize=1 << 16)  # bounded: one entry per written form of an office, the most used kept
def post_slug(role: str) -> str:
    """The office's part of its post id: its role key as a slug (a digest when the key has no
    letters or digits a slug keeps)."""
    key = role_key(clean(role))
    return slugify(key) or "office-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def popolo_document(
    people: Iterable[tuple[object, list[str]]],
    slugs: Iterable[str],
    roles: Iterable[tuple[str, str, int]],
    absolute: Absolute,
) -> Iterator[str]:
    """The whole Popolo document, as pieces of text of about CHUNK characters.

    `people`: (person, written forms of the name), A–Z; `slugs`: every person's slug, in any
    order; `roles`: (slug, role as the profile shows it, meetings), each person's offices."""
    document = absolute(reverse("export_speakers_popolo"))
    organization = absolute(reverse("meetings:meeting_list"))
    urls = _PersonURLs(absolute)
    person_id = urls.profile

    def pieces() -> Iterator[str]:
        yield '{"persons":['
        for i, (person, written) in enumerate(people):
            data = person_data(person, written, urls.profile(person.slug), urls.popolo(person.slug))
            yield ("," if i else "") + "\n" + _compact(data)
        org = {
            "id": organization,
            "name": ORGANIZATION_NAME,
            "classification": "meetings",
            "links": [{"url": organization, "note": "The meetings, newest first"}],
        }
        yield '\n],"organizations":[\n' + _compact(org) + '\n],"memberships":['
        first = True
        for slug in slugs:
            member = {"person_id": person_id(slug), "organization_id": organization, "role": MEMBER_ROLE}
            yield ("\n" if first else ",\n") + _compact(member)
            first = False
        offices: dict[str, Counter[str]] = {}
        for slug, role, meetings in roles:
            role = clean(role).strip()
            if not role:
                continue
            office = post_slug(role)
            offices.setdefault(office, Counter())[role] += meetings
            held = {"person_id": person_id(slug), "post_id": f"{document}#post-{office}", "role": role}
            yield ("\n" if first else ",\n") + _compact(held)
            first = False
        yield '\n],"posts":['
        for i, (office, forms) in enumerate(sorted(offices.items())):
            label = preferred_form(forms)
            post = {"id": f"{document}#post-{office}", "label": label, "role": label}
            yield ("," if i else "") + "\n" + _compact(post)
        yield "\n]}\n"

    buffer: list[str] = []
    size = 0
    for piece in pieces():
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)
