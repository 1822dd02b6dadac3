"""Which words name an oblast: the heads of front "directions" are read as oblasts only when they do.

"the Kursk direction" is Kursk Oblast, but "the Kupiansk axis" is the front sector named after a town::

    >>> names_oblast("Kursk"), names_oblast("Kupiansk")
    (True, False)

The names come from the bundled GeoNames admin codes (first-level areas of Russia, Ukraine and Belarus).
"""

from __future__ import annotations

from functools import lru_cache

from gazetteer import lang
from gazetteer.normalize import name_key

__all__ = ["names_oblast"]

_OBLAST_WORD = lang.admin_words(lang.Use.NAME, lang.Level.OBLAST)[-1]
_COUNTRIES = ("RU", "UA", "BY")


@lru_cache(maxsize=1)
def _oblast_head_keys() -> frozenset[str]:
    """Name keys of the first words of the oblasts' names (Russia, Ukraine, Belarus), also without
    their adjective ending: "Kurskaya oblast'" gives kurska and kursk, "Харківська" harkivska and harkiv."""
    from gazetteer.loaders.admin_codes import read_admin_codes
    from gazetteer.paths import ADMIN_CODES_FILE

    endings = tuple(name_key(e) for la in lang.languages() for e in la.place_adjective_endings)
    keys: set[str] = set()
    for code in read_admin_codes(ADMIN_CODES_FILE):
        if code.level != 1 or code.country_code not in _COUNTRIES:
            continue
        for name in (code.name, *code.alternate_names):
            words = name_key(name).split()
            if len(words) == 2 and words[1] == lang.Level.OBLAST.value:
                keys.add(words[0])
                keys.add(words[0].removesuffix("a"))
                keys.update(words[0][: -len(e)] for e in endings if words[0].endswith(e) and len(words[0]) > len(e) + 2)
    return frozenset(keys)


@lru_cache(maxsize=4096)
def names_oblast(head: str) -> bool:
    """Does the word before a front "direction" name an oblast (in any case form)?

    >>> names_oblast("Kursk"), names_oblast("Курском"), names_oblast("Харківському"), names_oblast("Kupiansk")
    (True, True, True, False)
    """
    from gazetteer.morphology import nominative_candidates

    keys = _oblast_head_keys()
    forms = nominative_candidates(head + " " + _OBLAST_WORD) if not head.isascii() else (head,)
    return any(name_key(form.split()[0]) in keys for form in forms)
