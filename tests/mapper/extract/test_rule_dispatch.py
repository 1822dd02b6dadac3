"""RuleDispatch (an alternation of named rules tried only with the rules that can start at a
position) and word_trie must match exactly what the plain regexes match."""

from __future__ import annotations

import random
import re

from mapper.extract.dates import _ALL, _COMBINED
from mapper.extract.rule_dispatch import RuleDispatch, word_trie

RULES = [("a", r"\bon\s+(?:the\s+)?\d{1,2}\b"), ("b", r"(?:\d+|few)\s+days?\b"), ("c", r"o\w+"),
         ("d", r"(?:last|this)?\s*week"), ("e", r"[^\W\d_]+-\d"), ("f", r"(?i:Mon)day")]

SENTENCES = ["Over the recent weekend, 30 soldiers were killed on 14 December 2024.", "On Dec. 14-16, 2 died.",
             "Between 14th and 16th of December 4 were hurt; last week 3, this morning 2, a few days ago 1.",
             "On the night of 3 to 4 May, troops may 14 have moved; on Saturday and 16.12.2024 more."]


def _same(dispatch: RuleDispatch, plain: re.Pattern[str], text: str) -> None:
    for pos in range(len(text) + 1):
        got, want = dispatch.match(text, pos), plain.match(text, pos)
        assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), (text, pos)


def test_dispatch_matches_the_whole_alternation_at_every_position():
    dispatch = RuleDispatch(RULES)
    plain = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in RULES))
    rng = random.Random(5)
    pieces = ["on", "the", " ", "  ", "12", "3", "few", "day", "days", "week", "last", "x-5", "Mon", "mon", "\n", "o"]
    for _ in range(300):
        _same(dispatch, plain, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))))


def test_date_rules_dispatch_like_the_combined_regex():
    plain = re.compile(_ALL)
    for text in SENTENCES:
        _same(_COMBINED, plain, text.lower())


def test_word_trie_matches_exactly_its_words():
    rng = random.Random(3)
    for _ in range(200):
        words = ["".join(rng.choice("ab'") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))]
        trie = re.compile(word_trie(words))
        for _ in range(30):
            text = "".join(rng.choice("ab'") for _ in range(rng.randint(0, 5)))
            assert (trie.fullmatch(text) is not None) == (text in words), (words, text)
