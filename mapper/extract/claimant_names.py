"""Where a theatre's claimants are named in a text: their names, office holders and bare offices,
found in one pass (see :mod:`mapper.extract.claimants` for who claims a figure).

A claimant's own names (``Claimant.aliases`` and ``patterns`` in the theatre file), each office
holder's, and the bare offices of the language resources ("the governor", "ОВА") make one pattern:
group ``c<i>`` names the i-th claimant, ``c<i>h<j>`` its j-th office holder, ``o<k>`` a bare office
of the k-th kind. Each start is tried only with the names that can begin there
(:meth:`~mapper._internal.anchored.AnchoredPattern.of_alternatives`)::

    >>> from gazetteer.theatres import default_theatre
    >>> names = ClaimantNames(default_theatre().claimants, {"governor": "[Gg]overnor"})
    >>> [(m.start, names.table[m.claimant].name, m.holder >= 0) for m in names.find("Governor Vyacheslav Gladkov said")]
    [(0, 'Belgorod Oblast governor', True)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from gazetteer.theatre import Claimant
from mapper._internal.anchored import AnchoredPattern, PatternSet
from mapper.extract import document_scan

__all__ = ["ClaimantNames", "Mention"]


class Mention(NamedTuple):
    """A claimant, office holder or bare office named in a text (a tuple: made many times a report)."""

    start: int
    end: int
    claimant: int       # index in the table, or -1 for a bare office
    holder: int = -1    # index of the office holder named, or -1
    office: str = ""    # the kind of a bare office


class ClaimantNames:
    """The names of a theatre's claimants (most specific first) and of the bare offices
    (``offices``: kind -> pattern), found in texts."""

    def __init__(self, claimants: Iterable[Claimant], offices: Mapping[str, str]):
        self.table = tuple(claimants)
        self.names = tuple(c.name for c in self.table)
        self._kinds = tuple(offices)
        alternatives = []
        for i, c in enumerate(self.table):
            own = "|".join([*map(re.escape, c.aliases), *c.patterns])
            if own:
                alternatives.append(f"(?P<c{i}>{own})")
            alternatives += [f"(?P<c{i}h{j}>{'|'.join(h.patterns)})" for j, h in enumerate(c.holders) if h.patterns]
        alternatives += [f"(?P<o{k}>{offices[kind]})" for k, kind in enumerate(self._kinds)]
        self.pattern = AnchoredPattern.of_alternatives(alternatives, r"(?<!\w)", r"(?!\w)")
        #: each name's group -> (claimant, holder, bare office) of its mention
        self._named = {group: (-1, -1, self._kinds[int(group[1:])]) if group[0] == "o" else
                       (int(group[1:].partition("h")[0]), int(group.partition("h")[2] or -1), "")
                       for group in self.pattern.regex.groupindex if re.fullmatch(r"c\d+(?:h\d+)?|o\d+", group)}
        self.regions = PatternSet({str(i): r"(?<!\w)(?:" + "|".join(c.regions) + r")"
                                   for i, c in enumerate(self.table) if c.regions})
        self.find = lru_cache(maxsize=4096)(self._mentions)
        # a document's sentences, paragraphs and lines are read from one pass over it
        document_scan.read_together(self.pattern, self.regions)

    @staticmethod
    def read(document: str) -> None:
        """Read ``document`` in one pass for the names in its parts asked next (its sentences, paragraphs,
        lines): the answers are those of each part read alone (:mod:`~mapper.extract.document_scan`)."""
        document_scan.read(document)

    def _mentions(self, text: str) -> tuple[Mention, ...]:
        """Every claimant and bare office named in ``text``, in order; a name right after its office
        ("губернатор Курской области Алексей Смирнов") joins it as one mention."""
        out: list[Mention] = []
        named = self._named
        for m in document_scan.finditer(self.pattern, text):
            claimant, holder, office = named[m.lastgroup]
            mention = Mention(m.start(), m.end(), claimant, holder, office)
            if out and _joins(out[-1], mention, text):
                mention = _join(out.pop(), mention, self.table)
            out.append(mention)
        return tuple(out)

    def _region_of(self, offices: tuple[str, ...], texts: Iterable[str]) -> int:
        """The claimant of one of ``offices`` whose region the first text naming one names first."""
        for text in texts:
            found = [(start, i) for start, i in self._regions_named(text) if self.table[i].office in offices]
            if found:
                return found[0][1]
        return -1

    @lru_cache(maxsize=1024)  # noqa: B019 - one table per theatre, kept for the run: read a text once
    def _regions_named(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where ``text`` first names each claimant's region, and the claimant, in order."""
        found = document_scan.finditer_each(self.regions, text)
        return tuple(sorted((hit[0].start(), int(i)) for i, hit in found.items() if hit))


def _joins(a: Mention, b: Mention, text: str) -> bool:
    """Two mentions next to each other ("Governor" "Vyacheslav Gladkov", "голова ОВА" "Олег Григоров")."""
    gap = text[a.end:b.start]
    if len(gap) > 3 or gap.strip(" ,") != "":
        return False
    return a.claimant < 0 or b.claimant < 0 or a.claimant == b.claimant


def _join(a: Mention, b: Mention, table: tuple[Claimant, ...]) -> Mention:
    named = a if a.claimant >= 0 else b
    bare = b if named is a else a
    if bare.claimant < 0 and named.claimant >= 0 and table[named.claimant].office not in ("", bare.office):
        named = Mention(named.start, named.end, named.claimant, named.holder)  # another office: keep the name's
    holder = max(a.holder, b.holder) if a.claimant == b.claimant else named.holder
    return Mention(a.start, b.end, named.claimant, holder, named.office or bare.office)
