"""The first-character look-ahead must never change what a pattern matches."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.extract import casualties, claimants, dates, toponyms
from mapper.extract import claim_places
from mapper._internal.anchored import AnchoredPattern
from mapper._internal.regex_parts import WHITESPACE
from mapper._internal.regex_prefix import (first_chars, folded_prefixes, literal_prefixes, prefix_forms,
                                          required_strings, starts_as, with_first_chars)

PATTERNS = [
    (r"\b(?:killed|wounded|dead)\b", 0),
    (r"(?:військово)?полонених|Pows", re.IGNORECASE),
    (r"(?i)(?<!\w)(?:sk|ſt)\w*", 0),
    (r"(?<![\w-])(?:a(?:b|c)?|d+e)(?!\w)", re.IGNORECASE),
    (r"(?:x|y)?(?:z|w)q", 0),
    (r"[a-c]{2,}|(?i:K)", 0),
    (r"(?si:sk)x|ab", 0),
]
ALPHABET = "abcdekqswxyzABKSWſKıİ -_'полнеихвВ"


@pytest.mark.parametrize("pattern,flags", PATTERNS)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40))
def test_look_ahead_keeps_every_match(pattern, flags, text):
    plain, fast = re.compile(pattern, flags), re.compile(with_first_chars(pattern, flags), flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern", [r"a?", r"(?:a|)b", r".x", r"\w+", r"[^a]b", r"(?:a|b*)c"])
def test_no_answer_when_any_character_could_start_a_match(pattern):
    assert first_chars(pattern) is None


@pytest.mark.parametrize("compiled", [
    claimants._ACCORDING_TO, casualties._KEYWORD_RE, casualties._QUAL_RE.regex,
    casualties._PREV_EXCL_RE.regex, casualties._BOUNDARY_RE, claim_places._NEAR, claim_places._ANAPHORA, dates._REPORTING])
def test_the_patterns_in_use_carry_the_look_ahead(compiled):
    assert re.sub(r"^\(\?[aiLmsux]+\)", "", compiled.pattern).startswith("(?=[")


ANCHORED = [
    r"(?<!\w)(?:near|villages? of|сел[оау])\s+",
    r"(?:a|b)c(?:d|e)?x",
    r"ab+c|abd",
    r"(?<![\w-])(?:kill(?:ed|s)|dead)(?!\w)",
]
ANCHOR_TEXT = st.lists(st.sampled_from(["near", "village", "villages of", "село", "сел", "a", "b", "c", "d", "x",
                                        "kill", "killed", "dead", "-", " ", "  ", "s", "of"]), max_size=16).map("".join)


@pytest.mark.parametrize("pattern", ANCHORED + [toponyms._CUE.regex.pattern])
@settings(max_examples=300, deadline=None)
@given(text=ANCHOR_TEXT)
def test_anchored_pattern_finds_what_finditer_finds(pattern, text):
    anchored = AnchoredPattern(pattern)
    assert anchored.prefixes, pattern
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


def test_prefixes_stop_where_the_literal_part_ends():
    assert literal_prefixes(r"ab+c|abd") == {"ab", "abd"}  # one round of a repeat of literals, then stop
    assert literal_prefixes(r"a\w+c|abd") == {"a"}
    assert literal_prefixes(r"(?:x|y)z?w") == {"x", "y"}
    assert literal_prefixes(r"\w+x") is None


UNIT_TEXT = st.lists(st.sampled_from(["km", "Dec", "%", "-th", "-", " ", "\n", "years", "a.m.", "o'clock", "local time",
                                      "x", "5", "день", "м", "ОМБр", "soldiers", "ſ", "'", "miles"]),
                     max_size=4).map("".join)


@settings(max_examples=500, deadline=None)
@given(UNIT_TEXT)
def test_words_after_a_number_are_read_as_by_one_pattern(text):
    pattern = casualties._NEXT_EXCL_RE.pattern
    whole = re.compile(r"-[^\W\d_]|\s*" + pattern[pattern.index("(?:"):], re.I)
    split = casualties._NEXT_HYPHEN_RE.match(text) or casualties._NEXT_EXCL_RE.match(
        text, casualties._SPACES_RE.match(text).end())
    assert bool(split) == bool(whole.match(text))


def test_required_strings_are_in_every_match():
    assert required_strings(r"(?<!\w)(?:shot|hits)\s+(?:down|twice)|on\s+fire") == {"shot", "hits", "fire"}
    assert required_strings(r"(?:a|b)\s+(?:alpha|beta)") == {"alpha", "beta"}   # the first run is too short
    assert required_strings(r"x\w*|y") == {"x", "y"}                           # short, but all there is
    assert required_strings(r"(?i)killed") is None and required_strings(r"\d+") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aklidwneо плену\n", max_size=30))
def test_a_text_without_the_required_strings_never_matches(text):
    pattern = r"(?<![\w-])(?:killed|dead|(?:в|у)\s+плену|wounded?)(?!\w)"
    needed = required_strings(pattern)
    if not any(s in text for s in needed):
        assert re.search(pattern, text) is None


def test_short_prefixes_answer_for_big_alternations():
    assert literal_prefixes(r"(?:військово)?полонених|pows", size=4) == {"війс", "поло", "pows"}
    assert literal_prefixes(r"killed|kills|kil", size=3) == {"kil"}
    assert literal_prefixes(r"(?:військово)?полонених") is None


@pytest.mark.parametrize("pattern", ANCHORED)
@settings(max_examples=200, deadline=None)
@given(text=ANCHOR_TEXT)
def test_anchored_pattern_with_short_prefixes_finds_what_finditer_finds(pattern, text):
    anchored = AnchoredPattern(pattern, size=2)
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="killedwoundpsrcaty aonv-'", max_size=60))
def test_the_anchored_keyword_finder_finds_what_the_keyword_regex_finds(text):
    expected = [(m.span(), m.lastgroup) for m in casualties._KEYWORD_LOWER_RE.regex.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in casualties._KEYWORD_LOWER_RE.finditer(text)] == expected
    assert [(m.span(), m.lastgroup) for m in casualties._keyword_matches(text)] == expected


@pytest.mark.parametrize("pattern,flags", [
    (r"(?:km|kilomet(?:er|re)s?|(?-i:Jan)\.?|h)(?!\w)", re.IGNORECASE),
    (r"(?<![\w-])(?:kill(?:ed|s)|dead|(?:військово)?полон)(?!\w)", re.IGNORECASE),
    (r"ab+c|abd|(?:x|y)z?w", 0),
])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="abcdhijkmnqstwxyzJAKSſKıİ.-полнеихвВ ", max_size=20))
def test_every_match_starts_as_one_of_the_prefix_forms(pattern, flags, text):
    forms = prefix_forms(pattern, flags, size=3)
    assert forms
    regex = re.compile(pattern, flags)
    for pos in range(len(text) + 1):
        if regex.match(text, pos):
            assert starts_as(text, pos, forms), (text, pos)


def test_the_casualty_prefilters_have_prefixes():
    assert casualties._KEYWORD_STARTS and casualties._NEXT_EXCL_STARTS


@pytest.mark.parametrize("pattern", ANCHORED + [r"(?<![\w-])(?:kills?|APCs?|(?-i:Jan))(?!\w)"])
@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="killsdeadKILSDEAPCcpſKıİjanJAN -", max_size=30))
def test_anchored_pattern_ignoring_case_finds_what_finditer_finds(pattern, text):
    anchored = AnchoredPattern(pattern, re.IGNORECASE)
    assert anchored.prefixes
    plain = re.compile(pattern, re.IGNORECASE)
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert (anchored.search(text) or plain.search(text)) is None or anchored.search(text).span() == plain.search(
        text).span()


def test_prefixes_read_on_through_spaces():
    """"in\\s+action" starts with "in" and a space character, so the word "in" is no start."""
    found = folded_prefixes(r"(?<![\w-])(?:in\s+action|air\s*strikes?)", 5)
    assert found == {"in" + c for c in WHITESPACE} | {"air"}  # (more spaces may follow the first)
    assert literal_prefixes(r"[\s-]war") == {c + "war" for c in WHITESPACE | {"-"}}
    # read on only where that gives each prefix a longer one: never more places to try
    assert literal_prefixes(r"(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o)\s+x") == set("abcdefghijklmno")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["in", " ", "\n", "\xa0", "\u2009", "action", "In", "ACTION", "x", "-", "air", "strike",
                                 "war", "("]),
                max_size=8).map("".join))
def test_spaced_prefixes_find_what_finditer_finds(text):
    pattern = r"(?<![\w-])(?:in\s+action|air[\s-]+strikes?|[\s(]war)"
    anchored = AnchoredPattern.of_alternatives(["in\\s+action", "air[\\s-]+strikes?", "[\\s(]war"], r"(?<![\w-])",
                                               flags=re.IGNORECASE)
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in re.finditer(pattern, text, re.I)]
