"""Casualty figures: categories, UCDP low/best/high, qualifiers, word orders, and what is never a figure."""

import random
import re
from pathlib import Path

import pytest

from mapper.extract.casualties import CATEGORIES, Figure, find_figures

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"


def summary(f: Figure) -> tuple:
    return (f.category, f.low, f.best, f.high, f.approximate, f.qualifier, f.text, f.subject)


def check_spans(text: str, figures: list[Figure]) -> None:
    for f in figures:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text
        assert 0 <= f.low <= f.best <= f.high and f.category in CATEGORIES


# (sentence, [(category, low, best, high, approximate, qualifier, text, subject), ...])
FIGURES = [
    # exact numbers, both word orders
    ("30 killed", [("killed", 30, 30, 30, False, "", "30 killed", "")]),
    ("At least 30 soldiers were killed", [("killed", 30, 30, 30, True, "At least", "At least 30 soldiers were killed",
                                           "soldiers")]),
    ("Russian forces killed 12 Ukrainian soldiers near Pokrovsk, the Russian Defence Ministry said.",
     [("killed", 12, 12, 12, False, "", "killed 12 Ukrainian soldiers", "Ukrainian soldiers")]),
    ("Russian shelling of Kherson overnight killed one man, killing five civilians in total over the week.",
     [("killed", 1, 1, 1, False, "", "killed one man", "man"),
      ("killed", 5, 5, 5, False, "", "killing five civilians", "civilians")]),
    ("A drone strike on a bus in Marhanets wounded three civilians, the governor wrote on Telegram.",
     [("wounded", 3, 3, 3, False, "", "wounded three civilians", "civilians")]),
    ("3 killed and 5 wounded", [("killed", 3, 3, 3, False, "", "3 killed", ""),
                                ("wounded", 5, 5, 5, False, "", "5 wounded", "")]),
    ("Killed: 5, wounded: 12", [("killed", 5, 5, 5, False, "", "Killed: 5", ""),
                                ("wounded", 12, 12, 12, False, "", "wounded: 12", "")]),
    ("The death toll from Friday's missile strike on Kharkiv has risen to 7, regional governor Oleh Syniehubov said.",
     [("killed", 7, 7, 7, False, "", "death toll from Friday's missile strike on Kharkiv has risen to 7", "")]),
    ("the death toll rose to 7", [("killed", 7, 7, 7, False, "", "death toll rose to 7", "")]),
    ("the death toll rose from 5 to 7", [("killed", 7, 7, 7, False, "", "death toll rose from 5 to 7", "")]),
    ("Casualties: 30", [("killed_or_wounded", 30, 30, 30, False, "", "Casualties: 30", "")]),
    ("Further, the agency noted at least three North Korean soldiers are currently unaccounted for.",
     [("missing", 3, 3, 3, True, "at least", "at least three North Korean soldiers are currently unaccounted for",
       "North Korean soldiers")]),
    ("At least 7 people died and 30 were injured after a Russian missile hit a shopping centre at 3 p.m.",
     [("killed", 7, 7, 7, True, "At least", "At least 7 people died", "people"),
      ("wounded", 30, 30, 30, False, "", "30 were injured", "")]),
    ("Two civilians were killed and 14 others injured in a Russian drone strike on Kherson on Dec. 14, officials said.",
     [("killed", 2, 2, 2, False, "", "Two civilians were killed", "civilians"),
      ("wounded", 14, 14, 14, False, "", "14 others injured", "others")]),
    ("The attack left 3 dead and 12 wounded.", [("killed", 3, 3, 3, False, "", "3 dead", ""),
                                                ("wounded", 12, 12, 12, False, "", "12 wounded", "")]),
    ("Three people, including a 12-year-old boy, were killed in the strike.",
     [("killed", 3, 3, 3, False, "", "Three people, including a 12-year-old boy, were killed", "people")]),
    # categories
    ("Ukraine's military said it had killed or wounded 30 North Korean soldiers in the Kursk region.",
     [("killed_or_wounded", 30, 30, 30, False, "", "killed or wounded 30 North Korean soldiers",
       "North Korean soldiers")]),
    ("Kyiv says 200 Russian troops were killed and wounded in the assault.",
     [("killed_or_wounded", 200, 200, 200, False, "", "200 Russian troops were killed and wounded", "Russian troops")]),
    ("The battalion suffered 30 casualties.", [("killed_or_wounded", 30, 30, 30, False, "", "30 casualties", "")]),
    ("The General Staff reported 1,380 Russian personnel losses over the past day.",
     [("killed_or_wounded", 1380, 1380, 1380, False, "", "1,380 Russian personnel losses", "Russian personnel")]),
    ("The 810th brigade lost 30 soldiers in two days.",
     [("killed_or_wounded", 30, 30, 30, False, "", "lost 30 soldiers", "soldiers")]),
    ("30 civilian deaths were recorded in November.", [("killed", 30, 30, 30, False, "", "30 civilian deaths",
                                                        "civilian")]),
    ("Fatalities: 4", [("killed", 4, 4, 4, False, "", "Fatalities: 4", "")]),
    ("As many as 40 soldiers lost their lives in the assault.",
     [("killed", 40, 40, 40, True, "As many as", "As many as 40 soldiers lost their lives", "soldiers")]),
    ("Ukrainian forces eliminated 30 occupiers near Pokrovsk.",
     [("killed", 30, 30, 30, False, "", "eliminated 30 occupiers", "occupiers")]),
    ("5 servicemen are considered missing in action.",
     [("missing", 5, 5, 5, False, "", "5 servicemen are considered missing in action", "servicemen")]),
    ("Ukrainian troops captured 3 North Korean soldiers.",
     [("captured", 3, 3, 3, False, "", "captured 3 North Korean soldiers", "North Korean soldiers")]),
    ("Ukraine says 30 soldiers were taken prisoner.",
     [("captured", 30, 30, 30, False, "", "30 soldiers were taken prisoner", "soldiers")]),
    ("Two Russian soldiers surrendered to the 47th brigade.",
     [("captured", 2, 2, 2, False, "", "Two Russian soldiers surrendered", "Russian soldiers")]),
    ("The unit took 30 prisoners of war.", [("captured", 30, 30, 30, False, "", "30 prisoners of war", "")]),
    ("12 people sustained injuries.", [("wounded", 12, 12, 12, False, "", "12 people sustained injuries", "people")]),
    # qualifiers: recorded, never turned into invented bounds
    ("approximately 30 soldiers were killed", [("killed", 30, 30, 30, True, "approximately",
                                                "approximately 30 soldiers were killed", "soldiers")]),
    ("some 30 soldiers were killed", [("killed", 30, 30, 30, True, "some", "some 30 soldiers were killed",
                                       "soldiers")]),
    ("nearly 30 killed", [("killed", 30, 30, 30, True, "nearly", "nearly 30 killed", "")]),
    ("more than 30 killed", [("killed", 30, 30, 30, True, "more than", "more than 30 killed", "")]),
    ("no fewer than 30 killed", [("killed", 30, 30, 30, True, "no fewer than", "no fewer than 30 killed", "")]),
    ("over 30 killed", [("killed", 30, 30, 30, True, "over", "over 30 killed", "")]),
    ("30 or more killed", [("killed", 30, 30, 30, True, "or more", "30 or more killed", "")]),
    ("Russia's MoD claimed its forces eliminated up to 40 Ukrainian servicemen.",
     [("killed", 40, 40, 40, True, "up to", "eliminated up to 40 Ukrainian servicemen", "Ukrainian servicemen")]),
    # ranges: low, low (ACLED codes the low end), high
    ("between 8 and 12 people were killed", [("killed", 8, 8, 12, True, "between ... and",
                                              "between 8 and 12 people were killed", "people")]),
    ("8 to 12 killed", [("killed", 8, 8, 12, True, "... to ...", "8 to 12 killed", "")]),
    ("8-12 killed", [("killed", 8, 8, 12, True, "...-...", "8-12 killed", "")]),
    ("eight to 12 killed", [("killed", 8, 8, 12, True, "... to ...", "eight to 12 killed", "")]),
    ("from 8 to 12 were killed", [("killed", 8, 8, 12, True, "from ... to", "from 8 to 12 were killed", "")]),
    ("killed 5–10 civilians", [("killed", 5, 5, 10, True, "...–...", "killed 5–10 civilians", "civilians")]),
    ("two or three civilians were killed", [("killed", 2, 2, 3, True, "... or ...",
                                             "two or three civilians were killed", "civilians")]),
    # ACLED plurals
    ("dozens of civilians were killed", [("killed", 12, 12, 12, True, "dozens", "dozens of civilians were killed",
                                          "civilians")]),
    ("hundreds killed", [("killed", 100, 100, 100, True, "hundreds", "hundreds killed", "")]),
    ("About a dozen soldiers were wounded", [("wounded", 12, 12, 12, True, "About",
                                              "About a dozen soldiers were wounded", "soldiers")]),
    ("a dozen soldiers were wounded", [("wounded", 12, 12, 12, False, "", "a dozen soldiers were wounded",
                                        "soldiers")]),
    # Russian and Ukrainian
    ("Вночі загинули двоє людей, ще п'ятеро поранені",
     [("killed", 2, 2, 2, False, "", "загинули двоє людей", "людей"),
      ("wounded", 5, 5, 5, False, "", "п'ятеро поранені", "")]),
    ("В результате обстрела погибли 3 человека, еще 12 получили ранения.",
     [("killed", 3, 3, 3, False, "", "погибли 3 человека", "человека"),
      ("wounded", 12, 12, 12, False, "", "12 получили ранения", "")]),
    ("🔴 Загинули 3 людини, 12 поранено. Обстріл Харкова о 14:30.",
     [("killed", 3, 3, 3, False, "", "Загинули 3 людини", "людини"),
      ("wounded", 12, 12, 12, False, "", "12 поранено", "")]),
    ("Убито — 5, ранено — 12", [("killed", 5, 5, 5, False, "", "Убито — 5", ""),
                                ("wounded", 12, 12, 12, False, "", "ранено — 12", "")]),
    ("Потери ВСУ на курском направлении составили до 40 военнослужащих, 3 танка и 12 автомобилей.",
     [("killed_or_wounded", 40, 40, 40, True, "до",
       "Потери ВСУ на курском направлении составили до 40 военнослужащих", "военнослужащих")]),
    ("Число погибших возросло до 7.", [("killed", 7, 7, 7, False, "", "погибших возросло до 7", "")]),
    ("Сили оборони ліквідовано 1200 окупантів", [("killed", 1200, 1200, 1200, False, "", "ліквідовано 1200 окупантів",
                                                 "окупантів")]),
    ("тридцять військових зникли безвісти", [("missing", 30, 30, 30, False, "",
                                              "тридцять військових зникли безвісти", "військових")]),
    ("десятки бойовиків потрапили в полон", [("captured", 12, 12, 12, True, "десятки",
                                              "десятки бойовиків потрапили в полон", "бойовиків")]),
]


@pytest.mark.parametrize("sentence,expected", FIGURES, ids=[s[:50] for s, _ in FIGURES])
def test_figures(sentence, expected):
    figures = find_figures(sentence)
    check_spans(sentence, figures)
    assert [summary(f) for f in figures] == expected


NOT_CASUALTIES = [
    "North Korea reportedly sent between 10,000 and 12,000 troops to support Russian efforts.",    # troop strength
    "Russia has deployed 50,000 troops to the Kursk region, where fighting has caused casualties.",
    "North Korea sent 12,000 troops, of whom many were killed.",
    "The 94th brigade and the 810th said they suffered losses.",                                    # unit numbers
    "Soldiers of brigade 155 were killed.",
    "Soldiers were killed on 14 December.", "They were killed in 2024.", "killed on Dec. 14-15",  # dates
    "The strike came at 3 a.m.; nobody was killed.", "killed at 03:00",                               # times
    "a 12-year-old wounded",          # ages (a person with an age counts one: see test_an_age_is_never_the_figure)
    "killed 30 km from the border", "wounded 5 miles away", "the killed were 2 kilometres away",    # distances
    "$5 million in damages for the dead", "500 rubles were paid to the wounded",                    # money
    "30% of those killed were civilians", "30 percent of the casualties were civilians",            # percentages
    "3 tanks destroyed", "12 drones shot down", "two armoured vehicles were lost",                  # equipment
    "losses: 30 tanks and 12 artillery systems", "Russian losses amounted to 2 helicopters.",
    "liberated 3 villages", "Russian troops captured 3 villages near Kurakhove.",                  # settlements
    "A Su-34 was shot down and an S-300 system destroyed; HIMARS struck.",                          # model numbers
    "Ukrainian forces repelled 70 attacks near Pokrovsk.", "Russia said 12 attacks killed Ukrainian officers.",
    "Maj. Gen. Pat Ryder said they have suffered casualties, both killed and wounded.",             # no number
    "Several soldiers were killed.", "No one was killed.", "Many were wounded.",                   # vague words
    "30 soldiers were not killed.", "Ukraine and Russia exchanged 95 prisoners of war.",           # negation, swaps
    "The 30 Ukrainian POWs were returned home.", "Russia lost 3 of its 12 helicopters.",
    "Russian forces shelled Nikopol 14 times.", "Day 1000 of the war: casualties mount.",
    "Вночі ворог 70 разів обстріляв громаду, загиблих немає.", "Ліквідовано 3 танки та 12 безпілотників.",
    "", "killed", "30",
]


@pytest.mark.parametrize("sentence", NOT_CASUALTIES)
def test_never_casualties(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence,category,best", [
    ("Russia launched 70 attacks, killing 3 civilians.", "killed", 3),
    ("Strikes on 3 settlements killed 2.", "killed", 2),
    ("Two drones killed 3 civilians.", "killed", 3),
    ("In 2024, 300 civilians were killed.", "killed", 300),
    ("On 5 December 2024, 3 soldiers died.", "killed", 3),
    ("Ukraine shot down 12 drones over Kyiv, wounding 3 people.", "wounded", 3),
    ("Of the 12,000 troops, around 3,000 were killed.", "killed", 3000),
    ("A 12-storey building was hit; 5 residents died.", "killed", 5),
    ("Ukrainian forces liberated 3 villages and killed 30 Russian soldiers.", "killed", 30),
    ("Russia has deployed 10,000 troops; 3,000 are believed to have been killed or wounded.",
     "killed_or_wounded", 3000),
])
def test_only_the_casualty_number_is_read(sentence, category, best):
    figures = find_figures(sentence)
    check_spans(sentence, figures)
    assert [(f.category, f.best) for f in figures] == [(category, best)]


def test_seed_article_gives_exactly_the_two_figures():
    text = SEED.read_text(encoding="utf-8")
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)
    per_sentence = [f for s in sentences for f in find_figures(s)]
    whole = find_figures(text)
    for figures in (per_sentence, whole):
        assert [(f.category, f.low, f.best, f.high, f.approximate, f.qualifier, f.subject) for f in figures] == [
            ("killed_or_wounded", 30, 30, 30, True, "approximately", "North Korean soldiers"),
            ("missing", 3, 3, 3, True, "at least", "North Korean soldiers"),
        ]
    check_spans(text, whole)
    assert whole[0].text == "approximately 30 North Korean soldiers are believed to have been killed or wounded"
    troops = next(s for s in sentences if "12,000 troops" in s)
    assert find_figures(troops) == []


def test_figure_is_frozen():
    (f,) = find_figures("30 killed")
    with pytest.raises(AttributeError):
        f.best = 31  # type: ignore[misc]


# --- generated sentences ------------------------------------------------------------------

_VOCAB = ("30 1,200 12.000 2.5 thirty twenty-five dozens hundreds двое п'ятеро десятки Su-34 94th 14 December 2024 "
          "at 3 a.m. 45-year-old km $5 million 30% tanks drones villages attacks killed wounded injured dead died "
          "missing unaccounted for captured surrendered casualties losses death toll rose to about approximately "
          "at least between and to from - – — : ; , . soldiers civilians were are believed to have been the of "
          "погибли загинули поранені ранены потери втрати полон безвісти составили до около близько").split()


def test_random_token_soup_never_breaks_the_invariants():
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.3:
            text = text.replace(" ,", ",").replace(" .", ".").upper() if rng.random() < 0.5 else text.replace(" ", "")
        check_spans(text, find_figures(text))


def test_generated_reports_read_exactly():
    rng = random.Random(1214)
    quals = ["", "about ", "approximately ", "at least ", "more than ", "up to ", "some ", "nearly "]
    subjects = ["soldiers", "North Korean soldiers", "civilians", "Ukrainian servicemen", "people"]
    verbs = {"killed": ["were killed", "are believed to have been killed", "died", "lost their lives"],
             "wounded": ["were wounded", "were injured"], "missing": ["are missing", "remain unaccounted for"],
             "captured": ["were captured", "were taken prisoner"],
             "killed_or_wounded": ["were killed or wounded", "were killed and wounded"]}
    noise = ["on 14 December", "near Plekhovo", "in 2024", "30 km from the border", "at 3 a.m.",
             "after 70 attacks", "as 12 tanks burned"]
    for _ in range(1500):
        n, lo = rng.randint(1, 5000), rng.randint(1, 50)
        category = rng.choice(CATEGORIES)
        qual, subject, verb = rng.choice(quals), rng.choice(subjects), rng.choice(verbs[category])
        ranged = rng.random() < 0.25
        figure = f"between {lo} and {lo + n}" if ranged else f"{qual}{n:,}"
        text = f"{figure} {subject} {verb} {rng.choice(noise)}, officials said."
        text = text[0].upper() + text[1:]
        figures = find_figures(text)
        check_spans(text, figures)
        low, high = (lo, lo + n) if ranged else (n, n)
        assert [(f.category, f.low, f.best, f.high, f.approximate, f.subject) for f in figures] == [
            (category, low, low, high, ranged or bool(qual), subject)], text


def test_keyword_prefilter_never_hides_a_figure(monkeypatch):
    """The stem prefilter is only a shortcut: with and without it, the same figures."""
    import mapper.extract.casualties as casualties
    from mapper.extract.sentences import split_sentences

    reports = sorted((REPO / "tests" / "data" / "reports").glob("*"))
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in reports] + [SEED.read_text(encoding="utf-8")]
    sentences = [t[s.start:s.end] for t in texts for s in split_sentences(t)]
    with_prefilter = [casualties.find_figures(s) for s in sentences]
    monkeypatch.setattr(casualties, "_may_have_keyword", lambda lowered: True)
    assert [casualties.find_figures(s) for s in sentences] == with_prefilter
    assert sum(map(len, with_prefilter)) > 30


@pytest.mark.parametrize("text", [
    "9223372036854775808 soldiers were killed near Sudzha.",       # one past the 64-bit integers
    "Погибли 18446744073709551616 военных.",
    "Поранено 99 999 999 999 цивільних.",
    "Between 5 and 40000000000 people were wounded in the strike.",   # a range whose end is implausible
    "Eleven million soldiers were killed, the channel wrote.",
])
def test_a_figure_above_the_plausible_maximum_is_not_a_casualty_figure(text):
    from mapper.extract.casualties import MAX_FIGURE

    assert find_figures(text) == []
    assert MAX_FIGURE == 10_000_000


def test_the_largest_running_totals_are_still_read():
    [figure] = find_figures("Ukraine's General Staff said Russia had lost 1,250,000 personnel.")
    assert figure.best == 1_250_000
    [figure] = find_figures("Ten million people were killed, the report claims.")
    assert figure.best == 10_000_000


def test_every_keyword_match_holds_a_stem():
    """find_figures skips the stem test on lower-cased text: every keyword match must hold a stem."""
    from mapper.extract import casualties
    from mapper.extract.casualty_stems import KEYWORDS, may_have_keyword
    rng = random.Random(7)
    pieces = [" ", "  ", "-", "'", "військово", "or", "and", "&", "в", "у", "и", "без", "вести", "безвісти",
              "in", "action", "of", "war", "toll", "for", "their", "lives", "serious"]
    for _, _, pattern in KEYWORDS:  # each alternative's own words, glued to the pieces at random
        pieces += re.findall(r"[^\W\d_]+", pattern)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 8)))
        found = [(m.span(), m.lastgroup) for m in casualties._keyword_matches(text)]
        assert found == [(m.span(), m.lastgroup) for m in casualties._KEYWORD_LOWER_RE.regex.finditer(text)], text
        if found:
            assert may_have_keyword(text), text


# --- one person listed or considered missing: the singular forms -------------------------------
@pytest.mark.parametrize("text", [
    "Один пожилой мужчина числится пропавшим без вести после того, как снаряд попал в его дом.",
    "Ещё одна женщина считается пропавшей без вести после обстрела рынка.",
    "Один військовий вважається зниклим безвісти після бою біля лісу.",
    "Одна жителька села вважається зниклою безвісти після пожежі в будинку.",
])
def test_one_person_counted_as_missing_is_a_missing_figure(text):
    assert [(f.category, f.best) for f in find_figures(text)] == [("missing", 1)]


@pytest.mark.parametrize("text, best", [
    ("A man suffered a concussion when the shell hit the yard.", 1),
    ("Two men suffered a shrapnel wound each.", 2),
    ("Three workers sustained burns in the fire after the strike.", 3),
    ("A boy received a gunshot wound to the leg.", 1),
])
def test_a_wound_suffered_sustained_or_received_is_a_wounded_figure(text, best):
    assert [(f.category, f.best) for f in find_figures(text)] == [("wounded", best)]


@pytest.mark.parametrize("text", ["The soldier suffered a heart attack at the checkpoint.",
                                  "The school building suffered damage in the strike."])
def test_other_things_suffered_are_no_wounds(text):
    assert find_figures(text) == []


# --- a person's age or birth year: never the figure, and the person still counts one ---------
@pytest.mark.parametrize("text, expected", [
    ("A man aged 45 was killed.", [("killed", 1)]),
    ("A man, 45, was killed when the shell hit his garage.", [("killed", 1)]),
    ("A pensioner born in 1951 was wounded in the yard.", [("wounded", 1)]),
    ("The driver, a 58-year-old man, was killed.", [("killed", 1)]),
    ("Two civilians, 45 and 50, were wounded.", [("wounded", 2)]),
    ("Hanna Melnyk, 61, was hurt by flying glass.", [("wounded", 1)]),  # a first name is one person
    ("Мужчина 1962 года рождения погиб на месте.", [("killed", 1)]),
    ("Водитель, мужчина 1958 г. р., погиб до приезда скорой.", [("killed", 1)]),
    ("Тракторист Олег Иванович Соколов, 1971 года рождения, погиб на месте.", [("killed", 1)]),
    ("Пассажирка автобуса получила ранения.", [("wounded", 1)]),
    ("Чоловік 1967 року народження загинув на місці.", [("killed", 1)]),
    ("Жителька села, 1939 року народження, вважається зниклою безвісти.", [("missing", 1)]),
    ("Водій, 52-річний чоловік, загинув.", [("killed", 1)]),
])
def test_an_age_is_never_the_figure(text, expected):
    assert [(f.category, f.best) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, best", [
    ("Після вибуху міни тракторист травмований.", 1),
    ("Водій госпіталізований з осколковими пораненнями.", 1),
    ("Двоє бійців з пораненнями госпіталізовані до обласної лікарні.", 2),
    ("Её сосед с ранениями доставлен в районную больницу.", 1),
])
def test_taken_to_hospital_with_wounds_is_wounded(text, best):
    assert [(f.category, f.best) for f in find_figures(text)] == [("wounded", best)]


@pytest.mark.parametrize("text, best", [
    ("Окупанти забрали в полон двох чоловіків з Рижівки.", 2),
    ("Окупанти забрали в полон місцевого жителя.", 1),
    ("Военные увели в плен троих мужчин из посёлка.", 3),
])
def test_taken_away_into_captivity_is_captured(text, best):
    assert [(f.category, f.best) for f in find_figures(text)] == [("captured", best)]


@pytest.mark.parametrize("text, expected", [
    ("Iryna Bondar was wounded by shrapnel in her garden.", [("wounded", 1)]),
    ("Погибла Антонина Петровна, хозяйка дома.", [("killed", 1)]),
    ("Загинула Галина Степанівна, ще двоє поранені.", [("killed", 1), ("wounded", 2)]),
    ("Governor Gladkov said the strike wounded nobody.", []),  # a surname is no one counted
    ("Kupiansk was shelled again overnight.", []),
])
def test_a_person_named_by_first_name_counts_one(text, expected):
    assert [(f.category, f.best) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Rescuers pulled the body of a woman from the rubble of the shop.", [("killed", 1)]),
    ("The body of an elderly man was found in the garden after the strike.", [("killed", 1)]),
    ("The governing body of the district met on Monday.", []),
    ("A body of water separates the two villages.", []),
])
def test_the_body_of_a_person_is_one_dead(text, expected):
    assert [(f.category, f.best) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Поранено двох чоловіків із села Рижівка.", [("wounded", 2)]),
    ("Окупанти забрали в полон трьох мешканців зі Старої Гути.", [("captured", 3)]),
    ("Ранены двое мужчин из села Дубовое.", [("wounded", 2)]),
])
def test_people_from_a_village_are_still_people(text, expected):
    assert [(f.category, f.best) for f in find_figures(text)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Three marines were killed and eight wounded repelling a night assault.", [("killed", 3), ("wounded", 8)]),
    ("Four wounded fighting at the bridge were evacuated by boat.", [("wounded", 4)]),
])
def test_a_participle_clause_after_the_casualty_word_is_not_its_subject(sentence, expected):
    """The words after "eight wounded" start a clause ("repelling a night assault"): they name no
    subject, so the thing in them (an assault) cannot unmake the figure."""
    assert [(f.category, f.best) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Kyiv said it had received the remains of 640 servicemen in the latest repatriation.", []),
    ("The bodies of 320 soldiers were handed over at the border on Friday.", []),
    ("Российской стороне передали тела 48 военнослужащих.", []),
    ("Під час репатріації Україні повернули тіла 502 загиблих захисників.", []),
    # a killing in the same sentence as a return is still a killing
    ("Three captives were killed; their bodies were returned a month later.", [("killed", 3)]),
    ("Rescuers recovered the bodies of four people from the rubble.", [("killed", 4)]),
])
def test_the_dead_handed_back_are_no_casualty_event(sentence, expected):
    assert [(f.category, f.best) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Four prisoners of war were executed near the village.", [("killed", 4)]),
    ("Двадцать боевиков уничтожены при штурме.", [("killed", 20)]),
    ("Дванадцять окупантів знищено на околицях села.", [("killed", 12)]),
    ("Пять бронемашин уничтожены артиллерией.", []),        # things, not people
    ("Seven drones were executed", []),                    # no people in the subject
])
def test_a_verb_taking_people_as_object_takes_them_before_it_in_the_passive(sentence, expected):
    assert [(f.category, f.best) for f in find_figures(sentence)] == expected
