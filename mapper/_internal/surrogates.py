"""Lone surrogates in text: a JSON ``"\\udc80"`` escape or a file name can hold one; no writer can encode it.

Ingest cleans documents with it and the event readers clean events files with it.
"""

from __future__ import annotations

import re

__all__ = ["SURROGATES", "replace_surrogates", "without_surrogates"]

#: A lone surrogate: never in decoded bytes, but a JSON "\\udc80" escape or a file name can hold one.
SURROGATES = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (from a JSON ``"\\udc80"`` escape) replaced by U+FFFD.

        >>> replace_surrogates("Sud\\udc80zha")
        'Sud\\ufffdzha'
    """
    return SURROGATES.sub("\ufffd", text)


def without_surrogates(value):
    """A JSON value (strings, lists, dicts) with every lone surrogate in its strings and keys
    replaced by U+FFFD; other values as they are.

        >>> without_surrogates({"id\\udc80": ["a\\udcff", 3]})
        {'id\\ufffd': ['a\\ufffd', 3]}
    """
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value
