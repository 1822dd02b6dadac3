"""Bad inputs through the command line: one error line per bad input, the rest processed, nothing lost.

The corpus lives in ``tests/data/bad_inputs/`` (its README lists every file and what it tests):
``reports/`` mixes broken reports (empty, binary, damaged UTF-8, an HTML page that is only
scripts, JSON lines with broken lines) with good ones in awkward forms (cp1251, UTF-16 with a
byte-order mark, UTF-8 with stray bytes, a page full of scripts around its article);
``gazetteer/`` holds dumps with impossible coordinates and broken rows. Files too big to commit
(a 50 MB report, 21 MB on standard input) are written to temporary directories by the tests.

Hostile reports that used to stop a batch or lose a report are in the corpus as good ones: a
lone surrogate escaped in JSON, a page declaring ``base64`` as its charset, a stray NUL byte in
Russian text, a zero-width joiner inside a place name.

Hostile shapes built to be slow are checked by counting work in ``tests/mapper/extract/test_linear_time.py``;
other hostile inputs (file names, FIFOs, charsets, surrogates) in ``tests/mapper/ingest/test_hostile_inputs.py``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from gazetteer import Gazetteer, PlaceIndex

CORPUS = Path(__file__).resolve().parents[2] / "data" / "bad_inputs"
REPORTS = CORPUS / "reports"
DUMPS = CORPUS / "gazetteer"

#: Bad report files and the reason their one error line gives.
BAD_REPORTS = {
    "binary_image.txt": "binary file, not a text report",
    "damaged_utf8.txt": "damaged UTF-8 text",
    "high_bytes_only.txt": "binary file, not a text report",
    "empty.txt": "empty file",
    "scripts_only.html": "no text found in the HTML page",
    "whitespace_only.txt": "empty file (only whitespace)",
}
#: Broken lines of ``broken_lines.jsonl``: each is one error line naming the file and the line.
BROKEN_JSONL_LINES = {2: "invalid JSON", 4: "expected a JSON object, found a list", 5: "no text"}
#: Good documents of the corpus: id -> (figure field, value, a place of the event).
GOOD_REPORTS = {
    "telegram_cp1251": ("killed", 5, "Lgov"),
    "ukrainian_utf16_bom": ("killed", 12, "Sudzha"),
    "stray_bytes_utf8": ("wounded", 7, "Sumy"),
    "article_with_scripts": ("killed_or_wounded", 30, "Plyokhovo"),
    "tg-1": ("killed", 2, "Shebekino"),
    "tg-3": ("wounded", 4, "Tyotkino"),
    "stray_nul_russian": ("killed", 9, "Sudzha"),
    "meta_charset_base64": ("killed", 3, "Sudzha"),
    "zero_width_joiner": ("wounded", 6, "Plyokhovo"),
    "surrogate-\ufffd": ("killed", 4, "Shebekino"),
}
#: What the article page's mentions may be: the rest of its place names sit in scripts, styles,
#: event handlers, <noscript>, the navigation bar and the footer, and must not be read.
ARTICLE_MENTIONS = {"Kursk", "Plekhovo", "Martynovka", "Kursk region"}
FIFTY_MB = 50 * 2**20


@pytest.fixture(scope="module")
def big_report(tmp_path_factory) -> Path:
    """A 50 MB plain-text report (real bytes, not a sparse file)."""
    path = tmp_path_factory.mktemp("big") / "huge_report.txt"
    block = "About 30 soldiers were killed near Sudzha, officials said.\n".encode() * 20_000
    with open(path, "wb") as f:
        while f.tell() < FIFTY_MB:
            f.write(block)
        f.truncate(FIFTY_MB)
    return path


def error_lines(proc) -> list[str]:
    """The error lines of a run (without the ``conflictmap: error:`` prefix); never a traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert all(line.startswith("conflictmap: error: ") for line in lines), proc.stderr
    return [line.removeprefix("conflictmap: error: ") for line in lines]


def assert_one_line_per_bad_input(proc, **extra: str) -> None:
    """Exactly one error line for each bad corpus file, broken JSON line and ``extra`` source."""
    expected = {str(REPORTS / name): why for name, why in BAD_REPORTS.items()}
    expected.update({f"{REPORTS / 'broken_lines.jsonl'}:{n}": why for n, why in BROKEN_JSONL_LINES.items()})
    expected.update(extra)
    lines = error_lines(proc)
    assert len(lines) == len(expected), lines
    for source, why in expected.items():
        [line] = [line for line in lines if line.startswith(f"{source}: ")]
        assert why in line, line


def extract_corpus(out: Path, *more: str):
    return run_cli("extract", str(REPORTS), *more, "--published", "2024-12-16", "--no-merge", "-o", str(out))


# --- reports -----------------------------------------------------------------------------------

def test_extract_names_each_bad_input_once_and_writes_every_good_event(index, tmp_path, big_report):
    out = tmp_path / "events.jsonl"
    out.write_text("earlier events\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    proc = extract_corpus(out, str(big_report), str(missing))
    assert proc.returncode == 1
    assert_one_line_per_bad_input(proc, **{str(big_report): "file is 50 MB, over the 20 MB limit",
                                           str(missing): "no such file or directory"})
    events = {e["doc_id"]: e for e in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(events) == set(GOOD_REPORTS)                # replaced, with one event per good report
    for doc, (field, value, place) in GOOD_REPORTS.items():
        assert events[doc][field] == value, events[doc]
        assert place in [loc["name"] for loc in events[doc]["locations"]], events[doc]
    assert events["telegram_cp1251"]["source_quote"].startswith("Под Льговом Курской области погибли")
    assert events["ukrainian_utf16_bom"]["source_quote"].startswith("Під Суджею загинули 12 окупантів")
    assert events["zero_width_joiner"]["source_quote"].startswith("Под Плёховом ранены")     # joiner removed
    surrogate = events["surrogate-\ufffd"]                    # a lone "\udc80" in JSON: U+FFFD in every field
    assert (surrogate["source_name"], surrogate["source_url"]) == ("Chan\ufffdnel", "https://example.org/post/\ufffd")
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]       # no temporary file left beside it


def test_geoparse_names_each_bad_input_once_and_reads_the_good_ones(index, tmp_path):
    out = tmp_path / "mentions.jsonl"
    proc = run_cli("geoparse", str(REPORTS), "-o", str(out))
    assert proc.returncode == 1
    assert_one_line_per_bad_input(proc)
    mentions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_doc: dict[str, list[dict]] = {}
    for m in mentions:
        by_doc.setdefault(m["doc"], []).append(m)
    assert set(by_doc) == set(GOOD_REPORTS)
    decoded = {m["mention"]: m["name"] for doc in ("telegram_cp1251", "ukrainian_utf16_bom") for m in by_doc[doc]}
    assert decoded == {"Льговом": "Lgov", "Курской области": "Kursk Oblast", "Суджею": "Sudzha"}
    assert {m["mention"] for m in by_doc["article_with_scripts"]} == ARTICLE_MENTIONS


def test_oversized_stdin_is_one_line_and_the_file_beside_it_is_read(index):
    proc = run_cli("extract", "-", str(REPORTS / "telegram_cp1251.txt"), "--published", "2024-12-16",
                   input="x" * (21 * 2**20))
    assert proc.returncode == 1
    assert error_lines(proc) == ["stdin: input is over the 20 MB limit"]
    [event] = map(json.loads, proc.stdout.splitlines())
    assert event["doc_id"] == "telegram_cp1251" and event["killed"] == 5


def test_a_run_that_fails_before_writing_leaves_the_earlier_output_untouched(tmp_path):
    out = tmp_path / "events.jsonl"
    out.write_text("earlier events\n", encoding="utf-8")
    proc = run_cli("extract", str(REPORTS / "telegram_cp1251.txt"), "--published", "2024-13-45", "-o", str(out))
    assert proc.returncode == 2 and "not a date" in proc.stderr
    assert out.read_text(encoding="utf-8") == "earlier events\n"
    blocked = tmp_path / "a_file"
    blocked.write_text("not a directory", encoding="utf-8")
    proc = run_cli("extract", str(REPORTS / "telegram_cp1251.txt"), "-o", str(blocked / "events.jsonl"))
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert line.startswith(f"{blocked / 'events.jsonl'}: cannot write here")
    assert out.read_text(encoding="utf-8") == "earlier events\n" and blocked.read_text() == "not a directory"


@pytest.mark.parametrize("command", ["extract", "geoparse"])
def test_a_run_where_every_input_fails_leaves_the_earlier_output_untouched(tmp_path, command):
    out = tmp_path / "out.jsonl"
    out.write_text("earlier output\n", encoding="utf-8")
    proc = run_cli(command, str(REPORTS / "empty.txt"), str(REPORTS / "binary_image.txt"), "-o", str(out))
    assert proc.returncode == 1 and len(error_lines(proc)) == 2
    assert out.read_text(encoding="utf-8") == "earlier output\n"


def test_output_onto_a_directory_is_a_one_line_error(tmp_path):
    proc = run_cli("extract", str(REPORTS / "telegram_cp1251.txt"), "-o", str(tmp_path))
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert str(tmp_path) in line


# --- gazetteer dumps --------------------------------------------------------------------------------

GOOD_DUMP_PLACES = {"geonames:990000101": (51.31, 35.11), "geonames:990000102": (51.27, 35.02),
                    "geonames:990000114": (51.25, 35.2), "curated:ru-kursk-zzhornovka": (51.21, 35.19)}
IMPOSSIBLE_NAMES = ["Latnineninenine", "Latbelowsouthpole", "Lonpastdateline", "Lonwaywest", "Latnotanumber",
                    "Loninfinite", "Latcommadecimal", "Lonempty", "Xxlatovka", "Lonnanovka"]


def test_gazetteer_import_skips_impossible_rows_counts_them_and_keeps_the_good_ones(index, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(index.path, cache / index.path.name)
    files = [DUMPS / "RU_impossible_coordinates.txt", DUMPS / "curated_bad_rows.tsv", DUMPS / "not_a_dump.png"]
    proc = run_cli("gazetteer", "import", *map(str, files), env={"CONFLICTMAP_CACHE_DIR": str(cache)})
    assert proc.returncode == 1
    assert error_lines(proc) == [f"{files[2]}: binary file, not a text table"]
    summaries = [line for line in proc.stdout.splitlines() if not line.startswith("  ")]
    assert summaries == [
        f"{files[0]}: 3 rows loaded, 12 skipped (3 latitude out of range, 3 longitude out of range, "
        "1 latitude not a number, 1 longitude not a number, 1 wrong column count, 1 empty name, "
        "1 geonameid not a number, 1 bad encoding)",
        f"{files[1]}: 1 rows loaded, 4 skipped (1 latitude out of range, 1 no source for the coordinates, "
        "1 longitude out of range, 1 wrong column count)",
    ]
    imported = PlaceIndex.open(cache / index.path.name)
    try:
        for place_id, point in GOOD_DUMP_PLACES.items():
            assert imported.get(place_id).point == point
        assert imported.get("geonames:990000114").population == 0          # population "inf"
        assert all(imported.get(f"geonames:{n}") is None for n in range(990000103, 990000114))
        gazetteer = Gazetteer(imported)
        assert not any(gazetteer.resolve(name).resolved for name in IMPOSSIBLE_NAMES)
    finally:
        imported.close()


def test_a_curated_row_without_an_oblast_gets_no_oblast(index_copy, tmp_path):
    path = tmp_path / "own_places.tsv"
    header = ["name_en", "alt_names", "name_ru", "name_uk", "feature", "district", "oblast", "country", "lat",
              "lon", "precision", "population", "source_url"]
    row = ["Qwnowhereovka", "", "", "", "village", "", "", "RU", "60.5", "60.5", "village", "10",
           "https://example.org/qwnowhereovka"]
    path.write_text("\t".join(header) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    assert index_copy.import_file(path).loaded == 1
    place = index_copy.get("curated:ru--qwnowhereovka")
    assert (place.admin1_code, place.admin1) == ("", "")


# Hostile reports in linear time: tests/mapper/extract/test_linear_time.py counts their work (no wall-clock limits).
