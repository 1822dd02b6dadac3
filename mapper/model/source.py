"""One report of a claim: :class:`Source`, and its JSON form (the dict ``extract`` writes).

An event keeps every report of its claim (merged duplicates add theirs). ``extract``
writes a source as ``{"doc_id", "url", "source_name", "published", "quote"}``; a record
another tool wrote may have more keys, fewer, or another order: those are kept
(``extra``, ``keys``) so the record is written back exactly::

    >>> src = Source.from_dict({"doc_id": "d1", "url": "https://example.org/a", "source_name": "Example",
    ...                         "published": "2024-12-16", "quote": "30 were killed"})
    >>> src.url, src.published, src.to_dict()["quote"]
    ('https://example.org/a', '2024-12-16', '30 were killed')
    >>> odd = Source.from_dict({"doc_id": "d2", "channel": "@x"})
    >>> odd.extra, odd.to_dict()
    ((('channel', '@x'),), {'doc_id': 'd2', 'channel': '@x'})
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Source", "SOURCE_KEYS", "as_source"]

#: The keys of a source record as ``extract`` writes it, in order (each a :class:`Source` field).
SOURCE_KEYS = ("doc_id", "url", "source_name", "published", "quote")


@dataclass(frozen=True)
class Source:
    """One report: document id, URL, outlet, publication date (text as written, normally
    ``YYYY-MM-DD``) and the sentence quoted. ``extra``: other keys of the record, in order;
    ``keys``: the record's keys in order (``SOURCE_KEYS`` for a record ``extract`` wrote).

    Not slotted on purpose: the export tables read ``__dict__`` of millions of sources in one
    pyarrow pass, as they read events.
    """

    doc_id: str | None = None
    url: str | None = None
    source_name: str | None = None
    published: str | None = None
    quote: str | None = None
    extra: tuple[tuple[str, object], ...] = ()
    keys: tuple[str, ...] = SOURCE_KEYS

    @property
    def standard(self) -> bool:
        """True for a record with exactly ``extract``'s keys, in its order."""
        return self.keys is SOURCE_KEYS or self.keys == SOURCE_KEYS

    def to_dict(self) -> dict:
        """The JSON record: ``extract``'s keys in order, or the keys the record was read with."""
        d = self.__dict__
        if d["keys"] is SOURCE_KEYS or d["keys"] == SOURCE_KEYS:  # a dict display: the fastest way to make it
            return {"doc_id": d["doc_id"], "url": d["url"], "source_name": d["source_name"],
                    "published": d["published"], "quote": d["quote"]}
        values = {key: d[key] for key in SOURCE_KEYS}
        values.update(self.extra)
        return {key: values.get(key) for key in self.keys}

    @classmethod
    def from_dict(cls, record: dict) -> "Source":
        """The source of a JSON record (any keys; unknown ones go to ``extra``)."""
        keys = tuple(record)
        if keys == SOURCE_KEYS:  # made as pickle makes one (a frozen dataclass's __init__ costs 3 times more)
            src = object.__new__(cls)
            src.__dict__.update(record, extra=(), keys=SOURCE_KEYS)
            return src
        extra = tuple((key, value) for key, value in record.items() if key not in SOURCE_KEYS)
        return cls(*(record.get(key) for key in SOURCE_KEYS), extra=extra, keys=keys)


def as_source(value) -> Source:
    """``value`` as a :class:`Source`: a Source as is, a dict (the older form events held) converted.

    >>> as_source({"doc_id": "d", "url": None, "source_name": None, "published": None, "quote": "q"}).quote
    'q'
    """
    if isinstance(value, Source):
        return value
    if isinstance(value, dict):
        return Source.from_dict(value)
    raise TypeError(f"a source is a Source or a dict, not {type(value).__name__}")
