"""An alternation of named rules, tried at a position only with the rules that can start there.

``(?P<r0>...)|(?P<r1>...)|...`` matched at a position tries every rule in turn, and each rule
that cannot start with the character there still walks its optional lead-ins before it fails.
:class:`RuleDispatch` works out once, from the parsed rules, the characters each can start with,
and matches at a position with the alternation of only the rules that can start with the
character found there (compiled once per set of rules). The rules keep their order and their
group names, so the match (span and ``lastgroup``) is exactly that of the whole alternation::

    >>> rules = RuleDispatch([("a", r"\\bon\\s+\\d+"), ("b", r"\\d+\\s+days"), ("c", r"o\\w+")])
    >>> m = rules.match("on 5 days", 0)
    >>> m.group(), m.lastgroup
    ('on 5', 'a')
    >>> rules.match("5 days", 0).lastgroup, rules.match("x", 0)
    ('b', None)
"""

from __future__ import annotations

import re

try:  # the parser behind ``re``; its layout has been stable since Python 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other interpreters
    _c = _p = None

__all__ = ["RuleDispatch", "word_trie"]

#: Stands for "any decimal digit" (``\\d``) among a rule's first characters.
_DIGIT = "\\d"
_MAX_RANGE = 512


class RuleDispatch:
    """``re.match`` of the alternation of ``(name, pattern)`` rules (no flags), each in a group
    of its name, trying only the rules that can start with the character at the position."""

    def __init__(self, rules: list[tuple[str, str]]):
        self._rules = [f"(?P<{name}>{pattern})" for name, pattern in rules]
        self._firsts = [_first_chars(pattern) for _, pattern in rules]
        self._by_rules: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._by_char: dict[str, re.Pattern[str] | None] = {}

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """The match of the whole alternation at ``pos`` (None at the end of ``text``, too)."""
        if pos >= len(text):
            return self._pattern_for(None).match(text, pos)
        char = text[pos]
        try:
            pattern = self._by_char[char]
        except KeyError:
            pattern = self._by_char[char] = self._pattern_for(char)
        return pattern.match(text, pos) if pattern is not None else None

    def _pattern_for(self, char: str | None) -> re.Pattern[str] | None:
        chosen = tuple(i for i, firsts in enumerate(self._firsts)
                       if char is None or firsts is None or char in firsts or _DIGIT in firsts and char.isdecimal())
        if chosen not in self._by_rules:
            self._by_rules[chosen] = re.compile("|".join(self._rules[i] for i in chosen)) if chosen else None
        return self._by_rules[chosen]


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with (:data:`_DIGIT` for any decimal
    digit), or None if that is not clear (then the rule is tried everywhere)."""
    if _p is None:
        return None
    try:
        items = list(_p.parse(pattern))
    except (re.error, RecursionError):
        return None
    chars = _firsts(items)
    return frozenset(chars) if chars else None


def _firsts(items: list) -> set[str] | None:
    for index, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next item starts the match
        if op is _c.LITERAL:
            return {chr(av)}
        if op is _c.IN:
            return _class_chars(av)
        if op is _c.SUBPATTERN:
            if av[1] or av[2]:
                return None  # inline flags ("(?i:...)"): not worked out here
            return _firsts(list(av[-1]))
        if op is _c.BRANCH:
            chars: set[str] = set()
            for alternative in av[1]:
                found = _firsts(list(alternative))
                if found is None:
                    return None
                chars |= found
            return chars
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _, sub = av
            chars = _firsts(list(sub))
            if chars is None or low > 0:
                return chars
            rest = _firsts(items[index + 1:])  # an optional item: the match may start after it
            return None if rest is None else chars | rest
        return None  # anything else (any character, a back reference...) could start anywhere
    return None      # a pattern that may match the empty string


def _class_chars(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.add(_DIGIT)
        else:
            return None  # negated classes, \w and wide ranges
    return chars


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
