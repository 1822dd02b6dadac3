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
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from mapper.extract.dates import EventDate, find_dates, is_statement_date, resolve_event_date

__all__ = ["OpeningDates", "header_date"]

_HEADER_LINES = 3          # a header is one of the first non-blank lines
_HEADER_CHARS = 160        # and short
#: A line ending like a sentence (a full stop, maybe inside quotes or brackets) is no header.
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s*$")


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
        its title), else the lead's statement date, else the header's."""
        lead, date, lead_said = self.lead()
        if paragraph == lead:
            date = lead_said = None
        return said or date or lead_said or self.header
