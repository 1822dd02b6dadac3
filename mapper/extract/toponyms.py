"""Spot place names in report text: gazetteer-driven multi-pattern matching plus cue phrases.

Every name key of the gazetteer goes into one Aho-Corasick automaton. Each
capitalised run of the text (see :mod:`mapper.extract.toponym_text`) is reduced word by
word to the same keys, so one pass finds every spelling, script and multi-word
name; what a run gives is remembered by its text. Cyrillic words the automaton misses are tried in
their nominative forms (в Плёхове → Плёхово). Names that follow a place cue
("the villages of X, Y and Z", "near X", "в селе X", "під X") are kept even
when the gazetteer does not know them::

    >>> spotter = ToponymSpotter(Gazetteer.default())                          # doctest: +SKIP
    >>> [m.text for m in spotter.spot("Clashes near Plekhovo and в Плёхове.")]  # doctest: +SKIP
    ['Plekhovo', 'в Плёхове']

Capitalised words that are people, organisations or ordinary words are not
places: acronyms (GUR, ISW), names after titles (President Zelenskyy, Maj. Gen.
Pat Ryder), parts of longer capitalised names (Kim Jong Un, Main Directorate),
and sentence-initial common words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from gazetteer import Gazetteer
from gazetteer.automaton import word_automaton
from gazetteer.admin_phrases import admin_words
from gazetteer.context import COUNTRY_WORDS, admin_and_sector_spans, is_speech_verb, lowered
from gazetteer.morphology import PREPOSITIONS, nominative_candidates
from gazetteer.normalize import is_cyrillic, name_key
from mapper._internal.anchored import AnchoredPattern
from mapper.extract.caps import ACRONYM_LETTERS, PlaceNames, in_dateline
from mapper.extract.directions import lower_case_directions
from mapper.extract.people import ends_sentence, first_name, given_name, person_names
from mapper.extract.lang import LANGUAGES, alternation, words
from mapper.extract.not_places import (PERSON, common_word, may_be_head, organisation_head_after,
                                       vessel_head_before, word_class)
from mapper.extract.toponym_text import (APOSTROPHES, TOKEN, WordStarts, compound_around, Spans, at_sentence_start,
                                         capitalised_runs, run_words, token_after, token_before,
                                         written_in_lower_case)

__all__ = ["SpottedName", "ToponymSpotter"]

_PLACES = [lang.places for lang in LANGUAGES]
_CAPITALS = "".join(lang.uppercase for lang in LANGUAGES)
#: Capitalised words that begin sentences or phrases without being names.
_FUNCTION_WORDS = frozenset(words(p.function_words for p in _PLACES))
#: Words that make a preceding capitalised run a place ("Sudzha District").
_PLACE_WORDS = frozenset(words(p.place_words for p in _PLACES))
_TITLES = frozenset(words(p.titles for p in _PLACES))
#: Verbs right after a capitalised word that make it a person ("Ryder said").
_PERSON_VERBS = frozenset(words(p.person_verbs for p in _PLACES))
#: Country names are not gazetteer places (they hold no point); the theatre's own
#: come from the context module, the rest are the ones reports on this war name.
_COUNTRIES = frozenset({w for words_ in COUNTRY_WORDS.values() for w in words_}
                       | set(words(p.countries for p in _PLACES)))
_ORG_NEIGHBOURS = frozenset(
    """ukrainska pravda komsomolskaya novaya gazeta ria tass interfax reuters agency ministry news media
    newspaper channel telegram times post journal""".split()
)
#: Words after a place name that make it the name of an authority, not a place of events
#: ("the Sumy regional military administration", "Kursk governor").
_AUTHORITY_WORDS = frozenset(words(p.authority_words for p in _PLACES))
#: Cue words before place names, matched where they start a word of the lower-cased text; tried
#: only where one of their literal beginnings occurs (one Aho-Corasick pass, see mapper._internal.regex_prefix).
_CUE = AnchoredPattern(rf"(?<!\w)(?:{alternation(p.cues for p in _PLACES)})\s+")
_AND = "|".join(words(p.list_joins for p in _PLACES))
_CUE_LIST = re.compile(
    rf"([{_CAPITALS}][\w{APOSTROPHES}-]+(?:\s+[{_CAPITALS}][\w{APOSTROPHES}-]+)?)((?:\s*,\s*(?:(?:{_AND})\s+)?|\s+(?:{_AND})\s+)"
    rf"(?=[{_CAPITALS}]))?"
)
_ADJECTIVE_ENDINGS = tuple(words(p.adjective_endings for p in _PLACES))
#: Where a cue, a title or an admin word may start: one automaton pass for the three
#: (instead of one each in AnchoredPattern, title_spans and admin_phrase_spans).
_WORD_STARTS = WordStarts({"cue": sorted(_CUE.prefixes or ()), "admin": sorted(admin_words()),
                           "title": sorted(w for w in _TITLES if TOKEN.fullmatch(w))}, whole={"admin", "title"})


class SpottedName(NamedTuple):
    """A stretch of text that names a place (or, after a cue, probably does)."""

    start: int
    end: int
    text: str
    how: str          # "gazetteer", "inflected", "region", "district", "cue" or "organisation"
    key: str = ""     # the name key matched; for regions the phrase to resolve ("Kursk region")

    @property
    def query(self) -> str:
        """What to resolve: the words as written, or the plain region / district phrase."""
        return self.key if self.how in ("region", "district") else self.text


_AUTOMATA: dict[tuple[str, int], object] = {}


def _automaton(index):
    """One automaton of every name key per index (and per import into it), built in ~0.2 s."""
    key = (str(index.path), index.version)
    if key not in _AUTOMATA:
        automaton = word_automaton((f" {name} ", name) for name in index.keys())
        _AUTOMATA.clear()
        _AUTOMATA[key] = automaton
    return _AUTOMATA[key]


@lru_cache(maxsize=200_000)
def _token_key(token: str) -> str:
    return name_key(token) or "_"


class _Run(NamedTuple):
    """What one capitalised run's text gives, whatever report it is in."""

    words: tuple[tuple[int, int], ...]           # word spans, relative to the run
    matches: tuple[tuple[int, int, str], ...]    # (first word, last word, name key) of each gazetteer key
    cyrillic: tuple[int, ...]                    # capitalised Cyrillic words that may be inflected names
    not_places: frozenset[int]                   # words that are never places (see mapper.extract.not_places)


#: Distinct runs remembered per spotter; the cache is emptied when full.
_RUN_CACHE_SIZE = 200_000


class ToponymSpotter:
    """Finds place-name mentions in text using a :class:`~gazetteer.Gazetteer`'s keys."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._automaton = _automaton(gazetteer.index)
        self._runs: dict[str, _Run] = {}
        self._nominatives: dict[str, bool] = {}
        self._in_theatre: dict[tuple[str, bool], bool] = {}
        self._names = PlaceNames(gazetteer)

    def spot(self, text: str, sectors: list[tuple[int, int]] | None = None) -> list[SpottedName]:
        """Place-name mentions in ``text``, in order, without overlaps. ``sectors``: a list to which
        the spans of the text's front sectors (:func:`gazetteer.context.front_sector_spans`) are
        added, found in the same scan for admin words."""
        low = lowered(text)
        starts = _WORD_STARTS.find(low) if _CUE.prefixes else None  # None: each pass looks for itself
        known, read_run = self._runs.get, self._run  # only runs with a gazetteer key or a Cyrillic word give names
        runs = [(m.start(), run) for m in capitalised_runs(text)
                if (run := known(words := m.group()) or read_run(words)).matches or run.cyrillic]
        persons = person_names(text, low, _TITLES, self._names.notable,  # "мэр Харькова": a town
                               None if starts is None else starts["title"])
        found, front = self._regions_and_sectors(
            text, low, None if starts is None else [start for start, _ in starts["admin"]])
        if sectors is not None:
            sectors += front
        found += self._gazetteer_matches(text, runs, persons)
        found += self._inflected(text, runs, found, persons)
        found += self._cued(text, low, found, persons, None if starts is None else starts["cue"])
        return _without_overlaps(found)

    def _run(self, run: str) -> _Run:
        cached = self._runs.get(run)
        if cached is None:
            if len(self._runs) >= _RUN_CACHE_SIZE:
                self._runs.clear()
            cached = self._runs[run] = self._read_run(run)
        return cached

    def _read_run(self, run: str) -> _Run:
        """Every gazetteer key in a run (one automaton pass over its words' keys)."""
        words = run_words(run)
        starts = {}
        keys = []
        pos = 1
        for i, (a, b) in enumerate(words):
            key = _token_key(run[a:b])
            starts[pos] = i
            keys.append(key)
            pos += len(key) + 1
        matches = []
        for end_index, key in self._automaton.iter(" " + " ".join(keys) + " "):
            first = starts.get(end_index - len(key))
            if first is not None and run[words[first][0]].isupper():  # names start with a capital
                matches.append((first, first + key.count(" "), key))
        cyrillic = []
        not_places = set()
        for i, (a, b) in enumerate(words):
            word = run[a:b]
            if not word[:1].isupper():
                continue
            if self._never_a_place(word):
                not_places.add(i)
            elif (is_cyrillic(word) and word.casefold() not in _FUNCTION_WORDS
                    and not self._acronym(word) and word.casefold() not in _COUNTRIES):
                cyrillic.append(i)
        return _Run(words, tuple(m for m in matches if m[1] < len(words)), tuple(cyrillic), frozenset(not_places))

    def _never_a_place(self, word: str) -> bool:
        """A weapon, unit, closed-class word or person name (:func:`~mapper.extract.not_places.word_class`);
        a word tagged only as a person's name stays a place where the theatre has a place of that name
        ("Липці", "Ромни", "Середа" are surnames too)."""
        kind = word_class(word)
        return kind is not None and not (kind == PERSON and (
            self._names_a_theatre_place(word) or self._names.notable(word)))

    def _acronym(self, word: str, text: str = "", start: int = 0) -> bool:
        """A short word in capitals that is an acronym, not a place (:mod:`mapper.extract.caps`;
        ``text`` and ``start`` tell a dateline)."""
        if not word.isupper() or len(word) > ACRONYM_LETTERS:
            return False
        plain = word[0] + word[1:].lower()
        return (len(word) < 2 or self._never_a_place(plain)
                or (self._is_common_word(plain) and not self._names.in_theatre(word))
                or not self._names.in_capitals(word, bool(text) and in_dateline(text, start)))

    def _names_a_theatre_place(self, word: str, inflected: bool = True) -> bool:
        known = self._in_theatre.get((word, inflected))
        if known is None:
            theatre, lookup = self.gazetteer.theatre, self.gazetteer.index.lookup
            forms = nominative_candidates(word) if inflected and is_cyrillic(word) else (word,)
            known = self._in_theatre[(word, inflected)] = theatre is not None and any(
                theatre.contains(place) for form in forms for place in lookup(name_key(form)))
        return known

    # -- the automaton pass ------------------------------------------------
    def _gazetteer_matches(self, text: str, runs: list[tuple[int, _Run]], persons: set[str]) -> list[SpottedName]:
        out = []
        for base, run in runs:
            for first, last, key in run.matches:
                if first == last and first in run.not_places:
                    continue
                start, end = base + run.words[first][0], base + run.words[last][1]
                word = text[start:base + run.words[first][1]]
                if is_cyrillic(word) and (compound := compound_around(text, start, end)) and self._has_nominative(compound):
                    continue  # "Попово" of Попово-Лежачей: the compound is read as inflected (not Суджа of Суджа-Курск)
                how = self._looks_like_a_name_of_place(text, word, start, end, first == last, persons)
                if how:
                    out.append(SpottedName(start, end, text[start:end], how, key))
        return out

    def _looks_like_a_name_of_place(self, text: str, word: str, start: int, end: int, single: bool,
                                    persons: set[str]) -> str | None:
        """Is ``text[start:end]``, a gazetteer key's words (the first one ``word``), a place here?
        "gazetteer" when it is, "organisation" when it is part of an organisation's, title's or
        vessel's name, None when it is no place."""
        if single and word.isupper() and self._acronym(word, text, start):
            return None  # acronyms: GUR, ISW, HUR, ЗСУ (not KYIV in "KYIV, Dec 3 (Reuters) -")
        folded = word.casefold()
        if folded in _FUNCTION_WORDS or folded in _COUNTRIES or word in persons:
            return None
        before_span = token_before(text, start)
        # _word_before and _word_after, written out (this runs for every gazetteer match)
        before = None if before_span is None or text[before_span[1]:start].strip(" .") else (
            text[before_span[0]:before_span[1]])
        before_folded = before.casefold() if before else ""
        if single and (before_folded not in PREPOSITIONS and given_name(word) or before and given_name(before)) \
                and not self._names.in_theatre(word):
            return None  # "Victoria and her son were wounded", "Paul Adams": a person's names, not places
        if before and before_folded.rstrip(".") in _TITLES and not (
                "." in text[before_span[1]:start] and ends_sentence(before_folded)):  # "the governor. Sudzha"
            return None
        after_span = token_after(text, end)
        after = None if after_span is None or text[end:after_span[0]].strip() else text[after_span[0]:after_span[1]]
        after_folded = after.casefold() if after else ""
        if after and before_folded not in PREPOSITIONS and (
                after_folded in _PERSON_VERBS if not is_cyrillic(word) else is_speech_verb(after_folded)):
            return None  # "Syrskyi said", "Сирський заявив": a speaker, not a place
        if single and after is None and before and (
                before_folded in _PERSON_VERBS if not is_cyrillic(word) else is_speech_verb(before_folded)):
            return None  # "..., повідомив Сирський.", "said Gladkov.": the speaker, ending the clause
        if before_folded in _ORG_NEIGHBOURS or after_folded in _ORG_NEIGHBOURS:
            return None
        if before_span and may_be_head(text[before_span[0]:before_span[1]], first=False) and vessel_head_before(
                text, start):
            return None  # the name of a vessel, a street or a source: "the submarine Kursk", "вулиця Свободи"
        if may_be_head(after) and organisation_head_after(text, end):
            return "organisation"  # the organisation's seat: "Sumy Regional Military Administration"
        # Part of a longer run of capitalised words ("Kim Jong Un", "Main Directorate of Intelligence").
        shouted = word.isupper() and len(word) > 1  # a line in capitals: its words' case tells nothing
        if before and before[0].isupper() and before_folded not in _FUNCTION_WORDS and not at_sentence_start(
                text, before_span[0], _TITLES) and not (shouted and before.isupper()):
            return None
        if (after and after[0].isupper() and after_folded not in _PLACE_WORDS and not _district_adjective(after)
                and text[end:after_span[0]] == " " and word_class(after) in (None, PERSON)
                and not (shouted and after.isupper())):
            return None
        if single and at_sentence_start(text, start, _TITLES) and (
                self._is_common_word(word) or written_in_lower_case(text, word)):
            return None
        return "gazetteer"

    def _is_common_word(self, word: str) -> bool:
        """A sentence-initial ordinary noun, adjective or number word
        (:func:`~mapper.extract.not_places.common_word`); a noun that is the very name of a place of
        the theatre ("Липці", "Суми" open sentences as places) is not."""
        kind = common_word(word)
        return kind is not None and not (kind == "noun" and (
            self._names_a_theatre_place(word, inflected=False) or self._names.notable(word, inflected=False)))

    # -- Cyrillic inflections --------------------------------------------------
    def _inflected(self, text: str, runs: list[tuple[int, _Run]], found: list[SpottedName],
                   persons: set[str]) -> list[SpottedName]:
        covered = None
        out = []
        for base, run in runs:
            for i in run.cyrillic:
                start, end = base + run.words[i][0], base + run.words[i][1]
                if covered is None:
                    covered = _covered(found)
                if covered.covers(start) or text[start:end] in persons or (i and first_name(  # "Сергей Будков"
                        text[base + run.words[i - 1][0]:base + run.words[i - 1][1]])):
                    continue
                if (at_sentence_start(text, start, _TITLES) and self._is_common_word(text[start:end])
                        and not organisation_head_after(text, end)):
                    continue
                for last in (i + 1, i):  # adjective + noun first ("Большом Солдатском")
                    if last >= len(run.words):
                        continue
                    phrase = text[start:base + run.words[last][1]]
                    if last > i and (not phrase.split()[-1][:1].isupper() or (
                            last in run.not_places and word_class(phrase.split()[-1]) != PERSON)):
                        continue
                    if self._has_nominative(phrase):
                        end = start + len(phrase)
                        covered.add(start, end)
                        if not vessel_head_before(text, start):  # "вулиця Свободи", "за словами Сирського"
                            how = "organisation" if organisation_head_after(text, end) else "inflected"
                            out.append(SpottedName(start, end, phrase, how))
                        break
        return out

    def _has_nominative(self, phrase: str) -> bool:
        """Is one of the nominatives ``phrase`` may come from a gazetteer name?"""
        known = self._nominatives.get(phrase)
        if known is None:
            if len(self._nominatives) >= _RUN_CACHE_SIZE:
                self._nominatives.clear()
            lookup = self.gazetteer.index.lookup
            known = self._nominatives[phrase] = any(
                lookup(name_key(form)) for form in nominative_candidates(phrase)[1:])
        return known

    # -- regions and cues ------------------------------------------------------
    @staticmethod
    def _regions_and_sectors(text: str, low: str | None = None,
                             starts: list[int] | None = None) -> tuple[list[SpottedName], list[tuple[int, int]]]:
        regions, districts, sectors = admin_and_sector_spans(text, low, starts)
        regions += lower_case_directions(text, low)  # "на курском направлении"
        names = [SpottedName(start, end, text[start:end], "region", phrase) for start, end, phrase in regions]
        names += [SpottedName(start, end, text[start:end], "district", phrase) for start, end, phrase in districts]
        return names, sectors

    def _cued(self, text: str, low: str, found: list[SpottedName], persons: set[str],
              starts: list[tuple[int, int]] | None = None) -> list[SpottedName]:
        covered = _covered(found)
        out = []
        for cue in _CUE.finditer(low) if starts is None else _cues_at(low, starts):
            pos = cue.end()
            while True:
                m = _CUE_LIST.match(text, pos)
                if not m:
                    break
                name = m.group(1)
                first_word = name.split()[0]
                if len(name.split()) == 2 and _district_adjective(name.split()[1]):
                    name = first_word  # "Головчино Грайворонского (округа)": the village alone
                following = text[m.end(1):m.end(1) + 40].split()
                next_word = following[0].strip(",.;:").casefold() if following else ""
                if (not covered.covers(m.start(1)) and first_word.casefold() not in _FUNCTION_WORDS
                        and not (first_word.isupper() and (len(first_word) <= 5 or self._is_common_word(
                            first_word[0] + first_word[1:].lower())))  # "ПОД ОБСТРЕЛОМ": a common word shouted
                        and not (len(name.split()) == 1 and self._never_a_place(first_word))
                        and _POSSESSIVE.sub("", first_word.casefold()) not in _COUNTRIES  # "near X, Ukraine's army"
                        and not any(w in persons for w in name.split())
                        and next_word not in _PERSON_VERBS and next_word not in _AUTHORITY_WORDS):
                    out.append(SpottedName(m.start(1), m.start(1) + len(name), name, "cue"))
                if not m.group(2):
                    break
                pos = m.end()
        return out


_POSSESSIVE = re.compile(r"['’]s$")


def _cues_at(low: str, starts: list[tuple[int, int]]):
    """The matches of ``_CUE.finditer(low)``, tried only at ``starts`` (the ``(start, length)`` of its
    prefixes, :class:`~mapper.extract.toponym_text.WordStarts`), as AnchoredPattern tries them."""
    done = 0
    match = _CUE.regex.match
    for start in sorted({start for start, _ in starts}):
        if start < done:
            continue
        m = match(low, start)
        if m:
            yield m
            done = max(m.end(), start + 1)


def _district_adjective(word: str) -> bool:
    """A Cyrillic adjective in an oblique case, as in "Головчино Грайворонского округа"."""
    return is_cyrillic(word) and word.casefold().endswith(_ADJECTIVE_ENDINGS)


def _covered(found: list[SpottedName]) -> Spans:
    return Spans.of([(f.start, f.end) for f in found])


#: Which of two overlapping names is kept: the lower rank, then the longer, then the earlier.
_RANK = {"region": 0, "district": 0, "gazetteer": 1, "organisation": 1, "inflected": 2, "cue": 3}


def _without_overlaps(found: list[SpottedName]) -> list[SpottedName]:
    chosen: list[SpottedName] = []
    taken = Spans()
    rank = _RANK
    for f in sorted(found, key=lambda f: (rank[f.how], f.start - f.end, f.start)):
        if not taken.overlaps(f.start, f.end):
            chosen.append(f)
            taken.add(f.start, f.end)
    return sorted(chosen, key=lambda f: f.start)
