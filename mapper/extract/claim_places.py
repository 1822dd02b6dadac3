"""One claim, one place: the figures of a sentence that names places far apart go to their own places.

"Five people were killed in Kharkiv and 20 wounded in Odesa" is two claims, not one plotted halfway
between the cities. Each figure takes the places of its own part of the sentence: a place goes to
the figure whose words are nearest it (the earlier one on a tie), so a place before its figure ("In
Kharkiv, five people were killed, and in Odesa ...") and one after it both find their figure. The
sentence is split only when it must be: it has several figures, names places more than
:data:`SPLIT_KM` apart, and every part names a place; otherwise all its figures share all its places,
as before (villages named together are one area)::

    >>> from types import SimpleNamespace as Ns
    >>> kharkiv = Ns(start=25, end=32, resolution=Ns(resolved=True), place=Ns(latitude=49.99, longitude=36.23))
    >>> odesa = Ns(start=50, end=55, resolution=Ns(resolved=True), place=Ns(latitude=46.48, longitude=30.72))
    >>> killed, wounded = Ns(start=0, end=21), Ns(start=38, end=48)
    >>> [(len(f), [p.start for p in s]) for f, s in places_by_figure([killed, wounded], [kharkiv, odesa], 0)]
    [(1, [25]), (1, [50])]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import TypeVar

from gazetteer.place import haversine_km

__all__ = ["SPLIT_KM", "places_by_figure"]

#: Places farther apart than this are separate sites, not one area ("near Plekhovo and Martynovka").
SPLIT_KM = 25.0

F = TypeVar("F")
M = TypeVar("M")


def places_by_figure(figures: Sequence[F], sites: Sequence[M], offset: int) -> list[tuple[list[F], list[M]]]:
    """``(figures, their places)`` groups of one sentence's claim.

    ``figures`` have ``start``/``end`` relative to the sentence, which starts at ``offset`` in the
    report; ``sites`` are its place mentions (``start``/``end`` in the report, ``resolution``,
    ``place``). One group with everything unless the sentence must be split (see the module doc).
    """
    if len(figures) < 2 or len(sites) < 2 or not _far_apart(sites):
        return [(list(figures), list(sites))]
    ordered = sorted(range(len(figures)), key=lambda i: figures[i].start)
    own: dict[int, list[M]] = {i: [] for i in ordered}
    for site in sites:
        a, b = site.start - offset, site.end - offset
        nearest = min(ordered, key=lambda i: (_gap(figures[i], a, b), figures[i].start))
        own[nearest].append(site)
    if any(not places for places in own.values()):
        return [(list(figures), list(sites))]  # a figure whose part names no place: one claim, as written
    groups: dict[tuple[int, ...], tuple[list[F], list[M]]] = {}
    for i in ordered:  # figures of the same places stay one claim
        key = tuple(id(p) for p in own[i])
        groups.setdefault(key, ([], own[i]))[0].append(figures[i])
    return list(groups.values())


def _gap(figure, a: int, b: int) -> int:
    """Characters between a figure's words and a place at ``a:b`` (0 when they touch)."""
    return max(0, a - figure.end, figure.start - b)


def _far_apart(sites) -> bool:
    points = [(m.place.latitude, m.place.longitude) for m in sites if m.resolution.resolved and m.place is not None]
    return any(haversine_km(*p, *q) > SPLIT_KM for p, q in combinations(points, 2))
