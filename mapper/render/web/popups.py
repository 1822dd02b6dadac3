"""Colours, words and escaping for what the map shows (popups themselves: :mod:`mapper.render.web.popup_js`).

Report text is untrusted: quotes, place names, actors and source URLs may carry
HTML or script. Text placed in HTML goes through :func:`html.escape`, and links
are emitted only for ``http(s)`` URLs with a host (:func:`mapper.render.links.web_link`)::

    >>> safe_link("javascript:alert(1)", "source"), safe_link("https://example.org/a?b=<c>", "source")
    ('source', 'source')
    >>> safe_link("https://example.org/a?b=1&c=2", "source")
    '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">source</a>'
    >>> escape_text('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
"""

from __future__ import annotations

import html

from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.render.links import web_link
from mapper.model.events import Event

__all__ = ["escape_text", "safe_link", "tooltip_text", "actor_colour", "PRECISION_WORDS",
           "DATE_PRECISION_WORDS"]

PRECISION_WORDS = {1: "at the named place", 2: "near the place(s) / several places", 3: "somewhere in the region"}
DATE_PRECISION_WORDS = {1: "day", 2: "a few days or a week", 3: "month"}


def escape_text(value: object) -> str:
    """Text for HTML: escaped, quotes included; None becomes ''."""
    return "" if value is None else html.escape(str(value), quote=True)


def safe_link(url: str, label: str) -> str:
    """An ``<a>`` for http(s) URLs with a host only (:func:`~mapper.render.links.web_link`); anything
    else (javascript:, data:, httpfoo:...) stays plain text."""
    href = web_link(url)
    if href is None:
        return escape_text(label)
    return (f'<a href="{escape_text(href)}" target="_blank" rel="noopener noreferrer">'
            f"{escape_text(label)}</a>")


def actor_colour(actor: str, theatre: Theatre | None = None) -> str:
    """The colour of the actor's side in ``theatre`` (default: the default theatre), the same on
    every map, KML file and slide (:meth:`gazetteer.theatre.Theatre.colour_of`).

    >>> actor_colour("Ukrainian forces"), actor_colour("somebody else")
    ('#0072B2', '#6B6B6B')
    """
    return (theatre or default_theatre()).colour_of(actor)


def tooltip_text(ev: Event) -> str:
    """Place(s) and total, as plain text (the map sets it with textContent)."""
    names = ", ".join(loc.name or loc.mention for loc in ev.locations) or "unplaced"
    total = ev.casualties_best if ev.casualties_best is not None else "?"
    return f"{names}: {total} ({ev.actor or 'unknown side'})"

