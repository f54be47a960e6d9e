"""Properties of ingest and extract over text made of the characters that break naive code."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.extract import extract, to_record
from graph.ingest import Document, Skipped, ingest_text, read_corpus

# Words the extractor acts on, so random text forms names, triggers and sentences around the odd characters.
WORDS = ("西安理工大学", "对口帮扶", "略阳县", "略阳", "南涧", "汉中市", "北京华唐中科教育科技有限公司", "有限公司", "捐赠", "培训",
         "教师", "县职教中心", "中学", "结对", "2019年", "15万元", "__县", "xx名", "来源：汉中日报", "\n\n", "。")
ODD = ("\ufffd", "\u200d", "\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u3000", "\xa0", "\r",
       "\t", "👩\u200d🏫", "🇨🇳", "😀", "，", "。", "！", "？", "；", "：", "“", "”", "‘", "’", "「", "」", "（", "）",
       "【", "】", "《", "》", "〈", "(", ")", "[", "]", "{", "}", "\"", "'", "<", ">", "&", "\\", "#", "*", "_",
       "０", "Ａ", "ｈｔｔｐ", "\u0301", "\U00020000", "\ud800", "\udcff")
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=4),
                   st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=6))
TEXTS = st.lists(PIECES, max_size=40).map("".join)
FORMATS = st.sampled_from(["txt", "md", "html"])
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_document(doc: Document) -> None:
    """Assert the offset map of a document: one span of `original` per character of `text`, in order."""
    assert len(doc.starts) == len(doc.ends) == len(doc.text)
    previous = 0
    for start, end in zip(doc.starts, doc.ends):
        assert 0 <= start <= end <= len(doc.original)
        assert start >= previous
        previous = start
    for start, end in doc.placeholders:
        assert 0 <= start < end <= len(doc.text)


@SETTINGS
@given(TEXTS, FORMATS)
def test_ingest_never_raises_and_offsets_are_valid(text, fmt):
    check_document(ingest_text("doc.txt", text, fmt))


@SETTINGS
@given(TEXTS, FORMATS)
@example("\u202e“西安理工大学\u200d对口帮扶\ufffd略阳县（👩\u200d🏫，捐赠【图书15万元。\ud800", "txt")
@example("汉中市略阳", "txt")  # a short county name ending the text once crashed extraction (IndexError)
@example("<p>西安理工大学\u200f对口帮扶略阳县。</p><p>县职教中心与北京华唐中科教育科技有限公司合作办学“</p>", "html")
def test_extract_gives_mentions_inside_the_text_and_evidence_that_quotes_the_original(text, fmt):
    doc = ingest_text("doc.txt", text, fmt)
    ex = extract(doc)
    for mention in ex.mentions:
        assert 0 <= mention.start < mention.end <= len(doc.text)
        assert doc.text[mention.start:mention.end] == mention.surface
    keys = {entity.key for entity in ex.entities}
    for relation in ex.relations:
        assert {relation.source, relation.target} <= keys
        if relation.evidence is not None:
            ev = relation.evidence
            assert ev.doc == doc.id
            assert 0 <= ev.start <= ev.end <= len(doc.original)
            assert doc.original[ev.start:ev.end] == ev.original
    if "西安理工大学\u200d对口帮扶" in text or "合作办学“" in text:  # the examples: relations are checked
        assert ex.relations
    record = to_record(ex, doc.original_span)
    for entity in record["entities"]:
        assert all(0 <= start <= end <= len(doc.original) for start, end in entity["mentions"])


# Path components the file system accepts: any bytes but NUL and "/", not "." or "..".
NAMES = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"\0", b"_").replace(b"/", b"_")).filter(
    lambda b: b not in (b".", b"..") and not b.startswith(b"."))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES, text=TEXTS)
def test_any_file_name_reads_as_one_document_or_one_skip(tmp_path_factory, name, text):
    folder = tmp_path_factory.mktemp("names")
    path = folder / os.fsdecode(name)  # undecodable bytes become lone surrogates (surrogateescape)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    (item,) = list(read_corpus(folder))
    doc_id = item.path if isinstance(item, Skipped) else item.id
    assert doc_id == name.decode("utf-8", "backslashreplace")  # bytes that are not UTF-8 read as \xNN
    doc_id.encode("utf-8")  # and the id can be written to every UTF-8 output
    if isinstance(item, Document):
        check_document(item)
