"""Numbers as conflict reports write them: digits, English words, Russian and Ukrainian words.

Digits may be grouped ("1,200", "1 200", "12.000") or carry a multiplier ("1.5 million",
"10 тыс."); Russian counts may carry a case suffix ("5-ти", "3-х"). Words cover English
cardinals up to millions, Russian and Ukrainian cardinals 0-100 in the common cases (plus
сто..пятьсот and тысяча compounds) and the collective numerals (двое, троє, п'ятеро).

Not numbers: decimals ("2.5"), ordinals ("94th", "810-я"), model designations ("Su-34",
"S-300", "M777"), times ("03:00"), dates ("14.12.2024"), glued units ("30%", "30km"), and
vague words ("several", "a few", "many", "some", "несколько", "кілька").

Plural words get the conventional value used by ACLED (the smallest value the plural allows)
and ``approximate=True``: "dozens"/"десятки" = 12, "scores of" = 20, "hundreds"/"сотни" = 100,
"thousands"/"тысячи" = 1,000, "tens of thousands" = 10,000, "hundreds of thousands" =
100,000; "several dozen"/"несколько десятков" = 12, "several hundred" = 100, "several
thousand" = 1,000. "a dozen" = 12 and "half a dozen" = 6 are not approximate.

    >>> [(m.value, m.text) for m in find_numbers("some thirty soldiers, 1,200 troops, dozens of civilians")]
    [(30, 'thirty'), (1200, '1,200'), (12, 'dozens')]
    >>> parse_number("one hundred and twenty"), parse_number("2.5"), parse_number("several")
    (120, None, None)
    >>> parse_number("п’ятеро"), parse_number("12.000"), parse_number("Su-34")
    (5, 12000, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from mapper._internal.regex_prefix import first_chars, literal_prefixes
from mapper.extract.rule_dispatch import word_trie
from mapper.extract.lang import LANGUAGES, alternation, words

__all__ = ["NumberMatch", "find_numbers", "parse_number", "is_number_word", "NUMBER_RE"]


@dataclass(frozen=True)
class NumberMatch:
    """One number in a text: its value and where it was written (``text == s[start:end]``)."""

    value: int
    start: int
    end: int
    text: str
    approximate: bool = False  # a conventional value for a plural word ("dozens" = 12)


#: Letters a language may write for another ("ё" for "е"): folded away in words, both matched in text.
_VARIANTS = {variant: base for lang in LANGUAGES for variant, base in lang.variants.items()}
_UNFOLD = str.maketrans(_VARIANTS)


def _fold(word: str) -> str:
    return re.sub(r"[’ʼ`]", "'", word.lower()).translate(_UNFOLD)


# --- word tables (folded: lower case, ё -> е, apostrophes -> '), from the language resources ---

_WORDS: dict[str, tuple[str, int]] = {}  # folded word -> (kind, value)
for _lang in LANGUAGES:
    for _word in _lang.numbers.words:
        for _form in _word.forms:
            _WORDS[_fold(_form)] = (_word.kind.value, _word.value)
_SINGULAR_SCALES = frozenset(words(lang.numbers.singular_scales for lang in LANGUAGES))


_LETTER_CLASSES = {"'": "['’ʼ`]"} | {base: f"[{base}{''.join(v for v, b in _VARIANTS.items() if b == base)}]"
                                     for base in _VARIANTS.values()}


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie (fast to match); ' and е match variants."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(ch: str) -> str:
        return _LETTER_CLASSES.get(ch, re.escape(ch))

    def emit(node: dict) -> str:
        branches = [char(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


# --- the master pattern -------------------------------------------------------------------

_MULTIPLIERS = [m for lang in LANGUAGES for m in lang.numbers.multipliers]
_MULT = alternation(m.pattern for m in _MULTIPLIERS)
_MULT_VALUES = [(re.compile(m.pattern, re.I), m.value) for m in _MULTIPLIERS]
#: Case endings after digits ("5-ти"), and the letters after a hyphen that make digits a word ("810-я").
_SUFFIXES = words(lang.numbers.digit_suffixes for lang in LANGUAGES)
_SUFFIX_LETTERS = "".join(lang.lowercase for lang in LANGUAGES if lang.numbers.digit_suffixes)
_DIGITS = (r"(?<!\w)(?<!\d[.,:/])(?<![^\W\d_]-)"
           r"(?P<int>\d{1,3}(?P<sep>[,. \u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?!\d)|\d+)"
           rf"(?:(?P<frac>[.,]\d+)(?=\s*(?:{_MULT})))?(?:\s*(?P<mult>{_MULT})(?!\w))?"
           rf"(?:-(?:{'|'.join(_SUFFIXES)})(?!\w))?"
           rf"(?![^\W_]|[%‰°]|[.,:/]\d|-[{_SUFFIX_LETTERS}])")
#: (pattern, value, approximate), tried in order before plain words: phrases ("tens of thousands")
#: before single words ("dozens"), so that a phrase is never cut after its first word.
_VAGUE = sorted(((v.pattern, v.value, v.approximate) for lang in LANGUAGES for v in lang.numbers.vague),
                key=lambda v: not re.search(r"\\s", v[0]))
_VAGUE_RES = [(re.compile(rf"(?:{p})\b", re.I), v, approximate) for p, v, approximate in _VAGUE]
_TOKEN = rf"(?:a(?=\s+(?:hundred|thousand|dozen)\b)|{_trie_pattern(sorted(w for w in _WORDS if w != 'a'))})\b"
#: A well-formed number has at most about 16 words ("nine hundred and ninety-nine million nine
#: hundred..."); a run matched is capped at twice that, so a report of "one one one ..." costs
#: linear time instead of re-matching the whole rest of the run after each word.
_MAX_RUN_WORDS = 32
_RUN = (rf"(?<!\bno\s)(?<!\bno-)\b{_TOKEN}"
        rf"(?:(?:\s+|-|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+){_TOKEN}){{0,{_MAX_RUN_WORDS - 1}}}")
_FIRST = "".join(sorted({w[0] for w in _WORDS} | first_chars(alternation(p for p, _, _ in _VAGUE))))


def _word_starts(patterns: list[str], size: int = 4) -> str:
    """A look-ahead for a digit or the first letters (up to ``size``) of a match of ``patterns``:
    tried where a word starts, it passes at once over the words that are no number ("the", "soldiers");
    "" if they are not clear."""
    found: set[str] = set()
    for pattern in patterns:
        prefixes = literal_prefixes(pattern, 0, size)
        if prefixes is None:
            return ""
        found |= prefixes
    shortest = sorted(p for p in found if not any(q != p and p.startswith(q) for q in found))
    return rf"(?=\d|{word_trie(shortest)})"


_PATTERN = (rf"(?=[\d{re.escape(_FIRST)}])(?<!\w){_word_starts([alternation(p for p, _, _ in _VAGUE), _TOKEN])}"
            rf"(?:(?P<vague>(?:{'|'.join(p for p, _, _ in _VAGUE)})\b)|(?P<digits>{_DIGITS})|(?P<words>{_RUN}))")
_LOWER_RE = re.compile(_PATTERN)  # run on lower-cased text: about twice as fast as re.I
NUMBER_RE = re.compile(_PATTERN, re.I)
"""The compiled finder behind :func:`find_numbers` (candidates; values are checked in Python)."""
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")


def _digits_value(m: re.Match) -> int | None:
    integer = m["int"]
    if m["sep"]:
        integer = integer.replace(m["sep"], "")
    if not m["mult"]:
        return int(integer)
    number = Decimal(integer + ("." + m["frac"][1:] if m["frac"] else ""))
    factor = next(v for r, v in _MULT_VALUES if r.fullmatch(m["mult"]))
    value = number * factor
    return int(value) if value == value.to_integral_value() else None


def _words_value(tokens: list[str]) -> tuple[int, int]:
    """(value, tokens used) of the longest well-formed prefix of a run of number words."""
    total = group = used = 0
    state, last_scale = "start", 10**12
    for i, token in enumerate(tokens):
        if token == "and":
            if state not in ("hundred", "scale"):
                break
            continue
        kind, v = _WORDS[token]
        if kind == "coll":
            if i == 0:
                return v, 1
            break
        if kind == "a" and i == 0:
            group, state = 1, "a"
        elif kind == "unit" and state in ("start", "tens", "hundred", "hundreds", "scale"):
            group, state = group + v, "unit"
        elif kind in ("teen", "tens") and state in ("start", "hundred", "hundreds", "scale"):
            group, state = group + v, kind
        elif kind == "hundreds" and state in ("start", "scale"):
            group, state = group + v, "hundreds"
        elif kind == "hundred" and state in ("a", "unit", "teen") and 0 < group < 100:
            group, state = group * 100, "hundred"
        elif kind == "dozen" and state in ("a", "unit") and 0 < group < 10:
            group, state = group * 12, "dozen"
        elif kind == "scale" and v < last_scale and (
                state in ("a", "unit", "teen", "tens", "hundred", "hundreds", "dozen")
                or (state == "start" and i == 0 and token in _SINGULAR_SCALES)):
            total, group, last_scale, state = total + (group or 1) * v, 0, v, "scale"
        else:
            break
        used = i + 1
    return total + group, used


def find_numbers(text: str, lowered: str | None = None) -> list[NumberMatch]:
    """Every number written in ``text``, left to right; see the module doc for what counts.
    ``lowered``: ``text.lower()``, when the caller has made it."""
    found: list[NumberMatch] = []
    pos = 0
    if lowered is None:
        lowered = text.lower()
    finder, haystack = (_LOWER_RE, lowered) if len(lowered) == len(text) else (NUMBER_RE, text)
    while m := finder.search(haystack, pos):
        pos = m.end()
        kind = m.lastgroup  # the branch matched: its group closes after the groups inside it
        if kind == "vague":
            value, approximate = next((v, a) for r, v, a in _VAGUE_RES
                                      if (x := r.match(haystack, m.start())) and x.end() == m.end())
            found.append(NumberMatch(value, m.start(), m.end(), text[m.start():m.end()], approximate=approximate))
        elif kind == "digits":
            value = _digits_value(m)
            if value is not None:
                found.append(NumberMatch(value, m.start(), m.end(), text[m.start():m.end()]))
        else:
            spans = [t.span() for t in _WORD_TOKEN.finditer(text, m.start(), m.end())]
            value, used = _words_value([_fold(text[a:b]) for a, b in spans])
            if used:
                end = spans[used - 1][1]
                found.append(NumberMatch(value, m.start(), end, text[m.start():end]))
                pos = end
            else:
                pos = spans[0][1]
    return found


def is_number_word(word: str) -> bool:
    """Whether ``word`` is a number word in English, Russian or Ukrainian (any case form).

    >>> is_number_word("Пять"), is_number_word("Двое"), is_number_word("hundred"), is_number_word("Sudzha")
    (True, True, True, False)
    """
    return _fold(word) in _WORDS


def parse_number(text: str) -> int | None:
    """The value of ``text`` if it is exactly one number (surrounding spaces ignored), else None.

    >>> parse_number("twenty-five"), parse_number("1 200"), parse_number("dozens"), parse_number("94th")
    (25, 1200, 12, None)
    """
    stripped = text.strip()
    found = find_numbers(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None
