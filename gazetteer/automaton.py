"""An Aho-Corasick automaton (pyahocorasick) from ``(key, value)`` pairs: one C pass over a text
then finds every key in it, each hit given as ``(index of its last character, value)``::

    >>> automaton = word_automaton((w, len(w)) for w in ["near", "ear"])
    >>> sorted(automaton.iter("nearby"))
    [(3, 3), (3, 4)]
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["word_automaton"]


def word_automaton(items: Iterable[tuple[str, object]]):
    """A ready automaton of the ``(key, value)`` pairs (a later pair with the same key wins)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key, value in items:
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton
