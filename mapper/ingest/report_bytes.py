"""Bytes of a report file to text: byte-order marks, UTF-8, legacy Cyrillic code pages, UTF-16.

The decoding step of :mod:`mapper.ingest.documents`. It decides between text, text too damaged
to read, and bytes that are not text at all, and it never raises on hostile bytes:

- a known binary signature (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF, SQLite) is binary;
- a few stray NUL bytes in a text (a copy-paste accident, a truncated write) are dropped,
  while a high share of NULs (UTF-16 without a byte-order mark aside) is binary;
- a page's ``<meta charset>`` is only followed when it names a real text encoding:
  ``base64``, ``zlib``, ``rot13``, ``idna``, ``punycode``, ``unicode_escape``… are ignored
  and the encoding is detected instead.

    >>> decode_report("Под Суджей\\x00 погибли".encode(), html=False)
    ('Под Суджей погибли', 'utf-8')
    >>> decode_report(b"\\x89PNG\\r\\n\\x1a\\n" + b"text" * 20, html=False) is None
    True
    >>> decode_report(b'<meta charset="base64"><p>\\xcf\\xee\\xe4 \\xd1\\xf3\\xe4\\xe6\\xe5\\xe9</p>', html=True)[1]
    'cp1251'
"""

from __future__ import annotations

import codecs
import re

from gazetteer.loaders.sniff import guess_encoding

__all__ = ["decode_report", "page_charset", "BINARY_SIGNATURES"]

#: File starts that mark a file as binary whatever follows.
BINARY_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04",
                     b"\x1f\x8b\x08", b"\x7fELF", b"SQLite format 3\x00")
#: Codecs that Python calls text encodings but that no web page is written in: they interpret
#: escapes, refuse the "replace" error handler, or always fail. UTF-16/32 are recognised from
#: their byte-order mark or NUL bytes before a page's declaration is read.
_NOT_PAGE_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape",
                                "unicode-internal"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")


def decode_report(data: bytes, html: bool) -> tuple[str, str] | str | None:
    """``(text, encoding)``, a reason for text too damaged to read, or None for bytes that are not text."""
    if data.startswith(BINARY_SIGNATURES):
        return None
    if data.startswith(codecs.BOM_UTF8):
        return _unless_binary(data[3:].decode("utf-8", "replace"), "utf-8")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _unless_binary(data.decode("utf-32", "replace"), "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unless_binary(data.decode("utf-16", "replace"), "utf-16")
    sample = data[:65536]
    nuls = sample.count(0)
    if nuls:
        utf16 = _utf16_without_bom(sample)
        if utf16:
            return _unless_binary(data.decode(utf16, "replace"), utf16)
        if not _stray(nuls, len(sample)):
            return None
        data, sample = data.replace(b"\x00", b""), sample.replace(b"\x00", b"")
    try:
        return _unless_binary(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    # Damaged UTF-8 keeps far more valid multi-byte letters than bad bytes; cp1251, KOI8-R
    # and cp866 text read as UTF-8 keeps less than one valid letter for four bad bytes.
    if sum(1 for c in lenient if c > "\x7f") - bad >= 2 * bad:
        if bad > len(lenient) / 20:
            return f"damaged UTF-8 text ({bad} undecodable byte sequences)"
        return _unless_binary(lenient, "utf-8")
    # A page's declaration first; when it is wrong enough to read as binary, what detection says.
    for encoding in (page_charset(sample) if html else None, _known(guess_encoding(sample))):
        try:
            decoded = _unless_binary(data.decode(encoding, "replace"), encoding) if encoding else None
        except (UnicodeError, LookupError):        # a codec that still refuses: try the next guess
            continue
        if decoded:
            return decoded
    return None


def page_charset(sample: bytes) -> str | None:
    """The text encoding a page's ``<meta charset>`` (or ``http-equiv`` content type) declares, if real.

        >>> page_charset(b'<meta charset="windows-1251">'), page_charset(b'<meta charset="zlib">')
        ('cp1251', None)
    """
    declared = _CHARSET.search(sample[:4096])
    if not declared:
        return None
    encoding = _known(declared.group(1).decode("ascii"))
    if encoding is None or encoding in _NOT_PAGE_CHARSETS or encoding.startswith(("utf-16", "utf-32")):
        return None
    return encoding


def _known(name: str | None) -> str | None:
    """The canonical name of a text encoding Python knows, or None (unknown, or bytes-to-bytes)."""
    if not name:
        return None
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _stray(nuls: int, size: int) -> bool:
    """A few NUL bytes in text (at most 1 in 200 bytes, or 3 in a short file), not binary data."""
    return nuls <= max(3, size // 200)


def _unless_binary(text: str, encoding: str) -> tuple[str, str] | None:
    sample = text[:8192]
    if len(_CONTROL.findall(sample)) > len(sample) / 20:
        return None
    return text.replace("\x00", ""), encoding


def _utf16_without_bom(sample: bytes) -> str | None:
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even == 0 and odd > len(sample) // 20:
        return "utf-16-le"
    if odd == 0 and even > len(sample) // 20:
        return "utf-16-be"
    return None
