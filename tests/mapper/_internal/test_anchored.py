"""Anchored patterns, pattern sets and the case fold must find exactly what ``re.finditer`` finds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper._internal.anchored import AnchoredPattern, PatternSet
from mapper._internal.casefold import fold, lowered
from mapper._internal.regex_prefix import folded_prefixes
from mapper.extract import claimants, side_clues

#: letters whose cases the regex engine pairs in unusual ways (ſ/s, K/Kelvin sign, ı/i, İ, final ς)
ALPHABET = "akrsuvгбвоГВſKıİIΣσς - 'ʼ\n.,"

CASE_BLIND = [
    r"(?i)(?<!\w)(?:kursk|sumy)(?!\w)",
    r"(?<!\w)(?:(?i:kur)sk|[Гг]уб\w*|SBU)",
    r"(?i)(?:ukr|ſav)[a-z]*",
    r"(?i)σας|ıa|İk",
    r"(?:Alex(?:ei|ey) |Aleksei )?Smirnov|(?i:(?:regional\s+)?governor)",
]


@pytest.mark.parametrize("pattern", CASE_BLIND)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET + "kurskmiexyzSmirnovgernal", max_size=50))
def test_case_blind_anchors_keep_every_match(pattern, text):
    anchored = AnchoredPattern(pattern)
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


def test_optional_leading_words_still_give_prefixes():
    # "(?:Alexei )?Smirnov": the match starts with the first name or with the surname
    assert folded_prefixes(r"(?:Alexei |Aleksei )?Smirnov") == {"ale", "smi"}
    assert folded_prefixes(r"(?:Ukraine\W?s |Ukrainian )?[Cc]ommander") == {"ukr", "com"}
    assert folded_prefixes(r"(?i:(?:regional\s+)?governor)") == {"reg", "gov"}
    assert folded_prefixes(r"\w+ said") is None


def test_fold_keeps_every_position():
    for text in ["Kursk", "ſtrike", "ΟΔΟΣ ΣΑΣ", "Вінниця", "KELVIN K"]:
        assert len(fold(text)) == len(text)
    assert fold("İstanbul") is None  # lower case adds a combining dot: no fold position for position
    assert fold("ſ") == fold("S") == "s"


ALTERNATIVES = ["(?P<a>gov\\w*)", "(?P<b>Gov(?i:ernor) Smirnov)", "(?P<c>(?:acting )?governor of Kursk)",
                "(?P<d>mayor)", "(?P<e>[Мм]эр\\w*)", "(?P<f>(?i:head))"]


PIECES = ["gov", "Gov", "ernor", " Smirnov", "acting ", "governor of Kursk", "mayor", "Мэр", "мэра", "HEAD", " ", "x",
          "ſ", "İ", "."]


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_alternatives_dispatch_gives_the_whole_patterns_matches(text):
    head, tail = r"(?<!\w)", r"(?!\w)"
    anchored = AnchoredPattern.of_alternatives(ALTERNATIVES, head, tail)
    whole = re.compile(head + "(?:" + "|".join(ALTERNATIVES) + ")" + tail)
    got = [(m.span(), m.lastgroup) for m in anchored.finditer(text)]
    assert got == [(m.span(), m.lastgroup) for m in whole.finditer(text)]


def test_alternatives_that_may_start_anywhere_fall_back_to_the_whole_pattern():
    anchored = AnchoredPattern.of_alternatives([r"\w+ said", "governor"])
    assert anchored._parts is None
    assert [m.span() for m in anchored.finditer("the governor said")] == [
        m.span() for m in re.finditer(r"(?:\w+ said|governor)", "the governor said")]


SET = {"forces": r"(?i)(?<!\w)(?:troops?|(?P<s0>russians?))(?!\w)", "loss": r"(?i)(?<!\w)(?:losses|killed)(?!\w)",
       "any": r"\d+"}


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["Troops", "troop", "RUSSIANS", "ruſſian", "losses", "Killed", "12", " ", "-",
                                      "İ", "x"]), max_size=14).map("".join))
def test_a_pattern_set_reads_each_pattern_as_finditer_would(text):
    found = PatternSet(SET).finditer_each(text)
    assert {name: [m.span() for m in ms] for name, ms in found.items()} == {
        name: [m.span() for m in re.finditer(pattern, text)] for name, pattern in SET.items()}


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(["Governor", " Gladkov", "губернатор", "Курской области", " said", "Sumy",
                                      "military administration", "ОВА", "ГУР", "GUR", "Генштаб", ": ", ", ", "İ",
                                      "ſ", "\n"]), max_size=12).map("".join))
def test_the_project_patterns_find_what_their_plain_regex_finds(text):
    table = claimants.Claimants.of()
    assert [m.span() for m in table.pattern.finditer(text)] == [m.span() for m in table.pattern.regex.finditer(text)]
    for name, regex in side_clues._KINDS.regexes.items():
        assert [m.span() for m in side_clues._KINDS.finditer_each(text)[name]] == [
            m.span() for m in regex.finditer(text)], name


def test_lower_case_is_idempotent():
    """Event type reads its cause words in a report's lower case with the fold of the report
    itself: the same string, as lower-casing twice changes nothing."""
    assert all(c.lower().lower() == c.lower() for c in map(chr, range(0x110000)))


def test_fold_of_ascii_text_is_its_lower_case():
    assert fold("Two Were KILLED in Sumy") == "two were killed in sumy"
    assert fold("ſ Σ") == "s ς"


WORD_HEADS = [r"(?<!\w)", r"(?<![\w-])", r"(?<![\w'’-])"]
#: alternatives starting inside words of the texts below ("ied" in "verified", "in" in "within")
INNER = ["ieds?", "in\\s+action", "strikes?", "тел[ао]", "air[\\s-]+raids?", "shot\\s+dead"]


@pytest.mark.parametrize("head", WORD_HEADS)
@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(["verified", "ied", "IEDs", "within", "in", " ", "\n", "-", "'", "’", "_",
                                      "action", "air", "raid", "strike", "тела", "тело", "shot", "dead", "ВТЕЛА"]),
                     max_size=10).map("".join))
def test_starts_inside_words_are_skipped_only_where_no_match_can_start(head, text):
    """of_alternatives skips a prefix found inside a word when its head asks for no word character
    before the match: the matches are still exactly those of the whole pattern."""
    pattern = AnchoredPattern.of_alternatives(INNER, head, r"(?!\w)", re.IGNORECASE)
    expected = [m.span() for m in re.finditer(head + "(?:" + "|".join(INNER) + r")(?!\w)", text, re.IGNORECASE)]
    assert [m.span() for m in pattern.finditer(text)] == expected
    assert [m.span() for m in pattern.finditer(text, folded=fold(text))] == expected


def test_a_report_is_lower_cased_once_for_its_readers():
    report = "Two Were KILLED in Sumy. " * 60
    assert lowered(report) == report.lower() and lowered(report) is lowered(report)
    assert fold(report) == report.lower()
