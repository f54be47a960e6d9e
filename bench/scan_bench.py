"""Which dictionary scan finds division names faster: pyahocorasick (what bangfu uses) or jieba with the
gazetteer as a user dictionary? Prints characters per second of each on the same normalised text.

    .venv/bin/python bench/scan_bench.py [REPEAT]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import jieba

from graph.extract.divisions import scan
from graph.extract.gazetteer import load_gazetteer
from graph.ingest import read_corpus
from graph.model import Document
from graph.resources import sample_corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def corpus_text(repeat: int) -> str:
    docs = [d for d in read_corpus([p for p in (sample_corpus(), SHARED) if p.is_dir()]) if isinstance(d, Document)]
    return "\n".join(d.text for d in docs) * repeat


def timed(fn, text: str) -> tuple[float, int]:
    start = time.perf_counter()
    found = fn(text)
    return time.perf_counter() - start, found


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    text = corpus_text(repeat)
    scan(text[:10])  # build the automaton outside the timing
    names = {form for form, _code, _short in load_gazetteer().names() if len(form) >= 2}
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    start = time.perf_counter()
    for name in names:
        tokenizer.add_word(name, freq=100000)
    added = time.perf_counter() - start

    def jieba_scan(t: str) -> int:
        return sum(1 for w in tokenizer.lcut(t, HMM=False) if w in names)

    ac_time, ac_found = timed(lambda t: len(scan(t)), text)
    jb_time, jb_found = timed(jieba_scan, text)
    print(f"text: {len(text):,} characters ({repeat}x the sample corpus and the shared seeds)")
    print(f"pyahocorasick scan : {ac_time:7.3f} s  {len(text) / ac_time:12,.0f} chars/s  {ac_found} names")
    print(f"jieba + user dict  : {jb_time:7.3f} s  {len(text) / jb_time:12,.0f} chars/s  {jb_found} names"
          f"  (+{added:.2f} s to add {len(names):,} words)")
    print(f"ratio              : Aho-Corasick is {jb_time / ac_time:.1f}x faster")


if __name__ == "__main__":
    main()
