"""Write a scaled corpus for benchmarks by recombining the paragraphs of the sample and seed articles.

Run: .venv/bin/python bench/scaled_corpus.py 5M /tmp/corpus5m
Deterministic for a given size and seed: the same files, byte for byte, on every run.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

from graph.ingest import read_corpus
from graph.model import Document
from graph.resources import sample_corpus

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
PER_FOLDER = 1000  # keep folders small, as a crawl would be stored


def source_folders() -> list[Path]:
    """Return the sample corpus and, when present beside the repo, the shared seed articles."""
    return [sample_corpus()] + ([SHARED_SEEDS] if SHARED_SEEDS.is_dir() else [])


def paragraphs(folders: list[Path]) -> tuple[list[str], list[str]]:
    """Return (titles, body paragraphs) of the normalised source articles."""
    titles, body = [], []
    for doc in read_corpus(folders):
        if not isinstance(doc, Document):
            continue
        lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
        titles.append(doc.meta.get("title") or lines[0])
        body += [line for line in lines[1:] if len(line) >= 12]
    return titles, body


def parse_size(text: str) -> int:
    """Return bytes for '50K', '5M', '50M' or a plain number."""
    units = {"K": 2**10, "M": 2**20, "G": 2**30}
    text = text.strip().upper().removesuffix("B")
    return int(float(text[:-1]) * units[text[-1]]) if text[-1:] in units else int(text)


def write_scaled_corpus(size: int, folder: str | Path, seed: int = 9) -> list[Path]:
    """Write UTF-8 articles (every tenth in GB18030) totalling about `size` bytes; return their paths."""
    rng = random.Random(seed)
    titles, body = paragraphs(source_folders())
    folder = Path(folder)
    written, total, paths = 0, 0, []
    while total < size:
        title = f"{rng.choice(titles)}（{written + 1}）"
        text = "\n\n".join([title, *rng.sample(body, rng.randint(4, 12))]) + "\n"
        encoding = "gb18030" if written % 10 == 9 else "utf-8"
        data = text.encode(encoding, errors="replace")
        path = folder / f"{written // PER_FOLDER:03d}" / f"{written:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
        written += 1
        total += len(data)
    return paths


if __name__ == "__main__":
    files = write_scaled_corpus(parse_size(sys.argv[1]), sys.argv[2])
    print(f"wrote {len(files)} articles to {sys.argv[2]}")
