"""Ingest: the extraction pipeline feeding the store, one document at a time.

It sits above both (the store never imports the pipeline): read -> analyse ->
`Store.ingest_record`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import StoreError
from .knowledge import Knowledge
from .pipeline import analyse
from .records import Failure, RawDocument
from .store import IngestResult, Store, StoreUnavailable


def ingest_documents(store: Store, raws: Iterable[RawDocument | Failure], batch_size: int = 16,
                     knowledge: Knowledge | None = None, debug: bool = False,
                     ) -> Iterator[IngestResult | Failure]:
    """Analyse documents with the extraction pipeline and store each one as it comes.

    A document that cannot be read, analysed or stored becomes a `Failure` and the
    others go on; `StoreUnavailable` (the database itself failing) stops the run."""
    for result in analyse(raws, batch_size=batch_size, knowledge=knowledge, debug=debug):
        if isinstance(result, Failure):
            yield result
            continue
        try:
            yield store.ingest_record(result.to_record())
        except StoreUnavailable:
            raise
        except StoreError as exc:
            source = result.document.source if result.document else result.raw.source
            yield Failure(source, f"not stored: {str(exc).removeprefix(source + ': ')}")
