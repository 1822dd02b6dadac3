"""Reading reports: text, HTML, JSON, JSON lines, folders and stdin, in the encodings analysts meet.

Fixtures live in ``tests/data/documents/``: a Reuters-style wire story, a news
page full of scripts and boilerplate, a JSON list, a JSON-lines file with one
broken line, a cp1251 Telegram post, a UTF-16 Ukrainian text, an empty file, a
binary file and a nested folder.
"""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mapper.ingest import documents
from mapper.ingest.documents import Document, find_dateline, normalize_text, read_documents
from mapper.exc import InputError

DATA = Path(__file__).resolve().parents[2] / "data" / "documents"
D = datetime.date


def read_one(path, **kwargs) -> Document:
    docs = list(read_documents([path], **kwargs))
    assert len(docs) == 1, docs
    return docs[0]


def read_all(inputs, **kwargs) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return list(read_documents(inputs, errors=errors, **kwargs)), errors


def last_past(month: int, day: int) -> D:
    """The most recent ``month/day`` on or before today (a dateline without a year)."""
    today = D.today()
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    return D(year, month, day)


# --- formats -------------------------------------------------------------------------------------

def test_wire_story_keeps_paragraphs_and_reads_the_reuters_dateline():
    doc = read_one(DATA / "wire_reuters.txt")
    assert doc.id == "wire_reuters" and doc.encoding == "utf-8" and doc.path.endswith("wire_reuters.txt")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "North Korean troops suffer heavy losses in Kursk region, Ukraine says"
    assert paragraphs[1].startswith("KYIV, Dec 16 (Reuters) - About 30 North Korean soldiers")
    assert paragraphs[1].count("\n") == 2                      # hard-wrapped lines stay inside the paragraph
    assert len(paragraphs) == 4
    assert doc.published == last_past(12, 16)


def test_html_page_drops_scripts_and_boilerplate_and_keeps_the_article():
    doc = read_one(DATA / "news_page.html")
    assert doc.text.split("\n\n") == [
        "North Korean troops lose about 30 near Plekhovo",
        "KYIV, Dec 16 (Reuters) - About 30 North Korean soldiers were killed or wounded near "
        "Plekhovo, Vorozhba and Martynovka, Ukraine\u2019s military intelligence said.",
        "The GUR wrote on Telegram:\n\u00abNorth Korean army units are being re-equipped after losses.\u00bb",
        "Killed or wounded: about 30",
        "Missing: at least 3",
    ]
    for gone in ("alert", "SCRIPT_SECRET", "injected", "STYLE TEXT", "JavaScript", "cookies", "Accept all",
                 "Share on", "Home", "Breaking news", "BOILERPLATE", "premium", "SVG TEXT", "IFRAME",
                 "newsletter", "Related", "Reader comment", "All rights reserved", "datePublished"):
        assert gone not in doc.text, gone
    assert doc.title == "North Korean troops lose about 30 near Plekhovo"        # og:title, not <title>
    assert doc.url == "https://www.example-news.org/world/kursk-losses"          # og:url over canonical
    assert doc.source_name == "Example News"
    # JSON-LD datePublished wins over the text's dateline (Dec 16) and a related story's <time> (Dec 1)
    assert doc.published == D(2024, 12, 17)


@pytest.mark.parametrize("head, body, expected", [
    ('<meta property="article:published_time" content="2024-12-14T10:00:00Z">'
     '<script type="application/ld+json">{"datePublished": "2024-12-15"}</script>', "", D(2024, 12, 14)),
    ('<meta property="og:published_time" content="2024-12-13">', "", D(2024, 12, 13)),
    ('<script type="application/ld+json">[{"@type": "NewsArticle", "dateCreated": "2024-12-12"}]</script>',
     "", D(2024, 12, 12)),
    ('<meta name="pubdate" content="20 November 2024">', "", D(2024, 11, 20)),
    ('<meta name="date" content="11.12.2024">', "", D(2024, 12, 11)),
    ('<meta name="DC.date" content="2024-12-10">', "", D(2024, 12, 10)),
    ("", '<article><time datetime="2024-12-09T08:00">9 Dec</time><p>Text.</p></article>', D(2024, 12, 9)),
    ("", "<p>16 грудня 2024 — Під Суджею загинули двоє.</p>", D(2024, 12, 16)),     # no metadata: dateline
    ('<meta name="date" content="not a date">', "<p>Text.</p>", None),
])
def test_html_publication_date_sources(tmp_path, head, body, expected):
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body>{body or '<p>Text.</p>'}</body></html>", encoding="utf-8")
    assert read_one(page).published == expected


@pytest.mark.parametrize("markup, title", [
    ('<head><title> Page  title </title><meta property="og:title" content="OG title"></head><h1>H</h1>', "OG title"),
    ("<head><title> Page\n title </title></head><body><h1>H</h1><p>x</p></body>", "Page title"),
    ("<body><h1>Only <b>heading</b></h1><p>x</p></body>", "Only heading"),
])
def test_html_title_sources(tmp_path, markup, title):
    (tmp_path / "p.htm").write_text(f"<html>{markup}</html>", encoding="utf-8")
    assert read_one(tmp_path / "p.htm").title == title


def test_html_url_from_canonical_and_site_from_host(tmp_path):
    (tmp_path / "p.html").write_text('<link rel="canonical" href="https://www.kyivindependent.com/x">'
                                     "<p>Text.</p>", encoding="utf-8")
    doc = read_one(tmp_path / "p.html")
    assert (doc.url, doc.source_name) == ("https://www.kyivindependent.com/x", "kyivindependent.com")


def test_boilerplate_words_on_a_wrapper_do_not_drop_the_story(tmp_path):
    (tmp_path / "p.html").write_text(
        '<body><div class="page has-sidebar"><p>Two soldiers were killed near Sudzha, the governor said.</p>'
        '<div class="sidebar">Most read</div></div><script type="application/ld+json">'
        '[{"@type": "WebSite", "url": "https://example.org/"}, {"@type": "NewsArticle", "headline": "LD"}]'
        "</script></body>", encoding="utf-8")
    doc = read_one(tmp_path / "p.html")
    assert doc.text == "Two soldiers were killed near Sudzha, the governor said."
    assert (doc.title, doc.url) == ("LD", "")            # a WebSite's url is not the article's


def test_json_list_of_two_reports():
    first, second = list(read_documents([DATA / "reports.json"]))
    assert first.id == "gur-2024-12-16" and first.title == "GUR: North Korean losses near Plekhovo"
    assert first.text == ("About 30 North Korean soldiers were killed or wounded near Plekhovo, Vorozhba and "
                          "Martynovka.\n\nAt least three are missing.")
    assert first.published == D(2024, 12, 16) and first.source_name == "gur.gov.ua"
    assert second.id == "reports:2" and second.title == "Sudzha strike"               # "headline", no "id"
    assert second.text.startswith("16.12.2024 - Two civilians")                       # "body" for text
    assert second.published == D(2024, 12, 18)                                        # "date" beats the dateline
    assert second.source_name == "Kursk regional administration"


def test_jsonl_broken_line_is_reported_with_its_number_and_good_lines_are_read():
    docs, errors = read_all([DATA / "reports.jsonl"])
    assert [d.id for d in docs] == ["tg-101", "reports:2", "tg-104"]
    assert [str(e) for e in errors] == [f"{DATA / 'reports.jsonl'}:3: invalid JSON: Expecting ',' delimiter (column 74)"]
    assert docs[1].published == D(2024, 12, 15)                       # "date" in dd.mm.yyyy
    assert docs[2].text.startswith("December 14, 2024") and docs[2].published == D(2024, 12, 14)   # "content", dateline
    assert docs[0].url == "https://t.me/example_channel/101" and docs[0].source_name == "t.me"


def test_json_text_holding_html_is_reduced_to_text(tmp_path):
    report = {"id": "x", "text": "<div><p>One <b>two</b>.</p><script>alert(1)</script><p>Three.</p></div>"}
    (tmp_path / "r.json").write_text(json.dumps(report), encoding="utf-8")
    assert read_one(tmp_path / "r.json").text == "One two.\n\nThree."


def test_markdown_heading_is_the_title_and_unknown_suffixes_are_sniffed(tmp_path):
    (tmp_path / "a.dat").write_text('{"text": "From a dat file.",\n "published": "2024-12-01"}', encoding="utf-8")
    (tmp_path / "b.out").write_text("<p>From an out file.</p>", encoding="utf-8")
    (tmp_path / "c.log").write_text("From a log file.", encoding="utf-8")
    (tmp_path / "d.md").write_text("# Update\n\nBody.", encoding="utf-8")
    docs = list(read_documents([tmp_path / n for n in ("a.dat", "b.out", "c.log", "d.md")]))
    assert [(d.id, d.text) for d in docs] == [("a", "From a dat file."), ("b", "From an out file."),
                                             ("c", "From a log file."), ("d", "# Update\n\nBody.")]
    assert docs[0].published == D(2024, 12, 1) and docs[3].title == "Update"


# --- encodings ------------------------------------------------------------------------------------

def test_cp1251_telegram_post():
    raw = (DATA / "telegram_cp1251.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")                                    # the fixture really is not UTF-8
    doc = read_one(DATA / "telegram_cp1251.txt")
    assert doc.encoding == "cp1251"
    assert "Под Плёховом и Мартыновкой Курской области" in doc.text
    assert doc.text.split("\n\n")[0] == "16 декабря 2024 г., 14:35"   # one paragraph per line
    assert doc.published == D(2024, 12, 16)


def test_utf16_ukrainian_text_with_bom():
    assert (DATA / "ukrainian_utf16.txt").read_bytes()[:2] == b"\xff\xfe"
    doc = read_one(DATA / "ukrainian_utf16.txt")
    assert doc.encoding == "utf-16"
    assert doc.text.split("\n\n")[1].startswith("Під Суджею та Плехово")
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert doc.published == D(2024, 12, 16)


@pytest.mark.parametrize("encoding, expected", [
    ("koi8-r", "koi8-r"), ("utf-8-sig", "utf-8"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_other_encodings(tmp_path, encoding, expected):
    text = "Под Суджей уничтожены 12 военнослужащих, сообщает ГУР. Ещё двое ранены."
    (tmp_path / "post.txt").write_bytes(text.encode(encoding))
    doc = read_one(tmp_path / "post.txt")
    assert (doc.text, doc.encoding) == (text, expected)


def test_cp1251_html_page_uses_its_declared_charset(tmp_path):
    markup = '<html><head><meta charset="windows-1251"><title>Курск</title></head><body><p>Бои под Суджей.</p></body></html>'
    (tmp_path / "p.html").write_bytes(markup.encode("cp1251"))
    doc = read_one(tmp_path / "p.html")
    assert (doc.title, doc.text, doc.encoding) == ("Курск", "Бои под Суджей.", "cp1251")


def test_binary_without_nul_bytes_is_still_binary(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(1, 256)) * 16)
    (tmp_path / "blob.dat").write_bytes(bytes(range(200, 256)) * 4 + bytes(range(1, 32)) * 8)
    _, errors = read_all([tmp_path / "blob.txt", tmp_path / "blob.dat"])
    assert [e.reason for e in errors] == ["binary file, not a text report"] * 2


def test_bad_bytes_never_crash(tmp_path):
    (tmp_path / "mixed.txt").write_bytes("Плёхово и Мартыновка, Курская область. ".encode() * 20 + b"\xff\xfe\xfa end")
    doc = read_one(tmp_path / "mixed.txt")
    assert doc.encoding == "utf-8" and doc.text.startswith("Плёхово") and doc.text.endswith("end")


# --- stdin ------------------------------------------------------------------------------------------

def test_stdin_text_html_json_lines_and_cp1251():
    doc = read_one("-", stdin=io.BytesIO(b"KYIV, Dec 16, 2024 (Reuters) - Text."))
    assert (doc.id, doc.path, doc.published) == ("stdin", "-", D(2024, 12, 16))
    doc = read_one("-", stdin=io.BytesIO(b"  <html><p>From a page.</p><script>x()</script></html>"))
    assert doc.text == "From a page."
    docs = list(read_documents(["-"], stdin=io.BytesIO(b'{"text": "one"}\n\n{"text": "two", "id": "b"}\n')))
    assert [(d.id, d.text) for d in docs] == [("stdin:1", "one"), ("b", "two")]
    docs = list(read_documents(["-"], stdin=io.BytesIO(b'[{"text": "x"}, {"text": "y"}]')))
    assert [d.id for d in docs] == ["stdin:1", "stdin:2"]
    doc = read_one("-", stdin=io.BytesIO("Бои под Суджей и Плёховом продолжаются.".encode("cp1251")))
    assert (doc.text, doc.encoding) == ("Бои под Суджей и Плёховом продолжаются.", "cp1251")


def test_empty_stdin_is_an_error():
    docs, errors = read_all(["-"], stdin=io.BytesIO(b""))
    assert docs == [] and [str(e) for e in errors] == ["stdin: empty input"]


# --- errors ---------------------------------------------------------------------------------------

def test_bad_inputs_are_one_line_errors_naming_the_file_and_the_rest_is_read(tmp_path):
    (tmp_path / "blank.txt").write_text("  \n\t\n  ", encoding="utf-8")
    (tmp_path / "broken.json").write_text('[\n {"text": "a"},\n {"text": "b" "c"}\n]', encoding="utf-8")
    (tmp_path / "notext.json").write_text('[{"title": "no body"}, {"text": "kept"}]', encoding="utf-8")
    (tmp_path / "number.json").write_text("42", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "empty_dir" / "picture.png").write_bytes(b"\x89PNG")
    inputs = [tmp_path / "missing.txt", DATA / "empty.txt", tmp_path / "blank.txt", DATA / "binary_report.txt",
              DATA / "wire_reuters.txt", tmp_path / "broken.json", tmp_path / "notext.json",
              tmp_path / "number.json", tmp_path / "empty_dir"]
    docs, errors = read_all(inputs)
    assert [d.id for d in docs] == ["wire_reuters", "notext:2"]
    messages = [str(e) for e in errors]
    assert all("\n" not in m for m in messages)
    assert messages[:4] == [f"{tmp_path / 'missing.txt'}: no such file or directory",
                            f"{DATA / 'empty.txt'}: empty file",
                            f"{tmp_path / 'blank.txt'}: empty file (only whitespace)",
                            f"{DATA / 'binary_report.txt'}: binary file, not a text report"]
    assert messages[4] == f"{tmp_path / 'broken.json'}: invalid JSON at line 3, column 15: Expecting ',' delimiter"
    assert messages[5].startswith(f"{tmp_path / 'notext.json'}: item 1: no text (expected")
    assert messages[6] == f"{tmp_path / 'number.json'}: expected a JSON object or a list of objects, found a number"
    assert messages[7].startswith(f"{tmp_path / 'empty_dir'}: directory with no reports (.txt, .md")
    assert len(messages) == 8 and all(isinstance(e, InputError) for e in errors)


def test_without_an_error_list_the_first_bad_input_raises():
    reader = read_documents([DATA / "wire_reuters.txt", DATA / "empty.txt", DATA / "reports.json"])
    assert next(reader).id == "wire_reuters"
    with pytest.raises(InputError, match="empty.txt: empty file$"):
        next(reader)


def test_big_file_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(25 * 1024 * 1024)                    # sparse: no 25 MB written to disk
    small = tmp_path / "small.txt"
    small.write_text("Small report.", encoding="utf-8")
    opened = []

    def spy_open(file, *args, **kwargs):
        opened.append(Path(file).name)
        return open(file, *args, **kwargs)

    monkeypatch.setattr(documents, "open", spy_open, raising=False)
    docs, errors = read_all([big, small])
    assert [d.text for d in docs] == ["Small report."] and opened == ["small.txt"]
    assert [str(e) for e in errors] == [f"{big}: file is 25 MB, over the 20 MB limit"]
    _, errors = read_all([small], max_bytes=5)
    assert [e.reason for e in errors] == ["file is 13 bytes, over the 5 bytes limit"]
    _, errors = read_all(["-"], stdin=io.BytesIO(b"x" * 100), max_bytes=10)
    assert [str(e) for e in errors] == ["stdin: input is over the 10 bytes limit"]


# --- folders, ids, precedence -------------------------------------------------------------------------

def test_folder_is_read_recursively_sorted_skipping_hidden_and_unknown_files():
    docs = list(read_documents([DATA / "folder"]))
    assert [d.id for d in docs] == ["a_note", "b_page", "c_report", "e_update"]
    assert [d.text for d in docs] == ["Top-level note about Sudzha.", "Nested page about Plekhovo.",
                                      "Deeper JSON report about Martynovka.", "# Situation update\n\nMarkdown report about Vorozhba."]
    assert docs[2].published == D(2024, 12, 10)


def test_whole_fixture_folder_reads_every_good_report_and_names_every_bad_one():
    docs, errors = read_all([DATA])
    assert len(docs) == 13                  # 4 in folder/, 1 page, 2 + 3 JSON(L) reports, 3 texts
    assert sorted(Path(str(e.source).split(":")[0]).name for e in errors) == [
        "binary_report.txt", "empty.txt", "reports.jsonl"]


def test_ids_are_stable_and_collisions_get_deterministic_suffixes():
    inputs = [DATA / "wire_reuters.txt", DATA / "reports.json", DATA / "wire_reuters.txt", DATA / "reports.jsonl"]
    first = [d.id for d in read_all(inputs)[0]]
    assert first == [d.id for d in read_all(inputs)[0]]
    assert first == ["wire_reuters", "gur-2024-12-16", "reports:2", "wire_reuters~2", "tg-101", "reports:2~2", "tg-104"]


def test_published_precedence_argument_then_metadata_then_dateline(tmp_path):
    (tmp_path / "r.jsonl").write_text(
        '{"text": "16.12.2024 - Text.", "published": "2024-12-18"}\n{"text": "16.12.2024 - Text."}\n'
        '{"text": "No dateline here."}\n', encoding="utf-8")
    assert [d.published for d in read_documents([tmp_path / "r.jsonl"])] == [D(2024, 12, 18), D(2024, 12, 16), None]
    given = D(2025, 1, 2)
    inputs = [tmp_path / "r.jsonl", DATA / "news_page.html", DATA / "wire_reuters.txt"]
    assert {d.published for d in read_documents(inputs, published=given)} == {given}


@pytest.mark.parametrize("text, expected", [
    ("KYIV, Dec 16 (Reuters) - Text", last_past(12, 16)),
    ("KURSK REGION, Russia, Dec. 16, 2024 (AP) — Text", D(2024, 12, 16)),
    ("December 16, 2024 — Text", D(2024, 12, 16)),
    ("16.12.2024\nТекст", D(2024, 12, 16)),
    ("⚡️ 16 декабря 2024 года — Текст", D(2024, 12, 16)),
    ("Headline\n\n16 грудня 2024 р. Текст", None),               # no separator after the date: not a dateline
    ("Headline\n\n16 грудня 2024 р., 10:15 — Текст", D(2024, 12, 16)),
    ("May 5 soldiers were killed.", None),
    ("Officials said on Dec 16 - text", None),
    ("One\nTwo\nThree\nDecember 16, 2024 — too late", None),
    ("31.02.2024 - impossible date", None),
])
def test_dateline_formats(text, expected):
    assert find_dateline(text) == expected


def test_text_normalisation_keeps_characters_but_fixes_whitespace():
    decomposed = "Мартынов\u0438\u0306ка"                          # й as и + combining breve
    text = normalize_text(f"  {decomposed}\u00a0\u00a0 30\u00a0000\tsol\u00addiers\r\n\r\n\r\nnext\u200b line ")
    assert text == "Мартынов\u0439ка 30\u00a0000 soldiers\n\nnext line"


def test_plain_reads_do_not_import_dateparser():
    code = ("import sys; from mapper.ingest.documents import read_documents; "
            f"docs = list(read_documents([{str(DATA / 'reports.json')!r}, {str(DATA / 'folder')!r}])); "
            "print(len(docs), 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=DATA.parents[2]).stdout
    assert out.split() == ["6", "False"]



@pytest.mark.parametrize("raw, text", [
    ("**Загинули** двоє людей, ще __п'ятеро__ поранені.", "Загинули двоє людей, ще п'ятеро поранені."),
    ("Two people were **killed** in Sumy.", "Two people were killed in Sumy."),
    ("a ** b ** c", "a ** b ** c"),        # no word inside the marks: left as written
])
def test_markdown_bold_marks_around_words_go(raw, text):
    assert normalize_text(raw) == text


def test_a_casualty_word_in_markdown_bold_is_read():
    import datetime

    from mapper.extract.extractor import extract_events

    docs = list(read_documents(["-"], stdin=io.BytesIO("**Загинули** двоє людей у Сумах.".encode()),
                               published=datetime.date(2025, 3, 1)))
    assert [e.killed for e in extract_events(docs)] == [2]
