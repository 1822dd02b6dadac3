"""The sample events of the export tests, and their export to every format, made once per test session.

``sample_events`` places every event at real gazetteer places: the seed article's two claims,
plus hand-made claims for what the seed lacks (a 12-decimal curated coordinate, Cyrillic text
over 254 bytes, hostile text, an unplaced claim, a three-place claim west of Greenwich).
``exported_sample`` writes them to every format once; ``test_export_formats`` and
``test_export_roundtrip`` both read that one folder (the files are only read, never changed).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import REPO

from mapper.ingest.documents import read_documents
from mapper.model.events import Event, EventLocation
from mapper.render.export import EXPORTERS, export_events
from mapper.extract.extractor import extract_events

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)> ]]> & \x00\x1b"

_CACHE: dict[str, object] = {}


def _loc(index, place_id: str, mention: str | None = None) -> EventLocation:
    p = index.get(place_id)
    assert p is not None, place_id
    return EventLocation(mention or p.name, p.name, p.latitude, p.longitude, p.country_code, p.admin1 or None,
                         p.admin2 or None, p.id, 1, True, "")


def _source(doc: str, quote: str, **extra) -> dict:
    return {"doc_id": doc, "url": f"https://example.org/{doc}", "source_name": "example.org",
            "published": "2024-11-03", "quote": quote, **extra}


def sample_events(gazetteer, index) -> list[Event]:
    seed = extract_events(read_documents([SEED], published=dt.date(2024, 12, 16)), gazetteer=gazetteer)
    assert len(seed) == 2
    cyrillic = ("По словам губернатора Курской области, в результате обстрела Пристени погибли два мирных "
                "жителя и ещё пятеро получили ранения; в посёлке повреждены дома, школа и линия электропередачи.")
    pristen = Event(
        event_id="ev-pristen", doc_id="tg-gov", event_date=dt.date(2024, 11, 2), event_date_end=dt.date(2024, 11, 2),
        date_precision=1, date_text="2 ноября", killed=2, wounded=5, casualties_low=7, casualties_best=7,
        casualties_high=7, actor="Civilians", claimed_by="губернатор Курской области",
        locations=(_loc(index, "curated:ru-kursk-pristen", "Пристени"),), geo_precision=1,
        source_url="https://t.me/gubernator_46/1", source_name="Telegram", published=dt.date(2024, 11, 3),
        source_quote=cyrillic, quote_start=0, quote_end=len(cyrillic),
        sources=(_source("tg-gov", cyrillic, channel="@gubernator_46", published="3 Nov 2024"),))
    sudzha = _loc(index, "curated:ru-kursk-sudzha", "Sudzha")
    hostile = Event(
        event_id="ev-hostile", doc_id="hostile", event_date=dt.date(2024, 9, 1), event_date_end=dt.date(2024, 9, 1),
        date_precision=1, date_text="-2 days", killed=7, casualties_low=7, casualties_best=7, casualties_high=7,
        approximate=True, qualifier="+about", actor="Russian forces",
        claimed_by='=HYPERLINK("http://evil.example","click")', locations=(sudzha,), geo_precision=1,
        location_note="@SUM(A1:A9)", source_url="javascript:alert(1)", source_name="<b>bold</b>",
        published=dt.date(2024, 9, 2), source_quote="Seven killed " + PAYLOAD + "\r\nend", quote_start=5,
        quote_end=40, sources=({"doc_id": "hostile", "url": "javascript:alert(1)", "source_name": PAYLOAD},))
    unplaced = Event(
        event_id="ev-unplaced", doc_id="vague", captured=4, casualties_low=4, casualties_best=4, casualties_high=4,
        actor="Ukrainian forces", claimed_by="Russian MoD",
        locations=(EventLocation("Vorozhba", None, None, None, None, None, None, None, None, False,
                                 "context names Kursk Oblast (RU); the known Vorozhbas are in Sumy Oblast (UA)"),),
        source_quote="Four servicemen were captured.", number_of_sources=1,
        sources=({"doc_id": "vague", "url": "", "source_name": "", "published": None, "quote": "Four."},))
    west = [_loc(index, pid) for pid in ("geonames:4752136", "geonames:4367734", "geonames:4773677")]
    faraway = Event(
        event_id="ev-west", doc_id="wire-2", event_date=dt.date(2024, 10, 5), event_date_end=dt.date(2024, 10, 7),
        date_precision=2, date_text="over the weekend", killed_or_wounded=12, casualties_low=10, casualties_best=12,
        casualties_high=14, approximate=True, qualifier="about", locations=tuple(west), geo_precision=2,
        source_name="Wire", published=dt.date(2024, 10, 8), source_quote="About 12 were killed or wounded.",
        number_of_sources=2, sources=(_source("wire-2", "About 12."), _source("wire-3", "Some 12.")))
    return [*seed, pristen, hostile, unplaced, faraway]


def shared_sample_events(gazetteer, index) -> list[Event]:
    """:func:`sample_events`, made once per session."""
    if "events" not in _CACHE:
        _CACHE["events"] = sample_events(gazetteer, index)
    return list(_CACHE["events"])


def exported_sample(gazetteer, index, tmp_path_factory) -> Path:
    """A folder with the sample events in every format (``events.<suffix>``), written once per session."""
    if "exported" not in _CACHE:
        out = tmp_path_factory.mktemp("export")
        result = export_events(shared_sample_events(gazetteer, index), out, formats=list(EXPORTERS), index=index)
        assert result.ok, result.failed
        _CACHE["exported"] = out
    return _CACHE["exported"]
