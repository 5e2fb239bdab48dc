"""Template filters that render a turn's text: paragraphs, stage directions, omissions."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from meetings.parser.inline import OMISSION, STAGE, segments

register = template.Library()


@register.filter
def turn_html(text: str) -> str:
    """Paragraphs as <p>; "(Laughter.)" as <span class="stage">; "<…>" as an omission. Escaped."""
    out = []
    for para in (p for p in (text or "").split("\n\n") if p.strip()):
        parts = segments(para)
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
    return mark_safe("\n".join(out))


@register.filter
def snippet(text: str, length: int = 220) -> str:
    """The first words of a turn, on one line, cut at a word boundary."""
    flat = " ".join((text or "").replace("\u00a0", " ").split())
    if len(flat) <= length:
        return flat
    cut = flat[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
