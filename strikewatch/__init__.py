"""strikewatch: news reports in, an accountable, sourced record of air and drone strikes out.

Pipeline: ingest -> extract -> geo -> merge -> store -> serve / analyse / export.
"""

__version__ = "0.1.0"
