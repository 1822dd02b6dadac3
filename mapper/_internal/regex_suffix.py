"""A cheap first test for patterns that must end where a search window ends: how a match can end.

A qualifier before a number ("at least 30") is found by searching a short window that ends at the
number for ``core\\s*$``. The engine tries every position of the window, and a big alternation
costs at each. :class:`TailPattern` first looks at the last letters before the spaces: when no
match of ``core`` can end with them (see :func:`literal_suffixes`), there is no match at all,
and the search is skipped. Otherwise the same search runs, so the answers are ``re.search``'s.
"""

from __future__ import annotations

import re

from mapper._internal.regex_parts import MAX_STRINGS as _MAX_PREFIXES
from mapper._internal.regex_parts import class_chars, only_literals, usable
from mapper._internal.regex_parts import ops as _c
from mapper._internal.regex_parts import parse_items as _parse
from mapper._internal.regex_prefix import compile_with_first_chars, ignores_case, string_forms

__all__ = ["literal_suffixes", "TailPattern"]


def literal_suffixes(pattern: str, flags: int = 0, size: int = 3) -> frozenset[str] | None:
    """Strings of at most ``size`` characters one of which every match of ``pattern`` ends with
    (every case form under ``re.IGNORECASE``), or None if that is not clear.

    >>> sorted(literal_suffixes(r"(?<!\\w)(?:at least|up to|some)", size=2))
    ['me', 'st', 'to']
    """
    items = _parse(pattern)
    found = _suffixes(items, size) if items is not None else None
    if not found or "" in found:
        return None
    if ignores_case(pattern, flags):
        found = {f for s in found for f in string_forms(s)}
    return frozenset(found)


def _suffixes(items: list, size: int) -> set[str] | None:
    """Endings (at most ``size`` characters) of the matches of ``items``; "" for "may end anywhere"."""
    out = {""}
    for index in range(len(items) - 1, -1, -1):
        if all(len(s) >= size for s in out):
            return out
        op, av = items[index]
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the characters on both sides are contiguous
        whole = True
        if op is _c.LITERAL:
            subs = {chr(av)}
        elif op is _c.IN:
            subs = class_chars(av)
        elif op in (_c.SUBPATTERN, _c.BRANCH):
            alternatives = [list(av[-1])] if op is _c.SUBPATTERN else [list(a) for a in av[1]]
            parts = [_suffixes(a, size) for a in alternatives]
            subs = None if any(p is None for p in parts) else set().union(*parts)
            whole = all(only_literals(a) for a in alternatives)
        elif op is _c.MAX_REPEAT and av[:2] == (0, 1):  # an optional part: present or not
            subs = _suffixes(list(av[2]), size)
            subs = None if subs is None else subs | {""}
            whole = only_literals(list(av[2]))
        else:
            subs = None
        if subs is None or len(subs) * len(out) > _MAX_PREFIXES:
            return usable(out)
        out = {(s + p)[-size:] for s in subs for p in out}
        if not whole:
            return usable(out)
    return out


class TailPattern:
    """``core`` followed by spaces up to the end of the text searched (``tail``: ``\\s*$`` or
    ``\\s+$``), searched in a window before a position. The search is skipped when the text
    before the spaces does not end as ``core`` can: the answer is ``re.search``'s, found sooner.

    >>> qualifier = TailPattern(r"(?<!\\w)(?:about|some)", r"\\s*$", re.I)
    >>> text = "some 30 of about 40"
    >>> qualifier.search(text, 0, 5).group(), qualifier.search(text, 8, 11)
    ('some ', None)
    """

    def __init__(self, core: str, tail: str, flags: int = 0):
        self.regex = compile_with_first_chars(core + tail, flags)
        ends = literal_suffixes(core, flags)
        self._ends = None
        if ends and not any(c.isspace() for s in ends for c in s):
            self._ends = [(n, frozenset(s for s in ends if len(s) == n)) for n in sorted({len(s) for s in ends})]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """``regex.search(text, pos, endpos)``."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._ends is not None:
            before = text[pos:endpos].rstrip()  # str.isspace() is \s
            for n, ends in self._ends:
                if before[-n:] in ends:
                    break
            else:
                return None
        return self.regex.search(text, pos, endpos)
