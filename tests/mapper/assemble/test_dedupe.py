"""Copies of one report count once; the same text from two outlets counts twice."""

import datetime as dt

import pytest

from mapper.assemble.dedupe import distinct_sources, normalise_text
from mapper.extract.extractor import extract_events
from mapper.ingest.report import Document
from mapper.model.source import Source

REPORT = ("On Tuesday a drone strike on the village of Velyka Pysarivka killed two civilians and wounded "
          "three, the regional governor said.")
DAY = dt.date(2024, 12, 17)


def _doc(i: int, text: str = REPORT, outlet: str = "Sumy Daily", url: str = "") -> Document:
    return Document(id=f"copy{i}", text=text, published=DAY, source_name=outlet, url=url)


@pytest.mark.parametrize("url", ["", "https://sumy.example/news/1"])
def test_two_hundred_copies_of_one_report_are_one_source(url):
    events = extract_events([_doc(i, url=url) for i in range(200)], merge=True)
    assert len(events) == 1
    ev = events[0]
    assert ev.killed == 2 and ev.wounded == 3
    assert ev.number_of_sources == 1 and len(ev.sources) == 1
    source = ev.sources[0]
    assert (source.source_name, source.url or "", source.published) == ("Sumy Daily", url, DAY.isoformat())


def test_the_same_text_from_two_outlets_is_two_sources():
    docs = [_doc(i, outlet="Sumy Daily") for i in range(3)] + [_doc(i + 3, outlet="Kyiv Wire") for i in range(3)]
    events = extract_events(docs, merge=True)
    assert len(events) == 1 and events[0].number_of_sources == 2
    assert sorted(s.source_name for s in events[0].sources) == ["Kyiv Wire", "Sumy Daily"]


def test_the_same_text_at_two_urls_of_one_outlet_is_two_sources():
    docs = [_doc(0, url="https://sumy.example/a"), _doc(1, url="https://sumy.example/b")]
    assert [ev.number_of_sources for ev in extract_events(docs, merge=True)] == [2]


def test_whitespace_and_markup_variants_from_one_outlet_count_once():
    variants = [REPORT, REPORT.replace(" a drone", "  a\u200b drone"), REPORT.replace("the regional", "the\u00a0\tregional"),
                REPORT.replace("drone strike", "<b>drone strike</b>"), REPORT.replace("drone strike", "*drone strike*")]
    events = extract_events([_doc(i, text=v) for i, v in enumerate(variants)], merge=True)
    assert len(events) == 1 and events[0].number_of_sources == 1 and len(events[0].sources) == 1


def test_a_different_text_from_the_same_outlet_is_another_source():
    other = "Two civilians were killed and three wounded when a drone hit Velyka Pysarivka on Tuesday, officials said."
    events = extract_events([_doc(0), _doc(1), _doc(2, text=other)], merge=True)
    assert len(events) == 1 and events[0].number_of_sources == 2


def test_case_is_kept_and_sources_without_a_quote_are_told_apart_by_document():
    assert normalise_text("Two KILLED") != normalise_text("two killed")
    assert normalise_text("snake_case stays, _emphasis_ goes") == "snake_case stays, emphasis goes"
    copies = [Source("a", quote="3 killed"), Source("b", quote=" 3\u00a0killed"), Source("c"), Source("d")]
    assert [s.doc_id for s in distinct_sources(copies)] == ["a", "c", "d"]


def test_a_claim_repeated_in_one_report_joins_the_copies_of_that_report_elsewhere():
    # Folding copies must group as pairing does: a repeat in the first document merges with the
    # other document's copy (different documents), so all three are one event.
    from mapper.assemble.merge import merge_events
    from mapper.model.events import Event, EventLocation

    loc = EventLocation("Testville", "Testville", 50.9, 34.8, "UA", "Sumy Oblast", None, "test:testville", 1, True, "")
    src = {"url": None, "source_name": "Outlet", "published": "2024-12-17", "quote": "Two were killed in Testville."}

    def ev(eid: str, doc: str) -> Event:
        return Event(event_id=eid, doc_id=doc, event_date=DAY, event_date_end=DAY, killed=2, casualties_low=2,
                     casualties_best=2, casualties_high=2, locations=(loc,), sources=({"doc_id": doc, **src},))

    merged = merge_events([ev("e1", "x"), ev("e2", "x"), ev("e3", "y")])
    assert len(merged) == 1 and merged[0].number_of_sources == 1
    assert len(merge_events([ev("e1", "x"), ev("e2", "x")])) == 2


def test_the_deck_and_the_run_summary_count_two_hundred_copies_as_one_report():
    from mapper.pipeline import RunResult, summarise as run_summary
    from mapper.render.briefing.sources import outlet_groups
    from mapper.render.briefing.summary import summarise

    events = extract_events([_doc(i) for i in range(200)] + [_doc(200, outlet="Kyiv Wire")], merge=True)
    assert summarise(events).reports == 2  # the title slide's "from 2 reports"
    assert sum(len(g.reports) for g in outlet_groups(events)) == 2  # the sources slides list each report once
    lines = run_summary(RunResult(documents=201, events=events))
    assert lines[:2] == ["reports read: 201", "distinct reports behind the events: 2"]
