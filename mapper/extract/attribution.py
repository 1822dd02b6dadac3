"""Who suffered the casualties (actor) and who says so (claimed_by).

Actors are named in ACLED's style by side: "North Korean forces", "Russian
forces", "Ukrainian forces", "Civilians". Claimants are normalised to the
body that speaks ("Ukraine's military intelligence (GUR)", "U.S. Department of
Defense (Pentagon)"); the claimants and how reports name them come from the theatre file
(:class:`Claimants`)::

    >>> actor_of("approximately 30 North Korean soldiers")
    'North Korean forces'
    >>> claimant_of("suffered significant casualties, according to Ukrainian military intelligence.")
    "Ukraine's military intelligence (GUR)"
    >>> claimant_of("Two people were killed, governor Vyacheslav Gladkov wrote on Telegram.")
    'Belgorod Oblast governor (Vyacheslav Gladkov)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from gazetteer.theatre import Claimant, Theatre
from gazetteer.theatres import default_theatre
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.lang import LANGUAGES, alternation, words

__all__ = ["ActorClues", "Claimants", "actor_of", "claimant_of", "ACTOR_CLASSES"]

_ATTRIBUTION = [lang.attribution for lang in LANGUAGES]
_MILITARY = f"(?:{alternation(a.military for a in _ATTRIBUTION)})"
_ACTORS: list[tuple[str, str]] = [(side, alternation(a.sides.get(side, "") for a in _ATTRIBUTION))
                                  for side in words(a.sides for a in _ATTRIBUTION)]
_CIVILIANS = compile_with_first_chars(rf"(?i)\b({alternation(a.civilians for a in _ATTRIBUTION)})\b")
_ACTOR_RES = [(name, compile_with_first_chars(rf"(?i)(?<!\w)(?:{pattern})(?:\s+\w+){{0,2}}?\s+{_MILITARY}\b"))
              for name, pattern in _ACTORS]
_ACTOR_LOOSE = [(name, compile_with_first_chars(rf"(?i)(?<!\w)(?:{pattern})(?!\w)")) for name, pattern in _ACTORS]

class Claimants:
    """The claimants of a theatre (:class:`~gazetteer.theatre.Claimant`, most specific first) as one
    pattern: the leftmost claimant named in a text wins (group ``c<i>`` names the i-th). Every
    claimant starts a word; saying so once, in front of the alternatives, with the look-ahead for
    their first letters (derived from the data), lets the engine give up at once on all other
    positions (10x faster)."""

    def __init__(self, claimants: Iterable[Claimant]):
        self.names = tuple(c.name for c in claimants)
        alternatives = ["|".join([*map(re.escape, c.aliases), *c.patterns]) for c in claimants]
        self.pattern = compile_with_first_chars(
            r"(?<!\w)(?:" + "|".join(f"(?P<c{i}>{alt})" for i, alt in enumerate(alternatives)) + ")"
        ) if alternatives else None
        self.find = lru_cache(maxsize=4096)(self._find)

    @classmethod
    def of(cls, theatre: Theatre | None = None) -> "Claimants":
        """The claimants of ``theatre`` (default: the default theatre), built once per theatre file."""
        return _claimants_of(theatre.claimants if theatre is not None else default_theatre().claimants)

    def _find(self, text: str) -> str:
        """The first claimant named in one text (cached: a document's text is asked once per claim)."""
        if not _REPORTING.search(text.lower()):
            return ""
        hit = self.pattern.search(text) if self.pattern is not None else None
        if hit:
            return self.names[int(hit.lastgroup[1:])]
        m = _ACCORDING_TO.search(text)
        return m.group(1).strip() if m else ""


@lru_cache(maxsize=8)
def _claimants_of(claimants: tuple[Claimant, ...]) -> Claimants:
    return Claimants(claimants)


_REPORTING = re.compile(rf"\b(?:{alternation(a.reporting for a in _ATTRIBUTION)})\b")  # on lower-cased text
_ACCORDING_TO = compile_with_first_chars(
    rf"(?i)\b(?:{'|'.join(re.escape(w) for w in words(a.according_to for a in _ATTRIBUTION))})\s+"
    r"((?:the\s+)?[\w'’.\- ]{3,80}?)(?=[,.;:]|$)")


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


def claimant_of(*texts: str, claimants: Claimants | None = None) -> str:
    """Who reports the figure, searched in each text in turn (sentence, paragraph, document).

    A claimant (of ``claimants``; default: the default theatre's) counts when the text also has a
    reporting verb (said, according to, wrote...). Falls back to the words after "according to".
    """
    find = (claimants or Claimants.of()).find
    for text in texts:
        found = find(text) if text else ""
        if found:
            return found
    return ""


ACTOR_CLASSES = tuple(name for name, _ in _ACTORS) + ("Civilians",)
