"""Reports in, casualty events out: the API behind ``conflictmap extract``.

For each document: spot and resolve its places (all together), find casualty
figures sentence by sentence, group the figures of one sentence and one side
into a claim, attach the claim's places (its sentence, else the sentence that
says where "the casualties" happened, else the region), who suffered, who
claims it and when; then merge the same event reported by several documents::

    >>> from mapper.ingest.documents import read_documents
    >>> docs = read_documents(["seed.txt"], published=datetime.date(2024, 12, 16))   # doctest: +SKIP
    >>> frame = extract_geodataframe(docs)                                            # doctest: +SKIP
    >>> frame[["killed_or_wounded", "actor", "geo_precision"]].iloc[0].tolist()       # doctest: +SKIP
    [30, 'North Korean forces', 2]
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache, partial
import hashlib
from datetime import timedelta
from dataclasses import dataclass, field, replace
from collections import Counter
from collections.abc import Iterable

from gazetteer import Gazetteer
from mapper.extract.claim_places import claim_locations, event_sites, named_sites, places_by_figure
from mapper.extract.claimants import Claimants, claimant_of
from mapper.extract.sides import CIVILIANS, ActorClues, SideReader
from mapper.extract.casualties import Figure, find_figures
from mapper.extract.casualty_stems import stem_spans
from mapper.extract.cumulative import RunningTotal, headline_repeats, running_total
from mapper.extract.dates import EventDate, is_statement_date, resolve_event_date
from mapper.extract.event_type import event_type_of
from mapper.extract.headers import OpeningDates, wire_dateline
from mapper.extract.quantities import ADDITIVE
from mapper.model.events import CATEGORIES, Event, Source, events_to_geodataframe, total_casualties
from mapper.extract.geoparse import Geoparser, Mention
from mapper.assemble.merge import merge_events
from mapper.assemble.restatements import fold_restatements
from mapper.assemble.subtotals import fold_parts
from mapper.extract.lang import LANGUAGES
from mapper.extract.sentences import Sentence, split_sentences
from mapper.extract.voices import voice_of
from mapper._internal.casefold import lowered

__all__ = ["Extractor", "extract_events", "extract_geodataframe"]

_PLACES = [lang.places for lang in LANGUAGES]
#: The categories total_casualties adds as they are (the others go through a max() with zero).
_ADDED = ("missing", "captured")
_SECTORS = re.compile("|".join(p.sectors for p in _PLACES if p.sectors), re.I)
#: "ще", "ещё", "another", "five more": people added to those just counted, of the same side
_ADDITIVE = re.compile(ADDITIVE, re.I)


class Extractor:
    """Turns documents into events with one gazetteer and geoparser; reuse it across documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.geoparser = Geoparser(gazetteer)
        self.claimants = Claimants.of(self.geoparser.gazetteer.theatre)  # who may claim: the theatre's
        # who claims a text's figures, read once per paragraph and report (not once per sentence)
        self._claimant_of = lru_cache(maxsize=64)(partial(claimant_of, claimants=self.claimants))
        self.sides = SideReader.of(self.geoparser.gazetteer.theatre)      # its sides, as its claimants speak

    def extract(self, doc) -> tuple[list[Event], list[Mention]]:
        """Events and place mentions of one :class:`~mapper.ingest.documents.Document`."""
        text = doc.text
        sentences = split_sentences(text)
        with_stems = _sentences_with_stems(text, sentences)
        figures_by_sentence = {s.index: find_figures(text[s.start:s.end]) if s.index in with_stems else []
                               for s in sentences}
        if not any(figures_by_sentence.values()):
            return [], []
        mentions = self.geoparser.parse(text, doc_id=doc.id, sentences=sentences)
        report = _Report.of(doc, sentences, mentions, {i for i, figs in figures_by_sentence.items() if figs})
        report.theatre = self.geoparser.gazetteer.theatre
        self.claimants.read(text)  # one pass for the claimants named in all its sentences and paragraphs
        events = []
        whole: list[ActorClues] = []  # the report read for sides, only when a figure's side needs it

        def read_whole() -> ActorClues:
            if not whole:
                whole.append(self.sides.clues(text))
            return whole[0]
        for s in sentences:
            groups: dict[str, list[Figure]] = {}
            if figures_by_sentence[s.index]:  # who suffered each figure; the paragraph is read once for all
                sentence, paragraph = report.sentence(s), report.paragraph(s.paragraph)
                clues = self.sides.clues(sentence)
                speaker = lru_cache(maxsize=1)(partial(  # found only if "our side" or "the enemy" needs it
                    self.sides.speaker, *(partial(self._claimant_of, t) for t in (sentence, paragraph, text)),
                    sentence=clues, text=text))
            last = None
            for fig in figures_by_sentence[s.index]:
                actor = self.sides.actor(clues, fig.start, fig.end, report.actor_clues(s.paragraph, self.sides),
                                         speaker=speaker, category=fig.category, document=read_whole)
                if last and actor != last and not clues.parties(fig.start, fig.end) and (
                        _ADDITIVE.search(sentence, max(0, fig.start - 12), fig.end)):
                    actor = last  # "вбили двох мешканців, ще чотирьох поранили": more of the same people
                groups.setdefault(actor, []).append(fig)
                last = actor
            if "" in groups and len(groups) == 2 and not (CIVILIANS in groups and any(
                    clues.military(f.start, f.end) for f in groups[""])):  # "35 killed, 50 more wounded": one
                unnamed = groups.pop("")  # side's claim; but "two soldiers and a medic were killed" are two
                groups[next(iter(groups))].extend(unnamed)
            for actor, figs in groups.items():
                events.extend(self._claims(report, s, actor, figs))
        # a headline takes the kind of the claim it repeats; then the claim told twice is one event,
        # and the counts of a total's places are folded into the total
        return fold_parts(fold_restatements(headline_repeats(events, text), text), text), mentions

    def _claims(self, report: "_Report", s: Sentence, actor: str, figs: list[Figure]) -> list[Event]:
        """The events of one side's figures in a sentence: a running total apart from the incidents
        (never an incident's figure), and figures for places far apart each at its own place."""
        totals: dict[RunningTotal | None, list[Figure]] = {}
        sentence_text, lead = report.sentence(s), report.lead(s)
        total = None
        for fig in figs:
            if fig.increment:  # the day's addition beside a running total is the day's count; else no figure
                if total is not None:
                    totals.setdefault(None, []).append(fig)
                continue
            total = running_total(sentence_text, (fig.start, fig.end), report.doc.published, lead=lead,
                                  document=report.text, side=actor, people=fig.best, category=fig.category)
            totals.setdefault(total, []).append(fig)
        events = []
        for total, same in totals.items():
            parts = places_by_figure(same, named_sites(s, report), s.start) if len(same) > 1 else [(same, None)]
            for part, named in parts:  # one claim, one place
                events.append(self._event(report, s, actor, part, total,
                                          None if len(parts) == 1 else event_sites(s, report, named)))
        return events

    def _event(self, report: "_Report", s: Sentence, actor: str, figs: list[Figure],
               total: RunningTotal | None = None, sites: list[Mention] | None = None) -> Event:
        doc, text = report.doc, report.text
        sentence_text = report.sentence(s)
        paragraph = report.paragraph(s.paragraph)
        locations, precision, note, used = claim_locations(s, report, sites, summed=total is not None)
        date = report.event_date(s)
        values = _figures(figs)
        quote_start = min([s.start, *(x.start for x in used)])
        quote_end = max([s.end, *(x.end for x in used)])
        key = f"{doc.id}|{s.start}|{s.end}|{actor}|{sorted(values.items())}" + (f"|{total.words}" if total else "")
        if total:  # the period summed over: from its start (when the text gives it) to the report's date
            dated = dict(event_date=total.start, event_date_end=total.end or doc.published,
                         date_precision=(total.precision or 3) if total.start else None, date_text=total.words)
        elif all(f.increment for f in figs) and doc.published:  # a bulletin's addition: the day just past
            dated = dict(event_date=doc.published - timedelta(days=1), event_date_end=doc.published,
                         date_precision=1, date_text=figs[0].text)
        else:
            dated = dict(event_date=date.start if date else doc.published,
                         event_date_end=date.end if date else doc.published,
                         date_precision=date.precision if date else (2 if doc.published else None),
                         date_text=date.text if date else ("(publication date)" if doc.published else ""))
        kind, sub_kind = event_type_of(text, (s.start, s.end), (s.start + min(f.start for f in figs),
                                                                 s.start + max(f.end for f in figs)),
                                       paragraph=report.paragraph_span(s), actor=actor,
                                       categories={f.category for f in figs}, total=total is not None)
        return Event.of({
            "event_id": "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
            "doc_id": doc.id,
            **dated,
            **values,
            "event_type": kind,
            "sub_event_type": sub_kind,
            "cumulative": total is not None,
            "actor": actor,
            **self.claimants.claim(sentence_text, paragraph, text, span=(s.start, s.end), on=date.start if date else doc.published,
                                   source=(doc.source_name, getattr(doc, "title", "")),
                                   where=tuple(x.admin1 for x in locations if x.admin1), at=figs[0].start).fields(),
            "locations": tuple(locations),
            "geo_precision": precision,
            "location_note": note,
            "source_url": doc.url,
            "source_name": doc.source_name,
            "published": doc.published,
            "source_quote": text[quote_start:quote_end],
            "quote_start": quote_start,
            "quote_end": quote_end,
            "sources": (Source(doc.id, doc.url, doc.source_name, doc.published.isoformat() if doc.published else None,
                               sentence_text),),
        })


@dataclass
class _Report:
    """One document as the extractor sees it: text, sentences, mentions, and what is derived once."""

    doc: object
    text: str
    dated_text: str             # the text with a wire dateline blanked (its date is the report's)
    sentences: list[Sentence]
    with_figures: set[int]
    paragraphs: dict[int, str]  # joined text of the paragraphs asked for so far
    # Mentions outside the dateline (its city is where the reporter is), by sentence so no claim
    # scans them all, and the resolved region mentions among them.
    by_sentence: dict[int, list[Mention]]
    regions: list[Mention]
    _paragraph_of: list[int] | None = None
    _texts: dict[int, str] = field(default_factory=dict)  # sentence -> its text, sliced once
    named: dict[int, list[Mention]] = field(default_factory=dict)  # sentence -> its settlements (named_sites)
    # Read once per report, not once per claim, so a paragraph of thousands of claims stays linear.
    _clues: dict[int, ActorClues] = field(default_factory=dict)        # paragraph -> its actor clues
    # sentence -> (event date, statement date) of a claim there
    _dates: dict[int, tuple[EventDate | None, EventDate | None]] = field(default_factory=dict)
    _region_by_paragraph: dict[int, Mention] | None = None  # the first resolved region of each paragraph
    _top_region: Mention | None = None                      # the one the report names most
    theatre: object = None                                  # the gazetteer's theatre (None: no theatre)
    dateline: tuple[int, int] | None = None                 # span of a wire dateline
    _opening: OpeningDates | None = None                    # header and lead dates, made when first asked
    _figure_paragraphs: set[int] | None = None              # the paragraphs holding a figure

    @classmethod
    def of(cls, doc, sentences: list[Sentence], mentions: list[Mention], with_figures: set[int]) -> "_Report":
        text = doc.text
        found = wire_dateline(text)      # where the reporter files from, and the report's day
        dateline = found.span if found else None
        if dateline:
            mentions = [m for m in mentions if not dateline[0] <= m.start < dateline[1]]
            dated_text = text[:dateline[0]] + " " * (dateline[1] - dateline[0]) + text[dateline[1]:]
        else:
            dated_text = text
        # a header in capitals opening a line ("SEOUL: South Korea's intelligence agency told ...") is
        # where a digest's item was filed or said, like a wire dateline: no place of its claims
        mentions = [m for m in mentions if not m.dateline]
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        # a claim with no place falls back on these: not front sectors named together ("the largest losses on
        # the Pokrovsk and Kursk axes" names no place of a General Staff's nationwide count)
        regions = [m for m in mentions if m.resolution.resolved and not _SECTORS.search(m.text) and (
            m.how == "region" or m.how == "gazetteer" and m.place.is_admin1)]  # "БЕЛГОРОДСКАЯ ОБЛАСТЬ:" in capitals
        return cls(doc, text, dated_text, sentences, with_figures, {}, by_sentence, regions, dateline=dateline)

    def sentence(self, s: Sentence) -> str:
        """The sentence's text: one string for all its readers, so that each of their caches hashes it once."""
        found = self._texts.get(s.index)
        if found is None:
            found = self._texts[s.index] = self.text[s.start:s.end]
        return found

    def figure_paragraphs(self) -> set[int]:
        """The paragraphs that hold a casualty figure, worked out once."""
        if self._figure_paragraphs is None:
            self._figure_paragraphs = {self.sentences[i].paragraph for i in self.with_figures}
        return self._figure_paragraphs

    def paragraph(self, index: int) -> str:
        """A paragraph's sentences joined by spaces (made when a claim first asks for it)."""
        if index not in self.paragraphs:
            lo, hi = self._run(index)
            self.paragraphs[index] = " ".join(self.text[x.start:x.end] for x in self.sentences[lo:hi])
        return self.paragraphs[index]

    def _run(self, index: int) -> tuple[int, int]:
        """The positions of the first sentence of a paragraph and past its last one."""
        if self._paragraph_of is None:
            self._paragraph_of = [x.paragraph for x in self.sentences]  # in order: paragraphs are runs
        return bisect.bisect_left(self._paragraph_of, index), bisect.bisect_right(self._paragraph_of, index)

    def lead(self, s: Sentence) -> str:
        """The sentences just before ``s`` in its paragraph, or a line ending in a colon above it, that
        hold no figures (at most two): a heading that introduces it ("Total losses since 24.02.22:")."""
        i = s.index
        while i > max(0, s.index - 2) and i - 1 not in self.with_figures and (
                self.sentences[i - 1].paragraph == s.paragraph or self.sentence(self.sentences[i - 1]).endswith(":")):
            i -= 1
        return self.text[self.sentences[i].start:s.start] if i < s.index else ""

    def paragraph_span(self, s: Sentence) -> tuple[int, int]:
        """Where the sentence's paragraph starts and ends in the text (within 50 sentences of it)."""
        lo, hi = self._run(s.paragraph)  # (the same as reading the 50 sentences on each side for its paragraph's)
        return self.sentences[max(lo, s.index - 50)].start, self.sentences[min(hi, s.index + 50) - 1].end

    def actor_clues(self, index: int, sides: SideReader) -> ActorClues:
        """What a paragraph says about the side that suffered, read once for all its claims."""
        clues = self._clues.get(index)
        if clues is None:
            clues = self._clues[index] = sides.clues(self.paragraph(index))
        return clues

    def event_date(self, s: Sentence) -> EventDate | None:
        """The claim's date: the event's date in its sentence, else in the nearest earlier sentence
        of its paragraph that has one ("On Saturday, Russian forces shelled Sudzha. Three civilians
        were killed."), else the date of a statement there ("officials said on Monday"), else the lead
        paragraph's, else of a header line or wire dateline (:mod:`mapper.extract.headers`), which also
        dates "yesterday" when the report has no publication date.

        The answer of every sentence walked over is kept: claims further down the paragraph stop
        where the last walk stopped, so each sentence is read for a date at most once.
        """
        if self._opening is None:
            self._opening = OpeningDates(self.text, self.dated_text, self.sentences, self.doc.published, self.dateline)
        walked, own, state = [], {}, (None, None)     # state: (event date, statement date)
        i = s.index  # sentences[i] is s: indices are list positions
        while i >= 0 and self.sentences[i].paragraph == s.paragraph:
            if i in self._dates:
                state = self._dates[i]
                break
            x = self.sentences[i]
            text = self.sentence(x) if self.dated_text is self.text else self.dated_text[x.start:x.end]
            date = resolve_event_date(text, self._opening.reference)
            if date and not is_statement_date(text, date):
                state = self._dates[i] = (date, None)
                break
            walked.append(i)
            own[i] = date
            i -= 1
        for j in reversed(walked):                   # down the paragraph: a statement date holds to the next
            state = self._dates[j] = (state[0], own[j] or state[1])
        event, said = self._dates[s.index]
        return event or self._opening.fallback(s.paragraph, said)

    def document_region(self, s: Sentence) -> list[Mention]:
        """The region a claim without places falls back on: the first one its paragraph names,
        else the one the report names most (the first of those). Worked out once per report."""
        if self._region_by_paragraph is None:
            self._region_by_paragraph = {}
            for m in self.regions:
                self._region_by_paragraph.setdefault(m.paragraph, m)
            if self.regions:
                top = Counter(m.place.id for m in self.regions).most_common(1)[0][0]
                self._top_region = next(m for m in self.regions if m.place.id == top)
        if voice_of(self.text) == "digest":  # a digest's items are stories of their own: the item's line, or
            start, end = _line_span(self.text, s.start, s.end)  # the heading's region ("Сумщина: підсумки тижня")
            heading = _line_span(self.text, 0, 0)[1]
            return ([m for m in self.regions if start <= m.start < end] or [m for m in self.regions if m.start < heading])[:1]
        found = self._region_by_paragraph.get(s.paragraph, self._top_region)
        return [found] if found else []


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line (or lines) holding ``text[start:end]`` starts and ends."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def _sentences_with_stems(text: str, sentences: list[Sentence]) -> set[int] | range:
    """Indices of the sentences that hold a casualty word's stem, from one pass over the report
    (every sentence when lower-casing would move offsets: then each is tested on its own)."""
    low = lowered(text)  # (the report's lower case, made once for its readers)
    if len(low) != len(text):
        return range(len(sentences))
    starts = [s.start for s in sentences]
    found = set()
    for start, end in stem_spans(low):
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= sentences[i].end:
            found.add(i)
    return found


def _figures(figs: list[Figure]) -> dict:
    """Per-category values and the claim's low/best/high without double counting."""
    by_cat: dict[str, Figure] = {}
    for f in figs:
        first = by_cat.setdefault(f.category, f)
        if first is not f and f.named and first.named and not (f.start < first.end and first.start < f.end):
            # "a man was wounded and a woman injured": people named apart are each counted
            by_cat[f.category] = replace(first, low=first.low + f.low, best=first.best + f.best,
                                         high=first.high + f.high)
    values: dict = {c: (by_cat[c].best if c in by_cat else None) for c in CATEGORIES}
    if len(by_cat) == 1:  # one category (most claims): total_casualties of one figure, without its dicts
        (f,) = by_cat.values()
        low, best, high = f.low or 0, f.best or 0, f.high or 0
        if f.category not in _ADDED:  # (summed with max(): never below zero)
            low, best, high = max(0, low), max(0, best), max(0, high)
    else:
        low = total_casualties({c: f.low for c, f in by_cat.items()})
        best = total_casualties({c: f.best for c, f in by_cat.items()})
        high = total_casualties({c: f.high for c, f in by_cat.items()})
    values.update(casualties_low=low, casualties_best=best, casualties_high=high,
                  approximate=any(f.approximate for f in figs),
                  qualifier="; ".join(dict.fromkeys(f.qualifier for f in figs if f.qualifier)))
    return values


def extract_events(documents: Iterable, *, gazetteer: Gazetteer | None = None, merge: bool = True) -> list[Event]:
    """Events of all documents; duplicates across documents merged unless ``merge=False``."""
    extractor = Extractor(gazetteer)
    events: list[Event] = []
    for doc in documents:
        events.extend(extractor.extract(doc)[0])
    return merge_events(events) if merge else events


def extract_geodataframe(documents: Iterable, *, gazetteer: Gazetteer | None = None, merge: bool = True):
    """Like :func:`extract_events`, as a GeoDataFrame in EPSG:4326."""
    return events_to_geodataframe(extract_events(documents, gazetteer=gazetteer, merge=merge))

