"""Hostile event records through the briefing deck (issue 14): odd characters, unsafe links, a failing
LibreOffice with ``-q``, and LibreOffice work directories left behind by killed runs.

The LibreOffice conversion of the hostile deck is skipped where LibreOffice is not installed (as
in tests/mapper/render/test_briefing_pdf.py, CI fails instead); everything else runs everywhere, with a stand-in
``soffice`` script where a conversion is needed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile

import pytest
from pptx import Presentation

from browser import in_ci
from conftest import run_cli
from mapper.render.briefing import write_briefing
from mapper.render.links import is_web_link, web_link
from mapper.render.briefing.pdf import STALE_HOURS, WORKDIR_PREFIX, convert_to_pdf, find_soffice, sweep_stale_workdirs
from mapper.render.briefing.safetext import clean_event, clean_text
from mapper.render.briefing.textfit import EMOJI_EM, east_asian_family, fit_lines, fit_size, text_width, wrap
from mapper.model.events import Event, EventLocation

GENERATED = dt.date(2024, 12, 17)
#: What scraped Telegram channels, file names and URLs really carry.
HOSTILE = {
    "emoji": "Канал 🔥🇺🇦 news",
    "zwj": "👨‍👩‍👧 family ❤️",
    "cjk": "中文频道",
    "fullwidth": "ＦＵＬＬ　ｗｉｄｔｈ",
    "tab": "tab\there",
    "nul": "nul\x00here",
    "surrogate": "lone \ud800 half",
    "rtl": "שלום עולם مرحبا",
    "c1": "c1\x85\x9fctl\x1b[31m\x07",
    "nonchar": "non\ufffe\uffffchar",
}
#: Characters an XML 1.0 document cannot hold (what python-pptx writes must never contain them).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
UNSAFE_URLS = ["javascript:alert(1)", "httpfoo:calc", "http:evil", "https://", "file:///etc/passwd",
               "https://bank.example@evil.example/", "https:\\\\evil.example", "http://exa mple.org/"]
SAFE_URLS = ["https://t.me/s/channel", "http://example.org/a?b=1#c", "https://例え.jp/記事", "HTTPS://[::1]:8443/x"]


def hostile_events() -> list[Event]:
    """One event per :data:`HOSTILE` text in every text field, then plain ones: each URL is one's source."""
    events = []
    urls = UNSAFE_URLS + SAFE_URLS + [f"https://t.me/{HOSTILE['emoji']}"]
    kinds = list(HOSTILE.items()) + [(f"plain-{n}", f"plain {n}") for n in range(len(urls) - len(HOSTILE))]
    for i, (kind, text) in enumerate(kinds):
        url = urls[i]
        place = EventLocation(f"mention {text}", f"Село {text}", 51.0 + i * 0.03, 35.0 + i * 0.03, "UA",
                              f"Oblast {text}", "", f"t:{i}", 1, True, "")
        lost = EventLocation(f"lost {text}", None, None, None, None, None, None, None, None, False, f"why {text}")
        source = {"doc_id": f"doc {text}", "url": url, "source_name": f"Source {text}", "published": "2024-12-20",
                  "quote": f"Quote {text}"}
        events.append(Event(f"ev-{kind}", f"doc {text}", event_date=dt.date(2024, 12, 1 + i), date_precision=1,
                            killed=i + 1, casualties_low=i + 1, casualties_best=i + 1, casualties_high=i + 1,
                            actor=f"Actor {text}", claimed_by=f"Claimant {text}", locations=(place, lost),
                            geo_precision=1, source_url=url, source_name=f"Source {text}",
                            source_quote=f"Quote {text}", sources=(source,)))
    return events


@pytest.fixture(scope="module")
def hostile_deck(index, tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "briefing.pptx"
    result = write_briefing(hostile_events(), path, generated=GENERATED, index=index,
                            title="Claims from 🔥 channels\tand 中文 sources\x00")
    return result, Presentation(str(path))


def all_text(prs) -> str:
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def hyperlinks(prs) -> list[str]:
    """The address of every hyperlinked run of the deck."""
    found = []
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                found += [run.hyperlink.address for p in frame.paragraphs for run in p.runs if run.hyperlink.address]
    return found


def test_clean_text_keeps_what_a_deck_can_hold():
    assert clean_text(HOSTILE["tab"]) == "tab here"
    assert clean_text(HOSTILE["nul"]) == "nulhere"
    assert clean_text(HOSTILE["surrogate"]) == "lone \ufffd half"
    assert clean_text(HOSTILE["c1"]) == "c1ctl[31m"
    assert clean_text(HOSTILE["nonchar"]) == "nonchar"
    for kind in ("emoji", "zwj", "cjk", "fullwidth", "rtl"):
        assert clean_text(HOSTILE[kind]) == HOSTILE[kind], kind      # real text is never touched
    assert clean_text("two\nlines") == "two\nlines"
    ev = hostile_events()[5]                                          # the NUL one: every field cleaned
    cleaned = clean_event(ev)
    assert cleaned.source_name == "Source nulhere" and cleaned.locations[0].name == "Село nulhere"
    assert cleaned.sources[0].doc_id == "doc nulhere" and cleaned.locations[1].reason == "why nulhere"
    plain = hostile_events()[0]
    assert clean_event(plain) is plain                                # nothing to clean: the same object


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_measuring_never_fails_whatever_the_characters(kind):
    text = HOSTILE[kind] * 6
    for bold in (False, True):
        assert text_width(text, 12, bold=bold) > 0
        assert wrap(text, 12, 80, bold=bold)
        lines = fit_lines(text, 12, 80, max_lines=2, bold=bold)
        assert len(lines) <= 2
        size, lines = fit_size(text, 120, 30, max_size=20, min_size=10, bold=bold)
        assert 10 <= size <= 20 and lines


def test_fallback_widths_are_never_narrower_than_the_glyphs_drawn():
    assert text_width("🔥", 10) >= EMOJI_EM * 10                      # drawn by a colour emoji font
    assert text_width("🇺🇦", 10) >= 2 * EMOJI_EM * 10                  # a flag is two regional indicators
    assert text_width("👨\u200d👩", 10) == text_width("👨👩", 10)       # the joiner itself takes no room
    assert text_width("中", 10) == pytest.approx(10, rel=0.02)         # one em, from a CJK font or the estimate
    assert text_width("Ａ", 10) > text_width("A", 10)                  # fullwidth is wider than ASCII
    assert text_width("\x00", 10) > 0 and text_width("\ud800", 10) > 0


def test_wide_characters_take_an_em_whichever_fallback_font_has_them(monkeypatch):
    import mapper.render.briefing.textfit as textfit
    from mapper.render.briefing.fonts import find_font_file

    if find_font_file("Symbola") is None:
        pytest.skip("Symbola is not installed (apt-get install fonts-symbola)")
    from matplotlib import ft2font

    symbola = ft2font.FT2Font(find_font_file("Symbola"))
    symbola.set_size(100, 72)
    assert symbola.get_char_index(ord("中")) and symbola.load_char(ord("中")).linearHoriAdvance / 6553600 < 0.9
    monkeypatch.setattr(textfit, "_fallback_fonts", lambda: (("Symbola", symbola),))  # no CJK font at all
    textfit._advance.cache_clear()
    textfit._unit_width.cache_clear()
    try:
        assert text_width("中文", 10) >= 20                          # not Symbola's narrow 8.7 pt a glyph
    finally:
        textfit._advance.cache_clear()
        textfit._unit_width.cache_clear()


def test_hostile_deck_is_written_and_opens(hostile_deck):
    result, prs = hostile_deck
    assert result.pptx.is_file() and result.map_png.is_file() and result.events == len(hostile_events())
    text = all_text(prs)
    for kind in ("emoji", "zwj", "cjk", "fullwidth", "rtl"):
        assert f"Source {HOSTILE[kind]}" in text, kind                 # shown as given
        assert " ".join(f"Quote {HOSTILE[kind]}".split()) in text, kind  # in the notes (spaces made plain)
    for shown in ("Source tab here", "Source nulhere", "Source lone \ufffd half", "Source c1ctl[31m",
                  "Source nonchar", "Claims from 🔥 channels and 中文 sources"):
        assert shown in text, shown
    with zipfile.ZipFile(result.pptx) as deck:
        for name in deck.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                xml = deck.read(name).decode("utf-8")
                assert not XML_INVALID.search(xml), name
                assert "_x0000_" not in xml and "_x001B_" not in xml.upper(), name


def test_east_asian_text_names_the_font_it_was_measured_with(hostile_deck):
    family = east_asian_family("中文")
    if not family:
        pytest.skip("no CJK font installed (apt-get install fonts-wqy-microhei): measured as one em a glyph")
    _, prs = hostile_deck
    with zipfile.ZipFile(hostile_deck[0].pptx) as deck:
        slides = [deck.read(n).decode("utf-8") for n in deck.namelist() if re.match(r"ppt/slides/slide\d+\.xml", n)]
    assert any(f'<a:ea typeface="{family}"/>' in xml for xml in slides)
    runs = re.findall(r"<a:r>.*?</a:r>", "".join(slides))
    cjk_runs = [r for r in runs if "中文频道" in r]
    assert cjk_runs and all(f'typeface="{family}"' in r for r in cjk_runs)
    assert not any("<a:ea " in r for r in runs if "Source tab here" in r)   # Latin-only runs are left alone


def test_only_http_links_with_a_host_are_links():
    for url in UNSAFE_URLS + ["", "   ", "mailto:a@example.org", "data:text/html,x", "//example.org/x",
                              "https://example.org/\x00", "https://example.org:notaport/", None, 42]:
        assert web_link(url) is None and not is_web_link(url), url
    for url in SAFE_URLS:
        assert web_link(f"  {url} ") == url and is_web_link(url), url


def test_the_deck_links_only_safe_urls(hostile_deck):
    _, prs = hostile_deck
    links = hyperlinks(prs)
    assert links, "the safe URLs are links"
    assert all(is_web_link(link) for link in links), links
    for url in ("javascript:alert(1)", "httpfoo:calc", "http:evil"):
        assert url not in links
    assert "https://例え.jp/記事" in links
    text = all_text(prs)
    assert "httpfoo:calc" in text and "http:evil" in text             # shown, as plain text
    assert f"https://t.me/{HOSTILE['emoji']}" in text                 # a space in it: text, not a link


@pytest.mark.libreoffice
def test_hostile_deck_converts_with_libreoffice(hostile_deck, tmp_path):
    if find_soffice() is None:
        if in_ci():
            pytest.fail("LibreOffice is not installed in CI (libreoffice-impress)", pytrace=False)
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-impress")
    result, prs = hostile_deck
    deck = tmp_path / "hostile.pptx"
    shutil.copyfile(result.pptx, deck)
    pdf = convert_to_pdf(deck, timeout=600)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                              timeout=60).stdout
        assert "中文频道" in text and "Source nulhere" in text and "שלום" in text


FAKE_SOFFICE = """#!/bin/sh
# A stand-in for LibreOffice: records the owner file of its work directory, then {action}.
out=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; shift; fi
  last="$1"; shift
done
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do  # until the caller adds our pid
  [ "$(wc -l < "$(dirname "$out")/owner")" -ge 2 ] && break; sleep 0.1
done
cat "$(dirname "$out")/owner" > "{record}"
echo "$$" >> "{record}"
{command}
"""


def fake_soffice(tmp_path, *, fail: bool):
    script = tmp_path / ("failing-soffice" if fail else "fake-soffice")
    record = tmp_path / "owner-seen.txt"
    if fail:
        action, command = "fails", 'echo "Error: source file could not be loaded" >&2; exit 1'
    else:
        action, command = "writes a PDF", 'mkdir -p "$out"; name=$(basename "$last" .pptx); ' \
                                          'printf "%%PDF-1.4 fake" > "$out/$name.pdf"'
    script.write_text(FAKE_SOFFICE.format(action=action, record=record, command=command))
    script.chmod(0o755)
    return script, record


def test_cli_brief_quiet_still_reports_a_failed_pdf(tmp_path):
    from mapper.model.event_io import write_events

    events = tmp_path / "events.jsonl"
    write_events(hostile_events()[:2], events)
    soffice, _ = fake_soffice(tmp_path, fail=True)
    quiet = run_cli("brief", str(events), "-o", str(tmp_path / "q.pptx"), "--pdf", "-q",
                    env={"CONFLICTMAP_SOFFICE": str(soffice)})
    assert quiet.returncode == 1
    lines = quiet.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("conflictmap: error: ") and "q.pdf" in lines[0], quiet.stderr
    assert "could not convert" in lines[0]
    assert (tmp_path / "q.pptx").is_file() and not (tmp_path / "q.pdf").exists()
    ok = run_cli("brief", str(events), "-o", str(tmp_path / "ok.pptx"), "-q")
    assert ok.returncode == 0 and ok.stderr == "" and (tmp_path / "ok.pptx").is_file()
    loud = run_cli("brief", str(events), "-o", str(tmp_path / "loud.pptx"), "--pdf",
                   env={"CONFLICTMAP_SOFFICE": str(soffice)})
    assert loud.returncode == 1 and "wrote " in loud.stderr and "conflictmap: error: " in loud.stderr


def test_api_tells_a_failed_conversion_from_a_missing_libreoffice(tmp_path, index, monkeypatch):
    soffice, _ = fake_soffice(tmp_path, fail=True)
    monkeypatch.setenv("CONFLICTMAP_SOFFICE", str(soffice))
    failed = write_briefing(hostile_events()[:1], tmp_path / "a.pptx", pdf=True, index=index)
    assert failed.pdf is None and failed.pdf_failed and "could not convert" in failed.pdf_error
    monkeypatch.setenv("CONFLICTMAP_SOFFICE", str(tmp_path / "no-such-soffice"))
    missing = write_briefing(hostile_events()[:1], tmp_path / "b.pptx", pdf=True, index=index)
    assert missing.pdf is None and not missing.pdf_failed and "not installed" in missing.pdf_error


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def make_workdir(base, name: str, owner: str | None = None, age_hours: float = 0.0):
    path = base / name
    (path / "profile").mkdir(parents=True)
    (path / "profile" / "registrymodifications.xcu").write_text("<x/>")
    if owner is not None:
        (path / "owner").write_text(owner)
    stamp = time.time() - age_hours * 3600
    os.utime(path, (stamp, stamp))
    return path


def test_stale_soffice_workdirs_are_swept_and_live_ones_kept(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        gone, alive = dead_pid(), sleeper.pid
        dead = make_workdir(tmp_path, f"{WORKDIR_PREFIX}{gone}-abc", f"{gone}\n")
        dead_child = make_workdir(tmp_path, f"{WORKDIR_PREFIX}{gone}-def", f"{gone}\n{dead_pid()}\n")
        in_use = make_workdir(tmp_path, f"{WORKDIR_PREFIX}{gone}-ghi", f"{gone}\n{alive}\n")  # LibreOffice lives on
        live = make_workdir(tmp_path, f"{WORKDIR_PREFIX}{alive}-jkl", f"{alive}\n", age_hours=STALE_HOURS * 3)
        ours = make_workdir(tmp_path, f"{WORKDIR_PREFIX}{os.getpid()}-mno", age_hours=STALE_HOURS * 3)
        old_unlisted = make_workdir(tmp_path, f"{WORKDIR_PREFIX}x1y2z3", age_hours=STALE_HOURS + 1)
        young_unlisted = make_workdir(tmp_path, f"{WORKDIR_PREFIX}a1b2c3", age_hours=1)
        not_ours = make_workdir(tmp_path, f"other-soffice-{gone}-abc", f"{gone}\n", age_hours=STALE_HOURS * 3)
        removed = sweep_stale_workdirs(tmp_path)
        assert sorted(removed) == sorted([dead, dead_child, old_unlisted])
        for kept in (in_use, live, ours, young_unlisted, not_ours):
            assert kept.is_dir(), kept.name
        for swept in removed:
            assert not swept.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert sorted(sweep_stale_workdirs(tmp_path)) == sorted([in_use, live])   # their processes are gone now
    assert not in_use.exists() and not live.exists() and ours.is_dir()


def test_a_conversion_sweeps_stale_workdirs_and_records_its_processes(tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    gone = dead_pid()
    stale = make_workdir(temp, f"{WORKDIR_PREFIX}{gone}-left-by-a-kill", f"{gone}\n")
    soffice, record = fake_soffice(tmp_path, fail=False)
    monkeypatch.setenv("CONFLICTMAP_SOFFICE", str(soffice))
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK fake deck")
    assert convert_to_pdf(deck).read_bytes() == b"%PDF-1.4 fake"
    assert not stale.exists()
    assert not [p for p in temp.iterdir() if p.name.startswith(WORKDIR_PREFIX)]   # its own is removed too
    owner, soffice_pid = record.read_text().split("\n")[:-2], record.read_text().split()[-1]
    assert str(os.getpid()) in owner and soffice_pid in owner       # ours and LibreOffice's, while it ran


def test_cli_run_quiet_still_reports_a_failed_pdf(tmp_path):
    """``run -q`` had printed nothing and exited 0 when the PDF conversion failed."""
    soffice, _ = fake_soffice(tmp_path, fail=True)
    out = tmp_path / "out"
    proc = run_cli("run", "-q", "-o", str(out), env={"CONFLICTMAP_SOFFICE": str(soffice)})
    assert proc.returncode == 1, proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("conflictmap: error: ") and "briefing.pdf" in line and "could not convert" in line
    assert proc.stdout == ""
    for name in ("map.html", "events.gpkg", "briefing.pptx", "situation_map.png"):
        assert (out / name).is_file(), name
    assert not (out / "briefing.pdf").exists()
