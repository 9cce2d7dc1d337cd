"""Chunks, noun-phrase items and casualty statements: the data the casualty grammar passes around."""

from __future__ import annotations

from dataclasses import dataclass, field

from strikewatch.extract.numbers import Quantity


@dataclass(slots=True)
class Chunk:
    kind: str  # Q H N K I C W INC AMONG OR ART PRON NEG AUX B X(other word) AGE
    text: str
    low: str
    start: int
    end: int
    qty: Quantity | None = None
    cls: str | None = None
    singular: bool = False


@dataclass(slots=True)
class Item:
    lo: int | None
    hi: int | None
    cls: str
    start: int
    end: int
    subset: bool = False
    name: str | None = None
    name_span: tuple[int, int] | None = None
    implied: bool = False  # count implied by a singular noun or a name
    vague: bool = False  # count from a vague word ("several", "dozens"): a convention, not a figure


@dataclass(slots=True)
class Casualties:
    """One casualty statement: kind 'killed' or 'injured', total range, per-class ranges, names, evidence."""

    kind: str
    lo: int | None
    hi: int | None
    start: int  # evidence span for the total
    end: int
    anchor: int  # offset of the kill/injure word
    classes: dict[str, tuple[int | None, int | None, int, int]] = field(default_factory=dict)
    named: list[tuple[str, int, int]] = field(default_factory=list)
    revision: bool = False  # "rose to", "lowered to": a later figure for the same toll
    revision_down: bool = False  # "lowered to", "reduced to": a correction that withdraws the higher figure
    additive: bool = False  # "also", "another", "more": adds to earlier figures
    has_total: bool = True
    hedged: bool = False  # "by some sources", "possibly", "reportedly"
    weak: bool = False  # the total counts only named or singular people and vague words ("X was killed along
    # with several others"): a figure given elsewhere for the same strike is the toll, this one part of it
    sub_lo: bool = False  # the minimum comes only from a part ("up to 22 ... including at least five children")
    class_only: bool = False  # every victim is a civilian, child or woman ("between one and nine civilians died")
