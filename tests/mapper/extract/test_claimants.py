"""Claimants come from the theatre file: the default theatre's, or another theatre's own."""

import datetime as dt
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.theatres import default_theatre, find_theatre
from mapper.extract.claimants import Claimants, claimant_of
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document

TEST_THEATRE = Path(__file__).resolve().parents[2] / "data" / "theatres" / "test_front.toml"


@pytest.mark.parametrize("text, claimant", [
    ("Ukraine's HUR said two soldiers were killed.", "Ukraine's military intelligence (GUR)"),
    ("Головне управління розвідки повідомило про втрати.", "Ukraine's military intelligence (GUR)"),
    ("The General Staff of the Armed Forces reported 40 losses.", "General Staff of the Armed Forces of Ukraine"),
    ("Генштабу ЗСУ повідомили про бої.", "General Staff of the Armed Forces of Ukraine"),
    ("Минобороны РФ заявило об уничтожении.", "Russian Ministry of Defence"),
    ("The Russian Defense Ministry claimed 200 killed.", "Russian Ministry of Defence"),
    ("Russia's Ministry of Defence said 12 were wounded.", "Russian Ministry of Defence"),
    ("The Ukrainian Ministry of Defence said five died.", "Ukraine's Ministry of Defence"),
    ("A US Department of Defense official said 40 died.", "U.S. Department of Defense (Pentagon)"),
    ("В Пентагоне заявили о потерях.", "U.S. Department of Defense (Pentagon)"),
    ("The ISW reported that 30 were killed.", "Institute for the Study of War (ISW)"),
    ("Zelensky said 3 soldiers were wounded.", "President of Ukraine (Volodymyr Zelenskyy)"),
    ("Гладкова сообщил о двух раненых.", "Belgorod Oblast governor (Vyacheslav Gladkov)"),
    ("The governor of the Kursk region said one man was hurt.", "Kursk Oblast governor"),
    ("Губернатора Курской области заявил о погибших.", "Kursk Oblast governor"),
    ("The Sumy regional military administration reported shelling.", "Sumy Oblast military administration"),
    ("Сумська ОВА повідомила про обстріл.", "Sumy Oblast military administration"),
    ("Как сообщил глава Брянской области, в селе ранена женщина.", "Bryansk Oblast governor"),
    ("По словам главы Курской области, погибли двое.", "Kursk Oblast governor"),
    ("У Нацполіції повідомили, що загинула жінка.", "Ukrainian National Police"),
    ("Об этом сообщили в Офисе генпрокурора.", "Prosecutor General's Office of Ukraine"),
])
def test_the_default_theatre_knows_each_claimant(text, claimant):
    assert claimant_of(text) == claimant


def test_a_claimant_needs_a_reporting_verb_and_the_one_next_to_it_wins():
    assert claimant_of("Pentagon officials and ISW analysts met.") == ""
    assert claimant_of("After meeting the Pentagon, ISW said 40 were killed.") == "Institute for the Study of War (ISW)"


def test_the_pattern_is_prefiltered_from_the_data():
    claimants = Claimants.of()
    assert claimants.pattern.prefixes and len(claimants.pattern.prefixes) > 50  # derived from every name
    assert claimants.pattern._parts is not None                     # each start tries only its own names
    assert claimants is Claimants.of(default_theatre())             # built once per theatre


def test_another_theatre_brings_its_own_claimants():
    own = Claimants.of(find_theatre(str(TEST_THEATRE)))
    text = "Two civilians were killed, the head of Testovo village said."
    assert claimant_of(text, claimants=own) == "Testovo village council"
    assert claimant_of(text) == ""                                  # the default theatre has no such claimant
    assert claimant_of("GUR said three soldiers died.", claimants=own) == ""


def test_the_extractor_takes_the_claimants_of_its_gazetteers_theatre(index):
    doc = Document("t1", "Three civilians were killed in Sudzha on Sunday, the Testovo council said.",
                   published=dt.date(2024, 12, 16))
    [own] = Extractor(Gazetteer(index, theatre=find_theatre(str(TEST_THEATRE)))).extract(doc)[0]
    [default] = Extractor(Gazetteer(index)).extract(doc)[0]
    assert own.claimed_by == "Testovo village council" and default.claimed_by == ""
    assert own.actor == default.actor == "Civilians"


def test_the_head_of_a_regional_parliament_is_not_the_governor():
    assert claimant_of("Как сообщил глава Брянской областной думы, в селе ранена женщина.") != "Bryansk Oblast governor"
