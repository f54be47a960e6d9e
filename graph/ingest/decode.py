"""Turn a file's bytes into text: BOMs, UTF-8, UTF-16, GB18030/GBK and Big5, detected with charset-normalizer."""
from __future__ import annotations

import codecs

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


class DecodeError(InputError):
    """A file's bytes are not text in any encoding bangfu reads."""


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the UTF-16 codec if NULs sit on one side of the byte pairs, as in UTF-16 text."""
    sample = data[:SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if half and max(even, odd) > 0.2 * half and min(even, odd) < 0.02 * half:
        return "utf_16_be" if even > odd else "utf_16_le"
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
        try:
            return data.decode(utf16), utf16.replace("_", "-")
        except UnicodeDecodeError:
            pass
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
