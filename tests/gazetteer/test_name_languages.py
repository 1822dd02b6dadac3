"""Language resources (gazetteer/lang): each language's forms normalise as before, the resources
are consistent (tests/test_layout.py checks no Cyrillic literal is left outside them)."""

from pathlib import Path

import pytest

from gazetteer import lang
from gazetteer.boundaries import region_words
from gazetteer.context import country_words, district_phrase_spans, region_phrase_spans
from gazetteer.index import _build_files
from gazetteer.lang.schema import Language, Level, Part, Role, Use
from gazetteer.morphology import PREPOSITIONS, nominative_candidates, strip_preposition
from gazetteer.normalize import fold, name_key, transliterate

PACKAGE = Path(__file__).resolve().parents[2] / "gazetteer"


def test_loader_gives_each_resource_and_refuses_unknown_languages():
    assert [language.code for language in lang.languages()] == list(lang.LANGUAGES)
    assert isinstance(lang.language("be"), Language) and not lang.language("be").reads_text
    with pytest.raises(LookupError, match="xx"):
        lang.language("xx")


def test_transliterations_agree_and_cover_each_alphabet():
    table = lang.transliteration()
    for language in lang.languages():
        assert set(language.alphabet) == set(language.transliteration), language.code
        assert all(table[letter] == latin for letter, latin in language.transliteration.items())


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_case_rules_are_written_in_the_languages_letters(code):
    language = lang.language(code)
    letters = set(language.alphabet)
    for rule in language.case_rules:
        assert set(rule.ending) <= letters and all(set(n) <= letters for n in rule.nominatives), rule
    for word in language.words[Role.PREPOSITION]:
        assert set(word) <= letters | {"i"}                # "пiд" typed with a Latin i
    assert {r.part for r in language.case_rules} == {Part.ADJECTIVE, Part.NOUN}


def test_merged_rules_keep_each_languages_nominatives_in_language_order():
    adjective = dict(lang.case_rules(Part.ADJECTIVE))
    assert adjective["ого"] == ("ое", "ий", "ый", "ой", "е")       # ru's five, uk's add nothing new
    assert dict(lang.case_rules(Part.NOUN))["ами"] == ("ы", "и", "а", "і")  # uk adds its plural -і


# -- Russian --------------------------------------------------------------------------------------
@pytest.mark.parametrize("form,nominative", [
    ("в Грайвороне", "грайворон"), ("под Шебекино", "шебекино"), ("из Тёткино", "теткино"),
    ("у Новой Таволжанки", "новая таволжанка"), ("Глушковском районе", "глушковский район"),
])
def test_russian_forms_propose_their_nominative(form, nominative):
    assert nominative in nominative_candidates(form, use_morph=False)


def test_russian_words():
    assert strip_preposition("неподалеку Суджи") == "Суджи"
    assert name_key("Белгородская обл.") == name_key("Белгородская область") == name_key("Belgorodskaya Oblast")
    assert country_words("Удары по России")[0] == {"RU"}
    assert country_words("Минобороны России сообщило")[0] == set()
    assert fold("Тёткино") == "теткино"


# -- Ukrainian ------------------------------------------------------------------------------------
@pytest.mark.parametrize("form,nominative", [
    ("у Миропіллі", "миропілля"), ("біля Краснопілля", "краснопілля"), ("в Охтирці", "охтирка"),
    ("під Лебедином", "лебедин"), ("з Путивля", "путивль"), ("на Сумщині", "сумщина"),
])
def test_ukrainian_forms_propose_their_nominative(form, nominative):
    assert nominative in nominative_candidates(form, use_morph=False)


def test_ukrainian_words():
    assert region_phrase_spans("обстріли на Сумщині вчора") == [(12, 19, "Сумщині")]
    assert district_phrase_spans("у Ворожбі Шосткинського району")[0][2] == "Шосткинського району"
    assert country_words("вдарили по Україні")[0] == {"UA"}
    assert region_words(["Чернігівська область"]) == ["Чернігівщина"]
    assert name_key("Охтирський район") == name_key("Okhtyrskyi district")


# -- Belarusian (names only) ----------------------------------------------------------------------
def test_belarusian_names_normalise():
    assert name_key("Гомельская вобласць") == name_key("Гомельская область")
    assert transliterate("ў") == "u" and name_key("Ўзда") == name_key("Uzda")
    assert fold("Ўзда") == "узда"                                 # folded to у, as before
    assert lang.language("be").case_rules == ()                   # no case rules: reports are not read


# -- English --------------------------------------------------------------------------------------
def test_english_words():
    assert {"near", "outside"} <= PREPOSITIONS
    assert country_words("Ukraine's General Staff said")[0] == set()
    assert "oblast'" in lang.admin_words(Use.NAME, Level.OBLAST)
    assert "oblast'" not in lang.admin_words(Use.TEXT)


def test_the_index_fingerprint_covers_the_language_resources():
    names = {str(p.relative_to(PACKAGE)) for p in _build_files()}
    assert {"lang/ru.py", "lang/schema.py", "lang/__init__.py", "normalize.py"} <= names


def test_capitals_are_those_of_the_alphabets():
    # The old hand-written classes lacked Ґ; built from the Ukrainian alphabet it is a capital like any other.
    from gazetteer.context import region_phrases
    assert region_phrases("бої біля Ґрунської області") == ["Ґрунської області"]
