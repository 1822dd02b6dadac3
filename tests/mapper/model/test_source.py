"""Source: the record of one report, written back exactly as it was read, old dict form accepted."""

from __future__ import annotations

import json
import pickle

import pytest

from mapper.model.event_io import events_to_jsonl_lines
from mapper.model.events import Event
from mapper.model.source import SOURCE_KEYS, Source, as_source

STANDARD = {"doc_id": "телеграм-7", "url": "https://example.org/x", "source_name": "Канал", "published": "2025-01-09",
            "quote": "Уничтожено 40 солдат."}


def test_a_standard_record_becomes_fields_and_back():
    src = Source.from_dict(STANDARD)
    assert (src.doc_id, src.source_name, src.published) == ("телеграм-7", "Канал", "2025-01-09")
    assert src.standard and src.extra == () and src.keys is SOURCE_KEYS
    assert json.dumps(src.to_dict(), ensure_ascii=False) == json.dumps(STANDARD, ensure_ascii=False)


@pytest.mark.parametrize("record", [
    {"doc_id": "a", "channel": "@x", "views": 1200},                 # fewer keys, others added
    {"quote": "q", "doc_id": "a", "url": None, "source_name": "s", "published": None},   # another order
    {**STANDARD, "published": "9 Jan 2025", "lang": ["ru", "uk"]},   # odd date text, a list value
])
def test_other_records_keep_their_keys_order_and_values(record):
    src = Source.from_dict(record)
    assert not src.standard
    assert json.dumps(src.to_dict()) == json.dumps(record)
    assert Source.from_dict(src.to_dict()) == src


def test_events_take_the_old_dict_form_and_write_the_same_line():
    with_dicts = Event("e1", "d", sources=(STANDARD, {"doc_id": "b"}))
    with_sources = Event("e1", "d", sources=(Source.from_dict(STANDARD), Source.from_dict({"doc_id": "b"})))
    assert all(type(s) is Source for s in with_dicts.sources)
    assert with_dicts == with_sources
    assert events_to_jsonl_lines([with_dicts]) == events_to_jsonl_lines([with_sources])
    assert Event.from_dict(with_dicts.to_dict()) == with_sources
    assert '"sources": [{"doc_id": "телеграм-7", "url": ' in events_to_jsonl_lines([with_dicts])[0]


def test_as_source_and_pickling():
    src = as_source(STANDARD)
    assert as_source(src) is src
    assert pickle.loads(pickle.dumps(src)) == src
    with pytest.raises(TypeError):
        as_source(["not", "a", "record"])
