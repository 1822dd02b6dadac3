"""The deck through LibreOffice: PDF pages rendered with pdftoppm, text read back with pdftotext.

Needs ``soffice`` (libreoffice-impress) and poppler-utils. On a developer machine without them the
tests are skipped with the reason; under CI (``CI`` set) they fail instead, so CI cannot pass by
skipping them.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from browser import in_ci
from conftest import REPO
from mapper.render.briefing import write_briefing
from mapper.render.briefing.pdf import convert_to_pdf, find_soffice
from mapper.model.events import Event, EventLocation

pytestmark = pytest.mark.libreoffice  # every test here converts with LibreOffice

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
FOOTER_IN = 0.45  # the footer band at the bottom of every slide (see slides._add_footers)


def _tools_missing() -> str | None:
    missing = []
    if find_soffice() is None:
        missing.append("LibreOffice (soffice) is not installed: apt-get install libreoffice-impress")
    for tool in ("pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            missing.append(f"{tool} is not installed: apt-get install poppler-utils")
    return "; ".join(missing) or None


@pytest.fixture(scope="module", autouse=True)
def tools():
    reason = _tools_missing()
    if reason:
        if in_ci():
            pytest.fail(f"PDF tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(f"PDF tests need LibreOffice and poppler-utils: {reason}")


@pytest.fixture(scope="module")
def seed_pdf(seed_events, index, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-pdf")
    result = write_briefing(seed_events, out / "briefing.pptx", pdf=True, generated=dt.date(2024, 12, 17), index=index)
    return result


def pdftotext(pdf, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def render(pdf, page: int, tmp_path, dpi: int = 40):
    from PIL import Image

    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(pdf), str(prefix)], check=True, timeout=60)
    return Image.open(f"{prefix}.png").convert("RGB")


def words_by_page(pdf) -> list[tuple[float, float, list[tuple[str, float, float, float, float]]]]:
    """``(width, height, [(word, xMin, yMin, xMax, yMax)])`` of every page, from ``pdftotext -bbox``."""
    html = pdftotext(pdf, "-bbox")
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    pages = []
    for page in root.iter("page"):
        words = [(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                 for w in page.iter("word")]
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def test_pdf_has_one_page_per_slide(seed_pdf):
    assert seed_pdf.pdf == seed_pdf.pptx.with_suffix(".pdf")
    pages = words_by_page(seed_pdf.pdf)
    assert len(pages) == seed_pdf.slides == 6
    width, height, _ = pages[0]
    assert width / height == pytest.approx(16 / 9, rel=0.002)


def test_pdf_text_holds_places_and_figures(seed_pdf):
    text = " ".join(pdftotext(seed_pdf.pdf).split())
    for expected in ("Kursk–Belgorod–Sumy border", "Period covered: 14–15 Dec 2024", "Plyokhovo", "Martynovka",
                     "Vorozhba", "30 killed or wounded", "3 missing", "North Korean forces", "Outlet not stated",
                     "Ukraine's military intelligence (GUR)", "Situation map", "Key figures", "Sources"):
        assert expected in text, expected


def test_map_page_is_not_blank(seed_pdf, tmp_path):
    from PIL import ImageStat

    page = render(seed_pdf.pdf, 2, tmp_path)
    w, h = page.size
    map_area = page.crop((int(w * 0.06), int(h * 0.22), int(w * 0.70), int(h * 0.85)))
    stat = ImageStat.Stat(map_area.convert("L"))
    assert stat.stddev[0] > 15, "the map area is (nearly) uniform"
    assert stat.mean[0] < 245, "the map area is (nearly) white"
    assert len(map_area.getcolors(1 << 20)) > 200
    blank = ImageStat.Stat(render(seed_pdf.pdf, 4, tmp_path).crop(
        (int(w * 0.06), int(h * 0.6), int(w * 0.7), int(h * 0.85))).convert("L"))
    assert blank.stddev[0] < 5  # the same measure on the empty lower part of the events slide


def test_no_text_overflows_its_slide_or_runs_into_the_footer(seed_pdf):
    for number, (width, height, words) in enumerate(words_by_page(seed_pdf.pdf), 1):
        footer_top = height - FOOTER_IN * 72
        for word, x0, y0, x1, y1 in words:
            assert 0 <= x0 and x1 <= width + 0.5 and 0 <= y0 and y1 <= height + 0.5, (number, word)
            if number > 1:  # above the footer band, or in it: never straddling it
                assert y1 <= footer_top + 1 or y0 >= footer_top - 1, (number, word, y0, y1, footer_top)


def test_long_deck_tables_stay_above_the_footer(index, tmp_path):
    loc = [EventLocation(f"Selo-{i:02d} Velykomykhailivka", f"Selo-{i:02d} Velykomykhailivka", 51.0 + i * 0.01,
                         35.0 + i * 0.01, "UA", "Sumy Oblast", "", f"t:{i}", 1, True, "") for i in range(40)]
    events = [Event(f"e{i}", f"doc-{i % 3}", event_date=dt.date(2024, 12, 1 + i % 28), date_precision=1,
                    killed=i + 1, casualties_low=i + 1, casualties_best=i + 1, casualties_high=i + 1,
                    actor="Civilians", claimed_by="Сумська обласна військова адміністрація (Telegram) and the "
                    "regional prosecutor's office", locations=tuple(loc[i:i + 3]), geo_precision=2,
                    source_quote=f"Quote {i}.", sources=({"doc_id": f"doc-{i % 3}", "quote": f"Quote {i}."},))
              for i in range(36)]
    result = write_briefing(events, tmp_path / "long.pptx", pdf=True, generated=dt.date(2024, 12, 31), index=index)
    pages = words_by_page(result.pdf)
    assert len(pages) == result.slides > 8
    text = " ".join(pdftotext(result.pdf).split())
    assert "Сумська обласна військова адміністрація" in text              # Cyrillic glyphs survive to the PDF
    for i in range(36):
        assert f"{i + 1} killed" in text
    for number, (width, height, words) in enumerate(pages, 1):
        footer_top = height - FOOTER_IN * 72
        for word, _x0, y0, x1, y1 in words:
            assert x1 <= width + 0.5 and y1 <= height + 0.5, (number, word)
            if number > 1:
                assert y1 <= footer_top + 1 or y0 >= footer_top - 1, (number, word, y0, y1, footer_top)


def test_convert_errors_are_one_line_and_leave_no_partial_pdf(tmp_path, monkeypatch):
    from mapper.exc import OutputError

    not_a_deck = tmp_path / "broken.pptx"
    not_a_deck.write_bytes(b"this is not a zip file")
    with pytest.raises(OutputError) as err:
        convert_to_pdf(not_a_deck)
    assert "broken.pdf" in str(err.value) and "\n" not in str(err.value)
    assert not (tmp_path / "broken.pdf").exists()
    monkeypatch.setenv("CONFLICTMAP_SOFFICE", str(tmp_path / "missing-soffice"))
    with pytest.raises(OutputError, match="LibreOffice is not installed"):
        convert_to_pdf(not_a_deck)
