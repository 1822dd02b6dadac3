"""Units speaking for themselves: a brigade, regiment, battalion, corps or division a report
attributes a figure to ("the 47th Brigade said", "according to the brigade", "по данным 155-й
бригады", "повідомили в 92-й бригаді"), named from the text, as the theatre's table cannot list every
unit::

    >>> cues = lambda text: tuple(m.span() for m in re.finditer("(?i)said|reported|по данным", text))
    >>> unit_claim("Two Russian soldiers surrendered, the 92nd Assault Brigade said.", "", cues)
    ('92nd Assault Brigade', '92nd Assault Brigade')
    >>> unit_claim("По данным 155-й бригады, уничтожено 30 солдат.", "", cues)
    ('Russian 155th brigade', '155-й бригады')
    >>> unit_claim("A Ukrainian brigade reported 40 Russians killed.", "", cues)
    ('Ukrainian brigade', 'brigade')

A numbered unit keeps its name as an English text writes it ("57th Separate Motorised Infantry
Brigade"), else its number and the English noun ("155th brigade"); a unit named without its number
("the brigade") is the last numbered unit of its kind the document names before, else the side
written right before it ("a Ukrainian brigade"), else it has no name. A unit counts only as the
speaker: right before a reporting word, with no clause break between ("the brigade's press service
said"), or right after one ("according to the brigade"), never as the unit that suffered ("soldiers of
the 47th Brigade were killed, it said").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.lang import LANGUAGES, alternation
from mapper.extract.voices import HOME_LETTERS

__all__ = ["unit_claim"]

_ATTRIBUTION = [lang.attribution for lang in LANGUAGES if lang.attribution.units]
_NOUNS = tuple(dict.fromkeys(noun for a in _ATTRIBUTION for noun in a.units))
_NOUN = "|".join(f"(?P<u{k}>{alternation(a.units[noun] for a in _ATTRIBUTION if noun in a.units)})"
                 for k, noun in enumerate(_NOUNS))
_UNIT = compile_with_first_chars(
    r"(?<!\w)(?:" + "|".join(f"{a.unit_number.replace('(?P<n>', f'(?P<n{k}>')}\\s+(?:{a.unit_words})"
                              for k, a in enumerate(_ATTRIBUTION)) + r")?(?:" + _NOUN + r")\w*")
_SIDES = [(side, re.compile(rf"(?i)(?<!\w)(?:{pattern})\s+$")) for lang in LANGUAGES
          for side, pattern in lang.sides.forces.items()]
_SIDE_AFTER = [(side, re.compile(rf"(?i)^\s+(?:{lang.sides.forces[side]})(?!\w)")) for lang in LANGUAGES
               for side in lang.sides.forces]
_LINKERS = frozenset(w for lang in LANGUAGES for w in lang.sides.linkers)
_PROPER = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]*\s+){1,4}$")
_BEFORE = 45        # a reporting word this close after a unit (no clause break between) makes it the speaker
_AFTER = 15         # ... and this close before it ("according to the brigade")
_BREAK = re.compile(r"[,;:.!?()«»\"\n]")


@lru_cache(maxsize=1024)
def _units(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Each unit a text names: start, end, its kind (English noun) and its name ("" for a bare noun)."""
    out = []
    for m in _UNIT.finditer(text):
        groups = m.groupdict()
        noun = _NOUNS[next(int(g[1:]) for g, v in groups.items() if g[0] == "u" and v)]
        number = next((v for g, v in groups.items() if g[0] == "n" and v), "")
        start, name = m.start(), ""
        if number:
            name = m.group() if m.group().isascii() else f"{_ordinal(int(number))} {noun}"
        elif m.group()[0].isupper() and (proper := _PROPER.search(text, max(0, start - 60), start)):
            words = proper.group().split()
            while words and words[0].lower() in _LINKERS:  # "The Russian Volunteer Corps"
                words.pop(0)
            if words:
                start, name = text.index(words[0], proper.start()), " ".join([*words, m.group()])
        if number:
            name = _with_side(text, m.start(), m.end(), name)
        out.append((start, m.end(), noun, name))
    return tuple(out)


def unit_claim(text: str, document: str, cues: Callable[[str], tuple[tuple[int, int], ...]]) -> tuple[str, str] | None:
    """The unit ``text`` attributes to (its name, or "" if it has none, and its words), or None.
    ``cues``: where a text's reporting words are (start, end)."""
    spots = cues(text)
    starts = [s for s, _ in spots]
    for start, end, noun, name in _units(text):
        i = bisect.bisect_left(starts, end)
        after = i < len(spots) and spots[i][0] - end <= _BEFORE and not _BREAK.search(text, end, spots[i][0])
        before = i > 0 and 0 <= start - spots[i - 1][1] <= _AFTER and not _BREAK.search(text, spots[i - 1][1], start)
        if after or before:
            return name or _bare(text, start, noun, document), text[start:end]
    return None


def _bare(text: str, start: int, noun: str, document: str) -> str:
    """The name of a unit named without its number: the last numbered one of its kind named before
    (in the document, else in the text), else its side's ("Ukrainian brigade")."""
    for source, end in ((document, document.find(text) + start if text in document else -1), (text, start)):
        named = [n for s, _, kind, n in _units(source) if n and kind == noun and s < end]
        if named:
            return named[-1]
    side = next((side for side, rx in _SIDES if rx.search(text, max(0, start - 30), start)), "")
    return f"{side.split()[0]} {noun}" if side else ""


def _with_side(text: str, start: int, end: int, name: str) -> str:
    """A numbered unit's name with its side: the side written next to it ("155-й бригады ВСУ"), else the
    side a text in a side's own letters speaks for ("47th brigade" in Ukrainian: Ukrainian)."""
    side = next((side for side, rx in _SIDES if rx.search(text, max(0, start - 30), start)), "") or next(
        (side for side, rx in _SIDE_AFTER if rx.match(text[end:end + 30])), "") or next(
        (side for rx, side in HOME_LETTERS if rx.search(text)), "")
    return f"{side.split()[0]} {name}" if side else name


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
