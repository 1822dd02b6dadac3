"""ACLED's ``event_type`` and ``sub_event_type`` of a claim, from the words that say how the
casualties were caused.

The cause is read in the claim's sentence, else in its paragraph; where several are named, the one
nearest the claim's figures wins ("killed by shelling ... an ambulance struck by a drone": each
figure takes its own). Where the text names no cause, the claim is ACLED's *Strategic developments /
Other*: a casualty count with no stated violence is not guessed into a type (see docs/EXPORT.md)::

    >>> def kind(text): return event_type_of(text, (0, len(text)))
    >>> kind("Two civilians were killed by a Russian drone in Sudzha.")
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> kind("Троє бійців загинули у боях за село.")
    ('Battles', 'Armed clash')
    >>> kind("A woman died. She was 60.")
    ('Strategic developments', 'Other')

The words are every language's :class:`~mapper.extract.lang.schema.EventKinds`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from mapper._internal.anchored import AnchoredPattern
from mapper._internal.casefold import fold, lowered
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.cumulative import MONTH_NUMBERS, period_kind
from mapper.extract.lang import LANGUAGES, alternation, alternatives

__all__ = ["event_type_of", "KINDS", "NO_CAUSE"]

#: (resource field, ACLED event type, ACLED sub-event type); on a tie of distance the first wins.
KINDS = (
    ("attack", "Violence against civilians", "Attack"),
    ("abduction", "Violence against civilians", "Abduction/forced disappearance"),
    ("explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("air", "Explosions/Remote violence", "Air/drone strike"),
    ("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("clash", "Battles", "Armed clash"),
    ("gunfire", "Battles", "Armed clash"),  # an Attack when civilians suffered: see event_type_of
)
#: What a claim is when the text gives no cause.
NO_CAUSE = ("Strategic developments", "Other")

#: each cause word in a group of its own ("air_3": the fourth word of the kind "air"), in the kinds' order
_CAUSE_WORDS = [f"(?P<{name}_{i}>{word})" for name, _, _ in KINDS
                for i, word in enumerate(alternatives(getattr(lang.kinds, name) for lang in LANGUAGES))]
_CAUSE = AnchoredPattern.of_alternatives(_CAUSE_WORDS, r"(?<![\w'’-])", r"(?![\w'’])")  # on lower-cased text
_AIR = compile_with_first_chars(rf"(?<![\w'’-])(?:{alternation(lang.kinds.air for lang in LANGUAGES)})(?![\w'’])",
                                re.IGNORECASE)
_TYPES = {name: (kind, sub) for name, kind, sub in KINDS}
#: How far from its sentence a claim with no cause of its own looks for one in the report.
_REACH = 1500
#: A number right before a weapon's word: the weapons are counted (destroyed, shot down), not the cause.
_COUNTED = re.compile(r"\d[\d\s.,]*(?:\s+[^\W\d_]+){0,2}\s+$")
_WORD = re.compile(r"[^\W\d_]+")
#: Cause words apart only by a comma or a short word are one list ("artillery, MLRS and aviation").
_LIST_GAP = re.compile(r"\s*,?\s*(?:[^\W\d_]{1,4}\s+)?")
#: The side the theatre files name for civilians (:mod:`mapper.extract.sides`).
_CIVILIANS = "Civilians"
_ORDER = {name: i for i, (name, _, _) in enumerate(KINDS)}


def _nearest(text: str, at: tuple[int, int], lo: int = 0, hi: int | None = None, *,
             earlier_first: bool = False) -> str | None:
    """The kind (a :data:`KINDS` name) of the cause word in ``text[lo:hi]`` nearest the span ``at``, or None;
    with ``earlier_first``, the nearest one before ``at`` if there is one (a sentence with no cause of
    its own speaks of the attack told before it)."""
    best, listed = None, None
    starts, causes, counted = _causes(text)
    hi = len(text) if hi is None else hi
    for i in range(bisect.bisect_left(starts, lo), len(causes)):
        start, end, kind, from_air = causes[i]
        if start >= hi:
            break
        if end > hi:
            continue
        after = start >= at[1]
        distance = max(at[0] - end, start - at[1], 0)
        key = (earlier_first and after, distance, _ORDER[kind])
        if counted[i] is None:  # read for the cause words a claim looks at, once each
            counted[i] = _counted(text, start)
        if counted[i]:
            continue  # "12 artillery pieces", "shot down 35 drones": things counted, not the cause
        if earlier_first and not after and listed and _LIST_GAP.fullmatch(text, listed[0], start):
            key = listed[1]  # a list of weapons told before: its first names the attack
        elif not after:
            listed = [end, key]
        if listed:
            listed[0] = end
        if from_air:
            key = (key[0], key[1], _ORDER["air"])  # "a drone dropped an explosive device": from the air
            kind = "air"
        if best is None or key < best[0]:
            best = (key, kind)
    return best[1] if best else None


@lru_cache(maxsize=4)
def _causes(text: str) -> tuple[list[int], list[tuple[int, int, str, bool]], list[bool | None]]:
    """The cause words of a report, read once for all its claims: their starts; for each its
    start, end, kind and whether an explosive came from the air; and for each whether a number
    counts it (None until a claim looks at it: most are far from every claim)."""
    lowered = _lowered(text)
    # lower case is idempotent, so the fold of the lowered text is the text's (tests/mapper/_internal)
    found = _CAUSE.finditer(lowered, folded=fold(text)) if lowered is not None else _cause_any_case().finditer(text)
    rows = []
    for m in found:
        kind = m.lastgroup.rpartition("_")[0]  # the group "air_3" is a word of the kind "air"
        rows.append((m.start(), m.end(), kind,
                     kind == "explosive" and _AIR.search(text, max(0, m.start() - 40), m.start()) is not None))
    return [row[0] for row in rows], rows, [None] * len(rows)


@lru_cache(maxsize=1)
def _cause_any_case() -> re.Pattern:
    """:data:`_CAUSE` ignoring case, for the rare text whose lower case moves offsets (no automaton
    then: the fold it would read moves them too)."""
    return re.compile(_CAUSE.regex.pattern, re.IGNORECASE)


def _counted(text: str, start: int) -> bool:
    """Whether a number right before ``start`` counts the weapon named there ("35 drones"), not a
    time ("at 9:40 a drone") or a date ("on 18 May drones", "May 25 that shelling")."""
    m = _COUNTED.search(text, max(0, start - 30), start)
    if not m:
        return False
    if text[max(0, m.start() - 1):m.start()] in (":", "."):
        return False  # "9:40", "13.05"
    before = _WORD.findall(text[max(0, m.start() - 15):m.start()].lower())
    words = _WORD.findall(text[m.start():start].lower()) + before[-1:]
    return not any(w in MONTH_NUMBERS for w in words)


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """The report lower-cased, once for all its claims (None when that would move offsets)."""
    low = lowered(text)
    return low if len(low) == len(text) else None


def event_type_of(text: str, sentence: tuple[int, int], at: tuple[int, int] | None = None, *,
                  paragraph: tuple[int, int] | None = None, actor: str = "", categories=(),
                  total: bool = False) -> tuple[str, str]:
    """``(event_type, sub_event_type)`` of a claim made in ``text[sentence[0]:sentence[1]]``, its
    figures at ``at`` (a span of ``text``; the whole sentence if None).

    Civilians taken captive are an abduction, whatever the raid that took them. Small-arms fire and
    sabotage raids are an attack on civilians when civilians suffered, else a clash. Where the
    sentence names no cause: a running total (``total``) is :data:`NO_CAUSE` (it sums many
    incidents), and so are people missing (nothing says what befell them); other casualties take the
    cause of the attack their paragraph tells (before them, else after); else the losses or prisoners
    of an armed force (an ``actor`` other than civilians) are a battle, as ACLED codes a force's
    losses at the front; else the cause the report names near them (a post
    that opens with the attack and lists its casualties below); else :data:`NO_CAUSE`.

    >>> text = "Five were killed by shelling; a drone later hit the ambulance."
    >>> event_type_of(text, (0, len(text)), (0, 16))
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    >>> text = "The enemy lost up to 120 servicemen."
    >>> event_type_of(text, (0, len(text)), actor="Russian forces")
    ('Battles', 'Armed clash')
    """
    categories = set(categories)
    if "captured" in categories and actor == _CIVILIANS:
        return _TYPES["abduction"]  # whatever the raid that took them
    low = text  # (the patterns ignore case: the report is not lower-cased once per claim)
    found = _nearest(low, at or sentence, *sentence)
    if found:
        return _type(found, actor)
    if total or (categories and categories <= {"missing"}):
        return NO_CAUSE
    if actor and actor != _CIVILIANS and period_kind(text[sentence[0]:sentence[1]], _within(at or sentence, sentence)) \
            in ("day", "week"):
        return _TYPES["clash"]  # a force's losses of a day's or a week's bulletin: the front's fighting
    if paragraph:  # (within reach: a paragraph of thousands of claims is not read once for each)
        lo, hi = max(paragraph[0], sentence[0] - _REACH), min(paragraph[1], sentence[1] + _REACH)
        found = _nearest(low, sentence, lo, hi, earlier_first=True)
    if not found and actor and actor != _CIVILIANS:
        return _TYPES["clash"]
    if not found:
        found = _nearest(low, sentence, max(0, sentence[0] - _REACH), sentence[1] + _REACH, earlier_first=True)
    return _type(found, actor) if found else NO_CAUSE


def _within(at: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int]:
    return at[0] - sentence[0], at[1] - sentence[0]


def _type(kind: str, actor: str) -> tuple[str, str]:
    """ACLED's types of a cause: gunfire on civilians is an attack on them, between forces a clash."""
    return _TYPES["attack" if kind == "gunfire" and actor == _CIVILIANS else kind]
