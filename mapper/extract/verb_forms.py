"""What grammar says of a Russian or Ukrainian casualty verb: whether its people are its object, its
subject is the one who struck, and whether it is plural (pymorphy3's likeliest parses).

    >>> takes_object("ранили"), takes_object("погибли"), active_transitive("вбив"), plural_verb("поранені")
    (True, False, True, True)
"""

from __future__ import annotations

from functools import lru_cache

from gazetteer.morphology import top_grammemes

__all__ = ["takes_object", "active_transitive", "plural_verb"]


@lru_cache(maxsize=2_000)
def takes_object(verb: str) -> bool:
    """A Russian or Ukrainian casualty verb whose people stand in the accusative: transitive
    ("ранили женщину"; "вбив", unmarked in the Ukrainian dictionary, is a Russian transitive gerund)
    or impersonal ("поранено чоловіка", "ранено мужчину")."""
    return any("Impe" in tag or ("PRTS" in tag and "neut" in tag) or ("tran" in tag and tag & {"VERB", "GRND"})
               for tag in top_grammemes(verb))


@lru_cache(maxsize=2_000)
def active_transitive(verb: str) -> bool:
    """An active casualty verb taking an object ("ранил", "вбив"): its subject struck, it was not struck."""
    tags = top_grammemes(verb)
    return not any({"Impe", "pssv", "PRTS"} & tag for tag in tags) and any(
        "tran" in tag and tag & {"VERB", "GRND"} for tag in tags)


@lru_cache(maxsize=2_000)
def plural_verb(verb: str) -> bool:
    """A Russian or Ukrainian casualty verb or participle in the plural ("погибли", "поранені")."""
    return any("plur" in tag and tag & {"VERB", "PRTS", "ADJF"} for tag in top_grammemes(verb))
