"""The Dask engine gives exactly the local engine's events and errors, on a real 2-worker LocalCluster.

The cluster is ``dask.distributed``'s own ``LocalCluster`` (two single-threaded worker
processes), started once for the module; the inputs are the annotated corpus, the seed
article, standard input and inputs that cannot be read.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from mapper.engines.runner import ENGINES, extract_inputs
from mapper.exc import InputError, MapperError

REPO = Path(__file__).resolve().parents[3]
REPORTS = REPO / "tests" / "data" / "reports"
SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
DOCUMENTS = REPO / "tests" / "data" / "documents"

#: Folders (one nested, of mixed formats), a file given twice and JSON lines given twice (their
#: ids repeat: ``~2``), stdin, and inputs that fail: missing, binary, empty.
INPUTS = [str(REPORTS), str(SEED), str(REPORTS / "13_telegram_posts.jsonl"), "no-such-report.txt", "-",
          str(DOCUMENTS / "binary_report.txt"), str(SEED), str(DOCUMENTS / "empty.txt"),
          str(DOCUMENTS / "folder"), str(REPORTS / "13_telegram_posts.jsonl")]


@pytest.fixture(scope="module")
def client(gazetteer):                  # the session index is built before the workers open it
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
    with cluster, Client(cluster) as dask_client:
        yield dask_client


def _stdin() -> io.BytesIO:
    return io.BytesIO(SEED.read_bytes())


def _run(engine: str, *, client=None, scheduler: str | None = None, merge: bool = True,
         partitions: int | None = None):
    errors: list[InputError] = []
    events = extract_inputs(INPUTS, engine=engine, client=client, scheduler=scheduler, merge=merge, errors=errors,
                            stdin=_stdin(), partitions=partitions)
    return events, [(type(e), str(e)) for e in errors]


def test_dask_engine_gives_the_local_engines_events_and_errors(client):
    local_events, local_errors = _run("local")
    dask_events, dask_errors = _run("dask", scheduler=client.scheduler.address)   # Client(address)
    assert len(client.nthreads()) == 2
    assert len(local_events) > 25
    assert dask_events == local_events                     # same events, same order, same ids
    assert dask_errors == local_errors
    assert [msg for _, msg in local_errors] == [
        f"{REPORTS / 'expected.json'}: no text (expected a non-empty \"text\", \"body\" or \"content\" field)",
        "no-such-report.txt: no such file or directory",
        f"{DOCUMENTS / 'binary_report.txt'}: binary file, not a text report",
        f"{DOCUMENTS / 'empty.txt'}: empty file",
    ]
    seed = [e for e in dask_events if e.doc_id == "seed_article_kursk_nk_casualties" and e.killed_or_wounded]
    assert [e.killed_or_wounded for e in seed] == [30]
    assert seed[0].number_of_sources >= 2                  # the seed article given twice, plus stdin


@pytest.mark.parametrize("partitions", [1, 7, 1000])
def test_unmerged_events_keep_every_documents_id_however_the_files_are_cut(client, partitions):
    local_events, local_errors = _run("local", merge=False)
    dask_events, dask_errors = _run("dask", client=client, merge=False, partitions=partitions)
    assert dask_events == local_events
    assert dask_errors == local_errors
    doc_ids = {e.doc_id for e in dask_events}
    assert {"seed_article_kursk_nk_casualties", "seed_article_kursk_nk_casualties~2", "stdin"} <= doc_ids
    assert any(doc_id.endswith("~2") for doc_id in doc_ids - {"seed_article_kursk_nk_casualties~2"})


def test_progress_counts_every_document_once(client):
    seen: list[tuple[int, int]] = []
    extract_inputs([str(REPORTS)], engine="dask", client=client, errors=[], progress=lambda d, t: seen.append((d, t)))
    total = seen[-1][1]
    assert total >= 29 and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_without_a_scheduler_the_engine_starts_and_closes_its_own_local_cluster(client):
    from distributed import get_client

    inputs = [str(SEED), str(REPORTS / "27_ru_martynovka_kursk.txt")]
    clusters = []
    events = extract_inputs(inputs, engine="dask", workers=2,
                            progress=lambda d, t: clusters.append((get_client().scheduler.address,
                                                                  len(get_client().nthreads()))))
    assert events == extract_inputs(inputs) and len(events) >= 2
    [(address, workers)] = set(clusters)
    assert address != client.scheduler.address and workers == 2
    assert get_client().scheduler.address == client.scheduler.address       # the engine's cluster is gone


def test_a_folder_without_reports_is_an_error_in_its_place(client, tmp_path):
    empty = tmp_path / "no-reports"
    (empty / "sub").mkdir(parents=True)
    (empty / "sub" / "notes.csv").write_text("a,b\n")
    inputs = [str(SEED), str(empty), "-"]
    results = []
    for engine in ENGINES:
        errors: list[InputError] = []
        events = extract_inputs(inputs, engine=engine, client=client, errors=errors, stdin=_stdin(), merge=False)
        results.append((events, [str(e) for e in errors]))
    assert results[0] == results[1]
    assert results[1][1] == [f"{empty}: directory with no reports (.txt, .md, .text, .html, .htm, .xhtml, .json, "
                             ".jsonl, .ndjson files)"]
    assert [e.doc_id for e in results[1][0]][-1] == "stdin"


def test_without_an_errors_list_the_first_bad_input_is_raised(client):
    with pytest.raises(InputError, match="no-such-report.txt: no such file or directory"):
        extract_inputs([str(SEED), "no-such-report.txt"], engine="dask", client=client)


def test_a_scheduler_that_does_not_answer_is_one_error_naming_it():
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(MapperError, match=r"^tcp://127\.0\.0\.1:9: cannot reach the Dask scheduler"):
        extract_inputs([str(SEED)], engine="dask", scheduler="tcp://127.0.0.1:9")


def test_unknown_engine_is_refused():
    assert tuple(ENGINES) == ("local", "dask")
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        extract_inputs([str(SEED)], engine="spark")


def test_an_engine_from_an_entry_point_runs_the_extraction(monkeypatch, tmp_path):
    import importlib.metadata
    import sys
    import types

    from mapper.engines.local import LOCAL
    from mapper.engines.runner import ENGINES

    calls = []

    class Recording:
        name = "recording"

        def extract(self, inputs, **kwargs):
            calls.append((inputs, sorted(kwargs)))
            return LOCAL.extract(inputs, **kwargs)

    module = types.ModuleType("cm_engine_plugin")
    module.ENGINE = Recording()
    monkeypatch.setitem(sys.modules, "cm_engine_plugin", module)
    point = importlib.metadata.EntryPoint("recording", "cm_engine_plugin:ENGINE", "conflictmap.engines")
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda **params: importlib.metadata.EntryPoints([point] if params.get("group") ==
                                                                        "conflictmap.engines" else []))
    ENGINES.refresh()
    try:
        assert list(ENGINES) == ["local", "dask", "recording"]
        events = extract_inputs([str(SEED)], engine="recording")
    finally:
        monkeypatch.undo()
        ENGINES.refresh()
    assert events == extract_inputs([str(SEED)])
    assert calls[0][0] == [str(SEED)] and "theatre" in calls[0][1] and "scheduler" in calls[0][1]
