"""Name normalisation: one lookup key for every spelling of a place name.

Reports spell the same village many ways: Plekhovo, Plyokhovo, Pliekhovo, Plehovo,
Plëkhovo, Плёхово, Плехово. :func:`name_key` folds case and diacritics, turns
Cyrillic into Latin, and then reduces the Latin to a *skeleton* on which the
usual romanisation systems agree (BGN/PCGN, scholarly, Ukrainian national,
German and Polish habits)::

    >>> {name_key(n) for n in ["Plekhovo", "Plyokhovo", "Pliekhovo", "Plehovo",
    ...                        "Plëkhovo", "Плёхово", "Плехово"]}
    {'plehovo'}
    >>> name_key("L'gov") == name_key("Lgov") == name_key("Льгов")
    True
    >>> name_key("Sudzhansky District") == name_key("Суджанский район")
    True

The key is lossy on purpose; the resolver ranks what shares a key. :func:`fold`
is the gentle form (case, diacritics, ё→е, punctuation) used to tell an exact
spelling from a variant.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gazetteer import lang

__all__ = ["fold", "transliterate", "name_key", "respelled_keys", "is_cyrillic", "GENERIC_TERMS", "QUALIFIERS"]

_APOSTROPHES = "'’ʼʹ`´‘\u02bb\u02bc\u2032"
#: Letters that look accented but are letters of their own (й, ё, ї): fold keeps them, then maps
#: the equivalents (ё → е). Only the languages whose reports are read, as before (Belarusian ў folds to у).
_KEEP_COMPOSED = {c for c in lang.letters(lang.languages(reads_text=True)) if unicodedata.normalize("NFD", c) != c}
_KEEP_COMPOSED |= {c.upper() for c in _KEEP_COMPOSED}

#: Cyrillic → Latin, one table for all languages (:mod:`gazetteer.lang`). The skeleton below
#: absorbs the differences between this and the systems used in reports.
_CYR_TABLE = str.maketrans(lang.transliteration())
#: Scholarly / ISO 9 letters, spelled out before diacritics are dropped.
_SCHOLARLY_TABLE = str.maketrans({"š": "sh", "č": "ch", "ž": "zh", "ŝ": "shch", "ĉ": "ch", "ẑ": "zh"})

#: Generic words of administrative names, reduced to one token each so
#: "Kursk Oblast", "Kursk region" and "Курская область" share a last token.
GENERIC_TERMS = {level.value: lang.admin_words(lang.Use.KEY, level)
                 for level in (lang.Level.DISTRICT, lang.Level.OBLAST, lang.Level.HROMADA)}
_GENERIC_LOOKUP: dict[str, str] = {}
#: Words between an admin name and its admin word ("городской округ", "urban okrug"): dropped from keys.
QUALIFIERS = tuple(lang.words(lang.Role.ADMIN_QUALIFIER))

# Ordered skeleton rewrites applied to folded Latin text.
_SKELETON_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"shch|sch|szcz"), "s"),
    (re.compile(r"tsch|tch|ch|cz"), "c"),
    (re.compile(r"sh|sz"), "s"),
    (re.compile(r"zh"), "z"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ts|tz"), "c"),
    (re.compile(r"w"), "v"),
    (re.compile(r"g"), "h"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),      # doubled letters (and ii from yi/ij)
    (re.compile(r"io"), "e"),            # ё written yo / io
    (re.compile(r"i(?=[aeu])"), ""),     # ya/ia/ja, ye/ie/je, yu/iu/ju
    (re.compile(r"(.)\1+"), r"\1"),
]

#: Letter groups read as another language's letter in keys (Ukrainian ьо for Russian ё), longest first.
_KEY_SPELLINGS = sorted(lang.key_spellings(), key=lambda pair: -len(pair[0]))
#: Cyrillic letter groups that reports also romanise another way (English j, dj for дж), shortest spelling
#: first: "j" read as дж covers "dj" too (the doubled d folds away).
_ROMANISATIONS = lang.romanisations()
#: Endings a language writes for a sister language's (Ukrainian -івка for Russian -овка), longest first.
_SISTER_ENDINGS = lang.sister_endings()

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def is_cyrillic(text: str) -> bool:
    """True when the text holds any Cyrillic letter (an ASCII text, told in O(1), holds none)."""
    return not text.isascii() and bool(_CYRILLIC.search(text))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-fold, drop Latin diacritics, ё→е, remove apostrophes, hyphens to spaces.

    >>> fold("Plëkhovo")
    'plekhovo'
    >>> fold("  L’gov-Kursk ")
    'lgov kursk'
    >>> fold("Плёхово")
    'плехово'
    """
    text = unicodedata.normalize("NFC", text).casefold()
    out = []
    for ch in text:
        if ch in _APOSTROPHES:
            continue
        if ch in _KEEP_COMPOSED or ord(ch) < 0x80:
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        if decomposed != ch:  # compatibility letters may decompose to capitals: 𝑨, Ⓚ, ℌ
            decomposed = unicodedata.normalize("NFKD", decomposed.casefold())
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    folded = lang.unify("".join(out)).replace("ß", "ss")
    folded = _NON_WORD.sub(" ", folded.replace("_", " "))
    return _SPACES.sub(" ", folded).strip()


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin (one table for every language of :mod:`gazetteer.lang`).

    >>> transliterate("суджа")
    'sudzha'
    >>> transliterate("мартинівка")
    'martinivka'
    """
    return text.translate(_CYR_TABLE)


def _generic(token: str) -> str:
    if not _GENERIC_LOOKUP:
        for canonical, words in GENERIC_TERMS.items():
            for word in words:
                _GENERIC_LOOKUP[fold(word)] = canonical
    return _GENERIC_LOOKUP.get(token, token)


def _skeleton(word: str) -> str:
    for pattern, repl in _SKELETON_RULES:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=500_000)
def name_key(text: str) -> str:
    """The lookup key of a name: folded, transliterated, reduced to its skeleton.

    Generic administrative words become ``raion`` / ``oblast``; adjectival
    endings of district names (-skiy, -sky, -ский, -ський) share one form.

    >>> name_key("Korenëvo"), name_key("Korenewo"), name_key("Коренево")
    ('korenevo', 'korenevo', 'korenevo')
    >>> name_key("Bolshoye Soldatskoye") == name_key("Большое Солдатское")
    True
    >>> name_key("Шебекинский городской округ") == name_key("Шебекинский округ")
    True
    >>> name_key("Тьоткіно") == name_key("Тёткино") == name_key("Tyotkino")   # Ukrainian ьо is Russian ё
    True
    """
    words = []
    tokens = [t for t in fold(unicodedata.normalize("NFC", text).casefold().translate(_SCHOLARLY_TABLE)).split(" ") if t]
    for i, token in enumerate(tokens):
        generic = _generic(token)
        if generic != token:
            words.append(generic)
            continue
        if i and token.startswith(QUALIFIERS) and i + 1 < len(tokens) and _generic(tokens[i + 1]) != tokens[i + 1]:
            continue  # "Шебекинский городской округ" ~ "Шебекинский округ"
        for group, letter in _KEY_SPELLINGS:
            if group in token:
                token = token.replace(group, letter)
        words.append(_skeleton(transliterate(token)))
    return " ".join(w for w in words if w)


def respelled_keys(name: str) -> tuple[str, ...]:
    """Keys of a Latin name read with the other ways reports romanise Cyrillic letters
    (:func:`gazetteer.lang.romanisations`): English "Suja" and "Sudja" written for Суджа.

    >>> respelled_keys("Suja") == respelled_keys("Sudja") == (name_key("Sudzha"),)
    True
    >>> respelled_keys("Sumy"), respelled_keys("Суджа")
    ((), ())
    """
    if not _ROMANISATIONS or is_cyrillic(name):
        return ()
    folded, own = fold(name), name_key(name)
    keys = (name_key(folded.replace(spelling, transliterate(group)))
            for group, spellings in _ROMANISATIONS for spelling in spellings if spelling in folded)
    return tuple(k for k in dict.fromkeys(keys) if k != own)


def sister_keys(name: str) -> tuple[str, ...]:
    """Keys of a Cyrillic name with its ending read as a sister language writes it
    (:func:`gazetteer.lang.sister_endings`): a Ukrainian report's Любимівка is the Kursk village
    Любимовка, its Климове the Bryansk town Климово.

    >>> sister_keys("Любимівка") == (name_key("Любимовка"), name_key("Любимевка"))
    True
    >>> sister_keys("Суджа"), sister_keys("Sumy")
    ((), ())
    """
    if not _SISTER_ENDINGS or not is_cyrillic(name):
        return ()
    low, own = name.casefold(), name_key(name)
    for ending, theirs in _SISTER_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            keys = (name_key(low[:-len(ending)] + t) for t in theirs)
            return tuple(k for k in dict.fromkeys(keys) if k != own)
    return ()
