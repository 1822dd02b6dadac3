"""Cell values of other tools' tables as the record's types: whole numbers, coordinates, dates, text.

Each parser takes what a CSV, a GIS layer or JSON gives (text, numbers, dates, ``None``) and
raises ``ValueError`` with a short reason the loaders put after the file, row and column::

    >>> whole("12"), whole(" 3.0 "), whole(""), coordinate("50,45", "latitude")
    (12, 3, None, 50.45)
    >>> day("14 December 2024"), day("2024-12-14T08:30:00Z"), day("14.12.2024")
    (datetime.date(2024, 12, 14), datetime.date(2024, 12, 14), datetime.date(2024, 12, 14))
    >>> day("03/04/2024")
    Traceback (most recent call last):
    ValueError: '03/04/2024' is not a date (day and month can be read both ways: give YYYY-MM-DD)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

__all__ = ["blank", "text", "whole", "number", "coordinate", "day", "flag"]

_MAX_FIGURE = 10_000_000
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d.%m.%Y", "%Y/%m/%d", "%Y%m%d")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def blank(value) -> bool:
    """True for a missing cell: None, NaN, NaT, or text of spaces only."""
    if value is None:
        return True
    if type(value) is str:
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError, ImportError):
        return False


def text(value) -> str:
    """A cell as text ("" when missing); whole floats without ``.0``."""
    if blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number(value) -> float | None:
    """A decimal number; a decimal comma ("50,45") is read as a point."""
    if blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        return float(value)
    raw = str(value).strip().replace("\u2212", "-")
    if "," in raw and "." not in raw and raw.count(",") == 1:
        raw = raw.replace(",", ".")
    try:
        out = float(raw)
    except ValueError:
        raise ValueError(f"{str(value)[:40]!r} is not a number") from None
    if not math.isfinite(out):
        raise ValueError(f"{str(value)[:40]!r} is not a number")
    return out


def whole(value, largest: int = _MAX_FIGURE) -> int | None:
    """A whole number from 0 to ``largest`` (a casualty figure by default)."""
    out = number(value)
    if out is None:
        return None
    if not out.is_integer() or not 0 <= out <= largest:
        raise ValueError(f"{text(value)[:40]!r} is not a whole number from 0 to {largest:,}")
    return int(out)


def coordinate(value, axis: str) -> float | None:
    """A latitude (-90..90) or longitude (-180..180) in degrees."""
    out = number(value)
    limit = 90.0 if axis == "latitude" else 180.0
    if out is not None and not -limit <= out <= limit:
        raise ValueError(f"{out!r} is not a {axis} in degrees (reproject the file to EPSG:4326, WGS 84)")
    return out


def flag(value) -> bool:
    """A yes/no cell: true, 1, yes, y (any case) are yes; missing is no."""
    return text(value).lower() in ("true", "1", "yes", "y", "t")


def day(value) -> dt.date | None:
    """A date: ISO (a date-time keeps its day), "14 December 2024", "14.12.2024", or a slashed date whose
    day and month cannot be mixed up (13/12/2024)."""
    if blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return value.to_pydatetime().date()
    return _day_of_text(str(value).strip())


@lru_cache(maxsize=4096)
def _day_of_text(raw: str) -> dt.date:
    """The date a text names (dates repeat down a table: each is parsed once)."""
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    slashed = _SLASHED.fullmatch(raw)
    if slashed:
        a, b, year = (int(g) for g in slashed.groups())
        if a <= 12 and b <= 12 and a != b:
            raise ValueError(f"{raw!r} is not a date (day and month can be read both ways: give YYYY-MM-DD)")
        try:
            return dt.date(year, b, a) if a > 12 or a == b else dt.date(year, a, b)
        except ValueError:
            pass
    raise ValueError(f"{raw[:40]!r} is not a date (give YYYY-MM-DD)")
