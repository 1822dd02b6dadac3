"""Open gazetteer files as streams of lines, whatever their packing, and tell their kind.

    >>> detect_kind_from_line("486816\\tSudzha\\tSudzha\\t\\t51.19\\t35.27" + "\\t" * 13)
    'geonames'
    >>> detect_kind_from_line("name_en\\talt_names\\tname_ru")
    'curated'
    >>> detect_kind_from_line("title;latitude;lng;population")
    'settlement_table'
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from gazetteer.exc import DataFileError, DumpFormatError

__all__ = ["open_text_lines", "readable_lines", "tsv_records", "detect_kind", "detect_kind_from_line",
           "guess_encoding"]

_SKIP_ZIP_MEMBERS = ("readme", "iso-languagecodes", "license")

#: One decoded line, or ``None`` where the bytes were not valid UTF-8.
Line = tuple[int, str | None]


def _zip_members(zf: zipfile.ZipFile) -> list[str]:
    return [
        n for n in zf.namelist()
        if n.lower().endswith((".txt", ".tsv")) and not Path(n).name.lower().startswith(_SKIP_ZIP_MEMBERS)
    ]


def _raw_streams(path: Path) -> Iterator[io.BufferedIOBase]:
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                members = _zip_members(zf)
                if not members:
                    raise DumpFormatError(path, "zip archive holds no .txt or .tsv data file")
                for member in members:
                    with zf.open(member) as stream:
                        yield stream
        elif path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as stream:
                yield stream
        else:
            with open(path, "rb") as stream:
                yield stream
    except FileNotFoundError:
        raise DataFileError(path, "no such file") from None
    except IsADirectoryError:
        raise DataFileError(path, "is a directory, expected a file") from None
    except PermissionError:
        raise DataFileError(path, "permission denied") from None
    except (zipfile.BadZipFile, gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise DataFileError(path, f"damaged archive ({exc})") from None


def open_text_lines(path: str | Path) -> Iterator[Line]:
    """Yield ``(line_number, text)`` for every line; ``text`` is None for undecodable lines.

    Reads ``.txt``/``.tsv`` as they are, ``.gz`` and ``.zip`` (every data member)
    unpacked on the fly, so a multi-gigabyte ``allCountries.zip`` streams in
    constant memory.
    """
    path = Path(path)
    line_no = 0
    for stream in _raw_streams(path):
        try:
            for raw in stream:
                line_no += 1
                try:
                    yield line_no, raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError:
                    yield line_no, None
        except (zipfile.BadZipFile, gzip.BadGzipFile, EOFError, OSError, zlib.error) as exc:
            raise DataFileError(path, f"damaged archive at line {line_no} ({exc})") from None


def readable_lines(path: str | Path, report) -> Iterator[tuple[int, str]]:
    """Non-blank lines of a file; each undecodable one is counted in ``report`` (a LoadReport)."""
    for line_no, text in open_text_lines(path):
        if text is None:
            report.skip(line_no, "bad encoding: not UTF-8")
        elif text.strip():
            yield line_no, text


def tsv_records(path: str | Path, report, required: tuple[str, ...], what: str) -> Iterator[tuple[int, dict]]:
    """``(line_number, row)`` of a tab-separated table with a header naming ``required`` columns.

    Rows with the wrong column count are counted in ``report`` and skipped; a header
    without the required columns raises :class:`DumpFormatError` naming ``what`` the file should be.
    """
    header: list[str] | None = None
    for line_no, text in readable_lines(path, report):
        cols = text.split("\t")
        if header is None:
            header = [c.strip().lstrip("\ufeff") for c in cols]
            missing = [c for c in required if c not in header]
            if missing:
                raise DumpFormatError(path, f"{what} lacks columns: {', '.join(missing)}")
            continue
        if len(cols) != len(header):
            report.skip(line_no, f"wrong column count: {len(cols)}, expected {len(header)}")
            continue
        yield line_no, dict(zip(header, cols))


def detect_kind_from_line(line: str) -> str | None:
    """Name the file kind from its first line, or None when unknown."""
    cols = line.split("\t")
    head = cols[0].strip().lstrip("\ufeff")
    if head == "name_en":
        return "curated"
    if head == "osm_id":
        return "osm_settlements"
    if head == "geonames_code":
        return "admin_codes"
    if head.isdigit() and len(cols) == 19:
        return "geonames"
    if head.isdigit() and len(cols) in (8, 10) and cols[1].isdigit():
        return "alternate_names"
    if _is_settlement_header(line):
        return "settlement_table"
    return None


def _is_settlement_header(line: str) -> bool:
    """A CSV/TSV header naming a name, a latitude and a longitude column."""
    import csv

    from gazetteer.loaders.table_columns import match_columns

    text = line.lstrip("\ufeff")
    delimiter = max("\t;,", key=text.count)
    if delimiter not in text:
        return False
    try:
        return not match_columns(next(csv.reader([text], delimiter=delimiter))).missing()
    except (csv.Error, ValueError, StopIteration):
        return False


def _binary_kind(path: Path, sample: bytes) -> str | None:
    """The kind of an OSM extract or a GIS table, from the name and the first bytes."""
    name = path.name.lower()
    head = sample.lstrip(b"\xef\xbb\xbf \t\r\n")
    if name.endswith((".osm.pbf", ".pbf", ".osm")) or b"OSMHeader" in sample[:32] or (
            head.startswith(b"<?xml") and b"<osm" in head[:1000]) or head.startswith(b"<osm"):
        return "osm_extract"
    if name.endswith(".gpkg") and sample.startswith(b"SQLite format 3\x00"):
        return "settlement_table"
    if name.endswith((".geojson", ".json")) and head.startswith(b"{"):
        return "settlement_table"
    return None


def detect_kind(path: str | Path) -> str:
    """Kind of a gazetteer file, from its first readable non-blank line.

    Raises :class:`DumpFormatError` when no loader can read it.
    """
    sample = _sample(Path(path))
    kind = _binary_kind(Path(path), sample)
    if kind is not None:
        return kind
    if b"\x00" in sample or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DumpFormatError(path, _not_utf8_reason(sample))
    undecodable = 0
    for line_no, text in open_text_lines(path):
        if text is None:
            undecodable += 1
        if text is None or not text.strip() or text.startswith("#"):
            if line_no > 50:
                break
            continue
        kind = detect_kind_from_line(text)
        if kind is None:
            ncols = len(text.split("\t"))
            raise DumpFormatError(
                path, f"not a gazetteer file this tool reads (first row has {ncols} tab-separated columns; "
                "expected a GeoNames dump with 19, alternateNames, the curated TSV, the OSM settlements TSV, "
                "or a settlement table with name, latitude and longitude columns)"
            )
        return kind
    if undecodable:
        raise DumpFormatError(path, _not_utf8_reason(sample))
    raise DumpFormatError(path, "empty file or no readable rows")


def _sample(path: Path, size: int = 65536) -> bytes:
    streams = _raw_streams(path)
    try:
        return next(streams).read(size)
    except StopIteration:
        return b""
    finally:
        streams.close()


def guess_encoding(sample: bytes) -> str | None:
    """The text encoding of a byte sample, or None when it is not text at all.

    UTF-16 by its byte-order mark; cp1251 / KOI8-R when the bytes read as
    Cyrillic words in them; otherwise charset-normalizer's best guess.

        >>> guess_encoding("Плёхово, Курская область".encode("cp1251"))
        'cp1251'
        >>> guess_encoding(bytes(range(256))) is None
        True
    """
    from charset_normalizer import from_bytes

    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in sample:
        return None
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _cyrillic_single_byte(sample)
    if encoding is None:
        best = from_bytes(sample).best()
        encoding = best.encoding if best is not None else None
    return encoding


def _not_utf8_reason(sample: bytes) -> str:
    """Say what a file that is not UTF-8 text looks like (cp1251, UTF-16, binary)."""
    encoding = guess_encoding(sample)
    if encoding is None:
        return "binary file, not a text table"
    return (f"not UTF-8 (looks like {encoding}); gazetteer files are UTF-8 — "
            f"convert with: iconv -f {encoding} -t utf-8")


def _cyrillic_single_byte(sample: bytes) -> str | None:
    """cp1251 or koi8-r when the bytes read as mostly Cyrillic text in it (short samples
    fool general detectors; these two are what Russian and Ukrainian sources use)."""
    high = [b for b in sample if b >= 0x80]
    if not high:
        return None
    for encoding in ("cp1251", "koi8_r"):
        text = sample.decode(encoding, errors="replace")
        non_ascii = [c for c in text if ord(c) >= 0x80 and not c.isspace()]
        letters = [c for c in non_ascii if c.isalpha()]
        lower = sum(1 for c in letters if c.islower())
        if (letters and all(0x400 <= ord(c) <= 0x4FF for c in letters) and lower >= len(letters) / 2
                and len(letters) >= 0.8 * len(non_ascii)):  # not box drawing or symbols: binary read as text
            return encoding
    return None
