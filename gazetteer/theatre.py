"""What a theatre of operations is, as typed values: the area, its sides, claimants and map view.

A :class:`Theatre` is read from a TOML file (:func:`gazetteer.theatres.load_theatre`); the
default one is ``gazetteer/data/theatres/kursk_border.toml``
(:func:`gazetteer.theatres.default_theatre`). Built by hand::

    >>> side = Side("Civilians", "#009E73", aliases=("Civilian population",))
    >>> t = Theatre("Test", (49.0, 35.0, 50.0, 36.0), frozenset({"UA"}), frozenset(), sides=(side,))
    >>> t.side_of("Civilian population"), t.colour_of("Civilians"), t.colour_of("Martians")
    ('Civilians', '#009E73', '#6B6B6B')
    >>> t.view.centre                      # no [view]: the middle of the bounding box
    (49.5, 35.5)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from gazetteer.place import Place

__all__ = ["Theatre", "Side", "Claimant", "Holder", "MapView", "CityDistrict", "OTHER_SIDE_COLOUR"]

#: The colour of an event whose side is not stated or is none of the theatre's sides, unless the
#: theatre file gives its own (``other_side_colour``).
OTHER_SIDE_COLOUR = "#6B6B6B"


@dataclass(frozen=True)
class Side:
    """A side whose casualties are mapped: the actor name events carry, its colour (``#RRGGBB``)
    and other names of the same side (events from other tools) that get the same colour."""

    name: str
    colour: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Holder:
    """A person who held a claimant's office: the name shown after the office ("Kursk Oblast governor
    (Alexei Smirnov)"), how reports write the name (``patterns``, regular expressions) and, where
    known, the first and last day in office (ISO dates; "" = not known), so that "the governor" of a
    report resolves to the holder of its day.

    >>> h = Holder("Alexei Smirnov", ("Smirnov",), "2024-05-15", "2024-12-05")
    >>> h.held_on(date(2024, 8, 20)), h.held_on(date(2025, 1, 10)), Holder("X").held_on(date(2024, 1, 1))
    (True, False, False)
    """

    name: str
    patterns: tuple[str, ...] = ()
    start: str = ""
    end: str = ""

    def held_on(self, day: date | None) -> bool:
        """Whether the person is known to have held the office on ``day`` (False without dates)."""
        if day is None or not (self.start or self.end):
            return False
        return (not self.start or self.start <= day.isoformat()) and (not self.end or day.isoformat() < self.end)


@dataclass(frozen=True)
class Claimant:
    """Who reports casualties: the name ``claimed_by`` gets, the side it speaks for (or ""), and
    how reports name it: ``aliases`` are literal words (offices, acronyms, people), ``patterns``
    regular expressions (inflected forms, spelling variants). Both are matched case-sensitively
    at the start of a word, as written.

    ``office``: the kind of office ("governor", "military administration") a report may name without
    its region ("the governor said"); ``regions``: patterns naming the region it heads, which resolve
    such a bare office; ``holders``: the people who held it (:class:`Holder`). ``needs_verb``: named
    only as a country or a vague group ("Ukraine", "Russian officials"), so it counts only right next
    to a reporting verb ("Ukraine said"). ``voice``: the kind of post it is the author of when the post
    names no claimant (:mod:`mapper.extract.voices`): "front" (a fighter or a military blogger writing of
    "our guys"; the row of the author's side, else the one with no side), "community" (a community
    head whose community the post does not name), "digest" (a news digest's own item), "news" (a news
    story's own figure); such a row needs no aliases nor patterns."""

    name: str
    side: str = ""
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    office: str = ""
    regions: tuple[str, ...] = ()
    holders: tuple[Holder, ...] = ()
    needs_verb: bool = False
    voice: str = ""


@dataclass(frozen=True)
class CityDistrict:
    """A district (raion) of a city: the gazetteer has no point of its own for it, so it is placed at
    its city's point (see :mod:`gazetteer.city_districts`). ``names``: the district's adjective as
    reports write it (English, Ukrainian, Russian; "Saltivskyi", "Салтівський", "Салтовский");
    ``city_id``: the gazetteer id of the city's point; ``shared``: other cities have a district of the
    same name ("Kyivskyi"), so it is placed only when the text names the city or its oblast;
    ``source``: where the fact comes from (a URL)."""

    city: str
    city_id: str
    names: tuple[str, ...]
    shared: bool = False
    source: str = ""


@dataclass(frozen=True)
class MapView:
    """Where a map opens when it has no events to fit: ``centre`` (lat, lon) and a Leaflet zoom."""

    centre: tuple[float, float]
    zoom: int = 8


@dataclass(frozen=True)
class Theatre:
    """An area of operations: a bounding box, its countries and favoured oblasts, what to draw,
    the sides with their colours, the claimants, and the map's default view.

    ``bbox`` is ``(south, west, north, east)`` in degrees; ``admin1_codes`` are the GeoNames
    admin1 codes favoured when a name has several candidates. Equality covers every field; the
    hash only the area (cheap: resolution caches are keyed by contexts holding the theatre).
    """

    name: str
    bbox: tuple[float, float, float, float]
    countries: frozenset[str]
    admin1_codes: frozenset[str]
    #: ``(layer, files)`` to draw (see :mod:`gazetteer.theatres`)
    boundaries: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: gazetteer files imported into the index before a run
    gazetteer_files: tuple[str, ...] = ()
    sides: tuple[Side, ...] = ()
    claimants: tuple[Claimant, ...] = ()
    map_view: MapView | None = None
    other_side_colour: str = OTHER_SIDE_COLOUR
    #: districts of the theatre's cities, placed at their city's point
    city_districts: tuple[CityDistrict, ...] = ()

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        """Computed once: every resolution cache look-up hashes the theatre of its context."""
        return hash((self.name, self.bbox, self.countries, self.admin1_codes))

    def __getstate__(self) -> dict:
        """Pickled without the hash: string hashes differ from one process to the next."""
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    def contains(self, place: Place, *, margin: float = 0.0) -> bool:
        """Whether a place lies in the box (grown by ``margin`` degrees on every side)."""
        return self.contains_point(place.latitude, place.longitude, margin=margin)

    def contains_point(self, latitude: float, longitude: float, *, margin: float = 0.0) -> bool:
        """Whether a point lies in the box (grown by ``margin`` degrees on every side).

        >>> t = Theatre("T", (50.0, 35.0, 51.0, 36.0), frozenset(), frozenset())
        >>> t.contains_point(50.5, 35.5), t.contains_point(51.5, 35.5), t.contains_point(51.5, 35.5, margin=1)
        (True, False, True)
        """
        south, west, north, east = self.bbox
        return (south - margin <= latitude <= north + margin) and (west - margin <= longitude <= east + margin)

    @property
    def view(self) -> MapView:
        """The map's default view: the file's ``[view]``, else the middle of the bounding box."""
        if self.map_view is not None:
            return self.map_view
        south, west, north, east = self.bbox
        return MapView(((south + north) / 2, (west + east) / 2))

    @cached_property
    def colours(self) -> dict[str, str]:
        """``side name -> colour`` in the file's order, then ``"" -> other_side_colour`` (do not change it)."""
        return {**{s.name: s.colour for s in self.sides}, "": self.other_side_colour}

    @cached_property
    def _side_names(self) -> dict[str, str]:
        names = {alias: s.name for s in reversed(self.sides) for alias in s.aliases}
        return {**names, **{s.name: s.name for s in self.sides}}

    def side_of(self, actor: str | None) -> str:
        """The side an actor name (or alias) stands for; "" when it is none of the theatre's sides."""
        return self._side_names.get(actor or "", "")

    def colour_of(self, actor: str | None) -> str:
        """The colour of an actor's side (:attr:`other_side_colour` for an unknown or empty one)."""
        return self.colours[self.side_of(actor)]
