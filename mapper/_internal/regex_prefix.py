"""A cheap first test for big alternations: the characters a match can start with.

Python's regex engine skips ahead quickly only when a pattern opens with a literal or a plain
character class. A pattern that opens with a group of alternatives, a ``\\b`` or a look-behind
is tried at every position of the text. :func:`with_first_chars` puts a look-ahead for the
possible first characters in front. The look-ahead matches nothing itself, so the matches are
exactly the same; the engine then gives up at once on most positions::

    >>> with_first_chars(r"\\b(?:killed|wounded|dead)\\b")
    '(?=[dkw])\\\\b(?:killed|wounded|dead)\\\\b'
    >>> with_first_chars(r"(?:a|b?)c") is None    # may start with "c" too: no safe answer
    True

Under ``re.IGNORECASE`` (the flag or an inline ``(?i``) every case form of each letter is allowed.
When the first characters cannot be worked out safely (an optional first item, a negated or
category class, a very wide range), the answer is None and the caller keeps its pattern.
"""

from __future__ import annotations

import re

from mapper._internal.casefold import fold
from mapper._internal.regex_parts import MAX_STRINGS, case_forms, class_chars, only_literals, usable
from mapper._internal.regex_parts import ops as _c
from mapper._internal.regex_parts import parse_items as _parse

__all__ = ["first_chars", "with_first_chars", "compile_with_first_chars", "literal_prefixes", "required_strings",
           "folded_prefixes", "ignores_case", "prefix_forms", "starts_as", "string_forms"]

def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with, or None if that is not clear.
    Every case form of a letter counts when ``flags`` or the pattern ask for ``re.IGNORECASE``.

    >>> sorted(first_chars(r"(?<!\\w)(?:region|oblast|обл\\.)"))
    ['o', 'r', 'о']
    >>> sorted(first_chars(r"(?:військово)?полонених|Pows", re.IGNORECASE))
    ['P', 'p', 'В', 'П', 'в', 'п', 'ᲀ']
    """
    items = _parse(pattern)
    chars = _firsts(items) if items is not None else None
    if not chars:
        return None
    if ignores_case(pattern, flags):
        return frozenset(c for ch in chars for c in case_forms(ch))
    return frozenset(chars)


#: An inline flag group that may turn on IGNORECASE anywhere: "(?i)", "(?si)", "(?i:...)", "(?a-i:...)".
_INLINE_IGNORECASE = re.compile(r"\(\?[aiLmsux]*-?[aiLmsux]*i")


def ignores_case(pattern: str, flags: int = 0) -> bool:
    """Whether ``pattern`` may ignore case somewhere (the flag, or an inline ``(?i)``)."""
    return bool(flags & re.IGNORECASE or _INLINE_IGNORECASE.search(pattern))


def _firsts(items: list) -> set[str] | None:
    for index, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next item starts the match
        if op is _c.LITERAL:
            return {chr(av)}
        if op is _c.IN:
            return class_chars(av)
        if op is _c.SUBPATTERN:
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


def with_first_chars(pattern: str, flags: int = 0) -> str | None:
    """``pattern`` behind a look-ahead for its first characters, or None (see the module doc)."""
    chars = first_chars(pattern, flags)
    if chars is None:
        return None
    body = "".join(re.escape(c) if c in "\\]^-[" else c for c in sorted(chars))
    flags = _GLOBAL_FLAGS.match(pattern)  # "(?i)" must stay first
    head = flags.group() if flags else ""
    return f"{head}(?=[{body}]){pattern[len(head):]}"


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def compile_with_first_chars(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of :func:`with_first_chars` (or of ``pattern`` itself when there is no answer)."""
    return re.compile(with_first_chars(pattern, flags) or pattern, flags)


_MAX_PREFIXES = MAX_STRINGS


def literal_prefixes(pattern: str, flags: int = 0, size: int | None = None) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with, or None if that is not clear;
    at most ``size`` characters long if given (fewer strings: a big alternation gets an answer).

    >>> sorted(literal_prefixes(r"(?<!\\w)(?:near|villages? of|сел[оа])\\s+"))
    ['near', 'village', 'села', 'село']
    """
    items = None if ignores_case(pattern, flags) else _parse(pattern)
    if items is None:
        return None
    found = _spaced_prefixes(items, size)
    if not found or "" in found or len(found) > _MAX_PREFIXES:
        return None
    return frozenset(found)


def folded_prefixes(pattern: str, size: int = 3) -> frozenset[str] | None:
    """Strings of at most ``size`` characters, in the case fold of :func:`~mapper._internal.casefold.fold`,
    one of which the fold of every match of ``pattern`` starts with, whatever its case flags; None
    if that is not clear.

    >>> sorted(folded_prefixes(r"(?i:kursk)|[Гг]убернатор|NIS"))
    ['kur', 'nis', 'губ']
    """
    items = _parse(pattern)
    found = _spaced_prefixes(items, size) if items is not None else None
    if not found or "" in found:
        return None
    folded = {fold(s) for s in found}
    if None in folded or len(folded) > _MAX_PREFIXES:
        return None
    return frozenset(folded)


def prefix_forms(pattern: str, flags: int = 0, size: int = 3) -> tuple[tuple[int, frozenset[str]], ...] | None:
    """``(length, strings)`` pairs: every match of ``pattern`` starts with one of the strings (each case
    form of them under any IGNORECASE), or None if that is not clear. See :func:`starts_as`.

    >>> [(n, sorted(strings)) for n, strings in prefix_forms(r"(?:km|kilomet(?:er|re)s?)(?!\\w)", size=2)]
    [(2, ['ki', 'km'])]
    >>> sorted(prefix_forms(r"ab", re.I, size=2)[0][1])
    ['AB', 'Ab', 'aB', 'ab']
    """
    items = _parse(pattern)
    found = _spaced_prefixes(items, size) if items is not None else None
    if not found or "" in found or len(found) > _MAX_PREFIXES:
        return None
    if ignores_case(pattern, flags):
        found = {f for s in found for f in string_forms(s)}
    return tuple((n, frozenset(s for s in found if len(s) == n)) for n in sorted({len(s) for s in found}))


def starts_as(text: str, pos: int, forms: tuple[tuple[int, frozenset[str]], ...] | None) -> bool:
    """Whether ``text`` at ``pos`` starts with one of the :func:`prefix_forms` (a match may start there);
    True when there are none to test."""
    if forms is None:
        return True
    for n, strings in forms:
        if text[pos:pos + n] in strings:
            return True
    return False


def string_forms(text: str) -> set[str]:
    """Every string that ``re.IGNORECASE`` takes for ``text``, character by character."""
    forms = {""}
    for ch in text:
        forms = {f + c for f in forms for c in case_forms(ch)}
    return forms


def _spaced_prefixes(items: list, size: int | None = None) -> set[str] | None:
    """:func:`_prefixes`, read on through spaces (``\\s``, ``\\s+``) where that gives longer ones:
    "in\\s+action" starts with "in" and one of the :data:`WHITESPACE` characters, so the word "in"
    alone is no start. Taken only when each of them extends a prefix read without spaces (never
    more places to try) and they are not too many; or where a match could start anywhere before.

        >>> found = _spaced_prefixes(_parse(r"in\\s+action"), 4)
        >>> sorted(found)[:2], len(found)
        (['in\\t', 'in\\n'], 29)
    """
    plain = _prefixes(items, size)
    spaced = _prefixes(items, size, spaces=True)
    if not spaced or "" in spaced or len(spaced) > _MAX_PREFIXES or spaced == plain:
        return plain
    if not plain or "" in plain:
        return spaced  # (where a match could start anywhere)
    lengths = sorted({len(p) for p in plain})
    if all(any(s[:n] in plain for n in lengths) for s in spaced):
        return spaced
    return plain


def _prefixes(items: list, size: int | None = None, spaces: bool = False) -> set[str] | None:
    """Prefixes of the matches of ``items``: a set of strings, "" standing for "may start anywhere";
    with ``spaces``, read on through space classes and one round of a repeat (see :func:`_spaced_prefixes`)."""
    out = {""}
    for index, (op, av) in enumerate(items):
        if size and all(len(p) >= size for p in out):
            return {p[:size] for p in out}
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            if any(out - {""}):
                return out  # a zero-width test after some letters: stop the prefix here
            continue
        if op is _c.LITERAL:
            out = {p + chr(av) for p in out}
        elif op is _c.IN:
            chars = class_chars(av, spaces=spaces)
            if chars is None or len(chars) * len(out) > _MAX_PREFIXES:
                return usable(out)
            out = {p + c for p in out for c in chars}
        elif op in (_c.SUBPATTERN, _c.BRANCH):
            alternatives = [list(av[-1])] if op is _c.SUBPATTERN else [list(a) for a in av[1]]
            subs: set[str] = set()
            complete = True
            for alternative in alternatives:
                found = _prefixes(alternative, size, spaces)
                if found is None:
                    return usable(out)
                subs |= found
                complete = complete and only_literals(alternative)
            if "" in subs or len(subs) * len(out) > _MAX_PREFIXES:
                return usable(out)
            out = {(p + s)[:size] for p in out for s in subs} if size else {p + s for p in out for s in subs}
            if not complete:
                return out
        elif size and op is _c.MAX_REPEAT and av[:2] == (0, 1) and (exact := _exact(list(av[2]), spaces)) is not None:
            out = {(p + s)[:size] for p in out for s in exact | {""}}  # an optional literal part
        elif size and op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[:2] == (0, 1):
            # any other optional part: the match goes on with it, or without it
            rest = list(items[index + 1:])
            found = [_prefixes(list(av[2]) + rest, size, spaces), _prefixes(rest, size, spaces)]
            if None in found or "" in found[0] | found[1]:
                return usable(out)
            subs = found[0] | found[1]
            if len(subs) * len(out) > _MAX_PREFIXES:
                return usable(out)
            return {(p + s)[:size] for p in out for s in subs}
        elif spaces and op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1 and (
                exact := _exact(list(av[2]), spaces)) is not None and "" not in exact and (
                len(exact) * len(out) <= _MAX_PREFIXES):
            # "\\s+": one round of the repeat, then the prefix ends (more rounds may follow)
            return {(p + s)[:size] for p in out for s in exact} if size else {p + s for p in out for s in exact}
        else:
            return usable(out)  # a repeat or anything else: the prefix ends before it
    return out


_TELLING = 4


def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None if that is not clear.
    For each alternative its first literal run of at least four letters is taken (else its longest),
    so that one Aho-Corasick pass over a text can rule out a match (patterns without IGNORECASE).

    >>> sorted(required_strings(r"(?<!\\w)(?:killed|dead)\\s+(?:or|and)\\s+wounded|в\\s+плену"))
    ['dead', 'killed', 'плену']
    >>> required_strings(r"\\w+") is None
    True
    """
    items = None if _INLINE_IGNORECASE.search(pattern) else _parse(pattern)
    found = _required(items) if items is not None else None
    return frozenset(found) if found else None


def _required(items: list) -> set[str] | None:
    candidates: list[set[str]] = []
    run = {""}

    def close() -> None:
        if "" not in run:
            candidates.append(run)

    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the text on both sides is contiguous
        exact = _exact([(op, av)])
        if exact is not None and len(exact) * len(run) <= _MAX_PREFIXES:
            run = {p + s for p in run for s in exact}
            continue
        close()
        run = {""}
        sub = None
        if op is _c.SUBPATTERN:
            sub = _required(list(av[-1]))
        elif op is _c.BRANCH:
            parts = [_required(list(alternative)) for alternative in av[1]]
            sub = None if any(p is None for p in parts) else set().union(*parts)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            sub = _required(list(av[2]))
        if sub and len(sub) <= _MAX_PREFIXES:
            candidates.append(sub)
    close()
    # the first run of at least four letters (the keyword itself, mostly), else the longest
    return next((c for c in candidates if min(map(len, c)) >= _TELLING), None) or max(
        candidates, key=lambda c: min(map(len, c)), default=None)


def _exact(items: list, spaces: bool = False) -> set[str] | None:
    """Every string ``items`` can match, if they hold only literals, small classes and groups of them
    (with ``spaces``, ``\\s`` too)."""
    out = {""}
    for op, av in items:
        if op is _c.LITERAL:
            subs = {chr(av)}
        elif op is _c.IN:
            subs = class_chars(av, spaces=spaces)
        elif op is _c.SUBPATTERN:
            subs = _exact(list(av[-1]), spaces)
        elif op is _c.BRANCH:
            parts = [_exact(list(alternative), spaces) for alternative in av[1]]
            subs = None if any(p is None for p in parts) else set().union(*parts)
        else:
            return None
        if subs is None or len(subs) * len(out) > _MAX_PREFIXES:
            return None
        out = {p + s for p in out for s in subs}
    return out
