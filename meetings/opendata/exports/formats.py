"""Exports of meetings and people: plain text, JSON, Akoma Ntoso 3.0 and Popolo.

Pure builders: each takes objects already loaded by the view (a meeting and its turns with their
speakers; people with their aliases and roles) and an `absolute` function that turns a path into
an absolute URL, and returns the document. No queries are made here, so a view's query count does
not grow with the size of a meeting or of a page of people.

Every piece of transcript text goes through `clean()`: characters that XML 1.0 cannot carry
(control characters, lone surrogates, U+FFFE/U+FFFF) are removed, so that all formats carry the
same text and the XML is always well formed. Markup in the text ("<script>") is text: lxml escapes
it in XML, and the JSON escapes "<", ">" and "&" as \\u003c, \\u003e and \\u0026.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from django.urls import reverse
from lxml import etree
from lxml.builder import ElementMaker

from meetings.core.parser import inline
from meetings.core.permalinks import slugify

Absolute = Callable[[str], str]

# C0 controls but tab and newline, DEL, C1 controls, surrogates and the two non-characters XML 1.0
# forbids. (CR never reaches the archive: ingest turns CRLF and CR into LF.)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Text safe for every export format: no control characters, nothing XML 1.0 forbids."""
    return _UNSAFE.sub("", text or "")


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a turn or lead (blank-line separated), cleaned, empty ones dropped."""
    return [p.strip() for p in clean(text).split("\n\n") if p.strip()]


def human_date(value) -> str:
    return f"{value.day} {value:%B %Y}"


def speaker_name(turn) -> str:
    """The person's archive name, else the label as written ("Remark", "Question")."""
    if turn.speaker_id and turn.speaker is not None:
        return clean(turn.speaker.name)
    return clean(turn.speaker_label) or ("Participants" if turn.kind == "summary" else "Unattributed")


def export_urls(meeting, absolute: Absolute) -> dict[str, str]:
    slug = {"slug": meeting.slug}
    return {
        "html": absolute(meeting.get_absolute_url()),
        "text": absolute(reverse("export_meeting_text", kwargs=slug)),
        "json": absolute(reverse("export_meeting_json", kwargs=slug)),
        "akn": absolute(reverse("export_meeting_akn", kwargs=slug)),
    }


def _turn_url(meeting, turn) -> str:
    return reverse("meetings:turn", kwargs={"slug": meeting.slug, "key": turn.key})


# --------------------------------------------------------------------------------------------
# Plain text


def meeting_text(meeting, turns: Sequence, absolute: Absolute) -> str:
    """Title, date, place, lead, then each turn as "Name (role): text", paragraphs kept."""
    head = [clean(meeting.title), human_date(meeting.date)]
    if meeting.place:
        head.append(clean(meeting.place))
    if meeting.is_excerpt:
        head.append("Excerpts from the transcript")
    head.append(absolute(meeting.get_absolute_url()))
    blocks = ["\n".join(head)]
    blocks.extend(paragraphs(meeting.description))
    blocks.append("* * *")
    for turn in turns:
        who = speaker_name(turn)
        role = clean(turn.role)
        if role:
            who = f"{who} ({role})"
        if turn.kind == "summary":
            who = f"[Summary, not a verbatim quotation] {who}"
        paras = paragraphs(turn.text) or [""]
        blocks.append(f"{who}: {paras[0]}".rstrip())
        blocks.extend(paras[1:])
    return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------------------------------------
# JSON


def dumps(data) -> str:
    """JSON with "<", ">" and "&" escaped, so that no text can ever be read as markup."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _speaker_ref(person, absolute: Absolute) -> dict:
    return {
        "slug": person.slug,
        "name": clean(person.name),
        "url": absolute(person.get_absolute_url()),
        "popolo": absolute(reverse("export_speaker_popolo", kwargs={"slug": person.slug})),
    }


def meeting_data(meeting, turns: Sequence, absolute: Absolute) -> dict:
    """The meeting and its turns: slugs, keys and absolute URLs, never a database id."""
    people: OrderedDict[int, dict] = OrderedDict()
    for turn in turns:
        if turn.speaker_id is None:
            continue
        entry = people.get(turn.speaker_id)
        if entry is None:
            entry = people[turn.speaker_id] = {
                **_speaker_ref(turn.speaker, absolute),
                "roles": [],
                "turns": 0,
            }
        entry["turns"] += 1
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
        "speakers": list(people.values()),
        "turns": [
            {
                "key": turn.key,
                "position": turn.position,
                "url": absolute(_turn_url(meeting, turn)),
                "kind": turn.kind,
                "speaker": _speaker_ref(turn.speaker, absolute) if turn.speaker_id else None,
                "label": clean(turn.speaker_label) or None,
                "role": clean(turn.role) or None,
                "paragraphs": paragraphs(turn.text),
            }
            for turn in turns
        ],
    }


# --------------------------------------------------------------------------------------------
# Akoma Ntoso 3.0


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_COUNTRY = "xx"  # ISO 3166 user-assigned: the archive's meetings belong to no one jurisdiction
AKN_LANGUAGE = "eng"
SOURCE_EID = "transcript_archive"  # eIds with "_" never clash with participant slugs ([a-z0-9-])
UNKNOWN_EID = "unknown_speaker"
PLACE_EID = "meeting_place"
SECTION_EID = "dbsect_1"

_E = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})


def _frbr(meeting) -> dict[str, str]:
    date = meeting.date.isoformat()
    number = meeting.slug[len(date) + 1 :] if meeting.slug.startswith(date + "-") else meeting.slug
    work = f"/akn/{AKN_COUNTRY}/debate/{date}/{number or 'meeting'}"
    expression = f"{work}/{AKN_LANGUAGE}@"
    return {"work": work, "expression": expression, "number": number or "meeting"}


def _append_text(parent, text: str) -> None:
    """Append text to mixed content: after the last child, or as the element's text."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _inline(parent, paragraph: str) -> None:
    """A paragraph's runs: stage directions as <remark>, omissions as <omissis>."""
    for kind, text in inline.segments(paragraph):
        if kind == inline.STAGE:
            parent.append(_E.remark(text, type="sceneDescription"))
        elif kind == inline.OMISSION:
            parent.append(_E.omissis(text))
        else:
            _append_text(parent, text)


def _p(paragraph: str):
    p = _E.p()
    _inline(p, paragraph)
    return p


_LAYOUT = {
    "akomaNtoso",
    "debate",
    "meta",
    "identification",
    "FRBRWork",
    "FRBRExpression",
    "FRBRManifestation",
    "references",
    "preface",
    "debateBody",
    "debateSection",
    "speech",
}


def _indent(el, level: int = 0) -> None:
    """Indent the structure only: mixed content (<p>, <summary>, <from>) is never touched."""
    if etree.QName(el).localname not in _LAYOUT or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def meeting_akn(meeting, turns: Sequence, absolute: Absolute) -> bytes:
    """An Akoma Ntoso 3.0 <debate>: FRBR identification, a TLCPerson per speaker (eId = the
    participant's slug), the title, date, place and lead in the preface, and the turns in one
    debateSection: <speech by="#slug"> with <from> and <p>; summaries as <summary refersTo="#slug">
    (the schema's element for reported speech); stage directions <remark type="sceneDescription">
    and omissions <omissis> inside the text. eIds of turns carry their permanent keys."""
    frbr = _frbr(meeting)
    date = meeting.date.isoformat()
    made = meeting.ingested_at.date().isoformat() if meeting.ingested_at else date
    work = _E.FRBRWork(
        _E.FRBRthis(value=f"{frbr['work']}/!main"),
        _E.FRBRuri(value=frbr["work"]),
        _E.FRBRalias(value=clean(meeting.title), name="title"),
        _E.FRBRalias(value=absolute(meeting.get_absolute_url()), name="url"),
        _E.FRBRdate(date=date, name="meeting"),
        _E.FRBRauthor(href=f"#{SOURCE_EID}"),
        _E.FRBRcountry(value=AKN_COUNTRY),
        _E.FRBRnumber(value=frbr["number"]),
        _E.FRBRname(value=clean(meeting.title)),
    )
    expression = _E.FRBRExpression(
        _E.FRBRthis(value=f"{frbr['expression']}/!main"),
        _E.FRBRuri(value=frbr["expression"]),
        _E.FRBRdate(date=date, name="meeting"),
        _E.FRBRauthor(href=f"#{SOURCE_EID}"),
        _E.FRBRlanguage(language=AKN_LANGUAGE),
    )
    manifestation = _E.FRBRManifestation(
        _E.FRBRthis(value=f"{frbr['expression']}/!main.xml"),
        _E.FRBRuri(value=f"{frbr['expression']}.akn"),
        _E.FRBRdate(date=made, name="transform"),
        _E.FRBRauthor(href=f"#{SOURCE_EID}"),
        _E.FRBRformat(value="application/akn+xml"),
    )

    # References: the archive, the place, each person and each role, in order of appearance.
    refs = [_E.TLCOrganization(eId=SOURCE_EID, href=absolute("/"), showAs="Transcript archive")]
    if meeting.place:
        refs.append(
            _E.TLCLocation(
                eId=PLACE_EID,
                href=f"/ontology/location/{slugify(meeting.place) or 'place'}",
                showAs=clean(meeting.place),
            )
        )
    people: dict[int, str] = {}
    roles: dict[str, str] = {}
    unknown = False
    for turn in turns:
        if turn.speaker_id is not None:
            if turn.speaker_id not in people:
                people[turn.speaker_id] = turn.speaker.slug
                refs.append(
                    _E.TLCPerson(
                        eId=turn.speaker.slug,
                        href=absolute(turn.speaker.get_absolute_url()),
                        showAs=clean(turn.speaker.name),
                    )
                )
        elif turn.kind != "summary" and not unknown:
            unknown = True
            refs.append(
                _E.TLCPerson(eId=UNKNOWN_EID, href="/ontology/person/unknown", showAs="Unattributed speaker")
            )
        role = clean(turn.role)
        if role and role not in roles:
            roles[role] = f"role_{len(roles) + 1}"
            refs.append(
                _E.TLCRole(eId=roles[role], href=f"/ontology/role/{slugify(role) or 'role'}", showAs=role)
            )

    meta = _E.meta(
        _E.identification(work, expression, manifestation, source=f"#{SOURCE_EID}"),
        _E.references(*refs, source=f"#{SOURCE_EID}"),
    )

    dated = _E.p(_E.docDate(human_date(meeting.date), date=date))
    if meeting.place:
        dated[-1].tail = ", "
        dated.append(_E.location(clean(meeting.place), refersTo=f"#{PLACE_EID}"))
    preface = _E.preface(_E.p(_E.docTitle(clean(meeting.title))), dated)
    if meeting.is_excerpt:
        preface.append(_E.p("Excerpts from the transcript."))
    for paragraph in paragraphs(meeting.description):
        preface.append(_p(paragraph))

    section = _E.debateSection(_E.heading(clean(meeting.title)), eId=SECTION_EID, name="transcript")
    for turn in turns:
        paras = paragraphs(turn.text)
        if turn.kind == "summary":
            summary = _E.summary(eId=f"{SECTION_EID}__summary_{turn.key}")
            if turn.speaker_id is not None:
                summary.set("refersTo", f"#{turn.speaker.slug}")
            for i, paragraph in enumerate(paras):
                if i:
                    summary.append(_E.eol())
                _inline(summary, paragraph)
            section.append(summary)
            continue
        speech = _E.speech(
            eId=f"{SECTION_EID}__speech_{turn.key}",
            by=f"#{turn.speaker.slug}" if turn.speaker_id is not None else f"#{UNKNOWN_EID}",
        )
        role = clean(turn.role)
        if role:
            speech.set("as", f"#{roles[role]}")
        speech.append(_E("from", clean(turn.speaker_label) or speaker_name(turn)))
        for paragraph in paras or [""]:
            speech.append(_p(paragraph))
        section.append(speech)

    root = _E.akomaNtoso(_E.debate(meta, preface, _E.debateBody(section), name="debate"))
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


# --------------------------------------------------------------------------------------------
# Popolo


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
