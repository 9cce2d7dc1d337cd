"""Synthetic report generator: articles in our own words, from templates, for tests and benchmarks."""
