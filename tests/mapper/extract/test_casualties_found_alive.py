"""The missing who were later found alive are missing no more; the missing still sought are."""

import pytest

from mapper.extract.casualties import find_figures


@pytest.mark.parametrize("text", [
    "Two residents were reported missing, but both were later found alive in hospital.",
    "Двое жильцов считались пропавшими без вести, но позже их нашли живыми.",
    "Двоє мешканців вважалися зниклими безвісти, але згодом їх знайшли живими.",
])
def test_missing_found_alive_is_no_figure(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, value", [
    ("Two residents are missing; rescuers are still searching the rubble.", 2),
    ("Двое жильцов пропали без вести, поиски продолжаются.", 2),
    ("Двоє мешканців зникли безвісти. Живими їх востаннє бачили вранці.", 2),
])
def test_missing_still_sought_stay(text, value):
    assert [(f.category, f.best) for f in find_figures(text)] == [("missing", value)]
