"""A linear classifier over string features, as trained by scikit-learn and stored as JSON (no sklearn at run time)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).resolve().parent / "weights.json"


@dataclass(frozen=True)
class Linear:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Linear:
        return cls(tuple(d["classes"]), tuple(d["bias"]), {k: tuple(v) for k, v in d["weights"].items()})

    def scores(self, features: Iterable[str]) -> list[float]:
        s = list(self.bias)
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                for i, x in enumerate(w):
                    s[i] += x
        return s

    def proba(self, features: Iterable[str]) -> dict[str, float]:
        """Class probabilities: the logistic of the one score for two classes, the softmax for more."""
        s = self.scores(features)
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, s[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(s)
        e = [math.exp(x - top) for x in s]
        z = sum(e)
        return {c: x / z for c, x in zip(self.classes, e, strict=True)}


@lru_cache(maxsize=1)
def _all() -> dict[str, Any]:
    return dict(json.loads(WEIGHTS.read_text(encoding="utf-8")))


@cache
def load(name: str) -> Linear | None:
    """The shipped model ``name``, or None when the package carries no weights for it."""
    if not WEIGHTS.exists():
        return None
    d = _all().get(name)
    return Linear.from_dict(d) if d else None


def meta() -> dict[str, Any]:
    return dict(_all().get("meta", {})) if WEIGHTS.exists() else {}
