"""A count told before a colon, and the people it counts listed after it ("two were hurt: one ...,
the other ..."): the count is the figure, the first of the list is none."""

import pytest

from mapper.extract.casualties import find_figures


@pytest.mark.parametrize("text, first", [
    ("Three women were injured: one has burns, the others cuts from glass.", ("wounded", 3)),
    ("Двое мужчин ранены: один получил ожоги, второй контузию.", ("wounded", 2)),
    ("Двоє чоловіків поранені: один має опіки, другий контузію.", ("wounded", 2)),
])
def test_the_count_before_the_colon_is_the_figure(text, first):
    assert (find_figures(text)[0].category, find_figures(text)[0].best) == first


@pytest.mark.parametrize("text, figures", [
    ("Killed: 4, wounded: 9.", [("killed", 4), ("wounded", 9)]),
    ("Four killed, wounded: 9.", [("killed", 4), ("wounded", 9)]),
    ("Wounded: 9.", [("wounded", 9)]),
    ("Погибли: 4, ранены: 9.", [("killed", 4), ("wounded", 9)]),
])
def test_a_figure_after_its_word_and_a_colon_stays(text, figures):
    assert [(f.category, f.best) for f in find_figures(text)] == figures
