"""Country words are found in one Aho-Corasick pass; they must be exactly what a regular expression
over the same words finds (whole words, an optional possessive, longest first, no overlaps)."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gazetteer.context import COUNTRY_WORDS, _country_matches, find_country_words

WORDS = sorted((w for ws in COUNTRY_WORDS.values() for w in ws), key=len, reverse=True)
REFERENCE = re.compile(r"(?<!\w)(" + "|".join(WORDS) + r")(?:['’]s)?(?!\w)")
PIECES = WORDS + ["russian", "federation", "рфх", "x", "_", "5", "'s", "’s", " ", ",", "-", "ukrainex"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@example("russian federation's troops, ukraine, xrussia, россии")
@example("russias russia's's рф_рф")
def test_country_words_are_whole_words_longest_first(text):
    assert _country_matches(text) == [(m.start(), m.end(), m.group(1)) for m in REFERENCE.finditer(text)]


def test_country_named_as_an_institution_is_not_a_place():
    assert find_country_words("Ukraine's General Staff said fighting went on in Russia's Kursk region") == {"RU"}


SENTENCE_PIECES = PIECES + [". ", "! ", ".\n\n", "ß", "ministry", "general staff", "Russia", "UKRAINE", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=24).map("".join))
@example("xrussia. Russia's ministry said. Ukraine! " + "a" * 1200 + " ukraine")
def test_each_sentence_names_the_countries_it_would_name_on_its_own(text):
    from mapper.extract.geoparse import _countries, _CountryWords
    from mapper.extract.sentences import split_sentences

    from gazetteer.context import country_word_spans

    words = _CountryWords(text, country_word_spans(text))
    for s in split_sentences(text):
        assert words.of(s) == _countries(text[s.start:s.end])


def test_a_possessive_country_before_a_common_noun_is_its_owner_not_a_place():
    assert find_country_words("Ukraine's prosecutor general said three men were shot near Kursk") == set()
    assert find_country_words("Russia's losses near Kursk keep growing") == set()
    assert find_country_words("Ukraine's Prosecutor General said so") == set()
    assert find_country_words("fighting in Ukraine's north went on") == {"UA"}
    assert find_country_words("the shelling of Ukraine's Sumy region") == {"UA"}


def test_a_sources_country_neither_vetoes_the_place_nor_becomes_one():
    from mapper.extract.geoparse import Geoparser

    mentions = Geoparser().parse("Three captives were shot near Kursk, Ukraine's prosecutor general said. "
                                 "Two more were held near Sudzha, Russia's army said.")
    assert [(m.text, m.place.name if m.place else None) for m in mentions] == [("Kursk", "Kursk"), ("Sudzha", "Sudzha")]
