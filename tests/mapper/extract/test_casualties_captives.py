"""Prisoners who were executed or killed are dead, not captured; prisoners taken stay captured."""

import pytest

from mapper.extract.casualties import find_figures


@pytest.mark.parametrize("text, value", [
    ("Prosecutors say at least 17 prisoners of war have been executed since March.", 17),
    ("Soldiers executed four prisoners of war near the village.", 4),
    ("Прокуратура сообщила, что 17 военнопленных были расстреляны с марта.", 17),
    ("Военные расстреляли четырёх военнопленных у села.", 4),
    ("Прокуратура повідомила, що 17 військовополонених були розстріляні з березня.", 17),
    ("Військові розстріляли чотирьох військовополонених біля села.", 4),
])
def test_prisoners_executed_are_killed(text, value):
    assert [(f.category, f.best) for f in find_figures(text)] == [("killed", value)]


@pytest.mark.parametrize("text, figures", [
    ("At least 17 prisoners were taken near the village.", [("captured", 17)]),
    ("The battalion executed three strikes on the bridge.", []),
    ("Six prisoners of war were captured and two soldiers killed.", [("captured", 6), ("killed", 2)]),
])
def test_prisoners_taken_stay_captured(text, figures):
    assert [(f.category, f.best) for f in find_figures(text)] == figures
