"""The shortcuts of the geoparser (cached per-word answers, one scan for admin words and front sectors,
contexts read once per clause) give what the plain computations give."""

from __future__ import annotations

from gazetteer import Gazetteer
from gazetteer.context import front_sector_spans
from gazetteer.neighbours import Neighbourhood
from mapper.extract.geoparse import Geoparser
from mapper.extract.people import given_name
from mapper.extract.sentences import split_sentences

TEXTS = [
    "Fighting went on near Sudzha and Sudzha district; Victoria Adams said two villages near Sudzha were shelled.",
    "Бои идут на Покровском и Курском направлениях. В Суджанском районе Курской области погибли двое.",
    "Ворог обстріляв Білопілля та Краснопілля на Сумщині. Білопілля знову під ударом, Краснопілля теж.",
    "KYIV, Dec 3 (Reuters) - Russian troops attacked Vovchansk and Lyptsi; Vovchansk was hit again.",
]


def test_cached_given_name_is_the_plain_answer():
    for word in ["Victoria", "Paul", "Sudzha", "Kursk", "ISW", "Ольга", "", "Adams", "victoria"]:
        assert given_name(word) == given_name.__wrapped__(word)
        assert given_name(word) == given_name.__wrapped__(word)  # asked again: from the cache


def test_spot_gives_the_front_sectors_when_asked():
    spotter = Geoparser().spotter
    for text in TEXTS:
        sectors: list[tuple[int, int]] = []
        assert spotter.spot(text, sectors) == spotter.spot(text)
        assert sectors == front_sector_spans(text)


def test_neighbourhood_with_the_sectors_given_is_the_same():
    parser = Geoparser()
    gaz = Gazetteer.default()
    for text in TEXTS:
        sectors: list[tuple[int, int]] = []
        spotted = parser.spotter.spot(text, sectors)
        sentences = split_sentences(text)
        where = [next((s for s in sentences if s.start <= m.start < s.end), None) for m in spotted]
        first = [parser._resolve_alone(m.query) for m in spotted]
        lends = [r.resolved for r in first]
        given = Neighbourhood(gaz, text, spotted, first, lends, where, sectors)
        read = Neighbourhood(gaz, text, spotted, first, lends, where)
        assert given.sector == read.sector
        assert given.clauses == read.clauses
        assert [(a.index, a.key, a.area) for a in given.anchors] == [(a.index, a.key, a.area) for a in read.anchors]


def test_a_report_reads_the_same_with_warm_and_cold_caches():
    """Contexts and resolutions kept per clause of a report, names said twice in it: a second parse
    (every cache warm) and a fresh parser (its own caches cold) read every mention the same."""
    parser = Geoparser()
    for text in TEXTS:
        mentions = [m.to_dict() for m in parser.parse(text)]
        assert [m.to_dict() for m in parser.parse(text)] == mentions
        assert [m.to_dict() for m in Geoparser().parse(text)] == mentions
