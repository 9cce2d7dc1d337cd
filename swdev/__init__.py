"""Code used only by tests, benchmarks and build scripts; it does not ship in the ``strikewatch`` wheel.

Importable from tests (pytest ``pythonpath = ["."]``) and from ``bench/`` scripts (which put the repository root
on ``sys.path``).
"""
