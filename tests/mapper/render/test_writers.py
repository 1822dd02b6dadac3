"""The writer registry: every output behind one protocol, and a writer another package adds by entry point."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import textwrap

import pytest

from mapper.model.event_io import write_events
from mapper.model.events import Event
from mapper.render.export import EXPORTERS, parse_formats
from mapper.render.writers import WRITERS, Writer, Written, as_written, suffix_of

PLUGIN = textwrap.dedent('''
    """A third-party writer: one line per event, its id and best casualty figure."""
    from pathlib import Path


    class Tally:
        name = "tally"
        suffixes = (".tally",)
        description = "event ids and their best figure, one per line"

        def write(self, events, path, **options):
            path = Path(path)
            title = options.get("title", "")
            path.write_text("".join(f"{e.event_id} {e.casualties_best}\\n" for e in events) + f"# {title}\\n")
            return [path]


    TALLY = Tally()
    NOT_A_WRITER = object()
''')


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """``cm_tally_plugin`` importable, and two entry points in ``conflictmap.writers`` (one broken)."""
    (tmp_path / "cm_tally_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [importlib.metadata.EntryPoint("tally", "cm_tally_plugin:TALLY", "conflictmap.writers"),
              importlib.metadata.EntryPoint("junk", "cm_tally_plugin:NOT_A_WRITER", "conflictmap.writers"),
              importlib.metadata.EntryPoint("csv", "cm_tally_plugin:TALLY", "conflictmap.writers")]
    real = importlib.metadata.entry_points

    def entry_points(**params):
        if params.get("group") == "conflictmap.writers":
            return importlib.metadata.EntryPoints(points)
        return real(**params)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    WRITERS.refresh()
    yield
    monkeypatch.undo()
    WRITERS.refresh()


def _events_file(path):
    events = [Event(event_id="e-one", doc_id="d1", event_date=dt.date(2024, 12, 14), killed=7, casualties_low=7,
                    casualties_best=7, casualties_high=7, actor="Made-up brigade"),
              Event(event_id="e-two", doc_id="d2", wounded=3, casualties_low=3, casualties_best=3,
                    casualties_high=3)]
    write_events(events, path)
    return path


def test_every_builtin_is_a_writer_and_the_gis_formats_are_the_exporters():
    assert all(isinstance(w, Writer) for w in WRITERS.builtin.values())
    assert set(EXPORTERS) < set(WRITERS.builtin)
    assert {"jsonl", "map", "briefing"} <= set(WRITERS.builtin)
    assert suffix_of(WRITERS["briefing"]) == ".pptx" and EXPORTERS["fgb"].suffix == ".fgb"


def test_a_result_with_paths_only_becomes_a_written_without_notes(tmp_path):
    written = as_written([tmp_path / "a.csv"])
    assert written == Written([tmp_path / "a.csv"]) and written.failed is None and written.skipped is None


def test_an_entry_point_writer_is_listed_after_the_builtins_and_bad_ones_are_left_out(plugin, caplog):
    names = list(WRITERS)
    assert names[:len(WRITERS.builtin)] == list(WRITERS.builtin)
    assert "tally" in names and "junk" not in names
    assert WRITERS["csv"] is WRITERS.builtin["csv"]          # a plugin cannot replace a built-in
    assert parse_formats("tally,csv") == ["tally", "csv"]
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "'junk'" in messages and "'csv'" in messages


def test_the_export_command_writes_with_a_plugin_writer(plugin, tmp_path, capsys):
    from mapper.cli import main

    events = _events_file(tmp_path / "events.jsonl")
    out = tmp_path / "out"
    assert main(["export", str(events), "--to", "tally,csv", "-o", str(out), "--title", "Test run"]) == 0
    assert (out / "events.tally").read_text() == "e-one 7\ne-two 3\n# Test run\n"
    assert (out / "events.csv").exists()
    assert f"wrote {out / 'events.tally'}" in capsys.readouterr().err


def test_without_the_plugin_its_format_is_a_usage_error(tmp_path, capsys):
    from mapper.cli import main

    events = _events_file(tmp_path / "events.jsonl")
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(events), "--to", "tally", "-o", str(tmp_path / "out")])
    assert exit_.value.code == 2 and "unknown format 'tally'" in capsys.readouterr().err


class _DiskFull:
    """A third-party writer that lets an OSError through, as careless plugins do."""

    name, suffixes, description = "diskfull", (".full",), "always fails with ENOSPC"

    def write(self, events, path, **options):
        raise OSError(28, "No space left on device")


def test_a_writer_that_raises_oserror_is_one_failure_naming_its_file_and_the_others_still_write(tmp_path):
    from mapper.exc import OutputError
    from mapper.render.writers import collect, run_writer

    class Outcome:
        written, failed, skipped = [], [], []

    outcome = Outcome()
    collect(run_writer(_DiskFull(), [], tmp_path / "events.full"), outcome)
    collect(run_writer(WRITERS["csv"], [], tmp_path / "events.csv"), outcome)
    assert [type(e) for e in outcome.failed] == [OutputError]
    assert "events.full" in str(outcome.failed[0]) and "No space left" in str(outcome.failed[0])
    assert [p.name for p in outcome.written] == ["events.csv"] and (tmp_path / "events.csv").exists()
    assert outcome.skipped == []
