"""Internal consistency of bench/heldout4/long.jsonl (does NOT run the extractor)."""
import json
import re
import sys
from datetime import date
from pathlib import Path

W = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]


def has_num(text, n):
    if re.search(rf"(?<![\d,]){n}(?!\d|,\d)", text):
        return True
    return n <= 20 and re.search(rf"\b{W[n]}\b", text, re.I) is not None


def main():
    with open(Path(__file__).parent / "long.jsonl", encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh]
    bad = 0
    ids = set()
    for it in items:
        probs = []
        if it["id"] in ids:
            probs.append("duplicate id")
        ids.add(it["id"])
        t, e = it["text"], it["expect"]
        nw = len(t.split())
        paras = [p for p in t.split("\n\n") if p.strip()]
        if it["style"] == "negative":
            if e != {"events": 0}:
                probs.append("negative expect")
            if nw < 280:
                probs.append(f"short negative {nw}")
        else:
            if not (300 <= nw <= 650):
                probs.append(f"words {nw}")
            if not (6 <= len(paras) <= 22):
                probs.append(f"paras {len(paras)}")
            for k in ("killed_min", "killed_max", "injured_min", "injured_max", "civilians_min", "civilians_max", "children_min", "children_max"):
                v = e.get(k)
                if v is not None and not (v == 0 and "no casualties" in t) and not has_num(t, v):
                    probs.append(f"{k}={v} not in text")
            head = paras[0]
            hf = it.get("headline_figure")
            nums = [int(x) for x in re.findall(r"\d+", head)] + [W.index(w.lower()) for w in re.findall(r"[A-Za-z]+", head) if w.lower() in W]
            if hf is None and nums and not (it.get("variant") == "news2" and nums == [2]):
                probs.append("headline has a figure but none expected")
            if hf is not None and (nums != [hf] or hf not in (e["killed_min"], e["killed_max"])):
                probs.append(f"headline figure {nums} vs {hf}")
            d = date.fromisoformat(e["date"])
            pub = date.fromisoformat(it["published"])
            if not (0 <= (pub - d).days <= 1):
                probs.append("published")
            lede = paras[1] if not paras[1].startswith("We use cookies") else paras[2]
            if f" {d.strftime('%A')}" not in lede:
                probs.append("lede weekday")
            if (pub != d) != ("late on" in lede):
                probs.append("late-on mismatch")
            if e.get("place") and e["place"] not in lede:
                probs.append("place not in lede")
            # province/district as written must be in the lede
            if e["country"] == "PK" and not any(x in lede for x in ("Waziristan", "Kurram", "Khyber", "Bannu")):
                probs.append("agency not in lede")
            # background weekdays must differ from the lede's
            for m in re.finditer(r"on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (this|last) week", t):
                if m.group(1) == d.strftime("%A"):
                    probs.append("background weekday = strike weekday")
            for m in re.finditer(r"on (\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})", t):
                bd = date(int(m.group(3)), ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].index(m.group(2)) + 1, int(m.group(1)))
                if bd >= d:
                    probs.append(f"background date not earlier: {m.group(0)}")
            if it.get("variant") == "news2" and it["second"]["place"] not in t:
                probs.append("second place missing")
        if probs:
            bad += 1
            print(it["id"], probs)
    from collections import Counter
    print(Counter((it["style"], it.get("variant"), it["expect"].get("country")) for it in items))
    words = [len(it["text"].split()) for it in items if it["style"] != "negative"]
    print("words min/max/mean", min(words), max(words), sum(words) // len(words))
    print("problems:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
