"""Writing and reading pipeline data in the database (articles, raw blobs, extractions)."""
