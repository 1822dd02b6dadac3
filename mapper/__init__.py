"""Conflict-event mapper: reports in, mapped casualty events out.

``mapper`` builds on the offline :mod:`gazetteer` (never the reverse). The
command line (``conflictmap``) is a thin layer over these functions, which a
notebook can call directly. The bundled sample report, from reading to events::

    >>> import mapper
    >>> docs = mapper.read_documents([mapper.SAMPLE_REPORT], published=mapper.SAMPLE_PUBLISHED)
    >>> events = mapper.extract_events(docs)
    >>> [(e.killed_or_wounded, e.missing, e.claimed_by) for e in events]
    [(30, None, "Ukraine's military intelligence (GUR)"), (None, 3, "Ukraine's military intelligence (GUR)")]
    >>> sorted(loc.name for loc in events[0].locations if loc.resolved)
    ['Martynovka', 'Plyokhovo']

and on to the artefacts (each step is also a command)::

    >>> mapper.write_map(events, "outputs/map.html", offline=True)          # doctest: +SKIP
    >>> mapper.export_events(events, "outputs", ["gpkg", "kml"])            # doctest: +SKIP
    >>> mapper.write_briefing(events, "outputs/briefing.pptx")              # doctest: +SKIP
    >>> mapper.run_pipeline()          # all of it, on the sample, into outputs/   # doctest: +SKIP

Events files of ours or of other tools (ACLED, UCDP GED, any point table) are read back with
``mapper.load_events(path, columns=None)`` (``docs/READING.md``).

The names are imported when first used, so ``import mapper`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: The public API: name -> the module that defines it.
_API = {
    "read_documents": "mapper.ingest.documents",
    "extract_events": "mapper.extract.extractor",
    "run_pipeline": "mapper.pipeline",
    "RunResult": "mapper.pipeline",
    "SAMPLE_REPORT": "mapper.pipeline",
    "SAMPLE_PUBLISHED": "mapper.pipeline",
    "write_map": "mapper.render.web.webmap",
    "export_events": "mapper.render.export",
    "write_briefing": "mapper.render.briefing",
    "read_events": "mapper.model.event_io",
    "load_events": "mapper.model.loaders",
    "write_events": "mapper.model.event_io",
    "merge_events": "mapper.assemble.merge",
    "Event": "mapper.model.events",
    "EventLocation": "mapper.model.events",
    "ConflictMapError": "mapper.exc",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    try:
        module = _API[name]
    except KeyError:
        raise AttributeError(f"module 'mapper' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
