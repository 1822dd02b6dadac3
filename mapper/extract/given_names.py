"""Given names, to tell a person from a place in Latin script ("Victoria and her son were wounded").

Cyrillic words have grammar to ask (pymorphy3 tags first names, see :mod:`mapper.extract.not_places`);
English has none. The first-name lists of Faker's person providers (MIT licensed, maintained; the
English ones drawn from US and UK name statistics) are read for the languages reports name people
in, every script, and compared by :func:`gazetteer.normalize.name_key`, so "Olga", "Olha" and the
Cyrillic spelling are one name::

    >>> is_given_name("Victoria"), is_given_name("Olha"), is_given_name("Natalia"), is_given_name("Sudzha")
    (True, True, True, False)

The list is read once, when first asked (about half a second).
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from gazetteer.normalize import name_key

__all__ = ["is_given_name"]

#: Faker locales whose first names are read: English, the languages of the theatre, and those of
#: the officials and reporters English-language wires quote most.
_LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "ru_RU", "uk_UA", "de_DE", "fr_FR", "es_ES", "it_IT",
            "pt_PT", "nl_NL", "pl_PL", "cs_CZ")
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female")
#: Keys this short match too much by accident ("Ula", "Ia"): no given name at all then.
_MIN_KEY = 3


@lru_cache(maxsize=1)
def _keys() -> frozenset[str]:
    keys: set[str] = set()
    for locale in _LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:  # a locale a later Faker drops: the others still count
            continue
        for attribute in _ATTRIBUTES:
            keys.update(k for name in getattr(provider, attribute, ()) if len(k := name_key(name)) >= _MIN_KEY)
    return frozenset(keys)


@lru_cache(maxsize=20_000)
def is_given_name(word: str) -> bool:
    """Is ``word`` (one capitalised word, any script) a first name people are given?"""
    return name_key(word) in _keys()
