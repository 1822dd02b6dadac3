"""Popup, tooltip and legend HTML for the map — every piece of report text escaped.

Report text is untrusted: quotes, place names, actors and source URLs may carry
HTML or script. Everything that reaches the page goes through :func:`html.escape`,
and links are emitted only for ``http(s)`` URLs::

    >>> safe_link("javascript:alert(1)", "source")
    'source'
    >>> safe_link("https://example.org/a?b=<c>", "source")
    '<a href="https://example.org/a?b=&lt;c&gt;" target="_blank" rel="noopener noreferrer">source</a>'
    >>> escape_text('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from mapper.events import CATEGORIES, Event

__all__ = ["escape_text", "safe_link", "popup_html", "tooltip_html", "tooltip_text", "actor_colour", "ACTOR_COLOURS",
           "PRECISION_WORDS", "DATE_PRECISION_WORDS"]

#: One colour per actor class, the same on every map and slide (colour-blind-safe Okabe–Ito).
ACTOR_COLOURS = {
    "North Korean forces": "#D55E00",
    "Russian forces": "#CC79A7",
    "Ukrainian forces": "#0072B2",
    "Civilians": "#009E73",
    "": "#6B6B6B",
}
PRECISION_WORDS = {1: "at the named place", 2: "near the place(s) / several places", 3: "somewhere in the region"}
DATE_PRECISION_WORDS = {1: "day", 2: "a few days or a week", 3: "month"}
_CATEGORY_WORDS = {"killed": "killed", "wounded": "wounded", "missing": "missing", "captured": "captured",
                   "killed_or_wounded": "killed or wounded"}


def escape_text(value: object) -> str:
    """Text for HTML: escaped, quotes included; None becomes ''."""
    return "" if value is None else html.escape(str(value), quote=True)


def safe_link(url: str, label: str) -> str:
    """An ``<a>`` for http(s) URLs only; anything else (javascript:, data:...) stays plain text."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in ("http", "https"):
        return escape_text(label)
    return (f'<a href="{escape_text(url.strip())}" target="_blank" rel="noopener noreferrer">'
            f"{escape_text(label)}</a>")


def actor_colour(actor: str) -> str:
    return ACTOR_COLOURS.get(actor, ACTOR_COLOURS[""])


def _figures(ev: Event) -> str:
    rows = []
    for cat in CATEGORIES:
        value = getattr(ev, cat)
        if value is not None:
            rows.append(f"<tr><th>{_CATEGORY_WORDS[cat]}</th><td>{value}</td></tr>")
    if ev.casualties_best is not None:
        span = (f"{ev.casualties_low}–{ev.casualties_high}" if ev.casualties_low != ev.casualties_high
                else f"{ev.casualties_best}")
        qualifier = f" ({escape_text(ev.qualifier)})" if ev.qualifier else (" (approximate)" if ev.approximate else "")
        rows.append(f"<tr><th>all casualties</th><td>{ev.casualties_best} [range {span}]{qualifier}</td></tr>")
    return "".join(rows)


def _places(ev: Event) -> str:
    items = []
    for loc in ev.locations:
        if loc.resolved:
            where = ", ".join(escape_text(x) for x in (loc.name, loc.admin2, loc.admin1, loc.country_code) if x)
            items.append(f"<li>{where}</li>")
        else:
            items.append(f"<li>{escape_text(loc.mention)} <em>(not placed: {escape_text(loc.reason)})</em></li>")
    return "<ul>" + "".join(items) + "</ul>" if items else "<p>no place named</p>"


def popup_html(ev: Event, *, links: bool = True) -> str:
    """The event's popup: figures, date, places, actor, claimant, quote, sources — all escaped.

    With ``links=False`` (offline maps, which hold no external URL) source addresses are
    shown as text.
    """
    date = ev.event_date.isoformat() if ev.event_date else "unknown"
    if ev.event_date_end and ev.event_date_end != ev.event_date:
        date += f" – {ev.event_date_end.isoformat()}"
    precision = DATE_PRECISION_WORDS.get(ev.date_precision or 0, "unknown")
    sources = []
    for src in ev.sources or ({"url": ev.source_url, "source_name": ev.source_name, "doc_id": ev.doc_id},):
        label = src.get("source_name") or src.get("doc_id") or "source"
        url = src.get("url") or ""
        if links:
            sources.append(f"<li>{safe_link(url, label)}</li>")
        else:
            sources.append(f"<li>{escape_text(label)}{' — ' + escape_text(url) if url else ''}</li>")
    return (
        '<div class="cm-popup">'
        f"<h4>{escape_text(ev.actor or 'Unknown side')}</h4>"
        f"<table>{_figures(ev)}</table>"
        f"<p><b>Date:</b> {escape_text(date)} <small>(precision: {escape_text(precision)}"
        f"{'; ' + escape_text(ev.date_text) if ev.date_text else ''})</small></p>"
        f"<p><b>Where</b> <small>({escape_text(PRECISION_WORDS.get(ev.geo_precision or 0, 'unplaced'))})</small>"
        f"</p>{_places(ev)}"
        f"<p><b>Claimed by:</b> {escape_text(ev.claimed_by or 'not stated')}</p>"
        f'<blockquote class="cm-quote">{escape_text(ev.source_quote)}</blockquote>'
        f"<p><b>Sources ({ev.number_of_sources}):</b></p><ul>{''.join(sources)}</ul>"
        "</div>"
    )


def tooltip_text(ev: Event) -> str:
    """Place(s) and total, as plain text (the map sets it with textContent)."""
    names = ", ".join(loc.name or loc.mention for loc in ev.locations) or "unplaced"
    total = ev.casualties_best if ev.casualties_best is not None else "?"
    return f"{names}: {total} ({ev.actor or 'unknown side'})"


def tooltip_html(ev: Event) -> str:
    """Place(s) and total, escaped for HTML."""
    return escape_text(tooltip_text(ev))
