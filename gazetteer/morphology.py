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

from gazetteer import lang
from gazetteer.normalize import is_cyrillic

__all__ = ["nominative_candidates", "strip_preposition", "analyzers", "PREPOSITIONS"]

#: Prepositions that precede place names in reports (every language of :mod:`gazetteer.lang`).
PREPOSITIONS = frozenset(lang.words(lang.Role.PREPOSITION))

# (oblique ending, nominative endings it may come from), every language's rules merged.
_NOUN_RULES = lang.case_rules(lang.Part.NOUN)
_ADJ_RULES = lang.case_rules(lang.Part.ADJECTIVE)
_ALTERNATIONS = tuple(alt for language in lang.languages() for alt in language.alternations)
_MAX_CANDIDATES = 48


def strip_preposition(phrase: str) -> str:
    """Drop a leading preposition: ``"під Суджею"`` → ``"Суджею"``."""
    words = phrase.split()
    while len(words) > 1 and words[0].casefold() in PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def analyzers():
    """pymorphy3's analysers of the languages that have one (Russian, Ukrainian), loaded once
    (about 0.15 s)."""
    import pymorphy3

    return tuple(pymorphy3.MorphAnalyzer(lang=language.morph_analyzer)
                 for language in lang.languages() if language.morph_analyzer)


def _with_alternations(stem: str) -> list[str]:
    """The stem and its vowel alternations: Харков- → Харків (Ukrainian о/е become і in a closed
    final syllable)."""
    out = [stem]
    for alternation in _ALTERNATIONS:
        if (alternated := alternation.apply(stem)) is not None:
            out.append(alternated)
    return out


def _word_candidates(word: str, use_morph: bool) -> list[str]:
    out = [word]
    for rules in (_ADJ_RULES, _NOUN_RULES):
        for ending, nominatives in rules:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[: len(word) - len(ending)]
                for nom in nominatives:
                    for s in _with_alternations(stem) if nom == "" else [stem]:
                        out.append(s + nom)
    if use_morph:
        for analyzer in analyzers():
            for parse in analyzer.parse(word)[:3]:
                out.append(lang.unify(parse.normal_form))
    return list(dict.fromkeys(c for c in out if len(c) >= 2))


@lru_cache(maxsize=100_000)
def nominative_candidates(phrase: str, use_morph: bool = True) -> tuple[str, ...]:
    """Possible nominative forms of a (possibly inflected) place-name phrase.

    The phrase itself comes first. Multi-word names are varied word by word and
    capped at a few dozen combinations.
    """
    phrase = lang.unify(strip_preposition(phrase.strip()).casefold())
    if not phrase or not is_cyrillic(phrase):
        return (phrase,) if phrase else ()
    per_word = [_word_candidates(w, use_morph) for w in phrase.split()]
    combos = itertools.islice(itertools.product(*per_word), _MAX_CANDIDATES)
    return tuple(dict.fromkeys(" ".join(c) for c in combos))
