"""The report corpus: fictional reports in the styles analysts meet, and the events a coder expects.

``tests/data/reports/`` holds wire stories, ministry statements (Russian MoD, Ukrainian General
Staff), ISW-style updates, governor and regional-administration Telegram posts in Russian and
Ukrainian, a live blog (HTML), a scraper's JSON object and a JSON-lines Telegram export. Every
report is a test fixture: the place names are real, the events are invented. ``expected.json``
says, per document, which events an ACLED/UCDP coder would code from it (figures, actor,
claimant, places, precision, dates) and names the library's current wrong behaviour where the
pipeline does not (yet) produce them; those cases are strict xfails.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path

import pytest

from mapper.ingest.documents import SUFFIXES, read_documents
from mapper.model.events import CATEGORIES
from mapper.extract.extractor import extract_events

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
EXPECTED = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
DOCS: list[dict] = EXPECTED["documents"]
MERGED: dict = EXPECTED["merged"]
BBOX: dict = EXPECTED["theatre_bbox"]
BY_ID = {entry["id"]: entry for entry in DOCS}


def _xfail(reason: str | None) -> list:
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


COUNT_CASES = [pytest.param(e, id=e["id"], marks=_xfail(e.get("count_xfail"))) for e in DOCS]
EVENT_CASES = [pytest.param(e, i, id=f"{e['id']}#{i}", marks=_xfail(ev.get("xfail")))
               for e in DOCS for i, ev in enumerate(e["events"])]


# --- reading and extracting -------------------------------------------------------------------

def _read_file(name: str, published: str | None) -> list:
    errors: list = []
    docs = list(read_documents([REPORTS / name], published=_date(published), errors=errors))
    assert not errors, [str(e) for e in errors]
    return docs


def _corpus_documents() -> list:
    """Every document of the corpus, each file read once (with its explicit publication date, if any)."""
    files: dict[str, str | None] = {}
    for entry in DOCS:
        files.setdefault(entry["file"], entry.get("published"))
    return [doc for name, published in files.items() for doc in _read_file(name, published)]


@pytest.fixture(scope="module")
def extracted(gazetteer):
    """``get(entry) -> (document, events)``: one file read, its events extracted with ``merge=False``."""
    cache: dict[str, tuple] = {}

    def get(entry: dict):
        if entry["id"] not in cache:
            docs = [d for d in _read_file(entry["file"], entry.get("published")) if d.id == entry["id"]]
            assert len(docs) == 1, f"{entry['file']}: expected one document with id {entry['id']!r}"
            cache[entry["id"]] = (docs[0], extract_events(docs, gazetteer=gazetteer, merge=False))
        return cache[entry["id"]]

    return get


@pytest.fixture(scope="module")
def corpus(gazetteer):
    """All documents together: ``(events with merge=False, events with merge=True)``."""
    docs = _corpus_documents()
    return (extract_events(docs, gazetteer=gazetteer, merge=False),
            extract_events(docs, gazetteer=gazetteer, merge=True))


# --- comparing ----------------------------------------------------------------------------------

def _figures(ev) -> dict:
    return {c: getattr(ev, c) for c in CATEGORIES}


def _summary(ev) -> str:
    figs = {c: v for c, v in _figures(ev).items() if v is not None}
    places = [loc.name or f"{loc.mention}?" for loc in ev.locations]
    return (f"{figs} actor={ev.actor!r} claimed_by={ev.claimed_by!r} places={places} "
            f"geo_precision={ev.geo_precision} date={ev.event_date}..{ev.event_date_end}/{ev.date_precision}")


def _mismatches(ev, expected: dict) -> list[str]:
    """Every listed field of ``expected`` that ``ev`` gets wrong, as readable lines."""
    resolved = [loc for loc in ev.locations if loc.resolved]
    actual = {
        "casualties_low": ev.casualties_low, "casualties_best": ev.casualties_best,
        "casualties_high": ev.casualties_high, "approximate": ev.approximate, "actor": ev.actor,
        "geo_precision": ev.geo_precision, "date_precision": ev.date_precision,
        "number_of_sources": ev.number_of_sources,
        "event_date": ev.event_date.isoformat() if ev.event_date else None,
        "event_date_end": ev.event_date_end.isoformat() if ev.event_date_end else None,
        "geometry": ev.geometry.geom_type if ev.geometry is not None else None,
        "places": sorted({loc.name for loc in resolved}),
        "unresolved": sorted({loc.mention for loc in ev.locations if not loc.resolved}),
        "country_codes": sorted({loc.country_code for loc in resolved}),
        "admin1": sorted({loc.admin1 for loc in resolved}),
    }
    wrong = []
    for key, got in actual.items():
        if key not in expected:
            continue
        want = sorted(set(expected[key])) if isinstance(expected[key], list) else expected[key]
        if got != want:
            wrong.append(f"{key}: expected {want!r}, got {got!r}")
    if "claimed_by" in expected and expected["claimed_by"] not in ev.claimed_by:
        wrong.append(f"claimed_by: expected to contain {expected['claimed_by']!r}, got {ev.claimed_by!r}")
    return wrong


def _matching(events, expected: dict) -> list:
    want = {c: expected.get(c) for c in CATEGORIES}
    return [ev for ev in events if _figures(ev) == want]


def _in_theatre(loc) -> bool:
    return (loc.country_code in BBOX["countries"] and BBOX["lat_min"] <= loc.latitude <= BBOX["lat_max"]
            and BBOX["lon_min"] <= loc.longitude <= BBOX["lon_max"])


# --- the corpus itself ----------------------------------------------------------------------------

def test_every_report_file_has_expectations_and_the_corpus_covers_the_formats():
    files = sorted(p.name for p in REPORTS.iterdir()
                   if p.suffix.lower() in SUFFIXES and p.name != "expected.json")
    described = {entry["file"] for entry in DOCS}
    assert set(files) == described, set(files) ^ described
    assert len(files) >= 25
    suffixes = Counter(Path(f).suffix for f in files)
    assert suffixes[".txt"] >= 20 and suffixes[".html"] >= 1 and suffixes[".json"] >= 1 and suffixes[".jsonl"] >= 1
    assert len(BY_ID) == len(DOCS), "document ids must be unique"
    for name in files:
        head = (REPORTS / name).read_text(encoding="utf-8")[:400].lower()
        assert "fixture" in head or "тестов" in head, f"{name}: no 'test fixture' marker at the top"


# --- per report -------------------------------------------------------------------------------------

@pytest.mark.parametrize("entry", COUNT_CASES)
def test_report_yields_the_expected_number_of_events(entry, extracted):
    doc, events = extracted(entry)
    if "expect_published" in entry:
        assert doc.published == _date(entry["expect_published"])
    assert len(events) == len(entry["events"]), "\n".join(map(_summary, events))


@pytest.mark.parametrize(("entry", "index"), EVENT_CASES)
def test_expected_event(entry, index, extracted):
    expected = entry["events"][index]
    _, events = extracted(entry)
    matches = _matching(events, expected)
    want = {c: expected[c] for c in CATEGORIES if c in expected}
    assert len(matches) == 1, (f"expected one event with figures {want}, found {len(matches)} among:\n"
                               + "\n".join(map(_summary, events)))
    wrong = _mismatches(matches[0], expected)
    assert not wrong, "\n".join([_summary(matches[0]), *wrong])


# --- merging ---------------------------------------------------------------------------------------

def _merged_pair(merged) -> list:
    return [ev for ev in merged if ev.number_of_sources > 1]


def test_duplicate_reports_merge_into_one_event_and_nothing_else_merges(corpus):
    unmerged, merged = corpus
    pair = _merged_pair(merged)
    assert len(pair) == 1, "\n".join(map(_summary, pair))
    ev = pair[0]
    assert ev.number_of_sources == 2
    assert sorted({s.doc_id for s in ev.sources}) == sorted(MERGED["doc_ids"])
    # the two inputs of the merge, and the most conservative figures
    parts = [e for e in _matching(unmerged, MERGED) if e.doc_id in MERGED["doc_ids"]]
    assert sorted(e.doc_id for e in parts) == sorted(MERGED["doc_ids"])
    for field in (*CATEGORIES, "casualties_low", "casualties_best", "casualties_high"):
        values = [getattr(e, field) for e in parts if getattr(e, field) is not None]
        assert getattr(ev, field) == (min(values) if values else None), field
    wrong = _mismatches(ev, {k: v for k, v in MERGED.items() if k not in ("event_date", "event_date_end")})
    assert not wrong, "\n".join([_summary(ev), *wrong])
    # every other event comes through unchanged
    assert len(merged) == len(unmerged) - 1
    assert all(e.number_of_sources == 1 for e in merged if e is not ev)
    unmerged_ids = Counter(e.event_id for e in unmerged)
    assert all(unmerged_ids[e.event_id] == 1 for e in merged if e is not ev)


def test_merged_event_keeps_the_weekend_dates(corpus):
    _, merged = corpus
    pair = _merged_pair(merged)
    assert len(pair) == 1
    assert (pair[0].event_date, pair[0].event_date_end) == (_date(MERGED["event_date"]),
                                                            _date(MERGED["event_date_end"]))


# --- geometry -----------------------------------------------------------------------------------------

def test_every_event_has_one_consistent_geometry_inside_the_theatre(corpus):
    unmerged, _ = corpus
    assert unmerged
    problems = []
    claims = Counter()
    for ev in unmerged:
        where = f"{ev.doc_id}: {_summary(ev)}"
        # one event per claim: never one row per village with the figure copied
        claims[(ev.doc_id, ev.sources[0].quote, ev.actor)] += 1
        points = {(loc.longitude, loc.latitude) for loc in ev.locations if loc.has_point}
        geom = ev.geometry
        if not points:
            if geom is not None:
                problems.append(f"{where}: geometry without a resolved place")
            continue
        kind = "Point" if len(points) == 1 else "MultiPoint"
        if geom is None or geom.geom_type != kind:
            problems.append(f"{where}: {len(points)} place(s) but geometry {geom and geom.geom_type}")
            continue
        if kind == "MultiPoint" and (len(geom.geoms) != len(points) or ev.geo_precision != 2):
            problems.append(f"{where}: MultiPoint of {len(geom.geoms)} for {len(points)} places, "
                            f"geo_precision {ev.geo_precision}")
        if (ev.latitude, ev.longitude) != (round(geom.centroid.y, 6), round(geom.centroid.x, 6)):
            problems.append(f"{where}: representative point is not the geometry's centroid")
        outside = [loc.name for loc in ev.locations if loc.has_point and not _in_theatre(loc)]
        if outside:
            problems.append(f"{where}: places outside the RU/UA border theatre: {outside}")
    problems += [f"{key[0]}: {n} events for one claim ({key[1][:60]!r})" for key, n in claims.items() if n > 1]
    assert not problems, "\n".join(problems)

