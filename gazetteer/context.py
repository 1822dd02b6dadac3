"""What the text around a name says about where it is.

A :class:`Context` carries the theatre of operations, the countries and oblasts
named near the mention (which may *contradict* a candidate), those named
elsewhere in the document (which only *favour* one), and the places
co-mentioned with it::

    >>> words = find_country_words("near Plekhovo in Russia's Kursk region")
    >>> sorted(words)
    ['RU']
    >>> region_phrases("fighting in the Kursk border region and in Сумской области")
    ['Kursk region', 'Сумской области']

Building a full context from text needs the index; see
:meth:`gazetteer.resolver.Gazetteer.context_from_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from gazetteer import lang
from gazetteer.place import Place
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from gazetteer.automaton import word_automaton
from gazetteer.oblast_names import names_oblast
from gazetteer.normalize import is_cyrillic, name_key

__all__ = [
    "Theatre",
    "Context",
    "KURSK_BORDER_THEATRE",
    "find_country_words",
    "country_word_spans",
    "country_words",
    "is_word_char",
    "region_phrases",
    "region_phrase_spans",
    "district_phrase_spans",
    "admin_phrase_spans",
    "front_sector_spans",
    "names_oblast",
    "lowered",
    "without_admin_words",
    "COUNTRY_WORDS",
]


#: The default theatre, read from ``gazetteer/data/theatres/kursk_border.toml``.
KURSK_BORDER_THEATRE = default_theatre()


@dataclass(frozen=True)
class Context:
    """Evidence for ranking the candidates of one mention.

    ``countries`` / ``admin1_codes``: named close to the mention ("Vorozhba in
    Sumy Oblast"); a candidate outside all of them is contradicted.
    ``doc_countries`` / ``doc_admin1_codes``: named elsewhere in the document;
    they only add weight. ``near``: places co-mentioned with this one. ``admin2_keys``: name keys of
    the districts (raions, okrugs) named in the same sentence or parenthesis ("Ивановка (Суджанский
    район)"); a candidate in one of them outranks the theatre default and population, and one
    outside is not contradicted.
    """

    theatre: Theatre | None = KURSK_BORDER_THEATRE
    countries: frozenset[str] = frozenset()
    admin1_codes: frozenset[str] = frozenset()
    doc_countries: frozenset[str] = frozenset()
    doc_admin1_codes: frozenset[str] = frozenset()
    near: tuple[Place, ...] = ()
    admin2_keys: frozenset[str] = frozenset()
    #: The text the evidence was read from; kept for reference, not part of equality, so
    #: resolutions cache across sentences that give the same evidence.
    text: str = field(default="", compare=False)
    admin1_names: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.countries or self.admin1_codes or self.near or self.admin2_keys)

    def in_named_district(self, place: Place) -> bool:
        """Is ``place`` in a district named near the mention?

        >>> from gazetteer.normalize import is_cyrillic, name_key
        >>> ctx = Context(admin2_keys=frozenset({name_key("Sudzhansky District")}))
        >>> ctx.in_named_district(Place(id="x", name="Ivanovka", latitude=51.2, longitude=35.2,
        ...                             admin2="Суджанский район"))
        True
        """
        return bool(self.admin2_keys) and place.is_settlement and bool(place.admin2) and name_key(place.admin2.split(" (")[0]) in self.admin2_keys

    def describe(self) -> str:
        """Short human wording of the local evidence: ``"Kursk Oblast (RU)"``."""
        parts = list(self.admin1_names)
        named_countries = {c for c in self.countries}
        if parts:
            return ", ".join(parts) + (f" ({', '.join(sorted(named_countries))})" if named_countries else "")
        if named_countries:
            return ", ".join(sorted(named_countries))
        if self.near:
            return "near " + ", ".join(p.name for p in self.near)
        return "no context"


#: Country names as reports write them (every language of :mod:`gazetteer.lang`, with case forms).
COUNTRY_WORDS: dict[str, tuple[str, ...]] = lang.country_names()
_COUNTRY_BY_WORD = {w: c for c, ws in COUNTRY_WORDS.items() for w in ws}
_POSSESSIVE_END = re.compile(r"(?:['’]s)?(?!\w)")


def is_word_char(char: str) -> bool:
    """A character of ``\\w`` (a letter, a digit or "_"): what decides a regex word boundary."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=1)
def _country_automaton():
    return word_automaton((word, word) for word in _COUNTRY_BY_WORD)


def _country_matches(folded: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each country word of case-folded text that stands alone (no letter
    or digit before it; after it at most a possessive "'s", then no letter or digit); the longest
    word at a position wins and matches do not overlap. One Aho-Corasick pass.

    >>> _country_matches("russian federation's troops, ukraine, xrussia, россии")
    [(0, 20, 'russian federation'), (29, 36, 'ukraine'), (47, 53, 'россии')]
    """
    hits: dict[int, tuple[int, str]] = {}
    for last, word in _country_automaton().iter(folded):
        start = last - len(word) + 1
        if start and is_word_char(folded[start - 1]):
            continue
        tail = _POSSESSIVE_END.match(folded, last + 1)
        if tail and len(word) > len(hits.get(start, ("", ""))[1]):
            hits[start] = (tail.end(), word)
    out, done = [], 0
    for start in sorted(hits):
        if start >= done:
            end, word = hits[start]
            out.append((start, end, word))
            done = end
    return out

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


#: Words after "Ukraine's" / "Russia's" that make it the name of an institution, not a place
#: ("Ukraine's General Staff said"), and words before a country that do the same (Минобороны России).
_INSTITUTION_AFTER = frozenset(lang.words(lang.Role.INSTITUTION_AFTER))
_INSTITUTION_BEFORE = frozenset(lang.words(lang.Role.INSTITUTION_BEFORE))
#: Verbs after a country that make it the actor of the sentence ("Ukraine lost"), unless a
#: preposition puts the country as a place ("in Ukraine killed"); Cyrillic verbs are found by pymorphy3.
_ACTOR_AFTER = frozenset(lang.words(lang.Role.ACTOR_AFTER))
_PREPOSITIONS = frozenset(lang.words(lang.Role.PREPOSITION))


@lru_cache(maxsize=20_000)
def _is_verb(word: str) -> bool:
    """A Russian or Ukrainian finite verb: "потеряла", "заявила".

    >>> _is_verb("потеряла"), _is_verb("области")
    (True, False)
    """
    if word in _ACTOR_AFTER:
        return True
    if not is_cyrillic(word):
        return False
    from gazetteer.morphology import analyzers

    for analyzer in analyzers():
        parses = analyzer.parse(word)
        if parses and parses[0].score > 0.3 and parses[0].tag.POS == "VERB":
            return True
    return False


def _is_actor(after: list[str], before: list[str]) -> bool:
    """Is a country with these words after and before it the one acting ("Ukraine lost") or acted
    on ("Moscow blamed Ukraine"), not a place?"""
    if before and before[-1] in _PREPOSITIONS:
        return False
    return bool(after) and _is_verb(after[0].strip(",.;:")) or bool(before) and _is_verb(before[-1].strip(",.;:"))


def country_words(text: str) -> tuple[set[str], list[tuple[int, int]] | None]:
    """``(codes, spans)`` from one pass: the ISO codes of the countries ``text`` names as places
    (see :func:`find_country_words`), and the spans of all its country words, places or not
    (None when case folding moves offsets, "ß" → "ss", so that spans would not point into ``text``).

    >>> country_words("Ukraine's General Staff said Russia's Kursk region")
    ({'RU'}, [(0, 9), (29, 37)])
    """
    folded = lang.unify(text.casefold())
    matches = _country_matches(folded)
    codes = set()
    for start, end, word in matches:
        after = folded[end:end + 30].split()
        before = folded[max(0, start - 20):start].split()
        if (after and after[0].strip(",.;:") in _INSTITUTION_AFTER) or (
                before and before[-1] in _INSTITUTION_BEFORE) or _is_actor(after, before):
            continue
        codes.add(_COUNTRY_BY_WORD[word])
    return codes, ([(start, end) for start, end, _ in matches] if len(folded) == len(text) else None)


def country_word_spans(text: str) -> list[tuple[int, int]] | None:
    """Spans of the country words of ``text`` (as places or not), or None (see :func:`country_words`).

    >>> country_word_spans("Shelling in Russia's Kursk region")
    [(12, 20)]
    """
    return country_words(text)[1]


def find_country_words(text: str) -> set[str]:
    """ISO codes of the countries named in ``text`` as places (not "Ukraine's General Staff", not
    "Ukraine lost": the actor of the sentence is no place).

    >>> sorted(find_country_words("in Russia's Kursk region, Ukraine's General Staff said"))
    ['RU']
    >>> sorted(find_country_words("Украина потеряла позиции в Курской области, в России"))
    ['RU']
    """
    return country_words(text)[0]


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


def admin_phrase_spans(text: str, low: str | None = None) -> tuple[list, list]:
    """``(oblast phrases, district phrases)`` as the two functions above give them, from one scan
    for the rare keywords (then a look back for the name before each, and for the names of a list).

    Districts include okrugs ("Грайворонского городского округа") and hromadas; a front direction
    is read as its oblast ("Kursk direction" gives "Kursk region"); each name of a list of districts
    gets its own phrase, spanning the name alone.

    >>> admin_phrase_spans("Sudzhansky district of the Kursk region")
    ([(27, 39, 'Kursk region')], [(0, 19, 'Sudzhansky district')])
    >>> admin_phrase_spans("Глушковского и Суджанского районов")[1]
    [(0, 12, 'Глушковского районов'), (15, 34, 'Суджанского районов')]
    >>> admin_phrase_spans("losses in the Kursk direction")[0]
    [(14, 29, 'Kursk region')]
    """
    regions, districts = [], []
    for a, b, phrase, kind in _admin_names(text, low):
        if kind != "sector":
            (regions if kind == "region" else districts).append((a, b, phrase))
    if any(noun.stem in text for noun in _OBLAST_NOUNS):
        regions += [(m.start(), m.end(), m.group(1)) for m in _SHCHYNA.finditer(text)]
    return sorted(regions), sorted(districts)


def front_sector_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Spans of the names of front directions named after a town, not an oblast ("Покровском и
    Курском направлениях" gives the span of "Покровском"): a sector of the front, not a settlement.

    >>> text = "the Pokrovsk and Kursk directions"
    >>> [text[a:b] for a, b in front_sector_spans(text)]
    ['Pokrovsk']
    """
    return [(a, b) for a, b, _, kind in _admin_names(text, low) if kind == "sector"]


def _admin_names(text: str, low: str | None) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, phrase, kind)`` of each admin name; kind is region, district or sector."""
    for m in word_starts(_ADMIN_WORD, low or lowered(text), _admin_word_starts()):
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


def _same_kind(item: str, head: str) -> bool:
    """Can ``item`` be a name of the same list as ``head``? Cyrillic adjectives of one list share their
    case ending (Глушковского, Суджанского); "в Белгороде, Шебекинском и Грайворонском округах" lists a city.
    """
    return item.isascii() or item[-2:].casefold() == head[-2:].casefold()


def word_starts(pattern: re.Pattern[str], text: str, candidates=None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` (which opens with a word character) that start a word, as if it
    began with ``(?<!\\w)``, left to right and not overlapping.

    ``candidates``: an Aho-Corasick automaton of every word the pattern can open with (values:
    their lengths, see :func:`~gazetteer.automaton.word_automaton`); the pattern is then tried only
    where one of them starts instead of being searched for at every letter.

    >>> [m.group() for m in word_starts(re.compile("oblasts?"), "Sumy oblast, Kursk and Bryansk oblasts")]
    ['oblast', 'oblasts']
    """
    if candidates is None:
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
    for start in sorted({end - length + 1 for end, length in candidates.iter(text)}):
        if start < pos or (start and is_word_char(text[start - 1])):
            continue
        if m := pattern.match(text, start):
            yield m
            pos = max(m.end(), start + 1)


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


def without_admin_words(text: str) -> str:
    """The text with oblast phrases and country names blanked (spans kept).

    >>> without_admin_words("Vorozhba in Sumy Oblast, Ukraine")
    'Vorozhba in            ,        '
    """
    text = _REGION_RE.sub(lambda m: " " * len(m.group(0)), text)
    folded = lang.unify(text.casefold())
    spans = [(start, end) for start, end, _ in _country_matches(folded)]
    for start, end in reversed(spans):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
