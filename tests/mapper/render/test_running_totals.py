"""Running totals stay in the events files but off the map, the slides' figures and the run summary."""

from __future__ import annotations

import datetime as dt

from mapper.model.events import Event, EventLocation
from mapper.pipeline import RunResult, summarise as run_summary
from mapper.render.briefing.summary import summarise as deck_summary
from mapper.render.totals import split_totals
from mapper.render.web.webmap import build_map, render_page

SUDZHA = EventLocation("Sudzha", "Sudzha", 51.19139, 35.27056, "RU", "Kursk Oblast", "Sudzhansky District",
                       "curated:ru-kursk-sudzha", 1, True, "")
DAY = dt.date(2024, 12, 14)


def _events() -> list[Event]:
    incident = Event(event_id="ev-day", doc_id="d", event_date=DAY, date_precision=1, killed=3, casualties_low=3,
                     casualties_best=3, casualties_high=3, actor="Civilians", locations=(SUDZHA,), geo_precision=1,
                     event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    total = Event(event_id="ev-total", doc_id="d", event_date=dt.date(2024, 8, 6), event_date_end=DAY,
                  killed_or_wounded=40_000, casualties_low=40_000, casualties_best=40_000, casualties_high=40_000,
                  actor="Russian forces", locations=(SUDZHA,), geo_precision=3, cumulative=True,
                  event_type="Strategic developments", sub_event_type="Other")
    return [incident, total]


def test_split_keeps_the_incidents_in_order():
    shown, left_out = split_totals(_events())
    assert [e.event_id for e in shown] == ["ev-day"] and left_out == 1


def test_the_map_draws_incidents_only_and_says_how_many_totals_it_left_out():
    html, _ = render_page(build_map(_events(), labels=None))
    assert "1 running total not mapped" in html
    assert "ev-total" not in html                                   # no point, no popup
    panel = html[html.index('<div class="cm-totals"'):html.index('<div class="cm-legend"')]
    assert "40000" in panel.replace(",", "") and html.replace(",", "").count("40000") == 1   # in its own panel only


def test_the_run_summary_adds_no_running_total():
    lines = run_summary(RunResult(documents=1, events=_events()))
    assert "events: 2" in lines
    assert any(line.endswith(": killed 3 in 1 claim(s)") for line in lines)
    assert not any("killed or wounded" in line for line in lines)
    assert any("1 running total not mapped nor added" in line for line in lines)


def test_the_deck_summary_counts_incidents_and_the_totals_left_out():
    incidents, left_out = split_totals(_events())
    s = deck_summary(incidents, generated=DAY, running_totals=left_out)
    (row,) = s.key_figures
    assert row.text("killed") == "3" and s.claims == 1 and s.running_totals == 1


def test_the_deck_leaves_totals_off_and_says_so(tmp_path):
    from pptx import Presentation

    from mapper.render.briefing import write_briefing

    result = write_briefing(_events(), tmp_path / "briefing.pptx", generated=DAY)
    assert result.events == 2
    prs = Presentation(str(result.pptx))
    key_figures = " ".join(sh.text_frame.text for sh in prs.slides[2].shapes if sh.has_text_frame)
    assert "1 running total (on its own slide) not added" in key_figures
    tables = [sh.table for sh in prs.slides[2].shapes if sh.has_table]
    assert [[c.text for c in row.cells][:3] for row in list(tables[0].rows)[1:]] == [["Civilians", "Claimant not stated",
                                                                                    "3"]]
    totals = prs.slides[3]  # the running total on a slide of its own, as reported
    assert totals.shapes.title.text_frame.text == "Running totals"
    cells = [c.text for sh in totals.shapes if sh.has_table for row in sh.table.rows for c in row.cells]
    assert "since 6 Aug 2024 (to 14 Dec 2024)" in cells and "40,000 killed or wounded" in cells
    charted = [sh.chart for slide in prs.slides for sh in slide.shapes if sh.has_chart]
    assert charted and all(max(s.values) == 3 for chart in charted for s in chart.series)


def test_the_kml_lists_totals_in_their_own_hidden_folder_undrawn(tmp_path):
    import re

    from lxml import etree

    from mapper.render.export.kml import KML_NS, TOTALS_FOLDER, kml_bytes

    raw = kml_bytes(_events())
    doc = etree.fromstring(raw)
    k = f"{{{KML_NS}}}"
    document = doc.find(f"{k}Document")
    (incident,) = document.findall(f"{k}Placemark")
    assert incident.find(f".//{k}SimpleData[@name='event_id']").text == "ev-day"
    assert incident.find(f"{k}Point") is not None and incident.find(f"{k}TimeStamp") is not None
    (folder,) = document.findall(f"{k}Folder")
    assert folder.findtext(f"{k}name") == TOTALS_FOLDER and folder.findtext(f"{k}visibility") == "0"
    (total,) = folder.findall(f"{k}Placemark")
    assert total.find(f".//{k}SimpleData[@name='event_id']").text == "ev-total"
    assert total.find(f".//{k}SimpleData[@name='cumulative']").text == "1"
    assert total.find(f".//{k}SimpleData[@name='killed_or_wounded']").text == "40000"
    assert not [el for el in total.iter() if el.tag in (f"{k}Point", f"{k}MultiGeometry", f"{k}TimeSpan")]
    # written from templates, the folder is indented and escaped as lxml would write it
    again = etree.tostring(etree.ElementTree(doc), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert again == re.sub(rb"<(\w+)((?: [^<>]*)?)></\1>", rb"<\1\2/>", raw)


def test_gdal_reads_the_incidents_and_the_totals_as_two_layers(tmp_path):
    import pyogrio

    from mapper.render.export.kml import write

    path, = write(_events(), tmp_path / "events.kml")
    layers = {name: pyogrio.read_dataframe(path, layer=name) for name, _ in pyogrio.list_layers(path)}
    assert len(layers) == 2
    ids = {name: list(frame["event_id"]) for name, frame in layers.items()}
    assert sorted(ids.values()) == [["ev-day"], ["ev-total"]]
    total = next(frame for frame in layers.values() if list(frame["event_id"]) == ["ev-total"])
    assert total.geometry.isna().all() or total.geometry.is_empty.all()


def test_a_kml_without_totals_has_no_folder():
    from mapper.render.export.kml import kml_bytes

    assert b"<Folder" not in kml_bytes(_events()[:1])


def test_the_run_summary_never_adds_two_claimants_or_two_categories():
    from mapper.model.events import Event

    a = Event(event_id="a", doc_id="d1", killed=200, actor="Ukrainian forces", claimed_by="Russian Ministry of Defence")
    b = Event(event_id="b", doc_id="d2", killed=9, missing=2, actor="Civilians", claimed_by="Sumy Oblast military administration")
    lines = run_summary(RunResult(documents=2, events=[a, b]))
    assert "  Ukrainian forces, per Russian Ministry of Defence: killed 200 in 1 claim(s)" in lines
    assert "  Civilians, per Sumy Oblast military administration: killed 9, missing 2 in 1 claim(s)" in lines
    assert not any(n in line for line in lines for n in ("209", " 11 "))
