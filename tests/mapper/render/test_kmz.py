"""KML and KMZ for Google Earth offline: the KMZ carries its icon inside, the KML names no web address."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pyogrio
import pytest
from lxml import etree
from PIL import Image

from mapper.model.events import Event, EventLocation
from mapper.render.export import export_events
from mapper.render.export.kml import KMZ_ICON, kml_colour, write, write_kmz
from mapper.render.web.popups import actor_colour

KML = "{http://www.opengis.net/kml/2.2}"


def _loc(name: str, lat: float, lon: float) -> EventLocation:
    return EventLocation(name, name, lat, lon, "RU", "Kursk Oblast", "", f"test:{name}", 1, True, "")


EVENTS = [
    Event(event_id="a", doc_id="d1", event_date=dt.date(2024, 12, 14), killed=12, casualties_best=12,
          actor="Civilians", locations=(_loc("Sudzha", 51.19, 35.27),), geo_precision=1),
    Event(event_id="b", doc_id="d2", event_date=dt.date(2024, 12, 15), wounded=40, casualties_best=40,
          actor="North Korean forces", locations=(_loc("Plekhovo", 51.1, 35.33), _loc("Martynovka", 51.24, 35.37)),
          geo_precision=2),
]


@pytest.fixture(scope="module")
def kmz(tmp_path_factory):
    path = tmp_path_factory.mktemp("kmz") / "events.kmz"
    assert write_kmz(EVENTS, path, index=None) == [path]
    return path


def _hrefs(doc) -> list[str]:
    return [el.text for el in doc.iter(f"{KML}href")]


def test_kmz_holds_doc_kml_first_and_every_icon_inside(kmz):
    with zipfile.ZipFile(kmz) as archive:
        names = archive.namelist()
        assert names[0] == "doc.kml" and KMZ_ICON in names
        doc = etree.fromstring(archive.read("doc.kml"))
        hrefs = _hrefs(doc)
        assert hrefs and all(h in names for h in hrefs)                 # every icon resolves inside the archive
        assert not [h for h in hrefs if "://" in h or h.startswith("/")]
        icon = Image.open(io.BytesIO(archive.read(KMZ_ICON)))
    assert icon.mode == "RGBA" and icon.size == (64, 64)
    assert icon.getpixel((32, 32)) == (255, 255, 255, 255)            # white: IconStyle/color tints it
    assert icon.getpixel((0, 0))[3] == 0                              # transparent around the dot
    styles = {s.get("id"): s for s in doc.iter(f"{KML}Style")}
    colours = {styles[pm.findtext(f"{KML}styleUrl")[1:]].findtext(f".//{KML}color")
               for pm in doc.iter(f"{KML}Placemark")}
    assert colours == {kml_colour(actor_colour("Civilians")), kml_colour(actor_colour("North Korean forces"))}


def test_gdal_reads_the_kmz_and_its_doc_kml(kmz):
    inner = pyogrio.read_dataframe(f"/vsizip/{kmz}/doc.kml")               # the KML driver, inside the zip
    assert len(inner) == 2 and sorted(inner["event_id"]) == ["a", "b"]
    whole = pyogrio.read_dataframe(kmz)                                    # the archive itself (LIBKML)
    assert len(whole) == 2
    multi = inner.set_index("event_id").geometry["b"]
    assert multi.geom_type == "MultiPoint" and len(multi.geoms) == 2


def test_plain_kml_names_no_icon_on_the_network(tmp_path):
    path = tmp_path / "events.kml"
    assert write(EVENTS, path, index=None) == [path]
    raw = path.read_text(encoding="utf-8")
    doc = etree.fromstring(raw.encode())
    assert _hrefs(doc) == [] and "maps.google" not in raw and "<Icon>" not in raw
    assert {s.findtext(f"{KML}IconStyle/{KML}scale") for s in doc.iter(f"{KML}Style")} >= {"1.6", "2.3"}
    assert len(pyogrio.read_dataframe(path)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.kml"]     # nothing else written beside it


def test_kmz_is_a_format_export_writes(tmp_path):
    from mapper.render.writers import WRITERS

    assert WRITERS["kmz"].suffix == ".kmz" and WRITERS["kmz"].write is write_kmz
    result = export_events(EVENTS, tmp_path, formats="kml,kmz", index=None)
    assert result.ok and [p.name for p in result.written] == ["events.kml", "events.kmz"]
    with zipfile.ZipFile(tmp_path / "events.kmz") as archive:
        assert archive.namelist() == ["doc.kml", KMZ_ICON]
