"""The language resources: each loads with typed entries, each language reads numbers, figures and
dates (tests/test_layout.py checks no Cyrillic literal is left outside them)."""

import datetime
import re

import pytest

from mapper.extract.casualties import find_figures
from mapper.extract.casualty_stems import KEYWORD_STEMS, KEYWORDS, may_have_keyword
from mapper.extract.dates import find_dates
from mapper.extract.lang import LANGUAGES, alternation, get_language, words
from mapper.extract.lang.schema import (Casualty, CasualtyKeyword, Language, NumberKind, RangeLead, RangeWord, Sense,
                                        Syntax)
from mapper.extract.numbers import parse_number
from mapper.model.events import Event
from mapper.render.briefing.wording import figures_text

CODES = ["en", "ru", "uk"]
#: Cyrillic literals that are not language but theatre knowledge, moving to the theatre file:
#: (file, assigned name) -> left alone here.
def test_every_language_loads_and_is_registered():
    assert [lang.code for lang in LANGUAGES] == CODES
    for code in CODES:
        lang = get_language(code)
        assert isinstance(lang, Language) and lang.code == code and lang.name
    with pytest.raises(KeyError):
        get_language("xx")


@pytest.mark.parametrize("code", CODES)
def test_entries_are_typed_and_every_pattern_compiles(code):
    lang = get_language(code)
    words_ = lang.casualties
    assert words_.keywords and all(isinstance(kw, CasualtyKeyword) for kw in words_.keywords)
    assert all(isinstance(kw.casualty, Casualty) and isinstance(kw.syntax, Syntax) for kw in words_.keywords)
    assert all(q.sense is None or isinstance(q.sense, Sense) for q in (*words_.qualifiers, *words_.post_qualifiers))
    assert all(isinstance(kind, RangeWord) for kind in words_.range_words.values())
    assert all(isinstance(kind, RangeLead) for kind in words_.range_leads.values())
    assert all(isinstance(w.kind, NumberKind) and w.forms for w in lang.numbers.words)
    assert len(lang.dates.months) == 12 and len(lang.dates.weekdays) == 7
    patterns = [kw.pattern for kw in words_.keywords] + [q.pattern for q in words_.qualifiers]
    patterns += [v.pattern for v in lang.numbers.vague] + list(lang.dates.slots.values())
    patterns += [p for p in vars(words_).values() if isinstance(p, str)] + [*lang.sides.forces.values(), *lang.sides.states.values()]
    for pattern in patterns:
        re.compile(pattern)


def test_the_roles_name_the_event_fields():
    assert {c.value for c in Casualty} == {"killed", "wounded", "missing", "captured", "killed_or_wounded"}
    assert Casualty.CASUALTIES.value == "killed_or_wounded"
    assert {casualty for casualty, _, _ in KEYWORDS} == set(Casualty)


@pytest.mark.parametrize("text,value", [
    ("forty-two", 42), ("a dozen", 12),                      # en
    ("двести тридцать", 230), ("пятерых", 5),                 # ru
    ("п'ятнадцять", 15), ("чотириста", 400), ("троє", 3),     # uk
])
def test_a_number_word_of_each_language_parses(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,expected", [
    ("Local officials said 14 soldiers were killed near the bridge.", ("killed", 14, 14, 14, "", "soldiers")),
    ("По данным губернатора, ранены 7 мирных жителей.", ("wounded", 7, 7, 7, "", "мирных жителей")),
    ("В плен сдались 12 военнослужащих.", ("captured", 12, 12, 12, "", "военнослужащих")),
    ("Внаслідок обстрілу загинули троє цивільних.", ("killed", 3, 3, 3, "", "цивільних")),
    ("Щонайменше 40 окупантів зникли безвісти.", ("missing", 40, 40, 40, "Щонайменше", "окупантів")),
])
def test_a_sentence_of_each_language_gives_its_figure(text, expected):
    assert [(f.category, f.low, f.best, f.high, f.qualifier, f.subject) for f in find_figures(text)] == [expected]


@pytest.mark.parametrize("text,start,end", [
    ("On Saturday night, shelling hit the port", "2024-03-09", "2024-03-09"),
    ("Удар был нанесён в ночь на 3 марта", "2024-03-02", "2024-03-03"),
    ("Обстріли тривали минулого тижня", "2024-02-26", "2024-03-03"),
])
def test_a_date_of_each_language_resolves(text, start, end):
    found = find_dates(text, datetime.date(2024, 3, 10))
    assert [(d.start.isoformat(), d.end.isoformat()) for d in found] == [(start, end)]


@pytest.mark.parametrize("qualifier,words_", [("не менее", "at least"), ("щонайменше", "at least"),
                                               ("около", "about"), ("з лишком", "more than"), ("до", "up to")])
def test_the_deck_words_russian_and_ukrainian_qualifiers(qualifier, words_):
    ev = Event("e", "d", killed=20, casualties_low=20, casualties_best=20, casualties_high=20, approximate=True,
               qualifier=qualifier)
    assert figures_text(ev) == f"{words_} 20 killed"


def test_the_keyword_prefilter_is_derived_from_every_languages_keywords():
    for lang in LANGUAGES:
        for kw in lang.casualties.keywords:
            first = kw.pattern.split("|")[0]
            if re.fullmatch(r"[^\W\d_]+", first):       # a plain word: it must pass the prefilter
                assert may_have_keyword(f"xx {first} yy"), (lang.code, first)
    assert not may_have_keyword("the bridge was repaired and the market reopened")
    assert {"убит", "вбили", "killed"} <= KEYWORD_STEMS


def test_helpers_join_languages_in_order():
    assert alternation(["a", "", "b"]) == "a|b"
    assert words([("x", "y"), ("y", "z")]) == ("x", "y", "z")


