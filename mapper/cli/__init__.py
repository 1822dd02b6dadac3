"""The ``conflictmap`` command line: one module per command, thin over the API (``main`` is the entry point)."""

from mapper.cli.commands import main

__all__ = ["main"]
