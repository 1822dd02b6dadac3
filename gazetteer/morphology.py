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
    >>> "брянська область" in nominative_candidates("Брянський")   # a lone adjective: the oblast
    True

Candidates are lower-case Cyrillic with ё written е; Latin input gives only itself (minus a
leading preposition).
"""

from __future__ import annotations

import itertools
import re
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
_FLEETING = tuple((re.compile(end), full) for end, full in lang.fleeting_endings())
_MAX_CANDIDATES = 48
#: Candidates of one word of a multi-word name that are combined with the other words'.
_PER_WORD = 16
#: Words of admin names ("области", "районов"): every form folds to one name-key token, so only their
#: forms that are admin words too are proposed.
_ADMIN_WORDS = frozenset(lang.unify(w.casefold()) for w in lang.admin_words(lang.Use.KEY))
#: Adjectives that open names (Нижний, Велика): alone they are no place name, so they propose nothing.
_NAME_ADJECTIVES = frozenset(lang.unify(w) for w in lang.words(lang.Role.NAME_ADJECTIVE))
#: The nominative forms an adjective of a multi-word name may take (the noun decides its gender).
_NOMINATIVES = (frozenset({"nomn", "masc"}), frozenset({"nomn", "femn"}), frozenset({"nomn", "neut"}),
                frozenset({"nomn", "plur"}))


#: The nominative endings of the feminine adjectives oblasts are named with ("ская", "ська"), and the
#: word "область": a lone adjective of that form names the oblast ("Брянський губернатор").
_OBLAST_ADJECTIVES = tuple(language.oblast_adjective_endings[0] for language in lang.languages()
                           if language.oblast_adjective_endings)
_OBLAST_WORD = next((w for w in lang.admin_words(lang.Use.NAME, lang.Level.OBLAST) if is_cyrillic(w)), "")


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

    out = tuple(pymorphy3.MorphAnalyzer(lang=language.morph_analyzer)
                for language in lang.languages() if language.morph_analyzer)
    for analyzer in out:
        analyzer.parse = _remembered(analyzer.parse)
    return out


def top_grammemes(word: str) -> tuple[frozenset[str], ...]:
    """The grammemes of each analyser's likeliest parse of ``word`` (Russian's, then Ukrainian's).

    >>> any("pssv" in g for g in top_grammemes("уничтожены")), any("pssv" in g for g in top_grammemes("дом"))
    (True, False)
    """
    return tuple(frozenset(str(analyzer.parse(word)[0].tag).replace(" ", ",").split(",")) for analyzer in analyzers())


def _remembered(parse):
    """An analyser's ``parse`` that reads each word once: a report's names are asked about by several
    readers (candidates, adjectives, words that are not places), and an unknown word costs a guess
    by analogy each time. Each call still gets a list of its own."""
    cached = lru_cache(maxsize=50_000)(lambda word: tuple(parse(word)))

    def remembered(word: str) -> list:
        return list(cached(word))

    remembered.cache_info = cached.cache_info
    return remembered


def _with_alternations(stem: str) -> list[str]:
    """The stem and its vowel alternations: Харков- → Харків (Ukrainian о/е become і in a closed
    final syllable)."""
    out = [stem]
    for alternation in _ALTERNATIONS:
        if (alternated := alternation.apply(stem)) is not None:
            out.append(alternated)
    return out


def _with_fleeting_vowel(stem: str) -> list[str]:
    """The nominatives of a stem that lost its last vowel: тростянц- → тростянець, городк- → городок.

    >>> _with_fleeting_vowel("тростянц")
    ['тростянец', 'тростянець']
    """
    return [stem[: found.start()] + full for end, full in _FLEETING
            if len(stem) > 3 and (found := end.search(stem))]


def _adjective_nominatives(word: str) -> list[str]:
    """The nominatives, in every gender, of a word pymorphy3 reads as an adjective: "Курском" →
    курский, курская, курское, курские (the noun of the name decides which one is meant).

    >>> _adjective_nominatives("курском")[:3]
    ['курский', 'курская', 'курское']
    """
    out = []
    for analyzer in analyzers():
        for parse in analyzer.parse(word)[:3]:
            if "ADJF" not in parse.tag.grammemes:
                continue
            for grammemes in _NOMINATIVES:
                if (form := parse.inflect(grammemes)) is not None:
                    out.append(lang.unify(form.word))
    return list(dict.fromkeys(out))


def _word_candidates(word: str, use_morph: bool, in_phrase: bool = False) -> list[str]:
    """Nominatives ``word`` may come from; ``in_phrase``: one word of a multi-word name. Each half
    of a hyphenated name is varied on its own (Хуторі-Михайлівському → хутір-михайлівський)."""
    if "-" in word.strip("-"):
        halves = [_word_candidates(half, use_morph, True)[:12] for half in word.split("-")]
        combos = itertools.islice(itertools.product(*halves), 3 * _MAX_CANDIDATES)
        whole = _word_candidates(word.replace("-", ""), False) if len(halves) == 1 else []
        return list(dict.fromkeys([word, *("-".join(c) for c in combos), *whole[1:]]))
    if in_phrase and word in _ADMIN_WORDS:  # only its forms that are admin words too: районе → район
        return [word, *(c for c in _word_candidates(word, use_morph) if c in _ADMIN_WORDS and c != word)]
    out = [word]
    if in_phrase and use_morph:
        out += _adjective_nominatives(word)
    for rules in (_ADJ_RULES, _NOUN_RULES):
        for ending, nominatives in rules:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[: len(word) - len(ending)]
                for nom in nominatives:
                    for s in _with_alternations(stem) if nom == "" else [stem]:
                        out.append(s + nom)
                        if nom == "":
                            out.extend(_with_fleeting_vowel(s))
    if use_morph:
        for analyzer in analyzers():
            for parse in analyzer.parse(word)[:3]:
                out.append(lang.unify(parse.normal_form))
    return list(dict.fromkeys(c for c in out if len(c) >= 2))


def _oblast_forms(word: str) -> list[str]:
    """The oblast a lone adjective may name, in every case and gender: "Брянський губернатор",
    "брянських сіл" → брянська область (the index says whether there is one).

    >>> _oblast_forms("курскую"), _oblast_forms("брянський")
    (['курская область'], ['брянська область'])
    """
    if not (_OBLAST_ADJECTIVES and _OBLAST_WORD):
        return []
    return [f"{nominative} {_OBLAST_WORD}" for nominative in _adjective_nominatives(word)
            if nominative.endswith(_OBLAST_ADJECTIVES)]


def _combinations(per_word: list[list[str]]) -> list[tuple[str, ...]]:
    """At most _MAX_CANDIDATES combinations of the words' candidates, the likeliest first: those made of
    candidates early in every word's list (ordered by the sum of their positions).

    >>> _combinations([["a", "b"], ["x", "y"]])
    [('a', 'x'), ('a', 'y'), ('b', 'x'), ('b', 'y')]
    """
    lists = [w[:_PER_WORD] for w in per_word]
    if len(lists) > 4:
        return list(itertools.islice(itertools.product(*lists), _MAX_CANDIDATES))
    order = sorted(itertools.product(*(range(len(w)) for w in lists)), key=sum)[:_MAX_CANDIDATES]
    return [tuple(w[i] for w, i in zip(lists, index)) for index in order]


def _is_name_adjective(word: str, use_morph: bool) -> bool:
    """Is ``word`` a form of an adjective that opens names (Нижней, Великій)?"""
    if word in _NAME_ADJECTIVES:
        return True
    return use_morph and any(lang.unify(p.normal_form) in _NAME_ADJECTIVES
                             for analyzer in analyzers() for p in analyzer.parse(word)[:2])


@lru_cache(maxsize=100_000)
def nominative_candidates(phrase: str, use_morph: bool = True) -> tuple[str, ...]:
    """Possible nominative forms of a (possibly inflected) place-name phrase.

    The phrase itself comes first. Multi-word names are varied word by word and
    capped at a few dozen combinations.
    """
    phrase = lang.unify(strip_preposition(phrase.strip()).casefold())
    if not phrase or not is_cyrillic(phrase):
        return (phrase,) if phrase else ()
    words = phrase.split()
    if len(words) == 1 and _is_name_adjective(phrase, use_morph):
        return (phrase,)
    per_word = [_word_candidates(w, use_morph, len(words) > 1) for w in words]
    if len(words) == 1 and use_morph:
        per_word[0] += _oblast_forms(phrase)
    combos = _combinations(per_word) if len(words) > 1 else itertools.product(*per_word)
    return tuple(dict.fromkeys(" ".join(c) for c in combos))
