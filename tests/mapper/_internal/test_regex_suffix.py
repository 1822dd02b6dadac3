"""The ending test in front of a tail search must never change what the search finds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.extract import casualties
from mapper._internal.regex_suffix import TailPattern, literal_suffixes

TAILS = [
    (r"(?<!\w)(?:at least|about|up to|some)", r"\s*$", re.IGNORECASE),
    (r"(?:(?<!\w)(?:jan(?:uary)?|dec\.?|aged)|[$№#])", r"\s*$", re.IGNORECASE),
    (r"(?<!\w)(?:from|between|от)", r"\s+$", re.IGNORECASE),
    (r"(?<!\w)(?:ab|b)", r"\s*$", 0),
]
WORDS = st.lists(st.sampled_from(["at least", "about", "up to", "some", "jan", "january", "dec", "dec.", "aged",
                                  "$", "№", "#", "from", "between", "от", "ОТ", "ab", "b", "Kelvin", "ſome", "x",
                                  " ", "  ", "\n", "\t", "30", ",", "."]), max_size=12).map("".join)


@pytest.mark.parametrize("core,tail,flags", TAILS)
@settings(max_examples=300, deadline=None)
@given(text=WORDS, data=st.data())
def test_tail_search_finds_what_search_finds(core, tail, flags, text, data):
    pattern = TailPattern(core, tail, flags)
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    plain = re.compile(core + tail, flags).search(text, start, end)
    found = pattern.search(text, start, end)
    assert (found and found.span()) == (plain and plain.span())


def test_suffixes_are_the_endings_of_every_alternative():
    assert literal_suffixes(r"(?:at least|some)", size=2) == {"st", "me"}
    assert literal_suffixes(r"dec\.?", size=2) == {"ec", "c."}
    assert literal_suffixes(r"\w+") is None
    assert literal_suffixes(r"a|b?") is None
    assert "Sᴛ" not in literal_suffixes(r"st", re.I) and "ſt" in literal_suffixes(r"st", re.I)


def test_the_casualty_tails_are_prefiltered():
    assert casualties._QUAL_RE._ends and casualties._PREV_EXCL_RE._ends
