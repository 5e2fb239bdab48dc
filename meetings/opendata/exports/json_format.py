"""The JSON export of a meeting, and the JSON writer every JSON export uses."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence

from django.urls import reverse

from ..credit import SourceCredit
from .shared import Absolute, clean, export_urls, paragraphs, turn_url


def dumps(data) -> str:
    """JSON with "<", ">" and "&" escaped, so that no text can ever be read as markup."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _participant_ref(person, absolute: Absolute) -> dict:
    return {
        "slug": person.slug,
        "name": clean(person.name),
        "url": absolute(person.get_absolute_url()),
        "popolo": absolute(reverse("export_speaker_popolo", kwargs={"slug": person.slug})),
    }


def meeting_data(meeting, turns: Sequence, absolute: Absolute, credit: SourceCredit | None = None) -> dict:
    """The meeting and its turns: slugs, keys and absolute URLs, never a database id; who published
    the text and under which licence (`source`, null when not known). A field the API's meeting
    also gives has its name there and the same value (`participants`, `turn_count`,
    `speaker_label`)."""
    people: OrderedDict[int, dict] = OrderedDict()
    for turn in turns:
        if turn.speaker_id is None:
            continue
        entry = people.get(turn.speaker_id)
        if entry is None:
            entry = people[turn.speaker_id] = {
                **_participant_ref(turn.speaker, absolute),
                "roles": [],
                "turn_count": 0,
            }
        entry["turn_count"] += 1
        role = clean(turn.role)
        if role and role not in entry["roles"]:
            entry["roles"].append(role)
    return {
        "slug": meeting.slug,
        "url": absolute(meeting.get_absolute_url()),
        "title": clean(meeting.title),
        "date": meeting.date.isoformat(),
        "place": clean(meeting.place) or None,
        "description": "\n\n".join(paragraphs(meeting.description)),
        "is_excerpt": meeting.is_excerpt,
        "formats": export_urls(meeting, absolute),
        "source": credit.as_data() if credit else None,
        "participants": list(people.values()),
        "turns": [
            {
                "key": turn.key,
                "position": turn.position,
                "url": absolute(turn_url(meeting, turn)),
                "kind": turn.kind,
                "speaker": _participant_ref(turn.speaker, absolute) if turn.speaker_id else None,
                "speaker_label": clean(turn.speaker_label),
                "role": clean(turn.role) or None,
                "section": clean(turn.section),
                "paragraphs": paragraphs(turn.text),
            }
            for turn in turns
        ],
    }
