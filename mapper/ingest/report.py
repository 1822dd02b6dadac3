"""The report record every reader gives: :class:`Document` (re-exported by :mod:`mapper.ingest.documents`).

    >>> Document("tg-1", "Two people were killed in Sumy.", source_name="Sumy OVA").encoding
    'utf-8'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = ["Document"]


@dataclass(frozen=True)
class Document:
    """One report as plain text plus what is known about where and when it was published.

    ``id`` is stable: the JSON ``"id"``, else the file stem (``"<stem>:<n>"`` for a
    JSON-lines line or list item; ``"stdin"`` for standard input); ids repeated by
    different inputs get ``~2``, ``~3`` in input order. ``text`` is NFC with
    paragraphs separated by ``"\\n\\n"``; later stages' character spans point into it.
    """

    id: str
    text: str
    title: str = ""
    published: datetime.date | None = None
    url: str = ""
    source_name: str = ""
    path: str = ""
    encoding: str = "utf-8"
