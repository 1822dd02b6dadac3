"""Who suffered the casualties: the side a figure belongs to (``actor``), never the attacker.

Actors are the theatre's sides ("North Korean forces", "Russian forces", "Ukrainian forces",
"Civilians"); the words each language names them with come from the language resources
(:class:`~mapper.extract.lang.schema.Sides`). A figure's side is read, in this order, from

1. the figure's own words ("30 North Korean soldiers", "двох жінок", "200 военных КНДР");
2. the loss phrase of its sentence: the side whose losses they are ("Ukrainian losses", "потери ВСУ",
   "втрати противника") or who lost them ("Russia lost", "противник потерял");
3. a side named with a military noun in its sentence, then its paragraph ("the Ukrainian armed
   forces"), and civilians or people named with no military noun ("a man", "мужчина");
4. nothing military at all in the sentence and its paragraph: civilians.

A side named as the attacker ("a Russian drone", "атаки украинских беспилотников", "by Russian
forces") or as the source ("Ukrainian officials said", "Генштаб ВСУ:") is never the one that
suffered; the claimant's country is not the side. "The enemy" (противник, ворог) is the other side
of whoever speaks: the claimant's side (theatre claimant table), else the side a report in that
language speaks for::

    >>> actor_of("approximately 30 North Korean soldiers")
    'North Korean forces'
    >>> actor_of("Ukraine's General Staff said Russia lost 1,250 personnel.")
    'Russian forces'
    >>> actor_of("A Russian drone hit a minibus, killing a man.")
    'Civilians'
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from mapper.extract.lang import LANGUAGES, alternation, words

__all__ = ["ActorClues", "SideReader", "actor_of", "ACTOR_CLASSES", "CIVILIANS"]

CIVILIANS = "Civilians"
_SIDES = [lang.sides for lang in LANGUAGES]
_SIDE_NAMES = words([*s.forces, *s.states] for s in _SIDES)
ACTOR_CLASSES = _SIDE_NAMES + (CIVILIANS,)

# token kinds
_FORCES, _STATE, _ENEMY, _OWN = "forces", "state", "enemy", "own"
_PARTIES = (_FORCES, _STATE, _ENEMY, _OWN)
_MIL, _CIV, _PPL, _LOSS, _LOST = "military", "civilians", "people", "losses", "lost"
_WPN, _ATK, _AGT, _SPK, _REP = "weapons", "attacks", "agents", "speakers", "reporting"


def _whole(fragment: str) -> re.Pattern:
    return re.compile(rf"(?i)(?<![\w/])(?:{fragment})(?![\w/])")


def _side_pattern(field: str) -> re.Pattern:
    groups = [f"(?P<s{i}>{alternation(getattr(s, field).get(name, '') for s in _SIDES)})"
              for i, name in enumerate(_SIDE_NAMES) if any(getattr(s, field).get(name) for s in _SIDES)]
    return _whole("|".join(groups))


_KIND_PATTERNS = [(_FORCES, _side_pattern("forces")), (_STATE, _side_pattern("states"))] + [
    (kind, _whole(alternation(getattr(s, kind) for s in _SIDES)))
    for kind in (_ENEMY, _OWN, _MIL, _CIV, _PPL, _LOSS, _LOST, _WPN, _ATK, _AGT, _SPK)
] + [(_REP, _whole(alternation(lang.attribution.reporting for lang in LANGUAGES)))]
_OFFICES = _whole(alternation(s.offices for s in _SIDES))
_LINKERS = frozenset(words(s.linkers for s in _SIDES))
_WORD = re.compile(r"[^\W_][\w'’ʼ/-]*")
_HARD = re.compile(r"[.;:!?\n—–]")     # ends a clause
_SOFT = re.compile(r"[,()\[\]]")       # ends a phrase
_LOSER_RANK = {_FORCES: 0, _STATE: 2}
_HOME = [(re.compile(f"[{s.letters}]", re.I), s.home_side) for s in _SIDES if s.letters and s.home_side]


class _Token(NamedTuple):
    kind: str
    start: int
    end: int
    side: str = ""


def _overlaps(t: _Token, others: list[_Token], starts: list[int]) -> bool:
    """Does ``t`` overlap one of ``others`` (sorted by their ``starts``)? Tokens are short: look near it."""
    i = bisect.bisect_left(starts, t.end)
    return any(o.end > t.start for o in others[max(0, i - 4):i])


class ActorClues:
    """One text read once for the words that name sides (a paragraph is shared by all its claims).

    ``masks`` is a pattern of claimants' names ("Ukraine's military intelligence") blanked out
    before reading, with offices that hold a military word ("military administration")."""

    __slots__ = ("text", "tokens", "_starts", "_words", "_hard", "_soft", "_roles", "_by_kind", "_cache")

    def __init__(self, text: str, masks: re.Pattern | None = None):
        for pattern in (masks, _OFFICES):
            if pattern is not None and text:
                text = pattern.sub(lambda m: " " * len(m.group()), text)
        self.text = text
        tokens = []
        for kind, pattern in _KIND_PATTERNS:
            for m in pattern.finditer(text):
                side = _SIDE_NAMES[int(m.lastgroup[1:])] if kind in (_FORCES, _STATE) else ""
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
        if any(self.near(t, (_AGT,), after=False, within=1)):
            return "attacker"
        if any(u.kind == _WPN for u in self.near(t, (_WPN, _ATK), after=False, within=0)):
            return "attacker"  # the genitive agent: "атаки украинских беспилотников", "удар российских войск"
        for u in self.near(t, (_WPN, _ATK, _LOSS, _LOST, _SPK, _REP), after=True, within=3):
            if u.kind in (_LOSS, _LOST):
                break
            if u.kind == _ATK or u.kind == _WPN and self.gap(t.end, u.start) <= 1:
                return "attacker"  # "Russian forces struck", "a Russian guided bomb"
            if u.kind == _SPK and self.gap(t.end, u.start) <= 2 or u.kind == _REP and self.gap(t.end, u.start) <= 1:
                return "speaker"
        for u in self.near(t, (_SPK, _REP, _LOSS, _LOST, _WPN, _ATK), after=False, within=3):
            if u.kind == _SPK:
                return "speaker"  # "Генштаб ВСУ", "the ministry of Russia"
            break
        if self.gap(0, t.start) <= 1 and not self.broken(0, t.start) and self.text[t.end:t.end + 40].lstrip(
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

    def loose(self) -> set[str]:
        """The sides named at all (without a military noun), neither attacking nor speaking."""
        if "loose" not in self._cache:
            self._cache["loose"] = {p.side for p in self.parties() if p.kind == _FORCES}
        return self._cache["loose"]

    def loss_sides(self, reader: "SideReader", speaker: str) -> set[str]:
        """The sides whose losses the text tells, as ``speaker`` sees them."""
        key = "loss_sides:" + speaker
        if key not in self._cache:
            self._cache[key] = {reader.resolve(p, speaker) for _, p in self.loss_parties()} - {""}
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
                cands = [*self.near(t, (*_PARTIES, _CIV), after=False, within=6),
                         *self.near(t, (*_PARTIES, _CIV), after=True, within=1)]
            else:
                continue
            cands = [c for c in cands if c.kind == _CIV or not self.role(c)]
            if cands:
                # a side's forces before the enemy or civilians before a state ("North Korean soldiers sent
                # to help Russia have suffered losses"), then the nearest
                best = min(cands, key=lambda c: (_LOSER_RANK.get(c.kind, 1),
                                                 self.gap(min(c.end, t.end), max(c.start, t.start))))
                pairs.append((t, best))
        self._cache["losses"] = pairs
        return pairs


class SideReader:
    """Sides as one theatre knows them: its claimants' names (masked: the claimant is not the side),
    who speaks for which side, and who is whose enemy (the two sides its claimants speak for)."""

    def __init__(self, theatre=None):
        if theatre is None:
            from gazetteer.theatres import default_theatre
            theatre = default_theatre()
        claimants = getattr(theatre, "claimants", ())
        names = [alt for c in claimants for alt in (*map(re.escape, c.aliases), *c.patterns)]
        self.masks = re.compile(r"(?<!\w)(?:" + "|".join(names) + r")(?!\w)") if names else None
        self.claimant_sides = {c.name: c.side for c in claimants}
        camps = list(dict.fromkeys(c.side for c in claimants if c.side))
        self.opponents = {camps[0]: camps[1], camps[1]: camps[0]} if len(camps) == 2 else {}

    @classmethod
    def of(cls, theatre=None) -> "SideReader":
        return _reader(theatre)

    def clues(self, text: str) -> ActorClues:
        return ActorClues(text, self.masks)

    def speaker(self, *claimants: str, sentence: ActorClues | None = None, text: str = "") -> str:
        """The side speaking: the first claimant's with a side (sentence, then paragraph), a header or
        source in the sentence naming a side ("Генштаб ВСУ:"), the side a report in a language speaks for
        (its letters), then the last claimant's (the document's)."""
        *near, far = claimants or ("",)
        for claimant in near:
            if self.claimant_sides.get(claimant):
                return self.claimant_sides[claimant]
        if sentence is not None:
            said = {t.side for t in sentence.tokens if t.kind in (_FORCES, _STATE) and sentence.role(t) == "speaker"}
            if len(said) == 1:
                return next(iter(said))
        return _home_side(text) or self.claimant_sides.get(far, "")

    def resolve(self, t: _Token, speaker: str) -> str:
        if t.kind in (_FORCES, _STATE):
            return t.side
        if t.kind == _CIV:
            return CIVILIANS
        if t.kind == _OWN:
            return speaker
        return self.opponents.get(speaker, "")

    def actor(self, sentence: ActorClues, start: int = 0, end: int | None = None, *wider: ActorClues,
              speaker: str = "", category: str = "", document: ActorClues | None = None) -> str:
        """The side that suffered the figure at ``sentence.text[start:end]`` (see the module doc);
        ``wider`` texts (its paragraph) are asked after its sentence, ``document`` for the heading of a
        list ("Total enemy losses: ..."). Each text keeps what it worked out, so the figures of one
        sentence or paragraph cost work linear in their number."""
        s = sentence
        end = len(s.text) if end is None else end
        # 1. the figure's own words, and a side right after them ("killed 40 servicemen of the AFU")
        parties = s.parties(start, end)
        after = s.parties(end, end + 200)[:1]
        parties += [p for p in after if s.gap(end, p.start) <= 2 and not s.broken(end, p.start)
                    and all(w in _LINKERS for w in s.gap_words(end, p.start))]
        named = [p for p in parties if p.kind in (_FORCES, _STATE)] or parties
        if named:
            return self.resolve(named[0], speaker)
        if s.between(_CIV, start, end):
            return CIVILIANS
        military = s.military(start, end)
        people = not military and bool(s.between(_PPL, start, end))
        # 2. the loss phrase nearest the figure: the last one before its end, else the first after
        pairs = s.loss_parties()
        if pairs:
            i = bisect.bisect_left(s.starts("losses", [loss for loss, _ in pairs]), end)
            return self.resolve(pairs[max(0, i - 1)][1], speaker)
        if people:
            return CIVILIANS
        # 3. a side with a military noun in the sentence (nearest the figure), civilians, people
        strict = s.with_military()
        if strict:
            i = bisect.bisect_left(s.starts("strict", strict), start)
            near = strict[max(0, i - 1):i + 1]
            return self.resolve(min(near, key=lambda p: abs(p.start - start)), speaker)
        if not military and (s.any(_CIV) or (s.any(_PPL) and not s.military())):
            return CIVILIANS
        loose = s.loose()
        if len(loose) == 1:
            return next(iter(loose))
        # the paragraph: its loss phrases, its sides with a military noun
        for w in wider:
            sides = w.loss_sides(self, speaker)
            if len(sides) == 1:
                return next(iter(sides))
            strict = w.with_military()
            if strict:
                return self.resolve(strict[0], speaker)
        if document is not None and military:  # a list under its heading ("Total enemy losses: ...")
            sides = document.loss_sides(self, speaker)
            if len(sides) == 1:
                return next(iter(sides))
        # 4. nothing military anywhere near: civilians
        if not military and category != "captured" and not s.military() and not s.parties() and not any(
                w.military() or w.parties() for w in wider):
            return CIVILIANS
        return ""


@lru_cache(maxsize=16)
def _home_side(text: str) -> str:
    """The side a report speaks for by the letters it is written with ("" for none): read once per report."""
    counts = [(len(pattern.findall(text)), side) for pattern, side in _HOME]
    count, side = max(counts, default=(0, ""))
    return side if count else ""


@lru_cache(maxsize=8)
def _reader(theatre) -> SideReader:
    return SideReader(theatre)


def actor_of(*texts: str | ActorClues, speaker: str = "") -> str:
    """The side that suffered the first casualty figure of the first text (its words, or all of it
    when it has none), then wider text; the default theatre's claimants are masked. "" when no text says."""
    from mapper.extract.casualties import find_figures

    reader = SideReader.of()
    clues = [t if isinstance(t, ActorClues) else reader.clues(t) for t in texts if t]
    if not clues:
        return ""
    if not speaker:
        speaker = reader.speaker(sentence=clues[0], text=clues[0].text)
    figures = find_figures(clues[0].text)
    start, end = (figures[0].start, figures[0].end) if figures else (0, None)
    return reader.actor(clues[0], start, end, *clues[1:], speaker=speaker,
                        category=figures[0].category if figures else "")
