"""What the spotting tests compare: the names a spotter finds, with how it found each."""

from __future__ import annotations


def spotted(spotter, text: str) -> list[tuple[str, str]]:
    """``(text, how)`` of every name the spotter finds in ``text``, in order."""
    return [(s.text, s.how) for s in spotter.spot(text)]
