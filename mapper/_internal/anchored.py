"""Patterns tried only where a match can start: one Aho-Corasick pass finds the places.

Python's regex engine tries a pattern that opens with a group of alternatives at every position of
the text. :class:`AnchoredPattern` first finds, in one pass of an automaton, where one of the
pattern's literal prefixes occurs (see :mod:`mapper._internal.regex_prefix`), and tries the pattern
only there. :class:`PatternSet` does the same for several patterns read from one text: one pass
finds the starts of all of them. The matches are exactly those of ``re.finditer``::

    >>> cue = AnchoredPattern(r"(?<!\\w)(?:near|villages? of)\\s+")
    >>> [m.group() for m in cue.finditer("a seminar near the villages of X")]
    ['near ', 'villages of ']
    >>> words = PatternSet({"arms": r"(?i)(?<!\\w)(?:drones?|shell(?:s|ing))", "people": r"(?i)(?<!\\w)civilians?"})
    >>> {name: [m.group() for m in found] for name, found in words.finditer_each("Drones and SHELLING hit civilians").items()}
    {'arms': ['Drones', 'SHELLING'], 'people': ['civilians']}

Patterns that ignore case (the flag, or an inline ``(?i)`` anywhere) are looked up in the text's
case fold (:func:`~mapper._internal.casefold.fold`): every character ``re.IGNORECASE`` takes for another folds to the same one.
A pattern whose prefixes cannot be worked out is plain ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from gazetteer.automaton import word_automaton
from mapper._internal.casefold import fold
from mapper._internal.regex_prefix import folded_prefixes, ignores_case, literal_prefixes

__all__ = ["AnchoredPattern", "PatternSet"]


class AnchoredPattern:
    """A pattern tried only where one of its literal prefixes occurs (the prefixes are at most
    ``size`` characters long if given; 3 under IGNORECASE when not given); the matches are those of
    ``re.finditer`` (for patterns that never match the empty string)."""

    def __init__(self, pattern: str, flags: int = 0, size: int | None = None):
        self.regex = re.compile(pattern, flags)
        self.caseless = ignores_case(pattern, flags)
        if self.caseless:
            self.prefixes = folded_prefixes(pattern, size or 3)
        else:
            self.prefixes = literal_prefixes(pattern, flags, size)
        self._automaton = None
        self._parts: tuple | None = None  # (head, alternatives, tail, flags) of :meth:`of_alternatives`
        if self.prefixes:
            self._automaton = word_automaton((prefix, (len(prefix), ())) for prefix in self.prefixes)

    @classmethod
    def of_alternatives(cls, alternatives: list[str], head: str = "", tail: str = "", flags: int = 0) -> "AnchoredPattern":
        """``head(?:alternative|...)tail``, each start tried with only the alternatives that can begin
        there (in their order, so the match is the one the whole pattern gives)::

            >>> office = AnchoredPattern.of_alternatives(["governor", "mayor", "(?i:head) of"], r"(?<!\\w)", r"(?!\\w)")
            >>> [m.group() for m in office.finditer("The Mayor met the governor and the Head of the region")]
            ['governor', 'Head of']
        """
        self = cls(head + "(?:" + "|".join(alternatives) + ")" + tail, flags)
        found = [folded_prefixes(head + a + tail) for a in alternatives]
        if self._automaton is None or not all(found):
            return self  # some alternative may start anywhere: the whole pattern at each start
        self.caseless = True  # the prefixes below are folded
        by_prefix: dict[str, list[int]] = {}
        for index, prefixes in enumerate(found):
            for prefix in prefixes:
                by_prefix.setdefault(prefix, []).append(index)
        self.prefixes = frozenset(by_prefix)
        self._automaton = word_automaton((p, (len(p), tuple(i))) for p, i in by_prefix.items())
        self._parts = (head, tuple(alternatives), tail, flags)
        self._narrow: dict[tuple[int, ...], re.Pattern] = {}
        return self

    def _narrowed(self, indexes: tuple[int, ...]) -> re.Pattern:
        """The pattern of only the alternatives ``indexes`` (compiled once)."""
        regex = self._narrow.get(indexes)
        if regex is None:
            head, alternatives, tail, flags = self._parts
            regex = re.compile(head + "(?:" + "|".join(alternatives[i] for i in indexes) + ")" + tail, flags)
            self._narrow[indexes] = regex
        return regex

    def _dispatched(self, text: str) -> Iterator[re.Match] | None:
        """The matches, each start tried with its own alternatives; None when the text has no fold."""
        seen = fold(text)
        if seen is None:
            return None
        at: dict[int, set[int]] = {}
        for last, (length, indexes) in self._automaton.iter(seen):
            at.setdefault(last - length + 1, set()).update(indexes)
        return self._dispatch(text, sorted(at.items()))

    def _dispatch(self, text: str, starts: list[tuple[int, set[int]]]) -> Iterator[re.Match]:
        done = 0
        for start, indexes in starts:
            if start < done:
                continue
            m = self._narrowed(tuple(sorted(indexes))).match(text, start)
            if m:
                yield m
                done = max(m.end(), start + 1)

    def starts(self, text: str) -> list[int] | None:
        """Where a match may start (where a prefix occurs), in order; None: anywhere."""
        if self._automaton is None:
            return None
        seen = fold(text) if self.caseless else text
        if seen is None:
            return None
        return sorted({last - value[0] + 1 for last, value in self._automaton.iter(seen)})

    def finditer(self, text: str, by_first: dict[str, re.Pattern] | None = None) -> Iterator[re.Match]:
        """``regex.finditer(text)``, tried only where a prefix occurs; ``by_first``: a narrower pattern
        to try where the match's first character is a key (the alternatives that can start with it)."""
        if self._parts is not None and (found := self._dispatched(text)) is not None:
            return found
        return _matches(self.regex, text, self.starts(text), by_first)

    def search(self, text: str) -> re.Match | None:
        """``regex.search(text)``: the first match."""
        return next(self.finditer(text), None)


def _matches(regex: re.Pattern, text: str, starts: list[int] | None,
             by_first: dict[str, re.Pattern] | None = None) -> Iterator[re.Match]:
    """The matches of ``regex`` in ``text`` that ``finditer`` gives, tried at ``starts`` only."""
    if starts is None:
        yield from regex.finditer(text)
        return
    done = 0
    for start in starts:
        if start < done:
            continue
        m = (by_first.get(text[start], regex) if by_first else regex).match(text, start)
        if m:
            yield m
            done = max(m.end(), start + 1)


class PatternSet:
    """Several patterns read from the same texts, their starts found in one pass (see the module
    doc). ``patterns``: name -> pattern (a string, compiled with ``flags``, or a compiled pattern)."""

    def __init__(self, patterns: Mapping[str, str | re.Pattern], flags: int = 0, size: int = 3):
        self.names = tuple(patterns)
        self.regexes = {name: p if isinstance(p, re.Pattern) else re.compile(p, flags) for name, p in patterns.items()}
        self._plain: list[str] = []   # patterns tried everywhere (no prefixes)
        entries: dict[str, set[int]] = {}
        for index, name in enumerate(self.names):
            regex = self.regexes[name]
            found = folded_prefixes(regex.pattern, size)
            if not found:
                self._plain.append(name)
                continue
            for prefix in found:
                entries.setdefault(prefix, set()).add(index)
        self._automaton = word_automaton((p, (len(p), tuple(sorted(i)))) for p, i in entries.items()) if entries else None

    def finditer_each(self, text: str) -> dict[str, list[re.Match]]:
        """Each pattern's matches in ``text`` (``list(regex.finditer(text))``), by name."""
        seen = fold(text) if self._automaton is not None else None
        if seen is None:
            return {name: list(regex.finditer(text)) for name, regex in self.regexes.items()}
        starts: list[set[int]] = [set() for _ in self.names]
        for last, (length, indexes) in self._automaton.iter(seen):
            for i in indexes:
                starts[i].add(last - length + 1)
        out = {}
        for index, name in enumerate(self.names):
            regex = self.regexes[name]
            out[name] = list(_matches(regex, text, None if name in self._plain else sorted(starts[index])))
        return out
