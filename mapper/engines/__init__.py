"""Where extraction runs: in this process (local.py), or on a local or remote Dask cluster (dask_engine.py).

Both sit behind one registry, :data:`mapper.engines.runner.ENGINES`, which packages extend through the
entry-point group ``conflictmap.engines``; :func:`mapper.engines.runner.extract_inputs` dispatches.
"""
