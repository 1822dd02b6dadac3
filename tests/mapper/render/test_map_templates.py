"""Report text never reaches a template engine: the map shows template markers as text.

branca compiles what folium renders a second time as a Jinja2 template. Report text placed in a
folium object ran as template code: ``{{ 7*191 }}`` in a source name showed as ``1337``, a
payload reaching ``os.system`` ran a command, ``{%`` or ``{#`` raised ``TemplateSyntaxError``
with no map or deck, ``{{ range(10**9)|list }}`` ate memory. These tests put template markers in
every text field of an event and check that:

- no string Jinja2 compiles while the map is written contains any of that text (the guard: it
  fails whichever new path lets report text into a template);
- the page carries each field's text exactly (parsed back from the page's JSON), and the live
  page in Chromium shows the markers as typed, in the popup, the tooltip, the layer control and
  the search;
- ``conflictmap run`` on an HTML page whose ``og:site_name``, title and text carry payloads
  writes every artefact, and nothing the payloads ask for happens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import jinja2
import pytest

from browser import open_offline, wait_for_leaflet
from conftest import run_cli
from mapper.model.events import Event, EventLocation
from mapper.render.web.web_values import ValueVault, ValueVaultError, page_json
from mapper.render.web.webmap import write_map

#: Template markers of every kind Jinja2 reads, and the audit's payloads. Evaluated, ``'TEMPLATE' ~ 'RAN'``
#: would leave ``TEMPLATERAN`` in the page (``7*191``'s ``1337`` can occur in folium's random ids).
MARKERS = ["{{ 7*191 }}", "{{ 'TEMPLATE' ~ 'RAN' }}", "{% if true %}yes{% endif %}", "{# note #}", "{{ range(10**9)|list }}",
           "{%", "{#", "}}", "{{ lipsum.__globals__.os.system('touch PWNED') }}"]
PAYLOAD = " ".join(MARKERS)


def marked(field: str) -> str:
    """The text of ``field``: a tag naming it (to find it again) and every marker."""
    return f"CANARY-{field} {PAYLOAD}"


def template_event(n: int = 0) -> Event:
    """An event whose every text field carries the markers (a resolved place keeps its point)."""
    loc = EventLocation(mention=marked("mention"), name="Sudzha " + marked("place"), latitude=51.19139,
                        longitude=35.27056 + n * 0.01, country_code="RU", admin1=marked("admin1"),
                        admin2=marked("admin2"), gazetteer_id=marked("gazetteer_id"), geo_precision=1,
                        resolved=True, reason="")
    unplaced = EventLocation(mention=marked("unplaced"), name=None, latitude=None, longitude=None,
                             country_code=None, admin1=None, admin2=None, gazetteer_id=None, geo_precision=None,
                             resolved=False, reason=marked("reason"))
    return Event(event_id=f"ev-{n}-" + marked("event_id"), doc_id=marked("doc_id"),
                 event_date=dt.date(2024, 12, 14), date_precision=1, date_text=marked("date_text"),
                 event_type=marked("event_type"), sub_event_type=marked("sub_event_type"),
                 claim_words=marked("claim_words"),
                 killed=3, casualties_low=3, casualties_best=3, casualties_high=3, qualifier=marked("qualifier"),
                 actor=marked("actor"), claimed_by=marked("claimed_by"), locations=(loc, unplaced), geo_precision=1,
                 location_note=marked("location_note"), source_url="https://example.org/" + marked("url"),
                 source_name=marked("source_name"), source_quote=marked("quote"),
                 sources=({"doc_id": marked("source_doc"), "url": "https://example.org/a?" + marked("source_url"),
                           "source_name": marked("source"), "title": marked("title")},))


@pytest.fixture
def compiled_sources(monkeypatch) -> list[str]:
    """Every template source Jinja2 compiles while the test runs."""
    sources: list[str] = []
    original = jinja2.Environment.compile

    def recording(self, source, *args, **kwargs):
        sources.append(str(source))
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", recording)
    return sources


@pytest.mark.parametrize("offline,bulk", [(True, False), (False, False), (True, True)],
                         ids=["offline", "online", "large-map"])
def test_no_report_text_is_compiled_as_a_template(tmp_path, compiled_sources, offline, bulk):
    events = [template_event(n) for n in range(3)]
    path = tmp_path / "map.html"
    write_map(events, path, offline=offline, bulk=bulk)
    assert compiled_sources                                  # folium did compile its own templates
    leaked = [s for s in compiled_sources if "CANARY" in s]
    assert leaked == [], leaked[0][:300] if leaked else ""
    html = path.read_text(encoding="utf-8")
    assert "TEMPLATERAN" not in html                         # nothing was evaluated
    assert not (tmp_path / "PWNED").exists()


def _json_values(html: str) -> list:
    """Every JSON object the page carries in a ``"popup": {...}`` property, parsed back."""
    decoder = json.JSONDecoder()
    return [decoder.raw_decode(html, m.end())[0] for m in re.finditer(r'"popup": ', html)]


def test_every_field_comes_back_exactly_from_the_page(tmp_path):
    ev = template_event()
    path = tmp_path / "map.html"
    write_map([ev], path)
    html = path.read_text(encoding="utf-8")
    [popup] = _json_values(html)
    assert popup["actor"] == ev.actor and popup["claimed_by"] == ev.claimed_by and popup["quote"] == ev.source_quote
    assert popup["date_text"] == ev.date_text
    # the URL has spaces, so it is not a link: shown as text after the name
    assert popup["sources"] == [[marked("source") + " — " + ev.sources[0].url, ""]]
    assert [p[0] for p in popup["places"]][1] == marked("unplaced") and popup["places"][1][1] == marked("reason")
    assert marked("place") in popup["places"][0][0] and marked("admin2") in popup["places"][0][0]
    assert any(ev.qualifier in str(f[1]) for f in popup["figures"])


def test_a_token_left_outside_a_json_string_is_refused():
    vault = ValueVault()
    token = vault.text("x")
    assert vault.fill(f'var a = "{token}";') == 'var a = "x";'
    with pytest.raises(ValueVaultError):
        vault.fill(f"<b>{token}</b>")                         # not a JSON string: never shown raw


def test_page_json_reads_back_as_the_same_value():
    value = {"q": PAYLOAD + " </script><!-- \u2028 & ' \" \\", "n": [1, 2.5, None, True]}
    text = page_json(value)
    assert json.loads(text) == value
    assert not any(s in text for s in ("{{", "{%", "{#", "<", ">", "&", "\u2028"))


def test_live_page_shows_every_marker_as_typed(tmp_path, page):
    ev = template_event()
    path = tmp_path / "map.html"
    write_map([ev], path, offline=True)
    pg, errors, requests = open_offline(page, path)
    wait_for_leaflet(pg)
    marker = pg.locator("path.cm-event").first
    marker.hover(force=True)
    tooltip = pg.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=5000)
    assert marker_text_in(tooltip.inner_text(), "place")
    marker.click(force=True)
    popup = pg.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.text_content()
    for field in ("actor", "claimed_by", "quote", "date_text", "unplaced", "reason", "place", "admin2", "source",
                  "qualifier"):
        assert marker_text_in(text, field), field
    labels = " ".join(pg.eval_on_selector_all(".leaflet-control-layers label", "els => els.map(e => e.textContent)"))
    assert marker_text_in(labels, "actor")
    assert errors == [] and requests == []


def marker_text_in(text: str, field: str) -> bool:
    """Whether ``text`` shows ``field``'s text with every marker exactly as typed."""
    return marked(field) in text


def test_run_on_a_page_with_payloads_in_its_metadata_writes_every_artefact(tmp_path):
    page_html = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{{{{ 7*191 }}}} Sumy {{% raw %}}</title>
<meta property="og:site_name" content="{{{{ 7*191 }}}} {{# channel #}} {{%">
<link rel="canonical" href="https://example.org/{{{{7*191}}}}">
</head><body><article><p>{PAYLOAD}</p>
<p>Five soldiers were killed near Sudzha in the Kursk region on 14 December 2024, the governor said. {{{{ 'TEMPLATE' ~ 'RAN' }}}}</p>
</article></body></html>"""
    report = tmp_path / "in" / "page.html"
    report.parent.mkdir()
    report.write_text(page_html, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("run", str(report.parent), "-o", str(out), "--published", "2024-12-16")
    assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr
    for name in ("map.html", "events.jsonl", "events.geojson", "events.gpkg", "events.kml", "events.csv",
                 "briefing.pptx"):
        assert (out / name).stat().st_size > 0, name
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").split("\n") if line]
    assert events and events[0]["sources"][0]["source_name"].startswith("{{ 7*191 }}")
    html = (out / "map.html").read_text(encoding="utf-8")
    [popup] = _json_values(html)
    assert popup["sources"][0][0].startswith("{{ 7*191 }} {# channel #} {%")
    assert "TEMPLATERAN" not in html


def test_template_event_fills_every_text_field():
    """The guard tests are only as good as the event: every str field of the record carries text."""
    ev = template_event()
    empty = [f.name for f in dataclasses.fields(ev) if isinstance(getattr(ev, f.name), str) and not getattr(ev, f.name)]
    assert empty == []
