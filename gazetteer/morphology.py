"""Nominative candidates for inflected Russian and Ukrainian place names.

Reports write "в Плёхове", "під Суджею", "у Ворожбі", "из Большого Солдатского".
The gazetteer holds nominatives, so we propose the nominatives a form may come
from and let the index say which exist. Proposals come from case-ending rules
for nouns and adjectives of both languages, and from pymorphy3's analysers
(ru and uk dictionaries) for forms the rules miss::

    >>> "плехово" in nominative_candidates("в Плёхове")
    True
    >>> "суджа" in nominative_candidates("під Суджею")
    True
    >>> "ворожба" in nominative_candidates("у Ворожбі")
    True
    >>> "большое солдатское" in nominative_candidates("Большом Солдатском")
    True

Candidates are lower-case Cyrillic with ё written е; Latin input gives only itself (minus a
leading preposition).
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from gazetteer.normalize import is_cyrillic

__all__ = ["nominative_candidates", "strip_preposition", "analyzers", "PREPOSITIONS"]

#: Prepositions that precede place names in reports (ru, uk, en).
PREPOSITIONS = frozenset(
    """в во у на под под під пiд біля около возле близ из із з зі от від до к ко через за над
    поблизу неподалеку неподалік вблизи район районе near in at from outside around""".split()
)

# (oblique ending, nominative endings it may come from); longest endings first.
_NOUN_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("ами", ("ы", "и", "а")), ("ями", ("и", "я")), ("ах", ("ы", "и", "а")), ("ях", ("и", "я")),
    ("ою", ("а",)), ("ею", ("я", "а")), ("ой", ("а",)), ("ей", ("я", "а", "ь")),
    ("ом", ("", "о")), ("ем", ("", "е", "ь", "о")), ("ём", ("", "ь")), ("ым", ("ы",)),
    ("ові", ("",)), ("еві", ("ь", "")), ("ці", ("ка",)), ("зі", ("га",)), ("сі", ("ха",)),
    ("е", ("о", "а", "", "я", "е")), ("і", ("а", "я", "", "і")), ("и", ("а", "я", "ы", "")),
    ("ы", ("а",)), ("у", ("а", "", "о")), ("ю", ("я", "ь")), ("а", ("", "о", "е")),
    ("я", ("ь", "е")), ("ого", ("о", "е")), ("ому", ("о", "е")),
]
_ADJ_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("ого", ("ое", "ий", "ый", "ой", "е")), ("его", ("ее", "ий", "є")),
    ("ому", ("ое", "ий", "ый", "ой", "е")), ("ему", ("ее", "ий")),
    ("ом", ("ое", "ый", "ий", "ой")), ("ем", ("ее", "ий")), ("ім", ("ий", "е")),
    ("ой", ("ая", "ой", "ый")), ("ей", ("яя",)), ("ій", ("а", "я", "ий")),
    ("ую", ("ая",)), ("юю", ("яя",)), ("у", ("а",)), ("ю", ("я",)),
    ("ых", ("ые",)), ("их", ("ие", "і")), ("ими", ("і", "ие")), ("ыми", ("ые",)),
]
_MAX_CANDIDATES = 48


def strip_preposition(phrase: str) -> str:
    """Drop a leading preposition: ``"під Суджею"`` → ``"Суджею"``."""
    words = phrase.split()
    while len(words) > 1 and words[0].casefold() in PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def analyzers():
    """pymorphy3's Russian and Ukrainian analysers, loaded once (about 0.15 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru"), pymorphy3.MorphAnalyzer(lang="uk")


def _with_ukrainian_alternation(stem: str) -> list[str]:
    """Харков- → Харків: Ukrainian о/е become і in a closed final syllable."""
    if len(stem) >= 3 and stem[-2] in "ое" and stem[-1] not in "аеиіоуюяєї":
        return [stem, stem[:-2] + "і" + stem[-1]]
    return [stem]


def _word_candidates(word: str, use_morph: bool) -> list[str]:
    out = [word]
    for rules in (_ADJ_RULES, _NOUN_RULES):
        for ending, nominatives in rules:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[: len(word) - len(ending)]
                for nom in nominatives:
                    for s in _with_ukrainian_alternation(stem) if nom == "" else [stem]:
                        out.append(s + nom)
    if use_morph:
        for analyzer in analyzers():
            for parse in analyzer.parse(word)[:3]:
                out.append(parse.normal_form.replace("ё", "е"))
    return list(dict.fromkeys(c for c in out if len(c) >= 2))


@lru_cache(maxsize=100_000)
def nominative_candidates(phrase: str, use_morph: bool = True) -> tuple[str, ...]:
    """Possible nominative forms of a (possibly inflected) place-name phrase.

    The phrase itself comes first. Multi-word names are varied word by word and
    capped at a few dozen combinations.
    """
    phrase = strip_preposition(phrase.strip()).casefold().replace("ё", "е")
    if not phrase or not is_cyrillic(phrase):
        return (phrase,) if phrase else ()
    per_word = [_word_candidates(w, use_morph) for w in phrase.split()]
    combos = itertools.islice(itertools.product(*per_word), _MAX_CANDIDATES)
    return tuple(dict.fromkeys(" ".join(c) for c in combos))
