"""Phrases naming an oblast, a district, a hromada or a front direction, found in running text.

"Kursk region", "Курской области", "Сумщині", "Глушковского, Кореневского и Суджанского районов",
"the Kursk direction": each gives its span and the phrase the resolver looks up (a direction is read
as its oblast; each district of a list gets its own phrase). The admin words and letters come from
the language resources (:mod:`gazetteer.lang`)::

    >>> region_phrases("fighting in the Kursk border region and in Сумской области")
    ['Kursk region', 'Сумской области']
    >>> district_phrase_spans("у Ворожбі Сумського району")
    [(10, 26, 'Сумського району')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from gazetteer import lang
from gazetteer.automaton import word_automaton
from gazetteer.oblast_names import names_oblast

__all__ = ["admin_and_sector_spans", "admin_phrase_spans", "admin_words", "district_phrase_spans", "front_sector_spans", "is_word_char",
           "lowered", "region_phrase_spans", "region_phrases", "word_starts"]


def is_word_char(char: str) -> bool:
    """A character of ``\\w`` (a letter, a digit or "_"): what decides a regex word boundary."""
    return char.isalnum() or char == "_"


# Letters of the languages whose reports are read; oblast nouns ("Курщина") of every language.
_UPPER = lang.letter_class(lang.languages(reads_text=True), case="upper")
_LOWER = lang.letter_class(lang.languages(reads_text=True))
_LETTERS = lang.letter_class(lang.languages(reads_text=True), extra="ʼ'")
_ANY_CASE = lang.letter_class(lang.languages(reads_text=True), case="both", extra="ʼ'")
#: A capitalised name word, hyphenated halves included ("Середино-Будської").
_HEAD_WORD = _UPPER + _LETTERS + "+(?:-" + _ANY_CASE + "+)*"
_OBLAST_NOUNS = tuple(noun for language in lang.languages() for noun in language.oblast_nouns)
_OBLAST_NOUN = "(?:" + "|".join((f"(?<=[{n.after}])" if n.after else "") + re.escape(n.stem) + n.endings
                                for n in _OBLAST_NOUNS) + ")"
#: Their distinct stems ("щин" is Russian and Ukrainian): one substring scan of a text each.
_OBLAST_STEMS = tuple(dict.fromkeys(n.stem for n in _OBLAST_NOUNS))
_REGION_RE = re.compile(
    r"(?<![\w-])([A-Z][a-z]+|" + _HEAD_WORD + r")(?:\s+border)?\s+"
    r"((?i:" + "|".join(map(re.escape, lang.admin_words(lang.Use.TEXT, lang.Level.OBLAST))) + r"))(?!\w)"
    r"|(?<!\w)(" + _UPPER + _LOWER + "+" + _OBLAST_NOUN + r")(?!\w)"
)


#: Words that make the name before them an oblast, a district (raion, okrug), a hromada or a front direction.
_REGION_WORDS = lang.admin_words(lang.Use.TEXT, lang.Level.OBLAST)
_DISTRICT_WORDS = lang.admin_words(lang.Use.TEXT, lang.Level.DISTRICT)
_HROMADA_WORDS = frozenset(lang.admin_words(lang.Use.TEXT, lang.Level.HROMADA))
_DIRECTION_WORDS = frozenset(lang.admin_words(lang.Use.TEXT, lang.Level.DIRECTION))
#: The oblast word a direction phrase is read with: "Kursk direction" → "Kursk region".
_OBLAST_WORD = {True: "region", False: lang.admin_words(lang.Use.NAME, lang.Level.OBLAST)[-1]}
# Matched on lower-cased text (same length and offsets for these scripts): much faster than (?i).
# Their first letters are common ones (d, r, o, p…), so the places where one may start are found by
# an Aho-Corasick pass (one C scan) and the pattern is tried only there; word_starts checks the
# word boundary before each hit.
_ADMIN_WORDS = frozenset({*_REGION_WORDS, *_DISTRICT_WORDS, *_HROMADA_WORDS, *_DIRECTION_WORDS})
_ADMIN_WORD = re.compile("(" + "|".join(map(re.escape, sorted(_ADMIN_WORDS, key=lambda w: (-len(w), w))))
                         + r")(?!\w)")
_QUALIFIER = r"(?:\s+(?i:" + "|".join(map(re.escape, lang.words(lang.Role.ADMIN_QUALIFIER))) + r")\w*)?"
_HEAD = r"([A-Z][a-z]+|" + _HEAD_WORD + ")"
_REGION_HEAD = re.compile(r"(?<![\w-])" + _HEAD + r"(?:\s+border)?" + _QUALIFIER + r"\s+$")
#: One more name of a list before a head: "Глушковского, Кореневского и (Суджанского районов)".
_LIST_ITEM = re.compile(r"(?<![\w-])" + _HEAD + r"(?:\s*,\s*(?:(?:" + "|".join(lang.words(lang.Role.LIST_JOIN))
                        + r")\s+)?|\s+(?:" + "|".join(lang.words(lang.Role.LIST_JOIN)) + r")\s+)$")
_MAX_LIST = 8
_SHCHYNA = re.compile(r"(?<!\w)(" + _UPPER + _LOWER + "+" + _OBLAST_NOUN + r")(?!\w)")


def region_phrase_spans(text: str, low: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of each oblast phrase; ``phrase`` drops "border". ``low``:
    ``lowered(text)`` when the caller already has it.

    >>> region_phrase_spans("in the Kursk border region")
    [(7, 26, 'Kursk region')]
    """
    return admin_phrase_spans(text, low)[0]


def district_phrase_spans(text: str, low: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of each district phrase: "Sudzhansky district", "Сумського району".

    >>> district_phrase_spans("у Ворожбі Сумського району")
    [(10, 26, 'Сумського району')]
    """
    return admin_phrase_spans(text, low)[1]


def admin_phrase_spans(text: str, low: str | None = None, starts: list[int] | None = None) -> tuple[list, list]:
    """``(oblast phrases, district phrases)`` as the two functions above give them, from one scan
    for the rare keywords (then a look back for the name before each, and for the names of a list).

    Districts include okrugs ("Грайворонского городского округа") and hromadas; a front direction
    is read as its oblast ("Kursk direction" gives "Kursk region"); each name of a list of districts
    gets its own phrase, spanning the name alone. ``starts``: where in ``low`` a word of
    :func:`admin_words` may start (every such place, more do no harm), when the caller has looked.

    >>> admin_phrase_spans("Sudzhansky district of the Kursk region")
    ([(27, 39, 'Kursk region')], [(0, 19, 'Sudzhansky district')])
    >>> admin_phrase_spans("Глушковского и Суджанского районов")[1]
    [(0, 12, 'Глушковского районов'), (15, 34, 'Суджанского районов')]
    >>> admin_phrase_spans("losses in the Kursk direction")[0]
    [(14, 29, 'Kursk region')]
    """
    return admin_and_sector_spans(text, low, starts)[:2]


def admin_and_sector_spans(text: str, low: str | None = None,
                           starts: list[int] | None = None) -> tuple[list, list, list[tuple[int, int]]]:
    """``(oblast phrases, district phrases, front sectors)`` from one scan: :func:`admin_phrase_spans`
    and :func:`front_sector_spans` together (a reader that needs both scans the text once).

    >>> admin_and_sector_spans("the Pokrovsk and Kursk directions")
    ([(17, 33, 'Kursk region')], [], [(4, 12)])
    """
    regions, districts, sectors = [], [], []
    for a, b, phrase, kind in _admin_names(text, low, starts):
        if kind == "sector":
            sectors.append((a, b))
        else:
            (regions if kind == "region" else districts).append((a, b, phrase))
    if any(stem in text for stem in _OBLAST_STEMS):
        regions += [(m.start(), m.end(), m.group(1)) for m in _SHCHYNA.finditer(text) if not _a_person(m.group(1))]
    return sorted(regions), sorted(districts), sectors


def front_sector_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Spans of the names of front directions named after a town, not an oblast ("Покровском и
    Курском направлениях" gives the span of "Покровском"): a sector of the front, not a settlement.

    >>> text = "the Pokrovsk and Kursk directions"
    >>> [text[a:b] for a, b in front_sector_spans(text)]
    ['Pokrovsk']
    """
    return [(a, b) for a, b, _, kind in _admin_names(text, low) if kind == "sector"]


def _admin_names(text: str, low: str | None, starts: list[int] | None = None) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, phrase, kind)`` of each admin name; kind is region, district or sector."""
    for m in word_starts(_ADMIN_WORD, low or lowered(text), _admin_word_starts() if starts is None else None, starts):
        head = _REGION_HEAD.search(text, max(0, m.start() - 64), m.start())
        if not head:
            continue
        word = m.group(1)
        is_direction = word in _DIRECTION_WORDS
        keyword = text[m.start():m.end()]
        is_region = word in _REGION_WORDS or is_direction
        if not is_region and head.group(1).isupper():
            continue
        names = [(head.start(), m.end(), head.group(1))]
        start = head.start()
        for _ in range(_MAX_LIST):
            item = _LIST_ITEM.search(text, max(0, start - 64), start)
            if not item or item.group(1).isupper() or not _same_kind(item.group(1), head.group(1)) or (
                    len(names) == 1 and item.group(1).isascii() and "," in text[item.end(1):start]
                    and not any(c.isalpha() for c in text[item.end(1):start])):
                break  # "Vorozhba, Sumy Oblast" is a place and its oblast; a list ends "X and Y regions"
            names.append((item.start(), item.start() + len(item.group(1)), item.group(1)))
            start = item.start()
        for a, b, name in reversed(names):
            if is_direction and not names_oblast(name):
                yield a, b, name, "sector"  # "the Kupiansk axis": a front sector named after a town
                continue
            phrase = f"{name} {_OBLAST_WORD[name.isascii()] if is_direction else keyword}"
            yield a, b, phrase, "region" if is_region else "district"


@lru_cache(maxsize=4096)
def _a_person(word: str) -> bool:
    """Is a word shaped like a regional noun a word for a person ("Женщина": a woman, not a region)?
    A region is inanimate; the dictionaries know the people.

    >>> _a_person("Женщина"), _a_person("Курщина"), _a_person("Сумщині")
    (True, False, False)
    """
    from gazetteer.morphology import analyzers

    return any(p.is_known and "anim" in p.tag for analyzer in analyzers() for p in analyzer.parse(word)[:1])


def _same_kind(item: str, head: str) -> bool:
    """Can ``item`` be a name of the same list as ``head``? Cyrillic adjectives of one list share their
    case ending (Глушковского, Суджанского); "в Белгороде, Шебекинском и Грайворонском округах" lists a city.
    """
    return item.isascii() or item[-2:].casefold() == head[-2:].casefold()


def word_starts(pattern: re.Pattern[str], text: str, candidates=None,
                starts: list[int] | None = None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` (which opens with a word character) that start a word, as if it
    began with ``(?<!\\w)``, left to right and not overlapping.

    ``candidates``: an Aho-Corasick automaton of every word the pattern can open with (values:
    their lengths, see :func:`~gazetteer.automaton.word_automaton`); the pattern is then tried only
    where one of them starts instead of being searched for at every letter. ``starts``: those places
    already found (more places change nothing: the pattern matches only where one of its words starts).

    >>> [m.group() for m in word_starts(re.compile("oblasts?"), "Sumy oblast, Kursk and Bryansk oblasts")]
    ['oblast', 'oblasts']
    """
    if candidates is None and starts is None:
        pos = 0
        while m := pattern.search(text, pos):
            start = m.start()
            if start and is_word_char(text[start - 1]):
                pos = start + 1
                continue
            yield m
            pos = m.end() if m.end() > start else start + 1
        return
    pos = 0
    if starts is None:
        starts = {end - length + 1 for end, length in candidates.iter(text)}
    for start in sorted(set(starts)):
        if start < pos or (start and is_word_char(text[start - 1])):
            continue
        if m := pattern.match(text, start):
            yield m
            pos = max(m.end(), start + 1)


def admin_words() -> frozenset[str]:
    """Every (lower-case) word an admin phrase turns on: "region", "областей", "напрямку", "обл."."""
    return _ADMIN_WORDS


@lru_cache(maxsize=1)
def _admin_word_starts():
    """Where an admin word may start: an automaton of every form :data:`_ADMIN_WORD` matches."""
    return word_automaton((w, len(w)) for w in _ADMIN_WORDS)


def lowered(text: str) -> str:
    """Lower-cased text with the same offsets (characters whose lower case is longer stay as they are).

    >>> lowered("Sumy OBLAST")
    'sumy oblast'
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def region_phrases(text: str) -> list[str]:
    """Phrases naming an oblast: "Kursk region", "Курской области", "Курщині".

    "the Kursk border region" gives "Kursk region".
    """
    return [phrase for _, _, phrase in region_phrase_spans(text)]
