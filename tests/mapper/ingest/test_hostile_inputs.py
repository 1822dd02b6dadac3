"""Hostile inputs through the command line (issue 14): one bad input is one error line naming it,
the rest of the batch is processed and every artefact is written.

Each test builds its hostile input in a temporary folder (a lone surrogate in JSON, a file name
that is not UTF-8 or holds a newline and terminal escapes, a page declaring ``base64`` as its
charset, a tag with tens of thousands of attributes, a FIFO named ``*.txt``, an events file with
U+2028 / U+0085 in a field, stray NUL bytes, a zero-width joiner inside a place name, temporary
files left by killed writers) and runs ``python -m mapper`` on it as a user would. The last tests
check the same at the level of :func:`mapper.ingest.documents.read_documents`, with each codec name and
each kind of stray byte.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from mapper.ingest.documents import Document, normalize_text, read_documents
from mapper.exc import InputError

def read_one(path, **kwargs) -> Document:
    [doc] = read_documents([path], **kwargs)
    return doc


def read_all(inputs, **kwargs) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return list(read_documents(inputs, errors=errors, **kwargs)), errors


GOOD_REPORT = "KYIV, Dec 16, 2024 - About 12 soldiers were killed near Sudzha, officials said.\n"
RUN_ARTEFACTS = ["briefing.pptx", "events.csv", "events.geojson", "events.gpkg", "events.jsonl", "events.kml",
                 "events.parquet", "map.html"]


def error_lines(proc) -> list[str]:
    """The error lines of a run (prefix removed); never a traceback, never a terminal escape."""
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "\x1b" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.split("\n") if line.startswith("conflictmap: error: ")]
    return [line.removeprefix("conflictmap: error: ") for line in lines]


def events_of(text: str) -> dict[str, dict]:
    """Events of JSON Lines output, by document id (lines split at "\\n" only)."""
    return {e["doc_id"]: e for e in (json.loads(line) for line in text.split("\n") if line.strip())}


def run_cli_bytes(*args: str | bytes, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m mapper ARGS`` with arguments that may be bytes (file names that are not UTF-8)."""
    proc = subprocess.run([sys.executable, "-m", "mapper", *args], capture_output=True, cwd=REPO, timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


# --- 1. a lone surrogate in a JSON report ----------------------------------------------------------

def test_run_with_a_lone_surrogate_in_a_json_report_writes_every_artefact(index, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "surrogate.json").write_text(
        '{"id": "tg-\\udc80", "text": "Five soldiers were killed near Shebekino \\udc80 on Monday.", '
        '"url": "https://example.org/\\udc80", "source": "Chan\\udc80nel", "title": "T\\ud800"}', encoding="utf-8")
    (reports / "good.txt").write_text(GOOD_REPORT, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("run", str(reports), "-o", str(out), "--no-pdf", "--published", "2024-12-16")
    assert error_lines(proc) == [] and proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir() if p.name in RUN_ARTEFACTS) == RUN_ARTEFACTS
    events = events_of((out / "events.jsonl").read_text(encoding="utf-8"))
    assert set(events) == {"tg-\ufffd", "good"}
    bad = events["tg-\ufffd"]
    assert bad["killed"] == 5 and bad["source_url"] == "https://example.org/\ufffd"
    assert bad["source_name"] == "Chan\ufffdnel" and "Shebekino \ufffd on Monday" in bad["source_quote"]
    assert events["good"]["killed"] == 12


def test_an_events_file_with_surrogate_escapes_is_read_back_and_exported(tmp_path):
    events = tmp_path / "events.jsonl"
    proc = run_cli("extract", "-", "--published", "2024-12-16", "-o", str(events), input=GOOD_REPORT)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(events.read_text(encoding="utf-8"))
    record["source_name"] = "Chan\udc80nel"                 # as another tool may write it
    events.write_text(json.dumps(record) + "\n", encoding="utf-8")
    proc = run_cli("export", str(events), "-o", str(tmp_path / "gis"))
    assert error_lines(proc) == [] and proc.returncode == 0, proc.stderr
    assert {p.suffix for p in (tmp_path / "gis").iterdir()} >= {".gpkg", ".geojson", ".kml", ".csv", ".parquet"}
    assert "Chan\ufffdnel" in (tmp_path / "gis" / "events.csv").read_text(encoding="utf-8-sig")


# --- 2. file names: not UTF-8, newlines, terminal escapes --------------------------------------------

def test_file_names_that_are_not_utf8_or_forge_lines_are_read_or_named_escaped(tmp_path):
    folder = os.fsencode(tmp_path / "reports")
    os.mkdir(folder)
    with open(os.path.join(folder, b"\xff\xfe.txt"), "wb") as f:
        f.write(GOOD_REPORT.encode())
    forged = b"bad\nconflictmap: error: forged\x1b[31m\xe2\x80\xae.txt"
    open(os.path.join(folder, forged), "wb").close()                           # empty: an error line
    missing = os.path.join(folder, b"missing-\xff.txt")
    proc = run_cli_bytes("extract", folder, missing, "--published", "2024-12-16")
    assert proc.returncode == 1
    shown = f"{tmp_path / 'reports'}/"
    assert error_lines(proc) == [
        shown + "bad\\nconflictmap: error: forged\\x1b[31m\\u202e.txt: empty file",
        shown + "missing-\\xff.txt: no such file or directory",
    ]
    assert len(proc.stderr.splitlines()) == 2                                   # one line each, no forged line
    [event] = events_of(proc.stdout).values()
    assert event["doc_id"] == "\\xff\\xfe" and event["killed"] == 12


# --- 3. a page's meta charset naming a codec that is not a text encoding ------------------------------

NOT_PAGE_CHARSETS = ["base64", "hex", "zlib", "bz2", "uu", "quopri", "rot13", "idna", "punycode", "undefined",
                     "unicode_escape", "raw_unicode_escape", "utf-7", "utf-16", "no-such-charset"]


def test_pages_declaring_a_codec_that_is_no_text_encoding_are_read_by_detection(index, tmp_path):
    for name in NOT_PAGE_CHARSETS:
        page = (f'<html><head><meta charset="{name}"><title>t</title></head><body>'
                "<p>Под Суджей погибли 7 военнослужащих, сообщили власти.</p></body></html>")
        (tmp_path / f"{name}.html").write_bytes(page.encode("cp1251") + b"\x98")   # 0x98: no cp1251 letter
    proc = run_cli("geoparse", str(tmp_path))
    assert error_lines(proc) == [] and proc.returncode == 0, proc.stderr
    mentions = {m["doc"]: m for m in map(json.loads, proc.stdout.splitlines())}
    assert set(mentions) == set(NOT_PAGE_CHARSETS)
    assert {(m["mention"], m["name"]) for m in mentions.values()} == {("Суджей", "Sudzha")}


# --- 4. a tag with tens of thousands of attributes --------------------------------------------------------

def _attribute_page(n: int) -> str:
    attributes = " ".join(f'data-a{i}="v{i}"' for i in range(n))
    return f"<html><body><p {attributes}>About 12 soldiers were killed near Sudzha.</p></body></html>"


def test_a_tag_with_many_attributes_reaches_the_parser_cut_to_the_limit(monkeypatch):
    import lxml.html

    from mapper.ingest import html_text

    parsed = []
    parse = lxml.html.document_fromstring

    def spy(markup, *args, **kwargs):
        root = parse(markup, *args, **kwargs)
        parsed.append(root)
        return root

    monkeypatch.setattr(html_text.lxml.html, "document_fromstring", spy)
    page = html_text.extract_html(_attribute_page(20_000))
    assert page.text == "About 12 soldiers were killed near Sudzha."
    [root] = parsed
    [p] = root.iter("p")
    assert len(p.attrib) == html_text.MAX_ATTRIBUTES          # was 20,000: libxml2 is quadratic in them


# --- 5. FIFOs and devices ---------------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_folder_is_skipped_and_one_named_is_refused_without_blocking(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(GOOD_REPORT, encoding="utf-8")
    proc = run_cli_bytes("extract", str(folder), "--published", "2024-12-16", timeout=60)
    assert error_lines(proc) == [] and proc.returncode == 0
    assert events_of(proc.stdout)["good"]["killed"] == 12
    proc = run_cli_bytes("extract", str(folder / "pipe.txt"), "/dev/zero", str(folder / "good.txt"),
                         "--published", "2024-12-16", timeout=60)
    assert proc.returncode == 1
    assert error_lines(proc) == [f"{folder / 'pipe.txt'}: is a named pipe (FIFO), not a regular file",
                                 "/dev/zero: is a character device, not a regular file"]
    assert set(events_of(proc.stdout)) == {"good"}


# --- 6. line separators inside fields of events files -----------------------------------------------

def test_events_with_unicode_line_separators_in_fields_are_read_back(tmp_path):
    report = tmp_path / "report.jsonl"
    report.write_text(json.dumps({"id": "nel", "source": "Chan\u2028nel\u2029 \x1c\x1d\x1e",
                                  "text": "About 12 soldiers\u0085 were killed near Sudzha\x0b\x0c today."},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    events = tmp_path / "events.jsonl"
    proc = run_cli("extract", str(report), "--published", "2024-12-16", "-o", str(events))
    assert error_lines(proc) == [] and proc.returncode == 0
    written = events.read_text(encoding="utf-8")
    assert "\u2028" in written and "\u0085" in written and written.count("\n") == 1
    proc = run_cli("map", str(events), "-o", str(tmp_path / "map.html"), "--offline")
    assert error_lines(proc) == [] and proc.returncode == 0
    assert "(1 events" in proc.stderr


# --- 7. stray NUL bytes --------------------------------------------------------------------------

def test_a_text_with_a_stray_nul_byte_is_read_and_a_nul_heavy_file_stays_binary(index, tmp_path):
    text = ("Под Суджей погибли 9 военнослужащих, сообщили местные власти в понедельник. " * 80).encode()
    assert len(text) > 10_000
    stray = tmp_path / "stray_nul.txt"
    stray.write_bytes(text[:6001] + b"\x00" + text[6001:])          # inside a letter: dropped, it is whole
    heavy = tmp_path / "nul_heavy.txt"
    heavy.write_bytes(b"".join(text[i:i + 20] + b"\x00\x00" for i in range(0, 4000, 20)))
    proc = run_cli("extract", str(stray), str(heavy), "--published", "2024-12-16", "--no-merge")
    assert proc.returncode == 1
    assert error_lines(proc) == [f"{heavy}: binary file, not a text report"]
    events = list(map(json.loads, proc.stdout.splitlines()))
    assert events and all(e["doc_id"] == "stray_nul" and e["killed"] == 9 for e in events)
    assert all("\x00" not in e["source_quote"] for e in events)


# --- 8. invisible format characters inside place names ---------------------------------------------

FORMAT_CHARACTERS = {"zwj": "\u200d", "zwnj": "\u200c", "shy": "\u00ad", "zwsp": "\u200b", "wj": "\u2060",
                     "bom": "\ufeff", "lrm": "\u200e"}


def test_a_place_name_with_an_invisible_format_character_inside_resolves(index, tmp_path):
    for name, char in FORMAT_CHARACTERS.items():
        (tmp_path / f"{name}.txt").write_text(f"Под Суд{char}жей погибли 12 военнослужащих. "
                                             f"Near Plek{char}hovo 3 were wounded.\n", encoding="utf-8")
    proc = run_cli("extract", str(tmp_path), "--published", "2024-12-16", "--no-merge")
    assert error_lines(proc) == [] and proc.returncode == 0
    places: dict[str, set] = {}
    for event in map(json.loads, proc.stdout.splitlines()):
        places.setdefault(event["doc_id"], set()).update(loc["name"] for loc in event["locations"])
    assert places == {name: {"Sudzha", "Plyokhovo"} for name in FORMAT_CHARACTERS}


def test_quotes_index_into_the_cleaned_text_the_extractor_saw(gazetteer):
    import io

    from mapper.ingest.documents import read_documents
    from mapper.extract.extractor import Extractor

    [doc] = read_documents(["-"], stdin=io.BytesIO("Вчера под Суд\u200dжей погибли 12 военнослужащих.".encode()))
    assert doc.text == "Вчера под Суджей погибли 12 военнослужащих."
    [event] = Extractor(gazetteer).extract(doc)[0]
    assert doc.text[event.quote_start:event.quote_end] == event.source_quote
    assert [loc.name for loc in event.locations] == ["Sudzha"]


# --- 9. temporary files left by killed writers --------------------------------------------------------

def test_the_next_write_sweeps_temporaries_of_gone_writers_and_keeps_live_ones(tmp_path):
    out = tmp_path / "events.jsonl"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        old = time.time() - 2 * 3600
        names = {
            f".events.jsonl.p{gone.pid}-abcd1234.tmp": True,       # writer gone, unchanged for hours: swept
            ".events.jsonl.zyxw9876.tmp": True,                    # an older name without a process id: swept
            f".events.jsonl.p{alive.pid}-live0000.tmp": False,     # writer still running: kept
            f".events.jsonl.p{gone.pid}-fresh000.tmp": False,      # just written (another machine?): kept
            f".other.jsonl.p{gone.pid}-abcd1234.tmp": False,       # another file's
            f".events.jsonl.p{gone.pid}-abcd1234.tmp.keep": False,  # not our pattern
            f".events.jsonl.p{gone.pid}-abc.tmp": False,
            "events.jsonl.p1-abcd1234.tmp": False,
        }
        for name in names:
            (tmp_path / name).write_text("partial", encoding="utf-8")
            if "fresh" not in name:
                os.utime(tmp_path / name, (old, old))
        proc = run_cli("extract", "-", "--published", "2024-12-16", "-o", str(out), input=GOOD_REPORT)
        assert proc.returncode == 0, proc.stderr
    finally:
        alive.kill()
        alive.wait()
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"events.jsonl"} | {name for name, swept in names.items() if not swept}


# --- the same, and more, at the reader's level -----------------------------------------------------

def test_every_invisible_format_character_is_removed_from_report_text():
    import unicodedata

    from mapper.ingest.html_text import FORMAT_CHARACTERS

    format_chars = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    matched = {chr(c) for c in range(sys.maxunicode + 1) if FORMAT_CHARACTERS.match(chr(c))}
    assert matched == format_chars | {"\x00"}                   # the class is all of Cf, and NUL
    assert normalize_text("Суд\u200dжа, Plek\u00adhovo, \u200eКурск\u200f\x00") == "Суджа, Plekhovo, Курск"


def test_lone_surrogates_in_every_json_field_become_replacement_characters(tmp_path):
    (tmp_path / "s.jsonl").write_text(
        '{"id": "a\\udc80", "text": "Killed near Sudzha \\udfff.", "title": "\\ud800T", "url": "https://x.org/\\udc80", '
        '"source": "S\\udc80"}\n{"id": "b", "text": "<p>Page \\udc80 text</p>"}\n', encoding="utf-8")
    docs, errors = read_all([tmp_path / "s.jsonl"])
    assert not errors
    assert [(d.id, d.text, d.title, d.url, d.source_name) for d in docs] == [
        ("a\ufffd", "Killed near Sudzha \ufffd.", "\ufffdT", "https://x.org/\ufffd", "S\ufffd"),
        ("b", "Page \ufffd text", "", "", "")]
    for doc in docs:                                          # every writer can encode every field
        for value in dataclasses.astuple(doc):
            str(value).encode("utf-8")


def test_a_file_name_that_is_not_utf8_gives_an_id_of_escaped_bytes(tmp_path):
    name = os.fsdecode(os.fsencode(tmp_path) + b"/r\xe9port.txt")
    with open(name, "w", encoding="utf-8") as f:
        f.write("Killed near Sudzha.")
    doc = read_one(name)
    assert (doc.id, doc.path, doc.text) == ("r\\xe9port", f"{tmp_path}/r\\xe9port.txt", "Killed near Sudzha.")
    _, errors = read_all([name + "\n\x1b[2J.txt"])
    assert str(errors[0]) == f"{tmp_path}/r\\xe9port.txt\\n\\x1b[2J.txt: no such file or directory"
    assert errors[0].source == name + "\n\x1b[2J.txt"           # kept as given, escaped when shown
    _, errors = read_all(["nul\x00byte.txt"])                   # only the API can pass one
    assert [str(e) for e in errors] == ["nul\\x00byte.txt: invalid file name"]


@pytest.mark.parametrize("charset", ["base64", "hex", "zlib", "bz2", "uu", "quopri", "rot13", "idna", "punycode",
                                     "undefined", "unicode_escape", "raw_unicode_escape", "utf-16", "x-no-such"])
def test_a_page_charset_that_is_no_text_encoding_is_ignored(tmp_path, charset):
    markup = f'<html><head><meta charset="{charset}"></head><body><p>Бои под Суджей.</p></body></html>'
    (tmp_path / "p.html").write_bytes(markup.encode("cp1251") + b"\x98")
    doc = read_one(tmp_path / "p.html")
    assert doc.encoding == "cp1251" and doc.text.startswith("Бои под Суджей.")


def test_stray_nul_bytes_are_dropped_and_nul_heavy_bytes_stay_binary(tmp_path):
    text = "Бои под Суджей продолжаются, сообщили местные власти. ".encode() * 200
    (tmp_path / "one.txt").write_bytes(text[:5001] + b"\x00" + text[5001:])
    (tmp_path / "utf16.txt").write_bytes("Бои под Суджей, 12 killed.".encode("utf-16-le"))
    (tmp_path / "heavy.txt").write_bytes(text[:400].replace(b" ", b"\x00"))
    (tmp_path / "pdf.txt").write_bytes(b"%PDF-1.7\n" + text[:400])
    docs, errors = read_all([tmp_path / name for name in ("one.txt", "utf16.txt", "heavy.txt", "pdf.txt")])
    assert [(d.id, d.encoding) for d in docs] == [("one", "utf-8"), ("utf16", "utf-16-le")]
    assert docs[0].text == normalize_text(text.decode())
    assert [(Path(e.source).name, e.reason) for e in errors] == [("heavy.txt", "binary file, not a text report"),
                                                                ("pdf.txt", "binary file, not a text report")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_are_skipped_in_folders_and_refused_by_name_without_opening(tmp_path):
    import threading
    import time

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("Killed near Sudzha.", encoding="utf-8")
    done = threading.Event()

    def unblock_a_reader() -> None:
        """Should a reader open the FIFO, give it end-of-file: the test then fails instead of hanging."""
        deadline = time.monotonic() + 30
        while not done.is_set() and time.monotonic() < deadline:
            try:
                os.close(os.open(tmp_path / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK))
            except OSError:                     # no reader: nobody is blocked on it
                done.wait(0.05)

    writer = threading.Thread(target=unblock_a_reader, daemon=True)
    writer.start()
    try:
        docs, errors = read_all([tmp_path, tmp_path / "pipe.txt"])
    finally:
        done.set()
        writer.join()
    assert [d.id for d in docs] == ["a"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'pipe.txt'}: is a named pipe (FIFO), not a regular file"]


def test_json_lines_split_at_newlines_only(tmp_path):
    lines = [{"id": f"n{i}", "text": f"Killed{sep}near Sudzha."} for i, sep in enumerate("\u2028\u2029\x85\x0b\x0c")]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                      encoding="utf-8")
    docs, errors = read_all([tmp_path / "r.jsonl"])
    assert not errors and [d.id for d in docs] == ["n0", "n1", "n2", "n3", "n4"]


def test_cutting_attributes_leaves_scripts_comments_and_text_alone():
    from mapper.ingest.html_text import MAX_ATTRIBUTES, extract_html, limit_attributes

    words = " ".join(f"w{i}" for i in range(2 * MAX_ATTRIBUTES))
    page = (f"<html><body><script>if (a<b {words}) {{}}</script><!-- <p {words}> -->"
            f"<p>Text about Sudzha {words}.</p></body></html>")
    assert limit_attributes(page) == page
    assert extract_html(page).text == f"Text about Sudzha {words}."
    tag = "<script " + " ".join(f"a{i}=1" for i in range(2 * MAX_ATTRIBUTES)) + ">x<y</script><p>Kept.</p>"
    assert limit_attributes(tag).count("=") == MAX_ATTRIBUTES and extract_html(tag).text == "Kept."
