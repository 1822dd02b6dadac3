"""Words of a report as the toponym spotter reads them: capitalised runs, neighbours, spans.

A place name starts with a capital letter, and a lower-case word can only continue one
("Rostov-na-Donu"), so the spotter never tokenises a whole report. It looks only at
*capitalised runs*: a capitalised word and the words joined to it by a space or a hyphen,
where a lower-case word stays in the run only after a capitalised one::

    >>> text = "Officials said fighting near Rostov-na-Donu and in Bolshoye Soldatskoye went on."
    >>> [m.group() for m in capitalised_runs(text)]
    ['Officials said', 'Rostov-na-Donu and', 'Bolshoye Soldatskoye went']

Around a run it reads single words on demand (:func:`token_before`, :func:`token_after`),
in windows of a few dozen characters, so the cost of a report grows with its capitalised
words, not with its length. Tokens are runs of letters, with inner apostrophes
("L'gov") but not a possessive "'s"; they are the same tokens ``TOKEN.finditer`` gives
over the whole text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from gazetteer.automaton import word_automaton
from gazetteer.normalize import is_cyrillic

__all__ = ["TOKEN", "APOSTROPHES", "capitalised_runs", "run_words", "is_token_char", "token_before", "token_after",
           "at_sentence_start", "Spans", "title_spans", "WordStarts", "written_in_lower_case"]

#: Every apostrophe a report may write inside a word (Куп'янськ, Куп’янськ, Купʼянськ, Куп‘янськ,
#: Куп`янськ, Куп′янськ).
APOSTROPHES = "'’ʼ‘`′"
#: One word: letters, with inner apostrophes except a possessive "'s".
TOKEN = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}](?![sS]\b)[^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")


def _upper_letter_class() -> str:
    """A regex class of every upper-case letter of the Basic Multilingual Plane (``str.isupper``)."""
    ranges: list[list[int]] = []
    for cp in range(0x10000):
        char = chr(cp)
        if char.isupper() and _LETTER.match(char):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


_UP = _upper_letter_class()
#: The rest of a word, taken possessively (``*+``): everything after it in a run is optional, so the
#: longest word is the one the greedy pattern matched anyway; no backtracking state is kept (faster).
_REST = rf"[^\W\d_]*+(?:[{APOSTROPHES}](?![sS]\b)[^\W\d_]++)*+"
_UPPER_WORD = rf"{_UP}{_REST}"
_LOWER_WORD = rf"(?!{_UP})[^\W\d_]{_REST}"
_SEP = r"(?: - |- | |-)"
#: A capitalised word that starts a token (no letter right before it, nor a letter and an apostrophe
#: unless the word is the "S" of a possessive),
#: then words joined by a space or hyphen; a lower-case word only after a capitalised one.
_RUN = re.compile(
    rf"{_UP}(?<![^\W\d_].)(?:(?<![^\W\d_][{APOSTROPHES}].)|(?<=S)(?!\w)){_REST}"
    rf"(?:{_SEP}(?:{_UPPER_WORD}|{_LOWER_WORD}(?={_SEP}{_UP})))*(?:{_SEP}{_LOWER_WORD})?"
)


def capitalised_runs(text: str) -> Iterator[re.Match[str]]:
    """Each capitalised run of ``text`` as a match, in order."""
    return _RUN.finditer(text)


_RUN_SEPARATOR = re.compile(r"[^ -]+")


def run_words(run: str) -> tuple[tuple[int, int], ...]:
    """Spans of the words of a run's text (its words are joined only by spaces and hyphens).

    >>> run_words("Rostov-na-Donu and")
    ((0, 6), (7, 9), (10, 14), (15, 18))
    """
    return tuple(m.span() for m in _RUN_SEPARATOR.finditer(run))


def is_token_char(char: str) -> bool:
    """A character of a token: a letter, or a number that is not a decimal digit (``[^\\W\\d_]``)."""
    return char.isalnum() and not char.isdecimal()


def token_before(text: str, pos: int) -> tuple[int, int] | None:
    """The last token before ``pos`` (a token start), or None.

    >>> text = "Maj. Gen. Pat Ryder"
    >>> token_before(text, 10), token_before(text, 0)
    ((5, 8), None)
    """
    i = pos
    while i > 0:  # back over what stands between (no letters)
        char = text[i - 1]
        if char.isalnum() and not char.isdecimal():
            break
        i -= 1
    if i == 0:
        return None
    start = i - 1  # back to the start of the word's letters and inner apostrophes
    apostrophe = False
    while start > 0:
        char = text[start - 1]
        if char.isalnum() and not char.isdecimal():
            start -= 1
        elif char in APOSTROPHES:
            start -= 1
            apostrophe = True
        else:
            break
    if not apostrophe:
        return start, i  # letters only: exactly one token
    last = None
    for m in TOKEN.finditer(text, start):
        if m.start() >= i:
            break
        last = m
    return last.span() if last else None


def token_after(text: str, pos: int) -> tuple[int, int] | None:
    """The first token starting at or after ``pos`` (a token end), or None."""
    m = TOKEN.search(text, pos)
    return m.span() if m else None


_OPENERS = " \"'“«("


def at_sentence_start(text: str, start: int, titles: frozenset[str]) -> bool:
    """Does the token at ``start`` open a sentence (or the text, or a line)? A full stop after
    a title or an initial ("Maj. Gen. Pat", "J. Smith") is not a sentence end."""
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if i == 0:
        return True
    last = text[i - 1]
    if last == ".":
        previous = token_before(text, start)
        if previous is not None:
            word = text[previous[0]:previous[1]].casefold()
            if word in titles or len(word) == 1:
                return False
    return last in ".!?…\n:"


_TITLE_AUTOMATA: dict[frozenset[str], object] = {}


def title_spans(low: str, titles: frozenset[str], hits: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of the tokens of lower-cased text ``low`` that are one of ``titles`` (one
    Aho-Corasick pass; hits inside longer words are dropped). ``hits``: ``(start, length)`` of
    every title of ``titles`` that opens a word (:class:`WordStarts`, more do no harm), when the caller has them.

    >>> title_spans("the president's aide, ex-general mayor", frozenset({"president", "general", "mayor"}))
    [(4, 13), (25, 32), (33, 38)]
    """
    automaton = _TITLE_AUTOMATA.get(titles)
    if automaton is None:  # a title with a hyphen is never one token
        automaton = word_automaton((word, len(word)) for word in titles if TOKEN.fullmatch(word))
        _TITLE_AUTOMATA[titles] = automaton
    spans = []
    size = len(low)
    found = automaton.iter(low) if hits is None else sorted((start + length - 1, length) for start, length in hits)
    for last, length in found:
        start, end = last - length + 1, last + 1
        if start > 0:  # the tests of is_token_char, written out: most hits are inside longer words
            char = low[start - 1]
            if (char.isalnum() and not char.isdecimal()) or (
                    char in APOSTROPHES and start > 1 and is_token_char(low[start - 2])):
                continue
        if end < size:
            char = low[end]
            if (char.isalnum() and not char.isdecimal()) or (
                    char in APOSTROPHES and TOKEN.match(low, end + 1) and not _POSSESSIVE.match(low, end + 1)):
                continue
        spans.append((start, end))
    return spans


_POSSESSIVE = re.compile(r"[sS]\b")


class Spans:
    """Character spans taken so far, kept as a sorted union of intervals.

    >>> taken = Spans()
    >>> taken.add(10, 20); taken.add(0, 3)
    >>> taken.covers(15), taken.covers(20), taken.overlaps(18, 25), taken.overlaps(3, 10)
    (True, False, True, False)
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    @classmethod
    def of(cls, spans) -> Spans:
        """The union of ``(start, end)`` pairs, as adding them one by one would give it (touching
        spans are joined, empty ones dropped), built in one sorted pass.

        >>> taken = Spans.of([(10, 20), (0, 3), (3, 5), (7, 7)])
        >>> taken._starts, taken._ends
        ([0, 10], [5, 20])
        """
        taken = cls()
        starts, ends = taken._starts, taken._ends
        for start, end in sorted(spans):
            if end <= start:
                continue
            if ends and ends[-1] >= start:
                if end > ends[-1]:
                    ends[-1] = end
            else:
                starts.append(start)
                ends.append(end)
        return taken

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] >= start:
            start = self._starts[i]
        else:
            i += 1
        j = i
        while j < len(self._starts) and self._starts[j] <= end:
            end = max(end, self._ends[j])
            j += 1
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end


_COMPOUND = re.compile(r"\w+(?:-\w+)+")
_COMPOUND_START = re.compile(r"[\w-]*$")


def compound_around(text: str, start: int, end: int) -> str | None:
    """The hyphenated word that ``text[start:end]`` is half of (Попово of Попово-Лежачей), or None
    when it stands alone; looked at within a few dozen characters, so a long text costs no more.

    >>> compound_around("у Попово-Лежачей", 2, 8), compound_around("в Суджі", 2, 7)
    ('Попово-Лежачей', None)
    """
    lo = _COMPOUND_START.search(text, max(0, start - 64), start + 1).start()
    m = _COMPOUND.match(text, lo, end + 64)
    return m.group() if m and m.end() >= end and (m.start() < start or m.end() > end) else None


def _letters_only(text: str) -> str | None:
    """``text`` with every character but a letter made a space, one byte a character (Cyrillic in
    cp1251, read back as Latin-1: same offsets), between two more spaces; None when cp1251 cannot
    write it."""
    try:
        data = text.encode("ascii") if text.isascii() else text.encode("cp1251")
    except UnicodeEncodeError:
        return None
    return " " + data.translate(_LETTERS_ONLY).decode("latin-1") + " "


_LETTERS_ONLY = bytes(b if (c := bytes([b]).decode("cp1251", errors="ignore")) and c.isalpha() else 32
                      for b in range(256))


class WordStarts:
    """Where words of several lists may open a word of lower-cased text, in one Aho-Corasick pass.

    An automaton pass costs more the more different first letters its keys have. Here each key is
    looked for behind a space in the text with every non-letter made a space (:func:`_letters_only`),
    so the automaton has one first letter; the words of a list of ``whole`` words are looked for
    between spaces. Every place where a word of a list stands after a non-letter (or at the start)
    and, if whole, before one (or at the end) is found; a few more where another non-letter stands
    in the word ("обл," for "обл.") may be, so the callers test each place as before::

        >>> starts = WordStarts({"cue": ["near"], "title": ["gen"]}, whole={"title"})
        >>> starts.find("near kursk, gen. x; (near) genre")
        {'cue': [(0, 4), (21, 4)], 'title': [(12, 3)]}

    :meth:`find` gives None for a text cp1251 cannot write; the callers then look as before.
    """

    def __init__(self, lists: dict[str, object], whole: frozenset[str] | set[str] = frozenset()):
        keys: dict[str, list[tuple[str, int, int]]] = {}
        self._tags = tuple(lists)
        for tag, words in lists.items():
            for word in words:
                key = _letters_only(word)
                if key is None:
                    raise ValueError(f"cp1251 cannot write {word!r}")
                key = key if tag in whole else key[:-1]
                keys.setdefault(key, []).append((tag, len(word), len(key) - 1))
        self._automaton = word_automaton((key, tuple(tags)) for key, tags in keys.items())

    def find(self, low: str) -> dict[str, list[tuple[int, int]]] | None:
        """``(start, length)`` of each word of each list that may open a word of ``low``, by list."""
        mapped = _letters_only(low)
        if mapped is None:
            return None
        found: dict[str, list[tuple[int, int]]] = {tag: [] for tag in self._tags}
        for last, tags in self._automaton.iter(mapped):
            for tag, length, back in tags:
                found[tag].append((last - back, length))
        return found


def written_in_lower_case(text: str, word: str) -> bool:
    """Does ``text`` also write this sentence-initial Latin word in lower case ("Air defences ...
    the air raid")? Then it is a common word, whatever place shares its name."""
    if is_cyrillic(word) or not word[1:].islower():
        return False
    low = word.lower()
    i = text.find(low)
    while i >= 0:
        if not (i and text[i - 1].isalpha()) and not text[i + len(low):i + len(low) + 1].isalpha():
            return True
        i = text.find(low, i + 1)
    return False
