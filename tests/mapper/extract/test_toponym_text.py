"""The spotter reads only capitalised runs and single words around them; these must be exactly the
tokens a full tokenisation (``TOKEN.finditer`` over the whole text) gives."""

import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mapper.extract.toponym_text import (TOKEN, Spans, at_sentence_start, capitalised_runs, run_words, title_spans, token_after,
                                 token_before)

TITLES = frozenset({"gen", "maj", "president", "st", "губернатор"})
# Letters of both scripts, capitals, digits, apostrophes, hyphens, punctuation and the odd number sign.
ALPHABET = string.ascii_letters[:8] + "AKSZ" + "абвгАБВГіїЄ" + "0 5_" + "'’ʼ" + " - " + ".,;!?\n\"«(" + "²Ⅰ"
TEXTS = st.text(alphabet=ALPHABET, max_size=80) | st.lists(
    st.sampled_from(["Gen.", "Maj", "president", "St", "Kursk", "Ukraine's", "s", "L'gov", "Rostov-na-Donu",
                     "губернатор", "Суджа", " ", "  ", "-", " - ", ". ", "’s", "5", "\n"]), max_size=20).map("".join)


def _upper(text, span):
    return text[span[0]].isupper()


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("Russia's5 Sumy's near Rostov-na-Donu")
@example("x’Sudzha O'Brien ʼs")
def test_runs_hold_exactly_the_capitalised_tokens_and_the_words_joined_to_them(text):
    tokens = [m.span() for m in TOKEN.finditer(text)]
    in_runs = []
    for m in capitalised_runs(text):
        in_runs += [(m.start() + a, m.start() + b) for a, b in run_words(m.group())]
    assert set(in_runs) <= set(tokens)
    assert {t for t in tokens if _upper(text, t)} <= set(in_runs)
    for i, t in enumerate(tokens[1:], 1):  # a word joined to a capitalised one by a space or hyphen is read
        joined = text[tokens[i - 1][1]:t[0]] in (" ", "-", "- ", " - ")
        if joined and _upper(text, tokens[i - 1]):
            assert t in in_runs


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("Maj. Gen. Pat Ryder")
@example("x’Sudzha 12 ’s Ukraine’s")
@example("Kursk" + " ,-5_" * 12 + "Sudzha " + "Plekhovo" * 9 + "’s " + "а" * 50 + " b")
def test_the_word_before_and_after_each_token_are_its_neighbours(text):
    tokens = [m.span() for m in TOKEN.finditer(text)]
    for i, (start, end) in enumerate(tokens):
        assert token_before(text, start) == (tokens[i - 1] if i else None)
        assert token_after(text, end) == (tokens[i + 1] if i + 1 < len(tokens) else None)


def _opens_sentence(text, tokens, i):
    """What "opens a sentence" means, written over a full tokenisation."""
    before = text[:tokens[i][0]].rstrip(" \"'“«(")
    if not before:
        return True
    if before[-1] == "." and i > 0:
        previous = text[tokens[i - 1][0]:tokens[i - 1][1]].casefold()
        if previous in TITLES or len(previous) == 1:
            return False
    return before[-1] in ".!?…\n:"


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("Maj. Gen. Pat Ryder. J. Smith (Kursk) «Суджа»: x")
def test_sentence_starts_are_read_as_over_the_whole_text(text):
    tokens = [m.span() for m in TOKEN.finditer(text)]
    for i, (start, _) in enumerate(tokens):
        assert at_sentence_start(text, start, TITLES) == _opens_sentence(text, tokens, i)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("the president's aide, ex-general maj'x st")
def test_title_spans_are_the_tokens_that_are_titles(text):
    low = text.lower()
    assert title_spans(low, TITLES) == [m.span() for m in TOKEN.finditer(low) if m.group() in TITLES]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12), st.integers(0, 80),
       st.integers(0, 80), st.integers(1, 10))
def test_spans_answer_like_a_set_of_positions(spans, pos, start, length):
    taken, positions = Spans(), set()
    for a, n in spans:
        taken.add(a, a + n)
        positions.update(range(a, a + n))
    assert taken.covers(pos) == (pos in positions)
    assert taken.overlaps(start, start + length) == (not positions.isdisjoint(range(start, start + length)))
