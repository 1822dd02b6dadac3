"""The public API re-exported from ``mapper``: every name resolves, lazily, to its defining module's object."""

import subprocess
import sys

import mapper


def test_every_public_name_resolves_to_the_object_its_module_defines():
    import importlib

    for name, module in mapper._API.items():
        assert getattr(mapper, name) is getattr(importlib.import_module(module), name), name
    assert set(mapper._API) <= set(dir(mapper)) and set(mapper._API) <= set(mapper.__all__)


def test_importing_mapper_imports_none_of_the_heavy_stages():
    code = "import sys, mapper; print(sorted(m for m in sys.modules if m.split('.')[0] in ('mapper', 'folium', 'pyarrow', 'geopandas')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['mapper']"


def test_an_unknown_name_is_an_attribute_error():
    try:
        _ = mapper.no_such_name
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("mapper.no_such_name resolved")
