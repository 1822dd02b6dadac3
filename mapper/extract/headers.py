"""The dates a report's opening gives the claims below it.

A header line among the first lines ("Sumy Regional Military Administration / Telegram, 12 March
2025", "[Telegram, 7 May 2025, 08:30]") or a wire dateline ("KYIV, Dec 3 (Reuters) -") dates the
post: a claim that says no date of its own is of that day, and without a publication date its
"this morning" and "yesterday" are read against it. The lead paragraph's date ("Over the past day,
the Russians shelled 41 settlements.") dates the paragraphs under it that say none. A date without
a year never lands after the publication date (a December dateline in a January report is last year's).

    >>> import datetime
    >>> header_date("Sumy Regional Military Administration / Telegram, 12 March 2025\\n\\nTwo were killed.", None, None)
    EventDate(start=datetime.date(2025, 3, 12), end=datetime.date(2025, 3, 12), precision=1, text='12 March 2025', span=(50, 63))
    >>> header_date("KYIV, Dec 3 (Reuters) - Two were killed.", datetime.date(2025, 1, 5), (0, 24)).start
    datetime.date(2024, 12, 3)
    >>> header_date("On 12 March 2025, two people were killed in Sumy.", None, None) is None   # a sentence
    True

The dateline itself is read here once for both its readers: the extractor (its span, whose date is
the report's and whose place is where the reporter files from) and the spotter (:mod:`mapper.extract.caps`:
a word in capitals there is a place). Its place words are the capitalised words opening a line, maybe
joined by "/" or a hyphen, ended by a comma, colon, bracket or spaced dash:

    >>> d = wire_dateline("Intro line\\nMOSCOW/KYIV, Aug 9 (Wire) - Shelling went on.")
    >>> d.place, d.agency, d.text
    ('MOSCOW/KYIV', 'Wire', 'MOSCOW/KYIV, Aug 9 (Wire) - ')
    >>> in_dateline("MOSCOW/KYIV, Aug 9 (Wire) - Shelling", 7), in_dateline("Talks in KYIV, then", 9)
    (True, False)
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from mapper.extract.dates import EventDate, find_dates, is_statement_date, resolve_event_date
from mapper.extract.toponym_text import TOKEN

__all__ = ["Dateline", "OpeningDates", "all_caps", "header_date", "in_dateline", "place_words", "wire_dateline"]

_HEADER_LINES = 3          # a header is one of the first non-blank lines
_HEADER_CHARS = 160        # and short
#: An item of a digest opens with its own heading and a colon ("Bryansk region: a man was killed ...",
#: "- Сумщина: ..."): it is no paragraph under the item before it.
_ITEM = re.compile(r"\s*(?:[-•–—*]\s*)?(?:[^\W\d_][\w'’-]*\s+){0,3}[^\W\d_][\w'’-]*\s*:\s")
#: A line ending like a sentence (a full stop, maybe inside quotes or brackets) is no header.
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s*$")


# ------------------------------------------------------------------------------ the dateline
_PLACE_CHARS = 80          # the place words of a dateline start within this many characters of the line
#: What ends the place words of a dateline: a comma, colon, bracket or dash.
_PLACE_END = re.compile(r"\s*(?:[,:(]|[-–—]\s)")
_SPACED_DASH = re.compile(r"\s-|-\s")
#: What follows a wire dateline's place: its date (and country) after a comma, its agency in brackets,
#: and a dash or the agency between slashes ("KYIV, Dec 16 (Reuters) -", "MOSCOW, October 22. /TASS/.").
_WIRE_TAIL = re.compile(r"(?:,[^\n]{0,60}?)?\s*(?:\((?P<agency>[^)\n]{1,30})\)\s*)?"
                        r"(?:[—–-]{1,2}|\.?\s*/(?P<slashed>[^/\n]{1,30})/\.?)\s")
#: A dateline of a place, maybe its region in brackets, and a day ending in a full stop, with no agency:
#: "КУРЧАТОВ (Курская область), 27 августа." (the words after the comma must be a day).
_DAY_TAIL = re.compile(r"(?:\s*\([^)\n]{1,40}\))?\s*,\s*(?P<day>[^\n.,]{3,30}?)\.\s")
_WIRE_LINES, _WIRE_CHARS = 6, 1000   # a wire dateline opens one of the first lines


def all_caps(word: str) -> bool:
    """Is ``word`` written in capitals (two letters at least)?

    >>> all_caps("KYIV"), all_caps("Kyiv"), all_caps("A")
    (True, False, False)
    """
    return len(word) >= 2 and word.isupper()


def place_words(text: str, line: int, limit: int = 2 * _PLACE_CHARS) -> tuple[int, tuple[int, ...]] | None:
    """The words in capitals opening the line that starts at ``line`` ("SEOUL/KYIV", "KURSK"), when a
    comma, colon, bracket or dash ends them: (where they end, where each starts); else None."""
    pos, starts = line, []
    for m in TOKEN.finditer(text, line, min(len(text), line + limit)):
        between = text[pos:m.start()]
        if between.strip(" \t/-") or starts and _SPACED_DASH.search(between):
            break  # anything but spaces, slashes and hyphens joining words ends the dateline ("KYIV - ")
        if not all_caps(m.group()):
            return None
        starts.append(m.start())
        pos = m.end()
    return (pos, tuple(starts)) if starts and _PLACE_END.match(text, pos) else None


def in_dateline(text: str, start: int) -> bool:
    """Does the word at ``start`` stand among the capitalised words that open a line and end at a
    comma, colon, dash or bracket ("SEOUL/KYIV, Dec 17 -", "КУРСК, 28 октября.")?"""
    line = text.rfind("\n", 0, start) + 1
    if start - line > _PLACE_CHARS:
        return False
    found = place_words(text, line, start + _PLACE_CHARS - line)
    return found is not None and start in found[1]


@dataclasses.dataclass(frozen=True)
class Dateline:
    """A wire dateline: where the reporter files from, the day and the agency ("KYIV, Dec 16 (Reuters) -")."""

    span: tuple[int, int]       # the whole dateline in the report's text
    place_span: tuple[int, int]
    text: str                   # the dateline as written
    place: str                  # its place words ("MOSCOW/KYIV")
    agency: str | None          # "Reuters", "TASS", or None

    def date(self, published: datetime.date | None) -> EventDate | None:
        """The day it gives (spans in the report's text), never after ``published``."""
        found = _written(self.text, published)
        return found and dataclasses.replace(found, span=(found.span[0] + self.span[0], found.span[1] + self.span[0]))


def wire_dateline(text: str) -> Dateline | None:
    """The wire dateline opening one of the first lines of ``text``, else None."""
    pos = 0
    for line in text[:_WIRE_CHARS].split("\n")[:_WIRE_LINES]:
        words = place_words(text, pos) if line[:1].isupper() else None
        end = words and words[0]
        tail = words and 3 <= end - pos <= 41 and (_WIRE_TAIL.match(text, end, pos + len(line))
                                                   or _day_tail(text, end, pos + len(line)))
        if tail:
            found = tail.groupdict()
            agency = (found.get("agency") or found.get("slashed") or "").strip() or None
            return Dateline((pos, tail.end()), (pos, end), text[pos:tail.end()], text[pos:end], agency)
        pos += len(line) + 1
    return None


def _day_tail(text: str, start: int, end: int) -> re.Match | None:
    """The ", 27 августа." ending a dateline at ``start`` (its words a day of a month, maybe with a year)."""
    tail = _DAY_TAIL.match(text, start, end)
    day = tail and _written(tail["day"], datetime.date.max)
    return tail if day and day.precision == 1 and day.span == (0, len(tail["day"])) else None


def header_date(text: str, published: datetime.date | None,
                dateline: tuple[int, int] | None) -> EventDate | None:
    """The day of a wire dateline (its span in `text`), else of a header line opening `text`:
    a short line not ending like a sentence, holding a date of a day or a week (never after `published`)."""
    if dateline:
        found = _written(text[dateline[0]:dateline[1]], published)
        if found:
            return dataclasses.replace(found, span=(found.span[0] + dateline[0], found.span[1] + dateline[0]))
    pos, seen = 0, 0
    for line in text[:2000].split("\n"):
        body = line.strip()
        if body:
            seen += 1
            if seen > _HEADER_LINES:
                break
            found = len(body) <= _HEADER_CHARS and not _SENTENCE_END.search(body) and _written(line, published)
            if found:
                return dataclasses.replace(found, span=(found.span[0] + pos, found.span[1] + pos))
        pos += len(line) + 1
    return None


def _written(text: str, published: datetime.date | None) -> EventDate | None:
    """The first date written out (not "yesterday") in `text`, of a day or a few ("10-16 July 2023"),
    not after `published`."""
    for found in find_dates(text, published, relative=False):
        if found.precision <= 2 and (published is None or found.start <= published):
            return found
    return None


class OpeningDates:
    """The header date and the lead paragraph's date of one report, each worked out once.

    `sentences` are the report's (with ``start``, ``end``, ``paragraph``), `text` the report's,
    `dated_text` the one read for dates (a wire dateline, at `dateline`, blanked).
    """

    def __init__(self, text: str, dated_text: str, sentences: list, published: datetime.date | None,
                 dateline: tuple[int, int] | None):
        self.text, self.sentences = dated_text, sentences
        self.header = header = header_date(text, published, dateline)
        self.reference = published or (header.start if header else None)   # what "yesterday" counts from
        # a header line is no part of the lead; a wire dateline opens the lead's first sentence
        in_dateline = header and dateline and dateline[0] <= header.span[0] < dateline[1]
        self._skip = 0 if not header or in_dateline else (text.find("\n", header.span[1]) % (len(text) + 1))
        self._lead: tuple[int, EventDate | None, EventDate | None] | None = None
        self._items: dict[int, bool] | None = None   # paragraph -> does it open like a digest's item?

    def lead(self) -> tuple[int, EventDate | None, EventDate | None]:
        """The lead paragraph (the first one past the header line, or the one below a title that
        says no date), its first event date and its first statement date ("said on Monday")."""
        if self._lead is None:
            lead, date, said, title = -1, None, None, False
            for x in self.sentences:
                if x.start < self._skip:
                    continue                      # the header line itself
                if lead == -1:
                    lead, title = x.paragraph, self._title(x)
                elif x.paragraph != lead:
                    if not title or said:
                        break
                    lead, title = x.paragraph, False   # a title without a date: the lead is below it
                sentence = self.text[x.start:x.end]
                found = resolve_event_date(sentence, self.reference)
                if found and not is_statement_date(sentence, found):
                    date = found
                    break
                said = said or found
            self._lead = (lead, date, said)
        return self._lead

    def _item(self, paragraph: int) -> bool:
        """Does the paragraph open with a heading and a colon ("Kursk region: ..."), and is no title?"""
        if self._items is None:                   # worked out once per report
            self._items = {}
            for x in self.sentences:
                if x.paragraph not in self._items:  # (a heading ends in a colon: no colon, no heading)
                    found = self.text.find(":", x.start, x.end) >= 0 and _ITEM.match(self.text, x.start, x.end)
                    self._items[x.paragraph] = (
                        bool(found) and self.text[found.start():found.end()].strip(" -•–—*")[:1].isupper()
                        and not self._title(x))   # a title ("Sumy region: a day of shelling") heads them all
        return self._items.get(paragraph, False)

    def _title(self, x) -> bool:
        """Is the paragraph of sentence `x` a title: one short line not ending like a sentence,
        with a paragraph after it?"""
        end = self.text.find("\n", x.start)
        line = self.text[x.start:end if end >= 0 else len(self.text)].strip()
        if end < 0 or len(line) > _HEADER_CHARS or _SENTENCE_END.search(line):
            return False
        after = next((y for y in self.sentences[x.index + 1:x.index + 4] if y.start >= end), None)
        return after is not None and after.paragraph != x.paragraph

    def fallback(self, paragraph: int, said: EventDate | None = None) -> EventDate | None:
        """The date of a claim whose paragraph gives no event date: of the statement `said` in its
        paragraph, else the lead's event date if the lead is another paragraph (above it, or below
        its title) and not a sibling item of a digest (both open with a heading and a colon), else
        the lead's statement date, else the header's."""
        lead, date, lead_said = self.lead()
        if paragraph == lead or self._item(paragraph) and self._item(lead):
            date = lead_said = None
        return said or date or lead_said or self.header
