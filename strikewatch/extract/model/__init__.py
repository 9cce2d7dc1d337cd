"""The statistical layer of the extractor: two small linear models trained here on real labelled text.

* ``clauses``: does a sentence report a strike the article is telling (``told``), one it refers to (``referred``)
  or none (``none``)? Applied to each event the rules found: an event whose sentences the model reads as
  ``none`` with confidence is dropped; one read as ``referred`` becomes ``background``.
* ``tolls``: is a number mention the killed figure of the strike its sentence tells? Applied only where the
  rules left an event's killed figure unknown: a mention the model reads as the killed figure with confidence
  gives it, with its span as evidence.

Both are trained by ``python -m swdev.train_extractor`` from ``../shared/`` data and the development part of the
real-news set (never the test split); the weights ship in ``weights.json`` and load once, lazily. Which layers run
is ``$STRIKEWATCH_EXTRACT_MODEL``: ``off`` (rules only), ``clauses``, ``tolls`` or ``on`` (both); the default is
``DEFAULT_MODE``, chosen by what measures better on the development data (docs/extraction.md).
"""

from __future__ import annotations

import os

DEFAULT_MODE = "on"
MODES = ("off", "clauses", "tolls", "on")


def mode() -> str:
    value = os.environ.get("STRIKEWATCH_EXTRACT_MODEL", DEFAULT_MODE).strip().lower()
    return value if value in MODES else DEFAULT_MODE


def uses(layer: str) -> bool:
    m = mode()
    return m == "on" or m == layer
