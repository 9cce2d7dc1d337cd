"""Extraction speed on ~600-word articles with a realistic vocabulary, as a ratio to one bare spaCy tokenizer pass
over the same texts, per core (CPU time of this process).

    .venv/bin/python bench/bench_extract.py [--n 600] [--no-geo] [--profile]

Why the corpus matters: spaCy's tokenizer caches every distinct token string, so its cost per word falls as a
corpus repeats words. Template text repeats a tiny vocabulary and makes the tokenizer look ~25x faster per word
than on real pages; a ratio measured that way says little. The corpus here is built at run time so that its
vocabulary grows the way news text does:

* a strike report from ``swdev.synth`` (our templates: ledes, tolls, places, dates, quotes), ~350 words;
* ~250 words of prose whose words are drawn with their real English frequencies (``wordfreq``, Zipf-distributed:
  a long tail of rare words, as in news text), in sentences with capitals and punctuation;
* every tenth article is instead a ~600-word piece of one of the five real seed articles in ``../shared/seeds``
  (read at run time, never stored).

The extractor timed is the default one (``extract_article`` with its trained layer, ``$STRIKEWATCH_EXTRACT_MODEL``
unset: the mode is printed). Each timing uses a fresh tokenizer (empty cache), in the tokenizer pass and in the
model layer's features alike, and cold place look-ups; the gazetteer and the regular expressions are loaded before
timing. Loading the model layer (its weights and its spaCy tokenizer, ``import spacy`` included) is timed once, in
this process before anything else loads them, and added once to each extractor timing of the realistic mix
("load once"; the figure without it is printed too). Tokenizer and extractor runs alternate; best of five each.
The old template corpus is reported alongside.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

SHARED = Path(os.environ.get("STRIKEWATCH_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # swdev/: the repository's dev package


def zipf_prose(rng: random.Random, words: int) -> str:
    """Sentences of English words drawn with their real frequencies (wordfreq), or '' without wordfreq."""
    try:
        from wordfreq import top_n_list, word_frequency
    except ImportError:
        return ""
    vocab = _VOCAB.get("en")
    if vocab is None:
        vocab = [w for w in top_n_list("en", 60_000) if w.isalpha()]
        weights = list(itertools.accumulate(word_frequency(w, "en") for w in vocab))
        _VOCAB["en"] = vocab
        _WEIGHTS["en"] = weights
    weights = _WEIGHTS["en"]
    out: list[str] = []
    n = 0
    while n < words:
        k = rng.randint(8, 28)
        ws = rng.choices(vocab, cum_weights=weights, k=k)
        ws[0] = ws[0].capitalize()
        for i in range(1, k):  # names and places: capitalised rare words
            if len(ws[i]) > 5 and rng.random() < 0.08:
                ws[i] = ws[i].capitalize()
        if k > 12 and rng.random() < 0.5:
            ws[k // 2] += ","
        out.append(" ".join(ws) + ".")
        n += k
    paras = []
    for i in range(0, len(out), 4):
        paras.append(" ".join(out[i:i + 4]))
    return "\n\n".join(paras)


_VOCAB: dict[str, list[str]] = {}
_WEIGHTS: dict[str, list[float]] = {}


def seed_pieces(words: int = 600) -> list[str]:
    """The real seed articles cut into pieces of about ``words`` words at paragraph ends."""
    pieces: list[str] = []
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        paras = [x for x in p.read_text(encoding="utf-8").split("\n") if x.strip()]
        cur: list[str] = []
        for para in paras:
            cur.append(para)
            if sum(len(x.split()) for x in cur) >= words:
                pieces.append("\n\n".join(cur))
                cur = []
        if cur and sum(len(x.split()) for x in cur) >= words // 3:
            pieces.append("\n\n".join(cur))
    return pieces


def realistic_corpus(n: int, seed: int = 7) -> list[tuple[str, date | None]]:
    from swdev.synth import fictional_facts, generate

    rng = random.Random(seed)
    seeds = seed_pieces()
    docs: list[tuple[str, date | None]] = []
    reports = generate(fictional_facts(seed=seed), seed=seed, words=(300, 400), commentary_rate=0.1)
    for i, doc in enumerate(itertools.islice(reports, n)):
        if seeds and i % 10 == 9:
            docs.append((seeds[(i // 10) % len(seeds)], None))
            continue
        rec = doc.record()
        text = rec["text"]
        prose = zipf_prose(rng, 600 - len(text.split()))
        if prose:
            # background prose in the middle of the report, as news articles interleave context
            paras = text.split("\n\n")
            cut = max(1, len(paras) // 2)
            text = "\n\n".join(paras[:cut] + [prose] + paras[cut:])
        pub = date.fromisoformat(rec["published"]) if rec.get("published") else None
        docs.append((text, pub))
    return docs


# --- the template corpus of earlier versions (kept to show the cache effect) ---------------------------------
PLACES = [("Datta Khel", "North Waziristan"), ("Mir Ali", "North Waziristan"), ("Wana", "South Waziristan"),
          ("Shawal", "North Waziristan"), ("Tirah", "Khyber Agency"), ("Damadola", "Bajaur Agency")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "The government in Islamabad has publicly condemned such strikes as a violation of sovereignty, although "
    "officials have privately acknowledged cooperation on some of them over the years.",
    "Human rights groups have long called for an independent investigation into civilian casualties and for "
    "compensation for families who lost relatives or homes.",
    "Reporters are rarely allowed into the area, and figures given by officials and residents often differ by "
    "several people in the first days after an attack.",
    "Residents described hearing the drones circling overhead for hours before the missiles struck, and said "
    "many families had left their villages for towns further from the frontier.",
]


def template_corpus(n: int, seed: int = 7) -> list[tuple[str, date | None]]:
    rng = random.Random(seed)
    docs: list[tuple[str, date | None]] = []
    for _ in range(n):
        place, agency = rng.choice(PLACES)
        paras = [f"A US drone strike killed {rng.randint(2, 15)} suspected militants in {place}, {agency}, on "
                 f"{rng.choice(DAYS)}, officials said."]
        while sum(len(p.split()) for p in paras) < 600:
            paras.append(" ".join(rng.sample(FILLER, 2)))
        docs.append(("\n\n".join(paras), date(2013, 5, 1)))
    return docs


def load_model_layer() -> float:
    """CPU seconds to load the model layer once: ``import spacy``, its blank tokenizer, the weights (0 when the layer
    is off)."""
    from strikewatch.extract.model import mode
    from strikewatch.extract.model.features import _tokenizer
    from strikewatch.extract.model.linear import load

    if mode() == "off":
        return 0.0
    t0 = time.process_time()
    _tokenizer()
    load("clauses")
    load("tolls")
    return time.process_time() - t0


def measure(docs: list[tuple[str, date | None]], extract: Callable[..., object], reset: Callable[[], None],
            reps: int = 5) -> tuple[float, float]:
    """(tokenizer seconds, extractor seconds): CPU time, each with empty caches; the two runs alternate (so a
    busy machine slows both alike) and the best of ``reps`` of each counts."""
    import spacy

    def run_tok() -> float:
        tok = spacy.blank("en").tokenizer  # a fresh tokenizer: its string cache starts empty
        t0 = time.process_time()
        for t, _ in docs:
            tok(t)
        return time.process_time() - t0

    def run_ext() -> float:
        reset()
        t0 = time.process_time()
        for t, p in docs:
            extract(t, p)
        return time.process_time() - t0

    toks, exts = [], []
    for _ in range(reps):
        toks.append(run_tok())
        exts.append(run_ext())
    return min(toks), min(exts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--no-geo", action="store_true", help="time extraction with place resolution turned off")
    ap.add_argument("--profile", action="store_true", help="cProfile the extractor over the realistic corpus")
    args = ap.parse_args()

    import importlib

    from strikewatch.extract import extract_article, places
    from strikewatch.extract.model import features, mode

    load_s = load_model_layer()  # first of all: nothing has imported spaCy or read the weights yet
    geo_resolve = importlib.import_module("strikewatch.geo.resolve")

    if args.no_geo:
        places.geo = lambda: None  # type: ignore[assignment]

    def reset() -> None:
        geo_resolve._mentions.cache_clear()
        # the model layer's tokenizer afresh (its string cache empty, as the tokenizer pass's), made before timing
        features._tokenizer.cache_clear()
        features._tokenizer()

    t0 = time.perf_counter()
    corpus = realistic_corpus(args.n)
    build_s = time.perf_counter() - t0
    for t, p in corpus[:30]:  # load the gazetteer, compile the regular expressions
        extract_article(t, p)
    if args.profile:
        import cProfile
        import pstats

        reset()
        prof = cProfile.Profile()
        prof.enable()
        for t, p in corpus:
            extract_article(t, p)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return

    def describe(name: str, docs: list[tuple[str, date | None]], load: float = 0.0) -> None:
        words = [len(t.split()) for t, _ in docs]
        vocab = {w.lower() for t, _ in docs for w in re.findall(r"[^\W\d_]+", t)}
        tok_t, run_t = measure(docs, extract_article, reset)
        ext_t = run_t + load
        events = sum(len(extract_article(t, p).events) for t, p in docs)
        print(f"{name}: {len(docs)} articles, mean {statistics.mean(words):.0f} words, {len(vocab):,} distinct "
              f"words, {events} events")
        print(f"  tokenizer pass   {len(docs) / tok_t:9.1f} articles/s  ({sum(words) / tok_t / 1e6:.2f} M words/s)")
        print(f"  extract_article  {len(docs) / ext_t:9.1f} articles/s  ({'no geo' if args.no_geo else 'with geo'}"
              f"{f', model loading {load:.2f} s included once' if load else ''})")
        print(f"  ratio extract / tokenizer: {ext_t / tok_t:.2f}x per core (target <= 3x; >= 100 articles/s)"
              + (f"; without the loading {run_t / tok_t:.2f}x" if load else ""))

    print(f"(corpus built in {build_s:.1f} s; CPU time of one process, alternating runs, best of 5; extractor model "
          f"layer: {mode()}, loading it took {load_s:.2f} s CPU)")
    describe("realistic mix (synth reports + Zipf-frequency prose + real seed pieces)", corpus, load_s)
    seeds = [(t, None) for t in seed_pieces()]
    if seeds:
        describe("real seed pieces only", seeds)
    describe("template corpus of earlier versions (tiny vocabulary)", template_corpus(min(args.n, 300)))


if __name__ == "__main__":
    main()
