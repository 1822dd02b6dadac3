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

__all__ = ["NumberMatch", "find_numbers", "parse_number", "is_number_word", "NUMBER_RE"]


@dataclass(frozen=True)
class NumberMatch:
    """One number in a text: its value and where it was written (``text == s[start:end]``)."""

    value: int
    start: int
    end: int
    text: str
    approximate: bool = False  # a conventional value for a plural word ("dozens" = 12)


def _fold(word: str) -> str:
    return re.sub(r"[’ʼ`]", "'", word.lower()).replace("ё", "е")


# --- word tables (folded: lower case, ё -> е, apostrophes -> ') ---------------------------

_EN_UNITS = "zero one two three four five six seven eight nine".split()
_EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

_WORDS: dict[str, tuple[str, int]] = {}  # folded word -> (kind, value)


def _add(kind: str, value: int, *forms: str) -> None:
    for form in forms:
        _WORDS[_fold(form)] = (kind, value)


for _i, _w in enumerate(_EN_UNITS):
    _add("unit", _i, _w)
for _i, _w in enumerate(_EN_TEENS):
    _add("teen", 10 + _i, _w)
for _i, _w in enumerate(_EN_TENS):
    _add("tens", 20 + 10 * _i, _w)
_add("hundred", 100, "hundred")
_add("scale", 1000, "thousand")
_add("scale", 1_000_000, "million")
_add("dozen", 12, "dozen")
_add("a", 1, "a")

# Russian and Ukrainian (nominative and the common oblique forms).
_add("unit", 0, "ноль", "нуль")
_add("unit", 1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одну", "одне", "одній")
_add("unit", 2, "два", "две", "двух", "двум", "двумя", "дві", "двох", "двом", "двома")
_add("unit", 3, "три", "трех", "трем", "тремя", "трьох", "трьом", "трьома")
_add("unit", 4, "четыре", "четырех", "четырем", "четырьмя", "чотири", "чотирьох", "чотирьом")
_add("unit", 5, "пять", "пяти", "пятью", "п'ять", "п'яти", "п'ятьох")
_add("unit", 6, "шесть", "шести", "шестью", "шість", "шістьох")
_add("unit", 7, "семь", "семи", "семью", "сім", "сімох")
_add("unit", 8, "восемь", "восьми", "вісім", "вісьмох")
_add("unit", 9, "девять", "девяти", "девятью", "дев'ять", "дев'яти", "дев'ятьох")
_add("teen", 10, "десять", "десяти", "десятью", "десятьох")
for _v, _ru, _uk in [(11, "одиннадцат", "одинадцят"), (12, "двенадцат", "дванадцят"), (13, "тринадцат", "тринадцят"),
                     (14, "четырнадцат", "чотирнадцят"), (15, "пятнадцат", "п'ятнадцят"),
                     (16, "шестнадцат", "шістнадцят"), (17, "семнадцат", "сімнадцят"),
                     (18, "восемнадцат", "вісімнадцят"), (19, "девятнадцат", "дев'ятнадцят"),
                     (20, "двадцат", "двадцят"), (30, "тридцат", "тридцят")]:
    _add("teen" if _v < 20 else "tens", _v, _ru + "ь", _ru + "и", _ru + "ью", _uk + "ь", _uk + "и", _uk + "ьох")
_add("tens", 40, "сорок", "сорока")
_add("tens", 50, "пятьдесят", "пятидесяти", "п'ятдесят", "п'ятдесяти", "п'ятдесятьох")
_add("tens", 60, "шестьдесят", "шестидесяти", "шістдесят", "шістдесяти")
_add("tens", 70, "семьдесят", "семидесяти", "сімдесят", "сімдесяти")
_add("tens", 80, "восемьдесят", "восьмидесяти", "вісімдесят", "вісімдесяти")
_add("tens", 90, "девяносто", "девяноста", "дев'яносто", "дев'яноста")
_add("hundreds", 100, "сто", "ста")
_add("hundreds", 200, "двести", "двухсот", "двісті", "двохсот")
_add("hundreds", 300, "триста", "трехсот", "трьохсот")
_add("hundreds", 400, "четыреста", "четырехсот", "чотириста", "чотирьохсот")
_add("hundreds", 500, "пятьсот", "пятисот", "п'ятсот", "п'ятисот")
_add("scale", 1000, "тысяча", "тысячи", "тысяч", "тисяча", "тисячі", "тисяч")
_add("scale", 1_000_000, "миллион", "миллиона", "миллионов", "мільйон", "мільйона", "мільйонів")
for _v, _forms in enumerate([(), (), ("двое", "двоих", "двоє"), ("трое", "троих", "троє"),
                             ("четверо", "четверых"), ("пятеро", "пятерых", "п'ятеро"),
                             ("шестеро", "шестерых"), ("семеро", "семерых"), ("восьмеро", "восьмерых"),
                             ("девятеро", "девятерых", "дев'ятеро"), ("десятеро", "десятерых")]):
    _add("coll", _v, *_forms)
_SINGULAR_SCALES = {"тысяча", "тисяча", "миллион", "мільйон"}


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie (fast to match); ' and е match variants."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(ch: str) -> str:
        return {"'": "['’ʼ`]", "е": "[её]"}.get(ch, re.escape(ch))

    def emit(node: dict) -> str:
        branches = [char(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


# --- the master pattern -------------------------------------------------------------------

_MULT = (r"million|mln|bn|billion|thousand|тыс\.?|тысяч[аи]?|тис\.?|тисяч[аі]?|млн\.?|млрд\.?"
         r"|миллион(?:а|ов)?|мільйон(?:а|ів)?")
_MULT_VALUES = [(re.compile(p, re.I), v) for p, v in [
    (r"mln|млн|million|миллион|мільйон", 10**6), (r"bn|billion|млрд", 10**9), (r"thousand|тыс|тис", 1000)]]
_DIGITS = (r"(?<!\w)(?<!\d[.,:/])(?<![^\W\d_]-)"
           r"(?P<int>\d{1,3}(?P<sep>[,. \u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?!\d)|\d+)"
           rf"(?:(?P<frac>[.,]\d+)(?=\s*(?:{_MULT})))?(?:\s*(?P<mult>{_MULT})(?!\w))?"
           r"(?:-(?:ти|х|ми|ех|ёх|ух|ох|ьох|и)(?!\w))?"
           r"(?![^\W_]|[%‰°]|[.,:/]\d|-[а-яёіїєґ])")
_VAGUE = [  # (pattern, value); tried in order, before plain words
    (r"tens\s+of\s+thousands|десятк(?:и|ов|ів|ами)\s+(?:тысяч|тисяч)", 10_000),
    (r"hundreds\s+of\s+thousands|сот(?:ни|ен|ні|ень|нями)\s+(?:тысяч|тисяч)", 100_000),
    (r"(?:several|a\s+few)\s+dozen|(?:несколько|кілька|декілька)\s+(?:десятков|десятків)", 12),
    (r"(?:several|a\s+few)\s+hundred|(?:несколько|кілька|декілька)\s+(?:сотен|сотень)|кількасот", 100),
    (r"(?:several|a\s+few)\s+thousand|(?:несколько|кілька|декілька)\s+(?:тысяч|тисяч)", 1000),
    (r"half\s+a\s+dozen", 6),  # the one exact entry (value 6 => approximate=False)
    (r"dozens|десятк(?:и|ов|ів|ами)", 12),
    (r"scores(?=\s+of\b)", 20),
    (r"hundreds|сот(?:ни|ен|ні|ень|нями)", 100),
    (r"thousands|тысяч(?:и|ами)?|тисяч(?:і|ами)?", 1000),
]
_VAGUE_RES = [(re.compile(rf"(?:{p})\b", re.I), v) for p, v in _VAGUE]
_TOKEN = rf"(?:a(?=\s+(?:hundred|thousand|dozen)\b)|{_trie_pattern(sorted(w for w in _WORDS if w != 'a'))})\b"
#: A well-formed number has at most about 16 words ("nine hundred and ninety-nine million nine
#: hundred..."); a run matched is capped at twice that, so a report of "one one one ..." costs
#: linear time instead of re-matching the whole rest of the run after each word.
_MAX_RUN_WORDS = 32
_RUN = (rf"(?<!\bno\s)(?<!\bno-)\b{_TOKEN}"
        rf"(?:(?:\s+|-|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+){_TOKEN}){{0,{_MAX_RUN_WORDS - 1}}}")
_FIRST = "".join(sorted({w[0] for w in _WORDS} | set("adhstдкнст")))  # first letters of words and _VAGUE
_PATTERN = (rf"(?=[\d{re.escape(_FIRST)}])(?<!\w)"
            rf"(?:(?P<vague>(?:{'|'.join(p for p, _ in _VAGUE)})\b)|(?P<digits>{_DIGITS})|(?P<words>{_RUN}))")
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
    factor = next(v for r, v in _MULT_VALUES if r.match(m["mult"]))
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


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number written in ``text``, left to right; see the module doc for what counts."""
    found: list[NumberMatch] = []
    pos = 0
    lowered = text.lower()
    finder, haystack = (_LOWER_RE, lowered) if len(lowered) == len(text) else (NUMBER_RE, text)
    while m := finder.search(haystack, pos):
        pos = m.end()
        if m["vague"]:
            value = next(v for r, v in _VAGUE_RES if (x := r.match(haystack, m.start())) and x.end() == m.end())
            found.append(NumberMatch(value, m.start(), m.end(), text[m.start():m.end()], approximate=value != 6))
        elif m["digits"]:
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
