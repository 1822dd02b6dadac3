"""The ``sources`` table: one row per report of each event, rebuilt exactly by :mod:`mapper.render.export.rebuild`.

A :class:`~mapper.model.source.Source` (``doc_id``, ``url``, ``source_name``, ``published``,
``quote``, as ``extract`` writes it) gets one typed column per field, ``published`` as a date.
Whatever the columns cannot hold — other keys, values that are not text, a
publication date that is not ``YYYY-MM-DD`` — is kept as JSON in ``extra_json``,
and ``record_keys`` lists the record's keys in order::

    >>> from mapper.model.events import Event
    >>> ev = Event("ev-1", "d", sources=({"doc_id": "d", "published": "3 Nov 2024", "channel": "@x"},))
    >>> sources_table([ev]).to_pylist()[0]["extra_json"]
    '{"channel": "@x", "published": "3 Nov 2024"}'

Records as ``extract`` writes them take a vectorised path (pyarrow parses and
checks the dates); anything else is handled record by record.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from mapper.model.events import Event
from mapper.model.source import Source
from mapper.render.export.schema import LAYER_COLUMNS, SOURCE_KEYS, _table, _transpose, struct_columns

__all__ = ["sources_table"]

_STANDARD_KEYS_JSON = json.dumps(list(SOURCE_KEYS))
#: A standard record's values, all text (``published`` parsed afterwards).
_TEXT_COLUMNS = tuple((key, "str") for key in SOURCE_KEYS)


def sources_table(events: Sequence[Event], event_ids: pa.Array | None = None) -> pa.Table:
    """The ``sources`` attribute table of ``events`` (``event_ids``: their ids, if already an Arrow array)."""
    records = [src.__dict__ for ev in events for src in ev.sources]
    counts = np.fromiter((len(ev.sources) for ev in events), np.int64, len(events))
    owner = np.repeat(np.arange(len(events)), counts)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]) if len(events) else np.zeros(0, np.int64)
    if event_ids is None:
        event_ids = pa.array([ev.event_id for ev in events], type=pa.string())
    columns = {"event_id": event_ids.take(pa.array(owner, type=pa.int64())),
               "source_index": np.arange(len(records)) - starts[owner]}
    fast = _standard_columns(records)
    columns.update(fast if fast is not None else _careful_columns(records))
    return _table("sources", columns)


def _standard_columns(records: list[dict]) -> dict | None:
    """Columns of sources (their ``__dict__``) that all have exactly extract's keys, text values and ISO
    dates; else None."""
    if not all(map(SOURCE_KEYS.__eq__, map(itemgetter("keys"), records))):
        return None
    try:
        texts = struct_columns(records, _TEXT_COLUMNS)
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # a value that is not text
        return None
    try:  # Arrow's cast takes exactly YYYY-MM-DD, a real day, as _iso_date does
        texts["published"] = pc.cast(texts["published"], pa.date32())
    except pa.ArrowInvalid:
        return None  # a date written some other way: kept as written, record by record
    texts["extra_json"] = pa.nulls(len(records), type=pa.string())
    texts["record_keys"] = pa.array([_STANDARD_KEYS_JSON] * len(records), type=pa.string())
    return texts


def _careful_columns(records: list[dict]) -> dict:
    names = [c for c, _ in LAYER_COLUMNS["sources"]][2:]
    key_lists: dict[tuple, str] = {}
    rows = []
    for src in map(_record, records):
        keys = tuple(src)
        if keys not in key_lists:
            key_lists[keys] = json.dumps(list(keys), ensure_ascii=False)
        published = src.get("published")
        day, odd = _iso_date(published) if isinstance(published, str) else (None, published is not None)
        extra, doc, url, name, quote = _extra(src, odd)
        rows.append((doc, url, name, day, quote, extra, key_lists[keys]))
    return _transpose(rows, names)


def _record(fields: dict) -> dict:
    """The JSON record of a source from its ``__dict__``."""
    return Source(**fields).to_dict()


@lru_cache(maxsize=4096)
def _iso_date(value: str) -> tuple:
    """``(date, False)`` for a canonical ``YYYY-MM-DD`` text, else ``(None, True)``: keep it as written."""
    if len(value) == 10:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None, True
        return (day, False) if day.isoformat() == value else (None, True)
    return None, True


def _extra(src: dict, odd_date: bool) -> tuple:
    """``(extra_json, doc_id, url, source_name, quote)``: unknown keys, values that are not text and
    a date not written ``YYYY-MM-DD`` go to ``extra_json`` as they are."""
    extra = {k: v for k, v in src.items() if k not in SOURCE_KEYS}
    if odd_date:
        extra["published"] = src.get("published")
    texts = []
    for key in ("doc_id", "url", "source_name", "quote"):
        value = src.get(key)
        if value is not None and not isinstance(value, str):
            extra[key], value = value, None
        texts.append(value)
    return (json.dumps(extra, ensure_ascii=False, default=str) if extra else None, *texts)
