"""Ingest: the extraction pipeline feeding the store, one document at a time.

It sits above both (the store never imports the pipeline): read -> analyse ->
`Store.ingest_record`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import StoreError
from .knowledge import Knowledge
from .parallel import RunOptions, extract_records
from .records import Failure, RawDocument
from .store import IngestResult, Store, StoreUnavailable


def ingest_documents(store: Store, raws: Iterable[RawDocument | Failure], batch_size: int = 16,
                     knowledge: Knowledge | None = None, debug: bool = False,
                     options: RunOptions | None = None) -> Iterator[IngestResult | Failure]:
    """Analyse documents with the extraction pipeline and store each one as it comes.

    The analysis may run on local workers or a Dask cluster (`options`); this process
    stays the single writer of the store. A document that cannot be read, analysed
    or stored becomes a `Failure` and the others go on; `StoreUnavailable` (the
    database itself failing) stops the run."""
    options = options or RunOptions.local(knowledge, batch_size=batch_size, debug=debug)
    for result in extract_records(raws, options):
        if isinstance(result, Failure):
            yield result
            continue
        try:
            yield store.ingest_record(result)
        except StoreUnavailable:
            raise
        except StoreError as exc:
            source = str(result["document"].get("source") or "<record>")
            yield Failure(source, f"not stored: {str(exc).removeprefix(source + ': ')}")
