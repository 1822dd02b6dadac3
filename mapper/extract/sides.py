"""Who suffered the casualties: the side a figure belongs to (``actor``).

Actors are named in ACLED's style by side: "North Korean forces", "Russian forces", "Ukrainian
forces", "Civilians"; the words each language names them with come from the language resources
(:mod:`mapper.extract.lang`)::

    >>> actor_of("approximately 30 North Korean soldiers")
    'North Korean forces'
    >>> actor_of("two civilians")
    'Civilians'
"""

from __future__ import annotations

from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.lang import LANGUAGES, alternation, words

__all__ = ["ActorClues", "actor_of", "ACTOR_CLASSES"]

_ATTRIBUTION = [lang.attribution for lang in LANGUAGES]
_MILITARY = f"(?:{alternation(a.military for a in _ATTRIBUTION)})"
_ACTORS: list[tuple[str, str]] = [(side, alternation(a.sides.get(side, "") for a in _ATTRIBUTION))
                                  for side in words(a.sides for a in _ATTRIBUTION)]
_CIVILIANS = compile_with_first_chars(rf"(?i)\b({alternation(a.civilians for a in _ATTRIBUTION)})\b")
_ACTOR_RES = [(name, compile_with_first_chars(rf"(?i)(?<!\w)(?:{pattern})(?:\s+\w+){{0,2}}?\s+{_MILITARY}\b"))
              for name, pattern in _ACTORS]
_ACTOR_LOOSE = [(name, compile_with_first_chars(rf"(?i)(?<!\w)(?:{pattern})(?!\w)")) for name, pattern in _ACTORS]


class ActorClues:
    """What one text says about the side that suffered, each part read once, when first asked.

    A paragraph is the wider text of every claim in it: reading its clues once for all of them
    keeps a paragraph of thousands of claims linear (it used to be searched again for each).
    """

    __slots__ = ("text", "_strict", "_sides")

    def __init__(self, text: str):
        self.text = text
        self._strict: str | None = None
        self._sides: frozenset[str] | None = None

    @property
    def strict(self) -> str:
        """The first side named with a military noun ("Russian troops"), else "Civilians" when
        civilians are named, else ""."""
        if self._strict is None:
            self._strict = _strict_actor(self.text)
        return self._strict

    @property
    def sides(self) -> frozenset[str]:
        """Every side the text names at all, with or without a military noun."""
        if self._sides is None:
            self._sides = _sides(self.text)
        return self._sides


def _strict_actor(text: str) -> str:
    if not text:
        return ""
    for name, pattern in _ACTOR_RES:
        if pattern.search(text):
            return name
    return "Civilians" if _CIVILIANS.search(text) else ""


def _sides(text: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _ACTOR_LOOSE if text and pattern.search(text))


def actor_of(*texts: str | ActorClues) -> str:
    """The side that suffered, from the figure's subject first, then wider text.

    Each text may be given as :class:`ActorClues` already read (a paragraph shared by many
    claims). Returns "" when no text names one.
    """
    for text in texts:
        found = text.strict if isinstance(text, ActorClues) else _strict_actor(text)
        if found:
            return found
    for text in texts:  # a side named without a military noun counts when it is the only one
        sides = text.sides if isinstance(text, ActorClues) else _sides(text)
        if len(sides) == 1:
            return next(iter(sides))
    return ""


ACTOR_CLASSES = tuple(name for name, _ in _ACTORS) + ("Civilians",)
