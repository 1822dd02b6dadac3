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

__all__ = ["AnchoredPattern", "PatternSet", "CASELESS_SIZE"]

#: How many letters of a case-blind pattern's prefixes are looked up: longer prefixes mean fewer
#: starts tried in vain ("str" stands at every "street"; "strik" not), at the cost of a bigger automaton.
CASELESS_SIZE = 5


class AnchoredPattern:
    """A pattern tried only where one of its literal prefixes occurs (the prefixes are at most
    ``size`` characters long if given; :data:`CASELESS_SIZE` under IGNORECASE when not given); the matches are those of
    ``re.finditer`` (for patterns that never match the empty string)."""

    def __init__(self, pattern: str, flags: int = 0, size: int | None = None):
        self.regex = re.compile(pattern, flags)
        self.caseless = ignores_case(pattern, flags)
        if self.caseless:
            self.prefixes = folded_prefixes(pattern, size or CASELESS_SIZE)
        else:
            self.prefixes = literal_prefixes(pattern, flags, size)
        self._automaton = None
        self._parts: tuple | None = None  # (head, alternatives, tail, flags) of :meth:`of_alternatives`
        if self.prefixes:
            self._automaton = word_automaton((prefix, (len(prefix), ())) for prefix in self.prefixes)

    @classmethod
    def of_alternatives(cls, alternatives: list[str], head: str = "", tail: str = "", flags: int = 0,
                        size: int = CASELESS_SIZE) -> "AnchoredPattern":
        """``head(?:alternative|...)tail``, each start tried with only the alternatives that can begin
        there (in their order, so the match is the one the whole pattern gives)::

            >>> office = AnchoredPattern.of_alternatives(["governor", "mayor", "(?i:head) of"], r"(?<!\\w)", r"(?!\\w)")
            >>> [m.group() for m in office.finditer("The Mayor met the governor and the Head of the region")]
            ['governor', 'Head of']
        """
        found = [folded_prefixes(head + a + tail, size) for a in alternatives]
        if not all(found):  # some alternative may start anywhere: the whole pattern at each start
            return cls(head + "(?:" + "|".join(alternatives) + ")" + tail, flags, size)
        by_prefix: dict[str, list[int]] = {}
        for index, prefixes in enumerate(found):
            for prefix in prefixes:
                by_prefix.setdefault(prefix, []).append(index)
        self = cls.__new__(cls)
        #: the characters (besides \\w) that may not stand before a match, when the head says only that
        self._not_after = _NOT_AFTER.get(head) if not flags & re.ASCII else None
        self.regex = re.compile(head + "(?:" + "|".join(alternatives) + ")" + tail, flags)
        self.caseless = True  # the prefixes are folded
        self.prefixes = frozenset(by_prefix)
        self._by_prefix = {p: tuple(i) for p, i in by_prefix.items()}
        self._automaton = word_automaton((p, (len(p), i)) for p, i in self._by_prefix.items())
        self._parts = (head, tuple(alternatives), tail, flags)
        self._narrow: dict[tuple[int, ...], re.Pattern] = {}
        return self

    @property
    def automaton(self):
        """The automaton of the prefixes, each key's value ``(length, alternatives)``, or None
        (a pattern tried everywhere): a longer text's pass with it gives :meth:`matches_at` its hits."""
        return self._automaton

    def _narrowed(self, indexes: tuple[int, ...]) -> re.Pattern:
        """The pattern of only the alternatives ``indexes`` (compiled once)."""
        regex = self._narrow.get(indexes)
        if regex is None:
            head, alternatives, tail, flags = self._parts
            regex = re.compile(head + "(?:" + "|".join(alternatives[i] for i in indexes) + ")" + tail, flags)
            self._narrow[indexes] = regex
        return regex

    def _dispatched(self, text: str, seen: str | None = None) -> list[re.Match] | None:
        """The matches, each start tried with its own alternatives; None when the text has no fold
        (``seen``: its fold, when the caller has it)."""
        seen = fold(text) if seen is None else seen
        if seen is None:
            return None
        at: dict[int, tuple[int, ...]] = {}   # start -> the alternatives of every prefix found there
        get, not_after = at.get, self._not_after
        for last, (length, indexes) in self._automaton.iter(seen):
            start = last - length + 1
            if not_after is not None and start and ((c := text[start - 1]).isalnum() or c in not_after):
                continue  # inside a word: the head's look-behind fails there (\w is isalnum() or "_")
            known = get(start)
            if known is None:
                at[start] = indexes
            elif known != indexes:
                at[start] = tuple(sorted({*known, *indexes}))
        return self._dispatch(text, sorted(at.items()))

    def _dispatch(self, text: str, starts: list[tuple[int, tuple[int, ...]]]) -> list[re.Match]:
        out, done, narrow = [], 0, self._narrow
        for start, indexes in starts:
            if start < done:
                continue
            regex = narrow.get(indexes) or self._narrowed(indexes)
            if m := regex.match(text, start):
                out.append(m)
                done = max(m.end(), start + 1)
        return out

    def starts(self, text: str) -> list[int] | None:
        """Where a match may start (where a prefix occurs), in order; None: anywhere."""
        if self._automaton is None:
            return None
        seen = fold(text) if self.caseless else text
        if seen is None:
            return None
        return sorted({last - value[0] + 1 for last, value in self._automaton.iter(seen)})

    def finditer(self, text: str, by_first: dict[str, re.Pattern] | None = None, *,
                 folded: str | None = None) -> Iterator[re.Match]:
        """``regex.finditer(text)``, tried only where a prefix occurs; ``by_first``: a narrower pattern
        to try where the match's first character is a key (the alternatives that can start with it);
        ``folded``: ``fold(text)`` when the caller has it (of :meth:`of_alternatives` patterns)."""
        if self._parts is not None and (found := self._dispatched(text, folded)) is not None:
            return iter(found)
        starts = self.starts(text)
        return self.regex.finditer(text) if starts is None else iter(_matched(self.regex, text, starts, by_first))

    def matches_at(self, text: str, hits) -> list[re.Match]:
        """The matches in ``text`` tried only at the starts of ``hits`` (``(start, alternatives)`` pairs of
        this pattern's prefixes, as a longer text's automaton pass found them, shifted to ``text``)."""
        if self._parts is not None:
            return self._dispatch(text, _by_start(hits))
        return _matched(self.regex, text, sorted({start for start, _ in hits}))

    def search_at(self, text: str, hits) -> re.Match | None:
        """The first match in ``text`` at the starts of ``hits`` (see :meth:`matches_at`)."""
        if self._parts is not None:
            for start, indexes in _by_start(hits):
                if m := self._narrowed(indexes).match(text, start):
                    return m
            return None
        for start in sorted({start for start, _ in hits}):
            if m := self.regex.match(text, start):
                return m
        return None

    def search(self, text: str) -> re.Match | None:
        """``regex.search(text)``: the first match."""
        if self._parts is not None and (found := self._dispatched(text)) is not None:
            return found[0] if found else None
        return next(_matches(self.regex, text, self.starts(text)), None)


#: Heads of :meth:`AnchoredPattern.of_alternatives` that only ask for no word character (nor these) before a match.
_NOT_AFTER = {r"(?<!\w)": "_", r"(?<![\w-])": "_-", r"(?<![\w'’-])": "_'’-"}


def _matches(regex: re.Pattern, text: str, starts: list[int] | None) -> Iterator[re.Match]:
    """The matches of ``regex`` in ``text`` that ``finditer`` gives, tried at ``starts`` only (None:
    everywhere), one at a time (a search stops at the first)."""
    if starts is None:
        yield from regex.finditer(text)
        return
    done = 0
    for start in starts:
        if start >= done and (m := regex.match(text, start)):
            yield m
            done = max(m.end(), start + 1)


def _by_start(found) -> list[tuple[int, tuple[int, ...]]]:
    """``(start, alternatives)`` pairs joined by start (the alternatives of every prefix found there), in order."""
    if len(found) < 2:
        return list(found)
    ordered = sorted(found)
    out = [ordered[0]]
    for start, indexes in ordered[1:]:
        if start != out[-1][0]:
            out.append((start, indexes))
        elif out[-1][1] != indexes:
            out[-1] = (start, tuple(sorted({*out[-1][1], *indexes})))
    return out


class PatternSet:
    """Several patterns read from the same texts, their starts found in one pass (see the module
    doc). ``patterns``: name -> pattern (a string compiled with ``flags``, or an :class:`AnchoredPattern`,
    whose alternatives then are tried only where they can begin)."""

    def __init__(self, patterns: Mapping[str, str | AnchoredPattern], flags: int = 0, size: int = CASELESS_SIZE):
        self.names = tuple(patterns)
        #: the patterns whose alternatives are tried only where they can begin, by name
        self._dispatching = {name: p for name, p in patterns.items()
                             if isinstance(p, AnchoredPattern) and p._parts is not None}
        self.regexes = {name: p.regex if isinstance(p, AnchoredPattern) else re.compile(p, flags)
                        for name, p in patterns.items()}
        self._plain: set[int] = set()   # patterns tried everywhere (no prefixes)
        entries: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
        for index, name in enumerate(self.names):
            dispatching = self._dispatching.get(name)
            by_prefix = dispatching._by_prefix if dispatching is not None else dict.fromkeys(
                folded_prefixes(self.regexes[name].pattern, size) or (), ())
            if not by_prefix:
                self._plain.add(index)
            for prefix, alternatives in by_prefix.items():
                entries.setdefault(prefix, []).append((index, alternatives))
        self._automaton = word_automaton((p, (len(p), tuple(e))) for p, e in entries.items()) if entries else None

    @property
    def automaton(self):
        """The automaton of all the patterns' prefixes, each key's value ``(length, ((pattern index,
        alternatives), ...))``, or None: a longer text's pass with it gives :meth:`matches_at` its hits."""
        return self._automaton

    def finditer_each(self, text: str) -> dict[str, list[re.Match]]:
        """Each pattern's matches in ``text`` (``list(regex.finditer(text))``), by name."""
        hits = self.hits(text)
        if hits is None:
            return {name: list(regex.finditer(text)) for name, regex in self.regexes.items()}
        return self.matches_at(text, hits)

    def hits(self, text: str) -> list[tuple[int, tuple]] | None:
        """``(start, ((pattern index, alternatives), ...))`` of the prefixes found in ``text``'s case
        fold, in text order; None when the patterns or the text have no fold to read."""
        seen = fold(text) if self._automaton is not None else None
        if seen is None:
            return None
        return [(last - length + 1, entries) for last, (length, entries) in self._automaton.iter(seen)]

    def matches_at(self, text: str, hits) -> dict[str, list[re.Match]]:
        """Each pattern's matches in ``text``, tried only at the starts of ``hits`` (as :meth:`hits`
        gives them, or a part of a longer text's, shifted to ``text``'s offsets)."""
        out: dict[str, list[re.Match]] = {name: [] for name in self.names}
        for index in self._plain:
            out[self.names[index]] = list(self.regexes[self.names[index]].finditer(text))
        # each pattern's starts in order, as one sorted run per pattern (one loop, not a call per pattern)
        flat = sorted((index, start, alternatives) for start, entries in hits for index, alternatives in entries)
        i, n, index = 0, len(flat), -1
        while i < n:
            if flat[i][0] != index:
                index = flat[i][0]
                name, done = self.names[index], 0
                found, regex, dispatching = out[name], self.regexes[name], self._dispatching.get(name)
            _, start, alternatives = flat[i]
            i += 1
            while i < n and flat[i][0] == index and flat[i][1] == start:  # every prefix found there
                if flat[i][2] != alternatives:
                    alternatives = tuple(sorted({*alternatives, *flat[i][2]}))
                i += 1
            if start < done:
                continue
            if dispatching is not None:
                m = (dispatching._narrow.get(alternatives) or dispatching._narrowed(alternatives)).match(text, start)
            else:
                m = regex.match(text, start)
            if m:
                found.append(m)
                done = max(m.end(), start + 1)
        return out


def _matched(regex: re.Pattern, text: str, starts: list[int],
             by_first: dict[str, re.Pattern] | None = None) -> list[re.Match]:
    """:func:`_matches` as a list (all of them, without a generator's cost per start)."""
    out, done, match = [], 0, regex.match
    for start in starts:
        if start >= done and (m := by_first.get(text[start], regex).match(text, start) if by_first
                              else match(text, start)):
            out.append(m)
            done = max(m.end(), start + 1)
    return out
