"""The briefing deck, opened with python-pptx: slides, texts, notes, counting rules, layout, CLI."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from pptx import Presentation
from pptx.util import Inches

from conftest import REPO, run_cli
from gazetteer.context import KURSK_BORDER_THEATRE
from mapper.render.briefing import write_briefing
from mapper.render.briefing.summary import summarise
from mapper.render.briefing.template import new_presentation
from mapper.model.events import Event, EventLocation
from mapper.exc import OutputError

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
GENERATED = dt.date(2024, 12, 17)
TITLES = ["Casualty claims: Kursk–Belgorod–Sumy border", "Situation map", "Key figures", "Events",
          "Casualties over time", "Sources"]  # one place group: no chart by place, no place slides


def place(name: str, lat: float, lon: float, admin1: str = "Kursk Oblast", *, country: str = "RU",
          precision: int = 1) -> EventLocation:
    return EventLocation(name, name, lat, lon, country, admin1, "", f"test:{name}", precision, True, "")


def claim(event_id: str, places: tuple[EventLocation, ...], *, day: int = 14, killed: int | None = None,
          killed_or_wounded: int | None = None, actor: str = "Russian forces", claimed_by: str = "Test claimant",
          doc: str = "doc-1", quote: str = "", precision: int | None = None) -> Event:
    total = (killed or 0) + (killed_or_wounded or 0)
    return Event(event_id=event_id, doc_id=doc, event_date=dt.date(2024, 12, day), date_precision=1,
                 killed=killed, killed_or_wounded=killed_or_wounded, casualties_low=total, casualties_best=total,
                 casualties_high=total, actor=actor, claimed_by=claimed_by, locations=places,
                 geo_precision=precision or (1 if len(places) == 1 else 2), published=dt.date(2024, 12, 20),
                 source_quote=quote or f"Quote of {event_id}.",
                 sources=({"doc_id": doc, "url": f"https://example.org/{doc}", "source_name": f"Outlet {doc}",
                           "published": "2024-12-20", "quote": quote or f"Quote of {event_id}."},))


@pytest.fixture(scope="module")
def seed_deck(seed_events, index, tmp_path_factory):
    path = tmp_path_factory.mktemp("deck") / "briefing.pptx"
    result = write_briefing(seed_events, path, generated=GENERATED, index=index)
    return result, Presentation(str(path))


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text.replace("\v", " ")  # a title may break its line after ": "


def slide_texts(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def test_seed_deck_slides_and_files(seed_deck):
    result, prs = seed_deck
    assert result.pptx.is_file() and result.map_png.is_file() and result.pdf is None
    assert result.map_png == result.pptx.with_name("situation_map.png")
    assert len(prs.slides) == result.slides == len(TITLES)
    assert [title_of(s) for s in prs.slides] == TITLES
    pictures = [sh for sh in prs.slides[1].shapes if sh.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    assert pictures[0].image.blob == result.map_png.read_bytes()


def test_deck_is_16_9_and_placeholders_centred(seed_deck):
    _, prs = seed_deck
    assert prs.slide_width * 9 == prs.slide_height * 16
    for layout in (prs.slide_layouts[0], prs.slide_layouts[1], prs.slide_layouts[5]):
        for ph in layout.placeholders:
            assert 0 <= ph.left and ph.left + ph.width <= prs.slide_width, (layout.name, ph.name)
        title = layout.placeholders[0]
        assert abs(title.left + title.width / 2 - prs.slide_width / 2) <= 1, layout.name
    body = prs.slide_layouts[1].placeholders[1]
    assert abs(body.left + body.width / 2 - prs.slide_width / 2) <= 1
    for slide in prs.slides:  # every title as placed on the slides, and everything on the slide
        title = slide.shapes.title
        assert abs(title.left + title.width / 2 - prs.slide_width / 2) <= 1
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height


def test_stretching_the_default_template_keeps_margins():
    plain = Presentation()
    wide = new_presentation()
    old, new = plain.slide_layouts[0].placeholders[0], wide.slide_layouts[0].placeholders[0]
    assert new.left / wide.slide_width == pytest.approx(old.left / plain.slide_width, abs=1e-6)
    assert (new.top, new.height) == (old.top, old.height)


def test_title_slide_says_theatre_period_generated_and_counts(seed_deck):
    _, prs = seed_deck
    text = slide_texts(prs.slides[0])
    assert KURSK_BORDER_THEATRE.name in text
    assert "Period covered: 14–15 Dec 2024" in text
    assert "Generated 2024-12-17" in text
    assert "2 casualty claims from 1 report · 1 claimant" in text


def key_figure_rows(prs) -> list[dict[str, str]]:
    """Every row of the key-figures tables, as {header: cell text}."""
    rows = []
    for slide in prs.slides:
        if not title_of(slide).startswith("Key figures"):
            continue
        for shape in slide.shapes:
            if shape.has_table:
                table = list(shape.table.rows)
                header = [cell.text for cell in table[0].cells]
                rows += [dict(zip(header, (cell.text for cell in row.cells))) for row in table[1:]]
    return rows


def test_key_figures_count_the_multi_place_claim_once_and_missing_apart(seed_deck):
    _, prs = seed_deck
    (row,) = key_figure_rows(prs)
    assert row["Side that suffered"] == "North Korean forces"
    assert row["Claimed by"] == "Ukraine's military intelligence (GUR)"
    assert row["Killed or wounded (not split)"] == "30"      # Plekhovo + Martynovka: one claim, not 60
    assert row["Missing"] == "3"                              # apart: never 33
    assert row["Killed"] == row["Wounded"] == row["Captured"] == "–" and row["Claims"] == "2"
    assert "33" not in slide_texts(prs.slides[2])


def test_summary_counts_claims_once_and_sums_ranges_within_one_claimant():
    a, b, c = place("Plyokhovo", 51.1, 35.33), place("Martynovka", 51.239, 35.366), place("Sudzha", 51.19, 35.27)
    three = claim("three", (a, b, c), killed_or_wounded=30, claimed_by="GUR")
    ranged = Event("r", "doc-2", wounded=10, casualties_low=8, casualties_best=10, casualties_high=12,
                   actor="Russian forces", claimed_by="GUR", locations=(c,), geo_precision=1)
    s = summarise([three, ranged], generated=GENERATED)
    (row,) = s.key_figures
    assert (row.side, row.claimant, row.claims) == ("Russian forces", "GUR", 2) and s.multi_place == 1
    assert row.text("killed_or_wounded") == "30" and row.text("wounded") == "10 (8–12)" and row.text("killed") == "–"
    assert s.reports == 2 and s.undated == 1 and s.period_start == s.period_end == dt.date(2024, 12, 14)


def test_no_key_figure_adds_two_claimants_or_two_sides(tmp_path, index):
    """"Killed 209" was a defence ministry's 200 soldiers plus a governor's 9 civilians."""
    sudzha, rylsk = place("Sudzha", 51.19, 35.27), place("Rylsk", 51.57, 34.68)
    events = [claim("mod", (sudzha,), killed=200, actor="Ukrainian forces", claimed_by="Russian Defence Ministry"),
              claim("gov", (rylsk,), killed=9, actor="Civilians", claimed_by="Kursk Oblast governor"),
              claim("gs", (sudzha,), killed=40, actor="Russian forces", claimed_by="General Staff of Ukraine"),
              claim("mod2", (rylsk,), killed=15, actor="Russian forces", claimed_by="Russian Defence Ministry"),
              Event("miss", "doc-1", missing=4, casualties_low=4, casualties_best=4, casualties_high=4,
                    actor="Ukrainian forces", claimed_by="Russian Defence Ministry", locations=(sudzha,),
                    geo_precision=1)]
    result = write_briefing(events, tmp_path / "mixed.pptx", generated=GENERATED, index=index)
    prs = Presentation(str(result.pptx))
    rows = key_figure_rows(prs)
    expected = {("Ukrainian forces", "Russian Defence Ministry"): ("200", "4"), ("Civilians", "Kursk Oblast governor"):
                ("9", "–"), ("Russian forces", "General Staff of Ukraine"): ("40", "–"),
                ("Russian forces", "Russian Defence Ministry"): ("15", "–")}
    assert {(r["Side that suffered"], r["Claimed by"]): (r["Killed"], r["Missing"]) for r in rows} == expected
    for r in rows:  # each row one claimant, one side: no total row, no sum of two rows anywhere
        assert r["Claimed by"] in {"Russian Defence Ministry", "Kursk Oblast governor", "General Staff of Ukraine"}
        assert r["Side that suffered"] in {"Ukrainian forces", "Civilians", "Russian forces"}
    figures = {c for slide in prs.slides for sh in slide.shapes if sh.has_table
               for row in sh.table.rows for c in (cell.text for cell in row.cells)}
    for mixed in ("209", "204", "215", "55", "240", "249", "264"):
        assert mixed not in figures, mixed


def test_events_table_and_speaker_notes_carry_the_claims_and_quotes(seed_deck, seed_events):
    _, prs = seed_deck
    events_slide = prs.slides[3]
    text = slide_texts(events_slide)
    for expected in ("Plyokhovo", "Martynovka", "not placed: Vorozhba", "30 killed or wounded", "3 missing",
                     "North Korean forces", "Ukraine's military intelligence (GUR)", "14–15 Dec 2024"):
        assert expected in text, expected
    notes = events_slide.notes_slide.notes_text_frame.text
    for ev in seed_events:
        assert " ".join(ev.source_quote.split()) in notes
    assert "approximately 30 North Korean soldiers" in notes
    assert "approximately 30 North Korean soldiers" in prs.slides[5].notes_slide.notes_text_frame.text


def test_charts_are_native_and_leave_out_the_missing_and_the_single_place(seed_deck):
    _, prs = seed_deck
    over_time = next(sh.chart for sh in prs.slides[4].shapes if sh.has_chart)
    # both claims are of the weekend's fighting (the missing are read with the lead's date)
    assert list(over_time.plots[0].categories) == ["14 Dec"]
    assert [(s.name, list(s.values)) for s in over_time.series] == [
        ("North Korean forces, per Ukraine's military intelligence (GUR)", [30.0])]   # the 3 missing are not added
    assert "missing and captured are in the key figures" in slide_texts(prs.slides[4])
    assert not any(sh.has_chart for slide in list(prs.slides)[5:] for sh in slide.shapes)  # one place: no chart by place


def test_sources_slide_says_honestly_that_the_sample_names_no_outlet(seed_deck):
    _, prs = seed_deck
    text = slide_texts(prs.slides[5])
    assert "Outlet not stated" in text and "2024-12-16" in text
    assert "report file “seed_article_kursk_nk_casualties” (no outlet or web address given)" in text
    assert text.count("claimed by Ukraine's military intelligence (GUR)") == 2


def long_claims(n: int) -> list[Event]:
    villages = [place(f"Village-{i:03d} Novoselovka-Bolshaya", 51.0 + i * 0.002, 35.0 + i * 0.003)
                for i in range(n)]
    return [claim(f"ev-{i:03d}", tuple(villages[i:i + 4]), day=1 + i % 28, killed=i + 1, doc=f"doc-{i % 7}",
                  claimed_by="General Staff of the Armed Forces of Ukraine, citing the Joint Forces Task Force "
                             "operational reporting for the northern direction")
            for i in range(n)]


def test_long_events_table_continues_over_slides_within_the_slide(tmp_path, index):
    events = long_claims(60)
    result = write_briefing(events, tmp_path / "long.pptx", generated=GENERATED, index=index)
    prs = Presentation(str(result.pptx))
    titles = [title_of(s) for s in prs.slides]
    event_titles = [t for t in titles if t.startswith("Events")]
    assert len(event_titles) >= 5 and event_titles[0] == f"Events (1 of {len(event_titles)})"
    source_titles = [t for t in titles if t.startswith("Sources")]
    assert len(source_titles) >= 2
    footer_top = prs.slide_height - Inches(0.45)
    seen = []
    for slide in prs.slides:
        if not title_of(slide).startswith("Events"):
            continue
        table = next(sh for sh in slide.shapes if sh.has_table)
        assert table.top + sum(row.height for row in table.table.rows) <= footer_top
        seen += [row.cells[2].text for row in list(table.table.rows)[1:]]
    assert sorted(seen, key=lambda t: int(t.split()[0])) == [f"{i + 1} killed" for i in range(60)]
    cells = [cell.text for slide in prs.slides for sh in slide.shapes if sh.has_table
             for row in sh.table.rows for cell in row.cells]
    assert any(c.endswith("…") for c in cells)  # long place lists are shortened, not overflowing
    with zipfile.ZipFile(result.pptx) as deck:  # every part name once (they are counted, see counted_partnames)
        names = deck.namelist()
    assert len(names) == len(set(names))
    assert sum(n.startswith("ppt/notesSlides/notesSlide") for n in names) == len(prs.slides)
    assert sum(n.startswith("ppt/charts/chart") for n in names) == 2  # over time, by place


def test_cyrillic_names_reach_the_slides(tmp_path, index):
    ev = claim("cyr", (place("Мартинівка", 50.29, 35.78, "Сумська область", country="UA"),), killed=2,
               actor="Civilians", claimed_by="Сумська обласна військова адміністрація",
               quote="Двоє людей загинули в Мартинівці, повідомила ОВА.")
    result = write_briefing([ev], tmp_path / "cyr.pptx", generated=GENERATED, index=index)
    prs = Presentation(str(result.pptx))
    everything = "\n".join(slide_texts(s) for s in prs.slides)
    assert "Мартинівка" in everything and "Сумська обласна військова адміністрація" in everything
    assert "Двоє людей загинули" in prs.slides[3].notes_slide.notes_text_frame.text


def test_no_events_still_makes_a_deck_and_long_titles_are_shortened(tmp_path, index):
    long_title = "Weekly casualty claims " + " ".join(f"sector-{i}" for i in range(80))
    result = write_briefing([], tmp_path / "empty.pptx", generated=GENERATED, index=index, title=long_title)
    prs = Presentation(str(result.pptx))
    assert [title_of(s) for s in prs.slides][1:] == TITLES[1:]
    assert "No claims to chart." in slide_texts(prs.slides[4])
    shown = title_of(prs.slides[0])
    assert shown.endswith("…") and long_title.startswith(shown[:-1].rstrip()) and len(shown) < len(long_title)
    assert "No claims in the input." in slide_texts(prs.slides[3])
    assert "Period covered: no dated claims" in slide_texts(prs.slides[0])


def test_output_errors_name_the_file(tmp_path, seed_events, index):
    with pytest.raises(OutputError, match="must be a .pptx"):
        write_briefing(seed_events, tmp_path / "deck.ppt", index=index)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(OutputError) as err:
        write_briefing(seed_events, blocker / "deck.pptx", index=index)
    assert "a-file" in str(err.value)


def write_events_file(events, path):
    from mapper.model.event_io import write_events

    write_events(events, path)
    return path


def test_cli_brief_writes_deck_and_map(tmp_path, seed_events):
    events = write_events_file(seed_events, tmp_path / "events.geojson")
    proc = run_cli("brief", str(events), "-o", str(tmp_path / "out" / "briefing.pptx"), "--map-png",
                   str(tmp_path / "map.png"), "--title", "Kursk briefing")
    assert proc.returncode == 0, proc.stderr
    assert "briefing.pptx (6 slides, 2 events)" in proc.stderr
    prs = Presentation(str(tmp_path / "out" / "briefing.pptx"))
    assert title_of(prs.slides[0]) == "Kursk briefing"
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (tmp_path / "out" / "situation_map.png").exists()


def test_cli_brief_usage_and_input_errors(tmp_path, seed_events):
    events = write_events_file(seed_events, tmp_path / "events.jsonl")
    bad_suffix = run_cli("brief", str(events), "-o", str(tmp_path / "deck.pdf"))
    assert bad_suffix.returncode == 2 and ".pptx" in bad_suffix.stderr
    assert run_cli("brief", str(events)).returncode == 2                      # -o is required
    missing = run_cli("brief", str(tmp_path / "nope.geojson"), "-o", str(tmp_path / "d.pptx"))
    assert missing.returncode == 1 and "nope.geojson: no such file" in missing.stderr
    assert "Traceback" not in missing.stderr and not (tmp_path / "d.pptx").exists()
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(seed_events[0].to_dict()) + "\n{not json\n")
    proc = run_cli("brief", str(broken), "-o", str(tmp_path / "d.pptx"))
    assert proc.returncode == 1 and "broken.jsonl:2" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_brief_pdf_says_clearly_when_libreoffice_is_missing(tmp_path, seed_events):
    events = write_events_file(seed_events, tmp_path / "events.geojson")
    proc = run_cli("brief", str(events), "-o", str(tmp_path / "briefing.pptx"), "--pdf",
                   env={"CONFLICTMAP_SOFFICE": str(tmp_path / "no-soffice-here")})
    assert proc.returncode == 1
    assert "LibreOffice is not installed" in proc.stderr and "Traceback" not in proc.stderr
    assert (tmp_path / "briefing.pptx").is_file() and not (tmp_path / "briefing.pdf").exists()
    assert Presentation(str(tmp_path / "briefing.pptx")).slide_width == 12192000  # 13.333 in: 16:9


def test_api_pdf_without_libreoffice_keeps_the_deck_and_says_why(tmp_path, seed_events, index, monkeypatch):
    monkeypatch.setenv("CONFLICTMAP_SOFFICE", str(tmp_path / "no-soffice-here"))
    result = write_briefing(seed_events, tmp_path / "b.pptx", pdf=True, index=index)
    assert result.pdf is None and result.pptx.is_file() and result.map_png.is_file()
    assert "LibreOffice is not installed" in result.pdf_error and "b.pdf" in result.pdf_error
    assert not (tmp_path / "b.pdf").exists()
