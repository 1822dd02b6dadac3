"""Place names for map labels in one script: Latin (``en``, the default), Russian or Ukrainian.

A place's label is chosen from its gazetteer names (its name and every alternate name the
gazetteer holds), so a map never shows a Cyrillic name beside Latin ones. ``en`` takes the
first Latin name (the gazetteer's own name first, plain ASCII spellings before accented
ones) and romanises a Cyrillic name when there is none. ``ru`` and ``uk`` take a Cyrillic
name written with that language's letters: a name with a letter only the other language
writes is chosen only when the place has no other Cyrillic name (the script stays one), one
with a letter only this language writes is preferred. The
letters come from the gazetteer's language resources (:mod:`gazetteer.lang`)::

    >>> place_label("Martynovka", ["Мартыновка", "Мартинівка", "Martynivka"])
    'Martynovka'
    >>> place_label("Пeтрушівка".replace("e", "е"), ["Petrushivka"])
    'Petrushivka'
    >>> place_label("Mezenivka", ["Мезеновка", "Мезенівка"], "uk")
    'Мезенівка'
    >>> place_label("Mezenivka", ["Мезенівка", "Мезеновка"], "ru")
    'Мезеновка'
    >>> place_label("Plyokhovo", ["Плёхово", "Plekhovo"], "uk")
    'Плёхово'
    >>> place_label("Zhovtneve", [], "ru") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from gazetteer.lang import Level, Use, language
from gazetteer.normalize import is_cyrillic, transliterate

__all__ = ["LABEL_SCRIPTS", "place_label", "romanise", "short_name", "check_script", "country_label",
           "oblast_label"]

#: The label scripts a map may be drawn in: Latin, Russian, Ukrainian.
LABEL_SCRIPTS = ("en", "ru", "uk")
_WORD_BREAK = re.compile(r"([\s\-]+)")
_APOSTROPHES = "'’ʼ"


def check_script(script: str) -> str:
    """``script`` when it is one of :data:`LABEL_SCRIPTS`; ValueError otherwise."""
    if script not in LABEL_SCRIPTS:
        raise ValueError(f"labels must be one of {', '.join(LABEL_SCRIPTS)}, not {script!r}")
    return script


def short_name(name: str) -> str:
    """A label for a place: "Borisovka, Borisovsky District, Belgorod Oblast" -> "Borisovka";
    "Pesochny (Lgovsky District)" -> "Pesochny".

    >>> short_name("Pesochny (Lgovsky District)")
    'Pesochny'
    """
    short = name.split(",")[0].strip()
    head = short.split(" (")[0].strip() if short.endswith(")") else short
    return head or short


def romanise(text: str) -> str:
    """A Cyrillic name in Latin letters (apostrophes dropped), each word capitalised.

    >>> romanise("Велика Писарівка")
    'Velika Pisarivka'
    """
    parts = _WORD_BREAK.split(text.translate({ord(c): None for c in _APOSTROPHES}))
    return "".join(part if _WORD_BREAK.fullmatch(part) else transliterate(part.lower()).capitalize()
                   for part in parts)


@lru_cache(maxsize=1)
def _own_letters() -> dict[str, set[str]]:
    """Letters only Russian writes and letters only Ukrainian writes (the apostrophe is Ukrainian's)."""
    ru, uk = set(language("ru").alphabet), set(language("uk").alphabet)
    return {"ru": ru - uk, "uk": (uk - ru) | set(_APOSTROPHES), "all": ru | uk}


def _in_alphabets(text: str) -> bool:
    letters = _own_letters()["all"]
    return all(c in letters for c in text.lower() if c.isalpha())


def _candidates(name: str, alternates: Iterable[str]) -> list[str]:
    seen, out = set(), []
    for raw in (name, *alternates):
        text = short_name(raw or "")
        if text and "(" not in text and "." not in text and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def place_label(name: str, alternates: Iterable[str] = (), script: str = "en") -> str | None:
    """The label of a place called ``name`` (with its ``alternates``) in ``script``; None when a
    Cyrillic script is asked for and the place has no Cyrillic name."""
    names = _candidates(name, alternates)
    if script == "en":
        latin = [n for n in names if not is_cyrillic(n) and any(c.isalpha() for c in n)]
        if latin:
            return min(latin, key=lambda n: (not n.isascii(), latin.index(n)))
        return romanise(names[0]) if names else None
    other = "uk" if script == "ru" else "ru"
    letters = _own_letters()
    cyrillic = [n for n in names if is_cyrillic(n)]
    if not cyrillic:
        return None
    # a Belarusian spelling (a letter neither Russian nor Ukrainian writes) only when there is no other
    cyrillic = [n for n in cyrillic if _in_alphabets(n)] or cyrillic
    # this language's spelling first, then one without the other's letters, then the other's
    return min(cyrillic, key=lambda n: (bool(set(n.lower()) & letters[other]), not set(n.lower()) & letters[script],
                                        cyrillic.index(n)))


def country_label(code: str, english: str, script: str = "en") -> str:
    """A country's name in ``script``: the language resource's name for ``ru``/``uk``, else ``english``.

    >>> country_label("UA", "Ukraine", "en")
    'Ukraine'
    """
    if script != "en":
        for country in language(script).countries:
            if country.code == code and country.names:
                return country.names[0].capitalize()
    return english


def oblast_label(names: Iterable[str], script: str) -> str | None:
    """The "<adjective> <oblast word>" form among an oblast's ``names`` in a Cyrillic ``script``
    (the language resource's adjective endings and oblast word), if there is one."""
    lang = language(script)
    nouns = {a.word for a in lang.admin_words if Use.NAME in a.use and a.level is Level.OBLAST}
    endings = lang.oblast_adjective_endings[:1]
    for candidate in names:
        words = candidate.split()
        if (len(words) == 2 and words[1] in nouns and words[0].endswith(tuple(endings))
                and place_label(candidate, (), script) == candidate):
            return candidate
    return None
