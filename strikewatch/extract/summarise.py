"""One casualty statement from the items of its phrase: the total, the per-class figures, the named dead."""

from __future__ import annotations

from strikewatch.extract.casualty_types import Casualties, Chunk, Item
from strikewatch.extract.rules import pattern

ALL_CIV = pattern("casualty_grammar", "all_civilians")


def summarise(
    kind: str, items: list[Item], total: Item | None, anchor: Chunk, text: str, s0: int, s1: int
) -> Casualties | None:
    """One statement from the items of its phrase (``total``: the figure after "among"); None when it has neither
    a total nor a part."""
    top = [it for it in items if not it.subset]
    sub = [it for it in items if it.subset]
    lo, hi, span = _total(top, total, anchor)
    sub_lo = max((it.lo for it in sub if it.lo is not None), default=None)
    from_sub = False
    if sub_lo is not None and (lo is None or lo < sub_lo) and (total is not None or top):
        from_sub = lo is None
        lo = sub_lo
    has_total = total is not None or bool(top)
    if not has_total and not sub:
        return None
    if hi is not None and lo is not None and hi < lo:
        hi = lo
    cas = Casualties(kind, lo, hi, span[0], span[1], anchor.start, has_total=has_total, sub_lo=from_sub)
    cas.weak = total is None and bool(top) and all(it.implied or it.vague for it in top)
    cas.class_only = total is None and bool(top) and all(cls_of(it) in ("civilian", "child", "woman") for it in top)
    if not has_total:
        cas.lo, cas.hi = (sub_lo, None)
        cas.start, cas.end = min(it.start for it in sub), max(it.end for it in sub)
    _class_figures(cas, top, sub, total)
    if "civilian" not in cas.classes:
        _all_civilians(cas, anchor, text, s0, s1)
    for it in items:
        if it.name and it.name_span:
            cas.named.append((it.name, it.name_span[0], it.name_span[1]))
    return cas


def _total(top: list[Item], total: Item | None, anchor: Chunk) -> tuple[int | None, int | None, tuple[int, int]]:
    """(lo, hi, span) of the whole: the figure after "among", else the top-level items added up."""
    if total is not None:
        return total.lo, total.hi, (total.start, total.end)
    if not top:
        return None, None, (anchor.start, anchor.end)
    los = [it.lo for it in top]
    his = [it.hi for it in top]
    lo = sum(v for v in los if v is not None) if any(v is not None for v in los) else None
    hi = sum(v for v in his if v is not None) if all(v is not None for v in his) else None
    if lo is not None and lo == 0 and all(v is None for v in his) and all(it.lo is None for it in top):
        lo = None
    return lo, hi, (min(it.start for it in top), max(it.end for it in top))


def _all_civilians(cas: Casualties, anchor: Chunk, text: str, s0: int, s1: int) -> None:
    """"all civilians" / "all innocent woodcutters" near the kill word: the whole toll is civilian."""
    region = text[max(s0, anchor.start - 120) : min(s1, anchor.end + 80)]
    if ALL_CIV.search(region) and cas.lo is not None:
        m = ALL_CIV.search(region)
        assert m is not None
        off = max(s0, anchor.start - 120)
        cas.classes["civilian"] = (cas.lo, cas.hi, off + m.start(), off + m.end())


def cls_of(it: Item) -> str:
    if it.cls == "named":
        return "named"
    return it.cls


def _class_figures(cas: Casualties, top: list[Item], sub: list[Item], total: Item | None) -> None:
    """Per-class figures (civilians, children, militants, women): the sum of the top-level items of that class,
    else the largest of its subsets."""
    for cls in ("civilian", "child", "militant", "woman"):
        tops = [it for it in top if cls_of(it) == cls]
        subs = [it for it in sub if cls_of(it) == cls]
        use = tops if tops else subs
        if not use:
            continue
        if tops and total is None:
            los = [it.lo for it in tops]
            his = [it.hi for it in tops]
            clo = sum(v for v in los if v is not None) if any(v is not None for v in los) else None
            chi = sum(v for v in his if v is not None) if all(v is not None for v in his) else None
        else:
            clo = max((it.lo for it in use if it.lo is not None), default=None)
            chi = (
                max((it.hi for it in use if it.hi is not None), default=None)
                if all(it.hi is not None for it in use)
                else None
            )
        if clo is None and chi is None:
            continue
        cas.classes[cls] = (clo, chi, min(it.start for it in use), max(it.end for it in use))
