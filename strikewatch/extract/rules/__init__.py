"""The extractor's rules as data: word lists and patterns, one TOML file per concern in this folder.

Each file holds named entries; every entry says what it is for and shows an example::

    [kill_verbs]
    about = "verbs that say people died"
    example = "five people were killed"
    words = ["killed", "died", "perished"]

    [dateline]
    about = "a wire dateline opening the text"
    example = "PESHAWAR, Pakistan (AP) -"
    pattern = '''(?x) ^ [A-Z]{3,} ...'''
    flags = ["I"]          # optional: re flag names

    [noun_class]
    about = "casualty head noun -> class"
    example = "three tribesmen"
    table = { tribesmen = "people", fighters = "militant" }

``words(concern, name)``, ``pattern(concern, name)`` and ``table(concern, name)`` read them; each file is parsed once
per process. A rule nobody reads is deleted, not kept: ``unused()`` lists the entries no code asked for (the tests
read every concern through the extractor and check it is empty).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_ASKED: set[tuple[str, str]] = set()


class RuleError(LookupError):
    """A rule file or entry that is missing or malformed (a bug in the package, not a user error)."""


@cache
def concern(name: str) -> dict[str, dict[str, Any]]:
    """Every entry of ``<name>.toml``, checked to carry ``about`` and ``example``."""
    path = HERE / f"{name}.toml"
    if not path.exists():
        raise RuleError(f"no rule file {path.name}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for key, entry in data.items():
        if not isinstance(entry, dict) or not {"about", "example"} <= entry.keys():
            raise RuleError(f"{path.name}: [{key}] needs 'about' and 'example'")
    return data


def _entry(name: str, key: str, field: str) -> Any:
    entry = concern(name).get(key)
    if entry is None or field not in entry:
        raise RuleError(f"{name}.toml: no [{key}] with '{field}'")
    _ASKED.add((name, key))
    return entry[field]


def words(name: str, key: str) -> tuple[str, ...]:
    """A word or phrase list, in file order."""
    return tuple(str(w) for w in _entry(name, key, "words"))


def table(name: str, key: str) -> dict[str, Any]:
    """A mapping (word -> class, phrase -> value)."""
    return dict(_entry(name, key, "table"))


_SLOT = re.compile(r"\{([a-z_]+)\}")


@cache
def pattern(name: str, key: str, **slots: str) -> re.Pattern[str]:
    """A compiled regular expression with its flags. ``slots`` fill a template's ``{name}`` places with
    sub-patterns the module builds (a word list joined, another entry, names from ``calendar_words``); a quantifier
    such as ``{1,3}`` is no slot."""
    source = str(_entry(name, key, "pattern"))
    if slots:
        source = _SLOT.sub(lambda m: slots[m.group(1)], source)
    flags = 0
    for f in concern(name)[key].get("flags", []):
        flags |= getattr(re, f)
    return re.compile(source, flags)


def all_concerns() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml"))


def unused() -> list[tuple[str, str]]:
    """Entries no code has asked for in this process."""
    every = {(c, k) for c in all_concerns() for k in concern(c)}
    return sorted(every - _ASKED)
