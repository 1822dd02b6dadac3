"""Geoparser._resolve: an unusable query is an unresolved mention, any other error surfaces."""

from __future__ import annotations

import pytest

from gazetteer.exc import QueryError
from mapper.extract.geoparse import Geoparser

TEXT = "Shelling hit the outskirts of Sudzha overnight."


class _Raising:
    """Stands in for the gazetteer's resolve: raises the error it was given."""

    def __init__(self, real, error: Exception):
        self._real, self._error = real, error

    def __getattr__(self, name):
        return getattr(self._real, name)

    def resolve(self, name, context=None, **kwargs):
        raise self._error


def test_a_query_error_leaves_the_mention_unresolved_with_its_reason(gazetteer):
    parser = Geoparser(gazetteer)
    parser.gazetteer = _Raising(gazetteer, QueryError("'Sudzha'", "made-up refusal"))
    [mention] = parser.parse(TEXT)
    assert mention.text == "Sudzha"
    assert not mention.resolution.resolved
    assert mention.resolution.reason.startswith("not resolvable:")
    assert "made-up refusal" in mention.resolution.reason


def test_a_bug_in_the_resolver_is_raised_not_hidden_as_unresolved(gazetteer):
    parser = Geoparser(gazetteer)
    parser.gazetteer = _Raising(gazetteer, KeyError("a programming error"))
    with pytest.raises(KeyError, match="a programming error"):
        parser.parse(TEXT)


def test_an_empty_query_is_a_query_error_that_stays_unresolved(gazetteer):
    resolution = Geoparser(gazetteer)._resolve("  ", None)
    assert not resolution.resolved and "empty place name" in resolution.reason
