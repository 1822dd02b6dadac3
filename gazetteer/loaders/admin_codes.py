"""Read GeoNames administrative codes (``admin_codes.tsv``): names of oblasts and districts.

    >>> codes = {c.code: c for c in read_admin_codes(DATA / "admin_codes.tsv.gz")}  # doctest: +SKIP
    >>> codes["RU.41"].name                                                          # doctest: +SKIP
    "Kurskaya oblast'"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer.exc import DumpFormatError
from gazetteer.loaders.geonames import keep_alternate_name
from gazetteer.loaders.report import LoadReport
from gazetteer.loaders.sniff import readable_lines

__all__ = ["AdminCode", "read_admin_codes"]

_ENGLISH_FORM = re.compile(r"^[A-Z][A-Za-z'’ -]+ (Oblast|Krai|Republic|Region|Raion|District|Province|Voblast)$")


@dataclass(frozen=True, slots=True)
class AdminCode:
    """A first- or second-level subdivision: ``RU.41`` / ``RU.41.486813``; no coordinates."""

    code: str
    iso: str
    name: str
    level: int
    geonameid: str
    alternate_names: tuple[str, ...]

    @property
    def country_code(self) -> str:
        return self.code.split(".")[0]

    @property
    def english_name(self) -> str:
        """``Kursk Oblast`` style name where GeoNames has one, else its own name."""
        for alt in self.alternate_names:
            if _ENGLISH_FORM.match(alt):
                return alt
        return self.name.replace("’", "").replace("'", "")


def read_admin_codes(path: str | Path, *, report: LoadReport | None = None) -> Iterator[AdminCode]:
    report = report if report is not None else LoadReport(str(path))
    for line_no, text in readable_lines(path, report):
        cols = text.split("\t")
        if line_no == 1:
            if cols[0] != "geonames_code":
                raise DumpFormatError(path, "not an admin codes table (no geonames_code header)")
            continue
        if len(cols) != 7 or cols[5] not in ("1", "2"):
            report.skip(line_no, f"wrong column count: {len(cols)}, expected 7")
            continue
        report.loaded += 1
        yield AdminCode(
            code=cols[0], iso=cols[1], name=cols[2], level=int(cols[5]), geonameid=cols[4],
            alternate_names=tuple(a for a in cols[6].split("|") if keep_alternate_name(a)),
        )
