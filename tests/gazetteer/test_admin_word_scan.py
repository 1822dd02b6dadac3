"""The admin-word scan: an Aho-Corasick pass finds where an admin word may start, and the pattern is
tried only there. It must find exactly what searching the pattern at every letter finds."""

from __future__ import annotations

import random

from gazetteer.admin_phrases import _ADMIN_WORD, _ADMIN_WORDS, _admin_word_starts, lowered, word_starts

PIECES = ["oblast", "oblasts", "districts", "region", "raion", "okrug", "direction", "hromada",
          "области", "районов", "округа", "громади", "напрямку", "направлении", "обл.", "тг", "отг",
          "subdistrict", "regional", "pre", "Dist", "-", " ", ", ", ".", "\n", "a", "ро", "x1", "ОБЛАСТИ"]


def _spans(text: str, candidates=None) -> list[tuple[int, int]]:
    return [m.span() for m in word_starts(_ADMIN_WORD, lowered(text), candidates)]


def test_the_automaton_finds_what_the_search_finds_in_generated_texts():
    rng = random.Random(16)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    found = 0
    for text in texts:
        expected = _spans(text)
        assert _spans(text, _admin_word_starts()) == expected, text
        found += len(expected)
    assert found > 1000  # the generated texts do hold admin words, glued and free


def test_words_inside_longer_words_are_not_admin_words():
    text = "the subdistrict and the regional office; Sumy oblast, Kursk and Belgorod regions"
    assert [text[a:b] for a, b in _spans(text, _admin_word_starts())] == ["oblast", "regions"]


def test_every_admin_word_is_in_the_automaton():
    starts = _admin_word_starts()
    assert all(starts.exists(word) for word in _ADMIN_WORDS)
