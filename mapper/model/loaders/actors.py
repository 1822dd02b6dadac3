"""ACLED's and UCDP GED's names of the theatre's sides, written once for the readers and the writers.

ACLED names a state's forces by the regime's start year ("Military Forces of Russia (2000-)") and
civilians by their country ("Civilians (Ukraine)"); UCDP GED names a state's side by its government
("Government of Russia (Soviet Union)"). The ACLED and GED writers (``mapper/render/export``) write
these names for our sides (the theatre's ``[[sides]] name``) and the loaders read them back to the
same sides, so a write and a read give the side again. A name neither table knows is kept as it is::

    >>> side_of_acled("Military Forces of Russia (2000-)"), side_of_acled("Civilians (Ukraine)")
    ('Russian forces', 'Civilians')
    >>> side_of_acled("Military Forces of Ukraine (2014-2019)"), side_of_acled("Wagner Group")
    ('Ukrainian forces', 'Wagner Group')
    >>> side_of_ged("Government of Russia (Soviet Union)"), side_of_ged("IS")
    ('Russian forces', 'IS')
    >>> all(side_of_acled(STATE_FORCES[s]) == s and side_of_ged(GED_GOVERNMENTS[s]) == s for s in STATE_FORCES)
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["STATE_FORCES", "STATES", "GED_GOVERNMENTS", "CIVILIANS", "side_of_acled", "side_of_ged", "side_of"]

#: Our side for civilians; ACLED adds the country of the event in brackets.
CIVILIANS = "Civilians"
#: Our side -> ACLED's actor name for that state's forces (the current regime's).
STATE_FORCES: dict[str, str] = {
    "Russian forces": "Military Forces of Russia (2000-)",
    "Ukrainian forces": "Military Forces of Ukraine (2019-)",
    "North Korean forces": "Military Forces of North Korea (2011-)",
}
#: The state's name in ACLED's and UCDP's actor names -> our side (any regime of that state).
STATES: dict[str, str] = {
    "Russia": "Russian forces", "Russia (Soviet Union)": "Russian forces",
    "Ukraine": "Ukrainian forces",
    "North Korea": "North Korean forces",
}
#: Our side -> UCDP GED's name of its government (GED's ``side_a`` / ``side_b``).
GED_GOVERNMENTS: dict[str, str] = {
    "Russian forces": "Government of Russia (Soviet Union)",
    "Ukrainian forces": "Government of Ukraine",
    "North Korean forces": "Government of North Korea",
}
_ACLED_FORCES = re.compile(r"(?:Military|Police) Forces of (?P<state>.+?) \(\d{4}-(?:\d{4})?\)")
_ACLED_CIVILIANS = re.compile(r"Civilians(?: \([^()]+\))?")
_GED_GOVERNMENT = re.compile(r"Government of (?P<state>.+)")


def side_of_acled(name: str) -> str:
    """Our side of an ACLED actor name: a state's military or police forces of any regime, civilians
    of any country; any other name as it is."""
    name = " ".join(name.split())
    forces = _ACLED_FORCES.fullmatch(name)
    if forces and forces["state"] in STATES:
        return STATES[forces["state"]]
    return CIVILIANS if _ACLED_CIVILIANS.fullmatch(name) else name


def side_of_ged(name: str) -> str:
    """Our side of a UCDP GED side name ("Government of Ukraine"); any other name as it is."""
    name = " ".join(name.split())
    government = _GED_GOVERNMENT.fullmatch(name)
    if government and government["state"] in STATES:
        return STATES[government["state"]]
    return CIVILIANS if name.lower() == "civilians" else name


@lru_cache(maxsize=4096)
def side_of(name: str) -> str:
    """Our side of an actor named as ACLED or UCDP GED name them (any table's side column); any other name
    as it is.

    >>> side_of("Military Forces of North Korea (2011-)"), side_of("Government of Ukraine"), side_of("NK troops")
    ('North Korean forces', 'Ukrainian forces', 'NK troops')
    """
    return side_of_acled(side_of_ged(name))
