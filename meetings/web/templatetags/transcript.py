"""Template filters that render a turn's text: paragraphs, stage directions, omissions; and a
meeting's line of who spoke, in the meeting lists."""

from __future__ import annotations

import bisect
import re

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from meetings.core.parser.inline import OMISSION, STAGE, segments
from meetings.core.topics.mentions import spoken_spans
from meetings.core.typography import ENDS_PUNCTUATED, PARAGRAPH_BREAK, cut_at_word, paragraphs, tidy_spaces
from meetings.derived.search import START, STOP

register = template.Library()


@register.filter
def turn_html(text: str) -> str:
    """Paragraphs as <p>; "(Laughter.)" as <span class="stage">; "<…>" as an omission. Escaped."""
    out = []
    paras = paragraphs(text)
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
    '<p class="omission" title="Paragraphs of the remark that do not name the topic are left out here: '
    'its permalink has them">[…]</p>'
)
CUT = '<span class="omission" title="Words of the paragraph left out here: the permalink has them">…</span>'
EXCERPT_WORDS = 20  # words kept either side of a mention, in a paragraph longer than LONG_PARAGRAPH
LONG_PARAGRAPH = 4 * EXCERPT_WORDS
_WORDS = re.compile(r"\S+")


@register.filter
def highlight(text: str, topic) -> str:
    """A topic page's excerpt of a turn, escaped, every mention of the topic marked (its key and
    the keys shown under it, as the extractor reads words, none the end of another name nor in a
    stage direction: mentions.spoken_spans) and shown: the paragraphs that name it, a long one cut
    to the words around its mentions ("…"), the others left out ("[…]"); a short turn
    (LONG_PARAGRAPH words) whole. A turn that names it in no words as written shows its opening."""
    keys = {topic.key, *(topic.forms or ())}
    paras = paragraphs(text)
    found = [spoken_spans(p, keys, topic.key, opening=i == 0) for i, p in enumerate(paras)]
    if not paras:
        return mark_safe("")
    if not any(found):
        words = list(_WORDS.finditer(paras[0]))
        if len(words) <= 2 * EXCERPT_WORDS:
            opening = escape(paras[0])
        else:
            opening = f"{escape(paras[0][: words[2 * EXCERPT_WORDS - 1].end()])} {CUT}"
        # (the paragraphs after it are left out too)
        return mark_safe("\n".join([f"<p>{opening}</p>"] + [SKIPPED] * (len(paras) > 1)))
    whole = sum(len(_WORDS.findall(p)) for p in paras) <= LONG_PARAGRAPH  # a short remark: all of it
    out: list[str] = []
    for para, spans in zip(paras, found, strict=True):
        if not spans and not whole:
            if not out or out[-1] != SKIPPED:
                out.append(SKIPPED)
            continue
        out.append(f"<p>{_marked_excerpt(para, spans) if spans else escape(para)}</p>")
    return mark_safe("\n".join(out))


def _marked_excerpt(para: str, spans: list[tuple[int, int]]) -> str:
    """The paragraph, escaped, its mentions (`spans`) marked; a long one (LONG_PARAGRAPH words)
    only the words around its mentions, EXCERPT_WORDS either side, the cuts marked."""
    words = list(_WORDS.finditer(para))
    if len(words) <= LONG_PARAGRAPH:
        keep = [(0, len(para))]
    else:
        starts = [w.start() for w in words]
        windows: list[list[int]] = []  # [first word, last word] kept, in order
        for a, b in spans:
            first = max(0, _word_at(starts, a) - EXCERPT_WORDS)
            last = min(len(words) - 1, _word_at(starts, b - 1) + EXCERPT_WORDS)
            if windows and first <= windows[-1][1] + 1:  # touching: one window, no cut between
                windows[-1][1] = max(last, windows[-1][1])
            else:
                windows.append([first, last])
        keep = [(words[first].start(), words[last].end()) for first, last in windows]
    pieces = []
    for lo, hi in keep:
        if lo > 0:
            pieces.append((" " if pieces else "") + CUT + " ")
        pos = lo
        for a, b in spans:
            if lo <= a and b <= hi:
                pieces += [escape(para[pos:a]), f"<mark>{escape(para[a:b])}</mark>"]
                pos = b
        pieces.append(escape(para[pos:hi]))
    if keep[-1][1] < len(para.rstrip()):
        pieces.append(" " + CUT)
    return "".join(pieces)


def _word_at(starts: list[int], offset: int) -> int:
    """The index of the word (by their start offsets) that holds `offset`."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


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
    if query.count('"') == 1 and len(query) > 1 and (query[0] == '"' or query[-1] == '"'):
        # One mark, at either end: the whole query is the quotation ("economic growth", "oil prices)
        return f"“{query.strip(chr(34))}”"
    out, opening = [], True
    for ch in query:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    if not opening:
        out.append("”")  # a quotation left open is closed where the query ends
    return "".join(out)
