"""Copies of one report count once: the distinct sources of a merged event.

Two sources are the same report when they quote the same text (after
:func:`normalise_text`) from the same outlet and URL. Two outlets publishing one wire
text stay two sources; one outlet posting the same text twice is one. A source without
a quote is told apart by its document id. The first copy is kept, with its outlet,
URL and date::

    >>> from mapper.model.source import Source
    >>> a = Source("d1", "", "Example News", "2024-12-16", "Three  were **killed**.")
    >>> b = Source("d2", "", "example news", "2024-12-16", "Three were <b>killed</b>.")
    >>> c = Source("d3", "", "Other Outlet", "2024-12-17", "Three were killed.")
    >>> [s.doc_id for s in distinct_sources([a, b, c])]
    ['d1', 'd3']
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from mapper.model.source import Source

__all__ = ["normalise_text", "source_identity", "distinct_sources"]

#: Zero-width and invisible formatting characters (and the soft hyphen) some feeds insert.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
#: HTML emphasis tags (b, i, em, strong, u, s, mark, span) opened or closed, with any attributes.
_HTML_EMPHASIS = re.compile(r"</?(?:b|i|em|strong|u|s|strike|del|mark|span|font)(?:\s[^<>]*)?>", re.IGNORECASE)
#: Markdown emphasis marks: runs of asterisks, tildes, backticks, and underscores not inside a word.
_MD_EMPHASIS = re.compile(r"[*~`]+|(?<!\w)_+|_+(?!\w)")
_SPACE = re.compile(r"\s+")


def normalise_text(text: str | None) -> str:
    """``text`` with entities decoded, emphasis marks and invisible characters removed and whitespace
    collapsed; letter case is kept.

    >>> normalise_text("Two\\u200b  *were*\\n __wounded__ &amp; <em>one</em>  killed ")
    'Two were wounded & one killed'
    >>> normalise_text("Two were Killed") == normalise_text("Two were killed")
    False
    """
    if not text:
        return ""
    text = _HTML_EMPHASIS.sub("", html.unescape(text))
    text = _MD_EMPHASIS.sub("", _INVISIBLE.sub("", text))
    return _SPACE.sub(" ", text).strip()


def source_identity(source: Source) -> tuple[str, ...]:
    """What makes a source another report: its normalised quote, outlet (any case) and URL; its
    document id when it quotes nothing.

    >>> source_identity(Source("d1", "https://example.org/a ", " Example ", None, "3  killed"))
    ('3 killed', 'example', 'https://example.org/a')
    >>> source_identity(Source("d1"))
    ('', 'd1')
    """
    quote = normalise_text(source.quote)
    if not quote:
        return ("", str(source.doc_id or ""))
    return (quote, (source.source_name or "").strip().casefold(), (source.url or "").strip())


def distinct_sources(sources: Iterable[Source]) -> tuple[Source, ...]:
    """The first source of each identity (:func:`source_identity`), in order."""
    kept: dict[tuple[str, ...], Source] = {}
    for source in sources:
        kept.setdefault(source_identity(source), source)
    return tuple(kept.values())
