"""Numbers as reports write them: digits, grouped digits, English/Russian/Ukrainian words, ACLED plurals."""

import random

import pytest

from mapper.extract.numbers import NumberMatch, find_numbers, parse_number


@pytest.mark.parametrize("text,value", [
    ("30", 30), ("0", 0), ("1,200", 1200), ("1 200", 1200), ("12\u00a0000", 12000), ("12.000", 12000),
    ("764,250", 764250), ("1,234,567", 1234567), ("1.5 million", 1_500_000), ("1,5 млн", 1_500_000),
    ("10 тыс.", 10_000), ("12 thousand", 12_000), ("5-ти", 5), ("3-х", 3),
    ("thirty", 30), ("Thirty", 30), ("twenty-five", 25), ("twenty five", 25), ("one hundred twenty", 120),
    ("one hundred and twenty", 120), ("a hundred", 100), ("two thousand five hundred", 2500),
    ("twelve hundred", 1200), ("a dozen", 12), ("two dozen", 24), ("half a dozen", 6), ("zero", 0),
    ("dozens", 12), ("hundreds", 100), ("thousands", 1000), ("tens of thousands", 10_000),
    ("hundreds of thousands", 100_000), ("several dozen", 12), ("a few hundred", 100),
    ("тридцать", 30), ("тридцять", 30), ("двое", 2), ("троє", 3), ("п'ятеро", 5), ("п’ятеро", 5),
    ("пятерых", 5), ("двадцать пять", 25), ("сорок", 40), ("дев'яносто", 90), ("сто двадцать", 120),
    ("одиннадцать", 11), ("трёх", 3), ("трех", 3), ("тысяча", 1000), ("десять тысяч", 10_000),
    ("десятки", 12), ("десятків", 12), ("сотни", 100), ("несколько десятков", 12), ("кілька сотень", 100),
])
def test_parse_number_reads_counts(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "2.5", "0,5", "several", "a few", "many", "some", "несколько", "кілька", "Su-34", "S-300", "T-72",
    "MiG-29", "M777", "94th", "810th", "3rd", "810-я", "47-й", "30%", "30km", "03:00", "14.12.2024",
    "14/12", "COVID-19", "", "   ", "thousand", "hundred", "30 killed", "and",
])
def test_parse_number_refuses_what_is_not_one_count(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,approximate", [
    ("dozens", True), ("hundreds", True), ("scores of", True), ("десятки", True), ("several hundred", True),
    ("a dozen", False), ("half a dozen", False), ("12", False), ("twelve", False),
])
def test_plural_words_are_flagged_approximate(text, approximate):
    (m,) = find_numbers(text)
    assert m.approximate is approximate


@pytest.mark.parametrize("sentence,expected", [
    ("Approximately 30 North Korean soldiers were killed", [(30, "30")]),
    ("North Korea sent between 10,000 and 12,000 troops", [(10000, "10,000"), (12000, "12,000")]),
    ("the 810th brigade and the 94-я бригада", []),
    ("a Su-34 and an S-300 battery, 2 pilots", [(2, "2")]),
    ("killed 3.5 km away at 14:30 on 14.12.2024", []),
    ("No one was killed, one was wounded", [(1, "one")]),
    ("one two", [(1, "one"), (2, "two")]),
    ("scores of civilians", [(20, "scores")]),
    ("scores were settled", []),
    ("twenty-five and a hundred and three", [(25, "twenty-five"), (103, "a hundred and three")]),
    ("Вночі загинули двоє людей, ще п'ятеро поранені", [(2, "двоє"), (5, "п'ятеро")]),
    ("втрати близько 764250 (+1380) осіб", [(764250, "764250"), (1380, "1380")]),
    ("a 45-year-old man", [(45, "45")]),
    ("Dec. 14-15", [(14, "14"), (15, "15")]),
    ("ИНОГДА ДВОЕ", [(2, "ДВОЕ")]),
])
def test_find_numbers_in_sentences(sentence, expected):
    found = find_numbers(sentence)
    assert [(m.value, m.text) for m in found] == expected
    for m in found:
        assert isinstance(m, NumberMatch) and sentence[m.start:m.end] == m.text


def test_number_match_is_frozen():
    (m,) = find_numbers("30")
    with pytest.raises(AttributeError):
        m.value = 31  # type: ignore[misc]


def test_spans_survive_case_folding_that_changes_length():
    text = "İstanbul: thirty"          # "İ".lower() is two characters long
    (m,) = find_numbers(text)
    assert (m.value, text[m.start:m.end]) == (30, "thirty")


def test_generated_numbers_round_trip():
    rng = random.Random(20241214)
    units = "zero one two three four five six seven eight nine".split()
    teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()

    def words(n: int) -> str:
        parts = []
        if n >= 100:
            parts += [units[n // 100], "hundred"] + (["and"] if n % 100 and rng.random() < 0.5 else [])
        rest = n % 100
        if rest >= 20:
            parts.append(tens[rest // 10 - 2] + (("-" if rng.random() < 0.5 else " ") + units[rest % 10]
                                                  if rest % 10 else ""))
        elif rest >= 10:
            parts.append(teens[rest - 10])
        elif rest or n < 100:
            parts.append(units[rest])
        return " ".join(parts)

    for _ in range(500):
        n = rng.randrange(0, 1000)
        assert parse_number(words(n)) == n, words(n)
        big = rng.randrange(1000, 10_000_000)
        assert parse_number(f"{big:,}") == big
        assert parse_number(f"{big:,}".replace(",", " ")) == big
        assert parse_number(f"{big:,}".replace(",", ".")) == big
        assert parse_number(f"{n}.{rng.randrange(1, 99)}") is None

