"""The map's HTML: layers, escaping of untrusted report text, one marker per event."""

import datetime as dt
import json
import re

import pytest

from conftest import REPO, run_cli
from mapper.ingest.documents import read_documents
from mapper.model.events import Event, EventLocation
from mapper.render.web.popup_js import popup_record
from mapper.render.web.popups import safe_link
from mapper.render.web.webmap import build_map, render_page, write_map

PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">',
            '"><svg onload=window.__pwned=1>']


def hostile_event() -> Event:
    loc = EventLocation(PAYLOADS[1], "Sudzha" + PAYLOADS[2], 51.19139, 35.27056, "RU", "Kursk Oblast",
                        "Sudzhansky District", "curated:ru-kursk-sudzha", 1, True, "")
    return Event(event_id="ev-xss", doc_id="xss", event_date=dt.date(2024, 12, 14), date_precision=1,
                 killed=3, casualties_low=3, casualties_best=3, casualties_high=3, actor="Civilians" + PAYLOADS[0],
                 claimed_by=PAYLOADS[1], locations=(loc,), geo_precision=1,
                 source_url="javascript:window.__pwned=1", source_name=PAYLOADS[0],
                 source_quote="Three were killed " + PAYLOADS[0] + PAYLOADS[1],
                 sources=({"doc_id": "xss", "url": "javascript:window.__pwned=1", "source_name": PAYLOADS[2]},))


def test_popup_record_is_plain_data_and_embeds_escaped(tmp_path):
    """Popups carry the text as data (shown with textContent); the page embeds it with < and > escaped."""
    record = popup_record(hostile_event())
    assert record["quote"].endswith(PAYLOADS[0] + PAYLOADS[1]) and record["actor"] == "Civilians" + PAYLOADS[0]
    write_map([hostile_event()], tmp_path / "map.html")
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", " javascript:x",
                                 "vbscript:x", "httpfoo:calc", "http:evil", "https:/x", "http://", "https://[::1",
                                 "https://example.org:99999/", "https://exa\nmple.org/", "https://example.org/\u202e"])
def test_only_http_links_are_emitted(url):
    assert "<a" not in safe_link(url, "s")


def test_map_html_has_the_layers_and_no_raw_payload(tmp_path):
    result = write_map([hostile_event()], tmp_path / "map.html")
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    for payload in PAYLOADS:
        assert payload not in html
    assert 'href=\\"javascript' not in html and 'href="javascript' not in html
    for layer in ("Border", "Oblasts", "Districts", "Rivers", "Places of multi-place claims",
                  "Uncertainty (precision 2\u20133)", "Casualty heat map", "Clusters"):
        assert json.dumps(layer)[1:-1] in html, layer
    assert result.events == 1 and result.bytes == len(html.encode("utf-8"))


def test_one_event_marker_per_event_and_multipoint_places(gazetteer):
    from mapper.ingest.documents import read_documents
    from mapper.extract.extractor import extract_events
    from conftest import REPO

    docs = read_documents([REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"],
                          published=dt.date(2024, 12, 16))
    events = extract_events(docs, gazetteer=gazetteer)
    built = build_map(events, labels=None)                     # no settlement labels: event marks only
    html, _ = render_page(built)
    groups = built.groups
    assert len(re.findall(r'"event_id": "ev-', html)) == len(events) == 2
    assert len(groups["Events by side"]) == 1 and re.search(r'"North Korean forces" *: *feature_group_', html)
    places_layer = next(iter(groups["Analysis"][0]._children.values()))
    assert len(places_layer.data["features"]) == 4               # both claims: Plyokhovo and Martynovka
    assert "Vorozhba" in html and "not placed" in html          # named as unresolved in the popup
    assert "34.22806" not in html                               # the Sumy town is not marked


def test_cli_map(tmp_path):
    from conftest import REPO

    events = tmp_path / "events.geojson"
    seed = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
    assert run_cli("extract", str(seed), "--published", "2024-12-16", "--format", "geojson",
                   "-o", str(events)).returncode == 0
    proc = run_cli("map", str(events), "-o", str(tmp_path / "map.html"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "map.html").stat().st_size > 10_000
    bad = run_cli("map", str(tmp_path / "missing.geojson"), "-o", str(tmp_path / "x.html"))
    assert bad.returncode == 1 and "missing.geojson" in bad.stderr and "Traceback" not in bad.stderr


def test_offline_legend_says_what_is_left_out(tmp_path):
    path = tmp_path / "map.html"
    write_map([hostile_event()], path, offline=True)
    assert "no minimap (it shows web tiles)" in path.read_text(encoding="utf-8")
    online = tmp_path / "online.html"
    write_map([hostile_event()], online)
    assert "no minimap" not in online.read_text(encoding="utf-8")


def test_map_from_a_geodataframe_of_events(gazetteer, tmp_path):
    """The API takes the GeoDataFrame extract_geodataframe returns, as well as a list of events."""
    from mapper.extract.extractor import extract_geodataframe

    docs = read_documents([REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"],
                          published=dt.date(2024, 12, 16))
    frame = extract_geodataframe(docs, gazetteer=gazetteer)
    result = write_map(frame, tmp_path / "map.html", offline=True)
    assert result.events == len(frame) == 2
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Plyokhovo" in html and "GUR" in html


def test_cli_map_labels_in_the_chosen_script(tmp_path, gazetteer):
    """``--labels ru`` labels the settlements in Russian Cyrillic; ``none`` leaves them out."""
    from mapper.model.event_io import write_events

    source = tmp_path / "events.jsonl"
    write_events([hostile_event()], source)
    for labels, present, absent in (("ru", '"\\u041a\\u0443\\u0440\\u0441\\u043a"', '"Kursk", '),
                                    ("en", '"Kursk", ', None), ("none", None, '"Kursk", ')):
        out = tmp_path / f"{labels}.html"
        proc = run_cli("map", str(source), "-o", str(out), "--labels", labels)
        assert proc.returncode == 0, proc.stderr
        html = out.read_text(encoding="utf-8").encode("ascii", "backslashreplace").decode("ascii").lower()
        assert present is None or present.lower() in html, labels
        assert absent is None or absent.lower() not in html, labels
    bad = run_cli("map", str(source), "-o", str(tmp_path / "x.html"), "--labels", "fr")
    assert bad.returncode == 2 and "--labels" in bad.stderr


@pytest.mark.parametrize("theatre", ["kursk_border", "kharkiv_front"])
def test_one_border_line_on_the_oblast_outlines(theatre):
    """The border is drawn from the oblasts' own outlines, and no other outline runs beside it."""
    import shapely

    from gazetteer.theatres import find_theatre
    from mapper.render.web.basemap import _frames, base_layers

    frames = _frames(find_theatre(theatre))
    border = shapely.union_all(frames["border"].geometry.values)
    areas = shapely.union_all(shapely.boundary(frames["oblasts_areas"].geometry.values))
    vertices = shapely.points(shapely.get_coordinates(border))
    assert border.length > 5 and shapely.distance(vertices, areas).max() < 0.001   # on the oblast outlines
    # Near the border only the short ends that meet it (and, for districts, the lines between the
    # districts along it); both countries' outlines along it would be twice its length.
    for layer, share in (("oblasts", 0.1), ("districts", 0.3)):
        band = shapely.difference(shapely.buffer(border, 0.05), shapely.buffer(shapely.boundary(border), 0.15))
        beside = shapely.intersection(shapely.union_all(frames[layer].geometry.values), band)  # the ends aside
        assert beside.length < share * border.length, layer
    assert not any(frame.geom_type.isin(["Point", "MultiPoint"]).any() for frame in frames.values())
    assert [name for name, _ in base_layers(find_theatre(theatre))] == ["Border", "Oblasts", "Districts", "Rivers"]


def test_title_block_is_escaped_and_never_a_template(tmp_path):
    title = "<script>window.__pwned=1</script> {{ 7*191 }}"
    path = tmp_path / "map.html"
    write_map([hostile_event()], path, title=title, labels=None)
    html = path.read_text(encoding="utf-8")
    block = html[html.index('<div class="cm-title"'):]
    block = block[:block.index("</div></div>")]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; {{ 7*191 }}" in block and "1337" not in block
    assert "as of 2024-12-14" in block and "Kursk" in block      # no publication date: the latest event's
