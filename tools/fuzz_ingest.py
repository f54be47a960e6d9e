"""Fuzz ingest: random and mutated bytes through decode and ingest_text (and optionally extract).

Every input must give a Document whose offset map is valid, or a clean DecodeError; anything else is a bug,
and the input that caused it is saved to --crashes.

Run (random mutations of the sample corpus, no extra install):
    .venv/bin/python tools/fuzz_ingest.py --seconds 600
Coverage-guided with atheris (pip install atheris; Linux/macOS wheels):
    .venv/bin/python tools/fuzz_ingest.py --seconds 600 --atheris
Add --extract to run the extractor on every document too (slower).
"""
from __future__ import annotations

import argparse
import codecs
import hashlib
import random
import sys
import time
from pathlib import Path

from graph.ingest import ingest_text
from graph.ingest.decode import DecodeError, decode

FORMATS = ("txt", "md", "html")
# Byte sequences that break naive decoders and parsers, spliced into the seeds.
TOKENS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"\x00", b"\xff\xfe",
          b"\xe4\xb8", b"\x81\x30", b"\xa4", b"\r", b"\r\n", b"\n\n", "\ufffd".encode(), "\u200d".encode(),
          "\u202e".encode(), "👩\u200d🏫".encode(), "，。“（【《".encode(), b"<div>" * 300, b"</p>", b"<!--",
          b"<script>", b"&#0;", b"&#xD800;", b"]]>", "__县".encode(), "xx名".encode(), "来源：".encode(),
          "略陽縣".encode("big5"), "对口帮扶".encode("gbk"), "西安理工大学".encode("utf-16-le"))


def check(data: bytes, with_extract: bool = False) -> None:
    """Ingest one input in every format; raise on anything but a valid Document or a DecodeError."""
    try:
        text, _encoding = decode(data)
    except DecodeError:
        return
    for fmt in FORMATS:
        doc = ingest_text("fuzz.txt", text, fmt)
        assert len(doc.starts) == len(doc.ends) == len(doc.text), "offset map and text differ in length"
        assert all(0 <= s <= e <= len(doc.original) for s, e in zip(doc.starts, doc.ends)), "span outside original"
        assert all(0 <= s < e <= len(doc.text) for s, e in doc.placeholders), "placeholder outside text"
        if with_extract:
            from graph.extract import extract

            for relation in extract(doc).relations:
                ev = relation.evidence
                assert ev is None or doc.original[ev.start:ev.end] == ev.original, "evidence is not the original"


def seeds() -> list[bytes]:
    """Return the sample corpus files and a few short inputs to mutate."""
    from graph.resources import sample_corpus

    found = [path.read_bytes() for path in sorted(Path(sample_corpus()).rglob("*")) if path.is_file()]
    return found + [b"", "西安理工大学对口帮扶略阳县。".encode(), b"<html><title>t</title><p>x</p></html>"]


def mutate(rng: random.Random, data: bytes) -> bytes:
    """Return `data` with a few random edits: flips, cuts, splices of TOKENS, or pure noise."""
    out = bytearray(data[:rng.randrange(1, 4096)] if data and rng.random() < 0.5 else data)
    for _ in range(rng.randrange(1, 8)):
        choice = rng.random()
        at = rng.randrange(len(out) + 1)
        if choice < 0.3 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif choice < 0.7:
            out[at:at] = rng.choice(TOKENS)
        elif choice < 0.85:
            del out[at:at + rng.randrange(1, 64)]
        else:
            out[at:at] = rng.randbytes(rng.randrange(1, 32))
    return bytes(out)


def _save(data: bytes, crashes: Path) -> Path:
    crashes.mkdir(parents=True, exist_ok=True)
    path = crashes / f"crash-{hashlib.sha1(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    return path


def fuzz(seconds: float, seed: int = 0, with_extract: bool = False, crashes: Path | None = None) -> int:
    """Check mutated inputs until `seconds` have passed; return how many. Re-raise the first failure."""
    rng, pool = random.Random(seed), seeds()
    deadline, count = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(pool))
        try:
            check(data, with_extract)
        except BaseException:
            if crashes is not None:
                print(f"failing input saved to {_save(data, crashes)}", file=sys.stderr)
            raise
        count += 1
    return count


def _atheris(seconds: float, with_extract: bool, crashes: Path) -> None:
    import tempfile

    import atheris

    for data in seeds():  # warm the caches so the time goes to fuzzing
        check(data)
    atheris.instrument_all()  # coverage feedback from every loaded module (graph's and its parsers')
    crashes.mkdir(parents=True, exist_ok=True)
    corpus = Path(tempfile.mkdtemp(prefix="bangfu-fuzz-"))
    for number, data in enumerate(seeds()):
        (corpus / f"seed-{number}").write_bytes(data)
    atheris.Setup([sys.argv[0], str(corpus), f"-max_total_time={int(seconds)}", f"-artifact_prefix={crashes}/",
                   "-max_len=65536", "-rss_limit_mb=4096"], lambda data: check(data, with_extract))
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extract", action="store_true", help="run the extractor on every document too")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided fuzzing (pip install atheris)")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args(argv)
    if args.atheris:
        _atheris(args.seconds, args.extract, args.crashes)
        return 0
    count = fuzz(args.seconds, args.seed, args.extract, args.crashes)
    print(f"{count} inputs in {args.seconds:g}s, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
