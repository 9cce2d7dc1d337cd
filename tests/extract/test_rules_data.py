"""The extractor's rules as data (``strikewatch/extract/rules/*.toml``): every file parses, every entry says what it
is for and shows an example it reads, every pattern compiles, and the extractor reads every entry (no dead rules)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import pytest
from swtest import SHARED

from strikewatch.extract import rules

CONCERNS = rules.all_concerns()
ENTRIES = [(c, k) for c in CONCERNS for k in rules.concern(c)]
KINDS = {"words", "pattern", "table"}
SLOT = re.compile(r"\{([a-z_]+)\}")


def test_rule_files_exist_and_parse() -> None:
    assert len(CONCERNS) >= 10
    for c in CONCERNS:
        data = tomllib.loads((rules.HERE / f"{c}.toml").read_text(encoding="utf-8"))
        assert data, c


@pytest.mark.parametrize(("concern", "key"), ENTRIES)
def test_entry_is_documented_and_well_formed(concern: str, key: str) -> None:
    entry = rules.concern(concern)[key]
    assert isinstance(entry["about"], str) and len(entry["about"].split()) >= 3
    assert isinstance(entry["example"], str) and entry["example"].strip()
    assert len(KINDS & entry.keys()) == 1, f"{concern}.{key}: one of words, pattern, table"
    assert entry.keys() <= KINDS | {"about", "example", "flags"}
    if "flags" in entry:
        assert "pattern" in entry and all(isinstance(getattr(re, f), re.RegexFlag) for f in entry["flags"])
    if "words" in entry:
        words = entry["words"]
        assert words and all(isinstance(w, str) and w for w in words)
        assert len(set(words)) == len(words), f"{concern}.{key}: a word listed twice"
    if "table" in entry:
        assert entry["table"]


@pytest.mark.parametrize(("concern", "key"), [e for e in ENTRIES if "pattern" in rules.concern(e[0])[e[1]]])
def test_pattern_compiles_and_reads_its_example(concern: str, key: str) -> None:
    entry = rules.concern(concern)[key]
    source = entry["pattern"]
    flags = 0
    for f in entry.get("flags", []):
        flags |= getattr(re, f)
    rx = re.compile(source, flags)
    if SLOT.search(source):
        return  # a template: the module fills its {slots} (the example is read through the extractor tests)
    example = entry["example"]
    # patterns that read the text before a word end with $: they find a start of their example
    candidates = [example[:i] for i in range(len(example), 0, -1)]
    assert any(rx.search(t) or rx.search(t.lower()) for t in candidates), f"{concern}.{key} does not read {example!r}"


@pytest.mark.parametrize(("concern", "key"), [e for e in ENTRIES if "pattern" not in rules.concern(e[0])[e[1]]])
def test_word_list_or_table_example_shows_an_entry(concern: str, key: str) -> None:
    entry = rules.concern(concern)[key]
    example = entry["example"].lower()
    if "words" in entry:
        items = list(entry["words"])
    else:
        items = list(entry["table"])
        items += [w for v in entry["table"].values() if isinstance(v, list) for w in v if isinstance(w, str)]

    def shown(w: str) -> bool:
        w = w.lower()
        if not w[:1].isalnum():
            return w in example
        return re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", example) is not None

    assert any(shown(w) for w in items), f"{concern}.{key}: the example shows none of its words"


def test_person_nouns_each_under_one_class() -> None:
    classes = rules.concern("casualty_nouns")["person_nouns"]["table"]
    seen: dict[str, str] = {}
    for cls, words in classes.items():
        for w in words:
            assert w not in seen, f"{w!r} under {seen[w]} and {cls}"
            seen[w] = cls


# Sentences written for this test; each concern's rules take part in reading them.
OWN_SENTENCES = [
    ("PESHAWAR, Pakistan (AP) - A US drone fired two missiles at a compound in North Waziristan on Tuesday, killing "
     "at least five suspected militants, including a Haqqani network commander, two intelligence officials said.",
     "2014-06-12"),
    ("Pakistani jets pounded militant hideouts in the Tirah valley late Monday, killing between 12 and 15 fighters "
     "and wounding several civilians, the military said in a statement.\n\n3 comments\nAhmed says:\nGood.",
     "2015-03-04"),
    ("A suicide bomber blew himself up at a crowded market in Quetta, killing nine people and injuring 20 others. "
     "The Tehreek-e-Taliban Pakistan claimed the attack. No drone strikes have been reported since May.", "2016-07-01"),
    ("The Bureau estimates that up to 400 people, including more than 100 civilians, have been killed in drone strikes "
     "in Yemen since 2009. It lists 35 confirmed US strikes in the past five years.", "2017-01-10"),
    ("Officials said the army would launch fresh air strikes if the talks failed. A drone was seen circling over the "
     "town on Friday but did not fire. Read more here", None),
]


def test_the_extractor_reads_every_rule() -> None:
    """A fresh process extracts our sentences and the seed articles, then lists the entries no code asked for."""
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip(f"shared data not found at {SHARED}")
    code = """
import json, sys
from datetime import date
from pathlib import Path
from strikewatch.extract import extract_article, rules
own, seeds = json.loads(sys.argv[1]), json.loads(sys.argv[2])
events = []
for text, pub in own:
    ex = extract_article(text, date.fromisoformat(pub) if pub else None)
    events.append([e.type for e in ex.events] + [c.unit for c in ex.claims])
for p in seeds:
    extract_article(Path(p).read_text(encoding="utf-8"), None)
print(json.dumps({"unused": rules.unused(), "events": events}))
"""
    out = subprocess.run([sys.executable, "-c", code, json.dumps(OWN_SENTENCES), json.dumps(seeds)],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["unused"] == []
    own = result["events"]
    assert "drone_strike" in own[0]
    assert "air_strike" in own[1]
    assert "bombing" in own[2]
    assert "strikes" in own[3]
    assert own[4] == []  # planned, threatened or merely seen: no strike


def test_an_unread_entry_is_reported() -> None:
    """unused() names an entry no code asked for (run where the rules live, on a copy with one entry added)."""
    code = """
import shutil, sys, tempfile
from pathlib import Path
import strikewatch.extract.rules as r
tmp = Path(tempfile.mkdtemp())
for p in r.HERE.glob("*.toml"):
    shutil.copy(p, tmp)
(tmp / "zz_extra.toml").write_text('[spare]\\nabout = "a list nobody reads"\\nexample = "spare"\\nwords = ["spare"]\\n')
r.HERE = tmp
import strikewatch.extract  # noqa: F401  (reads every other entry)
print(r.unused())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[('zz_extra', 'spare')]"
