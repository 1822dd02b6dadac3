"""An alternation of named rules, tried at a position only with the rules that can start there.

``(?P<r0>...)|(?P<r1>...)|...`` matched at a position tries every rule in turn, and each rule
that cannot start with the text there still walks its optional lead-ins before it fails.
:class:`RuleDispatch` works out once, from the parsed rules, how the first few characters of a
match of each can be written, and matches at a position with the alternation of only the rules
that can start with the characters found there (compiled once per set of rules). The rules keep
their order and their group names, so the match (span and ``lastgroup``) is exactly that of the
whole alternation::

    >>> rules = RuleDispatch([("a", r"\\bon\\s+\\d+"), ("b", r"\\d+\\s+days"), ("c", r"o\\w+")])
    >>> m = rules.match("on 5 days", 0)
    >>> m.group(), m.lastgroup
    ('on 5', 'a')
    >>> rules.match("5 days", 0).lastgroup, rules.match("x", 0)
    ('b', None)
"""

from __future__ import annotations

import re

from mapper._internal.regex_parts import class_chars, ops as _c, parse_items

__all__ = ["RuleDispatch", "word_trie"]

_MAX_KEYS = 100_000


class RuleDispatch:
    """``re.match`` of the alternation of ``(name, pattern)`` rules (no flags), each in a group
    of its name, trying only the rules that can start with the characters at the position."""

    def __init__(self, rules: list[tuple[str, str]], width: int = 5):
        self._rules = [f"(?P<{name}>{pattern})" for name, pattern in rules]
        self._width = width
        self._starts = [_starts(pattern, width) for _, pattern in rules]
        self._by_rules: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._by_key: dict[str, re.Pattern[str] | None] = {}
        self._start_res: list[re.Pattern[str]] | None = None    # the starts of each rule, as a regex

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """The match of the whole alternation at ``pos``."""
        key = text[pos:pos + self._width]
        try:
            pattern = self._by_key[key]
        except KeyError:
            if len(self._by_key) >= _MAX_KEYS:    # a bound on memory, over a long run of varied text
                self._by_key.clear()
            pattern = self._by_key[key] = self._pattern_for(key)
        return pattern.match(text, pos) if pattern is not None else None

    def _pattern_for(self, key: str) -> re.Pattern[str] | None:
        if len(key) < self._width:           # at the end of the text (rare): atom by atom
            chosen = tuple(i for i, starts in enumerate(self._starts) if any(_fits(key, seq) for seq in starts))
        else:
            if self._start_res is None:
                self._start_res = [re.compile("|".join(map(_seq_regex, starts))) for starts in self._starts]
            chosen = tuple(i for i, start in enumerate(self._start_res) if start.match(key))
        if chosen not in self._by_rules:
            self._by_rules[chosen] = re.compile("|".join(self._rules[i] for i in chosen)) if chosen else None
        return self._by_rules[chosen]


#: An atom of a start: the set of characters it may be (with ``\\d`` / ``\\s`` for any decimal
#: digit / space), or None for any character.
_Atom = frozenset | None
_DIGIT, _SPACE = "\\d", "\\s"
_MAX_STARTS = 20_000


def _fits(key: str, seq: tuple[_Atom, ...]) -> bool:
    """Can a match whose start is written by ``seq`` begin with ``key``? (Text after ``seq``,
    or past the end of ``key``, is not looked at.)"""
    for char, atom in zip(key, seq):
        if atom is not None and char not in atom and not (
                _DIGIT in atom and char.isdecimal() or _SPACE in atom and char.isspace()):
            return False
    return True


def _seq_regex(seq: tuple[_Atom, ...]) -> str:
    """A regex for the characters a start ``seq`` allows (what follows it is not looked at)."""
    classes = []
    for atom in seq:
        if atom is None:
            classes.append("(?s:.)")
        else:
            chars = "".join(re.escape(c) for c in sorted(atom - {_DIGIT, _SPACE}))
            classes.append(f"[{chars}{_DIGIT if _DIGIT in atom else ''}{_SPACE if _SPACE in atom else ''}]")
    return "".join(classes)


def _starts(pattern: str, width: int) -> set[tuple[_Atom, ...]]:
    """Ways the first ``width`` characters of a match of ``pattern`` can be written (a shorter
    way lets anything follow), worked out from the parsed pattern; ``{()}`` if unclear."""
    items = parse_items(pattern)
    if items is None:
        return {()}
    ends, cuts = _sequence(items, width)
    return ends | cuts


def _sequence(items: list, width: int) -> tuple[set, set]:
    """(the ways a match of ``items`` can be written whole, shorter than ``width``; the ways its
    first characters can be written with anything after them)."""
    states: set[tuple] = {()}
    cuts: set[tuple] = set()
    for op, av in items:
        if not states:
            break
        item_ends, item_cuts = _item(op, av, width)
        if len(states) * (len(item_ends) + len(item_cuts)) > _MAX_STARTS:
            return set(), {()}
        grown = set()
        for state in states:
            for end in item_ends:
                whole = state + end
                (cuts if len(whole) >= width else grown).add(whole[:width])
            for cut in item_cuts:
                cuts.add((state + cut)[:width])
        states = grown
    return states, cuts


def _item(op, av, width: int) -> tuple[set, set]:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {()}, set()  # zero width
    if op is _c.LITERAL:
        return {(frozenset(chr(av)),)}, set()
    if op is _c.IN:
        return {(_class_atom(av),)}, set()
    if op is _c.SUBPATTERN and not av[1] and not av[2]:
        return _sequence(list(av[-1]), width)
    if op is _c.BRANCH:
        ends, cuts = set(), set()
        for alternative in av[1]:
            more_ends, more_cuts = _sequence(list(alternative), width)
            ends |= more_ends
            cuts |= more_cuts
        return ends, cuts
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _repeat(*av, width)
    return set(), {()}      # anything else (inline flags, any character...): any start


def _repeat(low: int, high: int, sub, width: int) -> tuple[set, set]:
    """The ways of writing ``low`` to ``high`` copies of ``sub``, one more copy at a time."""
    sub_ends, sub_cuts = _sequence(list(sub), width)
    states: set[tuple] = {()}              # the ways of writing `copies` copies, shorter than width
    ends: set[tuple] = set()
    cuts: set[tuple] = set()
    for copies in range(width + 1):
        if copies >= low:
            ends |= states
        if copies == high or not states:
            return ends, cuts
        if len(states) * (len(sub_ends) + len(sub_cuts)) > _MAX_STARTS:
            return set(), {()}
        grown = set()
        for state in states:
            for end in sub_ends:
                whole = state + end
                (cuts if len(whole) >= width else grown).add(whole[:width])
            for cut in sub_cuts:
                cuts.add((state + cut)[:width])
        states = grown
    return ends, cuts | states             # copies that may be empty: anything may follow


def _class_atom(items) -> _Atom:
    """A class's characters (digits and spaces as their categories), or None: any character."""
    chars = class_chars(items, {_c.CATEGORY_DIGIT: _DIGIT, _c.CATEGORY_SPACE: _SPACE}) if _c is not None else None
    return frozenset(chars) if chars is not None else None

def word_trie(words: list[str]) -> str:
    """A regex that matches each of ``words`` (and nothing else), shared beginnings written once:
    the engine then reads a word letter by letter instead of trying every word in turn. Which
    word is tried first differs from a plain alternation: put a look-ahead after it.

    >>> word_trie(["on", "over", "o"]), re.fullmatch(word_trie(["on", "over", "o"]), "over") is not None
    ('o(?:n|ver)?', True)
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if ends:
        return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?"
    return body
