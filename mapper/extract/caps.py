"""Place names the spotter would take for something else: ALL-CAPS words, and town names that grammar
reads as a common noun or a person.

A short word in capitals is usually an acronym (ЗСУ, ГУР, SBU, NATO), but wire datelines and
Telegram headers write places so ("KYIV, Dec 3 (Reuters) -", "КУРСК, 3 декабря."). A word in
capitals of at most five letters is a place when, read in ordinary case, it is exactly the name of
a populated place (or, in Cyrillic, an inflected form of one: "СУДЖИ", "СУМАХ") and

- it stands in a *dateline*: the first words of a line, in capitals, maybe several joined by "/",
  followed by a comma, colon, dash or bracket (:func:`mapper.extract.headers.in_dateline`); or
- it is in running text, has at least four letters, and names a place of the theatre's countries
  or a capital or city of 100 000 people ("SEOUL").

Acronyms and abbreviations the language resources list are never places, wherever they stand::

    >>> in_dateline("MOSCOW/KYIV, Aug 9 (Wire) - Shelling", 7), in_dateline("Talks in KYIV, then", 9)
    (True, False)

The same exact-name test keeps a sentence-initial town that pymorphy3 reads as a common noun
("Куп'янськ:") and an inflected city it reads as a person's name ("у Києві", Кий) when the town is
a notable one of the theatre's countries (:meth:`PlaceNames.notable`).
"""

from __future__ import annotations

from gazetteer import Gazetteer
from gazetteer.morphology import nominative_candidates
from gazetteer.normalize import fold, is_cyrillic, name_key
from mapper.extract.headers import all_caps, in_dateline   # the dateline is read by mapper.extract.headers

__all__ = ["in_dateline", "all_caps", "PlaceNames"]

#: Most letters of a word in capitals that may be an acronym; longer ones are read as names.
ACRONYM_LETTERS = 5
#: Fewest letters of a place in capitals in running text (three-letter capitals are acronyms there).
_RUNNING_LETTERS = 4
#: A place outside the theatre's countries written in capitals in running text needs this many people.
_CITY = 100_000
#: A town of the theatre's countries that grammar would read as a common word needs this many people
#: (or to be an administrative seat).
_TOWN = 10_000
_SEATS = frozenset({"PPLC", "PPLA", "PPLA2"})


class PlaceNames:
    """Exact names of populated places in one gazetteer, with the answers cached."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        theatre = gazetteer.theatre
        self._countries = theatre.countries if theatre is not None else frozenset()
        self._exact: dict[tuple[str, bool], tuple] = {}

    def exact(self, word: str, inflected: bool = True) -> tuple:
        """Populated places named exactly ``word`` (case, diacritics and apostrophes aside) or, when
        ``inflected``, one of the nominatives a Cyrillic ``word`` may come from."""
        found = self._exact.get((word, inflected))
        if found is None:
            forms = nominative_candidates(word) if inflected and is_cyrillic(word) else (word,)
            lookup, out = self.gazetteer.index.lookup, {}
            for form in forms:
                folded = fold(form)
                for place in lookup(name_key(form)):
                    if place.is_settlement and folded in {fold(n) for n in (place.name, *place.alternate_names)}:
                        out[place.id] = place
            found = self._exact[(word, inflected)] = tuple(out.values())
        return found

    def notable(self, word: str, inflected: bool = True) -> bool:
        """Is ``word`` exactly the name of a town of the theatre's countries (an administrative seat
        or a place of 10 000 people)?"""
        return any(p.country_code in self._countries and (p.population >= _TOWN or p.feature_code in _SEATS)
                   for p in self.exact(word, inflected))

    def in_theatre(self, word: str) -> bool:
        """Is ``word`` (or a nominative it may come from) exactly the name of a place of the theatre?"""
        theatre = self.gazetteer.theatre
        return theatre is not None and any(theatre.contains(p) for p in self.exact(word))

    def in_capitals(self, word: str, dateline: bool) -> bool:
        """Is ``word``, written in capitals, a place (see the module's rules)? The caller has made sure
        its ordinary-case form is no listed acronym, weapon or common word."""
        if dateline:
            return bool(self.exact(word))
        if len(word) < _RUNNING_LETTERS:
            return False
        return any(p.country_code in self._countries or p.population >= _CITY or p.feature_code == "PPLC"
                   for p in self.exact(word))
