"""Who says so, as reports write it: reporting verbs and "according to" in three languages, offices
with and without their region, office holders by the day, line heads, bylines, signatures, source
names and an authority's own voice. Sentences are our own (issue 17's examples among them)."""

import datetime as dt

import pytest

from mapper.extract.claimants import Claimants, claimant_of
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document

AUG_2024, JAN_2025, MAR_2024 = dt.date(2024, 8, 20), dt.date(2025, 1, 10), dt.date(2024, 3, 1)


def claim(sentence, paragraph="", document="", **kw):
    return Claimants.of().claim(sentence, paragraph, document, **kw)


@pytest.mark.parametrize("text, claimant", [
    # issue 17: empty before
    ("Oleh Hryhorov said two civilians were killed in Bilopillia.", "Sumy Oblast military administration (Oleh Hryhorov)"),
    ("Kharkiv governor Oleh Syniehubov said five people were wounded in Zolochiv.",
     "Kharkiv Oblast military administration (Oleh Syniehubov)"),
    ("Ukraine said 40 Russian soldiers had been killed near Sudzha.", "Ukrainian authorities"),
    ("Russia said it had killed 60 Ukrainian servicemen.", "Russian authorities"),
    ("Two captives were shot near Kursk, Ukraine's prosecutor general said.", "Prosecutor General's Office of Ukraine"),
    ("Ukrainian border guards said they shot down a drone and killed two saboteurs near Seredyna-Buda.",
     "State Border Guard Service of Ukraine"),
    ("Українські прикордонники повідомили про двох поранених бійців.", "State Border Guard Service of Ukraine"),
    ("Через удар дрона загинула жінка, повідомив начальник Миропільської сільської військової адміністрації.",
     "Local hromada head"),
    ("The state news agency TASS reported that a drone wounded three people in Lgov.", "TASS (Russian state news agency)"),
    ("A Russian milblogger claimed that 40 Ukrainian marines were killed near Glushkovo.", "Russian milblogger"),
    ("Военкоры пишут о гибели 25 бойцов ВСУ под Суджей.", "Russian milblogger"),
    ("За інформацією Укрінформу, у Шостці поранено двох людей.", "Ukrinform (Ukrainian state news agency)"),
    # the side that speaks is not the side that suffered
    ("Ukraine's General Staff said Russia lost 1,250 personnel over the past day.",
     "General Staff of the Armed Forces of Ukraine"),
    ("Russia's defence ministry said Ukraine lost up to 120 troops near Tetkino.", "Russian Ministry of Defence"),
    # Russian
    ("Как сообщил губернатор Белгородской области Вячеслав Гладков, в Шебекино ранены трое мирных жителей.",
     "Belgorod Oblast governor (Vyacheslav Gladkov)"),
    ("По данным Генштаба ВСУ, противник потерял 900 военных.", "General Staff of the Armed Forces of Ukraine"),
    ("По информации Следственного комитета, погибли два человека.", "Investigative Committee of Russia"),
    ("Двое бойцов ранены, заявили в ФСБ.", "FSB (Russian Federal Security Service)"),
    # Ukrainian
    ("За даними ДСНС, під завалами загинули четверо людей.", "State Emergency Service of Ukraine"),
    ("Про трьох поранених повідомила Харківська обласна прокуратура.", "Prosecutor General's Office of Ukraine"),
    ("Начальник Чернігівської ОВА В'ячеслав Чаус зазначив, що загинула жінка.",
     "Chernihiv Oblast military administration (Viacheslav Chaus)"),
    ("Головне управління розвідки інформує про 30 знищених окупантів.", "Ukraine's military intelligence (GUR)"),
    ("Моніторингова місія ООН з прав людини задокументувала загибель 12 цивільних, повідомили в місії.",
     "UN Human Rights Monitoring Mission in Ukraine (HRMMU)"),
])
def test_the_claimant_next_to_the_reporting_words(text, claimant):
    assert claimant_of(text) == claimant


def test_the_governor_is_the_holder_of_the_day():
    sentence = "Two people were wounded in Rylsk, the Kursk governor said."
    assert claimant_of(sentence, on=MAR_2024) == "Kursk Oblast governor (Roman Starovoit)"
    assert claimant_of(sentence, on=AUG_2024) == "Kursk Oblast governor (Alexei Smirnov)"
    assert claimant_of(sentence, on=JAN_2025) == "Kursk Oblast governor (Alexander Khinshtein)"
    assert claimant_of(sentence) == "Kursk Oblast governor"                     # no day: the office alone


def test_a_bare_office_resolves_in_its_report():
    document = ("BELGOROD, Russia - Three people were killed, the regional governor said.\n\n"
                "Governor Vyacheslav Gladkov later said a fourth had died in hospital.")
    first = document.split("\n\n")[0]
    found = claim(first, first, document, on=AUG_2024)
    assert found.name == "Belgorod Oblast governor (Vyacheslav Gladkov)" and found.words == "regional governor"
    # no office of that kind named: the region named decides; a Ukrainian oblast's head is its governor
    sumy = "Russia's Defence Ministry said it struck a depot.\n\nTwo civilians died in Sumy, the governor said."
    last = sumy.split("\n\n")[1]
    assert claim(last, last, sumy).name == "Sumy Oblast military administration"
    lone = "Two civilians died, the governor said."
    assert claim(lone, lone, "Russia's Defence Ministry said it struck a depot. " + lone).name == ""


def test_the_words_that_name_the_claimant_are_kept():
    found = claim("Погибли двое, сообщил врио губернатора Курской области Алексей Смирнов.")
    assert found.name == "Kursk Oblast governor (Alexei Smirnov)"
    assert found.words == "врио губернатора Курской области Алексей Смирнов"


def test_the_sumy_governors_civilians_are_not_the_russian_ministrys():
    document = ("Russia's Defence Ministry said its forces had hit a Ukrainian command post in Sumy.\n\n"
                "Oleh Hryhorov, head of the Sumy Regional Military Administration, said the strike killed "
                "four civilians and wounded 11.")
    last = document.split("\n\n")[1]
    assert claim(last, last, document).name == "Sumy Oblast military administration (Oleh Hryhorov)"


def test_a_post_without_a_verb_is_its_byline_signature_or_line_head():
    kursk = "В Рыльске при атаке дрона ранены два человека.\n\nАлександр Хинштейн"
    assert claim(kursk.split("\n\n")[0], "", kursk, on=JAN_2025).name == "Kursk Oblast governor (Alexander Khinshtein)"
    sumy = "Сумська ОВА\n\nУ Білопіллі поранено трьох людей."
    assert claim("У Білопіллі поранено трьох людей.", "", sumy).name == "Sumy Oblast military administration"
    belgorod = "[Telegram, Belgorod Region Governor, 3 May 2024]\n\nIn Shebekino two men were wounded."
    assert claim("In Shebekino two men were wounded.", "", belgorod).name.startswith("Belgorod Oblast governor")
    digest = ("Генштаб: противник втратив 1 100 осіб.\nГУР: загинули 20 військових КНДР.\n"
              "Сумщина: у Шостці поранено двох людей.")
    assert claim("Генштаб: противник втратив 1 100 осіб.", "", digest).name.startswith("General Staff")
    assert claim("Сумщина: у Шостці поранено двох людей.", "", digest, span=(73, len(digest))).name == ""
    post = "Начальник Сумської ОВА Олег Григоров: за добу 40 обстрілів.\nЮнаківська громада: загинув чоловік."
    assert claim("Юнаківська громада: загинув чоловік.", "", post, span=(60, len(post))).name == \
        "Sumy Oblast military administration (Oleh Hryhorov)"


def test_the_source_name_is_the_author_of_a_post_that_names_none():
    text = "У Миропіллі поранено чоловіка."
    assert claim(text, text, text, source=("Telegram: Sumy Regional Military Administration",)).name == \
        "Sumy Oblast military administration"


def test_an_authoritys_own_voice_speaks_for_its_region_and_a_community_heads_for_its_community():
    post = "В Шебекино ранены два человека.\n\nОперативные службы работают на местах."
    assert claim("В Шебекино ранены два человека.", "", post, where=("Belgorod Oblast",)).name == \
        "Belgorod Oblast governor"
    hromada = "Шановні краснопільці! У Краснопіллі поранено двох людей. Інформація уточнюється."
    assert claim("У Краснопіллі поранено двох людей.", "", hromada, where=("Sumy Oblast",)).name == \
        "Krasnopilska hromada head"


def test_our_own_sources_are_the_authors_not_those_quoted_before():
    paragraph = "Украинские паблики пишут о 200 убитых. По нашим данным, у нас трое погибших."
    found = claim("По нашим данным, у нас трое погибших.", paragraph, paragraph)
    assert found.name == "Russian milblogger" and found.words == "По нашим данным"  # "у нас": a fighter's voice


def test_a_unit_reporting_its_own_strike_is_the_only_body_named():
    text = "Воїни спецпідрозділу ГУР уразили бліндаж. Знищено 6 окупантів."
    assert claim("Знищено 6 окупантів.", text, text).name == "Ukraine's military intelligence (GUR)"
    assert claim("Two were killed.", "", "Pentagon and ISW analysts met. Two were killed.").name == ""


def test_the_extractor_fills_claimed_by_and_claim_words(index):
    from gazetteer import Gazetteer
    doc = Document("c1", "Two civilians were killed in Sudzha on Sunday, acting governor Alexei Smirnov wrote on Telegram.",
                   published=dt.date(2024, 8, 19))
    [event] = Extractor(Gazetteer(index)).extract(doc)[0]
    assert event.claimed_by == "Kursk Oblast governor (Alexei Smirnov)"
    assert event.claim_words == "governor Alexei Smirnov"


def test_a_community_heads_post_opening_with_its_community_is_its_heads():
    post = "Миропільська громада, 3 березня.\n\nУ Миропіллі поранено двох чоловіків. Просимо не виїжджати до кордону."
    found = claim("У Миропіллі поранено двох чоловіків.", "", post)
    assert found.name == "Miropilska hromada head" and found.words == "Миропільська громада"
    items = "Білопільська громада: загинув чоловік.\nКраснопільська громада: поранено жінку."
    assert claim("Білопільська громада: загинув чоловік.", "", items).name == ""   # a list of items, no heading


def test_a_digests_items_do_not_borrow_each_others_claimants():
    digest = ("BORDER BRIEF, 3 May\n\n1. Russia's Defence Ministry says 300 Ukrainian troops were killed.\n"
              "2. A drone hit a car in Lgov, killing a man.\n"
              "3. Bryansk region: a man was killed near Sevsk, and the FSB blamed saboteurs.")
    second, third = digest.split("\n")[3:5]
    assert claim(second, "", digest, span=(digest.index(second), digest.index(second) + len(second))).name == \
        "news digest (unattributed)"  # the digest's own
    assert claim(third, "", digest, span=(digest.index(third), len(digest))).name == \
        "FSB (Russian Federal Security Service)"
    first = digest.split("\n")[2]
    assert claim(first, "", digest, span=(digest.index(first), digest.index(first) + len(first))).name == \
        "Russian Ministry of Defence"


def test_a_sentence_of_two_claims_gives_each_figure_its_own_clauses_claimant():
    s = ("Russia's Defence Ministry said 50 Ukrainian soldiers were killed near Sudzha; one civilian was wounded "
         "in Kursk, acting governor Alexei Smirnov said.")
    assert claim(s, at=s.index("50")).name == "Russian Ministry of Defence"
    assert claim(s, at=s.index("one civilian")).name == "Kursk Oblast governor (Alexei Smirnov)"


def test_an_interior_minister_speaks_for_the_ministry():
    assert claimant_of("Five civilians were wounded, Ukraine's Interior Minister Ihor Klymenko said.") == \
        "Ukrainian Interior Ministry (Ihor Klymenko)"


@pytest.mark.parametrize("text, claimant", [
    ("A tractor driver was wounded in Krasnopillia, the regional military administration said.",
     "Sumy Oblast military administration"),
    ("Two pensioners were hurt in Tyotkino, the regional governor said.", "Kursk Oblast governor (Alexander Khinshtein)"),
])
def test_a_bare_regional_office_is_the_one_of_the_region_its_claim_is_in(text, claimant):
    """No region word names the office, but the claim's place (a village of Sumy or Kursk oblast) does."""
    import datetime

    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 1)))
    assert [e.claimed_by for e in events] == [claimant]
