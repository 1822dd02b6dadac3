"""The deck's content rules and fit, read back with python-pptx: sources by outlet, charts over dated claims,
slides per place, and every text inside its shape on the sample and on a 1,000-event file."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from pptx import Presentation
from pptx.util import Inches

from mapper.model.events import Event, EventLocation
from mapper.render.briefing import write_briefing
from mapper.render.briefing.periods import charted_period
from mapper.render.briefing.tables import MARGIN_X_PT, MARGIN_Y_PT
from mapper.render.briefing.textfit import line_height, wrap
from test_briefing import GENERATED, SEED, slide_texts, title_of

SIDES = ["Ukrainian forces", "Russian forces", "Civilians", "North Korean forces"]
CLAIMANTS = ["Russian Defence Ministry", "General Staff of the Armed Forces of Ukraine",
             "Kursk Oblast governor Alexander Khinshtein (Telegram)", "Сумська обласна військова адміністрація",
             "Ukraine's military intelligence (GUR)", None]
OUTLETS = [("TASS", "https://tass.com/defense/{}"), ("", "https://t.me/gubernator46/{}"),
           ("Ukrainska Pravda", "https://www.pravda.com.ua/eng/news/{}"), ("Kyiv Wire", ""), ("", "")]


def loc(name: str, lat: float, lon: float, admin1: str = "Kursk Oblast") -> EventLocation:
    return EventLocation(name, name, lat, lon, "RU", admin1, "", f"test:{name}", 1, True, "")


def thousand_events(n: int = 1000) -> list[Event]:
    """Our own synthetic claims: many sides, claimants, outlets, places (some long names), a few undated,
    one misdated a year early, a few running totals."""
    rng = random.Random(19)
    villages = [loc(f"{name}-{i}", 51.0 + i * 0.01, 35.0 + i * 0.013) for i, name in
                enumerate(["Plyokhovo", "Martynovka", "Sudzha", "Velykomykhailivka-Novoselivska", "Rylsk", "Glushkovo",
                           "Tetkino", "Korenevo", "Oleshnya", "Guyevo"] * 4)]
    events = []
    for i in range(n):
        places = tuple(rng.sample(villages, rng.choice([1, 1, 1, 2, 3])))
        day = None if i % 97 == 0 else dt.date(2024, 11, 1) + dt.timedelta(days=rng.randrange(60))
        if i == 500:
            day = dt.date(2023, 11, 20)  # misdated a year early
        figures = rng.choice([{"killed": rng.randrange(1, 300)}, {"wounded": rng.randrange(1, 50)},
                              {"killed_or_wounded": rng.randrange(5, 120)}, {"missing": rng.randrange(1, 9)},
                              {"captured": rng.randrange(1, 6)}, {"killed": 3, "wounded": 7}])
        best = sum(figures.values())
        outlet, url = OUTLETS[i % len(OUTLETS)]
        doc = f"report-{i % 150:03d}"
        source = {"doc_id": doc, "url": url.format(i % 150) if url else "", "source_name": outlet,
                  "published": "2025-01-02", "quote": f"Quote {i}."}
        events.append(Event(f"ev-{i:04d}", doc, event_date=day, date_precision=1 if day else None,
                            casualties_low=best, casualties_best=best, casualties_high=best,
                            actor=rng.choice(SIDES), claimed_by=rng.choice(CLAIMANTS), locations=places,
                            geo_precision=1 if len(places) == 1 else 2, published=dt.date(2025, 1, 2),
                            source_quote=f"Quote {i}.", sources=(source,), cumulative=i % 250 == 7, **figures))
    return events


def overflows(prs) -> list[str]:
    """Every text that would not fit its shape: text boxes and titles measured as the deck measures them,
    table rows against their set heights, tables and boxes against the slide and the footer band."""
    problems = []
    footer_top = prs.slide_height - Inches(0.45)
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            bottom = shape.top + shape.height
            if shape.left < 0 or shape.left + shape.width > prs.slide_width or bottom > prs.slide_height:
                problems.append(f"slide {number}: {shape.name} leaves the slide")
            if shape.has_table:
                rows = list(shape.table.rows)
                if number > 1 and shape.top + sum(r.height for r in rows) > footer_top:
                    problems.append(f"slide {number}: table runs into the footer")
                for row in rows:
                    for cell, column in zip(row.cells, shape.table.columns):
                        need = _height(cell.text_frame, column.width / 12700 - 2 * MARGIN_X_PT) + 2 * MARGIN_Y_PT
                        if need > row.height / 12700 + 0.5:
                            problems.append(f"slide {number}: cell {cell.text[:40]!r} needs {need:.0f} pt")
            elif shape.has_text_frame and shape.text_frame.text.strip():
                frame = shape.text_frame
                inset_x = (frame.margin_left + frame.margin_right) / 12700
                inset_y = (frame.margin_top + frame.margin_bottom) / 12700
                need = _height(frame, shape.width / 12700 - inset_x) + inset_y
                if need > shape.height / 12700 + 0.5:
                    problems.append(f"slide {number}: {frame.text[:40]!r} needs {need:.0f} of {shape.height / 12700:.0f} pt")
                if number > 1 and bottom > footer_top + 1 and shape.top < footer_top - 1:
                    problems.append(f"slide {number}: {frame.text[:40]!r} straddles the footer")
    return problems


def _height(frame, width: float) -> float:
    total = 0.0
    for p in frame.paragraphs:
        runs = [r for r in p.runs if r.text]
        if not runs:
            continue
        size = max(r.font.size.pt for r in runs if r.font.size)
        text = "".join(r.text for r in runs).replace("\v", "\n")
        spacing = p.line_spacing.pt if hasattr(p.line_spacing, "pt") else line_height(size)
        total += len(wrap(text, size, width, bold=any(r.font.bold for r in runs))) * spacing
        total += p.space_before.pt if p.space_before is not None else 0
    return total


@pytest.fixture(scope="module")
def sample_deck(gazetteer, index, tmp_path_factory):
    from mapper.extract.extractor import extract_events
    from mapper.ingest.documents import read_documents

    events = extract_events(read_documents([SEED], published=dt.date(2024, 12, 16)), gazetteer=gazetteer)
    path = tmp_path_factory.mktemp("sample") / "briefing.pptx"
    write_briefing(events, path, generated=GENERATED, index=index)
    return Presentation(str(path))


@pytest.fixture(scope="module")
def big_deck(index, tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "briefing.pptx"
    result = write_briefing(thousand_events(), path, generated=GENERATED, index=index)
    return result, Presentation(str(path))


def test_every_text_fits_its_shape_on_the_sample(sample_deck):
    assert overflows(sample_deck) == []


def test_every_text_fits_its_shape_on_a_thousand_events(big_deck):
    result, prs = big_deck
    assert result.events == 1000 and len(prs.slides) > 40
    assert overflows(prs) == []


def test_the_overflow_check_can_fail(sample_deck):
    prs = sample_deck
    box = next(sh for sh in prs.slides[2].shapes if sh.has_text_frame and "One row per side" in sh.text_frame.text)
    box.height = box.height // 3
    assert any("One row per side" in p for p in overflows(prs))


def test_a_thousand_events_keep_every_rule(big_deck):
    _, prs = big_deck
    titles = [title_of(s) for s in prs.slides]
    assert titles[2].startswith("Key figures") and any(t.startswith("Running totals") for t in titles)
    assert sum(t.startswith("Place: ") for t in titles) == 12                   # the largest place groups
    over_time = next(sh.chart for s in prs.slides if title_of(s) == "Casualties over time"
                     for sh in s.shapes if sh.has_chart)
    assert list(over_time.plots[0].categories)[:2] == ["w/c 28 Oct", "w/c 4 Nov"]  # weeks of Nov–Dec 2024 only
    caption = slide_texts(next(s for s in prs.slides if title_of(s) == "Casualties over time"))
    assert "11 undated claims not charted" in caption and "20 Nov 2023" in caption
    assert "Period covered: 1 Nov – 30 Dec 2024 (and 1 claim dated far outside it: 20 Nov 2023)" in slide_texts(
        prs.slides[0])


def test_time_chart_spans_the_bulk_and_names_the_misdated_and_undated(tmp_path, index):
    sudzha = loc("Sudzha", 51.19, 35.27)
    days = [dt.date(2024, 12, d) for d in (10, 11, 12, 14)] + [dt.date(2023, 12, 14), None]
    events = [Event(f"e{i}", "d", event_date=day, killed=5, casualties_best=5, actor="Civilians",
                    claimed_by="Governor", locations=(sudzha,), geo_precision=1, published=dt.date(2024, 12, 15))
              for i, day in enumerate(days)]
    prs = Presentation(str(write_briefing(events, tmp_path / "d.pptx", generated=GENERATED, index=index).pptx))
    slide = next(s for s in prs.slides if title_of(s) == "Casualties over time")
    chart = next(sh.chart for sh in slide.shapes if sh.has_chart)
    assert list(chart.plots[0].categories) == [f"{d} Dec" for d in range(10, 15)]
    assert [list(s.values) for s in chart.series] == [[5.0, 5.0, 5.0, 0.0, 5.0]]
    text = slide_texts(slide)
    assert "1 undated claim not charted" in text and "1 claim dated far from the rest not charted: 14 Dec 2023" in text
    assert "Period covered: 10–14 Dec 2024 (and 1 claim dated far outside it: 14 Dec 2023)" in slide_texts(prs.slides[0])


def test_two_claims_a_year_apart_keep_the_one_dated_near_its_report():
    days = [dt.date(2023, 12, 14), dt.date(2024, 12, 14)]
    period = charted_period(days, [dt.date(2024, 12, 16)] * 2)
    assert (period.start, period.end, period.left_out) == (days[1], days[1], [days[0]])
    evenly = [dt.date(2024, m, 1) for m in range(1, 13)]
    assert charted_period(evenly).left_out == []              # a year of monthly claims is one run


def test_sources_are_grouped_by_outlet_each_report_once_with_web_links_only(tmp_path, index):
    sudzha = loc("Sudzha", 51.19, 35.27)

    def ev(i, url, outlet, doc):
        return Event(f"e{i}", doc, event_date=dt.date(2024, 12, 10 + i), killed=i + 1, casualties_best=i + 1,
                     actor="Civilians", claimed_by="Governor", locations=(sudzha,), geo_precision=1,
                     sources=({"doc_id": doc, "url": url, "source_name": outlet, "published": "2024-12-16",
                               "quote": f"q{i}"},))
    events = [ev(0, "https://tass.com/1", "TASS", "a"), ev(1, "https://tass.com/1", "TASS", "a-copy"),
              ev(2, "https://tass.com/2", "TASS", "b"), ev(3, "https://t.me/gubernator46/7", "", "c"),
              ev(4, "javascript:alert(1)", "", "d")]
    prs = Presentation(str(write_briefing(events, tmp_path / "s.pptx", generated=GENERATED, index=index).pptx))
    slide = next(s for s in prs.slides if title_of(s) == "Sources")
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    rows = [[c.text for c in row.cells] for row in list(table.rows)[1:]]
    assert [r[:2] for r in rows] == [["t.me/gubernator46\n1 report", "https://t.me/gubernator46/7"],
                                     ["TASS\n2 reports", "https://tass.com/1"], ["", "https://tass.com/2"],
                                     ["Outlet not stated\n1 report",
                                      "report file “d” (the address given is not a web link: see the notes)"]]
    assert rows[1][3].count("Civilians") == 2                 # the copy's claim is under the one report
    links = [r.hyperlink.address for row in table.rows for c in row.cells for p in c.text_frame.paragraphs
             for r in p.runs if r.hyperlink.address]
    assert links == ["https://t.me/gubernator46/7", "https://tass.com/1", "https://tass.com/2"]
    assert "javascript:alert(1)" in slide.notes_slide.notes_text_frame.text


def test_a_slide_per_place_group_and_a_chart_by_place_when_several_places(tmp_path, index):
    sudzha, rylsk, martynovka = loc("Sudzha", 51.19, 35.27), loc("Rylsk", 51.57, 34.68), loc("Martynovka", 51.24, 35.37)
    events = [Event(f"e{i}", "d", event_date=dt.date(2024, 12, 10 + i), killed=k, casualties_best=k, actor=actor,
                    claimed_by=who, locations=places, geo_precision=1 if len(places) == 1 else 2)
              for i, (places, k, actor, who) in enumerate([
                  ((sudzha,), 200, "Ukrainian forces", "Russian Defence Ministry"),
                  ((sudzha,), 9, "Civilians", "Kursk Oblast governor"),
                  ((rylsk,), 4, "Civilians", "Kursk Oblast governor"),
                  ((sudzha, martynovka), 30, "Russian forces", "General Staff of Ukraine")])]
    prs = Presentation(str(write_briefing(events, tmp_path / "p.pptx", generated=GENERATED, index=index).pptx))
    titles = [title_of(s) for s in prs.slides]
    assert [t for t in titles if t.startswith("Place: ")] == ["Place: Sudzha", "Place: Sudzha + Martynovka",
                                                              "Place: Rylsk"]  # most claims, then casualties
    sudzha_slide = prs.slides[titles.index("Place: Sudzha")]
    table = next(sh.table for sh in sudzha_slide.shapes if sh.has_table)
    assert [[c.text for c in row.cells][:3] for row in list(table.rows)[1:]] == [
        ["Ukrainian forces", "Russian Defence Ministry", "200"], ["Civilians", "Kursk Oblast governor", "9"]]
    by_place = next(sh.chart for sh in prs.slides[titles.index("Casualties by place")].shapes if sh.has_chart)
    assert list(by_place.plots[0].categories) == ["Sudzha", "Sudzha + Martynovka", "Rylsk"]
    assert by_place.chart_type == 57  # XL_CHART_TYPE.BAR_CLUSTERED: sides and claimants never stacked into one bar


def test_running_totals_have_their_own_slide_dated_or_not():
    from mapper.render.briefing.keyfigures import add_running_totals_slides
    from mapper.render.briefing.template import new_presentation

    prs = new_presentation()
    totals = [Event("a", "d", killed=9000, casualties_best=9000, actor="Russian forces", claimed_by="GS",
                    event_date=dt.date(2024, 8, 6), event_date_end=dt.date(2024, 12, 14), cumulative=True),
              Event("b", "d", killed=40, casualties_best=40, actor="Russian forces", claimed_by="GS", cumulative=True)]
    add_running_totals_slides(prs, totals)
    (slide,) = prs.slides
    cells = [c.text for sh in slide.shapes if sh.has_table for row in sh.table.rows for c in row.cells]
    assert cells[5:7] == ["since 6 Aug 2024 (to 14 Dec 2024)", "9,000 killed"]
    assert cells[10:12] == ["period not stated", "40 killed"]
