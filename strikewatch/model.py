"""The data model's repeated facts, declared once: the casualty classes and the place fields.

Every record that carries casualty counts — ``schema.Event``, the ``events``, ``strikes`` and ``dataset_strikes``
tables, tracker rows, the API's models, the CSV/JSON exports — holds each class as a flat ``<name>_min`` /
``<name>_max`` pair (``killed_min``, ``killed_max``, ...; read them together with ``strikewatch.ranges.Range``).
Those attributes and columns are made from :data:`CASUALTIES` here, in the order listed. Adding a class is one
line in :data:`CASUALTIES` plus an Alembic migration for the new columns (and ``python -m swdev.model_types`` to
refresh the type-checker's view of them, ``strikewatch/model_types.pyi``).

The place fields (:data:`PLACE_FIELDS`) are declared the same way: the geo stage fills them on an event, the merge
chooses them for a record, trackers carry all but ``geo_precision``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Casualty:
    """One casualty class: ``name`` makes the ``<name>_min``/``<name>_max`` fields."""

    name: str
    label: str  # how tables and pages name it
    unit: str  # what is counted: "people" or "munitions"
    of_killed: bool = False  # a kind of dead (part of "killed"): shown right after it
    tracked: bool = True  # tracker datasets (TBIJ, New America, ...) carry it


CASUALTIES: tuple[Casualty, ...] = (
    Casualty("killed", "killed", "people"),
    Casualty("injured", "injured", "people"),
    Casualty("civilians", "civilians", "people", of_killed=True),
    Casualty("children", "children", "people", of_killed=True),
    Casualty("militants", "militants", "people", of_killed=True),
    Casualty("munitions", "munitions", "munitions", tracked=False),
)


@dataclass(frozen=True, slots=True)
class PlaceField:
    name: str
    type: str  # the Python annotation
    length: int | None = None  # String(length) column; None: a float column
    event_only: bool = False  # only on events and strike records (trackers do not give it)


PLACE_FIELDS: tuple[PlaceField, ...] = (
    PlaceField("country", "str | None", 2),  # ISO 3166-1 alpha-2
    PlaceField("admin1", "str | None", 128),  # province / state
    PlaceField("admin2", "str | None", 128),  # district / agency
    PlaceField("place", "str | None", 256),  # most specific named place
    PlaceField("lat", "float | None"),
    PlaceField("lon", "float | None"),
    PlaceField("geo_precision", "GeoPrecision | None", 16, event_only=True),
)


# --- names derived from the declarations ---------------------------------------------------------------------


def casualty_names(*, tracked: bool | None = None) -> tuple[str, ...]:
    """``("killed", "injured", ...)``; ``tracked=True``: the classes tracker datasets carry."""
    return tuple(c.name for c in CASUALTIES if tracked is None or c.tracked == tracked)


def count_columns(names: Iterable[str] | None = None) -> tuple[str, ...]:
    """``("killed_min", "killed_max", ...)`` for ``names`` (default: every class), in declaration order."""
    chosen = casualty_names() if names is None else tuple(names)
    return tuple(f"{n}_{end}" for n in chosen for end in ("min", "max"))


def place_names(*, event: bool = True) -> tuple[str, ...]:
    """``("country", "admin1", "admin2", "place", "lat", "lon"[, "geo_precision"])``."""
    return tuple(p.name for p in PLACE_FIELDS if event or not p.event_only)


COUNT_FIELDS: tuple[str, ...] = casualty_names()
TRACKED_COUNT_FIELDS: tuple[str, ...] = casualty_names(tracked=True)
COUNT_COLUMNS: tuple[str, ...] = count_columns()
PLACE_COLUMNS: tuple[str, ...] = place_names()
LABELS: dict[str, str] = {c.name: c.label for c in CASUALTIES}
# the order a record's figures are read out: killed, the kinds of dead, then the rest
SHOWN_COUNTS: tuple[str, ...] = (
    "killed",
    *(c.name for c in CASUALTIES if c.of_killed),
    *(c.name for c in CASUALTIES if not c.of_killed and c.name != "killed"),
)


# --- the attributes, for each kind of class ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attr:
    """One derived attribute: its name, Python annotation and default."""

    name: str
    type: str
    default: Any = None


def count_attrs(names: Iterable[str] | None = None, *, type: str = "int | None", default: Any = None) -> list[Attr]:
    return [Attr(c, type, default) for c in count_columns(names)]


def place_attrs(*, event: bool = True) -> list[Attr]:
    return [Attr(p.name, p.type) for p in PLACE_FIELDS if event or not p.event_only]


def with_fields(after: dict[str, list[Attr]]) -> Callable[[type[T]], type[T]]:
    """Insert derived fields into a class's annotations before ``@dataclass`` reads them.

    ``after`` maps an existing field to the attributes that follow it (``{"geo_conflict": count_attrs()}``);
    ``""`` puts them first. Apply below ``@dataclass``::

        @dataclass(slots=True)
        @with_fields({"geo_conflict": count_attrs()})
        class Event: ...
    """

    def deco(cls: type[T]) -> type[T]:
        own: dict[str, Any] = dict(cls.__dict__.get("__annotations__", {}))
        missing = [k for k in after if k and k not in own]
        if missing:
            raise TypeError(f"{cls.__name__}: no field {missing[0]!r} to insert after")
        out: dict[str, Any] = {}

        def add(attrs: list[Attr]) -> None:
            for a in attrs:
                if a.name in own or a.name in out:
                    raise TypeError(f"{cls.__name__}.{a.name} is declared twice")
                out[a.name] = a.type
                setattr(cls, a.name, a.default)

        add(after.get("", []))
        for k, v in own.items():
            out[k] = v
            add(after.get(k, []))
        cls.__annotations__ = out
        return cls

    return deco


def columns(attrs: Iterable[Attr], *, index: Iterable[str] = ()) -> dict[str, Any]:
    """SQLAlchemy ``mapped_column``s for a class body: ``locals().update(columns(count_attrs()))``.

    Integer for counts, Float for coordinates, String(n) for names (lengths from :data:`PLACE_FIELDS`). Made in
    order, so the table's columns stand where the call stands.
    """
    from sqlalchemy import Float, Integer, String
    from sqlalchemy.orm import mapped_column

    lengths = {p.name: p.length for p in PLACE_FIELDS}
    indexed = set(index)
    out: dict[str, Any] = {}
    for a in attrs:
        if a.type.startswith("int"):
            sql: Any = Integer
        elif a.name in lengths and lengths[a.name] is not None:
            sql = String(lengths[a.name])
        else:
            sql = Float
        out[a.name] = mapped_column(sql, index=True if a.name in indexed else None)
    return out


_RUNTIME_TYPES: dict[str, Any] = {"int": int, "int | None": int | None, "str | None": str | None,
                                   "float | None": float | None, "GeoPrecision | None": str | None}


def pydantic_fields(attrs: Iterable[Attr]) -> dict[str, Any]:
    """``pydantic.create_model`` field definitions ``{name: (type, default)}``, in order."""
    return {a.name: (_RUNTIME_TYPES[a.type], a.default) for a in attrs}


def field_names(cls: Any) -> Iterator[str]:
    """The dataclass fields of ``cls`` in order (for checks and tests)."""
    return (f.name for f in dataclasses.fields(cls))
