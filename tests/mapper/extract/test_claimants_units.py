"""Units speaking for themselves, named from the text; a regional authority speaks only for its own
region; an item on its own line keeps its own line's claimant. Sentences are our own."""

import pytest

from mapper.extract.claimants import Claimants


def claim(sentence, paragraph="", document="", **kw):
    return Claimants.of().claim(sentence, paragraph, document, **kw)


@pytest.mark.parametrize("sentence, name", [
    ("Troops of the 47th Separate Mechanised Brigade captured 9 Russian soldiers near Sudzha, the brigade said.",
     "47th Separate Mechanised Brigade"),
    ("Nine Russian soldiers were captured near Sudzha, the 47th Separate Mechanised Brigade said on Tuesday.",
     "47th Separate Mechanised Brigade"),
    ("A Ukrainian brigade fighting near Vovchansk reported that 30 Russian soldiers were killed.", "Ukrainian brigade"),
    ("The Russian Volunteer Corps said two of its fighters were killed near Tyotkino.", "Russian Volunteer Corps"),
    ("По данным 810-й бригады, уничтожено до 20 военнослужащих ВСУ.", "Russian 810th brigade"),
    ("Как сообщили в 41-м полку, ранены трое бойцов.", "Russian 41st regiment"),
    ("За даними 92-ї окремої штурмової бригади, ліквідовано 40 окупантів.", "Ukrainian 92nd brigade"),
    ("Бійці 3-ї штурмової бригади повідомили, що в полон здалися 11 російських військових.", "Ukrainian 3rd brigade"),
])
def test_a_unit_attributed_is_named_from_the_text(sentence, name):
    assert claim(sentence).name == name


def test_a_unit_named_before_names_the_brigade_that_speaks_later():
    text = ("Soldiers of the 22nd Mechanised Brigade repelled an assault near Krasnopillia.\n\n"
            "Twelve attackers were killed, according to the brigade.")
    sentence = text.split("\n\n")[1]
    assert claim(sentence, sentence, text).name == "22nd Mechanised Brigade"


@pytest.mark.parametrize("sentence", [
    "Two soldiers of the 47th Brigade were killed near Sudzha, it was reported.",
    "The governor said two soldiers of the 61st Brigade were wounded.",
    "The 47th Brigade lost 12 men near Sudzha, Russia's defence ministry said.",
])
def test_a_unit_that_suffered_is_not_the_one_that_speaks(sentence):
    assert "Brigade" not in claim(sentence).name


def test_a_regional_authority_speaks_for_its_region_only():
    paragraph = ("Russian shelling killed two residents of Esman, Sumy regional officials said. "
                 "In Chernihiv Oblast, a deminer was injured near Horodnia.")
    second = "In Chernihiv Oblast, a deminer was injured near Horodnia."
    assert claim(second, paragraph, paragraph, where=("Chernihiv Oblast",)).name != "Sumy Oblast military administration"
    assert claim(second, paragraph, paragraph, where=("Sumy Oblast",)).name == "Sumy Oblast military administration"
    first = paragraph.split(". ")[0] + "."
    assert claim(first, paragraph, paragraph, where=("Sumy Oblast",)).name == "Sumy Oblast military administration"


def test_a_bare_office_is_the_one_of_the_region_its_own_line_names():
    text = ("WEEKLY DIGEST\n\n- Belgorod Oblast: Governor Gladkov said a woman was wounded in Shebekino.\n"
            "- Sumy Oblast: a man was killed in Bilopillia, the regional administration said.")
    line = text.split("\n")[3]
    start = text.index(line)
    assert claim(line, "", text, span=(start, start + len(line))).name == "Sumy Oblast military administration"


def test_a_figure_on_its_own_line_takes_its_own_lines_claimant_not_the_next_lines():
    text = ("ROUNDUP\n\nCommunities recorded 40 explosions.\n- Kursk Oblast: one border guard was wounded, "
            "according to the FSB.\n- Kharkiv Oblast: in Kupiansk, a woman was killed.")
    sentence = text[text.index("Communities"):]      # a sentence run over three lines
    at = sentence.index("a woman")
    start = text.index(sentence)
    assert claim(sentence, "", text, span=(start, len(text)), at=at).name == "news digest (unattributed)"
    at = sentence.index("one border guard")
    assert claim(sentence, "", text, span=(start, len(text)), at=at).name == "FSB (Russian Federal Security Service)"


@pytest.mark.parametrize("sentence, name", [
    ("Two people were wounded in Kupiansk, Kharkiv Oblast, police said.", "Kharkiv Oblast police"),
    ("Sumy regional police said a man was killed by a drone in Vorozhba.", "Sumy Oblast police"),
    ("Поліція Чернігівщини повідомила про двох поранених у Семенівці.", "Chernihiv Oblast police"),
    ("У Сумах поранено двох людей, повідомили в поліції.", "Sumy Oblast police"),
    ("В Белгороде ранены двое, сообщили в полиции.", "Belgorod Oblast police"),
    ("В Шебекино ранены двое, сообщили в полиции.", ""),   # a Russian town, no region named: not the Ukrainian police
    ("Двоє людей загинули, повідомила поліція.", "Ukrainian National Police"),   # no region: the national police
    ("In Lyon, two people were killed in a shooting, police said.", ""),           # nor a side: nobody's
])
def test_police_are_the_police_of_the_region_the_report_names(sentence, name):
    assert claim(sentence).name == name


def test_police_who_suffered_are_not_the_police_who_speak():
    assert claim("Two police officers were wounded in Sumy region, it was reported.").name == ""


@pytest.mark.parametrize("paragraph, sentence, name", [
    ("Two people were killed in Rylsk, the Kursk governor said. Three more were wounded, according to local residents.",
     "Three more were wounded, according to local residents.", ""),
    ("Two people were killed in Rylsk, the Kursk governor said. Three more were wounded, according to the governor.",
     "Three more were wounded, according to the governor.", "Kursk Oblast governor"),
    ("The State Border Guard Service said saboteurs tried to cross near Ryzhivka. According to the service, two "
     "attackers were killed.", "According to the service, two attackers were killed.",
     "State Border Guard Service of Ukraine"),
    ("Двое погибли в Рыльске, сообщил губернатор Курской области. По словам местных жителей, ранены ещё трое.",
     "По словам местных жителей, ранены ещё трое.", ""),
    ("Двоє загинули у Ворожбі, повідомила Сумська ОВА. За даними відомства, ще троє поранені.",
     "За даними відомства, ще троє поранені.", "Sumy Oblast military administration"),
])
def test_a_figure_according_to_a_source_of_its_own_borrows_no_other_sentences_claimant(paragraph, sentence, name):
    assert claim(sentence, paragraph, paragraph).name.startswith(name) and (name or not claim(sentence, paragraph,
                                                                                             paragraph).name)


@pytest.mark.parametrize("sentence, name", [
    ("UPDATE: the Sumy administration claims a guided bomb killed two men in Khotin.", "Sumy Oblast military administration"),
    ("Two were wounded in Zolochiv, the Kharkiv military administration said.", "Kharkiv Oblast military administration"),
    ("Two were wounded, the Sumy city military administration said.", "Sumy City military administration"),
])
def test_an_administration_named_by_its_city_alone_is_the_oblasts_unless_it_says_city(sentence, name):
    assert claim(sentence).name == name
