"""A run of chunks read as a coordination of casualty items ("three women and four children", "X killed along with
4-6 others", "(including 18-45 civilians)")."""

from __future__ import annotations

from strikewatch.extract.casualty_types import Chunk, Item
from strikewatch.extract.casualty_words import HEDGE_WORDS, is_boundary_x


def parse_np(chunks: list[Chunk], a: int, b: int, text: str) -> tuple[list[Item], Item | None]:
    """Parse chunks[a:b] as a coordination of casualty items; returns (items, total-after-'among').

    Items are nominal groups: an optional quantity, then a run of modifiers, person nouns and names with no
    connector inside ("2 named al Qaeda commanders", "Al Qaeda's chief finance officer Mustafa Abu Yazid").
    The last person noun decides the count (a singular noun or a name counts one) and the class.
    """
    np = _NounPhrase(chunks, a, b)
    np.run()
    return np.items, np.total


_GROUP_KINDS = frozenset({"H", "N", "X", "AUX", "PRON"})


class _NounPhrase:
    """The reading state of ``parse_np``: one method per chunk kind, each advancing ``i``."""

    __slots__ = ("chunks", "a", "b", "items", "total", "subset", "paren", "among", "pending_q", "pending_art",
                 "age_mode", "appositive", "i")

    def __init__(self, chunks: list[Chunk], a: int, b: int) -> None:
        self.chunks, self.a, self.b = chunks, a, b
        self.items: list[Item] = []
        self.total: Item | None = None
        self.subset = False  # inside "(including ...)" or after "including", "of them"
        self.paren = 0
        self.among = False  # after "among": the next figure is the total
        self.pending_q: Chunk | None = None  # a quantity waiting for its noun
        self.pending_art = False  # "a"/"an" before the noun: one person
        self.age_mode = False  # after an age: its figures are ages
        self.appositive = False  # "Abu X, a senior al Qaeda figure, ...": the same person described
        self.i = a

    def run(self) -> None:
        chunks, b = self.chunks, self.b
        while self.i < b:
            k = chunks[self.i].kind
            if k in _GROUP_KINDS:
                self.group()
            elif k == "Q":
                self.quantity()
            elif k == "P":
                self.parenthesis()
            elif k == "INC":
                self.including()
            elif k == "AMONG":
                self.among_()
            elif k == "NEG":
                self.negative()
            elif k == "ART":
                self.article()
            elif k == "OR":
                self.alternative()
            elif k == "C":
                self.connector()
            else:
                if k == "AGE":
                    self.age_mode = True
                self.i += 1
        if self.pending_q is not None:
            q = self.pending_q.qty
            assert q is not None
            it = Item(q.lo, q.hi, "people", self.pending_q.start, self.pending_q.end, subset=self.subset,
                      vague=q.vague)
            if self.among and self.total is None:
                self.total = it
            else:
                self.items.append(it)

    def flush(self) -> None:
        if self.pending_q is not None:
            flush_q(self.items, self.pending_q, "people", self.subset)
            self.pending_q = None

    def parenthesis(self) -> None:
        if self.chunks[self.i].text == "(":
            self.paren += 1
            self.subset = True
        else:
            self.paren = max(0, self.paren - 1)
            if self.paren == 0:
                self.subset = False
        self.i += 1

    def including(self) -> None:
        chunks, c = self.chunks, self.chunks[self.i]
        if self.pending_q is not None and c.low not in ("of them", "of whom"):
            self.flush()
        self.subset = True
        if self.pending_q is None or c.low not in ("of them", "of whom"):
            self.i += 1
            return
        # "six of them civilians": the quantity belongs to the following noun, as a subset
        pending = self.pending_q
        self.pending_q = None
        grp_end = self.i + 1
        while grp_end < self.b and chunks[grp_end].kind in ("H", "X", "AUX"):
            grp_end += 1
        heads = [ch for ch in chunks[self.i + 1:grp_end] if ch.kind == "H"]
        q = pending.qty
        assert q is not None
        cls = heads[-1].cls or "people" if heads else "people"
        self.items.append(Item(q.lo, q.hi, cls, pending.start, chunks[grp_end - 1].end if heads else pending.end,
                               subset=True))
        self.i = grp_end

    def among_(self) -> None:
        self.flush()
        for it in self.items:
            it.subset = True
        self.among = True
        self.i += 1

    def quantity(self) -> None:
        if not self.age_mode:
            if self.pending_q is not None:
                flush_q(self.items, self.pending_q, "people", self.subset)
            self.pending_q = self.chunks[self.i]
        self.i += 1

    def negative(self) -> None:
        self.flush()
        c = self.chunks[self.i]
        self.items.append(Item(0, 0, "people", c.start, c.end, subset=self.subset))
        self.i += 1

    def article(self) -> None:
        chunks, i = self.chunks, self.i
        self.pending_art = chunks[i].low in ("a", "an")
        if i > self.a and chunks[i - 1].kind == "C" and chunks[i - 1].low == "," and self.items and self.items[-1].name:
            self.appositive = True  # "Abu X, a senior al Qaeda figure, ..."
        self.i += 1

    def alternative(self) -> None:
        """"10 or 12 people": one item's range; "4 civilians or alleged militants": the same people again."""
        chunks, i, b = self.chunks, self.i, self.b
        if not (self.pending_q is None and self.items and i + 1 < b):
            self.i += 1
            return
        nxt = chunks[i + 1]
        if nxt.kind == "Q" and self.items[-1].lo is not None and nxt.qty is not None:
            q = nxt.qty
            prev = self.items[-1]
            los = [v for v in (prev.lo, q.lo) if v is not None]
            his = [v for v in (prev.hi, q.hi) if v is not None]
            prev.lo = min(los) if los else None
            prev.hi = max(his) if his else None
            prev.end = nxt.end
            i += 2
            while i < b and chunks[i].kind in ("X", "H"):
                i += 1
            self.i = i
            return
        j = i + 1
        while j < b and chunks[j].kind in ("X", "H", "AUX"):
            j += 1
        self.i = j

    def connector(self) -> None:
        chunks, i, b = self.chunks, self.i, self.b
        self.flush()
        if chunks[i].low == ",":
            if self.appositive:
                self.appositive = False
            elif self.paren == 0 and self.subset and i + 1 < b and chunks[i + 1].kind not in ("Q", "H", "N", "ART"):
                self.subset = False
            self.age_mode = False
            # "Four people, possibly all civilians, killed", "killed 3-4, reportedly all named civilians":
            # a hedged description of the same people, not more of them
            j = i + 1
            while j < b and chunks[j].kind == "AUX" and chunks[j].low in HEDGE_WORDS:
                j += 1
            if j > i + 1 and j < b and chunks[j].kind in ("H", "X") and self.items and \
                    not any(ch.kind in ("Q", "N") for ch in chunks[j:b] if ch.kind != "C" or ch.low != ","):
                self.appositive = True
        self.i += 1

    def group(self) -> None:
        """One nominal group: modifiers, person nouns, names (no article or boundary word inside)."""
        chunks, i, b = self.chunks, self.i, self.b
        j = i
        while j < b and chunks[j].kind in ("H", "N", "X", "AUX", "PRON", "ART"):
            if chunks[j].kind == "ART" and j > i:
                break
            if chunks[j].kind == "X" and is_boundary_x(chunks[j]):
                break
            j += 1
        grp = chunks[i:j]
        self.i = max(j, i + 1)
        if self.appositive:
            return
        heads = [ch for ch in grp if ch.kind == "H"]
        names = [ch for ch in grp if ch.kind == "N"]
        prons = [ch for ch in grp if ch.kind == "PRON"]
        if not heads and not names and not prons:
            if self.pending_q is not None and any(ch.low in ("others", "other") for ch in grp):
                self.flush()
            self.pending_art = False
            return
        self.group_item(grp, heads, names, prons)
        self.pending_art = False

    def group_item(self, grp: list[Chunk], heads: list[Chunk], names: list[Chunk], prons: list[Chunk]) -> None:
        """The item a group with a person noun, a name or a pronoun makes (with the quantity before it)."""
        last = heads[-1] if heads else None
        cls = _group_class(grp, heads, names)
        gs, ge = grp[0].start, grp[-1].end
        name = names[0].text if names else None
        name_span = (names[0].start, names[0].end) if names else None
        if self.pending_q is not None:
            q = self.pending_q.qty
            assert q is not None
            it = Item(q.lo, q.hi, cls, self.pending_q.start, (last.end if last else ge), subset=self.subset,
                      vague=q.vague)
            self.pending_q = None
            if self.among and self.total is None and not self.subset:
                self.total = it
                self.among = False
            else:
                self.items.append(it)
        elif prons and not heads:
            self.items.append(Item(1, 1, "people", gs, ge, subset=self.subset, implied=True))
        elif (last is not None and (last.singular or self.pending_art)) or (last is None and names):
            at = self.i - len(grp) - 1
            prev_c = self.chunks[at] if at >= self.a else None
            items = self.items
            if (items and items[-1].implied and items[-1].name is None and items[-1].cls == "militant"
                    and cls == "militant" and prev_c is not None and prev_c.low == "and" and not self.pending_art):
                # "leader and ideologue Shaykh X": one person with two titles
                items[-1].name, items[-1].name_span, items[-1].end = name, name_span, ge
                return
            items.append(Item(1, 1, cls, gs, ge, subset=self.subset, name=name, name_span=name_span, implied=True))
        elif last is not None:
            self.items.append(Item(None, None, cls, gs, ge, subset=self.subset))


def _group_class(grp: list[Chunk], heads: list[Chunk], names: list[Chunk]) -> str:
    """The class of a group's people: its most telling person noun; militant when any word says so (unless the
    nouns say children, women, civilians or security forces); 'named' for a name alone."""
    cls = "people"
    for h in heads:
        if h.cls and h.cls != "people":
            cls = h.cls if cls in ("people",) or h.cls != "militant" or cls == "militant" else cls
    if (
        (any(h.cls == "militant" for h in heads) or any(ch.kind == "X" and ch.cls == "militant" for ch in grp))
        and cls not in ("child", "woman", "civilian", "security")
        and (heads or names)
    ):
        cls = "militant"
    if not heads and names:
        cls = "named"
    return cls


def flush_q(items: list[Item], qc: Chunk, cls: str, subset: bool) -> None:
    q = qc.qty
    assert q is not None
    items.append(Item(q.lo, q.hi, cls, qc.start, qc.end, subset=subset, vague=q.vague))
