"""Casualty figures written with numbers in the forms of issue 17 (the sentences are our own),
and numbers next to casualty words that are no figures."""

import pytest

from mapper.extract.casualties import find_figures


def read(sentence):
    return [(f.category, f.best) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    # a range is coded at its low end
    ("Between 15 and 20 fighters were killed in the assault.", [("killed", 15)]),
    ("Погибли от четырёх до шести человек.", [("killed", 4)]),
    # "lost N men killed": the participle after the object tells what was lost
    ("The battalion lost 34 men killed and 9 captured in the woods.", [("killed", 34), ("captured", 9)]),
    ("The regiment had lost dozens killed during the week.", [("killed", 12)]),
    ("Наши потери — двое погибших и четверо раненых.", [("killed", 2), ("wounded", 4)]),
    ("Противник потерял убитыми 17 человек.", [("killed", 17)]),
    # bulletins: an object verb with words or a quote before its number, when the object is people
    ("Враг потерял за прошедшие сутки более 310 военнослужащих и 4 танка.", [("killed_or_wounded", 310)]),
    ("Окупанти втратили на цьому напрямку 95 осіб.", [("killed_or_wounded", 95)]),
    ("Армия потеряла «до 220 военнослужащих» и 9 машин.", [("killed_or_wounded", 220)]),
    # killing verbs of people: only with a word for people
    ("Уничтожено до 25 боевиков и 2 миномёта.", [("killed", 25)]),
    ("Знищено 8 окупантів та 3 гармати.", [("killed", 8)]),
    ("Знищено 4 одиниці особового складу противника.", [("killed", 4)]),
    ("За добу знешкоджено 140 окупантів.", [("killed_or_wounded", 140)]),
    # the wounded who were taken to hospital or sought help, the dead who died of wounds, bodies
    ("Five villagers were hospitalised after the strike.", [("wounded", 5)]),
    ("Two workers sought medical help after the explosion.", [("wounded", 2)]),
    ("Eleven people were hurt when the bus was hit.", [("wounded", 11)]),
    ("Госпитализированы четыре человека.", [("wounded", 4)]),
    ("Троє людей звернулися по медичну допомогу.", [("wounded", 3)]),
    ("Двое скончались в больнице.", [("killed", 2)]),
    ("Searchers found 14 bodies near the road.", [("killed", 14)]),
    ("Police recovered the bodies of six men from the river.", [("killed", 6)]),
    ("Marines took 7 enemy soldiers prisoner at dawn.", [("captured", 7)]),
    ("Двое «двухсотых» и пятеро «трёхсотых».", [("killed", 2), ("wounded", 5)]),
    # a toll far from its verb
    ("The death toll from the overnight drone attack on the port city of Odesa rose to 9.", [("killed", 9)]),
    ("The number of people injured in the attack on the market has risen to 31.", [("wounded", 31)]),
])
def test_figures_written_with_numbers(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Two teachers aged 51 and 58 were injured.", [("wounded", 2)]),
    ("Three boys, aged 10, 12 and 14, were wounded.", [("wounded", 3)]),
    ("A woman aged 60 and two children were wounded.", [("wounded", 3)]),  # the woman and the two
    ("Four of the injured are in a serious condition.", []),
    ("Двое из раненых находятся в реанимации.", []),
    ("Three of them died later in hospital.", [("killed", 3)]),
    ("The enemy lost up to three platoons near the river.", []),
    ("Уничтожено 12 складов и 3 танка.", []),
    ("Знищено 6 одиниць техніки.", []),
    ("The army lost control of 4 villages.", []),
    ("They lost four fighters. Officials could not confirm it.", [("killed_or_wounded", 4)]),
])
def test_numbers_that_are_no_new_figure(sentence, expected):
    assert read(sentence) == expected


def test_a_subject_ends_with_its_sentence():
    [figure] = find_figures("They lost four fighters. Officials could not confirm it.")
    assert figure.subject == "fighters"


@pytest.mark.parametrize("sentence,expected", [
    ("Четверо бойцов получили тяжёлые ранения.", [("wounded", 4)]),
    ("Двоє військових отримали контузію.", [("wounded", 2)]),
    ("Убито и ранено около 70 наемников.", [("killed_or_wounded", 70)]),
    ("Вбито та поранено 45 окупантів.", [("killed_or_wounded", 45)]),
    ("Знешкоджено 90 окупантів, з них 33 — безповоротно.", [("killed_or_wounded", 90), ("killed", 33)]),
    ("Губернатор сообщил о гибели трёх человек.", [("killed", 3)]),
    ("Окупанти розстріляли щонайменше 5 полонених.", [("killed", 5)]),
    ("Один військовий легко поранений.", [("wounded", 1)]),
    # an exchange told in another clause leaves the capture a capture
    ("Ще 6 військових здалися в полон, а 4 наших бійців вдалося звільнити.", [("captured", 6)]),
    ("Under the swap, Russia handed over 80 prisoners of war.", []),
])
def test_russian_and_ukrainian_forms(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Two sappers were wounded and taken prisoner.", [("wounded", 2), ("captured", 2)]),
    ("Четверо бойцов ранены и взяты в плен.", [("wounded", 4), ("captured", 4)]),
    ("Six were injured and hospitalised.", [("wounded", 6)]),
    ("9 soldiers were killed and 4 wounded.", [("killed", 9), ("wounded", 4)]),
])
def test_one_number_for_two_joined_casualty_words(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Three government bodies said the strike was illegal.",
    "2 Kia cars were damaged.",
    "Справки по тел: 8 800 100 12 12.",
    "Уничтожено 5 опорных пунктов и 14 беспилотников.",
    "The army lost over the weekend 12 villages.",
    "Air defences shot down 35 drones and 4 missiles.",
    "Противник выпустил 120 снарядов, повреждены 8 домов.",
    "Військові 47-ї бригади знищили 9 танків.",
])
def test_no_figure(sentence):
    assert read(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Погибли около десятка человек.", [("killed", 10)]),
    ("Ранены полтора десятка мирных жителей.", [("wounded", 15)]),
    ("Загинули понад десяток військових.", [("killed", 10)]),
    ("Поранено пару людей.", [("wounded", 2)]),
    ("A couple of soldiers were wounded.", [("wounded", 2)]),
    ("A couple of hours later, they were killed.", []),
    ("Пару дней назад погибли трое.", [("killed", 3)]),
    ("Погибли два десятка военнослужащих.", [("killed", 20)]),
    ("Около трёх десятков бойцов получили ранения.", [("wounded", 30)]),
    ("Загинули два десятки людей.", [("killed", 20)]),
    ("Поранено трьох десятків цивільних.", [("wounded", 30)]),
    ("Five prisoners of war were shot dead, the prosecutors said.", [("killed", 5)]),
    ("Two volunteers were gunned down at the checkpoint.", [("killed", 2)]),
])
def test_approximate_words(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("The platoon's medic and two other soldiers were killed.", [("killed", 3)]),
    ("A teenager and four others were injured.", [("wounded", 5)]),
    ("Two civilians and three others were wounded.", [("wounded", 3)]),
    ("Shells hit the school and two other buildings, killing 3.", [("killed", 3)]),
    # the one is another casualty word's: "one died and two others were hurt" is 2 hurt, not 3
    ("One man died and two others were hurt.", [("killed", 1), ("wounded", 2)]),
    ("A boy was killed and four others were injured.", [("killed", 1), ("wounded", 4)]),
])
def test_one_and_n_others(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize("text,expected", [
    ("Overnight our drone crews logged 12 two-hundreds and 20 three-hundreds.", [("killed", 12), ("wounded", 20)]),
    ("The assault group was stopped at the crossing: about 30 two-hundreds.", [("killed", 30)]),
    ("Итого за ночь: 7 «двухсотых» и 11 «трёхсотых».", [("killed", 7), ("wounded", 11)]),
    ("Two hundred soldiers were deployed to the border.", []),      # the number, not the slang
])
def test_soldiers_slang_for_the_dead_and_wounded(text, expected):
    assert [(f.category, f.best) for f in find_figures(text)] == expected
