"""Errors of the mapper, all :class:`~gazetteer.exc.ConflictMapError` subclasses.

Each carries the file (or input) it concerns and a one-line reason::

    >>> str(InputError("report.txt", "empty file"))
    'report.txt: empty file'

A file name is shown escaped (:func:`printable`): control characters, line and paragraph
separators, invisible format characters and the surrogates that stand for the bytes of a
name that is not UTF-8 are written as Python escapes, so one error is exactly one line
and a hostile name can neither forge another line nor send terminal control sequences::

    >>> str(InputError("bad\\nname\\x1b[31m\\udcff.txt", "empty file"))
    'bad\\\\nname\\\\x1b[31m\\\\xff.txt: empty file'
"""

from __future__ import annotations

import re

from gazetteer.exc import ConflictMapError

__all__ = ["ConflictMapError", "MapperError", "InputError", "OutputError", "printable"]

#: What never reaches a terminal as it is: C0/C1 controls and DEL, line/paragraph separators,
#: format characters (bidirectional overrides, zero-width characters, the BOM), surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                          "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:               # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on or hide written as a Python escape.

        >>> printable("report\\r\\n.txt"), printable("\\udcff\\udcfe.txt"), printable("Суджа.txt")
        ('report\\\\r\\\\n.txt', '\\\\xff\\\\xfe.txt', 'Суджа.txt')
    """
    return _UNPRINTABLE.sub(_escape, text)


class MapperError(ConflictMapError):
    """Something went wrong turning reports into events or outputs.

    ``source`` keeps the name as given (a worker process can rebuild the error from it);
    only the message shows it escaped.
    """

    def __str__(self) -> str:
        source = printable(self.source)
        reason = printable(self.reason)
        return f"{source}: {reason}" if source else reason


class InputError(MapperError):
    """An input (report file, events file, stdin) cannot be read; other inputs go on."""


class OutputError(MapperError):
    """An output file cannot be written; earlier outputs are left as they were."""
