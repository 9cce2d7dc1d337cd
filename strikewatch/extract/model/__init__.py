"""The statistical layer of the extractor: two small linear models trained here on real labelled text.

* ``clauses``: does a sentence report a strike the article is telling (``told``), one it refers to (``referred``)
  or none (``none``)? An air event without a toll whose sentences it reads as no strike report is dropped; an
  untyped event so read becomes ``other`` (never a strike record). ``referred`` is learnt but not yet used: the
  rules' roles measured better.
* ``tolls``: is a number mention the killed figure of the strike its sentence tells? It gives an event the toll
  the rules left unknown, narrows a range the rules widened with a part, drops a large untyped "event" that is a
  statistic, and records other violence (``other``) where the rules found no event.

``model/apply.py`` says where each decision is taken and with which threshold.

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
