"""Read conflict reports (text, HTML, JSON, JSON lines, folders, stdin) as :class:`Document` values.

The first stage of the pipeline: whatever an analyst saved (a wire story, a
news page, a scraper's JSON, a Telegram post in cp1251) becomes plain text
with its paragraphs (``"\\n\\n"``), title, publication date, URL and site.
A bad input never stops the others; it becomes a one-line
:class:`~mapper.exc.InputError` ("path: reason") in ``errors``.

    >>> import io
    >>> [doc] = read_documents(["-"], stdin=io.BytesIO(
    ...     "KYIV, Dec 16, 2024 (Reuters) - About 30 soldiers were killed.\\n".encode()))
    >>> doc.id, doc.published, doc.text[:4]
    ('stdin', datetime.date(2024, 12, 16), 'KYIV')
    >>> errors = []
    >>> list(read_documents(["no-such-report.txt"], errors=errors)), str(errors[0])
    ([], 'no-such-report.txt: no such file or directory')
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from mapper.exc import InputError
from mapper.extract.lang import LANGUAGES
from mapper.ingest.html_text import extract_html, normalize_text, parse_date, site_name_from_url
from mapper._internal.surrogates import SURROGATES, replace_surrogates
from mapper.ingest.report import Document
from mapper.ingest.report_bytes import decode_report
from mapper.ingest import telegram_export
from mapper.ingest.events_files import REPORT_SUFFIXES, events_file_kind, refusal
from mapper.ingest.telegram_export import Channels

__all__ = ["Document", "read_documents", "read_input", "report_files", "unique_id", "dated", "normalize_text",
           "parse_date", "find_dateline", "SUFFIXES"]

#: File suffixes read from folders, and the reader each one gets.
SUFFIXES = {".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_TEXT_KEYS = ("text", "body", "content", "message")
_DATE_KEYS = ("published", "date", "published_at", "datePublished")
_URL_KEYS = ("url", "link", "source_url")
_SOURCE_KEYS = ("source_name", "site_name", "source")
_STRING_FIELDS = ("id", "text", "title", "url", "source_name", "path", "encoding")


def read_documents(inputs: Iterable[str | Path], *, published: datetime.date | None = None,
                   errors: list[InputError] | None = None, stdin: BinaryIO | None = None,
                   max_bytes: int = 20 * 1024 * 1024, telegram_channel: Channels = None) -> Iterator[Document]:
    """Yield the documents of files, folders (recursive, sorted) and ``-`` (stdin), in order.

    ``published`` overrides every date found in the inputs (the CLI's
    ``--published``); otherwise JSON fields and HTML metadata win over a dateline
    at the start of the text. Unreadable inputs are appended to ``errors`` and
    reading goes on; with ``errors=None`` the first one is raised. Files over
    ``max_bytes`` are refused before any byte is read. A Telegram Desktop export (``result.json``)
    gives one document per message (:mod:`mapper.ingest.telegram_export`); ``telegram_channel`` is
    its channel's public username, for ``t.me`` links, when the export does not carry it.
    """
    seen: dict[str, int] = {}                     # ids given -> last suffix used
    for item in inputs:
        for found in read_input(item, stdin, max_bytes, telegram_channel=telegram_channel):
            if isinstance(found, InputError):
                if errors is None:
                    raise found
                errors.append(found)
                continue
            yield dataclasses.replace(dated(found, published), id=unique_id(found.id, seen))


def dated(doc: Document, published: datetime.date | None = None) -> Document:
    """``doc`` with its publication date: ``published`` if given, else what the input said, else
    the dateline at the start of its text."""
    return dataclasses.replace(doc, published=published or doc.published or find_dateline(doc.text))


def unique_id(doc_id: str, seen: dict[str, int]) -> str:
    """``doc_id``, or ``doc_id~2``, ``~3``... when an earlier document took it."""
    candidate = doc_id
    while candidate in seen:
        seen[doc_id] = seen.get(doc_id, 1) + 1
        candidate = f"{doc_id}~{seen[doc_id]}"
    seen[candidate] = seen.get(candidate, 1)
    return candidate


# --- inputs -----------------------------------------------------------------------------------

def read_input(item: str | Path, stdin: BinaryIO | None, max_bytes: int, *,
               telegram_channel: Channels = None) -> Iterator[Document | InputError]:
    """The documents (ids as the input gives them, dates as found) and errors of one input.

    No string of a document holds a lone surrogate (a JSON ``"\\udc80"``, the bytes of a file
    name that is not UTF-8): every writer downstream can encode every field.
    """
    for found in _read_input(item, stdin, max_bytes, telegram_channel):
        yield found if isinstance(found, InputError) else _without_surrogates(found)


def _without_surrogates(doc: Document) -> Document:
    """``doc`` with each lone surrogate in its strings replaced by U+FFFD."""
    changed = {name: replace_surrogates(value) for name in _STRING_FIELDS
               if SURROGATES.search(value := getattr(doc, name))}
    return dataclasses.replace(doc, **changed) if changed else doc


def _read_input(item: str | Path, stdin: BinaryIO | None, max_bytes: int,
                channel: Channels) -> Iterator[Document | InputError]:
    if str(item) == "-":
        data = (stdin if stdin is not None else sys.stdin.buffer).read(max_bytes + 1)
        if len(data) > max_bytes:
            yield InputError("stdin", f"input is over the {_size(max_bytes)} limit")
        else:
            yield from _parse_bytes(data, "stdin", "-", "stdin", None, channel)
        return
    if not str(item):
        yield InputError("''", "empty file name")
        return
    path = Path(item)
    if path.is_dir():
        walk_errors: list[InputError] = []
        files = report_files(path, walk_errors)
        yield from walk_errors
        if not files and not walk_errors:
            yield InputError(path, f"directory with no reports ({', '.join(SUFFIXES)} files)")
        for file in files:
            yield from _read_file(file, max_bytes, channel)
    else:
        yield from _read_file(path, max_bytes, channel)


def report_files(folder: Path, walk_errors: list[InputError]) -> list[Path]:
    """Report files under ``folder``, recursively and sorted; unreadable folders go to ``walk_errors``."""
    found = []

    def on_error(exc: OSError) -> None:
        walk_errors.append(InputError(exc.filename or folder, _os_reason(exc)))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root, f) for f in files if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES
                  and _regular_or_unreadable(Path(root, f))]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _regular_or_unreadable(path: Path) -> bool:
    """False for a FIFO, socket or device in a folder (skipped, never opened); True for a file, or a
    name that cannot be looked at (its reader names the reason)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def _not_regular(mode: int) -> str:
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode)
            else "a special file")
    return f"is {kind}, not a regular file"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    value, unit = (n / 1024, "KB") if n < 1024 * 1024 else (n / 1024 / 1024, "MB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _read_file(path: Path, max_bytes: int, channel: Channels) -> Iterator[Document | InputError]:
    """One file; a FIFO or device is refused without being opened for a blocking read."""
    if path.suffix.lower() == ".json" and telegram_export.is_export_file(path):     # read message by message
        yield from telegram_export.read_export(path, shown=_escaped(str(path)), channel=channel,
                                               max_bytes=max(max_bytes, telegram_export.MAX_EXPORT_BYTES))
        return
    if path.suffix.lower() not in REPORT_SUFFIXES and (kind := events_file_kind(path)) is not None:
        yield refusal(path, kind)            # a table of events (ACLED, GeoJSON, our own JSON Lines) is no prose
        return
    try:
        info = path.stat()
        mode, size = info.st_mode, info.st_size
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            yield InputError(path, _not_regular(mode))
            return
        if size > max_bytes:
            yield InputError(path, f"file is {_size(size)}, over the {_size(max_bytes)} limit")
            return
        with open(path, "rb", opener=_nonblocking) as stream:
            mode = os.fstat(stream.fileno()).st_mode      # replaced by a FIFO since it was looked at
            data = stream.read(max_bytes + 1) if stat.S_ISREG(mode) else None
    except IsADirectoryError:
        yield InputError(path, "is a directory")
        return
    except (OSError, ValueError) as exc:        # ValueError: a NUL byte in the name (API callers)
        yield InputError(path, _os_reason(exc) if isinstance(exc, OSError) else "invalid file name")
        return
    if data is None:
        yield InputError(path, _not_regular(mode))
    elif len(data) > max_bytes:
        yield InputError(path, f"file is over the {_size(max_bytes)} limit")
    else:
        yield from _parse_bytes(data, str(path), _escaped(str(path)), _escaped(path.stem),
                                SUFFIXES.get(path.suffix.lower()), channel)


def _nonblocking(name: str, flags: int) -> int:
    """``open``'s opener: a FIFO put in place of a file after its check still cannot block the read."""
    return os.open(name, flags | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))


def _escaped(name: str) -> str:
    """A file name as text: the bytes of a name that is not UTF-8 written as ``\\xff``."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return replace_surrogates(name)


def _parse_bytes(data: bytes, label: str, path: str, stem: str, kind: str | None,
                 channel: Channels = None) -> Iterator[Document | InputError]:
    if not data:
        yield InputError(label, "empty file" if label != "stdin" else "empty input")
        return
    decoded = decode_report(data, kind == "html")
    if decoded is None or isinstance(decoded, str):
        yield InputError(label, decoded or "binary file, not a text report")
        return
    text, encoding = decoded
    head = text.lstrip("\ufeff \t\r\n")
    if not head:
        yield InputError(label, "empty file (only whitespace)")
        return
    kind = kind or ("object" if head[0] == "{" else "json" if head[0] == "[" else "html" if head[0] == "<" else "text")
    base = Document(stem, "", path=path, encoding=encoding)
    if kind == "text":
        title = head.partition("\n")[0][2:].strip() if path.endswith(".md") and head.startswith("# ") else ""
        yield dataclasses.replace(base, text=normalize_text(text), title=title)
    elif kind == "html":
        doc = _from_html(base, text)
        yield doc if doc.text else InputError(label, "no text found in the HTML page")
    else:
        yield from _parse_json(base, text, label, kind, channel)


def _from_html(base: Document, markup: str) -> Document:
    page = extract_html(markup)
    return dataclasses.replace(base, text=normalize_text(page.text), title=base.title or page.title,
                               published=base.published or page.published,
                               url=base.url or page.url, source_name=base.source_name or page.site_name)


# --- JSON ---------------------------------------------------------------------------------------

def _parse_json(base: Document, text: str, label: str, kind: str, channel: Channels) -> Iterator[Document | InputError]:
    """``kind``: "json" (an object or a list), "jsonl", or "object" (sniffed: one object, else JSON lines)."""
    if kind in ("json", "object"):
        try:
            data = _loads(text)
        except json.JSONDecodeError as exc:
            if kind == "json" and not (exc.msg == "Extra data" and text.lstrip().startswith("{")):
                yield InputError(label, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
                return
        else:
            yield from _json_items(base, data, label, channel)
            return
    for line_no, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{label}:{line_no}"
        try:
            obj = _loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, f"expected a JSON object, found {_json_type(obj)}")
            continue
        yield _from_object(base, obj, where, f"{base.id}:{line_no}")


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def _json_items(base: Document, data: Any, label: str, channel: Channels) -> Iterator[Document | InputError]:
    if telegram_export.is_export(data):
        yield from telegram_export.export_documents(data, label, path=base.path, channel=channel)
    elif isinstance(data, dict):
        yield _from_object(base, data, label, base.id)
    elif isinstance(data, list):
        if not data:
            yield InputError(label, "empty JSON list, no reports")
        for n, item in enumerate(data, 1):
            if isinstance(item, dict):
                yield _from_object(base, item, f"{label}: item {n}", f"{base.id}:{n}")
            else:
                yield InputError(label, f"item {n} is {_json_type(item)}, expected an object")
    else:
        yield InputError(label, f"expected a JSON object or a list of objects, found {_json_type(data)}")


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _field(obj: dict, keys: tuple[str, ...]) -> str:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, dict):                # {"source": {"name": "Reuters"}}
            value = value.get("name")
        elif isinstance(value, list):              # Telegram exports: ["plain", {"text": "bold"}]
            value = "".join(v if isinstance(v, str) else str(v.get("text", "")) if isinstance(v, dict) else ""
                            for v in value)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            value = replace_surrogates(str(value))       # "\\udc80" in JSON: not text any writer can encode
            return value.strip() if key not in _TEXT_KEYS else value
    return ""


_LOOKS_HTML = re.compile(r"\s*<(?:!doctype|html|body|article|div|p|h[1-6]|span|br)\b", re.I)


def _from_object(base: Document, obj: dict, where: str, default_id: str) -> Document | InputError:
    text = _field(obj, _TEXT_KEYS)
    if not text.strip():
        return InputError(where, "no text (expected a non-empty \"text\", \"body\" or \"content\" field)")
    url = _field(obj, _URL_KEYS)
    doc = dataclasses.replace(
        base, id=_field(obj, ("id",)) or default_id, title=_field(obj, ("title", "headline")), url=url,
        published=next((d for d in map(parse_date, (obj.get(k) for k in _DATE_KEYS)) if d), None),
        source_name=_field(obj, _SOURCE_KEYS) or site_name_from_url(url))
    if _LOOKS_HTML.match(text):
        doc = _from_html(doc, text)
        return doc if doc.text else InputError(where, "no text found in the HTML of the \"text\" field")
    return dataclasses.replace(doc, text=normalize_text(text))


# --- datelines ---------------------------------------------------------------------------------

_EN_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
             r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: Month names a "16 декабря 2024" dateline writes, "published:" words and year abbreviations, by language.
_DAY_MONTH = "|".join(w for lang in LANGUAGES for w in lang.dates.dateline_months)
_PUBLISHED = "|".join(w for lang in LANGUAGES for w in lang.dates.dateline_published)
_YEAR_WORD = "|".join(lang.dates.dateline_year_suffix for lang in LANGUAGES if lang.dates.dateline_year_suffix)
_DATELINE = re.compile(rf"""
    (?:(?:{_PUBLISHED})\s*:?\s*)?
    (?:[^\W\d_][^\n,:()]{{0,40}},\s+){{0,2}}                # "KYIV, " / "KURSK REGION, Russia, "
    (?P<date>{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
        | \d{{1,2}}\s+{_EN_MONTH}(?:,?\s+\d{{4}})?
        | \d{{1,2}}\s+(?:{_DAY_MONTH})(?:\s+\d{{4}})?
        | \d{{1,2}}\.\d{{1,2}}\.\d{{4}} | \d{{4}}-\d{{2}}-\d{{2}})
    (?:\s*(?:{_YEAR_WORD}))?
    (?=\s*(?:\([^)\n]{{1,40}}\)\s*)?[-—–:,|/]|\s*$|\s+\d{{1,2}}:\d{{2}})
    """, re.X | re.I)
_LEADING_JUNK = re.compile(r"^[^\w]+")


def find_dateline(text: str) -> datetime.date | None:
    """The date of a dateline opening one of the first three lines of ``text``, else None.

        >>> find_dateline("MOSCOW, 16 December 2024 - Russian forces said...")
        datetime.date(2024, 12, 16)
        >>> find_dateline("16.12.2024, 14:35\\nПод Суджей...")
        datetime.date(2024, 12, 16)
        >>> find_dateline("May 5 soldiers were killed near Sudzha.") is None
        True
    """
    lines = [ln for ln in text[:1000].split("\n") if ln.strip()][:3]
    for line in lines:
        match = _DATELINE.match(_LEADING_JUNK.sub("", line[:160]))
        if match:
            date = parse_date(match.group("date"))
            if date:
                return date
    return None
