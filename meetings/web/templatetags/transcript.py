"""Template filters that render a turn's text: paragraphs, stage directions, omissions; and a
meeting's line of who spoke, in the meeting lists."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from meetings.core.parser.inline import OMISSION, STAGE, segments
from meetings.core.topics.mentions import mention_spans
from meetings.core.typography import ENDS_PUNCTUATED, PARAGRAPH_BREAK, cut_at_word, tidy_spaces
from meetings.derived.search import START, STOP

register = template.Library()


@register.filter
def turn_html(text: str) -> str:
    """Paragraphs as <p>; "(Laughter.)" as <span class="stage">; "<…>" as an omission. Escaped."""
    out = []
    paras = [p for p in tidy_spaces(text or "").split("\n\n") if p.strip()]
    for i, para in enumerate(paras):
        parts = segments(para, opening=i == 0)
        if len(parts) == 1 and parts[0][0] == OMISSION:
            out.append('<p class="omission"><span title="Omitted in the source">&lt;…&gt;</span></p>')
            continue
        html = []
        for kind, chunk in parts:
            if kind == STAGE:
                html.append(f'<span class="stage">{escape(chunk)}</span>')
            elif kind == OMISSION:
                html.append('<span class="omission" title="Omitted in the source">&lt;…&gt;</span>')
            else:
                html.append(escape(chunk))
        out.append(f"<p>{''.join(html)}</p>")
    html = "\n".join(out)
    if START in html:  # search highlights (markers put there by PostgreSQL's ts_headline)
        html = _balance_marks(html)
    return mark_safe(html)


def _balance_marks(html: str) -> str:
    """Markers become <mark>; a mark never spans a paragraph or a stage direction."""
    out, open_ = [], False
    for part in re.split(f"([{START}{STOP}]|</?p>|</?span[^>]*>)", html):
        if part == START:
            out.append("<mark>")
            open_ = True
        elif part == STOP:
            if open_:
                out.append("</mark>")
            open_ = False
        elif part.startswith("<") and open_:
            out.append("</mark>" + part + "<mark>")
        else:
            out.append(part)
    return "".join(out).replace("<mark></mark>", "")


@register.filter
def snippet(text: str, length: int = 220) -> str:
    """The first words of a turn, on one line, cut at a word boundary (no-break spaces only where
    they bind: meetings.core.typography). A paragraph that ends without punctuation (a heading, a
    sub-headline) is kept apart from the next by " · " rather than run into its sentence."""
    flat = ""
    for para in PARAGRAPH_BREAK.split(tidy_spaces(text or "")):
        para = _WHITESPACE.sub(" ", para).strip()  # U+00A0 is not collapsed
        if not para:
            continue
        if flat:
            flat += " " if flat.endswith(ENDS_PUNCTUATED) else " · "
        flat += para
        if len(flat) > length:
            break
    return cut_at_word(flat, length)


_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")


SKIPPED = (
    '<p class="omission" title="Earlier paragraphs of the remark are left out here: its permalink has them">'
    "[…]</p>"
)


@register.filter
def highlight(text: str, topic) -> str:
    """The turn's paragraphs, escaped, with every mention of the topic marked: its key and the
    keys shown under it, as the extractor reads words (mentions.mention_spans). A remark that
    names it only after its first paragraph opens at the paragraph that does (SKIPPED before)."""
    keys = {topic.key, *(topic.forms or ())}
    out = []
    first = None
    for para in (p for p in tidy_spaces(text or "").split("\n\n") if p.strip()):
        pieces, pos = [], 0
        for start, end in mention_spans(para, keys):
            pieces.append(escape(para[pos:start]))
            pieces.append(f"<mark>{escape(para[start:end])}</mark>")
            pos = end
        if first is None and pos:
            first = len(out)
        pieces.append(escape(para[pos:]))
        out.append(f"<p>{''.join(pieces)}</p>")
    if first:
        out[:first] = [SKIPPED]
    return mark_safe("\n".join(out))


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@register.simple_tag
def speakers_line(meeting) -> SafeString:
    """Place · the main speakers (links) and how many others · remarks · excerpts, escaped: what
    profiles.with_main_speakers put on the meeting. Built here rather than by an include per row."""
    people = list(getattr(meeting, "main_speakers", []))
    others = getattr(meeting, "other_speakers", 0)
    links = [format_html('<a class="who" href="{}">{}</a>', p.get_absolute_url(), p.name) for p in people]
    if others:
        who = format_html(
            "{} and {}", format_html_join(", ", "{}", ((x,) for x in links)), _plural(others, "other")
        )
    elif len(links) > 1:
        who = format_html("{} and {}", format_html_join(", ", "{}", ((x,) for x in links[:-1])), links[-1])
    else:
        who = links[0] if links else ""
    parts = [meeting.place] if meeting.place else []
    parts += [who] if who else []
    parts.append(_plural(meeting.turn_count, "remark"))
    if meeting.is_excerpt:
        parts.append("excerpts")
    return format_html('<span class="meta">{}</span>', format_html_join(" · ", "{}", ((p,) for p in parts)))


@register.filter
def quoted(query: str) -> str:
    """A visitor's query between quotation marks, once: “housing rent”; a query that holds its
    own quotes shows them as typographic quotes and gets no others: “foreign agents” media."""
    query = query or ""
    if '"' not in query:
        return f"“{query}”"
    out, opening = [], True
    for ch in query:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)
