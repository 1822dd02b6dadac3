"""Lone surrogates in text: a JSON ``"\\udc80"`` escape or a file name can hold one; no writer can encode it.

Ingest cleans documents with it and the event readers clean events files with it.
"""

from __future__ import annotations

import re

__all__ = ["SURROGATES", "replace_surrogates"]

#: A lone surrogate: never in decoded bytes, but a JSON "\\udc80" escape or a file name can hold one.
SURROGATES = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (from a JSON ``"\\udc80"`` escape) replaced by U+FFFD.

        >>> replace_surrogates("Sud\\udc80zha")
        'Sud\\ufffdzha'
    """
    return SURROGATES.sub("\ufffd", text)
