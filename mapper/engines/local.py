"""The local engine: every input read and extracted in this process.

It reads the inputs with :func:`~mapper.ingest.documents.read_documents` and runs
:func:`~mapper.extract.extractor.extract_events` over the documents here::

    >>> events = LOCAL.extract(["mapper/samples"], published=None, errors=[], merge=True,
    ...                        progress=None, stdin=None, theatre=None)        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mapper.engines.base import Progress, gazetteer_for
from mapper.extract.extractor import extract_events
from mapper.ingest.documents import Document, read_documents
from mapper.model.events import Event

__all__ = ["LocalEngine", "LOCAL"]


@dataclass(frozen=True)
class LocalEngine:
    """Reads and extracts in this process (the default engine)."""

    name: str = "local"

    def extract(self, inputs: list, *, published, errors, merge: bool, progress: Progress | None, stdin,
                theatre, telegram_channel=None, **options) -> list[Event]:
        """Events of ``inputs``; ``options`` (the Dask engine's) are ignored."""
        return _extract_local(inputs, published=published, errors=errors, merge=merge, progress=progress,
                              stdin=stdin, theatre=theatre, telegram_channel=telegram_channel)


def _extract_local(inputs: list, *, published, errors, merge: bool, progress: Progress | None,
                   stdin, theatre, telegram_channel=None) -> list[Event]:
    docs = list(read_documents(inputs, published=published, errors=errors, stdin=stdin,
                               telegram_channel=telegram_channel))
    return extract_events(_counted(docs, progress) if progress else docs, merge=merge,
                          gazetteer=gazetteer_for(theatre))


def _counted(docs: list[Document], progress: Progress) -> Iterator[Document]:
    """The documents, reporting each as done when the next one is asked for."""
    for n, doc in enumerate(docs):
        if n:
            progress(n, len(docs))
        yield doc
    progress(len(docs), len(docs))


#: The local engine.
LOCAL = LocalEngine()
