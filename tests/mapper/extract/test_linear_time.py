"""Hostile report shapes cost work that grows with their length, not with its square.

No test here times anything: a wall-clock limit fails on a loaded machine and passes a slow
algorithm on a fast one. Each test reads a shape at one size and at four times that size and
counts units of work on the way:

* ``lines``: lines of Python executed in the ``mapper`` and ``gazetteer`` packages (each turn of
  a loop or a comprehension counts), traced with :func:`sys.settrace`;
* ``chars``: characters the compiled regexes of the extraction modules walk over (a search
  counts from where it starts to where it stops, a ``finditer`` its whole range, a ``match``
  what it matched);
* ``dates``: sentences read for a date by the extractor (the event-date walk-back);
* ``places``: look-ups of a mention's place (``Mention.place``), which the region fallback does;
* ``context``: place names handed to the gazetteer as context (each resolution's ``near``).

The ``lru_cache`` of every function in those modules is emptied before each count, so a repeated
sentence costs what a new one would. Four times the text may cost at most :data:`GROWTH` times
the work. In the code each test guards against, four times the text cost 9 to 16 times the work
(checked by running these tests on it: the commits before the fixes).
"""

from __future__ import annotations

import datetime
import functools
import importlib
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

#: Allowed growth of work for four times the input: linear, with some slack for edges.
GROWTH = 4.5
#: Modules whose compiled regexes are counted.
MODULES = ("mapper.extract.sides", "mapper.extract.side_clues", "mapper.extract.claimants",
           "mapper.extract.casualties", "mapper.extract.dates", "mapper.extract.extractor",
           "mapper.extract.claim_places", "mapper.extract.event_type", "mapper.extract.cumulative",
           "mapper.extract.headers",
           "mapper.extract.geoparse", "mapper.extract.numbers", "mapper.extract.sentences",
           "mapper.extract.toponym_text", "mapper.extract.toponyms")
PLACES = ("Sudzha", "Plekhovo", "Sumy", "Shebekino", "Korenevo", "Martynovka", "Lgov", "Belgorod",
          "Vorozhba", "Tyotkino", "Glushkovo", "Krasnopillia")
PUBLISHED = datetime.date(2024, 12, 16)


class _CountingPattern:
    """A compiled regex that adds the characters its searches walk over to ``work["chars"]``."""

    def __init__(self, pattern: re.Pattern, work: Counter):
        self._pattern, self._work = pattern, work

    def __getattr__(self, name: str):
        return getattr(self._pattern, name)

    def _range(self, string: str, pos: int, endpos: int | None) -> tuple[int, int]:
        return pos, len(string) if endpos is None else min(endpos, len(string))

    def search(self, string, pos=0, endpos=None):
        pos, endpos = self._range(string, pos, endpos)
        m = self._pattern.search(string, pos, endpos)
        self._work["chars"] += (m.end() if m else endpos) - pos + 1
        return m

    def _anchored(self, method: str, string, pos=0, endpos=None):
        pos, endpos = self._range(string, pos, endpos)
        m = getattr(self._pattern, method)(string, pos, endpos)
        self._work["chars"] += (m.end() - pos if m else 0) + 1
        return m

    def match(self, string, pos=0, endpos=None):
        return self._anchored("match", string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._anchored("fullmatch", string, pos, endpos)

    def finditer(self, string, pos=0, endpos=None) -> Iterator[re.Match]:
        pos, endpos = self._range(string, pos, endpos)
        self._work["chars"] += endpos - pos + 1
        return self._pattern.finditer(string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        pos, endpos = self._range(string, pos, endpos)
        self._work["chars"] += endpos - pos + 1
        return self._pattern.findall(string, pos, endpos)

    def sub(self, repl, string, count=0):
        self._work["chars"] += len(string) + 1
        return self._pattern.sub(repl, string, count)

    def split(self, string, maxsplit=0):
        self._work["chars"] += len(string) + 1
        return self._pattern.split(string, maxsplit)


def _counted(value, work: Counter):
    """``value`` with every compiled regex in it (itself, or inside a list or tuple) counted."""
    if isinstance(value, re.Pattern):
        return _CountingPattern(value, work)
    if isinstance(value, (list, tuple)) and any(isinstance(v, (re.Pattern, list, tuple)) for v in value):
        items = [_counted(v, work) for v in value]
        if isinstance(value, list):
            return items
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    return value


def _clear_caches(module) -> None:
    """Empty the ``lru_cache`` of every function and method defined in ``module``."""
    for value in list(vars(module).values()):
        members = vars(value).values() if isinstance(value, type) and value.__module__ == module.__name__ else ()
        for function in (value, *members):
            clear = getattr(getattr(function, "__func__", function), "cache_clear", None)
            if callable(clear):
                clear()


@pytest.fixture
def work(monkeypatch) -> Counter:
    """Counts of work units while the test runs (see the module doc)."""
    counts: Counter = Counter()
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in list(vars(module).items()):
            counted = _counted(value, counts)
            if counted is not value:
                monkeypatch.setattr(module, attr, counted)
    import mapper.extract.extractor
    from mapper.extract.geoparse import Mention

    read_date = mapper.extract.extractor.resolve_event_date

    def counting_date(text, published):
        counts["dates"] += 1
        return read_date(text, published)

    monkeypatch.setattr(mapper.extract.extractor, "resolve_event_date", counting_date)
    place = Mention.place.fget

    def counting_place(mention):
        counts["places"] += 1
        return place(mention)

    monkeypatch.setattr(Mention, "place", property(counting_place))
    return counts


def _line_tracer(work: Counter):
    """A :func:`sys.settrace` function that counts the lines run in the project's packages."""
    import gazetteer
    import mapper

    roots = tuple(str(Path(package.__file__).parent) + os.sep for package in (mapper, gazetteer))
    ours: dict[str, bool] = {}

    def count(frame, event, arg):
        if event == "line":
            work["lines"] += 1
        return count

    def call(frame, event, arg):
        filename = frame.f_code.co_filename
        mine = ours.get(filename)
        if mine is None:
            mine = ours[filename] = filename.startswith(roots)
        return count if mine else None

    return call


def measure(work: Counter, run: Callable[[int], object], size: int) -> tuple[Counter, Counter]:
    """The work of ``run(size)`` and of ``run(4 * size)``, each from empty caches, after a first
    run that is not counted (it imports and builds what any first report needs)."""
    run(size)
    found = []
    for n in (size, 4 * size):
        for name in MODULES:
            _clear_caches(importlib.import_module(name))
        work.clear()
        previous = sys.gettrace()
        sys.settrace(_line_tracer(work))
        try:
            run(n)
        finally:
            sys.settrace(previous)
        found.append(Counter(work))
    return found[0], found[1]


def assert_linear(small: Counter, large: Counter, *units: str) -> None:
    """Each of ``units`` grew at most :data:`GROWTH` times (the counts are printed: pytest shows them)."""
    print("one size:", dict(small), "four times:", dict(large))
    for unit in units:
        assert small[unit] > 0, (unit, small)
        assert large[unit] <= GROWTH * small[unit], (
            f"{unit}: {small[unit]} for one size, {large[unit]} for four times it "
            f"({large[unit] / small[unit]:.1f}x)")


def repeated(unit: Callable[[int], str], size: int) -> str:
    """``unit(0) + unit(1) + ...`` up to ``size`` characters."""
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(unit(i))
        n += len(parts[-1])
        i += 1
    return "".join(parts)


def claim(i: int, end: str = ". ") -> str:
    """One claim; the figure and the place vary, as in a real list of claims."""
    return f"{i % 97 + 2} soldiers were killed near {PLACES[i * 7 % len(PLACES)]}{end}"


@pytest.fixture
def extract(gazetteer) -> Callable[[str], list]:
    """Events of one text, with a new extractor each time (its spotter remembers what it read)."""
    from mapper.ingest.documents import Document
    from mapper.extract.extractor import Extractor

    def run(text: str) -> list:
        return Extractor(gazetteer).extract(Document("hostile", text, published=PUBLISHED))[0]
    return run


# --- shapes of issue 14 ---------------------------------------------------------------------------

def test_claims_in_one_paragraph_cost_work_linear_in_their_number(work, extract):
    """"N soldiers were killed near X. " repeated: each claim searched the whole paragraph for
    its side and walked back through every earlier sentence for a date."""
    small, large = measure(work, lambda n: extract(repeated(claim, n)), 10_000)
    assert_linear(small, large, "lines", "chars", "dates")


def test_claims_on_one_line_with_a_date_at_the_top_cost_work_linear_in_their_number(work, extract):
    """The walk-back that finds "On Saturday" far up the line stops where the last one stopped."""
    def run(n: int) -> None:
        events = extract("On Saturday, the border villages were shelled. " + repeated(claim, n))
        near_the_date = [e for e in events if e.quote_end < 5_000]   # in its window (see below)
        assert near_the_date and all(e.event_date == datetime.date(2024, 12, 14) for e in near_the_date)
    small, large = measure(work, run, 10_000)
    assert_linear(small, large, "lines", "chars", "dates")


def test_run_on_claims_joined_by_commas_cost_work_linear_in_their_length(work, extract):
    small, large = measure(work, lambda n: extract(repeated(functools.partial(claim, end=", "), n)), 25_000)
    assert_linear(small, large, "lines", "chars", "dates")


def test_claims_without_places_fall_back_on_a_region_in_work_linear_in_their_number(work, extract):
    """One line per claim, the regions on other lines: each claim counted every region of the report."""
    def run(n: int) -> None:
        text = repeated(lambda i: "Shelling hit the Kursk region.\n" if i % 2 else "Five soldiers were killed.\n", n)
        events = extract(text)
        assert events and all(e.location_note == "region named elsewhere in the report" for e in events)
    small, large = measure(work, run, 10_000)
    assert_linear(small, large, "lines", "places", "chars")


def test_a_long_line_is_read_in_windows_of_whole_sentences():
    """A paragraph of megabytes is read as windows of at most MAX_PARAGRAPH_CHARS (give or take a
    sentence): what a claim borrows from "its paragraph" then stays near it."""
    from mapper.extract.sentences import MAX_PARAGRAPH_CHARS, MAX_SENTENCE_CHARS, split_sentences

    line = repeated(claim, 10 * MAX_PARAGRAPH_CHARS)
    text = "A first paragraph.\n\n" + line + "\n\nThe last one."
    sentences = split_sentences(text)
    windows: dict[int, list] = {}
    for s in sentences:
        windows.setdefault(s.paragraph, []).append(s)
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)
    assert 10 <= len(windows) - 2 <= 11
    assert all(w[-1].end - w[0].start <= MAX_PARAGRAPH_CHARS + MAX_SENTENCE_CHARS for w in windows.values())
    assert "".join(text[s.start:s.end] + " " for s in sentences[1:-1]) == line   # nothing lost or cut
    short = "One. Two.\n\nThree.\n\n\n\nFour."
    assert [s.paragraph for s in split_sentences(short)] == [0, 0, 1, 2]       # short ones as before


# --- shapes fixed before: these replaced wall-clock limits ----------------------------------------

def test_a_report_of_one_number_word_repeated_is_read_in_linear_work(work):
    from mapper.extract.numbers import find_numbers

    def run(n: int) -> None:
        assert len(find_numbers("one " * n)) == n
        assert find_numbers("hundred and " * (n // 4)) == []
    small, large = measure(work, run, 5_000)
    assert_linear(small, large, "lines", "chars")


def test_one_sentence_of_thousands_of_figures_is_read_in_linear_work(work):
    from mapper.extract.casualties import find_figures

    def run(n: int) -> None:
        assert len(find_figures("killed 5, " * n)) == n
    small, large = measure(work, run, 2_000)
    assert_linear(small, large, "lines", "chars")


def test_a_report_of_thousands_of_one_line_claims_is_extracted_in_linear_work(work, extract):
    def run(n: int) -> None:
        assert len(extract("Five were killed on the road.\n" * n)) == n
    small, large = measure(work, run, 1_500)
    assert_linear(small, large, "lines", "chars", "dates")


def test_a_long_sentence_of_figures_without_a_side_is_extracted_in_linear_work(work, extract):
    def run(n: int) -> None:
        events = extract("five killed, " * n)
        assert events and all(event.killed == 5 for event in events)   # read clause by clause
    small, large = measure(work, run, 250)
    assert_linear(small, large, "lines", "chars", "dates")


def test_a_sentence_listing_thousands_of_places_is_geoparsed_in_linear_work(work, gazetteer, monkeypatch):
    from gazetteer import Gazetteer
    from mapper.extract.geoparse import Geoparser

    resolve = Gazetteer.resolve

    def counting_resolve(self, name, ctx=None, *args, **kwargs):
        work["context"] += 1 + len(getattr(ctx, "near", ()) or ())
        return resolve(self, name, ctx, *args, **kwargs)

    monkeypatch.setattr(Gazetteer, "resolve", counting_resolve)

    def run(n: int) -> None:
        assert len(Geoparser(gazetteer).parse("Sudzha, " * n)) == n
    small, large = measure(work, run, 500)
    assert_linear(small, large, "lines", "context", "chars")
