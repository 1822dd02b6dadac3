"""The words of a text that name sides, read once (see :mod:`mapper.extract.sides`).

:class:`ActorClues` finds, in one text, the tokens the language resources
(:class:`~mapper.extract.lang.schema.Sides`) name: sides' forces and states, the enemy, our side,
military nouns, civilians and people, loss nouns and verbs, weapons and attack verbs, agents and
sources; and the role of each side named (attacker, source, or one that may have suffered)::

    >>> clues = ActorClues("A Russian drone hit a bus; Ukrainian losses were heavy.")
    >>> [(t.side, clues.role(t)) for t in clues.tokens if t.kind == "forces"]
    [('Russian forces', 'attacker'), ('Ukrainian forces', '')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from mapper._internal.anchored import AnchoredPattern, PatternSet
from mapper.extract import document_scan
from mapper.extract.lang import LANGUAGES, alternatives, words

if TYPE_CHECKING:  # the reader holds clues; clues only name it in a type
    from mapper.extract.sides import SideReader

__all__ = ["ActorClues", "ACTOR_CLASSES", "CIVILIANS"]

CIVILIANS = "Civilians"
_SIDES = [lang.sides for lang in LANGUAGES]
_SIDE_NAMES = words([*s.forces, *s.states] for s in _SIDES)
ACTOR_CLASSES = _SIDE_NAMES + (CIVILIANS,)

# token kinds
_FORCES, _STATE, _ENEMY, _OWN = "forces", "state", "enemy", "own"
_PARTIES = (_FORCES, _STATE, _ENEMY, _OWN)
_MIL, _CIV, _PPL, _LOSS, _LOST = "military", "civilians", "people", "losses", "lost"
_WPN, _ATK, _AGT, _SPK, _REP = "weapons", "attacks", "agents", "speakers", "reporting"


def _anchored(words: list[str]) -> AnchoredPattern:
    """The alternatives ``words`` standing alone, in any case; each start of a text is tried with only
    the alternatives that can begin there."""
    return AnchoredPattern.of_alternatives(words, r"(?i)(?<![\w/])", r"(?![\w/])")


def _side_words(field: str) -> list[str]:
    """Each side's words, each in a group ``s<i>_<j>`` naming the side (``_SIDE_NAMES[i]``)."""
    return [f"(?P<s{i}_{j}>{word})" for i, name in enumerate(_SIDE_NAMES)
            for j, word in enumerate(alternatives(getattr(s, field).get(name, "") for s in _SIDES))]


#: every kind of token, read from a text in one pass (their starts found by one automaton)
_KINDS = PatternSet({_FORCES: _anchored(_side_words("forces")), _STATE: _anchored(_side_words("states"))} | {
    kind: _anchored(alternatives(getattr(s, kind) for s in _SIDES))
    for kind in (_ENEMY, _OWN, _MIL, _CIV, _PPL, _LOSS, _LOST, _WPN, _ATK, _AGT, _SPK)
} | {_REP: _anchored(alternatives(lang.attribution.reporting for lang in LANGUAGES))})
_OFFICES = _anchored(alternatives(s.offices for s in _SIDES))
document_scan.read_together(_OFFICES)  # a claim's sentence is read with its report's one pass
_LINKERS = frozenset(words(s.linkers for s in _SIDES))
_AUXILIARIES = frozenset(words(lang.casualties.auxiliaries for lang in LANGUAGES))
_JOINS = frozenset(words(lang.people.joins for lang in LANGUAGES))  # "and": a verb after it is another subject's
_NEGATIONS = frozenset(words(lang.casualties.negations for lang in LANGUAGES))
_WORD = re.compile(r"[^\W_][\w'’ʼ/-]*")
_HARD = re.compile(r"[.;:!?\n—–]")     # ends a clause
_SOFT = re.compile(r"[,()\[\]]")       # ends a phrase
_LOSER_RANK = {_FORCES: 0, _STATE: 2}
#: the slots of :class:`ActorClues` its reading fills
_READ_SLOTS = frozenset({"text", "tokens", "_starts", "_words", "_hard", "_soft", "_roles", "_by_kind", "_cache",
                         "_masked"})


class _Token(NamedTuple):
    kind: str
    start: int
    end: int
    side: str = ""


def _overlaps(t: _Token, others: list[_Token], starts: list[int]) -> bool:
    """Does ``t`` overlap one of ``others`` (sorted by their ``starts``)? Tokens are short: look near it."""
    i = bisect.bisect_left(starts, t.end)
    return any(o.end > t.start for o in others[max(0, i - 4):i])


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (in order, apart) made spaces."""
    if not spans:
        return text
    parts, done = [], 0
    for start, end in spans:
        parts += [text[done:start], " " * (end - start)]
        done = end
    return "".join(parts) + text[done:]


class ActorClues:
    """One text read once, when first asked, for the words that name sides (a paragraph is shared by
    all its claims).

    ``masks`` is a pattern of claimants' names ("Ukraine's military intelligence") blanked out
    before reading, with offices that hold a military word ("military administration")."""

    __slots__ = ("text", "tokens", "_starts", "_words", "_hard", "_soft", "_roles", "_by_kind", "_cache", "_masked",
                 "_unread")

    def __init__(self, text: str, masks: AnchoredPattern | None = None):
        # read when first asked: a paragraph's clues are kept for its claims, but most claims need only
        # their sentence's
        self._unread = (text, masks)

    def __getattr__(self, name: str):
        """A slot asked before the text is read: read it (once), then answer."""
        if name in _READ_SLOTS and self._unread is not None:
            self._read(*self._unread)
            self._unread = None
            return getattr(self, name)
        raise AttributeError(name)

    def _read(self, text: str, masks: AnchoredPattern | None) -> None:
        masked = []  # spans of claimants and offices: a side right next to one speaks ("Ukraine's General Staff")
        for pattern in (masks, _OFFICES):
            if pattern is not None and text:
                spans = [m.span() for m in document_scan.finditer(pattern, text)]  # (a sentence: read with its report)
                masked += spans
                text = _blank(text, spans)
        self._masked = sorted(masked)
        self.text = text
        tokens = []
        for kind, found in document_scan.finditer_each(_KINDS, text, alone=True).items():
            for m in found:
                side = _SIDE_NAMES[int(m.lastgroup[1:].partition("_")[0])] if kind in (_FORCES, _STATE) else ""
                tokens.append(_Token(kind, m.start(), m.end(), side))
        tokens.sort(key=lambda t: (t.start, t.end))
        self.tokens, self._starts = tokens, [t.start for t in tokens]
        military = [t for t in tokens if t.kind == _MIL]  # "assault groups" are units, not an assault
        if military:
            starts = [m.start for m in military]
            self.tokens = [t for t in tokens if t.kind not in (_WPN, _ATK) or not _overlaps(t, military, starts)]
            self._starts = [t.start for t in self.tokens]
        self._by_kind: dict[str, list[_Token]] = {}
        for t in self.tokens:
            self._by_kind.setdefault(t.kind, []).append(t)
        self._words = [m.start() for m in _WORD.finditer(text)]
        self._hard = [m.start() for m in _HARD.finditer(text)]
        self._soft = [m.start() for m in _SOFT.finditer(text)]
        self._roles: dict[tuple[int, str], str] = {}
        self._cache: dict[str, object] = {}

    # --- distances ---------------------------------------------------------------------------
    def gap(self, a: int, b: int) -> int:
        """Words starting between positions ``a`` and ``b`` (0 when they touch or overlap)."""
        return max(0, bisect.bisect_left(self._words, b) - bisect.bisect_left(self._words, a)) if b > a else 0

    def gap_words(self, a: int, b: int) -> list[str]:
        return [m.group().lower() for m in _WORD.finditer(self.text, a, b)] if b > a else []

    def broken(self, a: int, b: int, soft: bool = True) -> bool:
        """A clause (or, with ``soft``, a phrase) ends between ``a`` and ``b``."""
        lo, hi = min(a, b), max(a, b)
        marks = [self._hard, self._soft] if soft else [self._hard]
        return any(bisect.bisect_left(m, lo) < bisect.bisect_left(m, hi) for m in marks)

    def near(self, t: _Token, kinds, *, after: bool, within: int, soft: bool = True):
        """Tokens of ``kinds`` at most ``within`` words after (or before) ``t``, nearest first,
        with no clause or phrase end between."""
        i = bisect.bisect_left(self._starts, t.start)
        step, j = (1, i) if after else (-1, i - 1)
        while 0 <= j < len(self.tokens):
            u = self.tokens[j]
            j += step
            if u == t:
                continue
            a, b = (t.end, u.start) if after else (u.end, t.start)
            if self.gap(a, b) > within or self.broken(a, b, soft):
                break
            if u.kind in kinds:
                yield u

    def between(self, kind: str, lo: int = 0, hi: int | None = None) -> list[_Token]:
        """Tokens of one kind starting in ``[lo, hi)``."""
        found = self._by_kind.get(kind, [])
        hi = len(self.text) if hi is None else hi
        starts = self._cache.get("starts:" + kind)
        if starts is None:
            starts = self._cache["starts:" + kind] = [t.start for t in found]
        return found[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    # --- roles ---------------------------------------------------------------------------------
    def role(self, t: _Token) -> str:
        """"attacker", "speaker" or "" (the side may have suffered) of a party token."""
        key = (t.start, t.kind)
        if key not in self._roles:
            self._roles[key] = self._role(t)
        return self._roles[key]

    def _role(self, t: _Token) -> str:
        i = bisect.bisect_left(self._masked, (t.end,))
        if i < len(self._masked) and not self.text[t.end:self._masked[i][0]].strip() or i > 0 and any(
                b <= t.start and not self.text[b:t.start].strip() for _, b in self._masked[max(0, i - 3):i]):
            return "speaker"  # next to a claimant's name: "Ukraine's [General Staff]", "[Генштаб] ВСУ"
        if self._negated(t.start):
            return "denied"  # "no Ukrainian losses", "no Russian soldiers were hurt"
        for u in self.near(t, (_CIV, _PPL, _MIL), after=True, within=1):
            if u.kind != _MIL:
                return "people"  # "Russian civilians", "наш односелець": people of a side, not its forces
            break
        if any(self.near(t, (_AGT,), after=False, within=1)):
            return "attacker"
        if any(u.kind == _WPN for u in self.near(t, (_WPN, _ATK), after=False, within=0)):
            return "attacker"  # the genitive agent: "атаки украинских беспилотников", "удар российских войск"
        for u in self.near(t, (_WPN, _ATK, _LOSS, _LOST, _SPK, _REP), after=True, within=3):
            if u.kind in (_LOSS, _LOST):
                break
            if u.kind == _ATK and not self._passive(u) and not _JOINS.intersection(self.gap_words(t.end, u.start)) \
                    or u.kind == _WPN and self.gap(t.end, u.start) <= 1:
                return "attacker"  # "Russian forces struck", "a Russian guided bomb" (not "killed 45 X and captured")
            if u.kind == _SPK and self.gap(t.end, u.start) <= 2 or u.kind == _REP and self.gap(t.end, u.start) <= 1:
                return "speaker"
        for u in self.near(t, (_SPK, _REP, _LOSS, _LOST, _WPN, _ATK), after=False, within=3):
            if u.kind == _SPK:
                return "speaker"  # "Генштаб ВСУ", "the ministry of Russia"
            break
        if t.kind in (_FORCES, _STATE) and self.gap(0, t.start) <= 1 and not self.broken(0, t.start) and self.text[t.end:t.end + 40].lstrip(
                " \"'»”").startswith(":") and not self.between(_LOSS, 0, t.start) and not self.between(_LOST, 0, t.start):
            return "speaker"  # a header naming who says it ("General Staff of Ukraine: ...")
        return ""

    def parties(self, lo: int = 0, hi: int | None = None) -> list[_Token]:
        """Party tokens (sides, states, the enemy, our side) in ``[lo, hi)`` that may have suffered."""
        if "parties" not in self._cache:
            self._cache["parties"] = [t for t in self.tokens if t.kind in _PARTIES and not self.role(t)]
            self._cache["party_starts"] = [t.start for t in self._cache["parties"]]
        found, starts = self._cache["parties"], self._cache["party_starts"]
        if lo == 0 and hi is None:
            return found
        hi = len(self.text) if hi is None else hi
        return found[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def starts(self, name: str, tokens: list[_Token]) -> list[int]:
        """The starts of a list of tokens this text keeps under ``name`` (worked out once)."""
        key = "starts of " + name
        if key not in self._cache:
            self._cache[key] = [t.start for t in tokens]
        return self._cache[key]

    def any(self, kind: str) -> bool:
        return bool(self._by_kind.get(kind))

    def military(self, lo: int = 0, hi: int | None = None) -> bool:
        """A military noun that is not the attacker's ("Russian forces struck") nor the source's."""
        if lo == 0 and hi is None:
            if "military" not in self._cache:
                self._cache["military"] = any(not self._of_attacker(t) for t in self._by_kind.get(_MIL, ()))
            return self._cache["military"]
        return any(not self._of_attacker(t) for t in self.between(_MIL, lo, hi))

    def attackers(self) -> list[_Token]:
        """The parties named as attackers ("a Russian missile strike", "the enemy shelled")."""
        if "attackers" not in self._cache:
            self._cache["attackers"] = [t for t in self.tokens if t.kind in _PARTIES and self.role(t) == "attacker"]
        return self._cache["attackers"]

    def loose(self) -> set[str]:
        """The sides named at all (without a military noun), neither attacking nor speaking."""
        if "loose" not in self._cache:
            self._cache["loose"] = {p.side for p in self.parties() if p.kind == _FORCES}
        return self._cache["loose"]

    def loss_sides(self, reader: "SideReader", speaker: "str | Callable[[], str]") -> set[str]:
        """The sides whose losses the text tells, as ``speaker`` sees them (a function giving the speaker
        is called only when "our side" or "the enemy" lost)."""
        pairs = self.loss_parties()
        if callable(speaker) and any(p.kind in (_ENEMY, _OWN) for _, p in pairs):
            speaker = speaker()
        key = "loss_sides:" + speaker if isinstance(speaker, str) else "loss_sides"
        if key not in self._cache:
            self._cache[key] = {reader.resolve(p, speaker) for _, p in pairs} - {""}
        return self._cache[key]

    def _of_attacker(self, m: _Token) -> bool:
        key = (m.start, "of")
        if key not in self._roles:
            self._roles[key] = "y" if any(self.role(p) for p in self.near(m, _PARTIES, after=False, within=2)) or any(
                self.role(p) for p in self.near(m, _PARTIES, after=True, within=0) if p.start < m.end) else ""
        return bool(self._roles[key])

    def with_military(self) -> list[_Token]:
        """Parties named with a military noun ("Ukrainian armed forces", "военнослужащих ВСУ")."""
        if "strict" in self._cache:
            return self._cache["strict"]
        found = []
        for p in self.parties():
            if any(self.near(p, (_MIL,), after=True, within=2)):
                found.append(p)
                continue
            for u in self.near(p, (_MIL,), after=False, within=2):
                if all(w in _LINKERS for w in self.gap_words(u.end, p.start)):
                    found.append(p)
                break
        self._cache["strict"] = found
        return found

    def _passive(self, verb: _Token) -> bool:
        """An attack verb after an auxiliary is passive: "two Ukrainian soldiers were captured"."""
        before = self.gap_words(max(0, verb.start - 12), verb.start)
        return bool(before) and before[-1] in _AUXILIARIES

    def _negated(self, at: int) -> bool:
        """A negation is the word right before ``at`` ("no losses", "без потерь")."""
        before = self.gap_words(max(0, at - 12), at)
        return bool(before) and before[-1] in _NEGATIONS

    def loss_parties(self) -> list[tuple[_Token, _Token]]:
        """``(loss word, party)`` pairs: "Ukrainian losses", "потери ВСУ", "Russia lost", "противник
        за сутки потерял", "у гражданских потери" (civilians count as a party here)."""
        if "losses" in self._cache:
            return self._cache["losses"]
        pairs = []
        for t in self.tokens:
            if t.kind == _LOSS:
                cands = [*self.near(t, (*_PARTIES, _CIV), after=False, within=1),
                         *self.near(t, (*_PARTIES, _CIV), after=True, within=2)]
            elif t.kind == _LOST:
                cands = [*self.near(t, (*_PARTIES, _CIV), after=False, within=8),
                         *self.near(t, (*_PARTIES, _CIV), after=True, within=1)]
            else:
                continue
            cands = [c for c in cands if c.kind == _CIV or not self.role(c)]
            if cands and self._negated(min(t.start, *(c.start for c in cands))):
                continue  # "no Ukrainian losses were reported"
            if cands:
                # a side's forces before the enemy or civilians before a state ("North Korean soldiers sent
                # to help Russia have suffered losses"), then the nearest
                best = min(cands, key=lambda c: (_LOSER_RANK.get(c.kind, 1),
                                                 self.gap(min(c.end, t.end), max(c.start, t.start))))
                pairs.append((t, best))
        self._cache["losses"] = pairs
        return pairs
