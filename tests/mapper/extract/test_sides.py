"""Who suffered (``actor``): the side of the casualty phrase's subject or possessive, never the
attacker nor the claimant's country; the enemy is the other side of whoever speaks.

The sentences are written for these tests (none comes from the development corpus)."""

from __future__ import annotations

import datetime

import pytest

from mapper.extract.lang import LANGUAGES
from mapper.extract.sides import ACTOR_CLASSES, SideReader, actor_of

RU, UA, NK, CIV = "Russian forces", "Ukrainian forces", "North Korean forces", "Civilians"


# --- the examples (regressions) --------------------------------------------------------
@pytest.mark.parametrize("text,side", [
    ("Ukraine's General Staff said Russia lost 1,250 personnel over the past day.", RU),
    ("Russia's defence ministry said Ukraine lost up to 120 troops near Sudzha.", UA),
    ("За сутки потери ВСУ составили до 150 военнослужащих.", UA),
])
def test_the_claimants_country_is_not_the_side(text, side):
    assert actor_of(text) == side


def test_the_enemy_is_the_other_side_of_the_speaker():
    ua, ru = "Ukrainian forces", "Russian forces"
    assert actor_of("Втрати противника за добу склали 90 осіб.") == RU            # a Ukrainian report
    assert actor_of("На этом участке противник потерял до 75 военнослужащих.") == UA  # a Russian report
    assert actor_of("The enemy lost 40 soldiers near the village.", speaker=ua) == RU
    assert actor_of("The enemy lost 40 soldiers near the village.", speaker=ru) == UA
    assert actor_of("Наши потери за неделю — трое раненых.", speaker=ru) == RU
    assert actor_of("Ворог втратив ще 60 окупантів.") == RU


# --- the figure's own words ---------------------------------------------------------------------
@pytest.mark.parametrize("text,side", [
    ("about 40 North Korean soldiers", NK),
    ("ліквідовано 12 військових КНДР", NK),
    ("убиты и ранены до 80 военнослужащих КНДР", NK),
    ("взяли в полон 14 російських військових", RU),
    ("знешкоджено 31 окупанта", RU),
    ("сдались в плен 9 бойцов ВСУ", UA),
    ("six Ukrainian servicemen were captured", UA),
])
def test_the_figures_own_words_name_the_side(text, side):
    assert actor_of(text) == side


@pytest.mark.parametrize("text", [
    "A man was killed and his wife injured when a drone hit their house.",
    "A woman and a teenager were wounded in the strike.",
    "Погибли двое мирных жителей, ещё трое ранены.",
    "Погиб мужчина, ранена женщина 60 лет.",
    "Поранено 58-річну жінку та її сина.",
    "Загинула мирна жителька, ще двоє людей травмовані.",
    "Four workers of the plant were hurt.",
    "Пострадали трое сотрудников предприятия.",
])
def test_civilians_and_people_with_no_military_noun_are_civilians(text):
    assert actor_of(text) == CIV


# --- the attacker is not the side ----------------------------------------------------------------
@pytest.mark.parametrize("text,side", [
    ("A Russian glide bomb killed a man in the town.", CIV),
    ("Russian troops shelled the village, killing two residents.", CIV),
    ("В результате атаки украинских беспилотников пострадали четыре человека.", CIV),
    ("Російський дрон атакував автомобіль, загинув водій.", CIV),
    ("Россияне ударили по городу: двое погибших, трое раненых.", CIV),
    ("Russian artillery struck a base of the Ukrainian armed forces, killing up to 30 servicemen.", UA),
    ("Ukrainian troops killed 15 Russian soldiers in a raid near the border.", RU),
])
def test_the_attacker_is_never_the_side_that_suffered(text, side):
    assert actor_of(text) == side


@pytest.mark.parametrize("text,side", [
    ("Ukrainian officials said Russian losses in the area reached 300 soldiers.", RU),
    ("Moscow's defence ministry claimed Ukrainian casualties of more than 900 for the week.", UA),
    ("Генштаб ВСУ: за сутки Россия потеряла ещё 1100 военных.", RU),
    ("Міноборони РФ: втрати ЗСУ за добу — до 230 військових.", UA),
    ("North Korean troops sent to help Russia have suffered heavy losses, with some 90 killed.", NK),
])
def test_the_source_is_never_the_side_that_suffered(text, side):
    assert actor_of(text) == side


# --- wider text ---------------------------------------------------------------------------------
def test_a_paragraph_lends_its_side_to_a_figure_without_one():
    reader = SideReader.of()
    para = reader.clues("A Russian sabotage group tried to cross the border. Two attackers were killed.")
    sentence = reader.clues("Two attackers were killed.")
    assert reader.actor(sentence, 0, 3, para, speaker=UA) == RU


def test_nothing_military_around_makes_civilians_and_a_military_noun_does_not():
    reader = SideReader.of()
    sentence = reader.clues("Ранены трое.")
    assert reader.actor(sentence, 0, 11, reader.clues("Дрон атаковал маршрутку. Ранены трое.")) == CIV
    military = reader.clues("Два військових зазнали поранень.")
    assert reader.actor(military, 0, 32, military) == ""


def test_a_list_under_its_heading_takes_the_headings_side():
    reader = SideReader.of()
    heading = "Загальні бойові втрати противника склали:\nособового складу — близько 400 000 осіб."
    line = reader.clues("особового складу — близько 400 000 осіб.")
    assert reader.actor(line, 0, 36, line, speaker=UA, document=reader.clues(heading)) == RU


# --- the extractor ------------------------------------------------------------------------------
def test_extracted_events_carry_the_side_that_suffered(gazetteer):
    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document
    text = ("Сумська ОВА: унаслідок обстрілу Ворожби загинули 2 людини.\n\n"
            "Втрати противника за добу на цьому напрямку — 140 осіб.")
    events, _ = Extractor(gazetteer).extract(Document("t", text, published=datetime.date(2025, 3, 1)))
    sides = {e.killed or e.killed_or_wounded: e.actor for e in events}
    assert sides == {2: CIV, 140: RU}


def test_sides_are_the_theatres():
    from gazetteer.theatres import default_theatre
    names = {s.name for s in default_theatre().sides}
    assert set(ACTOR_CLASSES) <= names
    assert all(lang.sides.home_side in names | {""} for lang in LANGUAGES)


@pytest.mark.parametrize("text,side", [
    ("Three Russian civilians were killed in the village.", CIV),       # a side's people, not its forces
    ("Загинув наш односелець, йому було 62.", CIV),                   # "our fellow villager"
    ("Ours: four lightly wounded, all evacuated.", ""),               # our side, and no one says whose
    ("No Ukrainian losses were reported; 12 soldiers were killed.", ""),
    ("Росіяни розстріляли щонайменше 5 мирних жителів.", CIV),
])
def test_people_of_a_side_our_side_and_denied_losses(text, side):
    assert actor_of(text) == side


@pytest.mark.parametrize("text,side", [
    ("Three soldiers were killed in a Russian missile strike on a training ground.", UA),
    ("Двоє військових загинули внаслідок удару російської ракети.", UA),
    ("Ukrainian troops repelled a Russian assault; 30 soldiers were killed.", ""),   # both attack: no one says
])
def test_soldiers_struck_by_one_side_are_the_other_sides(text, side):
    assert actor_of(text) == side


def test_people_in_another_clause_are_not_the_losing_sides():
    assert actor_of("Потери ВСУ за сутки — до 60 человек.") == UA
    reader = SideReader.of()
    text = "Потери ВСУ составили 300 военнослужащих, в Белгороде ранены 5 человек."
    clues = reader.clues(text)
    at = text.index("ранены")
    assert reader.actor(clues, at, len(text) - 1, speaker=RU) == CIV


def test_the_speaker_asks_for_a_wider_claimant_only_when_the_nearer_one_has_no_side():
    reader = SideReader.of()
    asked = []

    def claimant(name):
        def find():
            asked.append(name)
            return name
        return find

    gur, nobody = "Ukraine's military intelligence (GUR)", ""
    assert reader.speaker(claimant(gur), claimant("paragraph"), claimant("document"), text="x") == UA
    assert asked == [gur]                                  # the sentence's own claimant settles it
    asked.clear()
    assert reader.speaker(claimant(nobody), claimant(nobody), claimant(gur), text="The report.") == UA
    assert asked == [nobody, nobody, gur]                  # nothing nearer: the document's claimant



# --- a fighter's post: the dead it counts are the enemy's it names -----------------------------
@pytest.mark.parametrize("text, killed, side", [
    ("Tonight the Russians tried twice to reach our trenches near the mill. At dawn our guys counted 12 bodies "
     "in the field.\n\nWe need drones, the link is pinned.", 12, RU),
    ("Ночью ВСУ пытались подойти к нашим позициям у Тёткино. Утром наши парни насчитали 7 тел перед окопами.", 7, UA),
])
def test_a_fighters_post_counts_the_enemys_dead(gazetteer, text, killed, side):
    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    events, _ = Extractor(gazetteer).extract(Document("post", text))
    assert [(e.killed, e.actor) for e in events] == [(killed, side)]


def test_bodies_a_governor_reports_after_shelling_are_not_the_enemys(gazetteer):
    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    text = "The Russians shelled the village overnight. In the morning rescuers found 3 bodies, the governor said."
    events, _ = Extractor(gazetteer).extract(Document("post", text))
    assert [e.actor for e in events] == [CIV]


@pytest.mark.parametrize("text", [
    "Вночі окупанти вбили двох мешканців Золочева, ще трьох поранили, повідомив Олег Синєгубов.",
    "Российские военные убили двух мирных жителей Тёткино, ещё четверо ранены.",
])
def test_people_added_to_those_just_counted_are_of_their_side_not_the_attackers(text):
    import datetime

    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 1)))
    assert {e.actor for e in events} == {"Civilians"}
    assert sum(e.wounded or 0 for e in events) in (3, 4)


@pytest.mark.parametrize("text, actor", [
    ("The defence ministry in Moscow said its units had killed 60 Ukrainian marines and captured five near Tetkino.",
     "Ukrainian forces"),
    ("Kyiv said its drones had killed 12 Russian paratroopers and destroyed two guns near Glushkovo.", "Russian forces"),
])
def test_a_side_named_before_and_then_a_verb_is_not_that_verbs_subject(text, actor):
    """"killed 60 Ukrainian marines and captured five": the marines are the object, the capturing is the
    speaker's units' (a verb after "and" has the subject of the first verb, not the object before it)."""
    assert actor_of(text) == actor


@pytest.mark.parametrize("text, sides", [
    ("Two soldiers were killed and a medic was killed in shelling of Sumy.", {"", "Civilians"}),
    ("Двое военных погибли, ещё одна женщина ранена при обстреле Шебекино.", {"", "Civilians"}),
])
def test_unnamed_soldiers_beside_civilians_are_not_civilians(text, sides):
    import datetime
    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 12)))
    assert {e.actor for e in events} == sides
    soldiers = [e for e in events if e.killed == 2]
    assert soldiers and soldiers[0].actor == ""
