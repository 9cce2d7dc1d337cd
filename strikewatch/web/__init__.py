"""strikewatch.web: the FastAPI app (API, pages, review), its assets, and the static-site export."""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """See :func:`strikewatch.web.app.create_app` (imported lazily to keep the CLI fast)."""
    from strikewatch.web.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
