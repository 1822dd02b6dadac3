"""Text from event records made safe for a deck: no control characters, no lone surrogates.

Source names, document ids, URLs and quotes come from scraped channels and files and may
hold anything. The deck is XML (where NUL, most C0 controls, lone surrogates and U+FFFE/U+FFFF
are not allowed at all) and its text is measured and drawn with real fonts. So before
anything is measured or written: TAB becomes a space, a lone surrogate becomes U+FFFD (the
replacement character), and the other C0 and C1 controls (line feed kept: it starts a line),
DEL and the two non-characters are removed::

    >>> clean_text("Канал\\t🔥\\x00 news\\x85")
    'Канал 🔥 news'
    >>> clean_text("half \\ud83d pair")
    'half \\ufffd pair'
    >>> clean_text("two\\nlines")
    'two\\nlines'

:func:`clean_events` applies it to every text of the events (places, sources, quotes); an
event with nothing to clean is passed on as it is.
"""

from __future__ import annotations

import dataclasses
import re

from mapper._internal.surrogates import replace_surrogates
from mapper.model.events import Event, EventLocation, Source

__all__ = ["clean_text", "clean_events", "clean_event"]

#: Removed: C0 controls but TAB and LF, DEL, C1 controls, and the non-characters U+FFFE and U+FFFF.
_REMOVED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_ANY = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters a deck cannot hold (see the module docstring)."""
    text = str(text)
    if not _ANY.search(text):
        return text
    text = replace_surrogates(text.replace("\t", " "))
    return _REMOVED.sub("", text)


def _clean_value(value):
    """Strings cleaned; dicts, lists and tuples cleaned inside; anything else (and anything with
    nothing to clean) returned as the very same object."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        cleaned = {key: _clean_value(item) for key, item in value.items()}
        return value if all(cleaned[key] is item for key, item in value.items()) else cleaned
    if isinstance(value, (list, tuple)):
        items = [_clean_value(item) for item in value]
        return value if all(a is b for a, b in zip(items, value)) else type(value)(items)
    if isinstance(value, (EventLocation, Source)):
        return clean_location(value)
    return value


def _cleaned_fields(record) -> dict:
    """The fields of a dataclass instance whose value needed cleaning, cleaned."""
    changes = {}
    for spec in dataclasses.fields(record):
        value = getattr(record, spec.name)
        cleaned = _clean_value(value)
        if cleaned is not value:
            changes[spec.name] = cleaned
    return changes


def clean_location(loc: EventLocation) -> EventLocation:
    """The place (or a Source) with its texts cleaned (the same object when nothing needed it)."""
    changes = _cleaned_fields(loc)
    return dataclasses.replace(loc, **changes) if changes else loc


def clean_event(ev: Event) -> Event:
    """The event with every text cleaned (the same object when nothing needed it)."""
    changes = _cleaned_fields(ev)
    return dataclasses.replace(ev, **changes) if changes else ev


def clean_events(events: list[Event]) -> list[Event]:
    """:func:`clean_event` of each event."""
    return [clean_event(ev) for ev in events]
