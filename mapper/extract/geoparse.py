"""Geoparse a report: every place mention with its span and its resolution.

All mentions of a document are resolved together. A first pass resolves each
name on its own (with the countries and oblasts the document names); a second
pass resolves each again with its sentence as local context: the oblasts and
countries named there, and the confidently placed names beside it (a dateline, "KYIV, Dec 3 (Reuters) -",
is resolved with the document's countries, then its oblasts, never its sentence: it says where the report
was filed, not where the story is). So "Vorozhba" listed with Plekhovo and Martynovka is not put in Sumy
oblast. Then :class:`gazetteer.neighbours.Neighbourhood` settles homonyms with the confident places of the
paragraph and the document, and reads a capital standing for its government as no place::

    >>> mentions = geoparse_text(open("report.txt").read(), doc_id="report")   # doctest: +SKIP
    >>> [(m.text, m.resolution.resolved) for m in mentions]                       # doctest: +SKIP
    [('Kursk region', True), ('Plekhovo', True), ('Vorozhba', False), ('Martynovka', True)]
"""

from __future__ import annotations

import bisect
from typing import NamedTuple
from functools import lru_cache

from gazetteer import Context, Gazetteer, Resolution
from gazetteer.context import country_words, find_country_words, is_word_char
from gazetteer.exc import QueryError
from gazetteer.neighbours import Neighbourhood
from gazetteer.normalize import name_key
from mapper.extract.caps import in_dateline
from mapper.extract.sentences import Sentence, split_sentences
from mapper.extract.toponyms import ToponymSpotter

__all__ = ["Mention", "geoparse_text", "Geoparser"]

#: A first-pass place counts as context for its neighbours only when it beat its runner-up by this much.
_CONFIDENT_MARGIN = 0.05


class Mention(NamedTuple):
    """One place name in a document and what it resolved to (a named tuple: a report has dozens)."""

    doc_id: str
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    how: str
    resolution: Resolution
    #: in a dateline or a line-opening header in capitals ("KYIV, Dec 3 (Reuters) -", "SEOUL:"): where
    #: the report or a digest item was filed, not a place of its claims
    dateline: bool = False

    @property
    def place(self):
        return self.resolution.place

    @property
    def query_words(self) -> list[str]:
        """The words of the mention ("Kursk border region" → ["Kursk", "border", "region"])."""
        return self.text.split()

    def to_dict(self) -> dict:
        """The ``geoparse --format jsonl`` record (see DESIGN.md)."""
        r = self.resolution.to_dict()
        return {
            "doc": self.doc_id, "mention": self.text, "start": self.start, "end": self.end,
            "resolved": r["resolved"], "name": r["name"], "latitude": r["latitude"],
            "longitude": r["longitude"], "country_code": r["country_code"], "admin1": r["admin1"],
            "admin2": r["admin2"], "feature": r["feature"], "gazetteer_id": r["gazetteer_id"],
            "geo_precision": r["geo_precision"], "score": r["score"], "reason": r["reason"],
            "spotted_by": self.how, "alternatives": r["alternatives"],
        }


class Geoparser:
    """Spots and resolves place mentions with one gazetteer; reuse it across documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.default()
        self.spotter = ToponymSpotter(self.gazetteer)
        self._alone: Context | None = None

    def parse(self, text: str, *, doc_id: str = "", sentences: list[Sentence] | None = None) -> list[Mention]:
        """Mentions of ``text``; pass ``sentences`` when already split (saves the work)."""
        sectors: list[tuple[int, int]] = []  # the front sectors, from the spotter's scan for admin words
        spotted = self.spotter.spot(text, sectors)
        if not spotted:
            return []
        sentences = sentences if sentences is not None else split_sentences(text)
        starts = [s.start for s in sentences]
        where = [_sentence_of(sentences, starts, s.start) for s in spotted]
        gaz = self.gazetteer
        phrases = {s.query: None for s in spotted if s.how == "region"}  # each oblast phrase resolved once
        doc_admin1 = frozenset(
            r.place.admin1_code for r in map(self._resolve_alone, phrases) if r.resolved and r.place.is_admin1)
        doc_countries, country_spans = country_words(text)
        doc_ctx = Context(theatre=gaz.theatre, doc_countries=frozenset(doc_countries),
                          doc_admin1_codes=doc_admin1, text=text)
        # A dateline ("KYIV, Dec 3 (Reuters) -") says where the report was filed, not where the story is:
        # the countries the document names are its context, then (when that places nothing) its oblasts too.
        dateline = [s.text.isupper() and in_dateline(text, s.start) for s in spotted]
        filed_ctx = Context(theatre=gaz.theatre, doc_countries=doc_ctx.doc_countries)
        first_of: dict[tuple[str, bool], Resolution] = {}  # a name said again reads the same in these contexts
        first = []
        for s, alone in zip(spotted, dateline):
            r = first_of.get((s.query, alone))
            if r is None:
                r = first_of[(s.query, alone)] = (
                    self._resolve(s.query, doc_ctx) if not alone or not (r := self._resolve(s.query, filed_ctx)).resolved
                    else r)
            first.append(r)
        named_countries = _CountryWords(text, country_spans)
        # A first-pass place is context for its neighbours when it is a settlement placed with confidence.
        lends = [_confident(r) and r.place.is_settlement and not alone for r, alone in zip(first, dateline)]
        hood = Neighbourhood(gaz, text, spotted, first, lends, where, sectors)
        by_sentence: dict[int, list[int]] = {}
        for i, sentence in enumerate(where):
            by_sentence.setdefault(sentence.index if sentence else -1, []).append(i)
        # What a clause says (its names, oblasts, districts, countries) is read once for all its mentions;
        # a mention's context adds the confident places of the clause but its own name.
        clauses: dict[object, _Clause] = {}
        lenders: dict[object, list[int]] = {}  # the mentions of each clause that lend their place
        contexts: dict[tuple, tuple[Context, Resolution]] = {}
        mentions = []
        for i, (name, sentence) in enumerate(zip(spotted, where)):
            if name.how in ("region", "district") or dateline[i]:
                resolution = first[i]
            else:
                key = hood.clauses[i] if sentence else name.text
                clause = clauses.get(key)
                if clause is None:
                    clause = clauses[key] = _Clause.of(text, spotted, first, by_sentence, hood.clauses[i], sentence,
                                                       name.text, named_countries)
                    lenders[key] = [j for j in clause.others if lends[j]]
                near = tuple(j for j in lenders[key] if j != i and spotted[j].text != name.text)
                known = contexts.get((key, near, name.query))
                if known is None and not (near or clause.countries or clause.admin1_codes or clause.admin2_keys
                                          or " " in name.query):
                    # a clause that names nothing more than the document: its context is the document's
                    # (one word is no city district, which alone reads the context's text)
                    known = contexts[(key, near, name.query)] = (doc_ctx, first[i])
                if known is None:
                    ctx = Context(theatre=gaz.theatre, countries=clause.countries,
                                  admin1_codes=clause.admin1_codes, admin1_names=clause.admin1_names,
                                  doc_countries=doc_ctx.doc_countries, doc_admin1_codes=doc_admin1,
                                  near=tuple(first[j].place for j in near), text=clause.text,
                                  admin2_keys=clause.admin2_keys)
                    known = contexts[(key, near, name.query)] = (ctx, self._resolve(name.query, ctx))
                ctx, resolution = known
                resolution = hood.settle(i, name.query, resolution, ctx)
            mentions.append(Mention(doc_id, name.text, name.start, name.end,
                                    sentence.index if sentence else -1, sentence.paragraph if sentence else -1,
                                    hood.reading(i, name.how, resolution), resolution, dateline[i]))
        return mentions

    def _resolve_alone(self, name: str) -> Resolution:
        """``name`` resolved with the theatre alone (one such context per theatre)."""
        theatre = self.gazetteer.theatre
        if self._alone is None or self._alone.theatre is not theatre:
            self._alone = Context(theatre=theatre)
        return self._resolve(name, self._alone)

    def _resolve(self, name: str, ctx: Context) -> Resolution:
        try:
            return self.gazetteer.resolve(name, ctx)
        except QueryError as exc:  # a spotted span that is no usable query; any other error is a bug and surfaces
            return Resolution(name, None, 0.0, f"not resolvable: {exc}")


def geoparse_text(text: str, *, doc_id: str = "", gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every place mention of ``text`` with its resolution."""
    return Geoparser(gazetteer).parse(text, doc_id=doc_id)


def _sentence_of(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence | None:
    """The sentence holding ``pos``; ``starts`` are the sentences' start offsets, in order."""
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i] if i >= 0 and pos < sentences[i].end else None


@lru_cache(maxsize=8192)
def _countries(sentence_text: str) -> frozenset[str]:
    return frozenset(find_country_words(sentence_text))


class _CountryWords:
    """The countries each sentence names, from the spans of the report's country words
    (:func:`gazetteer.context.country_words`): a sentence that holds none of them names none; it
    is read on its own only when it holds one, when its edges cut a word, or when there are no spans."""

    def __init__(self, text: str, spans: list[tuple[int, int]] | None):
        self.text = text
        self.starts = None if spans is None else [start for start, _ in spans]
        self.ends = None if spans is None else [end for _, end in spans]

    def of(self, sentence: Sentence) -> frozenset[str]:
        text, start, end = self.text, sentence.start, sentence.end
        if self.starts is not None and not (start and is_word_char(text[start - 1])) and not (
                end < len(text) and (is_word_char(text[end]) or text[end] in "'’")):
            i = bisect.bisect_left(self.starts, start)
            if i == len(self.starts) or self.ends[i] > end:
                return frozenset()
        return _countries(text[start:end])



class _Clause(NamedTuple):
    """What one clause (a sentence, or its part at a namesake clause) gives its mentions' contexts."""

    others: list[int]                # the mentions in it
    admin1_codes: frozenset[str]     # the oblasts named there
    admin1_names: tuple[str, ...]
    admin2_keys: frozenset[str]      # the name keys of the districts named there
    text: str
    countries: frozenset[str]

    @classmethod
    def of(cls, text: str, spotted, first, by_sentence: dict[int, list[int]], span: tuple[int, int] | None,
           sentence: Sentence | None, name: str, named_countries: _CountryWords) -> _Clause:
        """The clause ``span`` of ``sentence`` (outside sentences: the mention ``name`` alone)."""
        a, b = span or (0, 0)
        whole = sentence and (a, b) == (sentence.start, sentence.end)
        others = by_sentence[sentence.index if sentence else -1]
        others = others if whole or not sentence else [j for j in others if a <= spotted[j].start < b]
        admin1 = {first[j].place.admin1_code: first[j].place.name for j in others
                  if spotted[j].how == "region" and first[j].resolved and first[j].place.is_admin1}
        admin2 = frozenset(name_key(first[j].place.admin2) for j in others if spotted[j].how == "district"
                           and first[j].resolved and first[j].place.admin2)
        local_text = text[a:b] if sentence else name
        countries = named_countries.of(sentence) if whole else _countries(local_text)
        return cls(others, frozenset(admin1), tuple(admin1.values()), admin2, local_text, countries)


def _confident(res: Resolution) -> bool:
    if not res.resolved:
        return False
    runner_up = next((c.score for c in res.alternatives if not c.contradiction), None)
    return runner_up is None or res.score - runner_up >= _CONFIDENT_MARGIN

