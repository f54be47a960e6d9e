"""Turn a file's bytes into text: BOMs, UTF-8, UTF-16, GB18030/GBK and Big5, detected with charset-normalizer."""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

# The encodings Chinese pages come in; detection chooses among these only, so short GBK text is
# never taken for a Western code page.
CANDIDATES = ("utf_8", "gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be")
_BOMS = ((codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"), (codecs.BOM_UTF8, "utf_8_sig"),
         (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16"))
_MAGIC = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (docx/xlsx?)"),
          (b"\x7fELF", "an executable"), (b"\xd0\xcf\x11\xe0", "an old Office document"))
SAMPLE = 64 * 1024
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Characters Chinese articles are made of; UTF-16 read with the wrong byte order gives mostly others.
_ORDINARY = re.compile("[\t\n\r -~\u00a0-\u00ffāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")


class DecodeError(InputError):
    """A file's bytes are not text in any encoding bangfu reads."""


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Return (text, codec) if NUL-bearing bytes read as UTF-16 text made of ordinary characters."""
    if len(data) % 2 or b"\x00" not in data[:SAMPLE]:
        return None
    for codec in ("utf_16_le", "utf_16_be"):
        try:
            sample = data[:SAMPLE].decode(codec, errors="strict")
        except UnicodeDecodeError:
            continue
        ordinary = sum(len(run) for run in _ORDINARY.findall(sample))
        if not _CONTROL.search(sample) and ordinary >= 0.95 * len(sample):
            try:
                return data.decode(codec), codec.replace("_", "-")
            except UnicodeDecodeError:
                return None
    return None


def _binary_reason(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return f"looks binary ({name}), not text"
    if b"\x00" in data[:SAMPLE]:
        return "looks binary (NUL bytes), not text"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise DecodeError saying why the bytes are not text."""
    if not data.strip():
        raise DecodeError("empty file, no text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("_sig", "-bom").replace("_", "-")
            except UnicodeDecodeError:
                raise DecodeError(f"starts with a {codec} byte-order mark but is not {codec}") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    reason = _binary_reason(data)
    if reason:
        raise DecodeError(reason)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    if best is None:
        raise DecodeError("not UTF-8, UTF-16, GB18030 or Big5 (looks binary or damaged); "
                          "re-save it as UTF-8")
    encoding = best.encoding
    # GBK is a subset of GB18030: report the family name readers know, decode with the superset.
    return data.decode(encoding, errors="replace"), encoding.replace("_", "-")
