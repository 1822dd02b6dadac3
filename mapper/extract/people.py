"""People named in a report: the capitalised words after a title, whatever else they might be.

"Maj. Gen. Pat Ryder" makes Pat and Ryder people all through the document, so a later "Ryder" is
no place. A Cyrillic word after a title that grammar does not call a person but the gazetteer knows
is the place the title belongs to ("мэр Харькова"), and the names after it are still people::

    >>> titles = frozenset({"gen", "maj", "mayor"})
    >>> sorted(person_names("Maj. Gen. Pat Ryder said", "maj. gen. pat ryder said", titles, lambda w: ()))
    ['Pat', 'Ryder']
"""

from __future__ import annotations

from collections.abc import Callable

from gazetteer.normalize import is_cyrillic
from mapper.extract.not_places import word_class
from mapper.extract.toponym_text import TOKEN, title_spans

__all__ = ["person_names"]


def person_names(text: str, low: str, titles: frozenset[str], places: Callable[[str], object]) -> set[str]:
    """Capitalised words that follow a title ("Maj. Gen. Pat Ryder" → Pat, Ryder): people all
    through the document; not a Cyrillic word that ``places`` knows and grammar does not call a
    person ("Мэр Харькова Игорь Терехов" → Игорь, Терехов)."""
    names: set[str] = set()
    for _, end in title_spans(low, titles):
        previous_end = end
        for _ in range(4):
            m = TOKEN.search(text, previous_end)
            if not m:
                break
            word = m.group()
            if text[previous_end:m.start()].strip(" .") or not word[:1].isupper():
                break
            if word.casefold() not in titles and not (
                    is_cyrillic(word) and word_class(word) is None and places(word)):
                names.add(word)
            previous_end = m.end()
    return names
