"""Extraction speed on ~600-word template reports, as a ratio to one bare spaCy tokenizer pass over the same text.

    .venv/bin/python bench/bench_extract.py [--n 300] [--no-geo]

The articles are generated here from templates written for this benchmark (no third-party text). Both timings
run in this process on one core, so the ratio is comparable across machines; articles/s is for this machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta

PLACES = [("Datta Khel", "North Waziristan"), ("Mir Ali", "North Waziristan"), ("Wana", "South Waziristan"),
          ("Shawal", "North Waziristan"), ("Tirah", "Khyber Agency"), ("Damadola", "Bajaur Agency"),
          ("Ghulam Khan", "North Waziristan"), ("Miranshah", "North Waziristan")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15", "at least 6",
        "between 4 and 7", "up to 20"]
LEADS = [
    "A US drone strike killed {n} suspected militants in {place}, {agency}, on {day}, officials said.",
    "{N} people were killed when a drone fired two missiles at a compound near {place} in {agency} late {day}.",
    "Pakistani jets pounded militant hideouts in {agency} on {day}, killing {n} insurgents, the military said.",
    "Missiles fired by an American drone hit a vehicle in {place} on {day}, killing {n} people, including a woman.",
]
FOLLOW = [
    "Local residents said the dead included {m} civilians, while officials put the toll at {n}.",
    "Another {k} people were wounded and taken to a hospital in {town}.",
    "The strike was the {ord} in the tribal region this month, according to a local journalist.",
    "Tribesmen said the house belonged to a local elder who had sheltered fighters in the past.",
    "Intelligence officials, speaking on condition of anonymity, said a senior commander may have been among the dead.",
]
FILLER = [
    "The government in Islamabad has publicly condemned such strikes as a violation of sovereignty, although "
    "officials have privately acknowledged cooperation on some of them over the years.",
    "Human rights groups have long called for an independent investigation into civilian casualties and for "
    "compensation for families who lost relatives or homes.",
    "Reporters are rarely allowed into the area, and figures given by officials and residents often differ by "
    "several people in the first days after an attack.",
    "Analysts said the renewed campaign reflected frustration in Washington over the slow pace of a promised "
    "military operation against armed groups sheltering near the border.",
    "Residents described hearing the drones circling overhead for hours before the missiles struck, and said "
    "many families had left their villages for towns further from the frontier.",
    "The army said its own operation in the valley would continue until the area was cleared of militants, and "
    "that displaced families would be allowed to return once roads were secured.",
    "Talks between the government and the Taliban broke down earlier this year after a series of attacks on "
    "security forces, and both sides have since traded accusations of bad faith.",
    "A spokesman for the provincial government said relief goods had been sent to the affected area and that "
    "the injured were receiving treatment free of charge.",
]
ORD = ["second", "third", "fourth", "fifth"]


def make_article(rng: random.Random, words: int = 600) -> tuple[str, date]:
    pub = date(2010, 1, 1) + timedelta(days=rng.randrange(3000))
    place, agency = rng.choice(PLACES)
    n = rng.choice(NUMS)
    paras = [rng.choice(LEADS).format(n=n, N=n[0].upper() + n[1:], place=place, agency=agency,
                                      day=rng.choice(DAYS))]
    paras.append(rng.choice(FOLLOW).format(m=rng.choice(NUMS[:6]), n=rng.choice(NUMS), k=rng.choice(NUMS[:8]),
                                           town=rng.choice(PLACES)[0], ord=rng.choice(ORD)))
    while sum(len(p.split()) for p in paras) < words:
        paras.append(" ".join(rng.sample(FILLER, 2)))
        if rng.random() < 0.3:
            paras.append(rng.choice(FOLLOW).format(m="two", n="five", k="three", town="Bannu", ord="third"))
    return "\n\n".join(paras), pub


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--no-geo", action="store_true", help="time extraction with place resolution turned off")
    args = ap.parse_args()
    import spacy

    from strikewatch.extract import extract_article, pipeline

    if args.no_geo:
        pipeline._geo = lambda: None  # type: ignore[assignment]
    rng = random.Random(7)
    docs = [make_article(rng) for _ in range(args.n)]
    words = statistics.mean(len(t.split()) for t, _ in docs)
    tok = spacy.blank("en").tokenizer
    for t, p in docs[:20]:  # warm both up (regex compilation, gazetteer load)
        tok(t)
        extract_article(t, p)

    def run_tok() -> float:
        t0 = time.process_time()
        for t, _ in docs:
            tok(t)
        return time.process_time() - t0

    def run_ext() -> float:
        t0 = time.process_time()
        for t, p in docs:
            extract_article(t, p)
        return time.process_time() - t0

    tok_t = min(run_tok() for _ in range(3))
    ext_t = min(run_ext() for _ in range(3))
    events = sum(len(extract_article(t, p).events) for t, p in docs)
    print(f"articles: {len(docs)}  mean words: {words:.0f}  events found: {events}")
    print(f"tokenizer pass: {len(docs) / tok_t:8.1f} articles/s")
    print(f"extract_article: {len(docs) / ext_t:8.1f} articles/s  ({'no geo' if args.no_geo else 'with geo'})")
    print(f"ratio extract / tokenizer: {ext_t / tok_t:.2f}x  (target <= 3x; >= 100 articles/s per core)")
    # the same on the five real seed articles (read at run time, never copied), repeated, if they are there
    import os
    from pathlib import Path

    shared = Path(os.environ.get("STRIKEWATCH_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
    seeds = [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    if seeds:
        reps = 40
        t0 = time.process_time()
        for _ in range(reps):
            for t in seeds:
                tok(t)
        st = time.process_time() - t0
        t0 = time.process_time()
        for _ in range(reps):
            for t in seeds:
                extract_article(t, None)
        se = time.process_time() - t0
        words = sum(len(t.split()) for t in seeds) / len(seeds)
        print(f"seed articles (mean {words:.0f} words): tokenizer {reps * len(seeds) / st:.1f}/s, "
              f"extract {reps * len(seeds) / se:.1f}/s, ratio {se / st:.2f}x")


if __name__ == "__main__":
    main()
