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
import hashlib
import re
from dataclasses import dataclass, field
from collections import Counter
from collections.abc import Iterable

from gazetteer import Gazetteer
from gazetteer.matching import world_city
from gazetteer.normalize import name_key
from mapper.extract.claimants import Claimants
from mapper.extract.sides import ActorClues, actor_of
from mapper.extract.casualties import Figure, find_figures
from mapper.extract.casualty_stems import stem_spans
from mapper.extract.dates import EventDate, resolve_event_date
from mapper.model.events import CATEGORIES, Event, EventLocation, Source, events_to_geodataframe, total_casualties
from mapper.extract.geoparse import Geoparser, Mention
from mapper.assemble.merge import merge_events
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.lang import LANGUAGES, alternation
from mapper.extract.sentences import Sentence, split_sentences

__all__ = ["Extractor", "extract_events", "extract_geodataframe"]

_PLACES = [lang.places for lang in LANGUAGES]
_CAPITALS = "".join(lang.uppercase for lang in LANGUAGES)
#: A sentence that says where casualties named elsewhere happened.
_ANAPHORA = compile_with_first_chars(rf"(?i)\b({alternation(p.anaphora for p in _PLACES)})\b")
_NEIGHBOUR_SENTENCES = 3
#: A wire dateline opening one of the first lines: "KYIV, Dec 16, 2024 (Reuters) -", "WASHINGTON —".
#: Its place is where the reporter files from and its date the publication's, not the event's.
_DATELINE = re.compile(rf"[{_CAPITALS}][{_CAPITALS}'’.\- ]{{2,40}}(?:,[^\n]{{0,60}}?)?\s*(?:\([^)\n]{{1,30}}\)\s*)?"
                       r"[—–-]{1,2}\s")
#: Words right before a place that make a claim "near" it: ACLED geo-precision 2.
_NEAR = compile_with_first_chars(rf"(?i)(?:{alternation(p.near for p in _PLACES)})\s+"
                                 rf"(?:the\s+)?(?:{alternation(p.near_nouns for p in _PLACES)})?$")
#: A preposition meaning "by" before a genitive (Russian "у Мартыновки"), and the genitive's last letters.
_BY = re.compile(rf"(?i)(?:^|\s)(?:{alternation(re.escape(p.by_preposition) for p in _PLACES)})\s+$")
_GENITIVE_ENDINGS = "".join(p.genitive_endings for p in _PLACES)


class Extractor:
    """Turns documents into events with one gazetteer and geoparser; reuse it across documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.geoparser = Geoparser(gazetteer)
        self.claimants = Claimants.of(self.geoparser.gazetteer.theatre)  # who may claim: the theatre's

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
        events = []
        for s in sentences:
            groups: dict[str, list[Figure]] = {}
            actors: dict[str, str] = {}  # subject -> actor (the paragraph is read once, for all its claims)
            for fig in figures_by_sentence[s.index]:
                if fig.subject not in actors:
                    actors[fig.subject] = actor_of(fig.subject, report.sentence(s), report.actor_clues(s.paragraph))
                groups.setdefault(actors[fig.subject], []).append(fig)
            if "" in groups and len(groups) == 2:  # "35 killed, 50 more wounded": one side's claim
                unnamed = groups.pop("")
                groups[next(iter(groups))].extend(unnamed)
            for actor, figs in groups.items():
                events.append(self._event(report, s, actor, figs))
        return events, mentions

    def _event(self, report: "_Report", s: Sentence, actor: str, figs: list[Figure]) -> Event:
        doc, text = report.doc, report.text
        sentence_text = report.sentence(s)
        paragraph = report.paragraph(s.paragraph)
        locations, precision, note, used = _locations(s, report)
        date = report.event_date(s)
        values = _figures(figs)
        quote_start = min([s.start, *(x.start for x in used)])
        quote_end = max([s.end, *(x.end for x in used)])
        key = f"{doc.id}|{s.start}|{s.end}|{actor}|{sorted(values.items())}"
        return Event(
            event_id="ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
            doc_id=doc.id,
            event_date=date.start if date else doc.published,
            event_date_end=date.end if date else doc.published,
            date_precision=date.precision if date else (2 if doc.published else None),
            date_text=date.text if date else ("(publication date)" if doc.published else ""),
            **values,
            actor=actor,
            **self.claimants.claim(sentence_text, paragraph, text, span=(s.start, s.end), on=date.start if date else doc.published,
                                   source=(doc.source_name, getattr(doc, "title", "")),
                                   where=tuple(x.admin1 for x in locations if x.admin1), at=figs[0].start).fields(),
            locations=tuple(locations),
            geo_precision=precision,
            location_note=note,
            source_url=doc.url,
            source_name=doc.source_name,
            published=doc.published,
            source_quote=text[quote_start:quote_end],
            quote_start=quote_start,
            quote_end=quote_end,
            sources=(Source(doc.id, doc.url, doc.source_name, doc.published.isoformat() if doc.published else None,
                            sentence_text),),
        )


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
    # Read once per report, not once per claim, so a paragraph of thousands of claims stays linear.
    _clues: dict[int, ActorClues] = field(default_factory=dict)        # paragraph -> its actor clues
    _dates: dict[int, EventDate | None] = field(default_factory=dict)  # sentence -> claim date there
    _region_by_paragraph: dict[int, Mention] | None = None  # the first resolved region of each paragraph
    _top_region: Mention | None = None                      # the one the report names most
    theatre: object = None                                  # the gazetteer's theatre (None: no theatre)

    @classmethod
    def of(cls, doc, sentences: list[Sentence], mentions: list[Mention], with_figures: set[int]) -> "_Report":
        text = doc.text
        dateline = _dateline_span(text)
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
        regions = [m for m in mentions if m.how == "region" and m.resolution.resolved]
        return cls(doc, text, dated_text, sentences, with_figures, {}, by_sentence, regions)

    def sentence(self, s: Sentence) -> str:
        return self.text[s.start:s.end]

    def paragraph(self, index: int) -> str:
        """A paragraph's sentences joined by spaces (made when a claim first asks for it)."""
        if index not in self.paragraphs:
            if self._paragraph_of is None:
                self._paragraph_of = [x.paragraph for x in self.sentences]  # in order: paragraphs are runs
            lo, hi = bisect.bisect_left(self._paragraph_of, index), bisect.bisect_right(self._paragraph_of, index)
            self.paragraphs[index] = " ".join(self.text[x.start:x.end] for x in self.sentences[lo:hi])
        return self.paragraphs[index]

    def actor_clues(self, index: int) -> ActorClues:
        """What a paragraph says about the side that suffered, read once for all its claims."""
        clues = self._clues.get(index)
        if clues is None:
            clues = self._clues[index] = ActorClues(self.paragraph(index))
        return clues

    def event_date(self, s: Sentence) -> EventDate | None:
        """The claim's date: from its sentence, else the nearest earlier sentence of its paragraph
        that has one ("On Saturday, Russian forces shelled Sudzha. Three civilians were killed.").

        The answer of every sentence walked over is kept: claims further down the paragraph stop
        where the last walk stopped, so each sentence is read for a date at most once.
        """
        walked = []
        i = s.index  # sentences[i] is s: indices are list positions
        date = None
        while i >= 0 and self.sentences[i].paragraph == s.paragraph:
            if i in self._dates:
                date = self._dates[i]
                break
            walked.append(i)
            x = self.sentences[i]
            date = resolve_event_date(self.dated_text[x.start:x.end], self.doc.published)
            if date:
                break
            i -= 1
        for j in walked:
            self._dates[j] = date
        return date

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
        found = self._region_by_paragraph.get(s.paragraph, self._top_region)
        return [found] if found else []


def _sentences_with_stems(text: str, sentences: list[Sentence]) -> set[int] | range:
    """Indices of the sentences that hold a casualty word's stem, from one pass over the report
    (every sentence when lower-casing would move offsets: then each is tested on its own)."""
    low = text.lower()
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
        by_cat.setdefault(f.category, f)
    values: dict = {c: (by_cat[c].best if c in by_cat else None) for c in CATEGORIES}
    low = total_casualties({c: f.low for c, f in by_cat.items()})
    best = total_casualties({c: f.best for c, f in by_cat.items()})
    high = total_casualties({c: f.high for c, f in by_cat.items()})
    values.update(casualties_low=low, casualties_best=best, casualties_high=high,
                  approximate=any(f.approximate for f in figs),
                  qualifier="; ".join(dict.fromkeys(f.qualifier for f in figs if f.qualifier)))
    return values


def _is_site(m: Mention) -> bool:
    """A settlement mention (resolved or not): a place where fighting happens. Oblasts and
    districts only qualify other names or stand in when no settlement is named; a place inside an
    organisation's, title's or vessel's name ("Kursk governor") is no place of events."""
    if m.how in ("region", "district", "organisation"):
        return False
    return not m.resolution.resolved or m.place.is_settlement


def _locations(s: Sentence, report: "_Report"):
    """Places of a claim: ``(locations, geo_precision, note, sentences used)``.

    A neighbouring sentence lends its places when it speaks of fighting or casualties;
    when this sentence names an oblast, only places in that oblast, and only from a
    sentence without figures of its own (those places belong to that claim). A city named like that oblast
    ("Kursk" beside "the Kursk region") is the oblast's shorthand, not a place of its own. A capital or
    city of a million outside the theatre is where a claim was made, not its place, when the sentence
    names a place or region of the theatre too ("said in Washington that ... in the Kursk region").
    """
    text, by_sentence = report.text, report.by_sentence
    in_sentence = by_sentence.get(s.index, [])
    regions = [m for m in in_sentence if m.how == "region" and m.resolution.resolved]
    sites = [m for m in in_sentence if _is_site(m)]
    if report.theatre is not None and sites:  # "said in Washington that ... in Russia's Kursk region"
        home = [m for m in sites if not _far_city(m, report.theatre)]
        sites = home if home or regions else sites
    used: list[Sentence] = []
    note = ""
    if not sites:
        region_codes = {m.place.admin1_code for m in regions}
        namesakes = {name_key(m.query_words[0]) for m in regions if m.query_words}
        for other in _neighbours(s, report.sentences):
            if regions and other.index in report.with_figures:
                continue
            found = [m for m in by_sentence.get(other.index, []) if _is_site(m) and not _seat(m, report.theatre)
                     and (not region_codes or not m.resolution.resolved or m.place.admin1_code in region_codes)
                     and not (m.resolution.resolved and name_key(m.place.name) in namesakes)]
            if found and _ANAPHORA.search(text[other.start:other.end]):
                sites, used = found, [other]
                note = "places from a neighbouring sentence about the same casualties"
                break
    if sites and any(m.resolution.resolved for m in sites):
        locs = _dedupe([_location(m) for m in sites])
        resolved = [loc for loc in locs if loc.has_point]
        precision = resolved[0].geo_precision if len(locs) == 1 else 2
        if precision == 1 and _is_near(text, sites[0]):
            precision, note = 2, note or f"near {resolved[0].name}"
        return locs, precision, note, used
    unresolved = _dedupe([_location(m) for m in sites])  # named, but not placed: fall back to the area
    districts = [m for m in in_sentence if m.how == "district" and m.resolution.resolved]
    if districts:
        locs = _dedupe([_location(m) for m in districts])
        return unresolved + locs, 2, note or "district named, no settlement", used
    if not regions:
        regions = report.document_region(s)
        note = "region named elsewhere in the report" if regions else "no place named"
    locs = _dedupe([_location(m) for m in regions])
    if unresolved and locs:
        note = f"{', '.join(loc.mention for loc in unresolved)} not placed; region used"
    return unresolved + locs, (3 if locs else None), note, used


def _far_city(m: Mention, theatre) -> bool:
    """A capital or city of a million outside the theatre, where claims are made and people meet."""
    return (m.resolution.resolved and theatre is not None and world_city(m.place)
            and not theatre.contains(m.place))


def _seat(m: Mention, theatre) -> bool:
    """A place another sentence names that a claim does not borrow: a national capital, or a
    :func:`_far_city` ("Zelensky, speaking in Kyiv, ...", "met Putin in St Petersburg")."""
    return m.resolution.resolved and (m.place.feature_code == "PPLC" or _far_city(m, theatre))


def _is_near(text: str, mention: Mention) -> bool:
    """The claim is *near* the place ("near Sudzha", "під Суджею", Russian "у Мартыновки")."""
    before = text[max(0, mention.start - 40):mention.start]
    if _NEAR.search(before):
        return True
    # Russian "у" + genitive (у Мартыновки) means "by"; Ukrainian "у" + locative (у Ворожбі) means "in".
    return bool(_BY.search(before)) and mention.text[-1:].lower() in _GENITIVE_ENDINGS


def _dateline_span(text: str) -> tuple[int, int] | None:
    """Span of a wire dateline opening one of the first three non-blank lines, else None."""
    pos = 0
    for line in text[:1000].split("\n")[:6]:
        m = _DATELINE.match(line)
        if m and line[:m.end()].split(",")[0].strip().replace(" ", "").isupper():
            return pos + m.start(), pos + m.end()
        pos += len(line) + 1
    return None


def _neighbours(s: Sentence, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences after, then before, the given one (nearest first), at most a few away."""
    after = sentences[s.index + 1:s.index + 1 + _NEIGHBOUR_SENTENCES]  # indices are list positions
    before = sentences[max(0, s.index - _NEIGHBOUR_SENTENCES):s.index][::-1]
    return after + before


def _location(m: Mention) -> EventLocation:
    p = m.place
    return EventLocation(
        mention=m.text, name=p.name if p else None, latitude=p.latitude if p else None,
        longitude=p.longitude if p else None, country_code=p.country_code if p else None,
        admin1=p.admin1 if p else None, admin2=p.admin2 if p else None, gazetteer_id=p.id if p else None,
        geo_precision=m.resolution.geo_precision if p else None, resolved=p is not None,
        reason=m.resolution.reason,
    )


def _dedupe(locs: list[EventLocation]) -> list[EventLocation]:
    seen: dict[str, EventLocation] = {}
    for loc in locs:
        seen.setdefault(loc.gazetteer_id or f"unresolved:{loc.mention.casefold()}", loc)
    return list(seen.values())


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

