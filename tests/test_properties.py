"""Property tests: whatever text or table arrives, the parsers do not crash and their answers hold together.

Hypothesis generates the inputs: random Unicode, and text built from real place names of the
bundled curated table, numbers in digits and words, casualty words and punctuation. Checked:

- the normaliser: :func:`~gazetteer.normalize.fold` is idempotent (a normal form), and
  :func:`~gazetteer.normalize.name_key` does not change when its input is folded first.
  ``name_key`` itself is *not* idempotent, on purpose: its skeleton rules are ordered so that
  Ukrainian "zgh" (зг) and "zh" (ж) keep apart (``name_key("Zgurivka") == "zhurivka"``, but
  ``name_key("zhurivka") == "zurivka"``);
- numbers, casualty figures and the extractor: no exception, every span inside the text and
  equal to the text it points at, figures non-negative, ``low <= best <= high``;
- the GeoNames, curated and OSM loaders: no exception on any row, every bad row counted in the
  :class:`~gazetteer.loaders.LoadReport`, no place with an impossible coordinate.

The example counts are sized for CI (this file runs in well under a minute).
``CONFLICTMAP_PROPERTY_SCALE`` multiplies all of them; ``benchmarks/bench_properties.py`` uses it
to run more than 100,000 generated inputs and times them::

    CONFLICTMAP_PROPERTY_SCALE=10 python -m pytest -q tests/test_properties.py
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import os
import shutil
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gazetteer import ConflictMapError, Gazetteer, LoadReport, PlaceIndex
from gazetteer.loaders import LOADERS, detect_kind, read_alternate_names, read_curated, read_geonames, read_osm_settlements
from gazetteer.normalize import fold, name_key, transliterate
from gazetteer.paths import DATA_DIR
from mapper.extract.casualties import CATEGORIES, find_figures
from mapper.ingest.documents import Document
from mapper.model.events import Event
from mapper.extract.extractor import Extractor
from mapper.extract.numbers import find_numbers, parse_number

SCALE = float(os.environ.get("CONFLICTMAP_PROPERTY_SCALE", "1"))
#: Examples run per test, by test name (read by benchmarks/bench_properties.py).
RUNS: Counter = Counter()
_SCRATCH = tempfile.TemporaryDirectory(prefix="conflictmap-properties-")


def examples(n: int):
    """Hypothesis settings: ``n`` examples times the scale, no deadline, no example database on disk."""
    return settings(max_examples=max(1, round(n * SCALE)), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def counted(test):
    """Count each example a test runs in :data:`RUNS`."""
    @functools.wraps(test)
    def run(*args, **kwargs):
        RUNS[test.__name__] += 1
        return test(*args, **kwargs)
    return run


def check_span(text: str, start: int, end: int, quoted: str) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))
    assert text[start:end] == quoted


# --- vocabulary -----------------------------------------------------------------------------

@functools.cache
def place_names() -> list[str]:
    """Every name and alternate name (Latin, Russian, Ukrainian) of the bundled curated table."""
    places = read_curated(DATA_DIR / "theatre_places.tsv.gz")
    return sorted({n for p in places for n in (p.name, *p.alternate_names)})


NUMBER_WORDS = ["three", "twenty-five", "one hundred and twenty", "a dozen", "half a dozen", "dozens",
                "hundreds", "tens of thousands", "several", "двое", "троє", "п’ятеро", "тридцать", "сорок",
                "1,200", "1 200", "12.000", "8-12", "2.5", "Su-34", "14.12.2024", "03:00", "30%", "94th"]
CASUALTY_WORDS = ["killed", "wounded", "injured", "were killed or wounded", "missing", "captured",
                  "taken prisoner", "casualties", "lost", "погибли", "ранены", "убиты", "пропали без вести",
                  "загинули", "поранені", "потери", "втрати"]
GLUE = ["soldiers", "troops", "civilians", "North Korean", "Russian", "Ukrainian", "forces", "near", "in",
        "the village of", "Kursk region", "Sumy Oblast", "Курской области", "військових", "about", "at least",
        "up to", "between", "and", "no", "said", "GUR", "on Saturday", "last week", "Dec. 14-15", "Mr.", "."]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " — ", ": ", "; ", "-", "\t"]
QUALIFIERS = ["", "about ", "at least ", "up to ", "approximately ", "more than ", "около ", "не менее "]
SUBJECTS = ["", "North Korean soldiers ", "Russian troops ", "Ukrainian servicemen ", "civilians ",
            "военнослужащих ", "мирных жителей ", "окупантів "]
VERBS = ["were killed", "killed", "wounded", "were killed or wounded", "are missing", "were captured",
         "погибли", "ранены", "загинули", "поранені", "пропали без вести"]
WHERE = ["", " near ", " in ", " around the villages of ", " под ", " в ", " біля ", ", "]
TAILS = ["", " in the Kursk region", ", Sumy Oblast", " Курской области", ", Ukraine's GUR said",
         " over the weekend", " on Dec. 14", "."]

any_text = st.text(max_size=200)
numbers = st.one_of(st.integers(0, 10**9).map(str), st.sampled_from(NUMBER_WORDS),
                    st.tuples(st.integers(0, 999), st.integers(0, 999)).map("between {0[0]} and {0[1]}".format),
                    st.tuples(st.integers(0, 999), st.integers(0, 999)).map("{0[0]}-{0[1]}".format))
claims = st.builds("{}{} {}{}{}{}{}".format, st.sampled_from(QUALIFIERS), numbers, st.sampled_from(SUBJECTS),
                   st.sampled_from(VERBS), st.sampled_from(WHERE), st.sampled_from(place_names()),
                   st.sampled_from(TAILS))
words = st.one_of(st.sampled_from(place_names()), st.sampled_from(NUMBER_WORDS + CASUALTY_WORDS + GLUE),
                  st.integers(0, 10**6).map(str), st.text(max_size=8))


def joined(pieces) -> st.SearchStrategy[str]:
    """Text made of ``pieces`` joined by spaces, punctuation and line breaks."""
    return st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=40).map(
        lambda parts: "".join(p + s for p, s in parts))


report_text = st.one_of(joined(words), joined(st.one_of(claims, claims, words)), any_text)


# --- the normaliser ----------------------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzäöüéèêëáàâçčšžřłńśźżęąóúíýěůőűабвгдеёжзийклмнопрстуфхцчшщъыьэюяґєії'’ʼ- "
name_like = st.text(alphabet=LETTERS, min_size=1, max_size=30)
#: Scholarly romanisation letters: name_key spells them out (š -> sh) before folding would drop the caron.
SCHOLARLY = set("šžčŝĉẑ")


@examples(1000)
@given(st.one_of(any_text, name_like, st.sampled_from(place_names())))
@example("𝑨")           # compatibility letters decomposing to capitals: fold was not idempotent
@example("ℌℓⓀ")
@counted
def test_fold_is_a_normal_form(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip() and "  " not in folded
    assert not set(folded) & set("'’ʼ`-ё_")
    if not SCHOLARLY & set(unicodedata.normalize("NFKC", text).casefold()):
        assert name_key(folded) == name_key(text)      # the key starts by folding
    assert transliterate(transliterate(folded)) == transliterate(folded)


@examples(800)
@given(name_like)
@counted
def test_fold_ignores_case_diacritic_encoding_and_padding(name):
    folded = fold(name)
    assert fold(name.upper()) == folded
    assert fold(unicodedata.normalize("NFD", name)) == folded
    assert fold(f"  {name}\t- ") == folded
    assert name_key(name.upper()) == name_key(name)


@examples(600)
@given(st.sampled_from(place_names()))
@counted
def test_every_name_of_the_table_has_a_key_whatever_its_case_and_unicode_form(name):
    key = name_key(name)
    assert key and key == name_key(unicodedata.normalize("NFD", name)) == name_key(name.upper())
    assert key == key.strip() and "  " not in key


# --- numbers -------------------------------------------------------------------------------------

@examples(800)
@given(st.one_of(joined(words), any_text))
@counted
def test_find_numbers_spans_are_in_order_and_values_non_negative(text):
    end = 0
    for m in find_numbers(text):
        check_span(text, m.start, m.end, m.text)
        assert m.start >= end and m.end > m.start and m.value >= 0
        end = m.end


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def english(n: int, hyphen: str = "-", conjunction: str = " and ") -> str:
    """``n`` (< 10**9) in English words: 125 -> "one hundred and twenty-five"."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + (hyphen + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        return _UNITS[n // 100] + " hundred" + (conjunction + english(n % 100, hyphen) if n % 100 else "")
    for scale, word in ((10**6, "million"), (1000, "thousand")):
        if n >= scale:
            rest = n % scale
            return english(n // scale, hyphen, conjunction) + f" {word}" + (
                (conjunction if rest < 100 else " ") + english(rest, hyphen, conjunction) if rest else "")
    raise ValueError(n)


@examples(800)
@given(st.integers(0, 10**9 - 1), st.sampled_from(["-", " "]), st.sampled_from([" and ", " "]),
       st.sampled_from(["{}", "{:,}", "{:_}"]))
@counted
def test_parse_number_reads_digits_grouped_digits_and_english_words(n, hyphen, conjunction, digits):
    assert parse_number(english(n, hyphen, conjunction)) == n
    assert parse_number(digits.format(n).replace("_", "\u00a0")) == n
    text = f"Officials said {english(n, hyphen, conjunction)} soldiers, reported as {n}, were there."
    assert [m.value for m in find_numbers(text)] == [n, n]


# --- casualty figures -------------------------------------------------------------------------

@examples(800)
@given(report_text)
@counted
def test_find_figures_spans_ranges_and_categories(text):
    for f in find_figures(text):
        check_span(text, f.start, f.end, f.text)
        assert 0 <= f.low <= f.best <= f.high
        assert f.category in CATEGORIES
        assert f.approximate or f.low == f.high


ENGLISH_VERBS = {"were killed": "killed", "were wounded": "wounded", "were injured": "wounded",
                 "are missing": "missing", "were captured": "captured",
                 "were killed or wounded": "killed_or_wounded"}


@examples(500)
@given(st.integers(1, 10**6), st.sampled_from(sorted(ENGLISH_VERBS)), st.sampled_from(QUALIFIERS[:5]),
       st.sampled_from(["soldiers", "North Korean soldiers", "civilians", "Ukrainian servicemen"]),
       st.sampled_from(place_names()), st.sampled_from(["{}", "{:,}"]))
@counted
def test_a_stated_figure_is_read_exactly(n, verb, qualifier, subject, place, digits):
    number = digits.format(n)
    sentence = f"{qualifier.capitalize()}{number} {subject} {verb} near {place} on Saturday."
    [figure] = find_figures(sentence)
    assert (figure.category, figure.low, figure.best, figure.high) == (ENGLISH_VERBS[verb], n, n, n)
    assert figure.approximate == bool(qualifier) and figure.subject == subject
    assert figure.text == sentence[:sentence.index(verb) + len(verb)]


@examples(500)
@given(st.integers(0, 5000), st.integers(1, 5000), st.sampled_from(["between {} and {}", "{}-{}", "{} to {}"]))
@counted
def test_a_range_gives_low_low_and_high(low, extra, form):
    high = low + extra
    [figure] = find_figures(f"Officials said {form.format(low, high)} soldiers were killed.")
    assert (figure.low, figure.best, figure.high) == (low, low, high) and figure.approximate


# --- the extractor ---------------------------------------------------------------------------------

@functools.cache
def extractor() -> Extractor:
    return Extractor(Gazetteer.default())


@examples(200)
@given(report_text, st.one_of(st.none(), st.dates()))
@counted
def test_extractor_events_quote_their_text_and_keep_figures_ordered(text, published):
    events, mentions = extractor().extract(Document("doc", text, published=published))
    for m in mentions:
        check_span(text, m.start, m.end, m.text)
    for ev in events:
        check_span(text, ev.quote_start, ev.quote_end, ev.source_quote)
        assert 0 <= ev.casualties_low <= ev.casualties_best <= ev.casualties_high
        assert all(getattr(ev, c) is None or getattr(ev, c) >= 0 for c in CATEGORIES)
        for loc in ev.locations:
            assert loc.mention and loc.mention in text
            if loc.resolved:
                assert -90 <= loc.latitude <= 90 and -180 <= loc.longitude <= 180
        if ev.geometry is not None:
            assert ev.geometry.is_valid and not ev.geometry.is_empty
        assert Event.from_dict(json.loads(json.dumps(ev.to_dict(), ensure_ascii=False))) == ev


# --- the dump loaders ------------------------------------------------------------------------------

FIELD = st.text(st.characters(codec="utf-8", exclude_characters="\t\n\r"), max_size=12)
NAME = FIELD.filter(lambda s: s.strip() and not s.startswith("#"))
NOT_NUMBERS = ["nan", "inf", "-inf", "1e400", "", " ", "51,2", "east", "N51", "0x10", "--5", "51°N"]
IMPOSSIBLE_LATITUDES = ["999", "-90.0001", "90.5", "180", *NOT_NUMBERS]
IMPOSSIBLE_LONGITUDES = ["999", "180.0001", "-181", "360", *NOT_NUMBERS]
coordinate = st.floats(-90, 90).map(lambda v: f"{v:.5f}")
longitude = st.floats(-180, 180).map(lambda v: f"{v:.5f}")
PLAIN = "".join(map(chr, range(0x20, 0x7f)))


@st.composite
def geonames_row(draw) -> tuple[str, bool]:
    """A GeoNames dump row (19 columns) and whether it is good; bad rows carry one defect."""
    cols = [str(draw(st.integers(1, 10**10))), draw(NAME), draw(FIELD), ",".join(draw(st.lists(FIELD, max_size=4))),
            draw(coordinate), draw(longitude), draw(st.sampled_from("PAHLSTUV")), draw(FIELD), draw(FIELD),
            "", draw(FIELD), "", "", "", draw(st.one_of(st.integers(-10, 10**8).map(str), FIELD)), "", "",
            draw(FIELD), "2024-01-01"]
    defect = draw(st.sampled_from(["", "", "", "latitude", "longitude", "columns", "id", "name"]))
    if defect == "latitude":
        cols[4] = draw(st.one_of(st.sampled_from(IMPOSSIBLE_LATITUDES), st.floats(90.0001, 1e300).map(str)))
    elif defect == "longitude":
        cols[5] = draw(st.one_of(st.sampled_from(IMPOSSIBLE_LONGITUDES), st.floats(-1e300, -180.0001).map(str)))
    elif defect == "columns":
        cols = cols[:draw(st.integers(2, 18))] if draw(st.booleans()) else cols + draw(st.lists(FIELD, min_size=1))
    elif defect == "id":
        cols[0] = draw(st.text(PLAIN, min_size=1, max_size=8).filter(lambda s: not s.strip().isdigit()
                                                                      and not s.startswith("#")))
    elif defect == "name":
        cols[1] = draw(st.sampled_from(["", " ", "\u00a0"]))
    return "\t".join(cols), not defect


def scratch(name: str) -> Path:
    return Path(_SCRATCH.name) / name


@examples(250)
@given(st.lists(geonames_row(), max_size=30), st.integers(0, 30))
@counted
def test_geonames_loader_counts_every_bad_row_and_keeps_coordinates_possible(rows, undecodable_at):
    lines = [row.encode("utf-8") for row, _ in rows]
    lines.insert(min(undecodable_at, len(lines)), b"42\tBad\xff\xfebytes" + b"\t" * 17)
    path = scratch("dump.txt")
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = LoadReport(str(path))
    places = list(read_geonames(path, report=report, feature_classes=None))
    good = [row for row, ok in rows if ok]
    assert [p.id for p in places] == [f"geonames:{row.split(chr(9))[0]}" for row in good]
    assert report.loaded == len(good) and report.n_skipped == len(rows) - len(good) + 1
    assert report.skipped["bad encoding"] == 1
    for place in places:
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
        assert math.isfinite(place.latitude) and math.isfinite(place.longitude) and place.population >= 0


number_or_junk = st.one_of(FIELD, st.floats().map(str), st.sampled_from(IMPOSSIBLE_LATITUDES + IMPOSSIBLE_LONGITUDES))
CURATED = ("name_en", "alt_names", "name_ru", "name_uk", "feature", "district", "oblast", "country", "lat", "lon",
           "precision", "population", "source_url")
OSM = ("osm_id", "name", "name_uk", "name_ru", "name_en", "place", "population", "lat", "lon")


def table_rows(columns: tuple[str, ...]) -> st.SearchStrategy:
    numeric = {"lat", "lon", "population"}
    row = st.fixed_dictionaries({c: number_or_junk if c in numeric else FIELD for c in columns})
    if "place" in columns:
        row = row.flatmap(lambda r: st.sampled_from(["village", "town", "city", "hamlet", "suburb", r["place"]])
                          .map(lambda kind: {**r, "place": kind}))
    return st.lists(st.one_of(row.map(lambda r: "\t".join(r[c] for c in columns)),
                              st.lists(FIELD, max_size=20).map("\t".join)), max_size=20)


@examples(150)
@given(table_rows(CURATED), table_rows(OSM))
@counted
def test_curated_and_osm_loaders_never_fail_on_a_row(curated_rows, osm_rows):
    for columns, rows, reader in ((CURATED, curated_rows, read_curated), (OSM, osm_rows, read_osm_settlements)):
        path = scratch("table.tsv")
        path.write_text("\t".join(columns) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
        report = LoadReport(str(path))
        places = list(reader(path, report=report))
        assert report.loaded == len(places) <= len(rows) - report.n_skipped
        for place in places:
            assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180 and place.population >= 0
            assert place.name.strip()


@examples(150)
@given(st.lists(st.one_of(FIELD, st.lists(FIELD, min_size=8, max_size=10).map("\t".join)), max_size=20))
@counted
def test_alternate_names_loader_yields_only_numeric_ids(lines):
    path = scratch("alternateNamesV2.txt")
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    report = LoadReport(str(path))
    pairs = list(read_alternate_names(path, report=report))
    assert all(pid.startswith("geonames:") and pid[9:].isdigit() and name.strip() for pid, name in pairs)
    assert report.loaded == len(pairs) and report.loaded + report.n_skipped <= len(lines)


@examples(200)
@given(st.one_of(st.binary(max_size=400), st.lists(FIELD, max_size=25).map("\t".join).map(str.encode)))
@counted
def test_detect_kind_names_the_file_or_refuses_it_in_one_line(data):
    path = scratch("unknown.txt")
    path.write_bytes(data)
    try:
        kind = detect_kind(path)
    except ConflictMapError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
    else:
        assert kind in LOADERS.builtin          # a kind some loader reads


@functools.cache
def index_copy() -> PlaceIndex:
    """A private copy of the default index to import into."""
    target = scratch("index.sqlite")
    shutil.copy(Gazetteer.default().index.path, target)
    return PlaceIndex.open(target)


_FRESH_IDS = itertools.count(9_000_000_001)    # above every real geonameid, new in each example


@examples(20)
@given(st.lists(geonames_row(), min_size=1, max_size=15))
@counted
def test_import_into_the_index_keeps_good_rows_and_no_impossible_coordinate(rows):
    rows = [([str(next(_FRESH_IDS))] + row.split("\t")[1:] if row.split("\t")[0].isdigit() else row.split("\t"), ok)
            for row, ok in rows]
    path = scratch("import.txt")
    path.write_text("".join("\t".join(cols) + "\n" for cols, _ in rows), encoding="utf-8")
    index = index_copy()
    report = index.import_file(path, kind="geonames")
    good = [cols for cols, ok in rows if ok and cols[6] in ("P", "A")]
    assert report.loaded == len(good) and report.n_skipped == sum(1 for _, ok in rows if not ok)
    for cols in good:
        place = index.get(f"geonames:{cols[0]}")
        assert place is not None and -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
    for cols, ok in rows:
        if not ok:
            assert index.get(f"geonames:{cols[0]}") is None
