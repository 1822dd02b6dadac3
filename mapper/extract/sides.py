"""Who suffered the casualties: the side a figure belongs to (``actor``), never the attacker.

Actors are the theatre's sides ("North Korean forces", "Russian forces", "Ukrainian forces",
"Civilians"); the words each language names them with come from the language resources
(:class:`~mapper.extract.lang.schema.Sides`). A figure's side is read, in this order, from

1. the figure's own words ("30 North Korean soldiers", "двох жінок", "200 военных КНДР");
2. the loss phrase of its sentence: the side whose losses they are ("Ukrainian losses", "потери ВСУ",
   "втрати противника") or who lost them ("Russia lost", "противник потерял");
3. a side named with a military noun in its sentence ("the Ukrainian armed forces"), civilians or
   people named with no military noun ("a man", "мужчина"), soldiers struck by one side's weapons
   (the other side's: "killed in a Russian missile strike"), then its paragraph and, for a list under
   a heading, the report's loss phrase;
4. nothing military at all in the sentence and its paragraph: civilians.

A side's people are civilians ("Russian civilians"); "Civilians" is the theatre's one civilian side
(the map colours sides, not nationalities).

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
from collections.abc import Callable
from functools import lru_cache

from mapper._internal.anchored import AnchoredPattern
from mapper.extract import document_scan
from mapper.extract.voices import home_side, voice_of
from mapper.extract.side_clues import (_CIV, _FORCES, _KINDS, _LINKERS, _LOSS, _LOST, _OWN, _PPL, _STATE, _Token,
                                       ACTOR_CLASSES, CIVILIANS, ActorClues)

__all__ = ["ActorClues", "SideReader", "actor_of", "ACTOR_CLASSES", "CIVILIANS"]

_CLAUSE = re.compile(r"[,;\n]")


class SideReader:
    """Sides as one theatre knows them: its claimants' names (masked: the claimant is not the side),
    who speaks for which side, and who is whose enemy (the two sides its claimants speak for)."""

    def __init__(self, theatre=None):
        if theatre is None:
            from gazetteer.theatres import default_theatre
            theatre = default_theatre()
        claimants = getattr(theatre, "claimants", ())
        # a vague group ("Russia", "Ukrainian officials") claims only beside a reporting verb: it is no
        # name to mask, since the same words name the side that suffered ("Russia lost")
        # nor is a bulletin's formula that tells a loss ("Загальні бойові втрати противника"): its loss
        # words must still be read
        names = [alt for c in claimants if not getattr(c, "needs_verb", False)
                 for alt in (*map(re.escape, c.aliases), *c.patterns) if not _tells_a_loss(alt)]
        self.masks = AnchoredPattern.of_alternatives(names, r"(?<!\w)", r"(?!\w)") if names else None
        if self.masks is not None:  # a claim's sentence is read with its report's one pass
            document_scan.read_together(self.masks)
        # a text is read once: a one-sentence paragraph is its sentence's text too
        self.clues = lru_cache(maxsize=64)(self._read)
        self.claimant_sides = {c.name: c.side for c in claimants}
        camps = list(dict.fromkeys(c.side for c in claimants if c.side))
        self.opponents = {camps[0]: camps[1], camps[1]: camps[0]} if len(camps) == 2 else {}

    @classmethod
    def of(cls, theatre=None) -> "SideReader":
        return _reader(theatre)

    def _read(self, text: str) -> ActorClues:
        """What ``text`` says about sides (see :meth:`clues`, its cached form)."""
        return ActorClues(text, self.masks)

    def speaker(self, *claimants: str | Callable[[], str], sentence: ActorClues | None = None, text: str = "") -> str:
        """The side speaking: the first claimant's with a side (sentence, then paragraph), a header or
        source in the sentence naming a side ("Генштаб ВСУ:"), the side a report in a language speaks for
        (its letters), then the last claimant's (the document's). A claimant may be given as a function
        that finds it: it is called only when needed."""
        *near, far = claimants or ("",)
        for claimant in near:
            side = self.claimant_sides.get(claimant() if callable(claimant) else claimant)
            if side:
                return side
        if sentence is not None:
            said = {t.side for t in sentence.tokens if t.kind in (_FORCES, _STATE) and sentence.role(t) == "speaker"}
            if len(said) == 1:
                return next(iter(said))
        return home_side(text) or self.claimant_sides.get(far() if callable(far) else far, "")

    def resolve(self, t: _Token, speaker: str | Callable[[], str]) -> str:
        """The side a party token names; "our side" and "the enemy" as ``speaker`` sees them (a function
        giving the speaker is called only for those)."""
        if t.kind in (_FORCES, _STATE):
            return t.side
        if t.kind == _CIV:
            return CIVILIANS
        if callable(speaker):
            speaker = speaker()
        if t.kind == _OWN:
            return speaker
        return self.opponents.get(speaker, "")

    def actor(self, sentence: ActorClues, start: int = 0, end: int | None = None, *wider: ActorClues,
              speaker: str | Callable[[], str] = "", category: str = "",
              document: ActorClues | Callable[[], ActorClues] | None = None) -> str:
        """The side that suffered the figure at ``sentence.text[start:end]`` (see the module doc);
        ``wider`` texts (its paragraph) are asked after its sentence, ``document`` for the heading of a
        list ("Total enemy losses: ..."). Each text keeps what it worked out, so the figures of one
        sentence or paragraph cost work linear in their number. ``speaker`` may be a function that finds
        it: it is called only when "our side" or "the enemy" is to be resolved."""
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
            loss, party = pairs[max(0, i - 1)]
            # people count as that side's only in its clause: "потери ВСУ — 60 человек", not "..., 5 people hurt"
            lo, hi = sorted((max(loss.end, party.end), start))
            if not people or not _CLAUSE.search(s.text, lo, hi):
                return self.resolve(party, speaker)
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
        if military:  # soldiers struck by one side's weapons are the other side's ("killed in a Russian strike")
            attackers = {self.resolve(p, speaker) for p in s.attackers()} - {""}
            if len(attackers) == 1 and self.opponents.get(next(iter(attackers))):
                return self.opponents[next(iter(attackers))]
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
            sides = (document() if callable(document) else document).loss_sides(self, speaker)
            if len(sides) == 1:
                return next(iter(sides))
        # 4. nothing military anywhere near, no side's forces but as attackers: civilians
        if not military and category != "captured" and not s.military() and not s.parties() and not any(
                w.military() or w.loose() for w in wider):
            return CIVILIANS
        # 5. a fighter's post: the dead it counts with no side of their own, in a paragraph naming no side
        #    but the speaker's enemy, are the enemy's ("the Russians tried to crawl up to our positions ...
        #    in the morning we counted 9 bodies")
        named = wider[0].loose() if wider else set()
        if len(named) == 1 and document is not None and \
                voice_of((document() if callable(document) else document).text) == "front":
            enemy = self.opponents.get(speaker() if callable(speaker) else speaker)
            if enemy and named == {enemy}:
                return enemy
        return ""


@lru_cache(maxsize=8)
def _reader(theatre) -> SideReader:
    return SideReader(theatre)


def _tells_a_loss(pattern: str) -> bool:
    """Does a claimant's pattern, read as the words it spells, hold a loss word?"""
    spelled = re.sub(r"\\[wsd][+*]?|[()?:|+*\\\[\]]", "", pattern)
    return any(_KINDS.regexes[kind].search(spelled) for kind in (_LOSS, _LOST))


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
