"""Every error the tool reports survives pickling (a worker process sends it whole to the client)."""

from __future__ import annotations

import importlib
import pickle
import pkgutil

import gazetteer
import mapper
from gazetteer.exc import ConflictMapError


def every_error_class() -> list[type]:
    for package in (gazetteer, mapper):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    found, todo = [], [ConflictMapError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def test_every_error_class_pickles_with_its_source_reason_and_message():
    classes = every_error_class()
    assert len(classes) >= 10                     # the hierarchy was found, not an empty list
    for cls in classes:
        error = cls("bad\nname\udcff.txt", "empty file")
        error.extra = 3                            # attributes set after construction travel too
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is cls and back.source == error.source and back.reason == "empty file"
        assert str(back) == str(error) and back.extra == 3
