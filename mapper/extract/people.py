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
from functools import lru_cache

from gazetteer.normalize import is_cyrillic
from mapper.extract.lang import LANGUAGES, words
from mapper.extract.given_names import is_given_name
from mapper.extract.not_places import PERSON, word_class
from mapper.extract.toponym_text import TOKEN, title_spans

__all__ = ["person_names", "ends_sentence", "first_name", "given_name"]

#: Words a full stop may follow without ending the sentence ("Maj. Gen. Pat Ryder").
_ABBREVIATIONS = frozenset(words(lang.places.abbreviations for lang in LANGUAGES))


def person_names(text: str, low: str, titles: frozenset[str], places: Callable[[str], object],
                 hits: list[tuple[int, int]] | None = None) -> set[str]:
    """Capitalised words that follow a title ("Maj. Gen. Pat Ryder" → Pat, Ryder): people all
    through the document; not a Cyrillic word that ``places`` calls a town (an office's seat; a village
    of the same name as a general is still his surname) and grammar does not call a
    person ("Мэр Харькова Игорь Терехов" → Игорь, Терехов). A full stop after a title or name that is
    no abbreviation or initial ends the sentence, and the names: "said the governor. Sudzha was hit".
    ``hits``: where titles may start, when the caller has looked (see :func:`title_spans`)."""
    names: set[str] = set()
    for start, end in title_spans(low, titles, hits):
        previous_start, previous_end = start, end
        for _ in range(4):
            m = TOKEN.search(text, previous_end)
            if not m:
                break
            word = m.group()
            gap = text[previous_end:m.start()]
            if gap.strip(" .") or not word[:1].isupper() or ("." in gap and ends_sentence(
                    low[previous_start:previous_end])):
                break
            if word.casefold() not in titles and not (
                    is_cyrillic(word) and word_class(word) is None and places(word)):
                names.add(word)
            previous_start, previous_end = m.span()
    return names


def ends_sentence(word: str) -> bool:
    """Does a full stop after ``word`` (lower case) end a sentence? Not after an initial or an abbreviation.

    >>> ends_sentence("governor"), ends_sentence("gen"), ends_sentence("j")
    (True, False, False)
    """
    return len(word) > 1 and word not in _ABBREVIATIONS


def first_name(word: str) -> bool:
    """A capitalised word (not in capitals) that grammar reads as a name: what follows is a surname."""
    return word[:1].isupper() and not word.isupper() and word_class(word) == PERSON


@lru_cache(maxsize=50_000)
def given_name(word: str) -> bool:
    """A Latin-script word that is a first name people are given ("Victoria", "Olha"; see
    :mod:`mapper.extract.given_names`); Cyrillic names are told by grammar (:func:`first_name`)."""
    return not is_cyrillic(word) and word[:1].isupper() and not word.isupper() and is_given_name(word)
