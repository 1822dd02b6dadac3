"""Names in every shape (issue 16): inflected, plural, hyphenated and two-word names, Ukrainian spellings
of Russian names, adjectives of oblast names, other romanisations, and near misses that stay near misses.

Every sentence here is written for the test; none comes from the development corpus.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.matching import g_for_kh
from gazetteer.place import MatchKind


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


# -- a g is never a kh: a near miss stays unresolved, with the near miss as alternative ------------
def test_cyrillic_g_is_not_latin_kh():
    assert g_for_kh("Бологовка", "Bolokhovka") and g_for_kh("Луговое", "Lukhovoye")
    assert not g_for_kh("Глушково", "Glushkovo") and not g_for_kh("Глухів", "Hlukhiv")


@pytest.mark.parametrize("sentence", [
    "Вечером в селе Бологовка сгорел амбар, сообщил староста.",
    "Бологовка осталась без света после обстрела.",
])
def test_a_village_missing_from_the_data_is_not_a_far_namesake_spelled_with_kh(gaz, sentence):
    res = gaz.resolve("Бологовка", sentence)
    assert not res.resolved, res.to_dict()
    assert "near miss" in res.reason
    assert any(a.place.name == "Bolokhovo" and a.match is MatchKind.FUZZY for a in res.alternatives)
