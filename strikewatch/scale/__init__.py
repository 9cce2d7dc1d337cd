"""Scale: ingest with N worker processes on one machine, or across a Dask cluster, and one batch writer.

    strikewatch ingest corpus.jsonl --workers 2
    strikewatch ingest corpus.jsonl --cluster tcp://scheduler:8786

Modules: ``tasks`` (work items streamed from the sources, and the pure worker function), ``writer`` (one
transaction per batch of prepared articles), ``runner`` (bounded, ordered execution on a local process pool or a
Dask cluster, feeding the writer), ``report`` (a run's summary in bounded memory). See docs/scale.md.
"""
