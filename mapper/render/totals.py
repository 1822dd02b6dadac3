"""Running totals in the outputs: kept in the events files, never drawn or summed as incidents.

A running total ("since August 6, 9,000 personnel") sums many incidents over a period; drawn at one
place or added to the day's figures it would double count them. The map, the slides and the ``run``
summary leave such events out and say how many they left out::

    >>> from mapper.model.events import Event
    >>> shown, left_out = split_totals([Event("a", "d", killed=2), Event("b", "d", killed=900, cumulative=True)])
    >>> [e.event_id for e in shown], left_out
    (['a'], 1)
    >>> running_totals_note(3)
    '3 running totals not mapped'
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["split_totals", "running_totals_note"]


def split_totals(events: Iterable) -> tuple[list, int]:
    """The incidents among ``events`` (in order) and how many running totals were left out."""
    events = list(events)
    shown = [ev for ev in events if not ev.cumulative]
    return shown, len(events) - len(shown)


def running_totals_note(count: int, *, verb: str = "not mapped") -> str:
    """"3 running totals not mapped" (the words the outputs use for what they leave out)."""
    return f"{count} running total{'s' if count != 1 else ''} {verb}"
