"""Numbers read as quantities: joined into ranges ("8-12", "between 10 and 15", "from 5 to 7"),
with the qualifiers before and after them ("at least", "or more"), and totals marked ("of the 100").
:mod:`mapper.extract.casualties` pairs them with casualty words::

    >>> from mapper.extract.numbers import find_numbers
    >>> text = "at least 8-12 wounded"
    >>> [(q.low, q.high, q.qualifier, q.approximate) for q in quantities(text, find_numbers(text))]
    [(8, 12, '...-...', True)]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mapper.extract.lang import LANGUAGES, alternation
from mapper.extract.lang.schema import RangeLead, RangeWord
from mapper.extract.numbers import NumberMatch
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper._internal.regex_suffix import TailPattern

__all__ = ["CASUALTY_WORDS", "Quantity", "casualty_words", "quantities"]


class Quantity(NamedTuple):
    low: int
    high: int
    start: int       # the number (or range) itself
    end: int
    qstart: int      # with a qualifier before it
    qend: int        # with a qualifier after it ("or more")
    qualifier: str
    approximate: bool
    total: bool = False  # "of the 100": a total the figure is part of, never a figure itself


_new = tuple.__new__  # a quantity made without a named tuple's Python-level __new__ (one per number)

#: Every language's casualty words (its ``casualties`` resource).
CASUALTY_WORDS = [lang.casualties for lang in LANGUAGES]
_WORDS = CASUALTY_WORDS


def casualty_words(name: str) -> str:
    """The languages' regex fragments of one kind, as one alternation."""
    return alternation(getattr(words, name) for words in _WORDS)


_alt = casualty_words
#: "ещё", "ще", "another", "five more": people added to those a report has counted (whole words)
ADDITIVE = rf"(?<!\w)(?:{casualty_words('additive')})(?!\w)"
# --- qualifiers and ranges ------------------------------------------------------------------

#: Qualifiers and excluding words end where a number starts: searched only where the text before it ends as one can.
_QUAL_RE = TailPattern(rf"(?<!\w)(?P<q>{alternation(q.pattern for w in _WORDS for q in w.qualifiers)})", r"\s*$", re.I)
_POSTQUAL_RE = re.compile(rf"\s*(?:{alternation(q.pattern for w in _WORDS for q in w.post_qualifiers)})(?!\w)", re.I)
_RANGE_WORDS = {word: kind for w in _WORDS for word, kind in w.range_words.items()}
_RANGE_LEADS = {word: kind for w in _WORDS for word, kind in w.range_leads.items()}
_RANGE_RE = re.compile(rf"\s*(?P<dash>[-–—])\s*|\s+(?P<word>{'|'.join(_RANGE_WORDS)})\s+", re.I)
_RANGE_LEAD_RE = compile_with_first_chars(rf"(?<!\w)(?P<lead>{'|'.join(_RANGE_LEADS)})\s+$", re.I)
_INCREASE = _alt("increase")
_INCREASE_END_RE = compile_with_first_chars(rf"(?<!\w)(?:{_INCREASE})\s+$", re.I)
_OF_RE = re.compile(r"\s+of\s+", re.I)
_TOTAL_PREV_RE = compile_with_first_chars(rf"(?<!\w)(?:{_alt('total_before')})\s+$", re.I)


def quantities(text: str, nums: list[NumberMatch]) -> list[Quantity]:
    """Numbers joined into ranges, with qualifiers before and after, and totals marked."""
    out: list[Quantity] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        low = high = a.value
        start, end, qualifier, approx = a.start, a.end, "", a.approximate
        qstart = start
        b = nums[i + 1] if i + 1 < len(nums) else None
        conn = _RANGE_RE.fullmatch(text, a.end, b.start) if b else None
        # "between"/"from" before the first number matters only to a range
        lead = _RANGE_LEAD_RE.search(text, max(0, a.start - 12), a.start) if conn and a.value < b.value else None
        word = (conn["word"] or "").lower() if conn else ""
        if b and conn and a.value < b.value and (
                conn["dash"] or _RANGE_WORDS.get(word) is RangeWord.ALWAYS
                or (lead and _RANGE_WORDS.get(word) is RangeWord.AFTER_BETWEEN
                    and _RANGE_LEADS[lead["lead"].lower()] is RangeLead.BETWEEN)
                or (lead and _RANGE_WORDS.get(word) is RangeWord.AFTER_FROM
                    and _RANGE_LEADS[lead["lead"].lower()] is RangeLead.FROM)):
            i += 1
            if lead and _INCREASE_END_RE.search(text, max(0, lead.start() - 20), lead.start()):
                # "the toll rose from 5 to 7": the figure is 7
                low, start, qstart, approx = b.value, b.start, lead.start(), b.approximate
            else:
                low, approx = a.value, True
                if lead:
                    qstart, qualifier = lead.start(), f"{lead['lead']} ... {conn['word'] or conn['dash']}"
                else:
                    qualifier = f"...{conn['dash']}..." if conn["dash"] else f"... {conn['word']} ..."
            high, end = b.value, b.end
        i += 1
        if not qualifier:
            q = _QUAL_RE.search(text, max(0, qstart - 40), qstart)
            if q:
                qstart, qualifier, approx = q.start(), q["q"], True
        post = _POSTQUAL_RE.match(text, end)
        qend = post.end() if post else end
        if post:
            qualifier, approx = (qualifier + " " if qualifier else "") + post.group().strip(), True
        if not qualifier and approx:
            qualifier = text[start:end] if low == high else ""
        total = bool(_TOTAL_PREV_RE.search(text, max(0, start - 12), start)) or (
            bool(out) and _OF_RE.fullmatch(text, out[-1].end, start) is not None)
        out.append(_new(Quantity, (low, high, start, end, qstart, qend, qualifier, approx, total)))
    return out
