"""Casualties written without a numeral, and people listed or summed (mapper.extract.implicit)."""

import pytest

from mapper.extract.casualties import find_figures


def _figures(sentence):
    return [(f.category, f.best) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("A man was killed and his wife injured when a shell hit their home in the village.",
     [("killed", 1), ("wounded", 1)]),
    ("A Russian glide bomb killed a woman in the town centre.", [("killed", 1)]),
    ("A 12-year-old girl was wounded.", [("wounded", 1)]),
    ("A 45-year-old man was killed.", [("killed", 1)]),  # the age is never the figure
    ("An elderly man died in hospital.", [("killed", 1)]),
    ("A local resident was injured by shrapnel.", [("wounded", 1)]),
    ("The shelling killed a pensioner and injured his neighbour.", [("killed", 1), ("wounded", 1)]),
    ("Three soldiers and a medic were wounded.", [("wounded", 4)]),
    ("A man and his three sons were killed.", [("killed", 4)]),
    ("The commander and six other servicemen were killed.", [("killed", 7)]),
    ("Four people, including a boy, were injured.", [("wounded", 4)]),
    ("A driver, a passenger and a pedestrian were injured.", [("wounded", 3)]),
    ("An elderly couple was killed.", [("killed", 2)]),
])
def test_english(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("В результате удара погибла женщина.", [("killed", 1)]),
    ("Пенсионерка получила ранения, ее госпитализировали.", [("wounded", 1)]),
    ("Ранен водитель грузовика.", [("wounded", 1)]),
    ("Мужчина погиб, его сын ранен.", [("killed", 1), ("wounded", 1)]),
    ("Трое мужчин и девочка получили ранения.", [("wounded", 4)]),
    ("Погибли мужчина, женщина и ребенок.", [("killed", 3)]),
    ("Погиб пожилой мужчина и двое детей.", [("killed", 3)]),
    ("Ранен ребёнок.", [("wounded", 1)]),
    ("Военные ранили женщину.", [("wounded", 1)]),
    ("Погибла пожилая супружеская пара.", [("killed", 2)]),
    ("Ранен мирный житель, мужчина 1980 года рождения.", [("wounded", 1)]),
])
def test_russian(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Унаслідок обстрілу загинув чоловік.", [("killed", 1)]),
    ("75-річна пенсіонерка отримала поранення.", [("wounded", 1)]),
    ("Поранено жінку.", [("wounded", 1)]),
    ("Загинула жінка та троє її дітей.", [("killed", 4)]),
    ("Поранені двоє чоловіків і підліток.", [("wounded", 3)]),
    ("Загинуло подружжя пенсіонерів.", [("killed", 2)]),
    ("Травмовано охоронця.", [("wounded", 1)]),
])
def test_ukrainian(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "A man said the woman who was killed last year was his sister.",
    "A woman killed in a strike in 2022 was buried on Monday.",
    "The son of a farmer was wounded.",
    "No civilians were hurt and nobody was killed.",
    "A man was not injured.",
    "Civilians were killed.",
    "A wounded soldier told reporters about the attack.",
    "Погибли мирные жители.",
    "Как рассказал мужчина, погибла собака.",
    "Мужчина, который был ранен в прошлом году, рассказал о нападении.",
    "Жінка, яка загинула торік, була вчителькою.",
])
def test_no_figure(sentence):
    assert find_figures(sentence) == []


def test_numeral_not_counted_twice():
    assert _figures("Two people were killed: a man and a woman.") == [("killed", 2)]
    assert _figures("A soldier killed two civilians.") == [("killed", 2)]
    assert _figures("Погибли пять человек, в том числе двое детей.") == [("killed", 5)]


def test_subject_and_text():
    f, = find_figures("Ранен местный житель.")
    assert (f.subject, f.text, f.low, f.high, f.approximate) == ("местный житель", "Ранен местный житель", 1, 1, False)


def test_the_people_named_are_civilians():
    from mapper.extract.sides import actor_of
    assert [actor_of(f.subject) for f in find_figures("A man was killed and his wife injured.")] == ["Civilians"] * 2
    assert actor_of(find_figures("Загинула жінка.")[0].subject) == "Civilians"


@pytest.mark.parametrize("sentence", [
    "Olha and her son were wounded.",
    "Ольга и ее сын ранены.",
    "Были ранены Петр и его жена.",
])
def test_a_first_name_and_a_relative_are_two(sentence):
    assert [(f.category, f.best) for f in find_figures(sentence)] == [("wounded", 2)]


@pytest.mark.parametrize("sentence, expected", [
    ("An elderly couple was reported missing after the shelling.", [("missing", 2)]),
    ("A pensioner remains unaccounted for after the strike on the pier.", [("missing", 1)]),
    ("A teenager was reported killed in the village.", [("killed", 1)]),
])
def test_reported_and_remains_stand_between_people_and_their_casualty_word(sentence, expected):
    assert [(f.category, f.best) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Пожилого мужчину ранили осколками у подъезда.", [("wounded", 1)]),
    ("Водителя автобуса с ранениями доставили в больницу.", [("wounded", 1)]),
    ("Женщину убило обломками дрона.", [("killed", 1)]),
    ("Охранника предприятия контузило взрывной волной.", [("wounded", 1)]),
    ("Літнього чоловіка поранено під час обстрілу.", [("wounded", 1)]),
    ("Жінку з пораненнями госпіталізували.", [("wounded", 1)]),
    ("Тракториста поранило уламками міни.", [("wounded", 1)]),
])
def test_people_put_before_a_verb_taking_them_as_object(sentence, expected):
    """Russian and Ukrainian put the object first: "Мужчину ранили" is one wounded, the plural verb
    having no subject of its own (an indefinite-personal sentence)."""
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Ольга и ее сын ранены.",               # one person is too few for a plural subject: unchanged
])
def test_object_first_leaves_subjects_alone(sentence):
    assert _figures(sentence) in ([], [("wounded", 2)])


@pytest.mark.parametrize("sentence, subject", [
    ("Мужчина ранил соседа ножом.", "соседа"),       # the nominative before an active verb is its agent
    ("Чоловік вбив сусіда під час сварки.", "сусіда"),
    ("Дрон ранил мужчину возле магазина.", "мужчину"),
    ("Російський дрон вбив чоловіка на городі.", "чоловіка"),
    ("Обстріл травмував жінку.", "жінку"),
    ("Мужчина получил ранения.", "Мужчина"),        # a verb with its own object: the subject is the wounded
    ("Чоловік отримав поранення.", "Чоловік"),
])
def test_singular_active_verbs_count_their_object_not_their_agent(sentence, subject):
    from mapper.extract.casualties import find_figures

    [figure] = find_figures(sentence)
    assert (figure.best, figure.subject) == (1, subject)


@pytest.mark.parametrize("sentence, expected", [
    ("Firefighters pulled a woman's body from the burning car.", [("killed", 1)]),
    ("A teenager's body was found near the bus stop.", [("killed", 1)]),
    ("Eleven people were hurt, including four children, and medics later found an old man's body in the yard.",
     [("wounded", 11), ("killed", 1)]),   # the children are the hurt, never the body's count
    ("The governor's office said no one was hurt.", []),
])
def test_a_persons_body_is_one_dead(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Под обломками дома нашли тело пожилой женщины.", [("killed", 1)]),
    ("Рятувальники дістали з-під завалів тіло чоловіка.", [("killed", 1)]),
    ("Волонтеры вывезли тела четырех военных.", [("killed", 4)]),
    ("Пострадавший получил ожоги 30% тела.", []),         # the body's surface, not a dead body
    ("Тело было найдено у дороги.", []),                  # whose, the sentence does not say
])
def test_a_body_named_with_whose_it_is_counts_the_dead(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize("text, wounded", [
    ("A man was wounded and a woman was injured when a drone hit a bus stop in Sumy.", 2),
    ("Чоловіка поранило уламками, а жінку контузило під час обстрілу Білопілля.", 2),
    # one person told twice: a number, then who it was
    ("One civilian was injured in the city: a man received shrapnel wounds to his legs.", 1),
])
def test_people_named_apart_in_one_sentence_are_each_counted(text, wounded):
    import datetime

    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 1)))
    assert [e.wounded for e in events] == [wounded]


@pytest.mark.parametrize("sentence, expected", [
    ("Від удару загинув водій, його дружина отримала поранення.", [("killed", 1), ("wounded", 1)]),
    ("При обстреле погиб пенсионер, его сосед получил ранения.", [("killed", 1), ("wounded", 1)]),
    ("A farmer died, his son was badly hurt.", [("killed", 1), ("wounded", 1)]),
])
def test_the_people_after_a_comma_are_the_next_clause_subject(sentence, expected):
    assert _figures(sentence) == expected
