"""ACLED's names and codes for our sides and countries (the mapping table of ``docs/EXPORT.md``).

ACLED names a state's forces by the regime's start year ("Military Forces of Russia (2000-)")
and civilians by their country ("Civilians (Ukraine)"); it codes countries by their ISO 3166-1
numeric code and gives the actor's kind in ``inter1`` (the text codes of ACLED's 2024 codebook)::

    >>> acled_actor("Russian forces", "UA"), acled_actor("Civilians", "RU"), acled_actor("Civilians", None)
    ('Military Forces of Russia (2000-)', 'Civilians (Russia)', 'Civilians')
    >>> acled_actor("Wagner Group", "UA"), actor_kind("Civilians"), actor_kind("Wagner Group")
    ('Wagner Group', 'Civilians', '')
    >>> COUNTRIES["UA"]
    AcledCountry(iso=804, iso3='UKR', name='Ukraine', region='Europe')
"""

from __future__ import annotations

from typing import NamedTuple

from mapper.model.loaders.actors import CIVILIANS, STATE_FORCES

__all__ = ["AcledCountry", "COUNTRIES", "STATE_FORCES", "CIVILIANS", "DISORDER_TYPES", "acled_actor",
           "actor_kind", "interaction"]


class AcledCountry(NamedTuple):
    """A country as ACLED codes it: ISO 3166-1 numeric, alpha-3 (the prefix of ``event_id_cnty``), name, region."""

    iso: int
    iso3: str
    name: str
    region: str


#: ISO 3166-1 alpha-2 code (a place's ``country_code``) -> ACLED's country. ACLED files Russia
#: and Ukraine (and Belarus) under the region "Europe".
COUNTRIES: dict[str, AcledCountry] = {
    "UA": AcledCountry(804, "UKR", "Ukraine", "Europe"),
    "RU": AcledCountry(643, "RUS", "Russia", "Europe"),
    "BY": AcledCountry(112, "BLR", "Belarus", "Europe"),
}

# Our side -> ACLED's actor name, and our side for civilians: one table for the writer and the ACLED
# loader (mapper.model.loaders.actors), so that a file written and read back gives the side again.
#: ACLED event type -> its disorder type (ACLED codebook 2024).
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def acled_actor(side: str, country_code: str | None) -> str:
    """ACLED's name of our ``side`` (the side that suffered); a side not in the table is kept as it is."""
    if side == CIVILIANS:
        country = COUNTRIES.get((country_code or "").upper())
        return f"Civilians ({country.name})" if country else CIVILIANS
    return STATE_FORCES.get(side, side)


def actor_kind(side: str) -> str:
    """ACLED's ``inter`` code (text form) of our side: "State forces", "Civilians", else ''."""
    if side == CIVILIANS:
        return "Civilians"
    return "State forces" if side in STATE_FORCES else ""


def interaction(kind1: str, kind2: str) -> str:
    """ACLED's ``interaction`` text: "State forces-Civilians", or "State forces only" with no second actor.

    >>> interaction("State forces", ""), interaction("State forces", "Civilians"), interaction("", "")
    ('State forces only', 'State forces-Civilians', '')
    """
    if not kind1:
        return ""
    return f"{kind1}-{kind2}" if kind2 else f"{kind1} only"
