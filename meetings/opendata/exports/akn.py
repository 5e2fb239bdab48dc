"""The Akoma Ntoso 3.0 export of a meeting: a <debate>."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from lxml.builder import ElementMaker

from meetings.core.contents import parts_opened
from meetings.core.parser import inline
from meetings.core.permalinks import slugify

from ..credit import SourceCredit
from .shared import Absolute, clean, human_date, paragraphs, speaker_name

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_COUNTRY = "xx"  # ISO 3166 user-assigned: the archive's meetings belong to no one jurisdiction
AKN_LANGUAGE = "eng"
SOURCE_EID = "transcript_archive"  # eIds with "_" never clash with participant slugs ([a-z0-9-])
PUBLISHER_EID = "source_publisher"  # who published the texts, where the archive is told
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


def _inline(parent, paragraph: str, opening: bool = False) -> None:
    """A paragraph's runs: stage directions as <remark>, omissions as <omissis>. `opening`: the
    paragraph opens a turn (inline.segments)."""
    for kind, text in inline.segments(paragraph, opening=opening):
        if kind == inline.STAGE:
            parent.append(_E.remark(text, type="sceneDescription"))
        elif kind == inline.OMISSION:
            parent.append(_E.omissis(text))
        else:
            _append_text(parent, text)


def _p(paragraph: str, opening: bool = False):
    p = _E.p()
    _inline(p, paragraph, opening)
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


def meeting_akn(meeting, turns: Sequence, absolute: Absolute, credit: SourceCredit | None = None) -> bytes:
    """An Akoma Ntoso 3.0 <debate>: FRBR identification, a TLCPerson per speaker (eId = the
    participant's slug), the title, date, place and lead in the preface, and the turns in one
    debateSection: <speech by="#slug"> with <from> and <p>; summaries as <summary refersTo="#slug">
    (the schema's element for reported speech); stage directions <remark type="sceneDescription">
    and omissions <omissis> inside the text. eIds of turns carry their permanent keys. Where the
    source's publisher is known (`credit`), it is the author of the work and its expression (a
    TLCOrganization), and the archive of the manifestation, the file it made."""
    frbr = _frbr(meeting)
    wrote = f"#{PUBLISHER_EID}" if credit else f"#{SOURCE_EID}"
    date = meeting.date.isoformat()
    made = meeting.ingested_at.date().isoformat() if meeting.ingested_at else date
    work = _E.FRBRWork(
        _E.FRBRthis(value=f"{frbr['work']}/!main"),
        _E.FRBRuri(value=frbr["work"]),
        _E.FRBRalias(value=clean(meeting.title), name="title"),
        _E.FRBRalias(value=absolute(meeting.get_absolute_url()), name="url"),
        _E.FRBRdate(date=date, name="meeting"),
        _E.FRBRauthor(href=wrote),
        _E.FRBRcountry(value=AKN_COUNTRY),
        _E.FRBRnumber(value=frbr["number"]),
        _E.FRBRname(value=clean(meeting.title)),
    )
    expression = _E.FRBRExpression(
        _E.FRBRthis(value=f"{frbr['expression']}/!main"),
        _E.FRBRuri(value=frbr["expression"]),
        _E.FRBRdate(date=date, name="meeting"),
        _E.FRBRauthor(href=wrote),
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
    if credit:
        refs.append(
            _E.TLCOrganization(
                eId=PUBLISHER_EID,
                href=credit.url or "/ontology/organization/source-publisher",
                showAs=clean(credit.attribution),
            )
        )
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
    for turn, opened in zip(turns, parts_opened(t.section for t in turns), strict=True):
        paras = paragraphs(turn.text)
        if opened:  # it opens a part of the page: the page's heading
            section.append(_E.narrative(clean(opened), eId=f"{SECTION_EID}__narrative_{turn.key}"))
        if turn.kind == "summary":
            summary = _E.summary(eId=f"{SECTION_EID}__summary_{turn.key}")
            if turn.speaker_id is not None:
                summary.set("refersTo", f"#{turn.speaker.slug}")
            for i, paragraph in enumerate(paras):
                if i:
                    summary.append(_E.eol())
                _inline(summary, paragraph, opening=i == 0)
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
        for i, paragraph in enumerate(paras or [""]):
            speech.append(_p(paragraph, opening=i == 0))
        section.append(speech)

    root = _E.akomaNtoso(_E.debate(meta, preface, _E.debateBody(section), name="debate"))
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
