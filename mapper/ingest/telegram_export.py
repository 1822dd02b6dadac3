"""Telegram Desktop channel exports (``result.json``) as reports: one report per message.

"Export chat history" in Telegram Desktop (format JSON) writes ``result.json``: the channel's
``name``, ``type`` (``public_channel``, ``private_channel``, ...), ``id`` and its ``messages``.
Each message of type ``message`` with text becomes one :class:`~mapper.ingest.report.Document`:

- ``text``: the message text as plain text. A text that is a list of plain strings and entity
  objects (``{"type": "bold", "text": "..."}``, ``text_link``, ``hashtag``, ...) is joined; a
  link is only its visible text, and no ``href`` is ever read.
- ``id``: ``telegram-<channel id>:<message id>``, stable across exports of the same channel.
- ``published``: the day of the message's own ``date`` as the export writes it (the exporting
  computer's clock; ``date_unixtime``, in UTC, when ``date`` is missing). An edited message keeps
  the date it was posted, not that of its last edit.
- ``source_name``: the channel's name (the outlet); ``title``: ``"Forwarded from <channel>"`` for a
  forwarded message (its text stays as it is), otherwise empty.
- ``url``: ``https://t.me/<username>/<id>`` when the channel's public username is known: from the
  export when it carries one, or given by the caller (``channel``, the CLI's ``--telegram-channel``).

Service messages (pins, joins, title changes) and messages with no text (photos or videos
alone) are skipped and counted in :class:`ExportCounts`. A malformed message (not an object,
no id, a text list holding a number) is skipped; the export then gives ONE
:class:`~mapper.exc.InputError` naming the file and the messages. An export cut short gives
its complete messages and one error saying where it stops.

    >>> export = {"name": "Sumy OVA", "type": "public_channel", "id": 1001, "messages": [
    ...     {"id": 7, "type": "message", "date": "2024-12-16T09:30:00", "text": [
    ...         "Two people killed in ", {"type": "text_link", "text": "Sumy", "href": "javascript:x"}, "."]},
    ...     {"id": 8, "type": "service", "date": "2024-12-16T09:31:00", "action": "pin_message", "text": ""}]}
    >>> counts = ExportCounts()
    >>> [doc] = export_documents(export, "result.json", channel="@sumy_ova", counts=counts)
    >>> doc.id, doc.text, doc.published, doc.source_name, doc.url
    ('telegram-1001:7', 'Two people killed in Sumy.', datetime.date(2024, 12, 16), 'Sumy OVA', 'https://t.me/sumy_ova/7')
    >>> counts.reports, counts.service
    (1, 1)
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from json.decoder import scanstring
from pathlib import Path
from typing import Any, Union

from mapper.exc import InputError
from mapper.ingest.report import Document
from mapper.ingest.html_text import normalize_text

__all__ = ["ExportCounts", "MAX_EXPORT_BYTES", "PRIVATE_TYPES", "Channels", "is_export", "is_export_file",
           "export_documents", "read_export", "public_username", "channel_option"]

_log = logging.getLogger(__name__)

#: The largest export file read (it is read whole, as text, once).
MAX_EXPORT_BYTES = 256 * 2**20
#: Chat types that have no public username: a username given for "any channel" is not applied to them.
PRIVATE_TYPES = frozenset({"personal_chat", "bot_chat", "saved_messages", "private_group", "private_supergroup",
                           "private_channel"})
#: A username for every export (str), or usernames by the export's id or name ("" for any other).
Channels = Union[str, Mapping[str, str], None]
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_LINK = re.compile(r"(?:https?://)?(?:www\.)?t(?:elegram)?\.me/", re.I)
#: The start of Telegram Desktop's result.json: name, type and id members, then the messages list.
_HEAD = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*(?:"(?:name|type|id|username)"\s*:\s*'
                   rb'(?:"(?:[^"\\]|\\.)*"|-?\d+|null)\s*,\s*)+"messages"\s*:\s*\[')
_SPACE = re.compile(r"[ \t\n\r]*")
_SHOWN_REASONS = 3


@dataclass
class ExportCounts:
    """What reading Telegram exports found: messages, reports made, and messages skipped by reason."""

    messages: int = 0
    reports: int = 0
    service: int = 0
    no_text: int = 0
    malformed: int = 0


class _Malformed(ValueError):
    """A message that cannot be read; its text is the reason."""


def is_export(data: Any) -> bool:
    """True for a parsed JSON value shaped like a Telegram export: an object with a ``messages``
    list and a ``name`` or ``type``.

        >>> is_export({"name": "x", "messages": []}), is_export({"text": "x", "messages": "no"})
        (True, False)
    """
    return isinstance(data, dict) and isinstance(data.get("messages"), list) and ("name" in data or "type" in data)


def is_export_file(path: str | Path) -> bool:
    """True when the file starts as Telegram Desktop writes ``result.json`` (its first 64 KB are read)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError):
        return False
    try:
        head = os.read(fd, 65536) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return False
    finally:
        os.close(fd)
    match = _HEAD.match(head)
    return bool(match) and (b'"name"' in match.group() or b'"type"' in match.group())


def public_username(value: str) -> str:
    """A public channel's username from ``name``, ``@name`` or a ``t.me/name`` link; ValueError otherwise.

        >>> public_username("@sumy_ova"), public_username("https://t.me/sumy_ova/")
        ('sumy_ova', 'sumy_ova')
    """
    name = _LINK.sub("", value.strip(), count=1).removeprefix("@").strip("/")
    if not _USERNAME.fullmatch(name):
        raise ValueError(f"not a public Telegram username: {value!r} (5-32 letters, digits or _)")
    return name


def channel_option(values: Iterable[str]) -> dict[str, str]:
    """``--telegram-channel`` values, ``USERNAME`` or ``CHANNEL=USERNAME`` (CHANNEL: the export's id
    or name), as usernames by channel, ``""`` for any channel. ValueError for a bad username.

        >>> channel_option(["@sumy_ova", "1001=kursk_gov"])
        {'': 'sumy_ova', '1001': 'kursk_gov'}
    """
    found: dict[str, str] = {}
    for value in values:
        key, _, name = value.rpartition("=")
        found[key.strip()] = public_username(name)
    return found


def _username(header: dict, channel: Channels) -> str:
    """The public username of the export's channel: one given for it by id or name, else the export's
    own, else one given for any channel unless the export's type says it is private."""
    given = {"": channel} if isinstance(channel, str) else dict(channel or {})
    chat_id, name = header.get("id"), header.get("name")
    keys = [str(chat_id), f"-100{chat_id}"] if isinstance(chat_id, int) else []
    for key in [*keys, name if isinstance(name, str) else None]:
        if key and key in given:
            return public_username(given[key])
    own = header.get("username")
    if isinstance(own, str):
        try:
            return public_username(own)
        except ValueError:
            pass
    if given.get("") and str(header.get("type")) not in PRIVATE_TYPES:
        return public_username(given[""])
    return ""


@dataclass
class _Export:
    """Turns the messages of one export into documents and remembers the malformed ones."""

    header: dict
    label: str
    path: str
    channel: Channels
    counts: ExportCounts
    seen: int = 0                                            # messages of this export so far
    malformed: list[str] = field(default_factory=list)      # the first reasons, with
    bad: int = 0                                             # how many were malformed

    def __post_init__(self) -> None:
        name, chat_id = self.header.get("name"), self.header.get("id")
        self.username = _username(self.header, self.channel)
        self.source = _one_line(name) or self.username
        key = chat_id if isinstance(chat_id, int) and not isinstance(chat_id, bool) else self.username
        self.prefix = f"telegram-{key or Path(self.path).stem or 'export'}"

    def document(self, message: Any) -> Document | None:
        """The document of the next message, or None (skipped and counted)."""
        self.seen += 1
        self.counts.messages += 1
        try:
            msg_id, text = _read_message(message)
        except _Malformed as exc:
            self.counts.malformed += 1
            self.bad += 1
            if len(self.malformed) <= _SHOWN_REASONS:
                self.malformed.append(str(exc) if str(exc).startswith("message ")
                                      else f"item {self.seen} of messages {exc}")
            return None
        if text is None:
            self.counts.service += 1
            return None
        text = normalize_text(text)
        if not text.strip():
            self.counts.no_text += 1
            return None
        forwarded = message.get("forwarded_from")
        self.counts.reports += 1
        return Document(
            id=f"{self.prefix}:{msg_id}", text=text, published=_message_date(message), source_name=self.source,
            title=f"Forwarded from {_one_line(forwarded)}" if _one_line(forwarded) else "",
            url=f"https://t.me/{self.username}/{msg_id}" if self.username else "", path=self.path)

    def errors(self) -> Iterator[InputError]:
        """One error naming the file and its first malformed messages, if any."""
        if self.bad:
            shown = "; ".join(self.malformed[:_SHOWN_REASONS]) + ("; ..." if self.bad > _SHOWN_REASONS else "")
            yield InputError(self.label, f"Telegram export: {self.bad} malformed message(s) skipped ({shown})")
        c = self.counts
        _log.info("%s: %d messages, %d malformed; Telegram exports so far: %d reports, skipped %d service, "
                  "%d without text", self.label, self.seen, self.bad, c.reports, c.service, c.no_text)


def _read_message(message: Any) -> tuple[int, str | None]:
    """``(id, text)`` of a message; text None for a service message. Raises :class:`_Malformed`."""
    if not isinstance(message, dict):
        raise _Malformed(f"is {_kind(message)}, not an object")
    msg_id = message.get("id")
    if not isinstance(msg_id, int) or isinstance(msg_id, bool) or msg_id <= 0:
        raise _Malformed("has no message id (a positive whole number)")
    kind = message.get("type", "message")
    if kind == "service":
        return msg_id, None
    if kind != "message":
        raise _Malformed(f"message {msg_id}: unknown type {str(kind)[:40]!r}")
    text = message.get("text", message.get("text_entities", ""))
    try:
        return msg_id, _plain_text(text)
    except _Malformed as exc:
        raise _Malformed(f"message {msg_id}: {exc}") from None


def _plain_text(text: Any) -> str:
    """A message's ``text``: a string, or a list of strings and entity objects with a ``text`` string."""
    if isinstance(text, str):
        return text
    if text is None:
        return ""
    if not isinstance(text, list):
        raise _Malformed(f"text is {_kind(text)}")
    parts = []
    for n, item in enumerate(text, 1):
        if isinstance(item, dict):
            item = item.get("text")
        if not isinstance(item, str):
            raise _Malformed(f"text item {n} is {_kind(item)}, not a string or an entity with text")
        parts.append(item)
    return "".join(parts)


def _one_line(value: Any) -> str:
    """A channel name as one line with single spaces ("" for anything but a string)."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _message_date(message: dict) -> datetime.date | None:
    """The day of the message's ``date`` (as exported), else of ``date_unixtime`` (UTC), else None."""
    value = message.get("date")
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    value = message.get("date_unixtime")
    try:
        return datetime.datetime.fromtimestamp(int(value), tz=datetime.timezone.utc).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def export_documents(data: dict, label: str, *, path: str = "", channel: Channels = None,
                     counts: ExportCounts | None = None) -> Iterator[Document | InputError]:
    """The documents of a parsed export, then at most one :class:`~mapper.exc.InputError` for its
    malformed messages. ``label`` names the input in errors."""
    export = _Export(data, label, path or label, channel, counts if counts is not None else ExportCounts())
    for message in data["messages"]:
        doc = export.document(message)
        if doc is not None:
            yield doc
    yield from export.errors()


def read_export(path: str | Path, *, shown: str | None = None, channel: Channels = None,
                counts: ExportCounts | None = None, max_bytes: int = MAX_EXPORT_BYTES) -> Iterator[Document | InputError]:
    """The documents of an export file, read once and walked one message at a time (the messages
    list is never built), then its errors: at most one for malformed messages, and one if the file
    stops before the export ends (the complete messages before the cut are kept)."""
    label = str(path)
    try:
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                yield InputError(label, "is not a regular file")
                return
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield InputError(label, f"cannot read ({exc.strerror or exc})")
        return
    if len(data) > max_bytes:
        yield InputError(label, f"Telegram export over the {max_bytes // 2**20} MB limit")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputError(label, f"Telegram export is not UTF-8 (byte {exc.start})")
        return
    del data
    header: dict = {}
    export = None
    try:
        for key, value in _members(text):
            if key != "messages":
                header[key] = value
                continue
            if export is None:
                export = _Export(header, label, shown or label, channel,
                                 counts if counts is not None else ExportCounts())
            doc = export.document(value)
            if doc is not None:
                yield doc
    except RecursionError:
        yield InputError(label, f"Telegram export nested too deeply; the {export.seen if export else 0} "
                         "messages before it were read")
    except json.JSONDecodeError as exc:
        read = export.seen if export else 0
        cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(text.rstrip())
        where = f"line {exc.lineno}, column {exc.colno}"
        problem = f"cut short at {where}" if cut else f"invalid JSON at {where}: {exc.msg}"
        yield InputError(label, f"Telegram export {problem}; the {read} messages before it were read")
    if export is not None:
        yield from export.errors()


def _members(text: str) -> Iterator[tuple[str, Any]]:
    """The members of the JSON object ``text`` in order, each message of ``messages`` on its own as
    ``("messages", message)``. Raises :class:`json.JSONDecodeError` where the text stops being JSON."""
    decode = json.JSONDecoder().raw_decode
    pos = _skip(text, 0, "{")
    if text.startswith("}", pos):
        return
    while True:
        key, pos = scanstring(text, _skip(text, pos, '"', space_after=False))
        pos = _skip(text, pos, ":")
        if key == "messages" and text.startswith("[", pos):
            pos = _skip(text, pos, "[")
            while not text.startswith("]", pos):
                value, pos = decode(text, pos)
                yield key, value
                pos = _SPACE.match(text, pos).end()
                if not text.startswith("]", pos):
                    pos = _skip(text, pos, ",")
            pos += 1
        else:
            value, pos = decode(text, pos)
            yield key, value
        pos = _SPACE.match(text, pos).end()
        if text.startswith("}", pos):
            break
        pos = _skip(text, pos, ",")
    if _SPACE.match(text, pos + 1).end() != len(text):
        raise json.JSONDecodeError("Extra data", text, pos + 1)


def _skip(text: str, pos: int, char: str, space_after: bool = True) -> int:
    """The position after ``char`` (and the spaces after it), spaces before it skipped."""
    pos = _SPACE.match(text, pos).end()
    if not text.startswith(char, pos):
        raise json.JSONDecodeError(f"Expecting {char!r}" if pos < len(text) else "unexpected end of data", text, pos)
    return _SPACE.match(text, pos + 1).end() if space_after else pos + 1
