"""Rebuilding the index imports the user's files again; one that no longer loads is named and left out whole."""

from __future__ import annotations

import logging
import zipfile

from gazetteer.index import PlaceIndex


def _row(gid: int, name: str, lat: float, lon: float) -> str:
    cols = [str(gid), name, name, "", str(lat), str(lon), "P", "PPL", "RU", "", "41", "", "", "",
            "75", "", "160", "Europe/Moscow", "2024-02-02"]
    return "\t".join(cols)


def _zipped_dump(path, rows: int, prefix: str, first_id: int):
    lines = [_row(first_id + i, f"{prefix}{chr(97 + i % 26)}{i}", 51.5 + i / 20000, 35.6) for i in range(rows)]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("YY.txt", "\n".join(lines) + "\n")
    return path


def _damage(path) -> None:
    """Zeros two thirds of the way into the deflate stream: its first rows still read, then it fails."""
    data = bytearray(path.read_bytes())
    cut = int(len(data) * 0.66)
    data[cut:cut + 64] = bytes(64)
    path.write_bytes(bytes(data))


def test_a_user_file_that_no_longer_loads_is_dropped_with_a_warning_and_none_of_its_rows(index_copy, tmp_path,
                                                                                          caplog):
    kept = tmp_path / "kept.txt"
    kept.write_text(_row(993000001, "Keptovka", 51.41, 35.21) + "\n", encoding="utf-8")
    spoiled = _zipped_dump(tmp_path / "spoiled.zip", 3000, "Spoiledrow", 994000000)
    index_copy.import_file(spoiled)
    index_copy.import_file(kept)
    assert index_copy.get("geonames:994000000") is not None
    path = index_copy.path
    index_copy.close()
    _damage(spoiled)                                        # the file changed on disk since it was imported

    with caplog.at_level(logging.WARNING, logger="gazetteer.index"):
        rebuilt = PlaceIndex.open(path, rebuild=True)
    try:
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any(str(spoiled.resolve()) in w and "no longer loads" in w for w in warnings), warnings
        assert rebuilt.get("geonames:994000000") is None    # rows read before the failure were rolled back
        assert not rebuilt.lookup("spoiledrowa0")
        assert rebuilt.get("geonames:993000001").name == "Keptovka"
        sources = {s["path"] for s in rebuilt.info()["sources"]}
        assert str(kept.resolve()) in sources and str(spoiled.resolve()) not in sources
    finally:
        rebuilt.close()
