"""Merging costs work that grows with the number of events, not with the square of one document's claims.

A 5 MB one-line report holds about 130,000 claims of a dozen places, all dated by the report:
thousands of claims of one document share a figure, a place and a week. Nothing here times
anything. Each test merges a shape at one size and at four times that size and counts lines of
Python run in the ``mapper`` and ``gazetteer`` packages (each turn of a loop or a comprehension
counts, traced with :func:`sys.settrace`), the candidate pairs handed out and the calls of
:func:`mapper.assemble.merge.same_event`. Four times the events may cost at most :data:`GROWTH` times the
work. When every event of a key was kept in one list and the same document's events dropped one by
one, four times the claims of one long report cost 8.8 times the lines, and 6.6 times with three
short reports beside it (checked by running these tests on that code).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import gazetteer
import mapper
import mapper.assemble.merge as merge
from mapper.model.events import Event, EventLocation
from mapper.assemble.merge_candidates import candidate_pairs

#: Allowed growth of work for four times the events: linear, with some slack.
GROWTH = 4.5
#: Twelve places (test coordinates, at least 50 km apart: no two of them merge).
PLACES = tuple((f"test:place-{k}", 51.0 + 0.5 * (k % 4), 35.0 + 0.8 * (k // 4)) for k in range(12))
DAY = dt.date(2024, 12, 16)
_PACKAGES = tuple(str(Path(m.__file__).resolve().parent) for m in (mapper, gazetteer))


def claim(doc: str, i: int, figures: int = 1) -> Event:
    """The ``i``-th claim of ``doc``, dated ``DAY``: the places in turn, the figure the next of
    ``figures`` after each round of the places (claims 0 to 35 are 36 different ones for 3 figures;
    with one figure, every twelfth claim is the same)."""
    pid, lat, lon = PLACES[i * 7 % len(PLACES)]
    loc = EventLocation(pid, pid, lat, lon, "RU", "Kursk Oblast", None, pid, 1, True, "")
    killed = 2 + i // len(PLACES) % figures
    return Event(event_id=f"ev-{doc}-{i:06d}", doc_id=doc, event_date=DAY, event_date_end=DAY, date_precision=2,
                 killed=killed, casualties_low=killed, casualties_best=killed, casualties_high=killed,
                 locations=(loc,), sources=({"doc_id": doc},))


def count_work(run: Callable[[], object]) -> Counter:
    """Lines run in the project's packages, candidate pairs and ``same_event`` calls while ``run`` runs."""
    work: Counter = Counter()
    counted_same_event = merge.same_event
    counted_pairs = merge.candidate_pairs

    def same_event(a: Event, b: Event) -> bool:
        work["same_event"] += 1
        return counted_same_event(a, b)

    def pairs(*args, **kwargs):
        for pair in counted_pairs(*args, **kwargs):
            work["pairs"] += 1
            yield pair

    def lines(frame, event, arg):
        if event == "line":
            work["lines"] += 1
        return lines

    def call(frame, event, arg):
        return lines if frame.f_code.co_filename.startswith(_PACKAGES) else None

    merge.same_event, merge.candidate_pairs = same_event, pairs
    previous = sys.gettrace()
    sys.settrace(call)
    try:
        run()
    finally:
        sys.settrace(previous)
        merge.same_event, merge.candidate_pairs = counted_same_event, counted_pairs
    return work


def assert_linear(small: Counter, large: Counter) -> None:
    for unit in ("lines", "pairs", "same_event"):
        assert large[unit] <= GROWTH * max(small[unit], 1), (unit, small[unit], large[unit])


def test_one_documents_claims_of_one_figure_place_and_week_are_filed_in_linear_work():
    def run(n: int) -> Callable[[], object]:
        events = [claim("report", i) for i in range(n)]
        return lambda: list(candidate_pairs(events, days=merge.DATE_TOLERANCE_DAYS, km=merge.PLACE_TOLERANCE_KM))

    small, large = count_work(run(800)), count_work(run(3200))
    assert small["lines"] > 800 and large["pairs"] == 0
    assert_linear(small, large)


def test_a_long_report_merged_with_short_ones_costs_work_linear_in_its_claims():
    # One long report and three short ones that repeat its claim at each place: every claim of the
    # long report merges with its short reports' copies, so the pairs are linear too.
    def run(n: int) -> Callable[[], object]:
        short = [claim(f"short{d}", i) for d in range(3) for i in range(len(PLACES))]
        events = [claim("long", i) for i in range(n)] + short
        return lambda: merge.merge_events(events)

    small, large = count_work(run(800)), count_work(run(3200))
    assert small["same_event"] >= 800 and small["pairs"] >= 800
    assert_linear(small, large)
    merged = merge.merge_events([claim("long", i) for i in range(400)]
                                + [claim(f"short{d}", i) for d in range(3) for i in range(len(PLACES))])
    assert len(merged) == len(PLACES) and all(ev.number_of_sources == 4 for ev in merged)


def test_many_short_reports_each_claim_in_two_cost_work_linear_in_their_number():
    # Reports of two claims each, every claim in two reports, no two claims alike (figures up to 1000).
    def run(n: int) -> Callable[[], object]:
        events = [claim(f"copy{i % 2}-report{i // 4}", i // 2, figures=1000) for i in range(n)]
        return lambda: merge.merge_events(events)

    small, large = count_work(run(800)), count_work(run(3200))
    assert small["pairs"] == 400 and large["pairs"] == 1600
    assert_linear(small, large)


def test_copies_of_one_report_merge_into_one_source_in_linear_work():
    # Every document a copy of one report of twelve claims: each claim's copies fold into one source.
    def copies(n: int) -> list[Event]:
        events = [claim(f"copy{d}", i) for d in range(n // len(PLACES)) for i in range(len(PLACES))]
        return [merge.replace(ev, sources=({"doc_id": ev.doc_id, "url": None, "source_name": "Outlet",
                                            "published": "2024-12-16", "quote": f"Claim {ev.event_id[-6:]}"},))
                for ev in events]

    small_events, large_events = copies(800), copies(3200)
    small = count_work(lambda: merge.merge_events(small_events))
    large = count_work(lambda: merge.merge_events(large_events))
    assert small["same_event"] >= 700
    assert_linear(small, large)
    merged = merge.merge_events(large_events)
    assert len(merged) == len(PLACES) and all(ev.number_of_sources == 1 and len(ev.sources) == 1 for ev in merged)
