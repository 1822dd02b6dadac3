"""Importing a user's GeoNames dump: real dump format, packed three ways, with bad rows.

The rows below are synthetic test fixtures (invented names far from any real
place); they live only in a temporary directory and a throw-away index copy.
"""

import gzip
import json
import shutil
import zipfile

import pytest

from conftest import run_cli
from gazetteer import Gazetteer
from gazetteer.exc import DataFileError, DumpFormatError
from gazetteer.index import PlaceIndex
from gazetteer.loaders import LoadReport, read_geonames
from gazetteer.normalize import name_key


def dump_row(gid, name, lat, lon, alternates="", country="RU", admin1="41", population=120, fcode="PPL"):
    cols = [str(gid), name, name, alternates, str(lat), str(lon), "P", fcode, country, "", admin1, "", "", "",
            str(population), "", "150", "Europe/Moscow", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


GOOD = [
    dump_row(990000001, "Zzyzxovka", 51.31, 35.11, "Zzyzkhovka,Ззызовка"),
    dump_row(990000002, "Qwertyino", 51.27, 35.02, "Кверти"),
]
BAD = [
    "990000003\tToofewcolumns\t51.0\t35.0",                       # wrong column count
    dump_row(990000004, "Latitudenine", 999, 35.0),               # impossible latitude
    dump_row(990000005, "Longitudebad", 51.0, "east"),            # not a number
]


def write_dump(path, lines, bad_bytes=True):
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if bad_bytes:
        data += dump_row(990000006, "Encodingbad", 51.0, 35.0).encode("utf-8").replace(b"Encodingbad",
                                                                                      b"Enc\xff\xfedingbad") + b"\n"
    path.write_bytes(data)
    return path


@pytest.fixture
def dump_txt(tmp_path):
    return write_dump(tmp_path / "XX.txt", GOOD + BAD)


def test_loader_reads_good_rows_and_counts_bad_ones(dump_txt):
    report = LoadReport(str(dump_txt))
    places = list(read_geonames(dump_txt, report=report))
    assert [p.name for p in places] == ["Zzyzxovka", "Qwertyino"]
    assert places[0].id == "geonames:990000001" and places[0].admin1_code == "RU.41"
    assert report.loaded == 2 and report.n_skipped == 4
    assert report.skipped == {"wrong column count": 1, "latitude out of range": 1,
                              "longitude not a number": 1, "bad encoding": 1}
    assert "2 rows loaded, 4 skipped" in report.summary()


@pytest.mark.parametrize("packing", ["txt", "zip", "gz"])
def test_imported_places_then_resolve(index_copy, dump_txt, tmp_path, packing):
    path = dump_txt
    if packing == "zip":
        path = tmp_path / "XX.zip"
        with zipfile.ZipFile(path, "w") as zf:
            zf.write(dump_txt, "XX.txt")
            zf.writestr("readme.txt", "not data\n")
    elif packing == "gz":
        path = tmp_path / "XX.txt.gz"
        with open(dump_txt, "rb") as f_in, gzip.open(path, "wb") as f_out:
            shutil.copyfileobj(f_in, f_out)
    gaz = Gazetteer(index_copy)
    assert not gaz.resolve("Zzyzxovka").resolved
    report = index_copy.import_file(path)
    assert report.loaded == 2 and report.n_skipped == 4
    gaz = Gazetteer(index_copy)
    for spelling in ("Zzyzxovka", "Ззызовка", "Zzyzkhovka"):
        res = gaz.resolve(spelling)
        assert res.resolved and res.place.id == "geonames:990000001", spelling
        assert res.place.admin1 == "Kursk Oblast"          # admin names filled from the codes
        assert res.place.admin2 == "Sudzhansky District"   # and from the district polygons
    assert gaz.resolve("Qwertyino").place.latitude == 51.27


def test_reimport_merges_instead_of_duplicating(index_copy, dump_txt):
    index_copy.import_file(dump_txt)
    index_copy.import_file(dump_txt)
    assert [p.id for p in index_copy.lookup(name_key("Zzyzxovka"))] == ["geonames:990000001"]
    assert sum(1 for p in index_copy.places() if p.name == "Zzyzxovka") == 1


def test_dump_row_next_to_a_curated_place_folds_into_it(index_copy, tmp_path):
    # A GeoNames-style row for Sudzha 0.7 km from the curated coordinate: kept as an alias.
    path = write_dump(tmp_path / "RU.txt", [dump_row(486816, "Sudzha", 51.1976, 35.2726, "Sudscha")],
                      bad_bytes=False)
    index_copy.import_file(path)
    res = Gazetteer(index_copy).resolve("Sudscha")
    assert res.place.id == "curated:ru-kursk-sudzha"
    assert index_copy.get("geonames:486816").id == "curated:ru-kursk-sudzha"


def test_alternate_names_file_adds_names(index_copy, dump_txt, tmp_path):
    index_copy.import_file(dump_txt)
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t990000001\tru\tЗызовка-Новая\t\t\t\t\t\t\n2\t990000001\tja\tズィズ\t\t\t\t\t\t\n"
                   "3\t990000001\tlink\thttps://example.org/x\t\t\t\t\t\t\nbroken line\n", encoding="utf-8")
    report = index_copy.import_file(alt)
    assert report.loaded == 1 and report.n_skipped == 1
    assert Gazetteer(index_copy).resolve("Зызовка-Новая").place.id == "geonames:990000001"


def test_not_a_dump_is_refused(tmp_path, index_copy):
    path = tmp_path / "prices.tsv"
    path.write_text("a\tb\tc\n1\t2\t3\n")
    with pytest.raises(DumpFormatError) as err:
        index_copy.import_file(path)
    assert "prices.tsv" in str(err.value) and "\n" not in str(err.value)


def test_cli_import_reports_skipped_rows_and_places_resolve(index, dump_txt, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(index.path, cache / index.path.name)
    env = {"CONFLICTMAP_CACHE_DIR": str(cache)}
    proc = run_cli("gazetteer", "import", str(dump_txt), env=env)
    assert proc.returncode == 0, proc.stderr
    assert "2 rows loaded, 4 skipped" in proc.stdout
    assert "latitude out of range" in proc.stdout and "Traceback" not in proc.stderr
    out = json.loads(run_cli("geocode", "Zzyzxovka", "--format", "json", env=env).stdout)
    assert out["resolved"] and out["gazetteer_id"] == "geonames:990000001"
    info = json.loads(run_cli("gazetteer", "info", "--format", "json", env=env).stdout)
    assert any(s["path"] == str(dump_txt) and s["skipped"] == 4 for s in info["sources"])


def test_rebuild_keeps_imported_files(index_copy, dump_txt):
    index_copy.import_file(dump_txt)
    path = index_copy.path
    index_copy.close()
    rebuilt = PlaceIndex.open(path, rebuild=True)
    try:
        assert rebuilt.get("geonames:990000001").name == "Zzyzxovka"
    finally:
        rebuilt.close()


def test_cli_import_names_each_bad_file_in_one_line(tmp_path):
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "cp1251.txt": dump_row(990000007, "Суджа", 51.19, 35.27).encode("cp1251"),
        "utf16.txt": dump_row(990000008, "Суджа", 51.19, 35.27).encode("utf-16"),
        "broken.zip": b"PK\x03\x04 not really a zip",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    proc = run_cli("gazetteer", "import", *(str(tmp_path / n) for n in files),
                   env={"CONFLICTMAP_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == len(files)
    expected = {"empty.txt": "empty file", "binary.txt": "binary file", "cp1251.txt": "looks like cp1251",
                "utf16.txt": "looks like utf-16", "broken.zip": "damaged archive"}
    for line, (name, why) in zip(lines, expected.items()):
        assert name in line and why in line, line
    assert not (tmp_path / "cache").exists(), "no index is built when every file is refused"


def damaged_zip(path, rows: int = 3000):
    """A GeoNames dump zipped, then damaged two thirds of the way in: its first rows read, then it fails."""
    lines = [dump_row(991000000 + i, f"Damagedrow{chr(97 + i % 26)}{i}", 51.0 + i / 10000, 35.0) for i in range(rows)]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("XX.txt", "\n".join(lines) + "\n")
    data = bytearray(path.read_bytes())
    cut = int(len(data) * 0.66)
    data[cut:cut + 64] = bytes(64)                        # zeros in the middle of the deflate stream
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_archive_imports_nothing_and_the_next_file_commits_only_its_own(index_copy, tmp_path, dump_txt):
    broken = damaged_zip(tmp_path / "XX.zip")
    with pytest.raises(DataFileError) as err:
        index_copy.import_file(broken)
    assert "XX.zip" in str(err.value) and "damaged archive" in str(err.value)
    index_copy.import_file(dump_txt)                       # the next file's commit
    assert index_copy.get("geonames:991000000") is None    # no row of the damaged file was kept
    assert not index_copy.lookup("Damagedrowa0")
    assert index_copy.get("geonames:990000001").name == "Zzyzxovka"
    assert str(broken.resolve()) not in {s["path"] for s in index_copy.info()["sources"]}


def test_cli_import_of_a_damaged_archive_is_one_line_and_keeps_the_good_file(index, tmp_path, dump_txt):
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(index.path, cache / index.path.name)
    env = {"CONFLICTMAP_CACHE_DIR": str(cache)}
    broken = damaged_zip(tmp_path / "XX.zip")
    proc = run_cli("gazetteer", "import", str(broken), str(dump_txt), env=env)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert str(broken) in line and "damaged archive" in line
    assert "2 rows loaded" in proc.stdout
    out = json.loads(run_cli("geocode", "Damagedrowa0", "--format", "json", env=env).stdout)
    assert not out["resolved"]
