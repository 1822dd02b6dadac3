"""A document read once for the prefixes of anchored patterns, then the patterns' matches in any
part of it (a sentence, a paragraph, a line) without a new pass over that part.

:class:`~mapper._internal.anchored.AnchoredPattern` finds where a pattern may start with one pass of an
automaton over a text, then tries the pattern only there. A claim asks the same patterns of its
sentence, its paragraph and its document: :func:`read` makes one pass over the document for all the
patterns registered with :func:`read_together` (the claimants' names, reporting words, voices), and
a part's matches are those tried at the prefixes found wholly inside it, on the part itself. They
are exactly the part's own ``finditer``: the pattern is matched on the part's own text (a lookbehind
or lookahead sees no more than it would), and the part's prefixes are the document's inside it, since
lower case and the case fold go letter for letter (but a capital sigma, whose lower case depends on
the letter after it: a part holding one is read on its own). A text that is no part of the document
read last is read on its own: the answers never depend on what was read before, only their cost::

    >>> from mapper._internal.anchored import AnchoredPattern
    >>> said = AnchoredPattern(r"(?<!\\w)(?:said|told)(?!\\w)")
    >>> _ = read("Police said two died. Officials told reporters.")
    >>> [m.span() for m in finditer(said, "Officials told reporters.")]
    [(10, 14)]
"""

from __future__ import annotations

import bisect
import re

from gazetteer.automaton import word_automaton
from mapper._internal.anchored import AnchoredPattern, PatternSet
from mapper._internal.casefold import fold, lowered

__all__ = ["DocumentScan", "read", "read_together", "finditer", "search", "finditer_each"]

_LONG = 1000  # a text this long is a report: its lower case is casefold's, made once for its readers
_SIGMA = "\u03a3"  # its lower case depends on the next letter: a part holding one is read itself

# patterns read in one pass over a document: (automaton, read on the lower case), and the joined automaton
_TOGETHER: list[tuple[object, bool]] = []
_JOINED: list = []


def read_together(*patterns: AnchoredPattern | PatternSet, lower: bool = False) -> None:
    """Register patterns whose prefixes one pass over a document finds (``lower``: patterns asked of
    lower-cased texts). Case-blind patterns only (and, with ``lower``, patterns read on lower case)."""
    for p in patterns:
        automaton = p.automaton
        if automaton is None or any(a is automaton for a, _ in _TOGETHER):
            continue
        if not lower and not (isinstance(p, PatternSet) or p.caseless):
            raise ValueError("only case-blind patterns are read together")
        _TOGETHER.append((automaton, lower))
        _JOINED.clear()


def _joined():
    """The automaton of all registered prefixes: key -> ((slot, length, value), ...)."""
    if not _JOINED:
        keys: dict[str, list] = {}
        for slot, (automaton, _) in enumerate(_TOGETHER):
            for key, (length, value) in automaton.items():
                keys.setdefault(key, []).append((slot, length, value))
        _JOINED.append(word_automaton((k, tuple(v)) for k, v in keys.items()) if keys else None)
    return _JOINED[0]


class DocumentScan:
    """One document (``text``) and, per pattern asked, where the pattern's prefixes occur in it."""

    __slots__ = ("text", "_lower", "_hits", "_joined_read", "_offsets", "found")

    def __init__(self, text: str):
        self.text = text
        self._lower: str | None = None
        # (automaton, lower) -> (ends, hits): the automaton's hits in text order of their last index
        # (``ends``), each hit ``(start, value)``; None: the document cannot be read for it
        self._hits: dict[tuple[int, bool], tuple[list[int], list[tuple[int, object]]] | None] = {}
        self._joined_read = False  # the registered patterns' hits read in one pass (then split by pattern)
        self._offsets: dict[str, int] = {}
        self.found: dict[tuple[int, str], re.Match | None] = {}  # (pattern, part) -> its first match

    def offset(self, part: str) -> int:
        """Where ``part`` is in the document (its first occurrence: any gives the same matches),
        or -1 when it is not, or holds a capital sigma."""
        if part is self.text:
            return 0
        at = self._offsets.get(part)
        if at is None:
            at = self._offsets[part] = (0 if part == self.text else -1) if _SIGMA in part else self.text.find(part)
        return at

    def _lowered(self) -> str | None:
        if self._lower is None:
            # a report's lower case is made once for all its readers (casefold's), a short text's here
            self._lower = lowered(self.text) if len(self.text) >= _LONG else self.text.lower()
        return self._lower if len(self._lower) == len(self.text) else None

    def _read_joined(self) -> None:
        """One pass for all registered patterns (none when the document has no letter-for-letter fold),
        its hits split by pattern."""
        self._joined_read = True
        automaton, seen = _joined(), fold(self.text)
        if automaton is None or seen is None:
            return
        same = seen == self._lowered()  # lower-case patterns' prefixes are found in the fold too
        split = [([], []) for _ in _TOGETHER]
        for last, values in automaton.iter(seen):
            for slot, length, value in values:
                ends, found = split[slot]
                ends.append(last)
                found.append((last - length + 1, value))
        for (member, lower), hits in zip(_TOGETHER, split):
            if not lower or same:
                self._hits[(id(member), lower)] = hits

    def _hits_of(self, automaton, caseless: bool, lower: bool):
        """The automaton's hits in the document (in its lower case if ``lower``: the pattern is asked
        of lower-cased parts), as kept in ``_hits``."""
        key = (id(automaton), lower)
        if key in self._hits:
            return self._hits[key]
        if not self._joined_read and any(a is automaton and low == lower for a, low in _TOGETHER):
            self._read_joined()
            if key in self._hits:
                return self._hits[key]
        seen = self._lowered() if lower else self.text
        if seen is not None and caseless:
            seen = fold(seen)
        hits = None
        if seen is not None:
            ends, found = [], []
            for last, (length, value) in automaton.iter(seen):
                ends.append(last)
                found.append((last - length + 1, value))
            hits = (ends, found)
        self._hits[key] = hits
        return hits

    def inside(self, automaton, caseless: bool, part: str, lower: bool = False) -> list[tuple[int, object]] | None:
        """The prefixes found wholly inside ``part`` (start in the part, value), or None: read it itself."""
        if automaton is None or not part:
            return None
        start = self.offset(part)
        hits = self._hits_of(automaton, caseless, lower) if start >= 0 else None
        if hits is None:
            return None
        ends, found = hits
        end = start + len(part)
        if not start and end == len(self.text):
            return found
        within = found[bisect.bisect_left(ends, start):bisect.bisect_left(ends, end)]
        return [(at - start, value) for at, value in within if at >= start]


_CURRENT: list[DocumentScan] = []  # the document read last (a cache: answers never depend on it)


def read(document: str) -> DocumentScan:
    """Read ``document`` for the texts taken from it; a part of the document read last keeps that one."""
    if not _CURRENT or _CURRENT[0].offset(document) < 0:
        _CURRENT[:] = [DocumentScan(document)]
    return _CURRENT[0]


def _inside(pattern, part: str, lower: bool = False):
    if not _CURRENT:
        return None
    return _CURRENT[0].inside(pattern.automaton, True if isinstance(pattern, PatternSet) else pattern.caseless,
                              part, lower)


def finditer(pattern: AnchoredPattern, part: str, *, lower: bool = False) -> list[re.Match]:
    """``list(pattern.finditer(part))`` (``lower``: of ``part.lower()``, for a pattern read on lower case)."""
    inside = _inside(pattern, part, lower)
    seen = part.lower() if lower else part
    if inside is None:
        return list(pattern.finditer(seen))
    return pattern.matches_at(seen, inside)


def search(pattern: AnchoredPattern, part: str) -> re.Match | None:
    """``pattern.search(part)``: the first match, tried at the prefixes in order until one matches
    (kept with the document read last: a claim's sentence is asked again by the next claim)."""
    if not _CURRENT:
        return pattern.search(part)
    found, key = _CURRENT[0].found, (id(pattern), part)
    if key not in found:
        found[key] = _search(pattern, part)
    return found[key]


def _search(pattern: AnchoredPattern, part: str) -> re.Match | None:
    inside = _inside(pattern, part)
    return pattern.search(part) if inside is None else pattern.search_at(part, inside)


def finditer_each(patterns: PatternSet, part: str, *, alone: bool = False) -> dict[str, list[re.Match]]:
    """``patterns.finditer_each(part)``; ``alone``: ``part`` read in a pass of its own (patterns not
    read with the document's), where the patterns with no prefix in it are not tried at all."""
    inside = patterns.hits(part) if alone else _inside(patterns, part)
    if inside is None:
        return patterns.finditer_each(part)
    return patterns.matches_at(part, inside)
