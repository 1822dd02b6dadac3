"""The first-character look-ahead must never change what a pattern matches."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper import attribution, casualties, dates, extract
from mapper.regex_prefix import first_chars, with_first_chars

PATTERNS = [
    (r"\b(?:killed|wounded|dead)\b", 0),
    (r"(?:військово)?полонених|Pows", re.IGNORECASE),
    (r"(?i)(?<!\w)(?:sk|ſt)\w*", 0),
    (r"(?<![\w-])(?:a(?:b|c)?|d+e)(?!\w)", re.IGNORECASE),
    (r"(?:x|y)?(?:z|w)q", 0),
    (r"[a-c]{2,}|(?i:K)", 0),
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
    attribution._CIVILIANS, attribution._ACCORDING_TO, casualties._KEYWORD_RE, casualties._QUAL_RE,
    casualties._PREV_EXCL_RE, casualties._BOUNDARY_RE, extract._NEAR, extract._ANAPHORA, dates._REPORTING])
def test_the_patterns_in_use_carry_the_look_ahead(compiled):
    assert re.sub(r"^\(\?[aiLmsux]+\)", "", compiled.pattern).startswith("(?=[")
