"""The author of figures a post credits to no one: a fighter's or a military blogger's post is its
side's milblogger's, a community head's post its community head's, a digest's items and a news
story's own figures the digest's and the outlet's. Sentences are our own."""

import pytest

from mapper.extract.claimants import Claimants
from mapper.extract.voices import author_side, community_head, voice_of

OPPONENTS = Claimants.of().table


def claim(sentence, document):
    start = document.index(sentence)
    return Claimants.of().claim(sentence, "", document, span=(start, start + len(sentence)))


@pytest.mark.parametrize("post, sentence, author", [
    ("Near Glushkovo the Ukrainians attacked twice. Our guys held the line; about 20 enemy bodies are left in the field.",
     "Our guys held the line; about 20 enemy bodies are left in the field.", "Russian milblogger"),
    ("The Russians shelled our positions all night. In the morning we counted 7 bodies; our side: one 300.",
     "In the morning we counted 7 bodies; our side: one 300.", "Ukrainian milblogger"),
    ("Наши ребята отбили атаку у Тёткино. Противник потерял до 15 человек.", "Противник потерял до 15 человек.",
     "Russian milblogger"),
    ("Росіяни знову пішли на штурм. Наші хлопці знищили 12 окупантів.", "Наші хлопці знищили 12 окупантів.",
     "Ukrainian milblogger"),
    ("Our assault group went in at dawn and took 4 prisoners.", "Our assault group went in at dawn and took 4 prisoners.",
     "milblogger"),  # no side named, no letters of a side's language: the blogger's side is not said
])
def test_a_fighters_own_post_is_its_sides_milbloggers(post, sentence, author):
    assert voice_of(post) == "front"
    assert claim(sentence, post).name == author


@pytest.mark.parametrize("post", [
    "Среди наших военнослужащих потерь нет. Ранены двое мирных жителей.",
    "Наші воїни відбили 12 атак, ворог атакував наші позиції поблизу Липців.",
    "Our troops repelled the assault on our positions near Vovchansk, the president said in his address.",
])
def test_an_officials_words_about_our_troops_are_no_fighters_post(post):
    assert voice_of(post) != "front"


def test_the_side_of_a_fighters_post_is_the_one_opposite_the_forces_it_names():
    assert author_side("The Ukrainians attacked; the AFU lost a tank. The Russians call it a feint.", OPPONENTS) == \
        "Russian forces"
    assert author_side("Ночью было тихо.", OPPONENTS) == "Russian forces"     # a Russian text, no side named
    assert author_side("Вночі було тихо.", OPPONENTS) == "Ukrainian forces"
    assert author_side("It was quiet.", OPPONENTS) == ""


@pytest.mark.parametrize("post, sentence, author", [
    ("Шановні лебединці! Сьогодні ворог обстріляв околиці міста. Поранено двох людей.", "Поранено двох людей.",
     "Lebedinska hromada head"),
    ("Прошу мешканців Кучерівки не виходити з укриттів. Зранку дрон поранив тракториста.",
     "Зранку дрон поранив тракториста.", "Local hromada head"),
    ("Дорогі земляки! Вночі загинув наш односелець.", "Вночі загинув наш односелець.", "Local hromada head"),
])
def test_a_community_heads_post_is_its_community_heads(post, sentence, author):
    assert voice_of(post) == "community"
    assert claim(sentence, post).name == author


def test_an_oblast_head_asking_the_oblasts_residents_is_no_community_head():
    assert community_head("Прошу мешканців Сумщини бути уважними.") is None
    assert voice_of("Прошу мешканців Сумщини бути уважними.") != "community"


@pytest.mark.parametrize("post, sentence", [
    ("Evening roundup, 4 June\n\nBelgorod: a drone wounded two men in Shebekino.\nKursk: shelling killed a woman.",
     "Kursk: shelling killed a woman."),
    ("Главное за день\n\nВ Рыльске ранен мужчина.\nВ Судже погибли двое.", "В Судже погибли двое."),
    ("BORDER MONITOR | 1-7 May\n\nHlukhiv: one person was hospitalised after a drone attack.",
     "Hlukhiv: one person was hospitalised after a drone attack."),
    ("Прикордоння за ніч\n\n• Сумщина. У Ворожбі поранено жінку.\n• Харківщина. У Куп'янську загинув чоловік.",
     "• Харківщина. У Куп'янську загинув чоловік."),
])
def test_a_digests_own_items_are_the_digests(post, sentence):
    assert voice_of(post) == "digest"
    assert claim(sentence, post).name == "news digest (unattributed)"


@pytest.mark.parametrize("post, sentence", [
    ("Drone hits bus stop in Shebekino\n\nTwo people were wounded when a drone hit a bus stop on Monday.",
     "Two people were wounded when a drone hit a bus stop on Monday."),
    ("В Рыльске дрон атаковал автомобиль\n\nВодитель получил ранения.", "Водитель получил ранения."),
    ("Удар по Ворожбі\n\nЗагинули двоє людей, ще троє поранені.", "Загинули двоє людей, ще троє поранені."),
])
def test_a_news_storys_own_figures_are_the_outlets(post, sentence):
    assert voice_of(post) == "news"
    assert claim(sentence, post).name == "news outlet (unattributed)"


def test_a_figure_credited_to_someone_keeps_its_claimant_and_a_plain_text_stays_unattributed():
    post = "Shelling in Kursk region\n\nTwo people were wounded in Rylsk, the governor said."
    assert claim("Two people were wounded in Rylsk, the governor said.", post).name.startswith("Kursk Oblast governor")
    assert voice_of("Two people were wounded in Rylsk.") == ""
    assert voice_of("Two people were wounded in Rylsk.\nThe road is closed.") == ""   # a sentence, not a heading
    assert voice_of("Белгородский район\n\nВ Разумном ранен мужчина.") == ""   # a label, not a headline


def test_a_first_line_takes_the_storys_first_claimant_only_when_it_is_a_headline():
    story = "Two killed in Rylsk shelling\n\nShelling killed two men in Rylsk, the Kursk governor said."
    assert claim("Two killed in Rylsk shelling", story).name == "Kursk Oblast governor"
    post = ("Our gunners hit a dugout near Yunakivka; local chats say up to 20 were killed or wounded.\n\n"
            "Later the Sumy administration claimed the strike hit a house and wounded a woman.")
    first = post.split("\n")[0]
    assert claim(first, post).name == "milblogger"   # its own author, not the administration quoted later
