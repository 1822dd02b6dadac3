"""Where extraction runs: in this process, or on a local or remote Dask cluster."""
