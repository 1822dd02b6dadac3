"""gazetteer.registry.Registry: built-ins first, entry points read once, bad plugins named and left out."""

from __future__ import annotations

import importlib.metadata
import sys
import types

import pytest

from gazetteer.loaders import LOADERS
from gazetteer.registry import Registry


@pytest.fixture
def fake_points(monkeypatch):
    """Entry points of the group ``example.shapes``: a module ``cm_shapes_plugin`` with two shapes."""
    module = types.ModuleType("cm_shapes_plugin")
    module.HEXAGON, module.NUMBER = "six sides", 42
    monkeypatch.setitem(sys.modules, "cm_shapes_plugin", module)
    points = importlib.metadata.EntryPoints([
        importlib.metadata.EntryPoint("hexagon", "cm_shapes_plugin:HEXAGON", "example.shapes"),
        importlib.metadata.EntryPoint("number", "cm_shapes_plugin:NUMBER", "example.shapes"),
        importlib.metadata.EntryPoint("ghost", "cm_no_such_module_xyz:THING", "example.shapes"),
    ])
    calls = []

    def entry_points(**params):
        calls.append(params)
        return points if params.get("group") == "example.shapes" else importlib.metadata.EntryPoints([])

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return calls


def test_builtins_are_found_without_reading_entry_points(fake_points):
    shapes = Registry("example.shapes", "shape", check=lambda item: isinstance(item, str))
    shapes.register("square", "four sides")
    assert shapes["square"] == "four sides" and fake_points == []


def test_plugins_follow_the_builtins_and_the_unusable_ones_are_named(fake_points, caplog):
    shapes = Registry("example.shapes", "shape", check=lambda item: isinstance(item, str))
    shapes.register("square", "four sides")
    assert list(shapes) == ["square", "hexagon"] and len(shapes) == 2
    assert shapes["hexagon"] == "six sides"
    log = " ".join(r.getMessage() for r in caplog.records)
    assert "'number'" in log and "'ghost'" in log and "cannot be loaded" in log
    assert len(fake_points) == 1                              # read once, then kept
    shapes.refresh()
    assert "hexagon" in shapes and len(fake_points) == 2


def test_an_unknown_name_lists_the_choices_and_a_name_registers_once():
    shapes = Registry("example.none", "shape")
    shapes.register("circle", "round")
    with pytest.raises(KeyError, match="unknown shape 'oval' \\(choose from circle\\)"):
        shapes["oval"]
    with pytest.raises(ValueError, match="already registered"):
        shapes.register("circle", "again")


def test_the_gazetteer_loaders_are_a_registry_of_the_kinds_detect_kind_names():
    from gazetteer.loaders import read_curated

    assert LOADERS["curated"] is read_curated
    assert LOADERS.group == "conflictmap.gazetteer_loaders"
