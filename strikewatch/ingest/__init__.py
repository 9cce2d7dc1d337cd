"""strikewatch.ingest"""
