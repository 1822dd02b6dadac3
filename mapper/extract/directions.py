"""Front directions written in lower case: "на курском направлении", "на курському напрямку".

Russian and Ukrainian write the adjective of a front direction in lower case, so the capitalised
name before an admin word that :func:`gazetteer.context.admin_phrase_spans` looks for is not
there. Here each direction word of the text is found, the lower-case Cyrillic words before it are
read as if capitalised, and the same function reads the phrase, lists included ("на курском и
белгородском направлениях"); only adjectives of an oblast give a phrase (the oblast, as for
"Kursk direction"), so "на этом направлении" gives none::

    >>> [phrase for _, _, phrase in lower_case_directions("на курском и белгородском направлениях")]
    ['Курском область', 'Белгородском область']

(The phrase is resolved to the oblast the adjective names, whatever its case.)
"""

from __future__ import annotations

import re

from gazetteer import lang
from gazetteer.context import admin_phrase_spans, lowered, word_starts
from gazetteer.normalize import is_cyrillic

__all__ = ["lower_case_directions"]

_DIRECTION = re.compile("(" + "|".join(map(re.escape, sorted(
    {w for w in lang.admin_words(lang.Use.TEXT, lang.Level.DIRECTION) if not w.isascii()},
    key=lambda w: (-len(w), w)))) + r")(?!\w)")
#: How far before a direction word its adjectives (and a list of them) may start.
_WINDOW = 160
_WORD = re.compile(r"[^\W\d_]+")
_JOINS = frozenset(lang.words(lang.Role.LIST_JOIN))


def lower_case_directions(text: str, low: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of each direction whose adjective is written in lower case."""
    low = low if low is not None else lowered(text)
    out = []
    for m in word_starts(_DIRECTION, low):
        start = max(0, m.start() - _WINDOW)
        window = _WORD.sub(_capitalised, text[start:m.end()])
        # only the phrases of this direction word, not of an admin word before it ("пограничной области")
        without = admin_phrase_spans(window[:m.start() - start] + " " * (m.end() - m.start()))[0]
        for a, b, phrase in admin_phrase_spans(window)[0]:
            if text[start + a].islower() and (a, b, phrase) not in without:
                out.append((start + a, start + b, phrase))
    return out


def _capitalised(word: re.Match[str]) -> str:
    w = word.group()
    if w in _JOINS or not (w[0].islower() and is_cyrillic(w) and len(w[0].upper()) == 1):
        return w
    return w[0].upper() + w[1:]
