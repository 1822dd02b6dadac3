"""The default theatre is read when first asked for, not when the gazetteer is imported."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_importing_the_gazetteer_and_the_exporters_reads_no_theatre_file():
    code = ("import gazetteer.theatres as t, gazetteer, mapper.render.export, mapper.render.briefing;"
            "print(t.default_theatre.cache_info().currsize)")
    assert _run(code) == "0"


def test_the_public_name_still_gives_the_default_theatre_and_contexts_and_gazetteers_use_it():
    code = ("import gazetteer; from gazetteer import Context, Gazetteer, default_theatre;"
            "from gazetteer.index import PlaceIndex;"
            "t = gazetteer.KURSK_BORDER_THEATRE;"
            "print(t is default_theatre(), Context().theatre is t, Context(theatre=None).theatre)")
    assert _run(code) == "True True None"


def test_a_gazetteer_without_a_theatre_stays_without_one():
    from gazetteer import Gazetteer, default_theatre
    from gazetteer.index import PlaceIndex

    index = PlaceIndex.open_default()
    assert Gazetteer(index).theatre is default_theatre()
    assert Gazetteer(index, theatre=None).theatre is None
