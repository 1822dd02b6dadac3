"""Who says so: the body a casualty figure is claimed by (``claimed_by``) and the words naming it
(``claim_words``).

Claimants are normalised to the body that speaks ("Ukraine's military intelligence (GUR)", "Kursk
Oblast governor (Alexei Smirnov)"); the claimants, their offices, regions and office holders come
from the theatre file (:class:`~gazetteer.theatre.Claimant`), the reporting verbs and the bare office
words ("the governor", "ОВА") from the language resources::

    >>> claimant_of("suffered significant casualties, according to Ukrainian military intelligence.")
    "Ukraine's military intelligence (GUR)"
    >>> claimant_of("Two people were killed, governor Vyacheslav Gladkov wrote on Telegram.")
    'Belgorod Oblast governor (Vyacheslav Gladkov)'

A claimant counts where the text attributes to it: next to a reporting verb ("X said", "сообщил X"),
as the head of a line ("Сумська ОВА: ...") or as the byline or signature of a post. A bare office
("the regional governor said", "поліція") is the one of that kind the report names, else the one of
the region it names, with the holder of the day. A unit speaks by the name the text gives it
(:mod:`~mapper.extract.units`); a post's own figures are its author's (:mod:`~mapper.extract.voices`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from gazetteer.theatre import Claimant, Theatre
from gazetteer.theatres import default_theatre
from mapper._internal.anchored import AnchoredPattern
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract import document_scan
from mapper.extract.claimant_names import ClaimantNames, Mention
from mapper.extract.clauses import LINES, clause_at
from mapper.extract.lang import LANGUAGES, alternation, words
from mapper.extract.units import unit_claim
from mapper.extract.voices import author_side, community_head, heading_of, home_side, voice_of, voice_words

__all__ = ["Claim", "Claimants", "claimant_of"]

_ATTRIBUTION = [lang.attribution for lang in LANGUAGES]
_REPORTING = AnchoredPattern(rf"(?<!\w)(?:{alternation(a.reporting for a in _ATTRIBUTION)})(?!\w)")  # on lower case
_ACCORDING_TO = compile_with_first_chars(
    rf"(?i)(?<!\w)(?:{'|'.join(re.escape(w) for w in words(a.according_to for a in _ATTRIBUTION))})\s+"
    r"((?:the\s+)?[\w'’.\- ]{3,80}?)(?=[,.;:]|$)")
_ACCORDING = AnchoredPattern(_ACCORDING_TO.pattern, _ACCORDING_TO.flags)  # tried where its words begin
_OFFICES: dict[str, str] = {}
for _a in _ATTRIBUTION:
    for _kind, _pattern in _a.offices.items():
        _OFFICES[_kind] = f"{_OFFICES[_kind]}|{_pattern}" if _kind in _OFFICES else _pattern
_UNNAMED = re.compile(alternation(a.unnamed for a in _ATTRIBUTION if a.unnamed) or "(?!)", re.IGNORECASE)
_OWN = AnchoredPattern(alternation(a.own for a in _ATTRIBUTION if a.own))
document_scan.read_together(_OWN, _ACCORDING)
document_scan.read_together(_REPORTING, lower=True)
_AUTHORITIES = ("governor", "military administration")  # the offices whose posts speak for a region
_LOCAL = (*_AUTHORITIES, "city military administration", "operational headquarters", "police")  # ... for it only
_NEAR = 90          # a reporting word this close (characters) attributes to a claimant in a long text
_NEAR_VAGUE = 25    # ... and this close to a country or a vague group ("Ukraine said")
_BYLINE = 220       # a first or last line this short naming a claimant is the post's byline or signature
_SIGNATURE = 120    # ... a last line this short, with no digit nor final stop, its signature
_ITEM = re.compile(r"\s*(?:[-•*–—]\s|\d{1,2}[.)]\s|\w[^:.!?\n]{0,40}:\s)")
_HEAD = 70          # a claimant this early in a line, then a colon: the line's head ("Генштаб: ...")


@dataclass(frozen=True)
class Claim:
    """A claimant's canonical name and the words of the report that name it ("" and "": none)."""

    name: str = ""
    words: str = ""

    def fields(self) -> dict[str, str]:
        """The event fields it fills."""
        return {"claimed_by": self.name, "claim_words": self.words}


class Claimants(ClaimantNames):
    """The claimants of a theatre (most specific first), and who claims each figure of a report."""

    def __init__(self, claimants: Iterable[Claimant]):
        super().__init__(claimants, _OFFICES)
        self._attributions_cache = lru_cache(maxsize=4096)(self._attributed_mentions)
        self._only_cache = lru_cache(maxsize=1024)(self._only_answers)
        self._forward_cache = lru_cache(maxsize=1024)(self._forward)
        self._heads_cache = lru_cache(maxsize=1024)(self._headed_lines)
        self.byline = lru_cache(maxsize=256)(self._byline)  # a document's author is read once, not per claim
        self._cues = lru_cache(maxsize=4096)(self._reporting_cues)
        self._resolved: tuple[str, dict] = ("", {})  # a report's bare offices resolved, for its next claims

    @classmethod
    def of(cls, theatre: Theatre | None = None) -> "Claimants":
        """The claimants of ``theatre`` (default: the default theatre), built once per theatre file."""
        return _claimants_of(theatre.claimants if theatre is not None else default_theatre().claimants)

    # ------------------------------------------------------------------------------------------- reading
    def attributed(self, text: str, *, near: int | None = None, vague: bool = True) -> Mention | None:
        """The mention of ``text`` a reporting word attributes the text to: the one closest to such a
        word (within ``near`` characters if given), a body before a country or a vague group ("Russian
        sources claimed..., ISW reported"), which counts only right next to the word."""
        ranked = [pair for pair in self._attributions_cache(text, near) if vague or not self._vague(pair[0])]
        return min(ranked, key=lambda pair: (self._vague(pair[0]), pair[1]))[0] if ranked else None

    def attributed_before(self, text: str, end: int) -> Mention | None:
        """The last mention of ``text`` attributed (within :data:`_NEAR`) that ends by ``end``: the
        attribution a report carries forward to the claims that follow it."""
        ends, mentions = self._forward_cache(text)
        i = bisect.bisect_right(ends, end)
        return mentions[i - 1] if i else None

    def _for_headline(self, document: str, end: int) -> Mention | None:
        """A headline's claim is the one its story attributes first (a first line that is a heading)."""
        first_break = document.find("\n")
        if 0 <= first_break and end <= first_break + 1 and heading_of(document):
            mentions = self._forward_cache(document)[1]
            return mentions[0] if mentions else None
        return None

    def _forward(self, text: str) -> tuple[list[int], list[Mention]]:
        ranked = [m for m, _ in self._attributions_cache(text, _NEAR) if not self._vague(m)]
        return [m.end for m in ranked], ranked

    def _attributed_mentions(self, text: str, near: int | None) -> tuple[tuple[Mention, int], ...]:
        """Each mention with a reporting word close enough, and the gap to the closest one."""
        cues = self._cues(text)
        starts = [start for start, _ in cues]
        out = []
        for mention in self.find(text):
            i = bisect.bisect_left(starts, mention.end)
            gaps = [starts[i] - mention.end] if i < len(cues) else []
            j = i - 1
            if j >= 0:
                gaps.append(max(mention.start - cues[j][1], 0))
            if not gaps:
                continue
            gap = min(gaps)
            limit = near
            if self._vague(mention):  # a country or a group: the subject right before, or right after ("said Kyiv")
                after = i < len(cues) and gap == starts[i] - mention.end
                limit = _NEAR_VAGUE if after else 2
            if limit is None or gap <= limit:
                out.append((mention, gap))
        return tuple(out)

    def only(self, text: str, end: int) -> Mention | None:
        """The body a text names up to ``end`` when it names no other (or only others of its side):
        a unit's or a ministry's own report ("Воїни ГУР уразили...")."""
        ends, answers = self._only_cache(text)
        i = bisect.bisect_right(ends, end)
        return answers[i - 1] if i else None

    def _headed_lines(self, text: str) -> int:
        """How many lines of a text a claimant heads ("Генштаб: ...", "ГУР: ..."): a digest's items."""
        return sum(1 for line in text.splitlines() if self.headed(line) is not None)

    def _heads_line(self, text: str, mention: Mention) -> bool:
        """Whether the mention heads its line ("Генштаб: ..."): it speaks for that line only."""
        start = text.rfind("\n", 0, mention.start) + 1
        stop = text.find("\n", mention.start)
        line = text[start:stop if stop >= 0 else len(text)]
        head = self.headed(line)
        return head is not None and head.start == mention.start - start

    def _only_answers(self, text: str) -> tuple[list[int], list[Mention | None]]:
        """For each body named in ``text``, in order: its end, and the answer of :meth:`only` there."""
        out, first, claimants, sides = [], None, set(), set()
        for mention in self.find(text):
            if mention.claimant < 0 or self._vague(mention) or self._heads_line(text, mention):
                continue
            first = first or mention
            claimants.add(mention.claimant)
            sides.add(self.table[mention.claimant].side)
            single = len(claimants) == 1 or (len(sides) == 1 and "" not in sides)
            out.append((mention.end, first if single else None))
        return [e for e, _ in out], [a for _, a in out]

    def _reporting_cues(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the reporting words of a text are (see :attr:`_cues`, its cached form)."""
        return tuple(m.span() for m in document_scan.finditer(_REPORTING, text, lower=True))

    def _vague(self, mention: Mention) -> bool:
        """A country or a vague group: it counts only right next to a reporting verb of its sentence."""
        return mention.claimant >= 0 and self.table[mention.claimant].needs_verb

    def headed(self, line: str) -> Mention | None:
        """The claimant heading a line: named in its first words, then a colon or a dash."""
        for mention in self.find(line):
            if mention.start > _HEAD:
                break
            rest = line[mention.end:mention.end + _HEAD]
            if re.match(r"[^.!?:«»\"]{0,60}?[:—–]\s", rest + " ") and not self._vague(mention):
                return mention
        return None

    def _byline(self, text: str, *extra: str) -> tuple[Mention, str] | None:
        """The author of a post: a claimant in the source name or title, in a first line that is a
        byline ("[Telegram, Oleh Syniehubov, head of ...]", a line with no reporting verb) or a last
        line that is a signature ("Олег Синєгубов, начальник Харківської ОВА"), or heading the first
        line. Returns the mention and the text it is in."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        candidates = [(line, True) for line in extra]
        if len(lines) > 1:
            first, last = lines[0], lines[-1]
            if len(first) <= _BYLINE and (first.startswith("[") or not re.search(r"\d", first)
                                          and not _REPORTING.search(first.lower())):
                candidates.append((first, True))
            if len(last) <= _SIGNATURE and not re.search(r"\d|[.!?…»]$", last):
                candidates.append((last, True))
        for line, _ in candidates:
            mention = next((m for m in self.find(line) if not self._vague(m)), None)
            if mention is not None:
                return mention, line
        if len(lines) > 1 and (mention := self.headed(lines[0])) is not None and self._heads_cache(text) < 2:
            return mention, lines[0]  # a title's head, not one of a digest's items
        return None

    def claim(self, sentence: str, paragraph: str = "", document: str = "", *, span: tuple[int, int] | None = None,
              source: tuple[str, ...] = (), where: tuple[str, ...] = (), on: date | None = None,
              at: int | None = None) -> Claim:
        """Who claims the figure of ``sentence`` (at ``span`` of ``document``): attributed there (a unit
        too), else the head of its line, else attributed in its paragraph, else the post's byline or the
        source name, else attributed earlier in the document, else the only body named up to it (one taken
        from another sentence only if it speaks for ``where``, the regions of the claim's places), else the
        post's own author (:mod:`~mapper.extract.voices`). ``on``: the day, for the office holder; ``at``:
        where the figure is in the sentence (it takes its own line's and clause's claimant)."""
        document = document or paragraph or sentence
        self.read(document)  # its sentences, paragraphs and lines are read from one pass over it
        start, end = span if span is not None else (0, len(document))
        here = start + (at or 0) if span is not None else start  # the figure's line, in a sentence across lines
        stop = document.find("\n", here)
        line = document[document.rfind("\n", 0, here) + 1:stop if stop >= 0 else len(document)]
        source = tuple(s for s in source if s)
        line_start = sentence.rfind("\n", 0, at) + 1 if at is not None else 0
        sentence = clause_at(sentence, at, LINES)
        clause = clause_at(sentence, None if at is None else at - line_start)
        # (step, whether it borrows another sentence's claimant: only one that speaks for the claim's region)
        steps = [(lambda: _in(self.attributed(clause), clause) or self._unit(clause, document)
                  or _in(self.attributed(sentence), sentence) or self._unit(sentence, document), False),
                 (lambda: _in(self.headed(line), line) if line else None, False),
                 (lambda: _in(self.attributed(paragraph, near=_NEAR, vague=False), paragraph)
                  or self._unit(paragraph, document, named=True) if paragraph else None, True),
                 (lambda: self.byline(document, *source), False),
                 (lambda: _in(self.attributed_before(document, end) or self._for_headline(document, end),
                              document), True),
                 (lambda: _in(self.only(document, end), document), True)]
        if _ITEM.match(line) and document.lstrip().find(line.strip()) > 0:  # (the first line is a headline)
            # an item of a list or digest ("- Bryansk Oblast: ...", "3. ..."): its own words, or the post's author
            steps = [*steps[:2], (lambda: _in(self.attributed(line, near=_NEAR, vague=False), line), True),
                     (lambda: _in(self.only(line, len(line)), line), True), steps[3]]
        own = document_scan.search(_OWN, sentence)
        if own:  # "по нашим данным": the author's own figure
            steps = [(lambda: self.byline(document, *source), False)]
        elif (told := document_scan.search(_ACCORDING, clause)) and not _UNNAMED.match(told.group(1)):
            steps = steps[:2]  # "according to local residents": no other sentence's claimant
        for level, (step, borrowed) in enumerate(steps):
            found = step()
            if isinstance(found, Claim):  # a unit speaking for itself
                return found
            if found is not None:
                mention, text = found
                index, holder = self._index(self._with_holder(mention, text), document, (text, *source, *where))
                if borrowed and not self._speaks_for(index, where):
                    continue  # "..., Sumy officials said. In Chernihiv Oblast, a deminer was injured."
                name = self._name(index, holder, on)
                if name or level == 0:  # an office of its own sentence we cannot name: no other's claim
                    return Claim(name, text[mention.start:mention.end])
        voice = voice_of(document)
        if voice == "community" and (head := community_head(document)):
            return Claim(*head)
        if voice == "authority":
            index = self._region_of(_AUTHORITIES, (*source, *where, document))
            if index >= 0:
                return Claim(self._name(index, -1, on), "")
        words = document_scan.search(_ACCORDING, sentence)
        if voice and voice != "authority" and not (words and voice in ("digest", "news")):
            # the post's own author: its side's milblogger, a community's head, a digest, an outlet
            if author := self._author(voice, document):
                return Claim(author, own.group() if own else voice_words(document))
        if own:
            return Claim("", own.group())
        return Claim("", words.group(1).strip() if words else "")

    def _unit(self, text: str, document: str, *, named: bool = False) -> Claim | None:
        """A unit ``text`` attributes to ("the 47th Brigade said"), by the name the text gives it
        (:mod:`mapper.extract.units`); ``named``: only one with a name."""
        found = unit_claim(text, document, self._cues)
        return Claim(*found) if found and (found[0] or not named) else None

    def _author(self, voice: str, document: str) -> str:
        """The theatre's claimant for a post's own author of that ``voice`` (a "front" post's: its side's)."""
        rows = [c for c in self.table if c.voice == voice]
        if voice == "front":
            side = author_side(document, self.table)
            rows = [c for c in rows if c.side == side] or [c for c in rows if not c.side]
        return rows[0].name if rows else ""

    def _with_holder(self, mention: Mention, text: str) -> Mention:
        """The mention with its office holder, if the text names one ("Oleh Hryhorov, head of the Sumy
        Regional Military Administration, said")."""
        if mention.claimant < 0 or mention.holder >= 0:
            return mention
        holder = next((m.holder for m in self.find(text) if m.claimant == mention.claimant and m.holder >= 0), -1)
        return Mention(mention.start, mention.end, mention.claimant, holder) if holder >= 0 else mention

    def _index(self, mention: Mention, document: str, source: tuple[str, ...]) -> tuple[int, int]:
        """The claimant (index, or -1) of a mention and its holder: a bare office resolved in the texts."""
        if mention.claimant < 0:
            return self._resolve(mention.office, document, source)
        return mention.claimant, mention.holder

    def _speaks_for(self, index: int, where: tuple[str, ...]) -> bool:
        """Whether a claimant may speak for a claim at ``where`` (its places' regions): a regional
        authority only for its own region, when the claim's region is known."""
        if index < 0 or not where or self.table[index].office not in _LOCAL or str(index) not in self.regions.regexes:
            return True
        return any(self.regions.regexes[str(index)].search(region) for region in where)

    def _name(self, index: int, holder: int, on: date | None) -> str:
        """The canonical name of a claimant: with the holder named, else the one in office on the day."""
        if index < 0:
            return ""
        claimant = self.table[index]
        if holder < 0:
            holder = next((j for j, h in enumerate(claimant.holders) if h.held_on(on)), -1)
        return f"{claimant.name} ({claimant.holders[holder].name})" if holder >= 0 else claimant.name

    def _resolve(self, office: str, document: str, source: tuple[str, ...]) -> tuple[int, int]:
        """The claimant of a bare office: in the first of the texts (the claim's own, the source name,
        then the document) that says which, one of that office it names, else another authority, else
        (but in the document) the one whose region it names; else the one whose region the document names."""
        document_of, resolved = self._resolved
        if document_of is not document:
            self._resolved = (document, resolved := {})
        key = (office, source)
        if key not in resolved:
            resolved[key] = self._resolve_in(office, document, source)
        return resolved[key]

    def _resolve_in(self, office: str, document: str, source: tuple[str, ...]) -> tuple[int, int]:
        offices = _AUTHORITIES if office in _AUTHORITIES else (office,)  # a Ukrainian oblast's head is its "governor" too
        for text in (*source, document):
            named = [m for m in self.find(text) if m.claimant >= 0]
            found = next((m for m in named if self.table[m.claimant].office == office), None) or next(
                (m for m in named if self.table[m.claimant].office in offices), None)
            if found is not None:
                return found.claimant, found.holder
            if text is not document and (index := self._region_of(offices, (text,))) >= 0:
                return index, -1
        index = self._region_of(offices, (document,))  # else the office with no region of the text's side's
        return index if index >= 0 else next((i for i, c in enumerate(self.table) if c.office == office and
                                              not c.regions and c.side and c.side == home_side(document)), -1), -1


def _in(mention: Mention | None, text: str) -> tuple[Mention, str] | None:
    return (mention, text) if mention is not None else None


@lru_cache(maxsize=8)
def _claimants_of(claimants: tuple[Claimant, ...]) -> Claimants:
    return Claimants(claimants)


def claimant_of(*texts: str, claimants: Claimants | None = None, on: date | None = None) -> str:
    """Who reports the figure: ``texts`` are its sentence, paragraph and document (see
    :meth:`Claimants.claim`); the claimant's canonical name or ""."""
    return (claimants or Claimants.of()).claim(*texts[:3], on=on).name
